"""Taking a quiz through the learner pages, without JavaScript."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from assessments.models import Attempt
from assessments.services import attempts as service

from .helpers import as_post, correct_answers, wrong_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner_client(client, enrolled):
    client.force_login(enrolled)
    return client


def start(client, quiz) -> Attempt:
    response = client.post(reverse("assessments:start", args=[quiz.pk]))
    assert response.status_code == HTTPStatus.FOUND
    return Attempt.objects.latest("started_at")


def test_quiz_page_lists_rules(learner_client, quiz):
    response = learner_client.get(reverse("assessments:quiz", args=[quiz.pk]))

    assert response.status_code == HTTPStatus.OK
    assert "60%" in response.content.decode()


def test_quiz_page_forbidden_without_enrolment(client, learner, quiz):
    client.force_login(learner)

    response = client.get(reverse("assessments:quiz", args=[quiz.pk]))

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_quiz_page_requires_login(client, quiz):
    response = client.get(reverse("assessments:quiz", args=[quiz.pk]))

    assert response.status_code == HTTPStatus.FOUND


def test_start_needs_post(learner_client, quiz):
    response = learner_client.get(reverse("assessments:start", args=[quiz.pk]))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_attempt_page_hides_answer_key(learner_client, quiz):
    attempt = start(learner_client, quiz)

    page = learner_client.get(attempt.get_absolute_url()).content.decode()

    for question in attempt.questions:
        assert question["text_mn"] in page
        assert question["explanation_mn"] not in page
    assert "choice-correct" not in page
    assert '"correct"' not in page
    assert "<fieldset" in page
    assert "<legend" in page


def test_attempt_page_in_english(learner_client, quiz):
    attempt = start(learner_client, quiz)

    learner_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = learner_client.get(attempt.get_absolute_url()).content.decode()

    assert f"EN {attempt.questions[0]['text_mn']}" in page


def test_other_learner_attempt_not_found(client, quiz, enrolled, make_learner):
    attempt = service.start_attempt(enrolled, quiz)
    client.force_login(make_learner())

    response = client.get(attempt.get_absolute_url())

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_submit_form_without_javascript(learner_client, quiz):
    attempt = start(learner_client, quiz)

    response = learner_client.post(reverse("assessments:submit", args=[attempt.code]), as_post(correct_answers(attempt)))

    assert response.status_code == HTTPStatus.FOUND
    attempt.refresh_from_db()
    assert attempt.passed is True
    result = learner_client.get(attempt.get_absolute_url()).content.decode()
    assert "100%" in result
    assert attempt.questions[0]["explanation_mn"] in result


def test_submit_twice_keeps_first_result(learner_client, quiz):
    attempt = start(learner_client, quiz)
    url = reverse("assessments:submit", args=[attempt.code])
    learner_client.post(url, as_post(wrong_answers(attempt)))

    response = learner_client.post(url, as_post(correct_answers(attempt)))

    assert response.status_code == HTTPStatus.FOUND
    attempt.refresh_from_db()
    assert attempt.passed is False
    assert Attempt.objects.filter(quiz=quiz).count() == 1


def test_unanswered_questions_need_confirmation(learner_client, quiz):
    attempt = start(learner_client, quiz)
    answers = correct_answers(attempt)
    first_id = str(attempt.questions[0]["id"])
    partial = {first_id: answers[first_id]}

    response = learner_client.post(reverse("assessments:submit", args=[attempt.code]), as_post(partial))

    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert 'id="error-summary"' in page
    assert 'name="confirm_unanswered"' in page
    attempt.refresh_from_db()
    assert attempt.is_open
    assert attempt.answers == partial


def test_unanswered_submitted_after_confirmation(learner_client, quiz):
    attempt = start(learner_client, quiz)

    data = {"confirm_unanswered": "1"}
    response = learner_client.post(reverse("assessments:submit", args=[attempt.code]), data)

    assert response.status_code == HTTPStatus.FOUND
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.score_percent == 0


def test_tampered_choice_rejected_and_others_kept(learner_client, quiz):
    attempt = start(learner_client, quiz)
    data = as_post(correct_answers(attempt))
    tampered_id = attempt.questions[0]["id"]
    data[f"q-{tampered_id}"] = ["999999"]

    response = learner_client.post(reverse("assessments:submit", args=[attempt.code]), data)

    assert response.status_code == HTTPStatus.OK
    assert f'href="#q-{tampered_id}-legend"' in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.is_open
    assert str(tampered_id) not in attempt.answers
    assert len(attempt.answers) == len(attempt.questions) - 1


def test_two_answers_to_single_choice_rejected(learner_client, quiz):
    attempt = start(learner_client, quiz)
    single = next(question for question in attempt.questions if question["kind"] != "multiple")
    data = {f"q-{single['id']}": [str(choice["id"]) for choice in single["choices"]]}

    response = learner_client.post(reverse("assessments:save", args=[attempt.code]), data)

    assert response.status_code == HTTPStatus.OK
    assert 'id="error-summary"' in response.content.decode()


def test_autosave_returns_json(learner_client, quiz):
    attempt = start(learner_client, quiz)

    response = learner_client.post(
        reverse("assessments:save", args=[attempt.code]), as_post(correct_answers(attempt)),
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code == HTTPStatus.OK
    assert response.json()["saved"] is True
    attempt.refresh_from_db()
    assert attempt.answers == correct_answers(attempt)


def test_autosave_after_submit_conflicts(learner_client, quiz):
    attempt = start(learner_client, quiz)
    service.submit_attempt(attempt, {})

    response = learner_client.post(
        reverse("assessments:save", args=[attempt.code]), as_post(correct_answers(attempt)),
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert response.json()["closed"] is True


def test_expired_attempt_closed_on_view(learner_client, make_quiz):
    quiz = make_quiz(time_limit=timedelta(minutes=1))
    attempt = start(learner_client, quiz)
    service.save_answers(attempt, correct_answers(attempt))
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))

    response = learner_client.get(attempt.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.TIMED_OUT
    assert attempt.passed is True


def test_expired_submit_ignores_late_answers(learner_client, make_quiz):
    quiz = make_quiz(time_limit=timedelta(minutes=1))
    attempt = start(learner_client, quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))

    learner_client.post(reverse("assessments:submit", args=[attempt.code]), as_post(correct_answers(attempt)))

    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.TIMED_OUT
    assert attempt.score_percent == 0


def test_answers_hidden_until_last_attempt(learner_client, make_quiz):
    quiz = make_quiz(reveal_answers="last_attempt", max_attempts=2)
    attempt = start(learner_client, quiz)
    learner_client.post(reverse("assessments:submit", args=[attempt.code]), as_post(wrong_answers(attempt)))

    first_result = learner_client.get(attempt.get_absolute_url()).content.decode()
    second = start(learner_client, quiz)
    learner_client.post(reverse("assessments:submit", args=[second.code]), as_post(wrong_answers(second)))
    last_result = learner_client.get(second.get_absolute_url()).content.decode()

    assert attempt.questions[0]["explanation_mn"] not in first_result
    assert second.questions[0]["explanation_mn"] in last_result


def test_result_shows_waiting_time(learner_client, make_quiz):
    quiz = make_quiz(retry_wait=timedelta(minutes=30))
    attempt = start(learner_client, quiz)
    learner_client.post(reverse("assessments:submit", args=[attempt.code]), as_post(wrong_answers(attempt)))

    page = learner_client.get(attempt.get_absolute_url()).content.decode()

    assert 'id="quiz-wait"' in page


def test_attempt_page_fully_mongolian(learner_client, quiz):
    attempt = start(learner_client, quiz)

    page = learner_client.get(attempt.get_absolute_url()).content.decode()

    assert "Хариултыг илгээх" in page
    assert "1 дүгээр асуулт" in page
    assert "2 дугаар асуулт" in page
    assert "2 дүгээр" not in page
    for english in ("Submit answers", "Save answers", "Question 1", "Attempt 1", "Tick every"):
        assert english not in page


def test_result_page_fully_mongolian(learner_client, quiz):
    attempt = start(learner_client, quiz)
    learner_client.post(reverse("assessments:submit", args=[attempt.code]), as_post(wrong_answers(attempt)))

    page = learner_client.get(attempt.get_absolute_url()).content.decode()

    assert "Та энэ удаад тэнцсэнгүй." in page
    for english in ("Your score", "pass mark", "You did not pass", "Try again", "Back to the quiz"):
        assert english not in page
