"""Issuing, revoking and reissuing certificates."""

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from lms.models import User

from ..models import Certificate
from . import notices
from .codes import generate_code

logger = logging.getLogger(__name__)

# Completion dates are Ulaanbaatar days whatever the server's time zone.
ULAANBAATAR = ZoneInfo("Asia/Ulaanbaatar")
CODE_ATTEMPTS = 5


def issue_certificate(learner: User, course, completed_at: datetime | None) -> Certificate:
    """Return the learner's certificate for the course, issuing it on first completion.

    Idempotent and safe when completion is reported twice at once: the partial unique
    constraint lets only one valid certificate in, and the loser returns the winner's row.
    A revoked certificate is returned as it is, because only staff reissue one.
    """
    latest = Certificate.objects.filter(learner=learner, course=course).order_by("-issued_at", "-pk").first()
    if latest is not None:
        return latest

    completed_on = timezone.localtime(completed_at or timezone.now(), ULAANBAATAR).date()
    for _attempt in range(CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    learner=learner, course=course, completed_on=completed_on, code=generate_code()
                )
        except IntegrityError:
            # Either another request issued it first, or (very rarely) the code was taken.
            existing = Certificate.objects.valid().filter(learner=learner, course=course).first()
            if existing is not None:
                return existing
            logger.warning("certificate code collision learner=%s course=%s", learner.pk, course.pk)
            continue
        logger.info("certificate issued id=%s learner=%s course=%s", certificate.pk, learner.pk, course.pk)
        return certificate
    raise RuntimeError(f"no free certificate code after {CODE_ATTEMPTS} attempts")


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason."), code="reason_required")
    return reason


def _revoke_locked(certificate: Certificate, *, by: User, reason: str) -> None:
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.revoked_by = by
    certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])


@transaction.atomic
def revoke_certificate(certificate: Certificate, *, by: User, reason: str) -> Certificate:
    """Mark a certificate revoked, with the staff member and reason recorded."""
    reason = _require_reason(reason)
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not locked.is_valid:
        raise ValidationError(_("This certificate is already revoked."), code="already_revoked")

    _revoke_locked(locked, by=by, reason=reason)

    log(instance=locked, action="certificates.revoke", user=by, data={"code": locked.code, "reason": reason})
    logger.info("certificate revoked id=%s by=%s", locked.pk, by.pk)
    transaction.on_commit(lambda: notices.send_revoked_notice(locked))
    return locked


@transaction.atomic
def reissue_certificate(certificate: Certificate, *, by: User, reason: str) -> Certificate:
    """Replace a certificate with a new one under a new code; the old code then shows as revoked.

    The certificate may be valid (it is revoked with the same reason) or already revoked,
    as long as it has not been replaced yet.
    """
    reason = _require_reason(reason)
    old = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if Certificate.objects.filter(replaces=old).exists():
        raise ValidationError(_("This certificate has already been reissued."), code="already_reissued")
    other_valid = Certificate.objects.valid().filter(learner_id=old.learner_id, course_id=old.course_id)
    if other_valid.exclude(pk=old.pk).exists():
        raise ValidationError(
            _("The learner already has a valid certificate for this course."), code="other_valid_certificate"
        )

    if old.is_valid:
        _revoke_locked(old, by=by, reason=reason)
        log(instance=old, action="certificates.revoke", user=by, data={"code": old.code, "reason": reason})
    new = Certificate.objects.create(
        learner_id=old.learner_id,
        course_id=old.course_id,
        completed_on=old.completed_on,
        code=generate_code(),
        issued_by=by,
        replaces=old,
    )

    log(
        instance=new,
        action="certificates.reissue",
        user=by,
        data={"code": new.code, "replaces": old.code, "reason": reason},
    )
    logger.info("certificate reissued id=%s replaces=%s by=%s", new.pk, old.pk, by.pk)
    # One e-mail covers both steps when the old certificate was still valid: it names the reason
    # and links the new certificate.
    transaction.on_commit(lambda: notices.send_reissued_notice(new, reason))
    return new
