#!/usr/bin/env python3
"""Writes a region-scale msoko site for measuring speed and memory (issue 22).

Deterministic (a fixed seed; the same arguments always write the same bytes), no
dependencies beyond the standard library. The site is invented but shaped like a
region's: schools in districts, ten years of every assessment, indicators with a
value per school and year, a long plan and many news pages.

    python3 tools/gen_region.py OUT [--schools 1000] [--districts 60]
                                    [--years 10] [--pages 10000] [--git]

OUT must not exist. `--git` commits the site into a new repository (dated
2026-11-01), as a real site is: open-data versions and page dates come from git. Then: `msoko build --root OUT --as-of 2026-11-20`.

What it writes:
- site.yaml: the authority's details (enough for `build`; `check` lists gaps);
- data/organizations.yaml: SCHOOLS schools in DISTRICTS districts (`district:`, and
  in the name and address), a tenth of them
  primary or basic schools, a twentieth лицеи/гимназии with a profile;
- data/results/{vpr,oge,ege}/<year>.csv for the last YEARS years up to 2025 and
  <year>-region.csv benchmarks: ВПР in grades 4-8 and 11, ОГЭ, ЕГЭ with medals;
- data/analytics.yaml: the demo's rules, a medal regime for every year;
- data/indicators/region.yaml + data/values/*.csv: four indicators with a value
  per school per year (the per-organisation pages and charts at scale);
- data/plans/region-2025.yaml: a road map of 300 items in 10 sections;
- content/: a home page, PAGES news pages of about 2 KB of Russian text.
"""

import argparse
import math
import os
import random
import subprocess
import sys

AS_OF_YEAR = 2025
VPR_SUBJECTS = {
    4: ["русский язык", "математика", "окружающий мир"],
    5: ["русский язык", "математика", "история", "биология"],
    6: ["русский язык", "математика", "география", "обществознание"],
    7: ["русский язык", "математика", "физика", "английский язык"],
    8: ["русский язык", "математика", "химия", "биология"],
    11: ["история", "физика", "география"],
}
OGE_SUBJECTS = ["русский язык", "математика", "обществознание", "информатика", "биология"]
EGE_SUBJECTS = ["русский язык", "математика профильная", "обществознание", "физика", "история"]
CUTS = [-1.4, 0.05, 1.0]
DEADLINES = [
    "До 01.12.2025", "Сентябрь 2025", "Сентябрь – октябрь 2025", "ежегодно, октябрь",
    "в течение года", "по графику", "1 квартал 2026", "Ноябрь-декабрь 2025", "постоянно",
    "до 15.05.2026", "2 полугодие 2025-2026 учебного года", "по потребности",
]
WORDS = (
    "управление образования провело мониторинг качества подготовки обучающихся "
    "результаты всероссийских проверочных работ показали что доля участников "
    "получивших отметку выше чем в прошлом году методические объединения учителей "
    "рассмотрели задания вызвавшие затруднения и составили план адресной помощи "
    "школам с низкими результатами кураторы посетили уроки и провели консультации"
).split()


def phi(x):
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def split(n, shares):
    """n people in parts of the given shares, rounded by largest remainder."""
    raw = [n * s for s in shares]
    counts = [int(math.floor(r)) for r in raw]
    rest = sorted(range(len(raw)), key=lambda i: (-(raw[i] - counts[i]), i))
    for i in rest[: n - sum(counts)]:
        counts[i] += 1
    return counts


def marks(n, mu):
    c = [phi(cut - mu) for cut in CUTS]
    return split(n, [c[0], c[1] - c[0], c[2] - c[1], 1.0 - c[2]])


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_csv(path, header, rows):
    lines = [",".join(header)]
    lines += [",".join(str(v) for v in row) for row in rows]
    write_text(path, "\n".join(lines) + "\n")


def make_schools(rng, count, districts):
    schools = []
    for i in range(count):
        d = i % districts + 1
        no = i // districts + 1
        roll = rng.random()
        if roll < 0.05:
            kind, grades, label = "licey", range(1, 12), f"Лицей № {no}"
        elif roll < 0.10:
            kind, grades, label = "nosh", range(1, 5), f"НОШ № {no}"
        elif roll < 0.15:
            kind, grades, label = "oosh", range(1, 10), f"ООШ № {no}"
        else:
            kind, grades, label = "sosh", range(1, 12), f"СОШ № {no}"
        schools.append(dict(
            id=f"r{d:02d}-{kind}-{no}",
            district=d,
            label=label,
            kind=kind,
            grades=grades,
            size=rng.randint(8, 90),
            mu=rng.gauss(0.0, 0.35) + (0.4 if kind == "licey" else 0.0),
        ))
    return schools


def organizations_yaml(schools):
    out = ["# Реестр образовательных организаций (сгенерирован tools/gen_region.py)."]
    for s in schools:
        form = "МАОУ" if s["kind"] == "licey" else "МБОУ"
        out.append(f"- id: {s['id']}")
        out.append(f"  name: \"Муниципальное общеобразовательное учреждение «{s['label']}» района {s['district']}\"")
        out.append(f"  short_name: \"{form} «{s['label']}» (район {s['district']})\"")
        out.append("  kind: school")
        out.append(f"  district: \"Район {s['district']}\"")
        out.append(f"  address: \"Район {s['district']}, ул. Школьная, д. {s['district']}\"")
        out.append(f"  rural: {'true' if s['size'] < 25 else 'false'}")
        if s["kind"] == "licey":
            out.append("  profile: {kind: лицей, subjects: [математика, физика]}")
    return "\n".join(out) + "\n"


def vpr_rows(rng, schools, year):
    rows, region = [], {}
    for s in schools:
        for grade, subjects in VPR_SUBJECTS.items():
            if grade not in s["grades"] or (grade == 11 and year == 2025):
                continue
            for subject in subjects:
                n = max(1, s["size"] + rng.randint(-4, 4) - rng.randint(0, 5))
                m = marks(n, s["mu"] + rng.uniform(-0.2, 0.2))
                compared = n - rng.randint(0, 1) if n > 2 else n
                lowered = 0.22 + rng.uniform(-0.08, 0.08)
                raised = 0.07 + rng.uniform(-0.03, 0.04)
                jr = split(compared, [lowered, 1.0 - lowered - raised, raised])
                rows.append([s["id"], grade, subject, n, *m, *jr, ""])
                agg = region.setdefault((grade, subject), [0] * 8)
                for k, v in enumerate([n, *m, *jr]):
                    agg[k] += v
    region_rows = [["region", g, subj, *v, ""] for (g, subj), v in sorted(region.items())]
    return rows, region_rows


def gia_rows(rng, schools, subjects, ege):
    rows = []
    for s in schools:
        if 9 not in s["grades"]:
            continue
        if ege and 11 not in s["grades"]:
            continue
        for k, subject in enumerate(subjects):
            n = max(1, (s["size"] if k < 2 else s["size"] // 3) + rng.randint(-3, 3))
            if ege:
                mean = round(62 + 12 * s["mu"] + rng.uniform(-4, 4), 1)
                below = split(n, [0.04, 0.96])[0]
                high = split(n, [max(0.0, min(1.0, 0.1 + 0.1 * s["mu"])), 0])[0]
                cand = rng.randint(0, max(1, n // 8)) if subject == "русский язык" else ""
                nc = rng.randint(0, cand) if cand != "" else ""
                rows.append([s["id"], subject, n, mean, below, high, cand, nc])
            else:
                mean = round(3.6 + 0.4 * s["mu"] + rng.uniform(-0.15, 0.15), 2)
                below = split(n, [0.05, 0.95])[0]
                high = split(n, [max(0.0, min(1.0, 0.2 + 0.1 * s["mu"])), 0])[0]
                rows.append([s["id"], subject, n, mean, below, high])
    return rows


def region_gia(rows, ege):
    by = {}
    for r in rows:
        b = by.setdefault(r[1], [0, 0.0, 0, 0])
        b[0] += r[2]
        b[1] += r[3] * r[2]
        b[2] += r[4]
        b[3] += r[5]
    out = []
    for subject, (n, total, below, high) in sorted(by.items()):
        mean = round(total / n, 2 if not ege else 1)
        row = ["region", subject, n, mean, below, high]
        out.append(row + (["", ""] if ege else []))
    return out


def analytics_yaml(years):
    medals = "\n".join(
        f"  {y}: {{regime: \"{'2024' if y >= 2024 else 'до 2024'}\", threshold: 70}}" for y in years
    )
    return (
        "version: \"region\"\npublish_named: true\nn_min: 10\nbenchmark: region\n"
        "rules:\n"
        "  a:  {effect: 20, z: 2.33}\n  b1: {effect: 10, z: 2.33}\n  b2: {effect: 20, z: 2.33}\n"
        "  confirmed_below: 50\n  c:  {effect: 25, z: 2.33}\n  d:  {min_not_confirmed: 2, share: 25}\n"
        "  e:  {z: 2.33, sd_oge: 0.75, sd_ege: 15}\n"
        "  g: {bottom: 10, ratio: 1.5, absolute: 30, procedures: 2, years: 3, min_years: 2,"
        " subjects: [русский язык, математика]}\n  contamination: 30\n"
        "combine:\n  vpr_bias: \"a AND (b1 OR c OR f)\"\n  marking: \"b2 OR d\"\n  gia: \"e\"\n"
        f"medals:\n{medals}\n"
    )


INDICATORS = [
    ("staff-young", "Доля педагогов в возрасте до 35 лет", "%", "higher", 18.0, 6.0),
    ("olymp-share", "Доля участников муниципального этапа олимпиады", "%", "higher", 22.0, 8.0),
    ("attend-rate", "Посещаемость уроков", "%", "higher", 93.0, 3.0),
    ("class-size", "Средняя наполняемость класса", "чел.", "higher", 21.0, 4.0),
]


def indicators(rng, schools, years):
    meta = ["direction: {id: region, title: \"Показатели региона\"}", "indicators:"]
    values = {}
    for ind, title, unit, better, mean, sd in INDICATORS:
        meta += [
            f"  - id: {ind}", f"    title: \"{title}\"", f"    unit: \"{unit}\"",
            f"    better: {better}", "    method: \"Расчёт по данным организаций\"",
            "    source: \"Мониторинг\"",
        ]
        rows = []
        for y in years:
            total = 0.0
            for s in schools:
                v = max(0.0, min(100.0, rng.gauss(mean, sd)))
                total += v
                rows.append([y, s["id"], f"{v:.1f}"])
            rows.append([y, "municipality", f"{total / len(schools):.1f}"])
        values[ind] = rows
    return "\n".join(meta) + "\n", values


def plan_yaml(rng):
    out = [
        "id: region-2025",
        "title: \"Дорожная карта развития региональной системы оценки качества образования на 2025–2026 годы\"",
        "approved: {kind: \"приказ\", number: \"1-П\", date: 2025-08-29}",
        "period: {from: 2025-09-01, to: 2026-12-31}",
        "sections:",
    ]
    for sec in range(1, 11):
        out += [f"  - title: \"{sec}. Раздел дорожной карты № {sec}\"", "    items:"]
        for item in range(1, 31):
            status = rng.choice(["", "", "done", "in_progress"])
            out += [
                f"      - no: \"{sec}.{item}\"",
                f"        title: \"Мероприятие {sec}.{item}: провести мониторинг и подготовить аналитическую справку\"",
                f"        due: \"{rng.choice(DEADLINES)}\"",
                "        responsible: \"Отдел общего образования\"",
            ]
            if status:
                out.append(f"        status: {status}")
    return "\n".join(out) + "\n"


def news_page(rng, i):
    words = [rng.choice(WORDS) for _ in range(260)]
    paragraphs = [" ".join(words[k:k + 52]).capitalize() + "." for k in range(0, 260, 52)]
    day = 1 + i % 28
    month = 1 + (i // 28) % 10
    return (
        f"---\ntitle: \"Новость № {i + 1}: итоги мониторинга\"\ndate: 2025-{month:02d}-{day:02d}\n---\n\n"
        + "\n\n".join(paragraphs) + "\n"
    )


def commit(root):
    env = dict(os.environ, GIT_AUTHOR_DATE="2026-11-01T12:00:00Z", GIT_COMMITTER_DATE="2026-11-01T12:00:00Z",
               GIT_AUTHOR_NAME="gen_region", GIT_AUTHOR_EMAIL="gen@example.ru",
               GIT_COMMITTER_NAME="gen_region", GIT_COMMITTER_EMAIL="gen@example.ru")
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "region"]):
        subprocess.run(cmd, cwd=root, env=env, check=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("--schools", type=int, default=1000)
    p.add_argument("--districts", type=int, default=60)
    p.add_argument("--years", type=int, default=10)
    p.add_argument("--pages", type=int, default=10000)
    p.add_argument("--git", action="store_true", help="commit the site into a new git repository")
    a = p.parse_args()
    if os.path.exists(a.out):
        sys.exit(f"{a.out} already exists")
    rng = random.Random(20261120)
    years = list(range(AS_OF_YEAR - a.years + 1, AS_OF_YEAR + 1))
    schools = make_schools(rng, a.schools, a.districts)
    root = a.out

    write_text(os.path.join(root, "site.yaml"), (
        "title: \"Министерство образования Приозёрной области (пример региона)\"\n"
        "base_url: \"https://edu.region.example.ru\"\n"
        "menu:\n  - {title: \"Организации\", url: \"/orgs/\"}\n  - {title: \"Новости\", url: \"/news/\"}\n"
        "authority:\n  full_name: \"Министерство образования Приозёрной области\"\n"
        "  short_name: \"Минобразования области\"\nprivacy:\n  min_group: 5\n"
    ))
    write_text(os.path.join(root, "content", "_index.md"), "---\ntitle: \"Главная\"\n---\n\nРегион.\n")
    write_text(os.path.join(root, "content", "news", "_index.md"), "---\ntitle: \"Новости\"\n---\n")
    for i in range(a.pages):
        write_text(os.path.join(root, "content", "news", f"n{i:05d}.md"), news_page(rng, i))
    write_text(os.path.join(root, "data", "organizations.yaml"), organizations_yaml(schools))
    write_text(os.path.join(root, "data", "analytics.yaml"), analytics_yaml(years))
    write_text(os.path.join(root, "data", "plans", "region-2025.yaml"), plan_yaml(rng))
    meta, values = indicators(rng, schools, years)
    write_text(os.path.join(root, "data", "indicators", "region.yaml"), meta)
    for ind, rows in values.items():
        write_csv(os.path.join(root, "data", "values", f"{ind}.csv"), ["year", "org", "value"], rows)

    vpr_header = ["org", "grade", "subject", "participants", "m2", "m3", "m4", "m5",
                  "lowered", "confirmed", "raised", "variant"]
    oge_header = ["org", "subject", "participants", "mean", "below_min", "high"]
    ege_header = oge_header + ["medal_candidates", "medal_not_confirmed"]
    results = os.path.join(root, "data", "results")
    for y in years:
        rows, region = vpr_rows(rng, schools, y)
        write_csv(os.path.join(results, "vpr", f"{y}.csv"), vpr_header, rows)
        write_csv(os.path.join(results, "vpr", f"{y}-region.csv"), vpr_header, region)
        oge = gia_rows(rng, schools, OGE_SUBJECTS, ege=False)
        write_csv(os.path.join(results, "oge", f"{y}.csv"), oge_header, oge)
        write_csv(os.path.join(results, "oge", f"{y}-region.csv"), oge_header, region_gia(oge, False))
        ege = gia_rows(rng, schools, EGE_SUBJECTS, ege=True)
        write_csv(os.path.join(results, "ege", f"{y}.csv"), ege_header, ege)
        write_csv(os.path.join(results, "ege", f"{y}-region.csv"), ege_header, region_gia(ege, True))
    if a.git:
        commit(root)
    print(f"{a.schools} schools in {a.districts} districts, {len(years)} years, "
          f"{a.pages} pages written to {root}")


if __name__ == "__main__":
    main()
