"""Played intervals of a video: validation of reported ranges and set arithmetic on them.

An interval is a pair [start, end] in seconds of video time. Stored lists are sorted,
non-overlapping and rounded to hundredths of a second, so they stay small in a JSONField.
"""

import math
from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

Interval = tuple[float, float]

# Browsers and ffprobe disagree about a clip's length by a few frames, so an end this far
# past the known duration is clamped to it instead of rejected.
END_TOLERANCE_SECONDS = 1.0
# HTMLMediaElement.played rarely contains more than a handful of ranges, so more means a forged report.
MAX_INTERVALS_PER_REPORT = 200
# A learner's stored ranges stay below this count; a report that would fragment them further is rejected.
MAX_STORED_INTERVALS = 1000
PRECISION = 2


class InvalidInterval(ValueError):
    """Raised for a reported range that cannot be credited; `code` names the reason."""

    MESSAGES = {
        "malformed": _("A played range must be a pair of numbers."),
        "not_finite": _("A played range contains a value that is not a finite number."),
        "negative": _("A played range starts before the beginning of the video."),
        "reversed": _("A played range ends before it starts."),
        "past_end": _("A played range ends after the end of the video."),
        "too_many": _("The report contains too many played ranges."),
    }

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)

    @property
    def message(self) -> str:
        return str(self.MESSAGES[self.code])


def parse_number(value) -> float:
    """Return a finite float, rejecting booleans, strings and NaN or infinity."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidInterval("malformed")
    number = float(value)
    if not math.isfinite(number):
        raise InvalidInterval("not_finite")
    return number


def parse_intervals(raw, duration: float) -> list[Interval]:
    """Validate the ranges of one report against the video's duration and return them clamped.

    Raises InvalidInterval for the first range that is malformed, negative, reversed or
    past the end, so a hostile report is rejected whole and nothing of it is credited.
    """
    if not isinstance(raw, list):
        raise InvalidInterval("malformed")
    if len(raw) > MAX_INTERVALS_PER_REPORT:
        raise InvalidInterval("too_many")

    intervals = []
    for pair in raw:
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise InvalidInterval("malformed")
        start, end = parse_number(pair[0]), parse_number(pair[1])
        if start < 0 or end < 0:
            raise InvalidInterval("negative")
        if end < start:
            raise InvalidInterval("reversed")
        if end > duration + END_TOLERANCE_SECONDS:
            raise InvalidInterval("past_end")
        intervals.append((min(start, duration), min(end, duration)))
    return intervals


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Return the union of the ranges as sorted, disjoint, rounded ranges without empty ones."""
    rounded = sorted(
        (round(start, PRECISION), round(end, PRECISION)) for start, end in intervals if end > start
    )
    merged: list[Interval] = []
    for start, end in rounded:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def total(intervals: Iterable[Interval]) -> float:
    return round(sum(end - start for start, end in intervals), PRECISION)


def subtract(intervals: list[Interval], covered: list[Interval]) -> list[Interval]:
    """Return the parts of merged `intervals` that merged `covered` does not contain."""
    result: list[Interval] = []
    index = 0
    for start, end in intervals:
        cursor = start
        # Skip covered ranges that end before this one begins; both lists are sorted.
        while index < len(covered) and covered[index][1] <= cursor:
            index += 1
        probe = index
        while probe < len(covered) and covered[probe][0] < end:
            covered_start, covered_end = covered[probe]
            if covered_start > cursor:
                result.append((cursor, covered_start))
            cursor = max(cursor, covered_end)
            if cursor >= end:
                break
            probe += 1
        if cursor < end:
            result.append((cursor, end))
    return [(round(start, PRECISION), round(end, PRECISION)) for start, end in result if end > start]


def take_first(intervals: list[Interval], budget: float) -> list[Interval]:
    """Return the earliest ranges whose total length does not exceed `budget` seconds."""
    taken: list[Interval] = []
    remaining = max(budget, 0.0)
    for start, end in intervals:
        if remaining <= 0:
            break
        length = end - start
        if length <= remaining:
            taken.append((start, end))
            remaining -= length
        else:
            # Round down so the credited part never exceeds the budget.
            cut = math.floor((start + remaining) * 10**PRECISION) / 10**PRECISION
            if cut > start:
                taken.append((start, cut))
            remaining = 0
    return taken


def to_json(intervals: list[Interval]) -> list[list[float]]:
    return [[start, end] for start, end in intervals]


def from_json(stored) -> list[Interval]:
    """Read a stored list back; anything unreadable counts as nothing watched."""
    if not isinstance(stored, list):
        return []
    intervals = []
    for pair in stored:
        if isinstance(pair, list) and len(pair) == 2:
            intervals.append((float(pair[0]), float(pair[1])))
    return merge(intervals)
