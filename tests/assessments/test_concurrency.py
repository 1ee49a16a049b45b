"""Concurrent starts and submissions on PostgreSQL, where row locks are real."""

import threading

import pytest
from django.db import connection

from assessments.models import Attempt
from assessments.services import attempts as service

from .helpers import correct_answers, wrong_answers

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks; set DATABASE_URL"),
]

THREADS = 6


def run_at_once(function, count: int = THREADS) -> tuple[list, list]:
    """Call `function(index)` from `count` threads released together; return results and errors."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def worker(index: int) -> None:
        try:
            barrier.wait()
            results[index] = function(index)
        except Exception as error:  # noqa: BLE001 - collected for the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_concurrent_starts_create_one_attempt(enrolled, make_quiz):
    quiz = make_quiz(max_attempts=1)

    results, errors = run_at_once(lambda _index: service.start_attempt(enrolled, quiz).pk)

    assert errors == []
    assert len(set(results)) == 1
    assert Attempt.objects.filter(quiz=quiz).count() == 1


def test_concurrent_starts_at_limit_rejected(enrolled, make_quiz):
    quiz = make_quiz(max_attempts=2)
    first = service.start_attempt(enrolled, quiz)
    service.submit_attempt(first, wrong_answers(first))

    def start_and_submit(_index):
        # Each thread tries to use up a further attempt: start, then submit at once.
        try:
            attempt = service.start_attempt(enrolled, quiz)
        except service.AttemptRejected as rejection:
            return rejection.code
        service.submit_attempt(attempt, {})
        return "started"

    results, errors = run_at_once(start_and_submit)

    assert errors == []
    assert Attempt.objects.filter(quiz=quiz).count() == 2
    assert "no_attempts_left" in results


def test_concurrent_submissions_record_one_result(enrolled, quiz):
    attempt = service.start_attempt(enrolled, quiz)
    right, wrong = correct_answers(attempt), wrong_answers(attempt)

    def submit(index):
        closed, closed_now = service.submit_attempt(attempt, right if index % 2 else wrong)
        return closed_now, closed.score_percent, closed.submitted_at

    results, errors = run_at_once(submit)

    assert errors == []
    assert [closed_now for closed_now, _score, _at in results].count(True) == 1
    assert len({(score, at) for _closed_now, score, at in results}) == 1
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.score_percent == results[0][1]
