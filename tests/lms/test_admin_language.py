"""The daily screens of learners, trainers and academy staff read in Mongolian."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from wagtail.models import TaskState

from courses.models import CoursePage, ModulePage
from lms import roles
from lms.models import User
from lms.services.trainers import assign_trainer

from ..factories import UserFactory
from .english_leaks import english_leaks, untranslated_msgids

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(demo_site):
    return CoursePage.objects.order_by("path").first()


@pytest.fixture
def trainer(course):
    user = UserFactory(is_staff=True, profession=None, email="course.trainer@example.mn")
    assign_trainer(course, user)
    return user


@pytest.fixture
def module_in_review(course, trainer):
    """A module whose change waits for the academy's review, so workflow screens have content."""
    module = ModulePage.objects.child_of(course).first()
    draft = module.get_latest_revision_as_object()
    draft.title = "1. Шинэчилсэн модуль"
    draft.save_revision(user=trainer)
    module.refresh_from_db()
    module.get_workflow().start(module, trainer)
    return module


@pytest.fixture
def reviewer(course):
    user = UserFactory(is_staff=True, profession=None, academy=course.academy, email="reviewer@example.mn")
    user.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    return user


def collect_leaks(client, urls) -> dict[str, set[str]]:
    untranslated = untranslated_msgids()
    leaks = {}
    for url in urls:
        # Many officials' browsers ask for English first, and the interface must stay Mongolian.
        response = client.get(url, follow=True, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
        assert response.status_code == HTTPStatus.OK, url
        html = response.content.decode()
        if response["Content-Type"].startswith("application/json"):
            # Choosers respond with JSON that contains the modal's HTML.
            html = response.json().get("html", "")
        found = english_leaks(html, untranslated)
        if found:
            leaks[url] = found
    return leaks


def trainer_urls(course: CoursePage) -> list[str]:
    module = ModulePage.objects.child_of(course).first()
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{course.get_parent().pk}/",
        f"/admin/pages/{course.pk}/",
        f"/admin/pages/{course.pk}/edit/",
        f"/admin/pages/{module.pk}/edit/",
        f"/admin/pages/{module.pk}/history/",
        f"/admin/pages/{module.pk}/revisions/",
        f"/admin/pages/add/courses/modulepage/{course.pk}/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/documents/chooser/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/images/chooser/",
        f"/admin/choose-page/{course.pk}/",
        "/admin/account/",
        "/accounts/2fa/",
        "/accounts/password/change/",
    ]


def reviewer_urls() -> list[str]:
    return [
        "/admin/",
        "/admin/learners/approvals/",
        "/admin/learners/approvals/?status=rejected",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/pages/",
    ]


def public_urls() -> list[str]:
    return [
        "/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/c/",
    ]


def test_public_pages_show_no_english(client, demo_site):
    assert collect_leaks(client, public_urls()) == {}


def test_trainer_path_shows_no_english(client, trainer, course, module_in_review):
    client.force_login(trainer)
    urls = trainer_urls(course) + [f"/admin/pages/{module_in_review.pk}/workflow_history/"]
    assert collect_leaks(client, urls) == {}


def test_reviewer_path_shows_no_english(client, reviewer, module_in_review):
    client.force_login(reviewer)
    task_state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    urls = reviewer_urls() + [
        f"/admin/pages/{module_in_review.pk}/edit/",
        f"/admin/pages/{module_in_review.pk}/workflow_history/",
        f"/admin/pages/workflow/action/{module_in_review.pk}/approve/{task_state.pk}/",
        f"/admin/pages/workflow/action/{module_in_review.pk}/reject/{task_state.pk}/",
        f"/admin/pages/workflow/preview/{module_in_review.pk}/{task_state.task_id}/",
        "/admin/reports/site-history/",
        f"/admin/courses/{module_in_review.get_parent().pk}/trainers/",
    ]
    assert collect_leaks(client, urls) == {}


def test_learner_path_shows_no_english(client, course):
    learner = User.objects.get(email="judge@demo.example.mn")
    client.force_login(learner)
    module = ModulePage.objects.child_of(course).first()
    urls = ["/", course.url, module.url, "/learn/my/", "/me/profile/", "/accounts/2fa/", "/accounts/email/"]
    assert collect_leaks(client, urls) == {}


def test_staff_tools_show_no_english(client, course):
    administrator = UserFactory(is_superuser=True, is_staff=True, profession=None, email="tools.admin@example.mn")
    client.force_login(administrator)
    urls = [
        "/admin/learners/import/",
        "/admin/reports/completion/",
        "/admin/reports/import/",
        "/admin/certificates/",
        "/admin/snippets/assessments/quiz/",
        "/admin/snippets/assessments/quiz/add/",
        "/admin/snippets/assessments/questionpool/",
        "/admin/snippets/media/video/",
        "/admin/snippets/media/video/add/",
        "/admin/snippets/choose/media/video/",
        "/admin/reports/site-history/",
        "/admin/users/",
        "/admin/groups/",
    ]
    assert collect_leaks(client, urls) == {}
