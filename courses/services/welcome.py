"""The welcome e-mail for an account created by a learner import, with a link to set a password.

Imported accounts start without a usable password, so the link is allauth's password-reset link
(the same token and page as "Forgot your password?"). It expires after PASSWORD_RESET_TIMEOUT,
and after that the learner requests a new one on the password-reset page the e-mail also links.
"""

import logging
from urllib.parse import quote

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from lms.models import User

logger = logging.getLogger(__name__)


def password_setting_url(learner: User) -> str:
    """Return the absolute allauth password-reset link for the learner, built without a request."""
    key = f"{user_pk_to_url_str(learner)}-{default_token_generator.make_token(learner)}"
    path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
    return settings.WAGTAILADMIN_BASE_URL + path.replace("UID-KEY", quote(key))


def send_welcome_email(learner: User) -> bool:
    """E-mail an imported learner that their account exists, and return whether the e-mail was sent."""
    with translation.override(learner.preferred_language or settings.LANGUAGE_CODE):
        context = {
            "learner": learner,
            "set_password_url": password_setting_url(learner),
            "reset_url": settings.WAGTAILADMIN_BASE_URL + reverse("account_reset_password"),
            "login_url": settings.WAGTAILADMIN_BASE_URL + reverse("account_login"),
            "timeout_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        }
        subject = render_to_string("courses/email/welcome_subject.txt", context).strip()
        body = render_to_string("courses/email/welcome_body.txt", context)
    try:
        send_mail(subject, body, None, [learner.email])
    except OSError:
        # The account is already committed, so the learner can still use the password-reset page.
        logger.exception("welcome e-mail failed user_id=%s", learner.pk)
        return False
    logger.info("welcome e-mail sent user_id=%s", learner.pk)
    return True
