"""Table tests for scoring every question type and multiple-choice setting."""

from decimal import Decimal

import pytest

from assessments.services.grading import grade, score_question

SINGLE = {"id": 1, "kind": "single", "choices": [{"id": 10, "correct": True}, {"id": 11, "correct": False},
                                                {"id": 12, "correct": False}]}
TRUE_FALSE = {"id": 2, "kind": "true_false", "choices": [{"id": 20, "correct": False}, {"id": 21, "correct": True}]}
MULTIPLE = {"id": 3, "kind": "multiple", "choices": [{"id": 30, "correct": True}, {"id": 31, "correct": True},
                                                    {"id": 32, "correct": True}, {"id": 33, "correct": False},
                                                    {"id": 34, "correct": False}]}


@pytest.mark.parametrize(
    ("question", "ticked", "scoring", "expected"),
    [
        (SINGLE, {10}, "all_or_nothing", "1"),
        (SINGLE, {11}, "all_or_nothing", "0"),
        (SINGLE, set(), "all_or_nothing", "0"),
        (SINGLE, {10, 11}, "all_or_nothing", "0"),
        # Partial credit applies to multiple choice only.
        (SINGLE, {10}, "partial", "1"),
        (SINGLE, {10, 11}, "partial", "0"),
        (TRUE_FALSE, {21}, "all_or_nothing", "1"),
        (TRUE_FALSE, {20}, "all_or_nothing", "0"),
        (TRUE_FALSE, {20, 21}, "partial", "0"),
        (TRUE_FALSE, set(), "partial", "0"),
        (MULTIPLE, {30, 31, 32}, "all_or_nothing", "1"),
        (MULTIPLE, {30, 31}, "all_or_nothing", "0"),
        (MULTIPLE, {30, 31, 32, 33}, "all_or_nothing", "0"),
        (MULTIPLE, set(), "all_or_nothing", "0"),
        (MULTIPLE, {30, 31, 32}, "partial", "1"),
        (MULTIPLE, {30, 31}, "partial", "0.6666666666666666666666666667"),
        (MULTIPLE, {30}, "partial", "0.3333333333333333333333333333"),
        (MULTIPLE, {30, 31, 33}, "partial", "0.3333333333333333333333333333"),
        (MULTIPLE, {30, 31, 32, 33}, "partial", "0.6666666666666666666666666667"),
        (MULTIPLE, {30, 33, 34}, "partial", "0"),
        (MULTIPLE, {30, 31, 32, 33, 34}, "partial", "0.3333333333333333333333333333"),
        (MULTIPLE, {33}, "partial", "0"),
        (MULTIPLE, set(), "partial", "0"),
        # A choice id from another question never counts.
        (MULTIPLE, {30, 31, 32, 10}, "all_or_nothing", "1"),
    ],
)
def test_score_question(question, ticked, scoring, expected):
    assert score_question(question, ticked, scoring) == Decimal(expected)


def test_question_without_correct_choice_scores_zero():
    question = {"id": 4, "kind": "single", "choices": [{"id": 40, "correct": False}]}

    assert score_question(question, {40}, "all_or_nothing") == Decimal(0)


@pytest.mark.parametrize(
    ("answers", "scoring", "pass_percent", "score", "passed"),
    [
        ({"1": [10], "2": [21], "3": [30, 31, 32]}, "all_or_nothing", 70, "100.00", True),
        ({"1": [10], "2": [21], "3": [30, 31]}, "all_or_nothing", 70, "66.67", False),
        ({"1": [10], "2": [21], "3": [30, 31]}, "partial", 70, "88.89", True),
        ({"1": [10], "2": [20]}, "partial", 33, "33.33", True),
        ({"1": [10], "2": [20]}, "partial", 34, "33.33", False),
        ({}, "partial", 0, "0.00", True),
        ({}, "partial", 1, "0.00", False),
    ],
)
def test_grade_attempt(answers, scoring, pass_percent, score, passed):
    snapshot = {"questions": [SINGLE, TRUE_FALSE, MULTIPLE], "scoring": scoring, "pass_percent": pass_percent}

    result = grade(snapshot, answers)

    assert result.score_percent == Decimal(score)
    assert result.passed is passed


def test_pass_mark_reached_exactly_passes():
    snapshot = {"questions": [SINGLE, TRUE_FALSE], "scoring": "all_or_nothing", "pass_percent": 50}

    assert grade(snapshot, {"1": [10]}).passed is True


def test_empty_snapshot_scores_zero():
    result = grade({"questions": [], "pass_percent": 0}, {})

    assert result.score_percent == Decimal(0)
    assert result.passed is False
