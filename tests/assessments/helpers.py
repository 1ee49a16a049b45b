"""Answer builders for attempts in tests."""


def correct_answers(attempt) -> dict[str, list[int]]:
    return {
        str(question["id"]): sorted(choice["id"] for choice in question["choices"] if choice["correct"])
        for question in attempt.questions
    }


def wrong_answers(attempt) -> dict[str, list[int]]:
    return {
        str(question["id"]): [next(choice["id"] for choice in question["choices"] if not choice["correct"])]
        for question in attempt.questions
    }


def as_post(answers: dict[str, list[int]]) -> dict[str, list[str]]:
    return {f"q-{question_id}": [str(choice) for choice in choices] for question_id, choices in answers.items()}
