"""The attempt's frozen questions shaped for templates, in the active language.

The answer key leaves the server only through `questions_for_result(..., reveal=True)`. Without
`reveal`, a result still tells whether each question was answered correctly, but not which
choices were the correct ones.
"""

from lms.models.bilingual import pick_language

from .models import Attempt


def questions_for_form(attempt: Attempt, answers: dict, errors: dict[int, str] | None = None) -> list[dict]:
    """Return questions and choices without the answer key, marking the learner's ticks."""
    errors = errors or {}
    shaped = []
    for number, question in enumerate(attempt.questions, start=1):
        ticked = set(answers.get(str(question["id"]), []))
        shaped.append(
            {
                "number": number,
                "id": question["id"],
                "kind": question["kind"],
                "text": pick_language(question["text_mn"], question["text_en"]),
                "error": errors.get(question["id"], ""),
                "choices": [
                    {
                        "id": choice["id"],
                        "text": pick_language(choice["text_mn"], choice["text_en"]),
                        "checked": choice["id"] in ticked,
                    }
                    for choice in question["choices"]
                ],
            }
        )
    return shaped


def questions_for_result(attempt: Attempt, reveal: bool) -> list[dict]:
    """Return questions with the learner's ticks and whether each was right; with `reveal`, also the key and explanations."""
    shaped = []
    for number, question in enumerate(attempt.questions, start=1):
        ticked = set(attempt.answers.get(str(question["id"]), []))
        correct = {choice["id"] for choice in question["choices"] if choice["correct"]}
        shaped.append(
            {
                "number": number,
                "id": question["id"],
                "text": pick_language(question["text_mn"], question["text_en"]),
                "right": ticked == correct,
                "explanation": pick_language(question["explanation_mn"], question["explanation_en"]) if reveal else "",
                "choices": [
                    {
                        "text": pick_language(choice["text_mn"], choice["text_en"]),
                        "checked": choice["id"] in ticked,
                        "correct": reveal and choice["correct"],
                    }
                    for choice in question["choices"]
                ],
            }
        )
    return shaped
