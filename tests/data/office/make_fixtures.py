#!/usr/bin/env python3
"""Makes the Word and Excel test documents from the source report.

Every document holds the Bắc Giang Q3/2023 report's seven forms exactly as
`tests/data/bac_giang_2023_q3_source.txt` prints them (lines 313-516), in
the layouts people send:

- python_docx.docx     the whole report: its prose (title with the period),
                       then per form a "Biểu mẫu N" paragraph, its title and
                       one table; header rows repeated on each page
                       (w:tblHeader), "Kết quả thống kê" merged over two
                       columns (w:gridSpan) and the other headings over two
                       rows (w:vMerge), italic notes, every cell's text split
                       across several runs, a line break, a tab and
                       non-breaking spaces inside cells, empty paragraphs.
- headings_in_table.docx  the forms alone, one table per form whose first
                       rows are the form heading and title, merged across
                       the table.
- libreoffice.docx     python_docx.docx saved by LibreOffice (docx → odt →
                       docx).
- sheet_per_form.xlsx  a sheet per form named "Biểu mẫu N", the title and
                       merged headings as in the document, numbers as
                       numbers: counts "#,##0", percentages kept as fractions
                       with "0%", "0.0%", "0.00%" as printed.
- one_sheet.xlsx       one sheet of every form under its heading, every
                       value a text cell as printed ("54.106", "99,3").
- rows_general.xlsx    rows Biểu mẫu | STT | Số liệu, numbers in the General
                       format (percentages as 99.3).
- libreoffice.xlsx     sheet_per_form.xlsx saved by LibreOffice (xlsx → ods
                       → xlsx).
- bad_values.docx      python_docx.docx's forms with two slips: form 3 row
                       3.1.1 "54,1" (a count with a decimal), form 5 row 2.1
                       "-15" (a negative count).
- bad_cells.xlsx       sheet_per_form.xlsx with form 3 row 3.1.1 a date
                       (30/09/2023), row 3.1.2 a boolean (TRUE), and form 2
                       row 1 a formula with no saved value (=SUM(D6:D8)).

Run from the repository's root: python3 tests/data/office/make_fixtures.py
(needs python-docx, openpyxl, and soffice for the LibreOffice files).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
import openpyxl
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "bac_giang_2023_q3_source.txt")


def parse():
    """The prose before the forms, and the forms: number, title, rows."""
    with open(SOURCE, encoding="utf-8") as f:
        lines = f.read().split("\n")
    start = lines.index("Biểu mẫu 1")
    prose = [line for line in lines[:start] if line.strip()]
    forms = []
    title_next = False
    for line in lines[start:]:
        if line.startswith("Biểu mẫu "):
            forms.append({"number": int(line.split()[-1]), "title": None, "rows": []})
            title_next = True
            continue
        if not line.strip():
            continue
        if title_next:
            forms[-1]["title"] = line.strip()
            title_next = False
            continue
        cells = line.split("\t")
        if cells[0] == "STT" or (cells[0] == "" and "Đơn vị tính" in cells):
            continue  # the headings, repeated after each page break
        cells += [""] * (5 - len(cells))
        forms[-1]["rows"].append(cells[:5])
    return prose, forms


def italic_parts(text):
    """The text's pieces and whether each is in <i>…</i>."""
    parts = []
    for piece in re.split(r"(<i>.*?</i>)", text):
        if not piece:
            continue
        if piece.startswith("<i>"):
            parts.append((piece[3:-4], True))
        else:
            parts.append((piece, False))
    return parts


def plain(text):
    return re.sub(r"</?i>", "", text).strip()


def split_runs(paragraph, text, italic=False):
    """Writes text as several runs, cut inside words."""
    step = max(3, len(text) // 3)
    for at in range(0, len(text), step):
        run = paragraph.add_run(text[at : at + step])
        run.italic = italic


def repeat_header(row):
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    properties.append(header)


HEADING_1 = "Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)"


def form_table(document, form, headings_inside=False):
    rows = form["rows"]
    extra = 2 if headings_inside else 0
    table = document.add_table(rows=2 + extra + len(rows), cols=5)
    table.style = "Table Grid"
    if headings_inside:
        heading = table.cell(0, 0).merge(table.cell(0, 4))
        split_runs(heading.paragraphs[0], f"Biểu mẫu {form['number']}")
        title = table.cell(1, 0).merge(table.cell(1, 4))
        title.paragraphs[0].add_run(form["title"]).bold = True
    top = extra
    # Two header rows: STT, label and note merged down; the result over two.
    stt = table.cell(top, 0).merge(table.cell(top + 1, 0))
    stt.paragraphs[0].add_run("STT")
    label = table.cell(top, 1).merge(table.cell(top + 1, 1))
    split_runs(label.paragraphs[0], HEADING_1)
    result = table.cell(top, 2).merge(table.cell(top, 3))
    result.paragraphs[0].add_run("Kết quả thống kê")
    note = table.cell(top, 4).merge(table.cell(top + 1, 4))
    note.paragraphs[0].add_run("Ghi chú")
    table.cell(top + 1, 2).paragraphs[0].add_run("Đơn vị tính")
    table.cell(top + 1, 3).paragraphs[0].add_run("Số liệu")
    repeat_header(table.rows[top])
    repeat_header(table.rows[top + 1])
    for index, cells in enumerate(rows):
        row = table.rows[top + 2 + index]
        for column, text in enumerate(cells):
            paragraph = row.cells[column].paragraphs[0]
            for piece, italic in italic_parts(text):
                split_runs(paragraph, piece, italic)
    return table


def make_docx(prose, forms, path):
    document = docx.Document()
    for line in prose:
        document.add_paragraph(line.replace("\t", " "))
        if line.strip() == "BÁO CÁO":
            document.add_paragraph("")  # an empty paragraph
    for form in forms:
        document.add_paragraph("")
        heading = document.add_paragraph()
        split_runs(heading, f"Biểu mẫu {form['number']}")
        document.add_paragraph(form["title"])
        table = form_table(document, form)
        if form["number"] == 3:
            # A line break and a tab inside a label, non-breaking spaces in
            # another: Word keeps them, the reader makes them spaces.
            cell = table.cell(2 + 1, 1)  # 1.1.
            paragraph = cell.paragraphs[0]
            for run in paragraph.runs:
                run.text = ""
            paragraph.runs[0].text = "Số TTHC đã được phê duyệt"
            paragraph.runs[0].add_break(WD_BREAK.LINE)
            paragraph.runs[1].text = "phương án\tđơn giản hóa"
            cell = table.cell(2 + 2, 1)  # 1.2.
            paragraph = cell.paragraphs[0]
            for run in paragraph.runs:
                run.text = ""
            paragraph.runs[0].text = "Số\u00a0TTHC\u00a0công bố mới"
            cell.add_paragraph("")  # an empty paragraph in a cell
    document.save(path)


def make_docx_headings_inside(forms, path):
    document = docx.Document()
    for form in forms:
        form_table(document, form, headings_inside=True)
        document.add_paragraph("")
    document.save(path)


def vietnamese_number(text):
    """A printed number's value and its decimals: "1.420" is (1420, 0)."""
    text = plain(text)
    integer, _, fraction = text.partition(",")
    digits = integer.replace(".", "")
    if not re.fullmatch(r"-?\d+", digits) or not re.fullmatch(r"\d*", fraction):
        return None
    value = float(digits + ("." + fraction if fraction else ""))
    return value, len(fraction)


def numeric_cell(cell, unit, text):
    parsed = vietnamese_number(text)
    if parsed is None:
        cell.value = plain(text)
        return
    value, decimals = parsed
    if plain(unit) == "%":
        # Kept as a fraction, printed as a percentage.
        cell.value = round(value / 100, decimals + 2)
        cell.number_format = "0" + ("." + "0" * decimals if decimals else "") + "%"
    elif decimals:
        cell.value = value
        cell.number_format = "#,##0." + "0" * decimals
    else:
        cell.value = int(value)
        cell.number_format = "#,##0"


def header_rows(sheet, row):
    sheet.cell(row, 1, "STT")
    sheet.cell(row, 2, HEADING_1)
    sheet.cell(row, 3, "Kết quả thống kê")
    sheet.cell(row, 5, "Ghi chú")
    sheet.cell(row + 1, 3, "Đơn vị tính")
    sheet.cell(row + 1, 4, "Số liệu")
    sheet.merge_cells(start_row=row, start_column=1, end_row=row + 1, end_column=1)
    sheet.merge_cells(start_row=row, start_column=2, end_row=row + 1, end_column=2)
    sheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=4)
    sheet.merge_cells(start_row=row, start_column=5, end_row=row + 1, end_column=5)


def make_sheet_per_form(forms, path):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for form in forms:
        sheet = book.create_sheet(f"Biểu mẫu {form['number']}")
        sheet.cell(1, 1, form["title"]).font = Font(bold=True)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=5)
        header_rows(sheet, 3)
        for index, (stt, label, unit, value, note) in enumerate(form["rows"]):
            row = 5 + index
            sheet.cell(row, 1, plain(stt) or None)
            sheet.cell(row, 2, plain(label) or None).alignment = Alignment(wrap_text=True)
            sheet.cell(row, 3, plain(unit) or None)
            if plain(value):
                numeric_cell(sheet.cell(row, 4), unit, value)
            sheet.cell(row, 5, plain(note) or None)
    book.save(path)


def make_one_sheet(prose, forms, path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Báo cáo"
    row = 1
    for line in prose[:6]:
        sheet.cell(row, 1, line.strip())
        row += 1
    for form in forms:
        row += 1
        sheet.cell(row, 1, f"Biểu mẫu {form['number']}")
        sheet.cell(row + 1, 1, form["title"])
        header_rows(sheet, row + 2)
        row += 4
        for stt, label, unit, value, note in form["rows"]:
            for column, text in enumerate((stt, label, unit, value, note), start=1):
                if plain(text):
                    cell = sheet.cell(row, column, plain(text))
                    cell.data_type = "s"
            row += 1
    book.save(path)


def make_rows_general(forms, path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    sheet.append(["Biểu mẫu", "STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"])
    last = {}
    for form in forms:
        previous = None
        for stt, label, unit, value, note in form["rows"]:
            stt = plain(stt)
            if not stt:
                continue  # rows printed without STT are told by position only in print
            parsed = vietnamese_number(value)
            number = None
            if parsed is not None:
                number = parsed[0] if parsed[1] else int(parsed[0])
            sheet.append([form["number"], stt, plain(label), plain(unit), number])
    # The rows printed without STT in form 1, with the STT the template gives.
    for stt, value in (("3.1", 10), ("4.1", 3), ("5.1", 149), ("6.1", 1420)):
        sheet.append([1, stt, "", "", value])
    book.save(path)


def libreoffice(source, middle, final, directory):
    """Saves `source` through LibreOffice: to `middle`, then back to `final`."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: LibreOffice files not made", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as work:
        profile = f"-env:UserInstallation=file://{work}/profile"
        subprocess.run(
            [soffice, profile, "--headless", "--convert-to", middle, "--outdir", work, source],
            check=True,
            capture_output=True,
        )
        stem = os.path.splitext(os.path.basename(source))[0]
        converted = os.path.join(work, f"{stem}.{middle}")
        back = os.path.join(work, "back")
        os.mkdir(back)
        subprocess.run(
            [soffice, profile, "--headless", "--convert-to", final.rsplit(".", 1)[1],
             "--outdir", back, converted],
            check=True,
            capture_output=True,
        )
        shutil.copy(os.path.join(back, f"{stem}.{final.rsplit('.', 1)[1]}"), os.path.join(directory, final))


def make_bad_values(prose, forms, path):
    import copy

    forms = copy.deepcopy(forms)
    for form in forms:
        for row in form["rows"]:
            if form["number"] == 3 and row[0] == "3.1.1.":
                row[3] = "54,1"
            if form["number"] == 5 and row[0] == "2.1.":
                row[3] = "-15"
    make_docx_headings_inside(forms, path)


def make_bad_cells(forms, path):
    import datetime

    make_sheet_per_form(forms, path)
    book = openpyxl.load_workbook(path)
    sheet = book["Biểu mẫu 3"]
    for row in sheet.iter_rows(min_row=5):
        if row[0].value == "3.1.1.":
            row[3].value = datetime.date(2023, 9, 30)
            row[3].number_format = "dd/mm/yyyy"
        if row[0].value == "3.1.2.":
            row[3].value = True
    sheet = book["Biểu mẫu 2"]
    for row in sheet.iter_rows(min_row=5):
        if row[0].value == "1.":
            row[3].value = "=SUM(D6:D8)"
    book.save(path)


def main():
    prose, forms = parse()
    assert [form["number"] for form in forms] == [1, 2, 3, 4, 5, 6, 7]
    make_docx(prose, forms, os.path.join(HERE, "python_docx.docx"))
    make_docx_headings_inside(forms, os.path.join(HERE, "headings_in_table.docx"))
    make_sheet_per_form(forms, os.path.join(HERE, "sheet_per_form.xlsx"))
    make_one_sheet(prose, forms, os.path.join(HERE, "one_sheet.xlsx"))
    make_rows_general(forms, os.path.join(HERE, "rows_general.xlsx"))
    make_bad_values(prose, forms, os.path.join(HERE, "bad_values.docx"))
    make_bad_cells(forms, os.path.join(HERE, "bad_cells.xlsx"))
    libreoffice(os.path.join(HERE, "python_docx.docx"), "odt", "libreoffice.docx", HERE)
    libreoffice(os.path.join(HERE, "sheet_per_form.xlsx"), "ods", "libreoffice.xlsx", HERE)
    # The whole source document as plain text opened in Writer: its forms
    # become paragraphs of tab-separated columns, as when a report's tables
    # are pasted as text.
    libreoffice(os.path.join(HERE, os.pardir, "bac_giang_2023_q3_source.txt"), "odt",
                "pasted_as_text.docx", HERE)


if __name__ == "__main__":
    main()
