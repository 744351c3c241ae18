#!/usr/bin/env python3
"""Checks the documents registry and the authority's details before msoko itself can.

What is checked (errors make the exit code 1, warnings do not):
- every page with `kind: document` has exactly the registry keys, with the right types
  (title, description, kind, act, number, approved, date, file; optional issuer,
  updated, amends, cancels); at most one document may go without a file;
- the file lies next to the page and is a PDF (starts with %PDF, ends with %%EOF);
- dates are in order: approved <= date <= updated <= today, an act is placed on the site
  within two weeks of signing, an amending or cancelling act is later than its target;
- every `amends`/`cancels` reference, every plan's `approved.document` and `evidence`
  naming a document, and every `document:` in site.yaml points to content/<ref>.md
  with `kind: document`; a plan's approving act has the plan's number and date;
- no act both amends and cancels the same act; no act is cancelled twice;
- site.yaml parses and its `authority` block has the keys of 8-ФЗ ст. 13;
- Markdown links to site pages (/documents/…, /about/…, /news/…) lead to existing pages.

Usage: python3 tools/check_documents.py [--root DIR] [--today YYYY-MM-DD]
"""

import argparse
import datetime as dt
import os
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover - PyYAML is present on the build machine
    sys.exit("PyYAML is required: apt-get install python3-yaml")

REQUIRED = {"title": str, "description": str, "kind": str, "act": str, "number": str,
            "approved": dt.date, "date": dt.date}
OPTIONAL = {"file": str, "issuer": str, "updated": dt.date, "amends": list, "cancels": list}
ACTS = {"приказ", "постановление", "распоряжение", "решение", "положение", "порядок",
        "регламент", "план"}
AUTHORITY_KEYS = ["full_name", "short_name", "address", "phone", "email", "schedule", "inn",
                  "head", "ogrn", "phones", "deputies", "subdivisions", "powers",
                  "information_systems", "media", "social", "appeals", "vacancies",
                  "inspections", "programs", "open_data", "report_deadline"]
# Sections the tool generates from data, not from content/.
GENERATED = {"/", "/indicators/", "/orgs/", "/plans/", "/open-data/", "/search/",
             "/objectivity/", "/shnor/"}
GENERATED_PREFIXES = ("/indicators/", "/orgs/", "/objectivity/", "/shnor/", "/opendata/",
                      "/special/", "/msoko/year/")


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, where, message):
        self.errors.append(f"{where}: {message}")

    def warn(self, where, message):
        self.warnings.append(f"{where}: {message}")


def front_matter(path):
    text = open(path, encoding="utf-8").read()
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        return None, text
    return yaml.safe_load(m.group(1)) or {}, text[m.end():]


def load_pages(root):
    pages = {}
    content = os.path.join(root, "content")
    for folder, _, files in os.walk(content):
        for name in sorted(files):
            if name.endswith(".md"):
                path = os.path.join(folder, name)
                ref = os.path.relpath(path, content)[:-3].replace(os.sep, "/")
                meta, body = front_matter(path)
                pages[ref] = (path, meta, body)
    return pages


def working_days(start, end):
    days, d = 0, start
    while d < end:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            days += 1
    return days


def check_document(ref, path, meta, today, report):
    for key, kind in REQUIRED.items():
        if key not in meta:
            report.error(path, f"нет ключа «{key}»")
        elif not isinstance(meta[key], kind) or (kind is dt.date and isinstance(meta[key], dt.datetime)):
            report.error(path, f"«{key}» должен быть {kind.__name__}, а не {meta[key]!r}")
    for key in meta:
        if key not in REQUIRED and key not in OPTIONAL:
            report.error(path, f"лишний ключ «{key}»")
    for key, kind in OPTIONAL.items():
        if key in meta and not isinstance(meta[key], kind):
            report.error(path, f"«{key}» должен быть {kind.__name__}, а не {meta[key]!r}")
    if meta.get("kind") != "document":
        report.error(path, "kind должен быть document")
    act = meta.get("act")
    if isinstance(act, str) and (act not in ACTS or act != act.lower()):
        report.error(path, f"неизвестный вид акта «{act}»")
    for key in ("amends", "cancels"):
        for target in meta.get(key) or []:
            if not isinstance(target, str):
                report.error(path, f"{key}: ссылка {target!r} не строка")
    approved, placed, updated = meta.get("approved"), meta.get("date"), meta.get("updated")
    if isinstance(approved, dt.date) and isinstance(placed, dt.date):
        if placed < approved:
            report.error(path, f"дата размещения {placed} раньше даты документа {approved}")
        elif working_days(approved, placed) > 10:
            report.warn(path, f"размещён через {working_days(approved, placed)} рабочих дней после подписания")
        if approved.weekday() >= 5:
            report.warn(path, f"документ подписан в выходной день ({approved})")
        if placed > today:
            report.error(path, f"дата размещения {placed} позже сегодняшней {today}")
    if isinstance(updated, dt.date) and isinstance(placed, dt.date) and updated < placed:
        report.error(path, f"дата изменения {updated} раньше даты размещения {placed}")
    if isinstance(updated, dt.date) and updated > today:
        report.error(path, f"дата изменения {updated} позже сегодняшней {today}")
    body_line = f"от {approved.strftime('%d.%m.%Y')} № {meta.get('number')}" \
        if isinstance(approved, dt.date) else None
    return body_line


def check_file(path, meta, report):
    name = meta.get("file")
    if name is None:
        return False
    if "/" in name or name.startswith("."):
        report.error(path, f"файл «{name}» должен лежать рядом со страницей")
        return True
    full = os.path.join(os.path.dirname(path), name)
    if not os.path.isfile(full):
        report.error(path, f"нет файла {name}")
        return True
    data = open(full, "rb").read()
    if not data.startswith(b"%PDF-"):
        report.error(full, "не PDF: файл не начинается с %PDF")
    elif b"%%EOF" not in data[-1024:]:
        report.error(full, "PDF обрезан: нет %%EOF в конце")
    if len(data) > 400 * 1024:
        report.warn(full, f"файл большой: {len(data) // 1024} КБ")
    return True


def resolve(pages, ref, where, report, what):
    """A reference `documents/x` must name a document page."""
    if not isinstance(ref, str):
        report.error(where, f"{what}: ссылка {ref!r} не строка")
        return None
    ref = ref.strip("/")
    if ref not in pages:
        report.error(where, f"{what}: нет страницы content/{ref}.md")
        return None
    meta = pages[ref][1] or {}
    if meta.get("kind") != "document":
        report.error(where, f"{what}: content/{ref}.md не документ (kind: document)")
        return None
    return meta


def check_links(root, pages, report):
    content = os.path.join(root, "content")
    plans = {f[:-5] for f in os.listdir(os.path.join(root, "data", "plans")) if f.endswith(".yaml")}
    for ref, (path, meta, body) in sorted(pages.items()):
        for target in re.findall(r"\]\((/[^)\s]*)\)", body):
            url = target.split("#")[0].split("?")[0]
            # msoko's own link check covers these (it knows every page it generates).
            if url in GENERATED or url.startswith(GENERATED_PREFIXES):
                continue
            if url.startswith("/plans/"):
                plan = url[len("/plans/"):].strip("/")
                if plan and plan not in plans:
                    report.error(path, f"ссылка {target}: нет плана data/plans/{plan}.yaml")
                continue
            local = url.strip("/")
            if re.search(r"\.\w+$", local):
                if not os.path.isfile(os.path.join(content, local)):
                    report.error(path, f"ссылка {target}: нет файла content/{local}")
                continue
            if local in pages or f"{local}/_index" in pages:
                continue
            report.error(path, f"ссылка {target}: нет страницы")


def walk_documents(node, trail=""):
    """Yields (trail, value) for every `document:` key in a YAML tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{trail}.{key}" if trail else str(key)
            if key == "document":
                yield here, value
            else:
                yield from walk_documents(value, here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk_documents(value, f"{trail}[{i}]")


def check_site(root, pages, report):
    path = os.path.join(root, "site.yaml")
    try:
        site = yaml.safe_load(open(path, encoding="utf-8"))
    except yaml.YAMLError as err:
        report.error(path, f"YAML не читается: {err}")
        return
    authority = site.get("authority") or {}
    for key in AUTHORITY_KEYS:
        if key not in authority:
            report.error(path, f"authority: нет ключа «{key}»")
    for key in authority:
        if key not in AUTHORITY_KEYS:
            report.error(path, f"authority: лишний ключ «{key}»")
    if not re.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", str(authority.get("report_deadline", ""))):
        report.error(path, "authority.report_deadline: нужна строка ММ-ДД, например \"10-25\"")
    for trail, ref in walk_documents(authority, "authority"):
        resolve(pages, ref, path, report, trail)
    appeals = authority.get("appeals") or {}
    for key in ("page", "reviews"):
        if appeals.get(key) and appeals[key].strip("/") not in pages:
            report.error(path, f"authority.appeals.{key}: нет страницы content/{appeals[key]}.md")
    for i, item in enumerate(authority.get("programs") or []):
        if not item.get("document") and not item.get("url"):
            report.error(path, f"authority.programs[{i}]: нужен document или url")
    for i, vacancy in enumerate((authority.get("vacancies") or {}).get("list") or []):
        if not isinstance(vacancy.get("until"), dt.date):
            report.error(path, f"authority.vacancies.list[{i}].until: нужна дата")
    for i, inspection in enumerate(authority.get("inspections") or []):
        if not isinstance(inspection.get("date"), dt.date):
            report.error(path, f"authority.inspections[{i}].date: нужна дата")


def check_plans(root, pages, report):
    folder = os.path.join(root, "data", "plans")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".yaml"):
            continue
        path = os.path.join(folder, name)
        plan = yaml.safe_load(open(path, encoding="utf-8"))
        approved = plan.get("approved") or {}
        ref = approved.get("document")
        if ref is None:
            report.warn(path, f"план утверждён {approved.get('kind')} № {approved.get('number')}, но не ссылается на документ")
        else:
            meta = resolve(pages, ref, path, report, "approved.document")
            if meta:
                if str(meta.get("number")) != str(approved.get("number")):
                    report.error(path, f"номер {approved.get('number')} не совпадает с номером документа {meta.get('number')}")
                if meta.get("approved") != approved.get("date"):
                    report.error(path, f"дата {approved.get('date')} не совпадает с датой документа {meta.get('approved')}")
        text = open(path, encoding="utf-8").read()
        for evidence in re.findall(r"evidence: \[([^\]]*)\]", text):
            for item in evidence.split(","):
                item = item.strip()
                if item.startswith("documents/"):
                    resolve(pages, item, path, report, "evidence")
                elif item and item.strip("/") not in pages:
                    report.error(path, f"evidence: нет страницы content/{item}.md")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."))
    parser.add_argument("--today", default="2026-11-20", type=dt.date.fromisoformat)
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    report = Report()
    pages = load_pages(root)
    documents = {ref: v for ref, v in pages.items() if (v[1] or {}).get("kind") == "document"}
    without_file = []
    seen_numbers = {}
    for ref, (path, meta, body) in sorted(documents.items()):
        designation = check_document(ref, path, meta, args.today, report)
        if not check_file(path, meta, report):
            without_file.append(path)
        if designation and designation not in body:
            report.warn(path, f"в тексте нет обозначения акта «{designation}»")
        if "## Краткое содержание" not in body:
            report.warn(path, "нет раздела «Краткое содержание»")
        key = (meta.get("issuer", "УО"), meta.get("number"),
               getattr(meta.get("approved"), "year", None))
        if key in seen_numbers:
            report.error(path, f"номер {meta.get('number')} уже занят: {seen_numbers[key]}")
        seen_numbers[key] = path
    if len(without_file) > 1:
        report.error("content/documents", "без файла может быть не больше одного документа: "
                     + ", ".join(without_file))
    cancelled_by = {}
    for ref, (path, meta, _) in sorted(documents.items()):
        amends = [r.strip("/") for r in meta.get("amends") or [] if isinstance(r, str)]
        cancels = [r.strip("/") for r in meta.get("cancels") or [] if isinstance(r, str)]
        for both in set(amends) & set(cancels):
            report.error(path, f"{both} одновременно изменяется и отменяется этим актом")
        for key, targets in (("amends", amends), ("cancels", cancels)):
            for target in targets:
                if target == ref:
                    report.error(path, f"{key}: акт ссылается сам на себя")
                    continue
                other = resolve(pages, target, path, report, key)
                if not other:
                    continue
                if isinstance(other.get("approved"), dt.date) and isinstance(meta.get("approved"), dt.date) \
                        and other["approved"] >= meta["approved"]:
                    report.error(path, f"{key}: {target} ({other['approved']}) не раньше этого акта ({meta['approved']})")
                if key == "cancels":
                    if target in cancelled_by:
                        report.error(path, f"{target} уже отменён актом {cancelled_by[target]}")
                    cancelled_by[target] = ref
                target_updated = other.get("updated")
                if isinstance(meta.get("date"), dt.date) and (
                        not isinstance(target_updated, dt.date) or target_updated < meta["date"]):
                    report.warn(pages[target][0], f"изменён/отменён актом {ref} от {meta['date']}, "
                                f"а дата изменения страницы (updated) — {target_updated}")
    check_plans(root, pages, report)
    check_site(root, pages, report)
    check_links(root, pages, report)
    for line in report.warnings:
        print("предупреждение:", line)
    for line in report.errors:
        print("ошибка:", line)
    amended = {t for _, m, _ in documents.values() for t in (m.get("amends") or [])}
    cancelled = {t for _, m, _ in documents.values() for t in (m.get("cancels") or [])}
    print(f"документов: {len(documents)}, изменённых: {len(amended)}, утративших силу: "
          f"{len(cancelled)}; ошибок: {len(report.errors)}, предупреждений: {len(report.warnings)}")
    sys.exit(1 if report.errors else 0)


if __name__ == "__main__":
    main()
