"""Small-cell suppression: primary cells, secondary cells, and no hidden cell solvable from the totals."""

from fractions import Fraction

import pytest
from django.test import override_settings

from lms.models import User
from lms.reports.filters import ReportFilters
from lms.reports.queries import by_profession, by_status
from lms.reports.suppression import suppress

from ..factories import UserFactory, profession
from .conftest import record


def cross_table(inner: list[list[int]]):
    """Return values and equations of a table with a total column and an "all" row, like the report."""
    rows = [[sum(row)] + row for row in inner]
    rows.append([sum(column) for column in zip(*rows)])
    values = {(r, c): value for r, row in enumerate(rows) for c, value in enumerate(row)}
    width = len(rows[0])
    equations = [((r, 0), [(r, c) for c in range(1, width)]) for r in range(len(rows))]
    equations += [((len(rows) - 1, c), [(r, c) for r in range(len(rows) - 1)]) for c in range(width)]
    return values, equations


def solvable(values, equations, hidden) -> set:
    """Independently work out which hidden cells the published cells and totals determine exactly."""
    unknowns = sorted(hidden)
    matrix = []
    for total, parts in equations:
        row = [Fraction(0)] * len(unknowns)
        for cell, sign in [(total, -1)] + [(part, 1) for part in parts]:
            if cell in hidden:
                row[unknowns.index(cell)] += sign
        matrix.append(row)

    def rank(rows):
        rows = [list(r) for r in rows if any(r)]
        rank_found, column = 0, 0
        width = len(unknowns)
        while rank_found < len(rows) and column < width:
            pivot = next((i for i in range(rank_found, len(rows)) if rows[i][column]), None)
            if pivot is None:
                column += 1
                continue
            rows[rank_found], rows[pivot] = rows[pivot], rows[rank_found]
            for i in range(len(rows)):
                if i != rank_found and rows[i][column]:
                    factor = rows[i][column] / rows[rank_found][column]
                    rows[i] = [a - factor * b for a, b in zip(rows[i], rows[rank_found])]
            rank_found += 1
            column += 1
        return rank_found

    base = rank(matrix)
    found = set()
    for index, cell in enumerate(unknowns):
        unit = [Fraction(int(i == index)) for i in range(len(unknowns))]
        if rank(matrix + [unit]) == base:
            found.add(cell)
    return found


TABLES = [
    [[58, 77, 0], [71, 97, 0], [381, 101, 0]],
    [[3, 40, 0], [50, 60, 0], [70, 80, 0]],
    [[1, 0, 0], [20, 30, 0], [25, 35, 2]],
    [[2, 9, 1], [4, 12, 0], [30, 2, 7]],
    [[0, 0, 0], [0, 3, 0]],
    [[4, 4, 4], [4, 4, 4]],
]


@pytest.mark.parametrize("inner", TABLES)
def test_no_hidden_cell_is_recoverable(inner):
    values, equations = cross_table(inner)

    hidden = suppress(values, equations, threshold=5)

    primary = {cell for cell, value in values.items() if 0 < value < 5}
    assert primary <= set(hidden)
    assert solvable(values, equations, set(hidden)) == set()
    for total, parts in equations:
        assert sum(cell in hidden for cell in [total, *parts]) != 1


def test_exact_table_hides_nothing():
    values, equations = cross_table(TABLES[0])

    assert suppress(values, equations, threshold=5) == {}


def test_random_tables_stay_protected():
    import random

    generator = random.Random(7)
    for _ in range(60):
        inner = [[generator.choice([0, 1, 2, 3, 6, 9, 20]) for _ in range(3)] for _ in range(generator.randint(2, 5))]
        values, equations = cross_table(inner)
        hidden = set(suppress(values, equations, threshold=5))
        assert solvable(values, equations, hidden) == set(), inner


def test_shared_report_shows_small_counts_as_below_threshold(course, police_agency):
    for _ in range(2):
        record(UserFactory(agency=police_agency, sex=User.Sex.MALE, profession=profession("judge")), course)
    for _ in range(6):
        record(UserFactory(agency=police_agency, sex=User.Sex.FEMALE, profession=profession("judge")), course)
    for _ in range(7):
        record(UserFactory(agency=police_agency, sex=User.Sex.MALE), course)
    for _ in range(8):
        record(UserFactory(agency=police_agency, sex=User.Sex.FEMALE), course)

    shared = by_profession(ReportFilters(shared=True), viewer=None)
    internal = by_profession(ReportFilters(), viewer=None)

    judges = next(row for row in shared.rows if row.key == "judge")
    assert judges.cells[1] == "<5"
    assert "x" in judges.cells + shared.all_row.cells + next(r for r in shared.rows if r.key == "police").cells
    assert next(row for row in internal.rows if row.key == "judge").cells == ["8", "2", "6", "0"]


@override_settings(LMS_REPORTS_SUPPRESSION_THRESHOLD=3)
def test_threshold_is_configurable(course, police_agency):
    for _ in range(3):
        record(UserFactory(agency=police_agency, sex=User.Sex.MALE), course)

    table = by_status(ReportFilters(shared=True), viewer=None)

    assert table.rows[0].cells[:2] == ["3", "3"]
