"""What a result page tells the learner: wrong questions, the key only when allowed, and where to go next."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from assessments.demo import load_demo_quizzes
from assessments.durations import duration_in_words
from assessments.models import Attempt, Quiz
from assessments.services import attempts as service
from courses.models import ModulePage

from .helpers import as_post, correct_answers, wrong_answers

pytestmark = pytest.mark.django_db

CORRECT_TAG = '<span class="tag">зөв</span>'


@pytest.fixture
def learner_client(client, enrolled):
    client.force_login(enrolled)
    return client


def take(client, quiz, answers_for) -> tuple[Attempt, str]:
    """Start an attempt, submit the answers built by `answers_for`, and return it with its result page."""
    client.post(reverse("assessments:start", args=[quiz.pk]))
    attempt = Attempt.objects.latest("started_at")
    client.post(reverse("assessments:submit", args=[attempt.code]), as_post(answers_for(attempt)))
    attempt.refresh_from_db()
    return attempt, client.get(attempt.get_absolute_url()).content.decode()


def test_default_reveal_is_after_passing():
    assert Quiz._meta.get_field("reveal_answers").default == Quiz.Reveal.AFTER_PASSING


def test_failed_attempt_hides_key_but_marks_wrong(learner_client, make_quiz):
    quiz = make_quiz()
    attempt, page = take(learner_client, quiz, wrong_answers)

    assert attempt.passed is False
    assert CORRECT_TAG not in page
    assert "choice-correct" not in page
    for question in attempt.questions:
        assert question["explanation_mn"] not in page
    assert page.count("Зөв хариулаагүй.") == 3
    assert page.count('<span class="tag">таны хариулт</span>') == 3
    assert "Зөв хариултыг таныг тэнцсэний дараа эсвэл оролдлого дууссаны дараа харуулна." in page


def test_partly_right_attempt_marks_each_question(learner_client, make_quiz):
    quiz = make_quiz(pass_percent=100)

    def first_right(attempt):
        answers = wrong_answers(attempt)
        first = str(attempt.questions[0]["id"])
        answers[first] = correct_answers(attempt)[first]
        return answers

    attempt, page = take(learner_client, quiz, first_right)

    assert attempt.passed is False
    assert page.count("Зөв хариулсан.") == 1
    assert page.count("Зөв хариулаагүй.") == 2
    assert CORRECT_TAG not in page


def test_passed_attempt_reveals_key(learner_client, make_quiz):
    quiz = make_quiz()
    attempt, page = take(learner_client, quiz, correct_answers)

    assert attempt.passed is True
    assert CORRECT_TAG in page
    assert attempt.questions[0]["explanation_mn"] in page


def test_earlier_failed_attempt_reveals_after_pass(learner_client, make_quiz):
    quiz = make_quiz()
    failed, before = take(learner_client, quiz, wrong_answers)
    take(learner_client, quiz, correct_answers)

    after = learner_client.get(failed.get_absolute_url()).content.decode()

    assert CORRECT_TAG not in before
    assert CORRECT_TAG in after


def test_last_failed_attempt_reveals_key(learner_client, make_quiz):
    quiz = make_quiz(max_attempts=2)
    take(learner_client, quiz, wrong_answers)
    last, page = take(learner_client, quiz, wrong_answers)

    assert last.passed is False
    assert CORRECT_TAG in page
    assert "Та энэ сорилын бүх оролдлогоо ашигласан байна." in page


def test_unlimited_attempts_never_reveal_before_pass(learner_client, make_quiz):
    quiz = make_quiz(max_attempts=None)
    for _number in range(3):
        attempt, page = take(learner_client, quiz, wrong_answers)
        assert CORRECT_TAG not in page
    assert service.may_reveal_answers(attempt) is False


def test_each_attempt_rule_still_reveals_failed(learner_client, make_quiz):
    quiz = make_quiz(reveal_answers=Quiz.Reveal.AFTER_EACH_ATTEMPT)
    _attempt, page = take(learner_client, quiz, wrong_answers)

    assert CORRECT_TAG in page


def test_passed_module_quiz_links_next_module(learner_client, make_quiz, course, module):
    second = ModulePage(title="2. Хэрэглээ", title_en="2. Practice", slug="module-2")
    course.add_child(instance=second)
    quiz = make_quiz()

    _attempt, page = take(learner_client, quiz, correct_answers)

    assert 'id="quiz-next-step"' in page
    assert f'href="{second.url}"' in page
    assert "Дараагийн модуль: 2. Хэрэглээ" in page


def test_passed_last_module_quiz_links_course(learner_client, make_quiz, course):
    quiz = make_quiz()

    _attempt, page = take(learner_client, quiz, correct_answers)

    assert f'href="{course.url}"' in page
    assert "Сургалт руу буцах: Туршилтын сургалт" in page


def test_unpublished_next_module_is_skipped(learner_client, make_quiz, course):
    draft = ModulePage(title="2. Ноорог", title_en="2. Draft", slug="module-2", live=False)
    course.add_child(instance=draft)
    quiz = make_quiz()

    _attempt, page = take(learner_client, quiz, correct_answers)

    assert "2. Ноорог" not in page
    assert "Сургалт руу буцах" in page


def test_failed_attempt_offers_no_next_module(learner_client, make_quiz):
    quiz = make_quiz()

    _attempt, page = take(learner_client, quiz, wrong_answers)

    assert 'id="quiz-next-step"' not in page


@pytest.mark.parametrize(
    ("duration", "mongolian", "english"),
    [
        (timedelta(minutes=1), "1 минут", "1 minute"),
        (timedelta(hours=1, minutes=30), "1 цаг 30 минут", "1 hour 30 minutes"),
        (timedelta(seconds=45), "45 секунд", "45 seconds"),
        (timedelta(hours=2, seconds=5), "2 цаг 5 секунд", "2 hours 5 seconds"),
        (timedelta(0), "0 секунд", "0 seconds"),
    ],
)
def test_duration_in_words(duration, mongolian, english):
    with translation.override("mn"):
        assert duration_in_words(duration) == mongolian
    with translation.override("en"):
        assert duration_in_words(duration) == english


def test_quiz_rules_write_waiting_time_in_words(learner_client, make_quiz):
    quiz = make_quiz(retry_wait=timedelta(minutes=1), time_limit=timedelta(minutes=30))

    page = learner_client.get(reverse("assessments:quiz", args=[quiz.pk])).content.decode()

    assert "Оролдлого хоорондын хүлээх хугацаа: 1 минут" in page
    assert "Хугацааны хязгаар: 30 минут" in page
    assert "цаг:минут:секунд" not in page
    assert "0:01:00" not in page


def test_demo_quizzes_reveal_safely(demo_site):
    load_demo_quizzes()

    module_rules = set(Quiz.objects.filter(kind=Quiz.Kind.MODULE).values_list("reveal_answers", flat=True))
    assert module_rules == {Quiz.Reveal.AFTER_PASSING}
    assert Quiz.objects.get(kind=Quiz.Kind.FINAL).reveal_answers == Quiz.Reveal.AFTER_PASSING
    assert Quiz.objects.get(kind=Quiz.Kind.PRETEST).reveal_answers == Quiz.Reveal.AFTER_LAST_ATTEMPT

