"""Changes to courses go live through the academy review workflow; trainers edit only their courses."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from wagtail.models import TaskState, WorkflowState

from courses.models import CoursePage, ModulePage
from courses.services.enrolment import enrol
from lms import roles
from lms.models import User
from lms.services.trainers import assign_trainer, unassign_trainer
from lms.services.workflow import WORKFLOW_NAME, ensure_review_workflow

from ..factories import TrainingAcademyFactory, UserFactory

pytestmark = pytest.mark.django_db


def add_course(home, academy, slug):
    course = CoursePage(title=f"Сургалт {slug}", title_en=f"Course {slug}", slug=slug, academy=academy)
    home.add_child(instance=course)
    course.save_revision().publish()
    module = ModulePage(title="1. Модуль", title_en="1. Module", slug="module-1")
    course.add_child(instance=module)
    module.save_revision().publish()
    return course, module


@pytest.fixture
def courses(home_page, academy):
    own = add_course(home_page, academy, "own")
    other = add_course(home_page, TrainingAcademyFactory(), "other")
    return own, other


@pytest.fixture
def trainer(courses):
    (own_course, _module), _other = courses
    user = UserFactory(profession=None, email="trainer@example.mn")
    assign_trainer(own_course, user)
    return user


@pytest.fixture
def reviewer(academy):
    user = UserFactory(profession=None, academy=academy, email="reviewer@example.mn")
    user.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    return user


@pytest.fixture
def other_reviewer(db):
    user = UserFactory(profession=None, academy=TrainingAcademyFactory(), email="other.reviewer@example.mn")
    user.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    return user


def submit_change(module: ModulePage, trainer, title: str) -> TaskState:
    """Save a draft with a new title and start the page's workflow, as the editor's Submit does."""
    draft = module.get_latest_revision_as_object()
    draft.title = title
    draft.save_revision(user=trainer)
    # The workflow reviews the latest revision, which the in-memory page does not know yet.
    module.refresh_from_db()
    module.get_workflow().start(module, trainer)
    return TaskState.objects.get(workflow_state__object_id=str(module.pk), status=TaskState.STATUS_IN_PROGRESS)


def test_every_module_is_under_review_workflow(courses):
    (_course, module), _other = courses
    assert module.get_workflow().name == WORKFLOW_NAME


def test_workflow_setup_is_idempotent(courses):
    ensure_review_workflow()
    ensure_review_workflow()
    (_course, module), _other = courses
    assert module.get_workflow().workflow_tasks.count() == 1


def test_trainer_edits_assigned_course_only(client, trainer, courses):
    (_own, own_module), (_other, other_module) = courses
    client.force_login(trainer)

    assert client.get(f"/admin/pages/{own_module.pk}/edit/").status_code == HTTPStatus.OK
    response = client.get(f"/admin/pages/{other_module.pk}/edit/")
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert not other_module.permissions_for_user(trainer).can_edit()


def test_trainer_cannot_publish(trainer, courses):
    (own_course, own_module), _other = courses
    assert own_module.permissions_for_user(trainer).can_edit()
    assert not own_module.permissions_for_user(trainer).can_publish()
    assert not own_course.permissions_for_user(trainer).can_publish()


def test_unassigned_trainer_loses_course(trainer, courses):
    (own_course, own_module), _other = courses
    unassign_trainer(own_course, trainer)
    assert not own_module.permissions_for_user(trainer).can_edit()


def test_draft_stays_hidden_from_learners(client, trainer, courses, learner):
    (course, module), _other = courses
    # Only learners enrolled in the course may open its modules.
    enrol(learner, course)
    submit_change(module, trainer, "1. Шинэчилсэн модуль")
    client.force_login(learner)
    page = client.get(module.url).content.decode()
    assert "1. Модуль" in page
    assert "Шинэчилсэн" not in page


def test_reviewer_of_owning_academy_approves(client, trainer, reviewer, courses):
    (_course, module), _other = courses
    task_state = submit_change(module, trainer, "1. Шинэчилсэн модуль")
    client.force_login(reviewer)

    response = client.post(
        f"/admin/pages/workflow/action/{module.pk}/approve/{task_state.pk}/",
        {"comment": "Зөв байна"},
    )

    assert response.status_code == HTTPStatus.FOUND
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    module.refresh_from_db()
    assert module.title == "1. Шинэчилсэн модуль"
    assert task_state.comment == "Зөв байна"


def test_reviewer_rejects_with_comment(client, trainer, reviewer, courses):
    (_course, module), _other = courses
    task_state = submit_change(module, trainer, "1. Буруу гарчиг")
    client.force_login(reviewer)

    client.post(
        f"/admin/pages/workflow/action/{module.pk}/reject/{task_state.pk}/",
        {"comment": "Гарчгийг засна уу"},
    )

    module.refresh_from_db()
    assert module.title == "1. Модуль"
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Гарчгийг засна уу"
    assert WorkflowState.objects.get(object_id=str(module.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES


def test_reviewer_of_other_academy_cannot_approve(client, trainer, other_reviewer, courses):
    (_course, module), _other = courses
    task_state = submit_change(module, trainer, "1. Шинэчилсэн модуль")
    client.force_login(other_reviewer)

    client.post(f"/admin/pages/workflow/action/{module.pk}/approve/{task_state.pk}/", {"comment": ""})

    module.refresh_from_db()
    assert module.title == "1. Модуль"
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not TaskState.objects.reviewable_by(other_reviewer).exists()


def test_reviewer_sees_only_own_academy_tasks(trainer, reviewer, other_reviewer, courses):
    (_course, module), _other = courses
    task_state = submit_change(module, trainer, "1. Шинэчилсэн модуль")
    assert list(TaskState.objects.reviewable_by(reviewer)) == [task_state]
    assert list(TaskState.objects.reviewable_by(other_reviewer)) == []


def test_revisions_compare_and_revert(client, trainer, courses):
    (_course, module), _other = courses
    first = module.latest_revision
    draft = module.get_latest_revision_as_object()
    draft.body = [("text", "<p>Шинэ агуулга</p>")]
    second = draft.save_revision(user=trainer)
    client.force_login(trainer)

    compare = client.get(f"/admin/pages/{module.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert compare.status_code == HTTPStatus.OK
    assert "Шинэ агуулга" in compare.content.decode()
    revert = client.get(f"/admin/pages/{module.pk}/revisions/{first.pk}/revert/")
    assert revert.status_code == HTTPStatus.OK


def test_owning_academy_staff_may_publish(reviewer, other_reviewer, courses):
    (_course, module), _other = courses
    assert module.permissions_for_user(reviewer).can_publish()
    assert not module.permissions_for_user(other_reviewer).can_publish()
    assert not module.permissions_for_user(other_reviewer).can_edit()


def test_new_owner_takes_over_course_rights(reviewer, other_reviewer, courses):
    (course, module), _other = courses
    course.academy = other_reviewer.academy
    course.save_revision().publish()
    assert module.permissions_for_user(other_reviewer).can_publish()
    assert not module.permissions_for_user(reviewer).can_publish()


def test_staff_moving_academy_changes_group(reviewer, other_reviewer, courses):
    (_course, module), _other = courses
    reviewer.academy = other_reviewer.academy
    reviewer.save()
    assert not module.permissions_for_user(reviewer).can_publish()


def test_published_course_has_trainers_group(courses):
    from django.contrib.auth.models import Group

    (course, _module), _other = courses
    assert Group.objects.filter(name__startswith=f"{roles.TRAINERS} · {course.pk} · ").exists()


def test_learner_cannot_open_admin(client, learner):
    client.force_login(learner)
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.FOUND
    assert "/login/" in response["Location"]


def test_owning_academy_assigns_trainers_on_screen(client, reviewer, courses):
    (course, module), _other = courses
    candidate = UserFactory(profession=None, email="candidate@example.mn")
    candidate.groups.add(Group.objects.get(name=roles.TRAINERS))
    client.force_login(reviewer)

    page = client.get(f"/admin/courses/{course.pk}/trainers/")
    assert page.status_code == HTTPStatus.OK
    response = client.post(f"/admin/courses/{course.pk}/trainers/", {"trainers": [candidate.pk]})

    assert response.status_code == HTTPStatus.FOUND
    assert module.permissions_for_user(candidate).can_edit()
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(action="lms.assign_trainer", user=reviewer).exists()

    client.post(f"/admin/courses/{course.pk}/trainers/", {})
    # A fresh instance, because Wagtail caches page rights on the user object.
    assert not module.permissions_for_user(User.objects.get(pk=candidate.pk)).can_edit()


def test_other_academy_cannot_assign_trainers(client, other_reviewer, courses):
    (course, _module), _other = courses
    client.force_login(other_reviewer)
    response = client.get(f"/admin/courses/{course.pk}/trainers/")
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)


def test_course_page_offers_trainers_button(client, reviewer, courses):
    (course, _module), _other = courses
    client.force_login(reviewer)
    response = client.get(f"/admin/pages/{course.pk}/")
    assert f"/admin/courses/{course.pk}/trainers/" in response.content.decode()
