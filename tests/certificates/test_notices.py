"""Revoking or reissuing a certificate e-mails the learner in their own language."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone, translation

from certificates.services import reissue_certificate, revoke_certificate

from .conftest import COURSE_TITLE, COURSE_TITLE_EN, LEARNER_NAME

pytestmark = pytest.mark.django_db


def short_date(moment, language: str) -> str:
    with translation.override(language):
        return formats.date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


def test_revoke_emails_reason_in_mongolian(certificate, academy_staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        revoked = revoke_certificate(certificate, by=academy_staff, reason="Хуурамч мэдүүлэг")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [certificate.learner.email]
    assert message.subject == f"«{COURSE_TITLE}» сургалтын таны гэрчилгээг хүчингүй болголоо"
    assert f"Эрхэм {LEARNER_NAME}," in message.body
    date = short_date(revoked.revoked_at, "mn")
    assert (
        f"«{COURSE_TITLE}» сургалтын таны {certificate.code} кодтой гэрчилгээг {date}-нд хүчингүй болгосон."
        in message.body
    )
    assert "Шалтгаан: Хуурамч мэдүүлэг" in message.body
    assert "Таны сургалт, гэрчилгээ: http://" in message.body
    assert reverse("courses:my_learning") in message.body


def test_revoke_emails_english_learner_in_english(certificate, academy_staff, django_capture_on_commit_callbacks):
    learner = certificate.learner
    learner.preferred_language = "en"
    learner.save(update_fields=["preferred_language"])

    with django_capture_on_commit_callbacks(execute=True):
        revoke_certificate(certificate, by=academy_staff, reason='Forged "diploma" & ID')

    message = mail.outbox[0]
    assert message.subject == f'Your certificate for "{COURSE_TITLE_EN}" was revoked'
    # Plain-text mail: the reason arrives as typed, not HTML-escaped.
    assert 'Reason: Forged "diploma" & ID' in message.body


def test_reissue_emails_new_certificate_link(certificate, academy_staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        new = reissue_certificate(certificate, by=academy_staff, reason="Нэрийн алдаа")

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].subject == f"«{COURSE_TITLE}» сургалтын таны шинэ гэрчилгээ"
    assert f"{certificate.code} кодтой гэрчилгээг {new.code} кодтой шинэ гэрчилгээгээр сольсон." in body
    assert "Шалтгаан: Нэрийн алдаа" in body
    assert new.get_download_url() in body
    assert new.get_absolute_url() in body


def test_revoke_then_reissue_sends_two_mails(certificate, academy_staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        revoke_certificate(certificate, by=academy_staff, reason="Хуурамч мэдүүлэг")
    with django_capture_on_commit_callbacks(execute=True):
        new = reissue_certificate(certificate, by=academy_staff, reason="Шалгаад зөв болсон")

    assert len(mail.outbox) == 2
    assert "хүчингүй болголоо" in mail.outbox[0].subject
    assert new.code in mail.outbox[1].body


def test_rejected_revoke_sends_nothing(certificate, academy_staff, django_capture_on_commit_callbacks):
    from django.core.exceptions import ValidationError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        revoke_certificate(certificate, by=academy_staff, reason="   ")

    assert mail.outbox == []
