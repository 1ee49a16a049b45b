"""Report tables as plain data: rows of counts split by sex, ready for the screen and the downloads."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .filters import ReportFilters
from .suppression import SuppressedCell, suppress

# Column order of every cross-table after the row label.
COUNT_COLUMNS = [_("total"), _("men"), _("women"), _("not stated")]


@dataclass
class TableRow:
    label: str
    counts: list[int]
    key: object = None
    depth: int = 0
    path: str = ""
    is_all: bool = False
    cells: list[str] = field(default_factory=list)
    children: list["TableRow"] = field(default_factory=list)

    def __post_init__(self):
        if not self.cells:
            self.cells = [str(count) for count in self.counts]


@dataclass
class CrossTable:
    """Rows of [total, men, women, not stated] counts.

    `additive` is True when the rows partition the learners, so the "all" row is the sum of
    the rows. The status table is not additive because one learner can be in several rows.
    """

    kind: str
    title: str
    row_header: str
    filters: ReportFilters
    rows: list[TableRow]
    all_row: TableRow | None = None
    additive: bool = True
    suppressed: dict[tuple[int, int], SuppressedCell] = field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        return [self.row_header] + [str(label) for label in COUNT_COLUMNS]

    def body_rows(self) -> list[TableRow]:
        """Return the rows in display order with nested units flattened below their parents."""
        flat: list[TableRow] = []

        def walk(rows):
            for row in rows:
                flat.append(row)
                walk(row.children)

        walk(self.rows)
        if self.all_row is not None:
            flat.append(self.all_row)
        return flat

    def apply_suppression(self, threshold: int) -> None:
        """Hide small counts and enough others that no hidden count follows from the totals.

        Only the top-level rows take part: in a shared report nested units are dropped,
        because their sums would give away hidden cells of the parent row.
        """
        for row in self.rows:
            row.children = []
        table_rows = self.rows + ([self.all_row] if self.all_row is not None else [])
        values = {
            (row_index, column): count
            for row_index, row in enumerate(table_rows)
            for column, count in enumerate(row.counts)
        }
        equations = []
        for row_index in range(len(table_rows)):
            # total = men + women + not stated
            equations.append(((row_index, 0), [(row_index, 1), (row_index, 2), (row_index, 3)]))
        if self.additive and self.all_row is not None:
            all_index = len(table_rows) - 1
            for column in range(4):
                equations.append(((all_index, column), [(row_index, column) for row_index in range(all_index)]))

        self.suppressed = suppress(values, equations, threshold)
        for (row_index, column), cell in self.suppressed.items():
            table_rows[row_index].cells[column] = cell.display(threshold)
