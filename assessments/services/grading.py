"""Scoring of an attempt's answers against its frozen questions. Pure functions, no database.

Every question weighs the same. A question scores a fraction between 0 and 1:

- single choice and true/false: 1 when exactly the correct choice is ticked, else 0;
- multiple choice, all or nothing: 1 when the ticked set equals the correct set, else 0;
- multiple choice, partial credit: (correct ticked − wrong ticked) ÷ correct choices, never
  below 0, so ticking every box earns nothing more than ticking none.

The attempt's score is the mean of its question fractions as a percentage, rounded half up
to two decimals. The attempt passes when the score reaches the pass mark.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

SINGLE = "single"
MULTIPLE = "multiple"
TRUE_FALSE = "true_false"
ALL_OR_NOTHING = "all_or_nothing"
PARTIAL = "partial"

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Grade:
    score_percent: Decimal
    passed: bool
    question_scores: dict[str, Decimal]


def score_question(question: dict, ticked: set[int], scoring: str) -> Decimal:
    """Return the fraction of a question earned by the ticked choice ids."""
    offered = {choice["id"] for choice in question["choices"]}
    correct = {choice["id"] for choice in question["choices"] if choice["correct"]}
    ticked = ticked & offered
    if not correct:
        # A question without a correct choice cannot be answered right, so it scores zero.
        return Decimal(0)

    if question["kind"] in (SINGLE, TRUE_FALSE) or scoring == ALL_OR_NOTHING:
        return Decimal(1) if ticked == correct else Decimal(0)

    right = len(ticked & correct)
    wrong = len(ticked - correct)
    return max(Decimal(0), Decimal(right - wrong) / Decimal(len(correct)))


def grade(snapshot: dict, answers: dict[str, list[int]]) -> Grade:
    """Grade answers (question id as a string → ticked choice ids) against a snapshot."""
    questions = snapshot.get("questions", [])
    scoring = snapshot.get("scoring", ALL_OR_NOTHING)
    question_scores = {
        str(question["id"]): score_question(question, set(answers.get(str(question["id"]), [])), scoring)
        for question in questions
    }
    if not questions:
        return Grade(Decimal(0), False, {})

    mean = sum(question_scores.values(), Decimal(0)) / len(questions)
    score = (mean * HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)
    return Grade(score, score >= Decimal(snapshot.get("pass_percent", 100)), question_scores)
