"""Starting, saving and submitting attempts through the service functions."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.models import Attempt, Choice, Question
from assessments.services import attempts as service
from assessments.services.results import best_score, final_exam_passed, module_quiz_passed
from courses.models import Enrollment
from lms.models import User

from .helpers import correct_answers, wrong_answers

pytestmark = pytest.mark.django_db


def test_start_draws_requested_number(enrolled, make_quiz):
    quiz = make_quiz(question_count=2)

    attempt = service.start_attempt(enrolled, quiz)

    assert len(attempt.questions) == 2
    assert attempt.number == 1
    assert attempt.status == Attempt.Status.IN_PROGRESS


def test_start_draws_whole_pool_when_smaller(enrolled, make_quiz):
    attempt = service.start_attempt(enrolled, make_quiz(question_count=10))

    assert len(attempt.questions) == 3


def test_start_returns_open_attempt(enrolled, quiz):
    first = service.start_attempt(enrolled, quiz)

    assert service.start_attempt(enrolled, quiz).pk == first.pk
    assert Attempt.objects.count() == 1


def test_start_rejected_without_enrolment(learner, quiz):
    with pytest.raises(service.AttemptRejected) as rejected:
        service.start_attempt(learner, quiz)

    assert rejected.value.code == "not_enrolled"


def test_start_rejected_for_unapproved_learner(enrolled, quiz):
    enrolled.status = User.Status.PENDING
    enrolled.save()

    with pytest.raises(service.AttemptRejected) as rejected:
        service.start_attempt(enrolled, quiz)

    assert rejected.value.code == "not_enrolled"


def test_start_rejected_after_attempt_limit(enrolled, make_quiz):
    quiz = make_quiz(max_attempts=1)
    service.submit_attempt(service.start_attempt(enrolled, quiz), {})

    with pytest.raises(service.AttemptRejected) as rejected:
        service.start_attempt(enrolled, quiz)

    assert rejected.value.code == "no_attempts_left"


def test_start_rejected_during_waiting_time(enrolled, make_quiz):
    quiz = make_quiz(retry_wait=timedelta(minutes=10))
    attempt, _closed = service.submit_attempt(service.start_attempt(enrolled, quiz), {})

    with pytest.raises(service.AttemptRejected) as rejected:
        service.start_attempt(enrolled, quiz)

    assert rejected.value.code == "waiting"
    assert rejected.value.retry_at == attempt.submitted_at + timedelta(minutes=10)


def test_start_allowed_after_waiting_time(enrolled, make_quiz):
    quiz = make_quiz(retry_wait=timedelta(minutes=10))
    attempt, _closed = service.submit_attempt(service.start_attempt(enrolled, quiz), {})
    Attempt.objects.filter(pk=attempt.pk).update(submitted_at=timezone.now() - timedelta(minutes=11))

    assert service.start_attempt(enrolled, quiz).number == 2


def test_start_rejected_for_empty_pool(enrolled, quiz):
    quiz.pool.questions.all().delete()

    with pytest.raises(service.AttemptRejected) as rejected:
        service.start_attempt(enrolled, quiz)

    assert rejected.value.code == "no_questions"


def test_shuffle_off_keeps_authored_order(enrolled, make_quiz):
    attempt = service.start_attempt(enrolled, make_quiz(shuffle_choices=False))

    for question in attempt.questions:
        authored = list(Choice.objects.filter(question_id=question["id"]).order_by("sort_order").values_list("id", flat=True))
        assert [choice["id"] for choice in question["choices"]] == authored


def test_submit_grades_on_server(enrolled, quiz):
    attempt = service.start_attempt(enrolled, quiz)

    attempt, closed_now = service.submit_attempt(attempt, correct_answers(attempt))

    assert closed_now is True
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.score_percent == Decimal("100.00")
    assert attempt.passed is True


def test_submit_twice_records_one_result(enrolled, quiz):
    attempt = service.start_attempt(enrolled, quiz)
    first, _closed = service.submit_attempt(attempt, wrong_answers(attempt))

    second, closed_now = service.submit_attempt(attempt, correct_answers(attempt))

    assert closed_now is False
    assert second.score_percent == first.score_percent == Decimal("0.00")
    assert second.submitted_at == first.submitted_at


def test_save_after_submit_rejected(enrolled, quiz):
    attempt = service.start_attempt(enrolled, quiz)
    service.submit_attempt(attempt, wrong_answers(attempt))

    with pytest.raises(service.AttemptClosed):
        service.save_answers(attempt, correct_answers(attempt))

    attempt.refresh_from_db()
    assert attempt.answers == wrong_answers(attempt)


def test_expired_attempt_graded_with_saved_answers(enrolled, make_quiz):
    quiz = make_quiz(time_limit=timedelta(minutes=5))
    attempt = service.start_attempt(enrolled, quiz)
    service.save_answers(attempt, correct_answers(attempt))
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    attempt.refresh_from_db()

    attempt, closed_now = service.submit_attempt(attempt, wrong_answers(attempt))

    assert closed_now is True
    assert attempt.status == Attempt.Status.TIMED_OUT
    assert attempt.score_percent == Decimal("100.00")


def test_save_after_deadline_closes_attempt(enrolled, make_quiz):
    quiz = make_quiz(time_limit=timedelta(minutes=5))
    attempt = service.start_attempt(enrolled, quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    attempt.refresh_from_db()

    with pytest.raises(service.AttemptClosed):
        service.save_answers(attempt, correct_answers(attempt))

    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.TIMED_OUT
    assert attempt.score_percent == Decimal("0.00")


def test_start_closes_expired_attempt_first(enrolled, make_quiz):
    quiz = make_quiz(time_limit=timedelta(minutes=5))
    first = service.start_attempt(enrolled, quiz)
    Attempt.objects.filter(pk=first.pk).update(deadline=timezone.now() - timedelta(seconds=1))

    second = service.start_attempt(enrolled, quiz)

    first.refresh_from_db()
    assert first.status == Attempt.Status.TIMED_OUT
    assert second.number == 2


def test_close_expired_attempts_counts(enrolled, make_quiz):
    quiz = make_quiz(time_limit=timedelta(minutes=5))
    attempt = service.start_attempt(enrolled, quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))

    assert service.close_expired_attempts() == 1
    assert service.close_expired_attempts() == 0


def test_quiz_edit_leaves_old_attempt_intact(enrolled, quiz):
    attempt = service.start_attempt(enrolled, quiz)
    attempt, _closed = service.submit_attempt(attempt, correct_answers(attempt))

    # The trainer rewrites every question, flips the key, adds a question and raises the pass mark.
    for question in Question.objects.all():
        question.text_mn = "Өөрчилсөн асуулт"
        question.save()
        for choice in question.choices.all():
            choice.is_correct = not choice.is_correct
            choice.save()
    quiz.pass_percent = 100
    quiz.multiple_choice_scoring = quiz.Scoring.PARTIAL
    quiz.save()

    attempt.refresh_from_db()
    assert attempt.score_percent == Decimal("100.00")
    assert attempt.passed is True
    assert "Өөрчилсөн асуулт" not in [question["text_mn"] for question in attempt.questions]
    assert attempt.snapshot["pass_percent"] == 60


def test_results_without_quiz_count_as_passed(learner, module, course):
    assert module_quiz_passed(learner, module) is True
    assert final_exam_passed(learner, course) is True


def test_results_follow_best_attempt(enrolled, quiz, module):
    attempt = service.start_attempt(enrolled, quiz)
    service.submit_attempt(attempt, wrong_answers(attempt))
    assert module_quiz_passed(enrolled, module) is False

    attempt = service.start_attempt(enrolled, quiz)
    service.submit_attempt(attempt, correct_answers(attempt))

    assert module_quiz_passed(enrolled, module) is True
    assert best_score(enrolled, quiz) == Decimal("100.00")


def test_best_score_none_before_attempts(learner, quiz):
    assert best_score(learner, quiz) is None


def test_passing_module_quiz_completes_course(enrolled, quiz, course, django_capture_on_commit_callbacks):
    attempt = service.start_attempt(enrolled, quiz)

    with django_capture_on_commit_callbacks(execute=True):
        service.submit_attempt(attempt, correct_answers(attempt))

    enrollment = Enrollment.objects.get(learner=enrolled, course=course)
    assert enrollment.status == Enrollment.Status.COMPLETED


def test_failing_module_quiz_leaves_course_open(enrolled, quiz, course, django_capture_on_commit_callbacks):
    attempt = service.start_attempt(enrolled, quiz)

    with django_capture_on_commit_callbacks(execute=True):
        service.submit_attempt(attempt, wrong_answers(attempt))

    enrollment = Enrollment.objects.get(learner=enrolled, course=course)
    assert enrollment.status != Enrollment.Status.COMPLETED


def test_close_expired_command(enrolled, make_quiz):
    from io import StringIO

    from django.core.management import call_command

    quiz = make_quiz(time_limit=timedelta(minutes=5))
    attempt = service.start_attempt(enrolled, quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    output = StringIO()

    call_command("close_expired_attempts", stdout=output)

    assert "Closed 1 expired attempts." in output.getvalue()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.TIMED_OUT
