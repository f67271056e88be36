"""CSV cells that a spreadsheet program will not run as formulas (OWASP "CSV injection").

A name such as ``=HYPERLINK("http://evil", "Kari")`` or ``+cmd|' /C calc'!A0`` becomes
a live formula when the file is opened in Excel or LibreOffice. OWASP's advice: prefix
every text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
with a single quote, so it is shown as text. Numbers are written as they are.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(values) -> list:
    return [csv_cell(v) for v in values]


def xlsx_bytes(rows, *, title: str = "Ark1", header: int = 1) -> bytes:
    """An Excel workbook with one sheet of ``rows``, escaped as the CSV is.

    openpyxl stores any string that starts with ``=`` as a formula, so every text
    cell goes through ``csv_cell`` (the same quote prefix as the CSV) and is typed
    as a string explicitly; characters XML cannot hold (control characters) are
    dropped rather than failing the download. The first ``header`` rows are bold
    and stay in view when scrolling.
    """
    from io import BytesIO

    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    # A sheet title may not hold []:*?/\ and is at most 31 characters.
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Ark1"
    bold = Font(bold=True)
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", csv_cell(value))
                cell.data_type = "s"
            else:
                cell.value = value
            if r <= header:
                cell.font = bold
    if header:
        sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
