"""django-allauth hooks: e-mail in lower case, approval after the address is confirmed."""

import logging

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from .platform_site import platform_site
from .services.approval import approve_by_email_domain

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        context = {**context, "current_site": platform_site(), "site_url": settings.WAGTAILADMIN_BASE_URL}
        super().send_mail(template_prefix, email, context)

    def format_email_subject(self, subject: str) -> str:
        return f"[{platform_site().name}] {subject}"

    def clean_email(self, email: str) -> str:
        return super().clean_email(email).strip().lower()

    def confirm_email(self, request, email_address):
        confirmed = super().confirm_email(request, email_address)
        # The agency's domain allowlist counts only once the learner has proved they own
        # the address.
        approve_by_email_domain(email_address.user)
        return confirmed
