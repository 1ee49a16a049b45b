"""CSV and XLSX files of any report, both starting with rows that name the report, its filters and the time made."""

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .filters import ReportFilters
from .tables import CrossTable

BYTE_ORDER_MARK = "\ufeff"
# Spreadsheets run a cell starting with these as a formula, even after a tab or a carriage return.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# C0 and C1 control characters and the Unicode bidirectional overrides, which can reorder a cell's text.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass
class ReportDocument:
    title: str
    filters: ReportFilters
    columns: list[str]
    rows: Iterable[list]
    made_at: datetime = field(default_factory=timezone.now)

    def preamble(self) -> list[list]:
        """Return the rows above the table: title, one row per filter, time made, then a blank row."""
        made = timezone.localtime(self.made_at).strftime("%Y-%m-%d %H:%M")
        rows = [[self.title]]
        rows += [[label, value] for label, value in self.filters.describe()]
        if self.filters.shared:
            rows.append([_("Small counts"), _("suppressed for sharing")])
        rows.append([_("Made at (Ulaanbaatar time)"), made])
        rows.append([])
        return rows


def document_for_table(table: CrossTable) -> ReportDocument:
    rows = ([("  " * row.depth) + str(row.label)] + [_as_number(cell) for cell in row.cells] for row in table.body_rows())
    return ReportDocument(title=str(table.title), filters=table.filters, columns=table.columns, rows=rows)


def _as_number(cell: str):
    return int(cell) if cell.isdigit() else cell


def clean_cell(value):
    """Make one value safe for a spreadsheet: text loses control characters and cannot start a formula.

    Numbers we computed stay numbers, so a negative knowledge-gain change is not altered.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (int, float)):
        return value
    if not isinstance(value, str):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    text = CONTROL_CHARACTERS.sub("", value)
    if value.startswith(FORMULA_PREFIXES) or text.startswith(FORMULA_PREFIXES):
        text = "'" + text
    return text


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a generator."""

    def write(self, value: str) -> str:
        return value


def csv_lines(document: ReportDocument) -> Iterator[str]:
    """Yield the CSV text piece by piece, starting with a byte-order mark so Excel reads UTF-8."""
    writer = csv.writer(_Echo())
    yield BYTE_ORDER_MARK
    for row in document.preamble():
        yield writer.writerow([clean_cell(value) for value in row])
    yield writer.writerow([clean_cell(str(column)) for column in document.columns])
    for row in document.rows:
        yield writer.writerow([clean_cell(value) for value in row])


def write_csv(document: ReportDocument, output: IO[str]) -> None:
    for line in csv_lines(document):
        output.write(line)


def write_xlsx(document: ReportDocument, output: IO[bytes]) -> None:
    """Write a workbook in openpyxl's write-only mode, which streams rows to disk instead of keeping them."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(document.title))
    # Column widths must be set before the first row in write-only mode.
    sheet.column_dimensions["A"].width = 40
    for index in range(2, len(document.columns) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 18

    bold = Font(bold=True)
    for row_index, row in enumerate(document.preamble()):
        sheet.append([_text_cell(sheet, value, bold if row_index == 0 else None) for value in row])
    sheet.append([_text_cell(sheet, str(column), bold) for column in document.columns])
    for row in document.rows:
        sheet.append([_text_cell(sheet, value) for value in row])
    workbook.save(output)


def _text_cell(sheet, value, font=None) -> WriteOnlyCell:
    if isinstance(value, date):
        return _date_cell(sheet, value, font)
    cell = WriteOnlyCell(sheet, value=clean_cell(value))
    if isinstance(cell.value, str):
        # openpyxl would store text starting with "=" as a formula; a string cell stays text.
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell


def _date_cell(sheet, value: date, font=None) -> WriteOnlyCell:
    """Write a real Excel date, so the column sorts and filters as dates rather than as text."""
    if isinstance(value, datetime):
        # Excel has no time zones: an instant is written as Ulaanbaatar wall-clock time.
        if timezone.is_aware(value):
            value = timezone.make_naive(value, timezone.get_current_timezone())
        number_format = "yyyy-mm-dd hh:mm"
    else:
        number_format = "yyyy-mm-dd"
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    if font is not None:
        cell.font = font
    return cell


def _sheet_title(title: str) -> str:
    # Excel allows 31 characters and none of []:*?/\ in a sheet name.
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "report"
