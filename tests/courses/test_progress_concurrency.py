"""Two tabs reporting at the same moment, on PostgreSQL where the row lock is real."""

import threading

import pytest
from django.db import connection, connections

from courses.models import ModulePage, ModuleProgress
from courses.services.enrolment import enrol
from courses.services.progress import Report, find_target, record_progress

from .conftest import make_course, rewind_clock

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks; set DATABASE_URL"),
]


def report_at_once(enrollment, module, calls):
    """Run record_progress once per (client, reports) pair, all threads released together."""
    target = find_target(enrollment.learner, module.pk)
    barrier = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def run(index, client, reports):
        try:
            barrier.wait(timeout=10)
            results[index] = record_progress(enrollment.learner, target, client, reports)
        except Exception as error:  # noqa: BLE001 - reported to the test thread below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, *call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    return results


@pytest.fixture
def setup(home_page, learner):
    course = make_course(home_page)
    enrollment, _created = enrol(learner, course)
    module = ModulePage.objects.child_of(course).order_by("path").first()
    rewind_clock(learner, module, 100)
    return enrollment, module


def test_same_report_twice_at_once_counts_once(setup):
    enrollment, module = setup
    same = ("tab-aaaaaaaa", [Report(sequence=1, position=40, played=[(0, 40)])])

    results = report_at_once(enrollment, module, [same, same])

    assert sorted(result.accepted for result in results) == [0, 1]
    assert ModuleProgress.objects.get(pk=results[0].progress.pk).watched_seconds == 40


def test_two_tabs_at_once_both_recorded(setup):
    enrollment, module = setup
    first = ("tab-aaaaaaaa", [Report(sequence=3, position=30, played=[(0, 30)])])
    second = ("tab-bbbbbbbb", [Report(sequence=1, position=70, played=[(50, 70)])])

    results = report_at_once(enrollment, module, [first, second])

    progress = ModuleProgress.objects.get(pk=results[0].progress.pk)
    assert {client for client, _sequence in progress.client_sequences} == {"tab-aaaaaaaa", "tab-bbbbbbbb"}
    credited = sum(result.credited_seconds for result in results)
    assert progress.watched_seconds == pytest.approx(credited)
    assert progress.watched_seconds >= 20
