"""Approving and rejecting learner accounts."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.log_actions import log

from ..models import User
from ..signals import learner_ready

logger = logging.getLogger(__name__)


def approve_learner(learner: User, by: User | None) -> User:
    """Approve an account, tell the learner by e-mail, and let onboarding enrol them."""
    with transaction.atomic():
        learner = User.objects.select_for_update().get(pk=learner.pk)
        if learner.status == User.Status.APPROVED:
            return learner
        learner.status = User.Status.APPROVED
        learner.status_reason = ""
        learner.status_changed_at = timezone.now()
        learner.status_changed_by = by
        learner.save(update_fields=["status", "status_reason", "status_changed_at", "status_changed_by"])
        log(instance=learner, action="lms.approve", user=by, data={"automatic": by is None})

    logger.info("learner approved user_id=%s by_id=%s", learner.pk, getattr(by, "pk", None))
    send_status_email(learner, "approved")
    learner_ready.send(sender=User, user=learner)
    return learner


def reject_learner(learner: User, by: User, reason: str) -> User:
    """Reject an account with a reason that the learner receives by e-mail."""
    with transaction.atomic():
        learner = User.objects.select_for_update().get(pk=learner.pk)
        learner.status = User.Status.REJECTED
        learner.status_reason = reason
        learner.status_changed_at = timezone.now()
        learner.status_changed_by = by
        learner.save(update_fields=["status", "status_reason", "status_changed_at", "status_changed_by"])
        log(instance=learner, action="lms.reject", user=by, data={"reason": reason})

    logger.info("learner rejected user_id=%s by_id=%s", learner.pk, by.pk)
    send_status_email(learner, "rejected")
    return learner


def approve_by_email_domain(learner: User) -> bool:
    """Approve a pending learner whose e-mail domain is on their agency's allowlist."""
    if learner.status != User.Status.PENDING or learner.agency is None:
        return False
    domain = learner.email.rsplit("@", 1)[-1].lower()
    if domain not in learner.agency.allowed_domains():
        return False
    approve_learner(learner, by=None)
    return True


def send_status_email(learner: User, template: str) -> None:
    """Send the approval or rejection e-mail in the learner's own language."""
    with translation.override(learner.preferred_language or settings.LANGUAGE_CODE):
        context = {"learner": learner, "site_url": settings.WAGTAILADMIN_BASE_URL}
        subject = render_to_string(f"lms/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"lms/email/{template}_body.txt", context)
    send_mail(subject, body, None, [learner.email])
