"""A module cannot go live with a video whose transcoding failed, and learners see a notice when one is live."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from courses.models import ModulePage
from lms import roles
from media.models import Video

from ..factories import UserFactory
from .conftest import make_video

pytestmark = pytest.mark.django_db

FAILED_VIDEO_ERROR = (
    "Энэ бичлэгийн хөрвүүлэлт амжилтгүй болсон тул суралцагчид үзэх боломжгүй. "
    "«Видео» хэсгээс дахин хөрвүүлэх эсвэл өөр бичлэг сонгоно уу."
)
FAILED_VIDEO_NOTICE = "Энэ модулийн лекцийн бичлэгийг үзэх боломжгүй байна. Сургагч багштайгаа холбогдоно уу."
PREPARING_NOTICE = "Энэ модулийн бичлэгийг бэлтгэж байна. Дараа дахин орно уу."


def video_with_status(status: str) -> Video:
    video = make_video(title=f"Лекц ({status})")
    Video.objects.filter(pk=video.pk).update(status=status)
    video.refresh_from_db()
    return video


def edit_form_data(module: ModulePage, video: Video, action: str | None) -> dict:
    """Return the module editor's POST data with `video` chosen; `action` names the submit button."""
    data = nested_form_data(
        {
            "title": module.title,
            "title_en": module.title_en,
            "slug": module.slug,
            "video": video.pk,
            "body": streamfield([]),
            "body_en": streamfield([]),
            "required_watch_percent": module.required_watch_percent,
            "comments": inline_formset([]),
        }
    )
    if action:
        data[action] = "1"
    return data


def draft_video_id(module: ModulePage) -> int | None:
    module.refresh_from_db()
    return module.get_latest_revision_as_object().video_id


@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_editor_rejects_failed_video_for_publishing(admin_client, module, action):
    failed = video_with_status(Video.Status.FAILED)
    old_video_id = module.video_id

    response = admin_client.post(f"/admin/pages/{module.pk}/edit/", edit_form_data(module, failed, action))

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["video"] == [FAILED_VIDEO_ERROR]
    module.refresh_from_db()
    assert module.video_id == old_video_id
    assert draft_video_id(module) == old_video_id


def test_editor_saves_draft_with_failed_video(admin_client, module):
    failed = video_with_status(Video.Status.FAILED)
    old_video_id = module.video_id

    response = admin_client.post(f"/admin/pages/{module.pk}/edit/", edit_form_data(module, failed, None))

    assert response.status_code == HTTPStatus.FOUND
    assert draft_video_id(module) == failed.pk
    module.refresh_from_db()
    assert module.video_id == old_video_id


def test_editor_rejects_new_module_published_with_failed_video(admin_client, course):
    failed = video_with_status(Video.Status.FAILED)
    draft = ModulePage(title="3. Модуль", title_en="", slug="module-3", required_watch_percent=90)
    url = f"/admin/pages/add/courses/modulepage/{course.pk}/"

    response = admin_client.post(url, edit_form_data(draft, failed, "action-publish"))

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["video"] == [FAILED_VIDEO_ERROR]
    assert not ModulePage.objects.filter(slug="module-3").exists()


def test_editor_creates_draft_module_with_failed_video(admin_client, course):
    failed = video_with_status(Video.Status.FAILED)
    draft = ModulePage(title="3. Модуль", title_en="", slug="module-3", required_watch_percent=90)
    url = f"/admin/pages/add/courses/modulepage/{course.pk}/"

    response = admin_client.post(url, edit_form_data(draft, failed, None))

    assert response.status_code == HTTPStatus.FOUND
    created = ModulePage.objects.get(slug="module-3")
    assert created.live is False
    assert created.video_id == failed.pk


def test_publishing_revision_with_failed_video_rejected(module):
    failed = video_with_status(Video.Status.FAILED)
    old_video_id = module.video_id
    draft = module.get_latest_revision_as_object()
    draft.video = failed
    revision = draft.save_revision()

    with pytest.raises(ValidationError) as raised:
        revision.publish()

    assert raised.value.message_dict == {"video": [FAILED_VIDEO_ERROR]}
    module.refresh_from_db()
    assert module.video_id == old_video_id
    assert module.live_revision_id != revision.pk


def test_unpublished_module_cannot_go_live_with_failed_video(module):
    failed = video_with_status(Video.Status.FAILED)
    module.unpublish()
    draft = module.get_latest_revision_as_object()
    draft.video = failed
    revision = draft.save_revision()

    with pytest.raises(ValidationError):
        revision.publish()

    module.refresh_from_db()
    assert module.live is False


@pytest.mark.parametrize("status", [Video.Status.QUEUED, Video.Status.PROCESSING])
def test_publishing_with_unfinished_video_allowed(module, status):
    unfinished = video_with_status(status)
    draft = module.get_latest_revision_as_object()
    draft.video = unfinished
    draft.save_revision().publish()

    module.refresh_from_db()
    assert module.video_id == unfinished.pk


def test_failed_video_allows_draft_and_move(module, course, home_page):
    video = module.video
    Video.objects.filter(pk=video.pk).update(status=Video.Status.FAILED)
    module.refresh_from_db()

    module.title_en = "1. Module, revised"
    module.save_revision()
    module.move(course, pos="last-child")

    module.refresh_from_db()
    assert module.live is True
    assert module.video_id == video.pk


def test_reviewer_cannot_approve_failed_video(client, module, academy):
    course = module.get_parent().specific
    course.academy = academy
    # Publishing the course gives the owning academy's staff their review rights.
    course.save_revision().publish()
    reviewer = UserFactory(profession=None, academy=academy, email="reviewer@example.mn")
    reviewer.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    old_video_id = module.video_id
    # The trainer submitted the change while the video was still being transcoded.
    processing = video_with_status(Video.Status.PROCESSING)
    draft = module.get_latest_revision_as_object()
    draft.video = processing
    draft.save_revision()
    module.refresh_from_db()
    module.get_workflow().start(module, reviewer)
    task_state = TaskState.objects.get(workflow_state__object_id=str(module.pk), status=TaskState.STATUS_IN_PROGRESS)
    Video.objects.filter(pk=processing.pk).update(status=Video.Status.FAILED)
    assert module.permissions_for_user(reviewer).can_publish()
    # The review offers only "request changes", because approving would publish the failed video.
    actions = [name for name, *_rest in task_state.task.specific.get_actions(module, reviewer)]
    assert "approve" not in actions
    assert "reject" in actions
    client.force_login(reviewer)

    # A forged approval is refused too, because Wagtail accepts only the offered actions.
    response = client.post(f"/admin/pages/workflow/action/{module.pk}/approve/{task_state.pk}/", {"comment": ""})

    assert response.status_code < 500
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    module.refresh_from_db()
    assert module.video_id == old_video_id


@pytest.mark.parametrize(
    ("status", "notice"),
    [(Video.Status.FAILED, FAILED_VIDEO_NOTICE), (Video.Status.PROCESSING, PREPARING_NOTICE)],
)
def test_learner_sees_video_state_notice(client, learner, module, enrollment, status, notice):
    Video.objects.filter(pk=module.video_id).update(status=status)
    client.force_login(learner)

    content = client.get(module.url).content.decode()

    assert notice in content
    assert "data-lms-player" not in content
