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
