#!/usr/bin/env python3
"""Writes the Word, Excel, LibreOffice and CSV files that `msoko import` is tested on,
into tests/sites/import/files/ (committed; rerun after changing this script).

    pip install python-docx openpyxl odfpy
    python3 tools/make_import_fixtures.py

The road map is the one of a real Положение о МСОКО (shared/seeds/000_…, «Дорожная
карта» по развитию МСОКО Советского городского округа) with its «Сроки» as written,
and the things Word documents really carry: merged section rows, cells of several
paragraphs and bullets, numbering that starts again in each section, a cell merged
down over two rows, non-breaking spaces, a soft hyphen, a word broken at a line end,
a Latin «o» inside a Russian word. The objectivity plan is an Excel sheet without
item numbers, its title in rows above the table. The results sheets have a header of
two merged rows, percentages, a totals row and decimal commas.
"""

import csv
import io
import os
import zipfile

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
import openpyxl
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "sites", "import", "files")
NBSP = "\u00a0"
SHY = "\u00ad"


def fixed_docx(document, path):
    """Saves a .docx with fixed zip dates, so that rerunning gives the same bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            info = zipfile.ZipInfo(item.filename, date_time=(2021, 9, 17, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


def bullet(paragraph):
    """Word's list formatting (w:numPr), as a bulleted list in a cell has."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    numid = OxmlElement("w:numId")
    numid.set(qn("w:val"), "1")
    numpr.append(ilvl)
    numpr.append(numid)
    ppr.append(numpr)


def set_cell(cell, paragraphs):
    """paragraphs: a string, or a list of strings and ("•", text) for list lines;
    «\\n» inside a string is a line break (w:br)."""
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    cell.paragraphs[0].text = ""
    first = True
    for item in paragraphs:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        listed = isinstance(item, tuple)
        text = item[1] if listed else item
        lines = text.split("\n")
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break(WD_BREAK.LINE)
            run = paragraph.add_run(line)
        if listed:
            bullet(paragraph)


ROADMAP = [
    ("section", "Формирование нормативно-правового обеспечения развития муниципальной системы оценки качества образования"),
    ("1.", [
        "Внесение изменений в перечень муниципальных показателей:",
        ("•", "эффективности деятельности руководителей образовательных организаций;"),
        ("•", "мони- торинга эффективности системы повышения квалификации педагогов;"),
        ("•", "мониторинга эффективности системы методической работы"),
    ], "Ежегодно по необходимости", "Начальник управления образования, заместитель начальника управления образования"),
    ("2.", "Утверждение Положения о городских методических объединениях", "апрель 2022", "заместитель начальника управления образования"),
    ("3.", f"Разработка и утверждение муниципального комплексного плана сопровождения школ с{NBSP}низкими образовательными результатами", "ежегодно", ["заместитель начальника", "управления образования"]),
    ("section", "Система оценки качества подготовки обучающихся"),
    ("1.", "Формирование банка муниципальных контрольных измерительных материалов", "2021-2022", "специалисты управления образования, ГМО"),
    ("2.", f"Определение муниципального перечня оценочных процедур и стандартов их прове{SHY}дения", "по потребности", "MERGE-START специалисты управления образования"),
    ("3.", "Участие в федеральных и региональных процедурах оценки качества подготовки обучающихся", "Март-апрель 2022\n2023", "MERGE-CONTINUE"),
    ("4.", "Участие в национальных исследованиях качества образования (НИКО)", "в соответствии с графиком проведения НИКО", "заместитель начальника управления образования, ОО"),
    ("5.", "Ежегодный доклад «О состоянии системы образования на территории городского округа»", "август ежегодно", "начальник управления образования"),
    ("6.", "Проведение мoниторинга достижения показателей оценки качества подготовки обучающихся", "1 четверть", "заместитель начальника управления образования, ОО"),
    ("section", "Система обеспечения объективности процедур оценки качества образования"),
    ("1.", "Обеспечение общественного наблюдения на процедурах оценки качества образования", "апрель 2022, 2023", "руководители ОО"),
    ("2.", "Анализ результатов ВПР и ГИА, размещение на официальном сайте управления образования", "август-ноябрь ежегодно", "руководители ГМО"),
]


def roadmap_docx():
    document = docx.Document()
    document.add_paragraph("Приложение")
    document.add_paragraph("УТВЕРЖДЕНА")
    document.add_paragraph("приказом управления образования от 17.09.2021 № 594")
    document.add_paragraph("«ДОРОЖНАЯ КАРТА»")
    document.add_paragraph("по развитию муниципальной системы оценки качества образования")
    document.add_paragraph("на 2021-2022 учебный год")
    rows = 1 + len(ROADMAP)
    table = document.add_table(rows=rows, cols=4)
    for cell, text in zip(table.rows[0].cells, ["№ п/п", "Мероприятие (содержание деятельности)", "Сроки", "Ответственные"]):
        set_cell(cell, text)
    merge_top = None
    for i, row in enumerate(ROADMAP, start=1):
        cells = table.rows[i].cells
        if row[0] == "section":
            merged = cells[0].merge(cells[3])
            set_cell(merged, row[1])
            continue
        no, title, due, responsible = row
        set_cell(cells[0], no)
        set_cell(cells[1], title)
        set_cell(cells[2], due)
        if responsible == "MERGE-CONTINUE":
            merge_top.merge(cells[3])
        elif isinstance(responsible, str) and responsible.startswith("MERGE-START "):
            merge_top = cells[3]
            set_cell(cells[3], responsible[len("MERGE-START "):])
        else:
            set_cell(cells[3], responsible)
    fixed_docx(document, os.path.join(OUT, "roadmap.docx"))


OBJECTIVITY = [
    ("Организационные мероприятия", None, None, None),
    ("Совещание с руководителями ОО по вопросам объективности оценочных процедур", "сентябрь 2025", "Отдел общего образования", "Протокол совещания"),
    ("Назначение муниципальных координаторов ВПР", "март, октябрь", "Отдел общего образования", "Приказ"),
    ("Контроль объективности", None, None, None),
    ("Выборочная перепроверка работ ВПР", "1 квартал текущего года", "ИМЦ", "Справка"),
    ("Анализ результатов ВПР; выявление ОО с признаками необъективности", "по графику ФИОКО", "ИМЦ", "Аналитическая справка"),
    ("Итоговое совещание", "До 31.05.2026", "Начальник управления", "Протокол"),
]


def objectivity_xlsx():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "План"
    sheet["A1"] = "УТВЕРЖДЁН приказом управления образования от 29.08.2025 № 178-П"
    sheet["A2"] = "План мероприятий по обеспечению объективности оценочных процедур на 2025-2026 учебный год"
    sheet.append([])
    sheet.append(["Мероприятия", "Сроки проведения", "Ответственные", "Форма представления результата"])
    for title, due, responsible, form in OBJECTIVITY:
        sheet.append([title, due, responsible, form])
        if due is None:
            row = sheet.max_row
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
    workbook.save(os.path.join(OUT, "objectivity.xlsx"))


def small_ods():
    document = OpenDocumentSpreadsheet()
    table = Table(name="План")
    for _ in range(4):
        table.addElement(TableColumn())
    rows = [
        ["План работы ИМЦ на 2026 год", "", "", ""],
        ["№", "Наименование мероприятия", "Срок", "Исполнитель"],
        ["1", "Методический семинар для заместителей директоров", "февраль 2026", "ИМЦ"],
        ["2", "Конференция педагогов", "ноябрь 2026", "ИМЦ"],
    ]
    for values in rows:
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            if value:
                cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(os.path.join(OUT, "imc.ods"))


def plan_csv():
    rows = [
        ["№ п/п", "Мероприятие", "Сроки", "Ответственные", "Результат", "Примечание"],
        ["1", "Мониторинг сайтов ОО", "до 01.12.2026", "Специалисты УО", "Справка", "перенесено с 2025 года"],
        ["2", "Семинар по ВПР", "в теч. года", "ИМЦ", "", ""],
    ]
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\r\n").writerows(rows)
    with open(os.path.join(OUT, "plan.csv"), "wb") as f:
        f.write(text.getvalue().encode("cp1251"))


def results_xlsx():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "ВПР"
    sheet.append(["Результаты ВПР 2026 года, математика, 4 класс"])
    sheet.append(["Наименование ОО", "Кол-во участников", "Получили отметку (%)", None, None, None, "Соответствие отметок (%)", None, None, "Качество знаний (%)"])
    sheet.append([None, None, "«2»", "«3»", "«4»", "«5»", "Понизили", "Подтвердили", "Повысили", None])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:B3")
    sheet.merge_cells("C2:F2")
    sheet.merge_cells("G2:I2")
    sheet.merge_cells("J2:J3")
    rows = [
        ["МБОУ «СОШ № 1»", 24, 12.5, 37.5, 37.5, 12.5, 20.8, 70.9, 8.3, 50],
        ["Школа №2", 30, 10, 40, 30, 20, 10, 80, 10, 50],
        ["Гимназия г. Тестова", 28, 3.6, 25, 50, 21.4, 14.3, 78.6, 7.1, 71.4],
        ["Итого по округу", 82, 8.5, 34.1, 39, 18.3, 14.6, 76.8, 8.5, 57.3],
    ]
    for row in rows:
        sheet.append(row)
    workbook.save(os.path.join(OUT, "vpr-math-4.xlsx"))


def results_csv():
    rows = [
        ["ОО", "Предмет", "Количество участников", "Средний балл", "Получили «2»", "Получили «5»"],
        ["МБОУ СОШ № 1", "Математика", "40", "3,85", "2", "9"],
        ["Школа №2", "Математика", "35", "3,6", "3", "5"],
        ["Всего", "Математика", "75", "3,73", "5", "14"],
    ]
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\r\n").writerows(rows)
    with open(os.path.join(OUT, "oge-2026.csv"), "wb") as f:
        f.write(text.getvalue().encode("cp1251"))
    rows[2][0] = "МОУ Кировская ООШ"
    rows[1][0] = "Школа-интернат № 7"
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\r\n").writerows(rows)
    with open(os.path.join(OUT, "oge-unmatched.csv"), "wb") as f:
        f.write(text.getvalue().encode("cp1251"))


def ege_csv():
    rows = [
        ["Наименование ОО", "Предмет", "Кол-во участников", "Средний тестовый балл", "Не преодолели минимальный порог", "Набрали 81-100 баллов", "Кандидаты на медаль", "Из них не подтвердили (медаль)"],
        ["МБОУ СОШ № 1", "Русский язык", "30", "72,4", "0", "8", "4", "1"],
        ["МАОУ Гимназия", "Русский язык", "25", "78,15", "0", "11", "6", "0"],
        ["Итого", "", "55", "75,0", "0", "19", "10", "1"],
    ]
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\r\n").writerows(rows)
    with open(os.path.join(OUT, "ege-2026.csv"), "wb") as f:
        f.write(text.getvalue().encode("utf-8-sig"))


def old_doc():
    # The first bytes of a Word 97–2003 file: enough to be refused by its extension.
    with open(os.path.join(OUT, "old-plan.doc"), "wb") as f:
        f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    roadmap_docx()
    objectivity_xlsx()
    small_ods()
    plan_csv()
    results_xlsx()
    results_csv()
    ege_csv()
    old_doc()
    print("written to", os.path.normpath(OUT))
