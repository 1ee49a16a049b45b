"""Reading the rows of an uploaded CSV or XLSX list, with the line number of each row."""

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

MAX_ROWS = 5000
CSV_ENCODINGS = ("utf-8-sig", "cp1251")


def _interpolate(template, params: dict) -> str:
    return str(template) % params


# Import errors are built during the upload but read later, on the staff member's screen or the
# command's output, so the template and its values are formatted only when the text is displayed.
interpolate_lazy = lazy(_interpolate, str)


class UnreadableFile(ValueError):
    """Raised when the upload is neither a readable CSV nor a readable XLSX workbook.

    `message` is a lazy string, translated when it is displayed.
    """

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SheetRow:
    line: int
    values: list


def read_rows(name: str, content: bytes) -> tuple[list, list[SheetRow]]:
    """Return the header row and the data rows, skipping rows that are entirely blank."""
    if name.lower().endswith(".xlsx") or zipfile.is_zipfile(io.BytesIO(content)):
        rows = read_xlsx(content)
    else:
        rows = read_csv(content)

    header: SheetRow | None = None
    data: list[SheetRow] = []
    for row in rows:
        if all(value is None or str(value).strip() == "" for value in row.values):
            continue
        if header is None:
            header = row
            continue
        data.append(row)
        if len(data) > MAX_ROWS:
            message = _("The file has more than %(count)s rows; split it into smaller files.")
            raise UnreadableFile(interpolate_lazy(message, {"count": MAX_ROWS}))
    if header is None:
        raise UnreadableFile(_("The file is empty."))
    return header.values, data


def read_csv(content: bytes) -> Iterator[SheetRow]:
    for encoding in CSV_ENCODINGS:
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableFile(_("The CSV file is not in UTF-8 or Windows-1251 encoding."))

    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for values in reader:
            yield SheetRow(line=reader.line_num, values=values)
    except csv.Error as error:
        message = interpolate_lazy(_("The CSV file could not be read: %(error)s"), {"error": str(error)})
        raise UnreadableFile(message) from error


def read_xlsx(content: bytes) -> Iterator[SheetRow]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged or foreign file
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from error
    try:
        sheet = workbook.worksheets[0]
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield SheetRow(line=line, values=list(values))
    finally:
        workbook.close()
