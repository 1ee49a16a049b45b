"""Progress reports arriving at once on a file-based SQLite database, as on a default install.

The test database is in memory, where SQLite locks differently, so these tests copy it to a
file and give each request thread its own connection to that file, built from the project's
database settings.
"""

import json
import sqlite3
import threading
from http import HTTPStatus

import pytest
from django.db import connection, connections
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.test import Client
from django.urls import reverse

from courses.models import ModulePage, ModuleProgress
from courses.services.enrolment import enrol

from .conftest import make_course, rewind_clock

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="tests SQLite's file locking"),
]

CONCURRENT_REPORTS = 8


@pytest.fixture
def watching(home_page, learner):
    course = make_course(home_page)
    enrol(learner, course)
    module = ModulePage.objects.child_of(course).order_by("path").first()
    rewind_clock(learner, module, 100)
    return learner, module


def copy_to_file(path) -> dict:
    """Copy the test database into a file and return database settings that open it."""
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    return {**connection.settings_dict, "NAME": str(path)}


def signed_in_client(learner) -> Client:
    client = Client()
    client.force_login(learner)
    return client


def post_report(client, module, tab):
    body = json.dumps({"client": tab, "reports": [{"seq": 1, "position": 30, "played": [[0, 30]]}]})
    return client.post(reverse("courses:progress", args=[module.pk]), body, content_type="application/json")


def post_on_file(database, client, module, tab, barrier=None):
    """Send one report from this thread over its own connection to the database file."""
    connections["default"] = DatabaseWrapper(database, "default")
    try:
        if barrier is not None:
            barrier.wait(timeout=10)
        return post_report(client, module, tab)
    finally:
        connections["default"].close()


def run_in_threads(calls):
    results, errors = [None] * len(calls), []

    def run(index, arguments):
        try:
            results[index] = post_on_file(*arguments)
        except Exception as error:  # noqa: BLE001 - reported to the test thread below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    return results


def test_concurrent_reports_all_stored(watching, tmp_path):
    learner, module = watching
    clients = [signed_in_client(learner) for _ in range(CONCURRENT_REPORTS)]
    database = copy_to_file(tmp_path / "lms.sqlite3")
    barrier = threading.Barrier(CONCURRENT_REPORTS)

    calls = [(database, client, module, f"tab-{index:08d}", barrier) for index, client in enumerate(clients)]
    responses = run_in_threads(calls)

    assert [response.status_code for response in responses] == [HTTPStatus.OK] * CONCURRENT_REPORTS
    with sqlite3.connect(database["NAME"]) as stored:
        (sequences,) = stored.execute(
            f"SELECT client_sequences FROM {ModuleProgress._meta.db_table} WHERE learner_id = ? AND module_id = ?",
            [learner.pk, module.pk],
        ).fetchone()
    assert len(json.loads(sequences)) == CONCURRENT_REPORTS


def test_locked_database_returns_json_503(watching, tmp_path):
    learner, module = watching
    client = signed_in_client(learner)
    # A short busy timeout, so the request gives up quickly while the file stays locked.
    database = copy_to_file(tmp_path / "lms.sqlite3")
    database["OPTIONS"] = {**database["OPTIONS"], "timeout": 0.1}
    writer = sqlite3.connect(database["NAME"], isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("BEGIN EXCLUSIVE")
    try:
        (response,) = run_in_threads([(database, client, module, "tab-locked00")])
    finally:
        writer.execute("ROLLBACK")
        writer.close()

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] == "busy"
    assert response["Retry-After"] == "2"
