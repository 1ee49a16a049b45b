"""Every URL that names an object refuses people it does not belong to.

Refusal means: anonymous visitors are sent to sign in (or refused), other learners and
staff of another academy get 403 or 404, and nothing changes.
"""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group

from lms import roles

from .conftest import make_staff

pytestmark = pytest.mark.django_db

REFUSED = {HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND}
OUTSIDERS = ["other_learner", "other_staff", "pending"]


def assert_refused(response, anonymous: bool = False):
    if anonymous and response.status_code == HTTPStatus.FOUND:
        assert "/accounts/login/" in response["Location"] or "/admin/login/" in response["Location"]
        return
    assert response.status_code in REFUSED, (response.status_code, response.get("Location"))


def admin_refused(response):
    """Wagtail responds to a refused admin request with a redirect to the dashboard or login."""
    if response.status_code == HTTPStatus.FOUND:
        target = response["Location"].split("?", 1)[0]
        assert target in ("/admin/", "/admin/login/", "/accounts/login/")
        return
    assert response.status_code in REFUSED | {HTTPStatus.METHOD_NOT_ALLOWED}


# Learner-side URLs that carry an object id or code.


def learner_urls(world) -> list[tuple[str, str]]:
    return [
        ("get", f"/c/{world.certificate.code}/pdf/"),
        ("get", f"/quiz/attempt/{world.attempt.code}/"),
        ("post", f"/quiz/attempt/{world.attempt.code}/save/"),
        ("post", f"/quiz/attempt/{world.attempt.code}/submit/"),
    ]


@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_learner_records_refuse_outsiders(client, world, outsider):
    client.force_login(getattr(world, outsider))
    for method, url in learner_urls(world):
        assert_refused(getattr(client, method)(url))
    world.attempt.refresh_from_db()
    assert world.attempt.submitted_at is None


def test_learner_records_refuse_anonymous(client, world):
    for method, url in learner_urls(world):
        assert_refused(getattr(client, method)(url), anonymous=True)


def test_owner_reaches_own_records(client, world):
    client.force_login(world.owner)
    assert client.get(f"/c/{world.certificate.code}/pdf/").status_code == HTTPStatus.OK
    assert client.get(f"/quiz/attempt/{world.attempt.code}/").status_code == HTTPStatus.OK


def test_managing_staff_reach_certificate(client, world):
    client.force_login(world.own_staff)
    assert client.get(f"/c/{world.certificate.code}/pdf/").status_code == HTTPStatus.OK


def test_requesting_staff_reach_archive(client, world):
    client.force_login(world.own_staff)
    response = client.get(f"/admin/certificates/archives/{world.archive.pk}/download/")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/zip"


def test_archive_refuses_other_staff_of_same_academy(client, world):
    colleague = make_staff(world.course.academy, "colleague@example.mn")
    client.force_login(colleague)
    assert_refused(client.get(f"/admin/certificates/archives/{world.archive.pk}/download/"))


def test_progress_report_refuses_anonymous_and_pending(client, world):
    url = f"/learn/module/{world.module.pk}/progress/"
    assert_refused(client.post(url, {"position": 10}), anonymous=True)
    client.force_login(world.pending)
    assert_refused(client.post(url, {"position": 10}))


def test_pending_learner_cannot_start_quiz(client, world):
    from assessments.models import Attempt

    client.force_login(world.pending)
    client.post(f"/quiz/{world.quiz.pk}/start/")
    assert not Attempt.objects.filter(learner=world.pending).exists()


# Admin URLs that carry an object id: staff of another academy and learners are refused.


def admin_urls(world) -> list[tuple[str, str, dict]]:
    return [
        ("post", f"/admin/learners/{world.owner.pk}/approve/", {}),
        ("post", f"/admin/learners/{world.owner.pk}/reject/", {"reason": "Шалтгаан"}),
        ("post", f"/admin/certificates/{world.certificate.pk}/revoke/", {"reason": "Шалтгаан"}),
        ("post", f"/admin/certificates/{world.certificate.pk}/reissue/", {"reason": "Шалтгаан"}),
        ("get", f"/admin/pages/{world.module.pk}/edit/", {}),
        ("get", f"/admin/certificates/archives/{world.archive.pk}/download/", {}),
    ]


@pytest.mark.parametrize("outsider", ["other_staff", "other_learner"])
def test_admin_objects_refuse_outsiders(client, world, outsider):
    world.owner.status = "pending"
    world.owner.save(update_fields=["status"])
    client.force_login(getattr(world, outsider))

    for method, url, data in admin_urls(world):
        admin_refused(getattr(client, method)(url, data))

    world.owner.refresh_from_db()
    assert world.owner.status == "pending"
    world.certificate.refresh_from_db()
    assert world.certificate.revoked_at is None


def test_regrade_refuses_other_academy_staff(client, world):
    client.force_login(world.other_staff)
    admin_refused(client.post(f"/admin/assessments/quiz/{world.quiz.pk}/regrade/", {"reason": "Шалтгаан"}))


def test_regrade_refuses_learners_and_anonymous(client, world):
    url = f"/admin/assessments/quiz/{world.quiz.pk}/regrade/"
    response = client.post(url, {"reason": "Шалтгаан"})
    assert "/login/" in response["Location"]
    client.force_login(world.owner)
    admin_refused(client.post(url, {"reason": "Шалтгаан"}))


def test_admin_objects_refuse_anonymous(client, world):
    for method, url, data in admin_urls(world):
        response = getattr(client, method)(url, data)
        assert response.status_code == HTTPStatus.FOUND
        assert "/login/" in response["Location"]


# Reports and imports: learners never reach them; anonymous visitors are sent to sign in.

STAFF_ONLY_URLS = [
    "/admin/reports/completion/",
    "/admin/reports/completion/download.csv",
    "/admin/reports/completion/download.xlsx",
    "/admin/reports/import/",
    "/admin/learners/import/",
    "/admin/certificates/",
    "/admin/reports/site-history/",
]


def test_reports_and_imports_refuse_learners(client, world):
    client.force_login(world.owner)
    for url in STAFF_ONLY_URLS:
        admin_refused(client.get(url))


def test_reports_and_imports_refuse_anonymous(client, world):
    for url in STAFF_ONLY_URLS:
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert "/login/" in response["Location"]


def test_other_academy_report_download_leaves_out_learner(client, world):
    client.force_login(world.other_staff)
    response = client.get("/admin/reports/completion/download.csv")
    if response.status_code == HTTPStatus.OK:
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert world.owner.full_name.encode() not in content
        assert world.owner.email.encode() not in content
    else:
        admin_refused(response)


def test_academy_staff_cannot_administer_users(client, world):
    client.force_login(world.other_staff)

    assert client.get("/admin/users/").status_code != HTTPStatus.OK
    response = client.post(
        f"/admin/users/edit/{world.other_staff.pk}/",
        {"email": world.other_staff.email, "groups": [group.pk for group in Group.objects.all()]},
    )
    admin_refused(response)

    world.other_staff.refresh_from_db()
    assert not world.other_staff.groups.filter(name=roles.SITE_ADMINISTRATORS).exists()
    assert not world.other_staff.is_superuser
