"""The course page and My learning show the certificate, its revocation and a pending approval."""

import pytest
from django.utils import formats, timezone, translation

from certificates.services import issue_certificate, reissue_certificate, revoke_certificate
from courses.models import Enrollment
from lms.models import User

pytestmark = pytest.mark.django_db

PENDING_NOTICE = (
    "Таны бүртгэл сургалтын байгууллагын баталгаажуулалтыг хүлээж байна. "
    "Баталгаажсаны дараа сургалтад бүртгүүлэх боломжтой."
)
EMPTY_CERTIFICATES = "Сургалтаа амжилттай дуусгахад гэрчилгээ энд харагдана."


@pytest.fixture
def completed(enrollment):
    enrollment.status = Enrollment.Status.COMPLETED
    enrollment.save(update_fields=["status"])
    return enrollment


def short_date(moment) -> str:
    with translation.override("mn"):
        return formats.date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


def test_completed_course_links_certificate(client, learner, course, completed):
    certificate = issue_certificate(learner, course, None)
    client.force_login(learner)

    page = client.get(course.url).content.decode()

    assert f'href="{certificate.get_download_url()}"' in page
    assert f'href="{certificate.get_absolute_url()}"' in page
    assert "Гэрчилгээгээ татах (PDF)" in page


def test_completed_course_shows_revoked_certificate(client, learner, course, completed, academy_staff):
    certificate = revoke_certificate(issue_certificate(learner, course, None), by=academy_staff, reason="Алдаа")
    client.force_login(learner)

    page = client.get(course.url).content.decode()

    assert certificate.get_download_url() not in page
    assert f"Энэ сургалтын таны гэрчилгээг {short_date(certificate.revoked_at)}-нд хүчингүй болгосон." in page


def test_my_learning_shows_revoked_certificate(client, learner, course, completed, academy_staff):
    certificate = revoke_certificate(
        issue_certificate(learner, course, None), by=academy_staff, reason="Хуурамч мэдүүлэг"
    )
    client.force_login(learner)

    page = client.get("/learn/my/").content.decode()

    assert EMPTY_CERTIFICATES not in page
    assert 'class="certificate-revoked"' in page
    assert certificate.code in page
    assert f"{short_date(certificate.revoked_at)}-нд хүчингүй болгосон" in page
    assert "Шалтгаан: Хуурамч мэдүүлэг" in page
    assert certificate.get_download_url() not in page


def test_my_learning_shows_reissued_certificate(client, learner, course, completed, academy_staff):
    old = issue_certificate(learner, course, None)
    new = reissue_certificate(old, by=academy_staff, reason="Нэрийн алдаа")
    client.force_login(learner)

    page = client.get("/learn/my/").content.decode()

    assert page.count('class="certificate-revoked"') == 1
    assert page.count('class="certificate-valid"') == 1
    assert "Шинэ гэрчилгээгээр сольсон." in page
    assert f'href="{new.get_download_url()}"' in page
    assert old.get_download_url() not in page


def test_pending_learner_sees_approval_notice(client, learner, course):
    learner.status = User.Status.PENDING
    learner.save(update_fields=["status"])
    client.force_login(learner)

    page = client.get(course.url).content.decode()

    assert PENDING_NOTICE in page
    assert 'id="approval-pending"' in page


def test_approved_and_rejected_see_no_approval_notice(client, learner, course):
    client.force_login(learner)
    assert PENDING_NOTICE not in client.get(course.url).content.decode()

    learner.status = User.Status.REJECTED
    learner.save(update_fields=["status"])
    assert PENDING_NOTICE not in client.get(course.url).content.decode()


def test_pending_notice_in_english(client, learner, course):
    learner.status = User.Status.PENDING
    learner.preferred_language = "en"
    learner.save(update_fields=["status", "preferred_language"])
    client.force_login(learner)

    page = client.get(course.url).content.decode()

    assert "Your account is waiting for approval by your academy; you can enrol once it is approved." in page
