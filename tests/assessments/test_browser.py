"""A learner takes a module quiz in Mongolian in headless chromium: fails, waits, retries and passes."""

import re
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from assessments.models import Attempt

from .helpers import correct_answers, wrong_answers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])


def answer(page, answers: dict[str, list[int]]) -> None:
    for question_id, choice_ids in answers.items():
        for choice_id in choice_ids:
            page.check(f"#q-{question_id}-{choice_id}")


def test_module_quiz_fail_wait_retry_pass(page, live_server, enrolled, make_quiz):
    quiz = make_quiz(retry_wait=timedelta(seconds=2), max_attempts=3)
    sign_in(page, live_server, enrolled)

    page.goto(f"/quiz/{quiz.pk}/")
    assert page.locator("html").get_attribute("lang") == "mn"
    page.locator("form[action$='/start/'] button").click()
    page.wait_for_selector("#quiz-form")
    first = Attempt.objects.get(quiz=quiz, number=1)
    answer(page, wrong_answers(first))
    # The autosave script posts each change; the status line confirms the save.
    expect(page.locator("#autosave-status")).to_have_text(re.compile(r"\d:\d\d"))
    first.refresh_from_db()
    assert first.answers == wrong_answers(first)
    page.locator("#quiz-form .form-actions button.button").click()

    page.wait_for_selector("#quiz-result.quiz-failed")
    expect(page.locator("#quiz-result")).to_contain_text("Та энэ удаад тэнцсэнгүй.")
    expect(page.locator("#quiz-wait")).to_contain_text("дахин оролдож болно")
    page.goto(f"/quiz/{quiz.pk}/")
    assert page.locator("#quiz-rejection").is_visible()
    assert page.locator("form[action$='/start/']").count() == 0

    page.wait_for_timeout(2200)
    page.reload()
    page.locator("form[action$='/start/'] button").click()
    page.wait_for_selector("#quiz-form")
    second = Attempt.objects.get(quiz=quiz, number=2)
    right = correct_answers(second)
    (first_id, first_choices), *other_questions = right.items()
    # Answer the first question from the keyboard: focus each correct choice and press Space.
    for choice_id in first_choices:
        page.focus(f"#q-{first_id}-{choice_id}")
        page.keyboard.press("Space")
    answer(page, dict(other_questions))
    page.locator("#quiz-form .form-actions button.button").click()

    page.wait_for_selector("#quiz-result.quiz-passed")
    expect(page.locator("#quiz-result")).to_contain_text("Та тэнцлээ.")
    second.refresh_from_db()
    assert second.passed is True
    assert second.score_percent == 100


def test_answer_saved_when_language_switched(page, live_server, enrolled, make_quiz):
    quiz = make_quiz()
    sign_in(page, live_server, enrolled)
    page.goto(f"/quiz/{quiz.pk}/")
    page.locator("form[action$='/start/'] button").click()
    page.wait_for_selector("#quiz-form")
    attempt = Attempt.objects.get(quiz=quiz, number=1)
    (question_id, (choice_id, *_rest)), *_others = correct_answers(attempt).items()

    # A slow connection: each autosave takes a second to reach the server.
    def slow_save(route):
        time.sleep(1)
        route.continue_()

    page.route(re.compile(r".*/attempt/[^/]+/save/$"), slow_save)

    # Tick an answer and switch language in the same task, before any save can finish.
    page.evaluate(
        """([box]) => {
            document.querySelector(box).click();
            document.querySelector(".language-switcher button[value='en']").click();
        }""",
        [f"#q-{question_id}-{choice_id}"],
    )

    page.wait_for_selector("html[lang='en']")
    expect(page.locator("#quiz-form")).to_be_visible()
    # The switch waited for the save, so the reloaded quiz already shows the answer ticked.
    expect(page.locator(f"#q-{question_id}-{choice_id}")).to_be_checked()
    attempt.refresh_from_db()
    assert choice_id in attempt.answers.get(question_id, [])


def test_attempts_table_fits_phone(page, live_server, enrolled, make_quiz):
    quiz = make_quiz(max_attempts=5)
    for number in (1, 2):
        Attempt.objects.create(
            learner=enrolled, quiz=quiz, number=number, status=Attempt.Status.SUBMITTED,
            submitted_at=timezone.now(), score_percent=Decimal("66.67"), passed=False,
        )
    Attempt.objects.create(learner=enrolled, quiz=quiz, number=3)
    sign_in(page, live_server, enrolled)
    page.set_viewport_size({"width": 375, "height": 700})

    page.goto(f"/quiz/{quiz.pk}/")

    assert page.locator("table.attempts").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
