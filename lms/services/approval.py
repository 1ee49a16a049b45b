"""Approving and rejecting learner accounts."""

import logging

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.log_actions import log

from ..models import Agency, User
from ..platform_site import platform_site
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
    """Approve a pending learner whose e-mail domain is on the allowlist of their agency or a parent of it."""
    if learner.status != User.Status.PENDING or learner.agency is None:
        return False
    domain = learner.email.rsplit("@", 1)[-1].lower()
    if domain not in learner.agency.allowed_domains_with_ancestors():
        return False
    approve_learner(learner, by=None)
    return True


def record_profile_change(learner: User, old_agency_id: int | None, old_profession_id: int | None) -> bool:
    """Audit a learner's own change of agency or profession, after the profile is saved.

    Returns True when the account now waits for approval by another academy. Enrolments,
    attempts and certificates are never touched here.
    """
    waits_for_approval = False
    if learner.agency_id != old_agency_id:
        waits_for_approval = record_agency_change(learner, old_agency_id)
    if learner.profession_id != old_profession_id:
        # A profession decides which courses a learner may enrol in and which onboarding
        # rules apply, but the academy that approved the learner stays the same, so the
        # approval is kept and only the trail records the change.
        log(
            instance=learner,
            action="lms.change_profession",
            user=learner,
            data={"old_profession_id": old_profession_id, "new_profession_id": learner.profession_id},
        )
        logger.info(
            "learner changed profession user_id=%s old_profession_id=%s new_profession_id=%s",
            learner.pk,
            old_profession_id,
            learner.profession_id,
        )
    return waits_for_approval


def record_agency_change(learner: User, old_agency_id: int | None) -> bool:
    """Audit a change of agency and withdraw the approval when another academy serves the new agency.

    Staff of one academy approved the learner, and staff of another academy would otherwise
    find an approved learner they never checked in their lists and reports. The account
    then follows the sign-up path: an official e-mail domain of the new agency approves it
    at once, otherwise it waits in the new academy's approval queue. Returns True when the
    account now waits for approval.
    """
    old_academy_id = Agency.objects.filter(pk=old_agency_id).values_list("academy_id", flat=True).first()
    new_academy_id = learner.agency.academy_id if learner.agency_id else None
    withdraw = (
        old_academy_id != new_academy_id and learner.status == User.Status.APPROVED and not learner.is_staff
    )

    with transaction.atomic():
        if withdraw:
            locked = User.objects.select_for_update().get(pk=learner.pk)
            locked.status = User.Status.PENDING
            locked.status_reason = ""
            locked.status_changed_at = timezone.now()
            locked.status_changed_by = learner
            locked.save(update_fields=["status", "status_reason", "status_changed_at", "status_changed_by"])
        log(
            instance=learner,
            action="lms.change_agency",
            user=learner,
            data={
                "old_agency_id": old_agency_id,
                "new_agency_id": learner.agency_id,
                "old_academy_id": old_academy_id,
                "new_academy_id": new_academy_id,
                "approval_withdrawn": withdraw,
            },
        )
    learner.refresh_from_db(fields=["status", "status_reason", "status_changed_at", "status_changed_by"])
    logger.info(
        "learner changed agency user_id=%s old_agency_id=%s new_agency_id=%s approval_withdrawn=%s",
        learner.pk,
        old_agency_id,
        learner.agency_id,
        withdraw,
    )
    if not withdraw:
        return False

    # The domain allowlist counts only for an address the learner has proved they own.
    verified = EmailAddress.objects.filter(user=learner, email__iexact=learner.email, verified=True).exists()
    if verified and approve_by_email_domain(learner):
        learner.refresh_from_db(fields=["status", "status_reason", "status_changed_at", "status_changed_by"])
        return False
    return True


def send_status_email(learner: User, template: str) -> None:
    """Send the approval or rejection e-mail in the learner's own language."""
    with translation.override(learner.preferred_language or settings.LANGUAGE_CODE):
        context = {"learner": learner, "site_name": platform_site().name, "site_url": settings.WAGTAILADMIN_BASE_URL}
        subject = render_to_string(f"lms/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"lms/email/{template}_body.txt", context)
    send_mail(subject, body, None, [learner.email])
