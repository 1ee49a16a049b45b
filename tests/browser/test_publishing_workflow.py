"""A trainer submits a module change in the Wagtail editor, the owning academy's reviewer
approves it, and only then learners see it. The trainer's screens read in Mongolian."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import TaskState

from courses.models import CoursePage, ModulePage
from lms import roles
from lms.services.trainers import assign_trainer

from ..factories import UserFactory
from ..lms.english_leaks import english_leaks, untranslated_msgids
from .conftest import PASSWORD, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The factory's default password.
LEARNER_PASSWORD = "correct-horse-battery"
OLD_TITLE = "1. ХХГХ-ийн тухай ойлголт"
NEW_TITLE = "1. ХХГХ-ийн тухай ойлголт (шинэчилсэн)"


@pytest.fixture
def module(home_page, academy):
    course = CoursePage(title="Сургалт", title_en="Course", slug="course", academy=academy)
    home_page.add_child(instance=course)
    course.save_revision().publish()
    module = ModulePage(title=OLD_TITLE, title_en="1. Understanding trafficking", slug="module-1")
    course.add_child(instance=module)
    module.save_revision().publish()
    return module


@pytest.fixture
def trainer(module):
    user = UserFactory(profession=None, password=PASSWORD, email="trainer@example.mn")
    assign_trainer(module.get_parent(), user)
    return user


@pytest.fixture
def reviewer(academy):
    user = UserFactory(profession=None, academy=academy, password=PASSWORD, email="reviewer@example.mn")
    user.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    return user


def click_hidden(page, selector: str) -> None:
    """Click a button that sits in a closed drop-down of the editor's footer."""
    with page.expect_navigation():
        page.locator(selector).first.evaluate("button => button.click()")


def test_change_goes_live_after_academy_approval(page, module, trainer, reviewer, learner, csp_violations):
    sign_in(page, trainer.email)
    page.goto(f"/admin/pages/{module.pk}/edit/")
    untranslated = untranslated_msgids()
    assert english_leaks(page.content(), untranslated) == set()
    page.fill("#id_title", NEW_TITLE)
    click_hidden(page, "button[name=action-submit]")

    assert TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).count() == 1
    assert english_leaks(page.content(), untranslated) == set()
    module.refresh_from_db()
    assert module.title == OLD_TITLE

    page.context.clear_cookies()
    sign_in(page, learner.email, LEARNER_PASSWORD)
    page.goto(module.url)
    assert OLD_TITLE in page.locator("main").inner_text()
    assert NEW_TITLE not in page.content()

    page.context.clear_cookies()
    sign_in(page, reviewer.email)
    page.goto(f"/admin/pages/{module.pk}/edit/")
    click_hidden(page, "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")

    module.refresh_from_db()
    assert module.title == NEW_TITLE
    page.context.clear_cookies()
    sign_in(page, learner.email, LEARNER_PASSWORD)
    page.goto(module.url)
    assert NEW_TITLE in page.locator("main").inner_text()
    assert csp_violations == []


def test_trainer_screens_show_no_english(page, module, trainer, csp_violations):
    course = module.get_parent()
    sign_in(page, trainer.email)
    untranslated = untranslated_msgids()
    leaks = {}
    for url in [
        "/admin/",
        f"/admin/pages/{course.pk}/",
        f"/admin/pages/add/courses/modulepage/{course.pk}/",
        "/admin/documents/",
        "/admin/images/",
        "/admin/account/",
    ]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        found = english_leaks(page.content(), untranslated)
        if found:
            leaks[url] = found
    page.goto("/")
    assert leaks == {}
    # The admin runs under its own Content-Security-Policy, and the console reports what it blocks.
    assert csp_violations == []
