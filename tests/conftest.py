"""Shared fixtures: factories, a small page tree and a Playwright browser on Debian's chromium."""

import os
import shutil

import pytest
from django.contrib.auth.models import Group

from lms import roles

from .factories import AgencyFactory, TrainingAcademyFactory, UserFactory

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made
# from tests alongside it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture
def academy(db):
    return TrainingAcademyFactory()


@pytest.fixture
def agency(academy):
    return AgencyFactory(academy=academy)


@pytest.fixture
def learner(agency):
    user = UserFactory(agency=agency)
    user.groups.add(Group.objects.get(name=roles.LEARNERS))
    return user


@pytest.fixture
def make_learner(db):
    def make(**fields):
        user = UserFactory(**fields)
        user.groups.add(Group.objects.get(name=roles.LEARNERS))
        return user

    return make


@pytest.fixture
def academy_staff(academy):
    user = UserFactory(academy=academy, is_staff=True, profession=None, email="staff@example.mn")
    user.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    return user


@pytest.fixture
def home_page(db):
    from lms.demo.loader import load_home_page

    return load_home_page()


@pytest.fixture
def demo_site(db):
    """The demo without its video: academies, agencies, both courses, quizzes, accounts."""
    from lms.demo.loader import load_demo

    load_demo(with_video=False)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keep serialized_rollback working after a browser test has started Playwright.

    Playwright's sync API runs the test thread inside a greenlet with its own context, so
    Django's connection handler then returns new connection objects. Those lack the
    serialized test data that Django stores on the first ones, and serialized_rollback
    silently restores nothing. Storing the data on the class covers every new object.
    """
    from django.db import connections

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents is not None:
            contents = content_types_first(contents)
            connections[alias]._test_serialized_contents = contents
            type(connections[alias])._test_serialized_contents = contents
    yield


def content_types_first(contents: str) -> str:
    """Move content type rows to the front of Django's serialized test data.

    Wagtail's Task.__init__ calls ContentType.objects.get_for_model, so restoring the default
    workflow task before the content types creates a content type row with a new id, and the
    serialized row for it then fails as a duplicate (seen with Wagtail 8.0 on PostgreSQL).
    """
    import json

    records = json.loads(contents)
    records.sort(key=lambda record: record["model"] != "contenttypes.contenttype")
    return json.dumps(records)


@pytest.fixture(scope="session")
def browser():
    """A headless Debian chromium; the suite never downloads a browser of its own."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"chromium not found at {CHROMIUM}; .ci/run installs Debian's package")
        pytest.skip(f"chromium not found at {CHROMIUM}: install Debian's chromium to run browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="mn-MN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def pytest_collection_modifyitems(items):
    """Give live-server and transactional tests a serialized rollback.

    A live server or a thread test needs a transactional database, which is emptied after each test. Regions,
    professions, groups and Wagtail's root page come from data migrations, so they must be
    restored from the serialized copy, not lost for the tests that follow.
    """
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & {"live_server", "page", "transactional_db"}:
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False)
