"""Reading a learner's ticked choices out of a posted quiz form."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Attempt


@dataclass(frozen=True)
class AnswerError:
    question_id: int
    message: str


def field_name(question_id: int) -> str:
    return f"q-{question_id}"


def answers_from_post(attempt: Attempt, data) -> tuple[dict[str, list[int]], list[AnswerError]]:
    """Return the valid answers in `data` keyed by question id, and an error per question it rejects.

    Values that are not choices offered for the question are rejected, so a tampered form
    cannot score; the other questions' answers are kept.
    """
    answers: dict[str, list[int]] = {}
    errors: list[AnswerError] = []
    for question in attempt.questions:
        raw = data.getlist(field_name(question["id"]))
        if not raw:
            continue
        offered = {choice["id"] for choice in question["choices"]}
        try:
            ticked = sorted({int(value) for value in raw})
        except ValueError:
            ticked = None
        if ticked is None or not set(ticked) <= offered:
            errors.append(AnswerError(question["id"], _("The answer is not one of the choices offered. Choose again.")))
            continue
        if question["kind"] != "multiple" and len(ticked) > 1:
            errors.append(AnswerError(question["id"], _("Choose only one answer for this question.")))
            continue
        answers[str(question["id"])] = ticked
    return answers, errors


def unanswered_questions(attempt: Attempt, answers: dict[str, list[int]]) -> list[int]:
    return [question["id"] for question in attempt.questions if not answers.get(str(question["id"]))]
