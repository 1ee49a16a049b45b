"""Archive requests submitted at the same moment, on PostgreSQL where transactions really overlap."""

import threading

import pytest
from django.db import connection

from certificates.models import CertificateArchive
from certificates.services.archives import request_archive

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL) for overlapping transactions"
    ),
]


def test_concurrent_requests_queue_one_archive(settings, academy_staff, certificate, course):
    # The dummy backend keeps the queued task from running, so every request finds the
    # first archive still queued.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    barrier = threading.Barrier(6)
    archive_ids = []
    errors = []

    def submit():
        try:
            barrier.wait()
            archive, _created = request_archive(academy_staff, course, None, None)
            archive_ids.append(archive.pk)
        except Exception as error:  # noqa: BLE001 - reported by the assert below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(set(archive_ids)) == 1
    assert CertificateArchive.objects.count() == 1
