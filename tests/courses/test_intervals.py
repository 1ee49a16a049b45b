import math

import pytest

from courses import intervals
from courses.intervals import InvalidInterval

DURATION = 100.0


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ([[-1, 5]], "negative"),
        ([[5, -1]], "negative"),
        ([[10, 5]], "reversed"),
        ([[0, math.nan]], "not_finite"),
        ([[math.inf, math.inf]], "not_finite"),
        ([[0, 1e308]], "past_end"),
        ([[0, DURATION + 5]], "past_end"),
        ([[0, "10"]], "malformed"),
        ([[True, 10]], "malformed"),
        ([[0]], "malformed"),
        ([[0, 1, 2]], "malformed"),
        ([None], "malformed"),
        ({"start": 0}, "malformed"),
        ("0-10", "malformed"),
        ([[0, 1]] * (intervals.MAX_INTERVALS_PER_REPORT + 1), "too_many"),
    ],
)
def test_parse_rejects_hostile_ranges(raw, code):
    with pytest.raises(InvalidInterval) as caught:
        intervals.parse_intervals(raw, DURATION)
    assert caught.value.code == code


def test_parse_clamps_end_within_tolerance():
    assert intervals.parse_intervals([[90, DURATION + 0.5]], DURATION) == [(90.0, DURATION)]


def test_parse_accepts_empty_list():
    assert intervals.parse_intervals([], DURATION) == []


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ([], []),
        ([(0, 10)], [(0, 10)]),
        ([(0, 10), (5, 15)], [(0, 15)]),
        ([(10, 20), (0, 5)], [(0, 5), (10, 20)]),
        ([(0, 10), (10, 20)], [(0, 20)]),
        ([(0, 10), (2, 3)], [(0, 10)]),
        ([(5, 5), (7, 7)], []),
        ([(0.004, 1.006)], [(0.0, 1.01)]),
        ([(0, 1), (0, 1), (0, 1)], [(0, 1)]),
    ],
)
def test_merge_unions_ranges(given, expected):
    assert intervals.merge(given) == expected


@pytest.mark.parametrize(
    ("offered", "covered", "expected"),
    [
        ([(0, 10)], [], [(0, 10)]),
        ([(0, 10)], [(0, 10)], []),
        ([(0, 10)], [(2, 4)], [(0, 2), (4, 10)]),
        ([(0, 10)], [(5, 20)], [(0, 5)]),
        ([(0, 10), (20, 30)], [(5, 25)], [(0, 5), (25, 30)]),
        ([(10, 20)], [(0, 5), (30, 40)], [(10, 20)]),
        ([(0, 30)], [(1, 2), (3, 4), (5, 6)], [(0, 1), (2, 3), (4, 5), (6, 30)]),
    ],
)
def test_subtract_leaves_uncovered_parts(offered, covered, expected):
    assert intervals.subtract(offered, covered) == expected


@pytest.mark.parametrize(
    ("offered", "budget", "expected"),
    [
        ([(0, 10)], 20, [(0, 10)]),
        ([(0, 10)], 4, [(0, 4)]),
        ([(0, 3), (10, 20)], 5, [(0, 3), (10, 12)]),
        ([(0, 10)], 0, []),
        ([(0, 10)], -5, []),
        ([(0, 10)], 3.333, [(0, 3.33)]),
    ],
)
def test_take_first_respects_budget(offered, budget, expected):
    assert intervals.take_first(offered, budget) == expected


def test_from_json_ignores_garbage():
    assert intervals.from_json({"a": 1}) == []
    assert intervals.from_json([[0, 5], "x", [3, 8]]) == [(0, 8)]
