from datetime import datetime, timezone as dt_timezone

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.models import ModelLogEntry

from certificates.models import Certificate
from certificates.services import issue_certificate, reissue_certificate, revoke_certificate
from certificates.services.codes import ALPHABET, generate_code, normalise_code


def test_code_is_grouped_without_look_alikes():
    code = generate_code()

    assert len(code) == 17
    assert [len(part) for part in code.split("-")] == [4, 4, 4, 2]
    assert set(code.replace("-", "")) <= set(ALPHABET)
    assert not set("01ILOU") & set(ALPHABET)


def test_codes_differ():
    assert len({generate_code() for _ in range(1000)}) == 1000


@pytest.mark.parametrize(
    "typed",
    ["ABCD-EFGH-JKMN-PQ", "abcd efgh jkmn pq", " abcdefghjkmnpq ", "АВCD–EFGH—JКМN-РQ", "abcd.efgh.jkmn.pq"],
)
def test_normalise_code_accepts_typing_variants(typed):
    assert normalise_code(typed) == "ABCD-EFGH-JKMN-PQ"


@pytest.mark.parametrize("typed", ["", "ABCD", "ABCD-EFGH-JKMN-P0", "ABCD-EFGH-JKMN-PQR", "../../etc"])
def test_normalise_code_rejects_impossible_codes(typed):
    assert normalise_code(typed) is None


def test_completion_date_is_ulaanbaatar_day(named_learner, course):
    # 17:30 UTC on 3 December is already 4 December in Ulaanbaatar (UTC+8).
    completed_at = datetime(2026, 12, 3, 17, 30, tzinfo=dt_timezone.utc)

    certificate = issue_certificate(named_learner, course, completed_at)

    assert certificate.completed_on.isoformat() == "2026-12-04"


def test_issue_is_idempotent(certificate, named_learner, course):
    again = issue_certificate(named_learner, course, None)

    assert again.pk == certificate.pk
    assert Certificate.objects.filter(learner=named_learner, course=course).count() == 1


def test_second_valid_certificate_is_rejected_by_database(certificate):
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            learner=certificate.learner, course=certificate.course, completed_on=certificate.completed_on, code="X"
        )


def test_revoke_records_reason_and_log(certificate, academy_staff):
    revoke_certificate(certificate, by=academy_staff, reason="Хуурамч мэдүүлэг")

    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_reason == "Хуурамч мэдүүлэг"
    assert certificate.revoked_by == academy_staff
    entry = ModelLogEntry.objects.get(action="certificates.revoke")
    assert entry.object_id == str(certificate.pk)
    assert entry.user_id == academy_staff.pk


def test_revoke_without_reason_is_rejected(certificate, academy_staff):
    with pytest.raises(ValidationError) as error:
        revoke_certificate(certificate, by=academy_staff, reason="  ")

    assert error.value.code == "reason_required"
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_revoke_twice_is_rejected(certificate, academy_staff):
    revoke_certificate(certificate, by=academy_staff, reason="Алдаа")

    with pytest.raises(ValidationError) as error:
        revoke_certificate(certificate, by=academy_staff, reason="Дахин")

    assert error.value.code == "already_revoked"


def test_issue_after_revoke_returns_revoked(certificate, academy_staff, named_learner, course):
    revoke_certificate(certificate, by=academy_staff, reason="Алдаа")

    again = issue_certificate(named_learner, course, None)

    assert again.pk == certificate.pk
    assert not again.is_valid


def test_reissue_gives_new_code_and_revokes_old(certificate, academy_staff):
    new = reissue_certificate(certificate, by=academy_staff, reason="Нэр зассан")

    certificate.refresh_from_db()
    assert new.code != certificate.code
    assert new.is_valid
    assert new.replaces == certificate
    assert new.issued_by == academy_staff
    assert new.completed_on == certificate.completed_on
    assert certificate.revoked_reason == "Нэр зассан"
    assert ModelLogEntry.objects.filter(action="certificates.reissue", object_id=str(new.pk)).exists()


def test_reissue_twice_is_rejected(certificate, academy_staff):
    reissue_certificate(certificate, by=academy_staff, reason="Нэр зассан")

    with pytest.raises(ValidationError) as error:
        reissue_certificate(certificate, by=academy_staff, reason="Дахин")

    assert error.value.code == "already_reissued"
