"""Small-cell suppression for tables shared outside an academy.

Primary suppression hides every count from 1 to threshold - 1. Secondary suppression then
hides more cells until no hidden count can be solved from the published totals. It first
applies the usual rule that no total equation may have exactly one hidden cell. An exact
check by linear algebra over the rationals follows, which also catches hidden cells fixed
by combining several equations. NOTE: bounds from non-negativity are not considered, so a
reader can still narrow a hidden cell to an interval, as with the common rule alone.
"""

from dataclasses import dataclass
from fractions import Fraction

Cell = tuple[int, int]
# (total cell, part cells): the total equals the sum of the parts.
Equation = tuple[Cell, list[Cell]]


@dataclass(frozen=True)
class SuppressedCell:
    primary: bool

    def display(self, threshold: int) -> str:
        # A primary cell is shown as small, while a secondary cell reveals nothing about its size.
        return f"<{threshold}" if self.primary else "x"


def suppress(values: dict[Cell, int], equations: list[Equation], threshold: int) -> dict[Cell, SuppressedCell]:
    """Return the cells to hide, each marked primary (small) or secondary (hidden to protect another)."""
    primary = {cell for cell, value in values.items() if 0 < value < threshold}
    hidden = set(primary)
    if not hidden:
        return {}

    while True:
        _hide_lone_cells(values, equations, hidden)
        exposed = _solvable_cells(equations, hidden)
        if not exposed:
            break
        cell = min(exposed)
        partner = _smallest_visible_partner(values, equations, hidden, cell)
        if partner is None:
            # Every neighbour is hidden already, so widen the search to the whole table.
            visible = [other for other in values if other not in hidden]
            if not visible:
                break
            partner = min(visible, key=lambda other: (values[other] == 0, values[other], other))
        hidden.add(partner)

    return {cell: SuppressedCell(primary=cell in primary) for cell in hidden}


def _equation_cells(equation: Equation) -> list[Cell]:
    total, parts = equation
    return [total, *parts]


def _hide_lone_cells(values, equations, hidden: set[Cell]) -> None:
    """Hide more cells until no equation has exactly one hidden cell, which would give it away."""
    changed = True
    while changed:
        changed = False
        for equation in equations:
            cells = _equation_cells(equation)
            if sum(cell in hidden for cell in cells) != 1:
                continue
            lone = next(cell for cell in cells if cell in hidden)
            partner = _smallest_visible_partner(values, [equation], hidden, lone)
            if partner is not None:
                hidden.add(partner)
                changed = True


def _smallest_visible_partner(values, equations, hidden, cell: Cell) -> Cell | None:
    """Pick the visible cell sharing an equation with `cell` that costs least to hide.

    Non-zero cells come first, because hiding a zero protects nothing when zeros are
    otherwise published as zeros; among them the smallest value loses least information.
    """
    candidates = {
        other
        for equation in equations
        if cell in _equation_cells(equation)
        for other in _equation_cells(equation)
        if other not in hidden
    }
    if not candidates:
        return None
    return min(candidates, key=lambda other: (values[other] == 0, values[other], other))


def _solvable_cells(equations: list[Equation], hidden: set[Cell]) -> list[Cell]:
    """Return the hidden cells whose value follows exactly from the visible cells and the equations."""
    unknowns = sorted(hidden)
    index = {cell: position for position, cell in enumerate(unknowns)}
    matrix = []
    for total, parts in equations:
        row = [Fraction(0)] * len(unknowns)
        if total in index:
            row[index[total]] -= 1
        for part in parts:
            if part in index:
                row[index[part]] += 1
        if any(row):
            matrix.append(row)

    basis = _row_echelon(matrix)
    rank = len(basis)
    solvable = []
    for cell in unknowns:
        unit = [Fraction(0)] * len(unknowns)
        unit[index[cell]] = Fraction(1)
        if len(_row_echelon(basis + [unit])) == rank:
            solvable.append(cell)
    return solvable


def _row_echelon(rows: list[list[Fraction]]) -> list[list[Fraction]]:
    """Return the non-zero rows of the reduced row echelon form (exact, by Gaussian elimination)."""
    rows = [list(row) for row in rows]
    if not rows:
        return []
    width = len(rows[0])
    pivot_row = 0
    for column in range(width):
        pivot = next((r for r in range(pivot_row, len(rows)) if rows[r][column] != 0), None)
        if pivot is None:
            continue
        rows[pivot_row], rows[pivot] = rows[pivot], rows[pivot_row]
        lead = rows[pivot_row][column]
        rows[pivot_row] = [value / lead for value in rows[pivot_row]]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][column] != 0:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot_row])]
        pivot_row += 1
        if pivot_row == len(rows):
            break
    return rows[:pivot_row]
