#!/usr/bin/env python3
"""Generates the demo site's raw assessment results (data/results/) for the
objectivity and low-results analytics, and the indicator values derived from them
(data/values/, listed below).

Deterministic: a fixed seed and expected counts rounded by largest remainder, so
the same script always writes the same bytes. Run from the repository root:

    python3 tools/gen_results.py

The numbers are invented but shaped like a real municipality of twelve schools:
most schools ordinary, and a few believable cases for the rules to find
(ANALYTICS.md, issue 9):

- sosh-3: help during the ВПР in 2024 and 2025 (high quality with many marks
  "raised" above the journal), and its 2024 8th grade not confirmed by the ОГЭ 2025;
- sosnovskaya-sosh: a cohort jump (4th grade 2024 at 90 % «4»/«5», the same class
  in 5th grade 2025 at about 40 %);
- lugovskaya-sosh: inflated school marks (many ВПР marks "lowered" below the
  journal) in 2024 and 2025;
- sosh-1: medal candidates not confirming on the ЕГЭ 2025;
- taezhnaya-sosh: persistently low results (a share of «2» near 30 %), and
  ozernaya-oosh low until 2023, better since 2024;
- licey-2 and gimnaziya-4: high results in their profile subjects, expected;
- berezovskaya-nosh: a primary school whose 4th grade is too small for the rules
  (and in 2025, with 4 pupils, too small to publish);
- sosh-5: divided on 01.09.2025 into shkola-5 (5–11 grades) and nosh-5 (its primary
  building); from 2026 its results are filed under them (see DIVIDED);
- 2026 (ВПР in spring, ОГЭ and ЕГЭ in summer; the site is built as of 20.11.2026):
  the measures of 2025 worked at sosh-3 and lugovskaya-sosh (ordinary results),
  taezhnaya-sosh improves but stays low (order 181-П keeps it on the 2026/27 list),
  sosh-1's candidates confirm their medals. From 2026 on, results vary as in a
  real municipality: each grade of a school has its own size (a cohort is bigger or
  smaller), each school-year its own level, each school its own marking habit, and
  the region's means move from year to year.

Each year up to 2025 draws from one random stream, as it always did, so adding a
year never changes the years before it: from 2026 on, a year has its own stream.

It then writes the indicator values that come from these results (data/values/),
read back from the files just written, so /indicators/ can never disagree with
/objectivity/ and /shnor/ (edit the generator, never those CSV files by hand):

- vpr-low (by subject), vpr-marks (by mark): ВПР m2..m5 / participants, русский
  язык and математика, 4–8 grades, all variants;
- vpr-marks-match: confirmed / (lowered + confirmed + raised), every ВПР grade and
  subject, as the journal chart of /objectivity/<year>/;
- ege-rus-mean, ege-math-prof-mean: ЕГЭ mean (the municipality: weighted by
  participants);
- medal-not-confirmed: medal_not_confirmed / medal_candidates;
- oo-objectivity-signs: schools on the official list (objectivity_official.csv)
  / schools that wrote the ВПР;
- shnor-vpr-low, shnor-improved: the share of «2» in русский язык and математика of
  the schools of SUPPORT_LIST (as on /shnor/<year>/), and how many of them had a
  lower share than the year before.

The site's privacy rule holds: a group below privacy.min_group (site.yaml) is left
out of the school's value and of the municipal one; the municipality pools the
schools' published groups; the region comes from <year>-region.csv. What the raw
results cannot give (Russia, the region before its files, …) is in EXTERNAL.
"""

import csv
import math
import os
import random

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "results")
YEARS = [2021, 2022, 2023, 2024, 2025, 2026]
# The stream of 2021–2025, in the order the generator has always drawn from it.
HISTORY = random.Random(20251120)
rng = HISTORY


def use_year(part, year):
    """Draw from the historical stream up to 2025, from a stream of its own after."""
    global rng
    rng = HISTORY if year <= 2025 else random.Random(f"{part}-{year}")


def varied(year):
    """Whether a year is generated with the realistic variation of 2026 on."""
    return year >= 2026

# Pupils per grade (before absences) and the grades each school teaches.
SCHOOLS = {
    "sosh-1": dict(size=74, grades=range(1, 12), mu=0.10),
    "licey-2": dict(size=56, grades=range(1, 12), mu=0.20),
    "sosh-3": dict(size=50, grades=range(1, 12), mu=0.00),
    "gimnaziya-4": dict(size=55, grades=range(1, 12), mu=0.20),
    "sosh-5": dict(size=60, grades=range(1, 12), mu=0.15),
    "sosh-6": dict(size=44, grades=range(1, 12), mu=-0.15),
    "sosh-7": dict(size=48, grades=range(1, 12), mu=0.00, opened=2024),
    "sosnovskaya-sosh": dict(size=21, grades=range(1, 12), mu=0.00),
    "ozernaya-oosh": dict(size=13, grades=range(1, 10), mu=-0.20),
    "lugovskaya-sosh": dict(size=18, grades=range(1, 12), mu=-0.05),
    "taezhnaya-sosh": dict(size=13, grades=range(1, 12), mu=-0.85),
    "berezovskaya-nosh": dict(size=8, grades=range(1, 5), mu=-0.10),
}
BEREZOVKA_4TH = {2021: 8, 2022: 7, 2023: 9, 2024: 6, 2025: 4, 2026: 7}

# ВПР subjects by grade (2025: no 11th grade).
VPR_SUBJECTS = {
    4: ["русский язык", "математика", "окружающий мир"],
    5: ["русский язык", "математика", "история", "биология"],
    6: ["русский язык", "математика", "география", "обществознание"],
    7: ["русский язык", "математика", "физика", "английский язык"],
    8: ["русский язык", "математика", "химия", "биология"],
    11: ["история", "физика", "география"],
}
SUBJECT_MU = {"русский язык": 0.0, "математика": -0.05, "окружающий мир": 0.25, "английский язык": -0.1}
# Profile subjects: a лицей strong in mathematics, a гимназия in Russian.
PROFILE_MU = {
    ("licey-2", "математика"): 0.75,
    ("licey-2", "физика"): 0.5,
    ("gimnaziya-4", "русский язык"): 0.65,
}

# Cut points of a pupil's latent score for marks «2»/«3»/«4»/«5»: at mu = 0 about
# 8 % «2», 44 % «3», 32 % «4», 16 % «5».
CUTS = [-1.4, 0.05, 1.0]


def phi(x):
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def mark_shares(mu):
    c = [phi(cut - mu) for cut in CUTS]
    return [c[0], c[1] - c[0], c[2] - c[1], 1.0 - c[2]]


def split(n, shares):
    """n people in parts of the given shares, rounded by largest remainder."""
    raw = [n * s for s in shares]
    counts = [int(math.floor(r)) for r in raw]
    rest = sorted(range(len(raw)), key=lambda i: (-(raw[i] - counts[i]), i))
    for i in rest[: n - sum(counts)]:
        counts[i] += 1
    return counts


def school_mu(org, year, grade, subject):
    s = SCHOOLS[org]
    mu = s["mu"] + SUBJECT_MU.get(subject, 0.0) + PROFILE_MU.get((org, subject), 0.0)
    if org == "ozernaya-oosh":
        mu = -0.70 if year <= 2023 else 0.10
    if org == "sosh-6":
        mu = {2021: -0.45, 2022: -0.40, 2023: -0.30}.get(year, -0.10)
    if org == "taezhnaya-sosh":
        mu += {2021: 0.05, 2022: -0.05, 2023: 0.0, 2024: -0.10, 2025: 0.12, 2026: 0.22}[year]
    spread = 0.25 if SCHOOLS[org]["size"] < 25 else 0.12
    if varied(year):
        # The school's level of the year, shared by its grades, and a class's own.
        mu += SCHOOL_YEAR.setdefault((org, year), rng.gauss(0.0, 0.10))
        return mu + rng.gauss(0.0, 0.6 * spread)
    return mu + rng.uniform(-spread, spread)


# (org, year) -> the school's level that year (2026 on).
SCHOOL_YEAR = {}
# org -> (lowered, raised): how the school's teachers mark against the ВПР, from
# strict (few lowered) to lenient (many lowered); 2026 on.
MARKING = {
    "sosh-1": (0.20, 0.07), "licey-2": (0.12, 0.09), "sosh-3": (0.18, 0.08),
    "gimnaziya-4": (0.15, 0.08), "sosh-5": (0.24, 0.06), "sosh-6": (0.27, 0.05),
    "sosh-7": (0.30, 0.06), "sosnovskaya-sosh": (0.19, 0.10), "ozernaya-oosh": (0.33, 0.05),
    "lugovskaya-sosh": (0.24, 0.05), "taezhnaya-sosh": (0.26, 0.07), "berezovskaya-nosh": (0.16, 0.09),
}
# (org, first year of the cohort) -> its size factor, 2026 on: cohorts differ.
COHORT = {}


def journal_shares(org, year, grade, subject):
    """(lowered, confirmed, raised) shares of those compared."""
    if varied(year):
        low, high = MARKING[org]
        lowered = min(0.6, max(0.03, low + rng.gauss(0.0, 0.05)))
        raised = min(0.3, max(0.01, high + rng.gauss(0.0, 0.025)))
        return [lowered, 1.0 - lowered - raised, raised]
    lowered, raised = 0.22 + rng.uniform(-0.04, 0.04), 0.07 + rng.uniform(-0.02, 0.03)
    if org == "lugovskaya-sosh" and (year, grade) in [(2024, 7), (2025, 6), (2025, 7)] and subject in ("русский язык", "математика"):
        lowered, raised = 0.55, 0.03
    return [lowered, 1.0 - lowered - raised, raised]


# ВПР help: (org, year, grade, subject) -> (mu, raised share).
HELP = {
    ("sosh-3", 2024, 5, "математика"): (1.55, 0.36),
    ("sosh-3", 2024, 8, "математика"): (1.45, 0.34),
    ("sosh-3", 2025, 5, "математика"): (1.50, 0.35),
    ("sosh-3", 2025, 7, "математика"): (1.40, 0.31),
    # The 4th grade of 2024 at Sosnovka: 90 % «4»/«5»; the same class in 5th grade
    # 2025 writes like everyone else.
    ("sosnovskaya-sosh", 2024, 4, "математика"): (1.75, 0.12),
}


def vpr_row(org, year, grade, subject, variant=""):
    s = SCHOOLS[org]
    if org == "berezovskaya-nosh":
        size = BEREZOVKA_4TH[year]
        n = size
    elif varied(year):
        # A cohort keeps its size from grade to grade: keyed by the year it started.
        factor = COHORT.setdefault((org, year - grade), rng.uniform(0.72, 1.3))
        size = max(3, round(s["size"] * factor))
        # Absences: a few, more in a big class, sometimes none.
        n = size - min(size - 1, rng.randint(0, max(1, size // 8)))
    else:
        size = s["size"] + rng.randint(-3, 3)
        n = size - rng.randint(0, max(1, size // 12))
    if (org, year, grade, subject) in HELP:
        mu, raised = HELP[(org, year, grade, subject)]
        mu += rng.uniform(-0.05, 0.05)
        shares = [0.08, 1.0 - 0.08 - raised, raised]
    else:
        mu = school_mu(org, year, grade, subject)
        if org == "sosnovskaya-sosh" and (year, grade, subject) == (2025, 5, "математика"):
            mu = -0.30
        shares = journal_shares(org, year, grade, subject)
    if variant == "углублённая":
        mu += 0.3
    marks = split(n, mark_shares(mu))
    compared = n - rng.randint(0, 1) if n > 2 else n
    lowered, confirmed, raised = split(compared, shares)
    return [org, grade, subject, n, *marks, lowered, confirmed, raised, variant]


def vpr_grades(org, year):
    grades = [g for g in (4, 5, 6, 7, 8, 11) if g in SCHOOLS[org]["grades"]]
    if year >= 2025:
        grades = [g for g in grades if g != 11]
    return grades


# sosh-5 was divided on 01.09.2025 (постановление № 812): its primary building is
# now МБОУ «НОШ № 5» (nosh-5), the rest МБОУ «Школа № 5» (shkola-5); sosh-5 stays in
# the register, closed on 31.08.2025, with its results up to 2025. Its results from
# 2026 on are drawn as before (the same streams, so every municipal number stays as
# it was) and filed under the new schools: the 4th grade under nosh-5, the rest
# under shkola-5.
DIVIDED = {"sosh-5": (2026, "nosh-5", "shkola-5")}
SUCCESSORS = ["shkola-5", "nosh-5"]


def filed_under(org, year, grade=None):
    if org in DIVIDED and year >= DIVIDED[org][0]:
        first, nosh, school = DIVIDED[org]
        return nosh if grade is not None and int(grade) <= 4 else school
    return org


def relabel(rows, year, with_grade=False):
    return [[filed_under(r[0], year, r[1] if with_grade else None), *r[1:]] for r in rows]


def opened(org, year):
    return year >= SCHOOLS[org].get("opened", 0)


def write(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(cell(v) for v in row) + "\n")


def cell(v):
    if isinstance(v, float):
        return f"{v:.2f}".rstrip("0").rstrip(".") if v % 1 else str(int(v))
    text = str(v)
    return f'"{text}"' if "," in text else text


VPR_HEADER = ["org", "grade", "subject", "participants", "m2", "m3", "m4", "m5", "lowered", "confirmed", "raised", "variant"]


# The region's level in a year, from 2026 on (before, a draw per grade and subject).
REGION_VPR = {2026: 0.09}


def region_vpr_row(grade, subject, variant="", year=0):
    n = 11800 + rng.randint(-400, 400)
    mu = 0.05 + SUBJECT_MU.get(subject, 0.0) + (0.3 if variant else 0.0) + rng.uniform(-0.08, 0.08)
    mu += REGION_VPR.get(year, 0.0)
    marks = split(n, mark_shares(mu))
    compared = n - rng.randint(50, 150)
    low, high = 0.21 + rng.uniform(-0.02, 0.02), 0.08 + rng.uniform(-0.015, 0.015)
    lowered, confirmed, raised = split(compared, [low, 1.0 - low - high, high])
    return [grade, subject, n, *marks, lowered, confirmed, raised, variant]


def gen_vpr():
    for year in YEARS:
        use_year("vpr", year)
        rows = []
        region = []
        for grade in (4, 5, 6, 7, 8, 11):
            if year >= 2025 and grade == 11:
                continue
            for subject in VPR_SUBJECTS[grade]:
                variants = [""]
                if year >= 2024 and grade in (7, 8) and subject == "математика":
                    variants = ["", "углублённая"]
                for variant in variants:
                    region.append(region_vpr_row(grade, subject, variant, year))
        for org in SCHOOLS:
            if not opened(org, year):
                continue
            for grade in vpr_grades(org, year):
                for subject in VPR_SUBJECTS[grade]:
                    # Small schools write the compulsory subjects and one more.
                    if SCHOOLS[org]["size"] < 15 and subject not in ("русский язык", "математика") and subject != VPR_SUBJECTS[grade][2]:
                        continue
                    variant = ""
                    if org == "licey-2" and year >= 2024 and grade in (7, 8) and subject == "математика":
                        variant = "углублённая"
                    rows.append(vpr_row(org, year, grade, subject, variant))
        has_variant = year >= 2024
        header = VPR_HEADER if has_variant else VPR_HEADER[:-1]
        width = len(header)
        rows = relabel(rows, year, with_grade=True)
        write(os.path.join(ROOT, "vpr", f"{year}.csv"), header, [r[:width] for r in rows])
        if year >= 2023:
            rheader = header[1:]
            write(os.path.join(ROOT, "vpr", f"{year}-region.csv"), rheader, [r[: width - 1] for r in region])


OGE_SUBJECTS = ["русский язык", "математика", "обществознание", "информатика", "биология", "география"]
EGE_SUBJECTS = ["русский язык", "математика профильная", "обществознание", "физика", "химия", "биология", "история", "информатика", "английский язык"]
EGE_MIN = {"русский язык": 24, "математика профильная": 27, "обществознание": 42, "физика": 36, "химия": 36, "биология": 36, "история": 32, "информатика": 40, "английский язык": 22}
EGE_MEAN = {"русский язык": 69, "математика профильная": 56, "обществознание": 57, "физика": 55, "химия": 57, "биология": 52, "история": 56, "информатика": 60, "английский язык": 66}
EGE_SHARE = {"русский язык": 1.0, "математика профильная": 0.45, "обществознание": 0.45, "физика": 0.2, "химия": 0.15, "биология": 0.2, "история": 0.15, "информатика": 0.2, "английский язык": 0.12}
OGE_SHARE = {"русский язык": 1.0, "математика": 1.0, "обществознание": 0.6, "информатика": 0.45, "биология": 0.3, "география": 0.45}


def oge_row(org, year, subject, n, mu):
    marks = split(n, mark_shares(mu + 0.25))
    mean = sum((k + 2) * c for k, c in enumerate(marks)) / n
    return [org, subject, n, round(mean, 2), marks[0], marks[3]]


def gen_oge():
    for year in YEARS:
        use_year("oge", year)
        rows = []
        for org, s in SCHOOLS.items():
            if not opened(org, year) or 9 not in s["grades"]:
                continue
            size = s["size"] + rng.randint(-3, 3)
            for subject in OGE_SUBJECTS:
                n = max(0, round(size * OGE_SHARE[subject]))
                if n < 3:
                    continue
                mu = school_mu(org, year, 9, "математика" if subject == "математика" else subject)
                # sosh-3's 8th grade of 2024 (the high ВПР) writes the ОГЭ like others.
                if org == "sosh-3" and year == 2025 and subject == "математика":
                    mu = -0.15
                rows.append(oge_row(org, year, subject, n, mu))
        rows = relabel(rows, year)
        write(os.path.join(ROOT, "oge", f"{year}.csv"), ["org", "subject", "participants", "mean", "below_min", "high"], rows)
        if year >= 2024:
            level = REGION_OGE.get(year, 0.05)
            region = [oge_row("", year, subject, round(9800 * OGE_SHARE[subject]), level)[1:] for subject in OGE_SUBJECTS]
            write(os.path.join(ROOT, "oge", f"{year}-region.csv"), ["subject", "participants", "mean", "below_min", "high"], region)


# The region's level (ОГЭ) and the shift of its ЕГЭ means by year: they move.
REGION_OGE = {2026: 0.08}
REGION_EGE = {2024: 1.0, 2025: 1.6, 2026: 0.7}


def ege_scores(n, mean):
    """Scores of n graduates around a mean, spread evenly (deterministic quantiles)."""
    out = []
    for i in range(n):
        q = (i + 0.5) / n
        # Inverse of the normal CDF by bisection.
        lo, hi = -5.0, 5.0
        for _ in range(50):
            mid = (lo + hi) / 2
            if phi(mid) < q:
                lo = mid
            else:
                hi = mid
        out.append(max(0, min(100, round(mean + 15 * lo))))
    return out


# Medal candidates (from 2024) or medalists (before) and those below the ЕГЭ threshold.
MEDALS = {
    "sosh-1": {2021: (7, 1), 2022: (8, 0), 2023: (6, 1), 2024: (9, 1), 2025: (8, 3), 2026: (9, 1)},
    "licey-2": {2021: (10, 0), 2022: (9, 1), 2023: (11, 0), 2024: (10, 0), 2025: (12, 1), 2026: (11, 1)},
    "gimnaziya-4": {2021: (7, 0), 2022: (8, 1), 2023: (7, 0), 2024: (6, 0), 2025: (7, 0), 2026: (8, 1)},
    "sosh-5": {2021: (5, 0), 2022: (4, 1), 2023: (5, 1), 2024: (6, 1), 2025: (5, 0), 2026: (6, 0)},
    "sosh-3": {2021: (4, 0), 2022: (5, 0), 2023: (3, 0), 2024: (4, 1), 2025: (5, 1), 2026: (4, 0)},
    "sosh-6": {2021: (2, 1), 2022: (3, 0), 2023: (2, 0), 2024: (3, 1), 2025: (3, 0), 2026: (2, 0)},
    "sosnovskaya-sosh": {2023: (1, 0), 2025: (2, 0), 2026: (1, 0)},
    "lugovskaya-sosh": {2022: (1, 0), 2024: (2, 1)},
    "sosh-7": {2026: (3, 0)},
}


def ege_row(org, year, subject, n, mean_shift):
    mean = EGE_MEAN[subject] + mean_shift
    scores = ege_scores(n, mean)
    below = sum(1 for x in scores if x < EGE_MIN[subject])
    high = sum(1 for x in scores if x >= 81)
    return [org, subject, n, round(sum(scores) / n, 1), below, high]


def gen_ege():
    for year in YEARS:
        use_year("ege", year)
        rows = []
        for org, s in SCHOOLS.items():
            if 11 not in s["grades"] or not opened(org, year) or (org == "sosh-7" and year < 2025):
                continue
            size = round(s["size"] * 0.55) + rng.randint(-2, 2)
            if org == "sosh-7":
                size = 14
            for subject in EGE_SUBJECTS:
                n = round(size * EGE_SHARE[subject])
                if n < 3:
                    continue
                shift = 12 * (s["mu"] + PROFILE_MU.get((org, "математика" if subject == "математика профильная" else subject), 0) * 0.8) + rng.uniform(-2, 2)
                row = ege_row(org, year, subject, n, shift)
                medals = MEDALS.get(org, {}).get(year)
                row += list(medals) if subject == "русский язык" and medals else ["", ""]
                rows.append(row)
        header = ["org", "subject", "participants", "mean", "below_min", "high", "medal_candidates", "medal_not_confirmed"]
        rows = relabel(rows, year)
        write(os.path.join(ROOT, "ege", f"{year}.csv"), header, rows)
        if year >= 2024:
            region = []
            for subject in EGE_SUBJECTS:
                r = ege_row("", year, subject, round(5200 * EGE_SHARE[subject]), REGION_EGE[year])
                region.append(r[1:])
            write(os.path.join(ROOT, "ege", f"{year}-region.csv"), header[1:6], region)


def gen_official():
    src = "письмо Министерства образования Приозёрной области"
    rows = [
        [2021, "sosh-6", "ВПР: признаки необъективности результатов (4 и 5 классы)", f"{src} от 12.11.2021 № 02-14/5310"],
        [2021, "sosnovskaya-sosh", "ВПР: признаки необъективности результатов (4 и 5 классы)", f"{src} от 12.11.2021 № 02-14/5310"],
        [2022, "sosh-6", "ВПР: признаки необъективности результатов (4 и 5 классы)", f"{src} от 14.12.2022 № 02-14/6122"],
        [2022, "lugovskaya-sosh", "ВПР: признаки необъективности результатов (4 и 5 классы)", f"{src} от 14.12.2022 № 02-14/6122"],
        [2023, "sosh-6", "ВПР: признаки необъективности результатов (4 и 5 классы)", f"{src} от 10.11.2023 № 02-14/4987"],
        [2024, "sosh-6", "ВПР: признаки необъективности результатов (4 и 5 классы)", f"{src} от 03.09.2024 № 02-14/4117"],
    ]
    write(os.path.join(ROOT, "objectivity_official.csv"), ["year", "org", "list", "source"], rows)


def gen_comments():
    rows = [
        [2025, "sosh-3", "Школа провела анализ результатов ВПР 2024 и 2025 годов вместе с управлением образования. С 2025/26 учебного года работы 5–8 классов проверяются комиссией из учителей других школ, на ВПР присутствуют независимые наблюдатели, а результаты обсуждаются с родителями на собраниях."],
        [2025, "lugovskaya-sosh", "Школа согласна с выводом о завышении текущих отметок в 6–7 классах. Утверждено положение о единых критериях оценивания, методическое объединение учителей проводит ежемесячную перекрёстную проверку контрольных работ."],
    ]
    write(os.path.join(ROOT, "objectivity_comments.csv"), ["year", "org", "comment"], rows)


# --- Indicator values (data/values/) derived from the raw results above --------------
#
# Read back from the files just written, so the indicator pages and the objectivity and
# ШНОР analytics show the same numbers. The rules are the site's: a group (one grade and
# subject of a school, or a school's medal candidates) smaller than privacy.min_group is
# published nowhere and enters no municipal value; municipal values pool the schools'
# published groups, weighted by participants; the region's come from <year>-region.csv.

VALUES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "values")
SITE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "site.yaml")
RUS_MATH = ["русский язык", "математика"]
MARKS = ["«2»", "«3»", "«4»", "«5»"]

# What the raw results cannot give, kept as published: Russia's values, the region's
# before its files (only where they fit the region's later values), the region's medal
# index and share of schools on the official list, and the shnor-improved of 2021
# (it needs 2020). Edit them here: the generator rewrites data/values/ whole.
EXTERNAL = {
    "vpr-low": [
        (2021, "russia", 11.2, "русский язык"), (2021, "russia", 12.4, "математика"),
        (2022, "russia", 10.6, "русский язык"), (2022, "russia", 11.7, "математика"),
        (2023, "russia", 10.1, "русский язык"), (2023, "russia", 11.0, "математика"),
        (2024, "russia", 9.7, "русский язык"), (2024, "russia", 10.8, "математика"),
        (2025, "russia", 9.3, "русский язык"), (2025, "russia", 10.1, "математика"),
        (2026, "russia", 9.0, "русский язык"), (2026, "russia", 10.4, "математика"),
    ],
    "vpr-marks-match": [
        (2021, "region", 69.0), (2022, "region", 70.4),
        (2021, "russia", 68.6), (2022, "russia", 69.9), (2023, "russia", 71.2),
        (2024, "russia", 72.3), (2025, "russia", 73.5), (2026, "russia", 73.1),
    ],
    "ege-rus-mean": [
        (2021, "russia", 71.4), (2022, "russia", 68.3), (2023, "russia", 68.5),
        (2024, "russia", 68.2), (2025, "russia", 68.0), (2026, "russia", 68.6),
    ],
    "ege-math-prof-mean": [
        (2021, "russia", 55.1), (2022, "russia", 56.9), (2023, "russia", 56.4),
        (2024, "russia", 55.6), (2025, "russia", 56.1), (2026, "russia", 55.4),
    ],
    "medal-not-confirmed": [
        (2021, "region", 15.8), (2022, "region", 13.9), (2023, "region", 12.1),
        (2024, "region", 10.4), (2025, "region", 9.0), (2026, "region", 8.1),
    ],
    "oo-objectivity-signs": [
        (2021, "region", 11.4), (2022, "region", 10.2), (2023, "region", 8.9),
        (2024, "region", 7.6), (2025, "region", 6.3),
    ],
    "shnor-improved": [(2021, "municipality", 33.3)],
}

# The schools of the department's ШНОР and ШНСУ list in the school year of each ВПР
# (ВПР 2025: the list of 2024/25), for shnor-vpr-low and shnor-improved.
SUPPORT_LIST = {
    2021: ["sosh-6", "ozernaya-oosh", "taezhnaya-sosh"],
    2022: ["sosh-6", "ozernaya-oosh", "taezhnaya-sosh"],
    2023: ["sosh-6", "ozernaya-oosh", "taezhnaya-sosh"],
    2024: ["ozernaya-oosh", "taezhnaya-sosh"],
    2025: ["ozernaya-oosh", "taezhnaya-sosh"],
    2026: ["ozernaya-oosh", "taezhnaya-sosh"],
}


# The years whose official list (objectivity_official.csv) the region has sent; a
# year's list may name no school of the municipality (2025).
OFFICIAL_YEARS = [2021, 2022, 2023, 2024, 2025]


def min_group():
    with open(SITE, encoding="utf-8") as f:
        for line in f:
            if line.strip().startswith("min_group:"):
                return int(line.split(":", 1)[1].split("#")[0])
    return 5


def read(path):
    full = os.path.join(ROOT, path)
    if not os.path.exists(full):
        return None
    with open(full, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def percent(count, n):
    """As the site computes a share (count / n, then × 100), so both round alike."""
    return count / n * 100.0


class Pool:
    """Counts summed over groups."""

    def __init__(self, size):
        self.n = 0
        self.counts = [0] * size

    def add(self, n, counts):
        self.n += n
        self.counts = [a + b for a, b in zip(self.counts, counts)]


def write_values(indicator, extra, rows):
    """rows: (year, org, value[, extra]); value a float written with one decimal."""
    header = ["year", "org", "value"] + ([extra] if extra else [])
    schools = [*SCHOOLS, *SUCCESSORS]
    order = {org: i for i, org in enumerate(["municipality", "region", "russia", *schools])}
    kinds = {label: i for i, label in enumerate(RUS_MATH + MARKS)}
    # A year: the municipality, region and Russia for each subject, then each school.
    rows = sorted(rows, key=lambda r: (r[0], r[1] in schools, order[r[1]] if r[1] in schools else 0, [kinds[x] for x in r[3:]], order[r[1]]))
    with open(os.path.join(VALUES, f"{indicator}.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for year, org, value, *more in rows:
            f.write(",".join([str(year), org, f"{value:.1f}", *more]) + "\n")


def gen_values():
    small = min_group()
    out = {name: [] for name in ["vpr-low", "vpr-marks", "vpr-marks-match", "ege-rus-mean", "ege-math-prof-mean", "medal-not-confirmed", "oo-objectivity-signs", "shnor-vpr-low", "shnor-improved"]}
    fail = {}  # (year, org) -> Pool of «2» in русский язык and математика, 4–8 grades
    official = read("objectivity_official.csv")
    for year in YEARS:
        schools = read(f"vpr/{year}.csv")
        region = read(f"vpr/{year}-region.csv")
        by_subject, marks, journal = {}, {}, {}
        for place, rows in [("school", schools), ("region", region or [])]:
            for r in rows:
                org = r["org"] if place == "school" else "region"
                n = int(r["participants"])
                if place == "school" and n < small:
                    continue
                m = [int(r[k]) for k in ("m2", "m3", "m4", "m5")]
                targets = [org] + (["municipality"] if place == "school" else [])
                if r["subject"] in RUS_MATH and 4 <= int(r["grade"]) <= 8:
                    for t in targets:
                        by_subject.setdefault((t, r["subject"]), Pool(1)).add(n, m[:1])
                        marks.setdefault(t, Pool(4)).add(n, m)
                if r["confirmed"] != "":
                    k = int(r["lowered"]) + int(r["confirmed"]) + int(r["raised"])
                    if place == "region" or k >= small:
                        for t in targets:
                            journal.setdefault(t, Pool(1)).add(k, [int(r["confirmed"])])
        for (org, subject), p in by_subject.items():
            out["vpr-low"].append((year, org, percent(p.counts[0], p.n), subject))
        for org, p in marks.items():
            for label, count in zip(MARKS, p.counts):
                out["vpr-marks"].append((year, org, percent(count, p.n), label))
            fail[(year, org)] = p
        for org, p in journal.items():
            out["vpr-marks-match"].append((year, org, percent(p.counts[0], p.n)))

        # ЕГЭ means and the medal index.
        ege, ege_region = read(f"ege/{year}.csv"), read(f"ege/{year}-region.csv")
        for subject, name in [("русский язык", "ege-rus-mean"), ("математика профильная", "ege-math-prof-mean")]:
            total, n_all = 0.0, 0
            for r in ege:
                n = int(r["participants"])
                if r["subject"] != subject or n < small:
                    continue
                out[name].append((year, r["org"], float(r["mean"])))
                total, n_all = total + float(r["mean"]) * n, n_all + n
            if n_all:
                out[name].append((year, "municipality", total / n_all))
            for r in ege_region or []:
                if r["subject"] == subject:
                    out[name].append((year, "region", float(r["mean"])))
        medals = Pool(1)
        for r in ege:
            if r["medal_candidates"] in ("", None) or int(r["medal_candidates"]) < small:
                continue
            m, u = int(r["medal_candidates"]), int(r["medal_not_confirmed"])
            out["medal-not-confirmed"].append((year, r["org"], percent(u, m)))
            medals.add(m, [u])
        if medals.n:
            out["medal-not-confirmed"].append((year, "municipality", percent(medals.counts[0], medals.n)))

        # Schools on the official list of the year / schools that wrote the ВПР; only
        # for the years whose list the region has sent (none of 2026 by 20.11.2026).
        if year in OFFICIAL_YEARS:
            listed = {r["org"] for r in official if int(r["year"]) == year}
            wrote = {r["org"] for r in schools}
            out["oo-objectivity-signs"].append((year, "municipality", percent(len(listed & wrote), len(wrote))))

        # Schools of the ШНОР and ШНСУ list: their «2» (as on /shnor/) and who improved.
        members = [org for org in SUPPORT_LIST.get(year, []) if (year, org) in fail]
        if members:
            pooled = Pool(1)
            for org in members:
                p = fail[(year, org)]
                pooled.add(p.n, p.counts[:1])
                out["shnor-vpr-low"].append((year, org, percent(p.counts[0], p.n)))
            out["shnor-vpr-low"].append((year, "municipality", percent(pooled.counts[0], pooled.n)))
            before = [org for org in members if (year - 1, org) in fail]
            if year - 1 in YEARS and before:
                share = lambda y, o: fail[(y, o)].counts[0] / fail[(y, o)].n
                better = [org for org in before if share(year, org) < share(year - 1, org)]
                out["shnor-improved"].append((year, "municipality", percent(len(better), len(before))))
    for name, rows in out.items():
        extra = {"vpr-low": "subject", "vpr-marks": "mark"}.get(name)
        write_values(name, extra, rows + EXTERNAL.get(name, []))


if __name__ == "__main__":
    gen_vpr()
    gen_oge()
    gen_ege()
    gen_official()
    gen_comments()
    gen_values()
