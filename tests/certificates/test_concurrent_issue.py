"""Issuing under concurrent completion requests, on PostgreSQL where transactions really overlap."""

import threading

import pytest
from django.db import connection, transaction

from certificates.models import Certificate
from certificates.services import issue_certificate

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL) for overlapping transactions"
    ),
]


def test_concurrent_issue_gives_one_certificate(named_learner, course):
    barrier = threading.Barrier(8)
    codes = []
    errors = []

    def complete():
        try:
            barrier.wait()
            with transaction.atomic():
                codes.append(issue_certificate(named_learner, course, None).code)
        except Exception as error:  # noqa: BLE001 - reported by the assert below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=complete) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(set(codes)) == 1
    assert Certificate.objects.filter(learner=named_learner, course=course).count() == 1
