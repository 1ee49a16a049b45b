"""E-mails telling a learner that their certificate was revoked or reissued, in their own language."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from ..models import Certificate

logger = logging.getLogger(__name__)


def send_revoked_notice(certificate: Certificate) -> None:
    """E-mail the learner that the certificate was revoked, with the reason staff gave."""
    _send(certificate, "revoked", {"certificate": certificate})


def send_reissued_notice(new: Certificate, reason: str) -> None:
    """E-mail the learner the link to the certificate that replaces a revoked one, with the reason for reissuing."""
    _send(new, "reissued", {"certificate": new, "old": new.replaces, "reason": reason})


def _send(certificate: Certificate, template: str, context: dict) -> None:
    learner = certificate.learner
    if not learner.email:
        logger.warning("certificate notice skipped, learner has no e-mail certificate_id=%s", certificate.pk)
        return
    with translation.override(learner.preferred_language or settings.LANGUAGE_CODE):
        context = {
            **context,
            "learner": learner,
            "course_title": certificate.course.display_title,
            "site_url": settings.WAGTAILADMIN_BASE_URL,
        }
        subject = render_to_string(f"certificates/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"certificates/email/{template}_body.txt", context)
    try:
        send_mail(subject, body, None, [learner.email])
    except OSError:
        # The certificate change is already committed, so a mail failure is logged, not raised.
        logger.exception("certificate notice failed kind=%s certificate_id=%s", template, certificate.pk)
        return
    logger.info("certificate notice sent kind=%s certificate_id=%s user_id=%s", template, certificate.pk, learner.pk)
