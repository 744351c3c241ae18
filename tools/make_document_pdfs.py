#!/usr/bin/env python3
"""Renders the official text of each act in content/documents/ into the PDF attached
to its page (the `file:` key of the front matter).

The texts live in tools/document_texts.yaml, one entry per page (the page's file name
without .md): the basis («В соответствии с …»), the numbered points, the signer and
the annexes. The heading, kind, number and date come from the page's front matter, so
the PDF and the page cannot disagree. Each act is laid out as an HTML page styled like
a municipal blank (ГОСТ Р 7.0.97-2016 in spirit: the issuer's header, the kind of act,
date and number, place, title, preamble, «ПРИКАЗЫВАЮ:», numbered points, signature)
and printed with headless Chromium.

A plan annex may be taken from data/plans/<id>.yaml (`plan: <id>`): the plan is printed
as approved, without the marks of completion.

Usage:
    python3 tools/make_document_pdfs.py [--root DIR] [--keep-html DIR] [SLUG ...]

Without SLUG every page that has an entry in document_texts.yaml is rendered; pages
without an entry (prikaz-148, prikaz-178: their PDFs came from elsewhere) are left alone.
"""

import argparse
import datetime as dt
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
          "сентября", "октября", "ноября", "декабря"]

UO = "управления образования администрации Кедровогорского муниципального округа"
ADM = "администрации Кедровогорского муниципального округа"

# How each form of act looks: the header lines, the word for the kind, the enacting
# formula, the default signer and how an annex refers to the act.
FORMS = {
    "uo_prikaz": {
        "header": ["ПРИОЗЁРНАЯ ОБЛАСТЬ", "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ",
                   "АДМИНИСТРАЦИИ КЕДРОВОГОРСКОГО", "МУНИЦИПАЛЬНОГО ОКРУГА"],
        "kind": "ПРИКАЗ",
        "formula": "П Р И К А З Ы В А Ю:",
        "signer": [["Начальник управления образования", "Н. В. Лебедева"]],
        "annex_ref": "к приказу " + UO,
        "approved_by": "приказом " + UO,
    },
    "adm_postanovlenie": {
        "header": ["АДМИНИСТРАЦИЯ", "КЕДРОВОГОРСКОГО МУНИЦИПАЛЬНОГО ОКРУГА",
                   "ПРИОЗЁРНОЙ ОБЛАСТИ"],
        "kind": "ПОСТАНОВЛЕНИЕ",
        "formula": "администрация Кедровогорского муниципального округа П О С Т А Н О В Л Я Е Т:",
        "signer": [["Глава Кедровогорского муниципального округа", "А. В. Беляев"]],
        "annex_ref": "к постановлению " + ADM,
        "approved_by": "постановлением " + ADM,
    },
    "adm_rasporyazhenie": {
        "header": ["АДМИНИСТРАЦИЯ", "КЕДРОВОГОРСКОГО МУНИЦИПАЛЬНОГО ОКРУГА",
                   "ПРИОЗЁРНОЙ ОБЛАСТИ"],
        "kind": "РАСПОРЯЖЕНИЕ",
        "formula": None,
        "signer": [["Глава Кедровогорского муниципального округа", "А. В. Беляев"]],
        "annex_ref": "к распоряжению " + ADM,
        "approved_by": "распоряжением " + ADM,
    },
    "duma_reshenie": {
        "header": ["ДУМА", "КЕДРОВОГОРСКОГО МУНИЦИПАЛЬНОГО ОКРУГА",
                   "ПРИОЗЁРНОЙ ОБЛАСТИ"],
        "kind": "РЕШЕНИЕ",
        "formula": "Дума Кедровогорского муниципального округа Р Е Ш И Л А:",
        "signer": [["Председатель Думы Кедровогорского муниципального округа", "С. Н. Ковалёв"],
                   ["Глава Кедровогорского муниципального округа", "А. В. Беляев"]],
        "annex_ref": "к решению Думы Кедровогорского муниципального округа",
        "approved_by": "решением Думы Кедровогорского муниципального округа",
    },
}

CSS = """
@page { size: A4; margin: 18mm 12mm 18mm 28mm; }
html { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 13pt;
       line-height: 1.2; color: #000; }
body { margin: 0; }
p { margin: 0; text-align: justify; hyphens: auto; }
.blank { text-align: center; font-weight: bold; line-height: 1.25; }
.kind { text-align: center; font-weight: bold; font-size: 16pt; letter-spacing: 0.35em;
        margin: 14pt 0 12pt; }
.dateline { display: flex; justify-content: space-between; }
.place { text-align: center; margin: 2pt 0 14pt; font-size: 12pt; }
.title { font-weight: bold; width: 62%; text-align: left; margin-bottom: 12pt; }
.indent { text-indent: 12.5mm; }
.formula { font-weight: bold; letter-spacing: 0.06em; margin: 6pt 0 4pt; }
ol.points { list-style: none; margin: 0; padding: 0; }
ol.points > li { text-indent: 12.5mm; text-align: justify; margin: 0; }
ol.points li .sub { text-indent: 12.5mm; display: block; }
ol.points > li:last-child { break-after: avoid; break-inside: avoid; }
.sign { break-before: avoid; }
.sign { display: flex; justify-content: space-between; align-items: flex-end;
        margin-top: 22pt; break-inside: avoid; }
.sign .pos { width: 60%; }
.executor { margin-top: 14pt; font-size: 10pt; line-height: 1.15; }
.annex { break-before: page; }
.annex + .annex { break-before: auto; margin-top: 22pt; }
.annex-ref { margin-left: 55%; font-size: 12pt; line-height: 1.2; margin-bottom: 14pt; }
.annex-title { text-align: center; font-weight: bold; margin-bottom: 10pt; }
.annex h3 { font-size: 13pt; text-align: center; margin: 10pt 0 4pt; }
.annex p { text-indent: 12.5mm; }
.annex p.noindent { text-indent: 0; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; line-height: 1.12;
        margin: 4pt 0 8pt; }
th, td { border: 0.6pt solid #000; padding: 1.5pt 3pt; vertical-align: top; text-align: left; }
th { font-weight: bold; text-align: center; }
tr { break-inside: avoid; }
td.sec { font-weight: bold; }
table.plan { font-size: 9.5pt; }
.nw { white-space: nowrap; }
"""


def ru_date(d):
    return d.strftime("%d.%m.%Y")


def ru_date_words(d):
    return f"«{d.day:02d}» {MONTHS[d.month - 1]} {d.year} г."


def esc(text):
    """Escapes text and keeps together what a typesetter would: «№ 42-П», «273-ФЗ»,
    initials and a surname."""
    text = html.escape(str(text), quote=False)
    text = re.sub(r"№ (\S+)", r'<span class="nw">№&nbsp;\1</span>', text)
    text = re.sub(r"(?<![\w-])(\d+-[А-ЯЁA-Z]+)", r'<span class="nw">\1</span>', text)
    text = re.sub(r"([А-ЯЁ]\.) ([А-ЯЁ]\.)", r"\1&nbsp;\2", text)
    text = re.sub(r"([А-ЯЁ][а-яё]+) ([А-ЯЁ]\.&nbsp;[А-ЯЁ]\.)", r"\1&nbsp;\2", text)
    text = re.sub(r"([А-ЯЁ]\.&nbsp;[А-ЯЁ]\.) ([А-ЯЁ][а-яё]+)", r"\1&nbsp;\2", text)
    return text


def read_front_matter(path):
    text = open(path, encoding="utf-8").read()
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        raise SystemExit(f"{path}: no front matter")
    return yaml.safe_load(m.group(1))


def render_points(points):
    out = ['<ol class="points">']
    for i, point in enumerate(points, 1):
        if isinstance(point, str):
            out.append(f"<li>{i}. {esc(point)}</li>")
        else:
            subs = "".join(f'<span class="sub">{esc(s)}</span>' for s in point.get("sub", []))
            out.append(f"<li>{i}. {esc(point['text'])}{subs}</li>")
    out.append("</ol>")
    return "\n".join(out)


def plan_rows(section, rows, depth=0):
    rows.append(("sec", section["title"]))
    for item in section.get("items") or []:
        # YAML 1.1 reads the key «no» as false.
        if False in item:
            item["no"] = item.pop(False)
        rows.append(("item", item))
    for sub in section.get("sections") or []:
        plan_rows(sub, rows, depth + 1)


def render_plan(root, plan_id, columns):
    plan = yaml.safe_load(open(os.path.join(root, "data", "plans", plan_id + ".yaml"),
                               encoding="utf-8"))
    rows = []
    for section in plan["sections"]:
        plan_rows(section, rows)
    names = {"no": "№", "title": "Мероприятие", "due": "Срок", "responsible": "Ответственные",
             "form": "Форма", "result": "Результат"}
    widths = {"no": "6%", "title": "40%", "due": "14%", "responsible": "20%",
              "form": "14%", "result": "20%"}
    head = "".join(f'<th style="width:{widths[c]}">{names[c]}</th>' for c in columns)
    out = [f'<p class="annex-title">{esc(plan["title"]).upper()}</p>',
           f'<table class="plan"><thead><tr>{head}</tr></thead><tbody>']
    for kind, value in rows:
        if kind == "sec":
            out.append(f'<tr><td class="sec" colspan="{len(columns)}">{esc(value)}</td></tr>')
        else:
            cells = "".join(f"<td>{esc(value.get(c, '') or '')}</td>" for c in columns)
            out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def render_blocks(root, blocks):
    out = []
    for block in blocks:
        if "h" in block:
            out.append(f"<h3>{esc(block['h'])}</h3>")
        elif "p" in block:
            out.append(f"<p>{esc(block['p'])}</p>")
        elif "np" in block:
            out.append(f'<p class="noindent">{esc(block["np"])}</p>')
        elif "table" in block:
            table = block["table"]
            head = "".join(f"<th>{esc(h)}</th>" for h in table["head"])
            body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>"
                           for row in table["rows"])
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        elif "plan" in block:
            columns = [("no" if c is False else c)
                       for c in block.get("columns", ["no", "title", "due", "responsible"])]
            out.append(render_plan(root, block["plan"], columns))
        else:
            raise SystemExit(f"unknown annex block {block}")
    return "\n".join(out)


def render(root, slug, meta, text):
    form = FORMS[text["form"]]
    approved = meta["approved"]
    number = str(text.get("act_number", meta["number"]))
    heading = text.get("heading", meta["title"])
    parts = ['<div class="blank">' + "<br>".join(form["header"]) + "</div>",
             f'<div class="kind">{form["kind"]}</div>',
             f'<div class="dateline"><span>{ru_date(approved)}</span><span>№ {esc(number)}</span></div>',
             '<div class="place">г. Кедровогорск</div>',
             f'<div class="title">{esc(heading)}</div>']
    for para in text["basis"].strip().split("\n"):
        parts.append(f'<p class="indent">{esc(para)}</p>')
    if form["formula"]:
        parts.append(f'<p class="formula">{form["formula"]}</p>')
    parts.append(render_points(text["points"]))
    for position, name in text.get("signer", form["signer"]):
        parts.append(f'<div class="sign"><span class="pos">{esc(position)}</span>'
                     f"<span>{esc(name)}</span></div>")
    if text.get("executor"):
        parts.append(f'<div class="executor">{esc(text["executor"])}</div>')
    annexes = text.get("annexes", [])
    for annex in annexes:
        label = annex.get("label", "Приложение")
        if annex.get("stamp"):
            ref = (f"{esc(annex['stamp'])}<br>{esc(form['approved_by'])}<br>"
                   f"от {ru_date(approved)} № {esc(number)}")
        else:
            ref = f"{label}<br>{esc(form['annex_ref'])}<br>от {ru_date(approved)} № {esc(number)}"
        parts.append('<div class="annex">')
        parts.append(f'<div class="annex-ref">{ref}</div>')
        if annex.get("title"):
            title = "<br>".join(esc(line) for line in annex["title"].split("\n"))
            parts.append(f'<p class="annex-title">{title}</p>')
        parts.append(render_blocks(root, annex.get("blocks", [])))
        parts.append("</div>")
    doc_title = f"{form['kind'].capitalize()} от {ru_date(approved)} № {number}"
    return ("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(doc_title)}</title><style>{CSS}</style></head><body>\n"
            + "\n".join(parts) + "\n</body></html>\n")


def print_pdf(html_path, pdf_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") \
        or shutil.which("google-chrome")
    if not chromium:
        raise SystemExit("chromium not found")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={profile}", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf_path}", "file://" + os.path.abspath(html_path)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."))
    parser.add_argument("--keep-html", help="also write the HTML sources into this folder")
    parser.add_argument("slugs", nargs="*")
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    texts = yaml.safe_load(open(os.path.join(root, "tools", "document_texts.yaml"),
                                encoding="utf-8"))
    slugs = args.slugs or sorted(texts)
    docs = os.path.join(root, "content", "documents")
    failed = False
    for slug in slugs:
        page = os.path.join(docs, slug + ".md")
        if slug not in texts or not os.path.exists(page):
            print(f"{slug}: no text or no page", file=sys.stderr)
            failed = True
            continue
        meta = read_front_matter(page)
        if not meta.get("file"):
            print(f"{slug}: the page names no file", file=sys.stderr)
            failed = True
            continue
        source = render(root, slug, meta, texts[slug])
        with tempfile.TemporaryDirectory() as tmp:
            html_path = os.path.join(tmp, slug + ".html")
            open(html_path, "w", encoding="utf-8").write(source)
            if args.keep_html:
                os.makedirs(args.keep_html, exist_ok=True)
                shutil.copy(html_path, args.keep_html)
            pdf_path = os.path.join(docs, meta["file"])
            print_pdf(html_path, pdf_path)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", open(pdf_path, "rb").read()))
        print(f"{meta['file']}: {pages} p., {os.path.getsize(pdf_path) // 1024} KB")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
