"""Response headers that every page carries, and the second-factor rule for staff."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .roles import requires_mfa


class ContentSecurityPolicyMiddleware:
    """Allow scripts, styles and media only from this site.

    Wagtail's admin uses inline scripts and styles, so the admin gets a looser policy.
    """

    SITE_POLICY = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        "media-src 'self' blob:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
        "form-action 'self'; base-uri 'self'; object-src 'none'"
    )
    ADMIN_POLICY = (
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; "
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; object-src 'none'"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" in response:
            return response
        admin_prefixes = ("/admin/", "/django-admin/")
        is_admin = request.path.startswith(admin_prefixes)
        response["Content-Security-Policy"] = self.ADMIN_POLICY if is_admin else self.SITE_POLICY
        return response


class StaffMultiFactorMiddleware:
    """Send trainers, academy staff and administrators without an authenticator to set one up.

    Until they have one, every page except the second-factor set-up itself, signing out
    and the language switch redirects there, so a password alone does not open the admin. LMS_STAFF_MFA_REQUIRED switches the rule off (the test settings do, so tests
    that only need a staff account do not have to enrol an authenticator first).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.must_set_up(request):
            messages.info(request, _("Your role needs two-factor authentication. Set it up to continue."))
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def must_set_up(self, request) -> bool:
        if not getattr(settings, "LMS_STAFF_MFA_REQUIRED", True):
            return False
        if not request.user.is_authenticated or self.is_exempt(request.path):
            return False
        if not requires_mfa(request.user):
            return False
        return not Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists()

    @staticmethod
    def is_exempt(path: str) -> bool:
        exempt = (
            reverse("mfa_index"),
            reverse("account_logout"),
            reverse("account_reauthenticate"),
            reverse("set_language"),
            reverse("javascript-catalog"),
            reverse("health"),
            settings.STATIC_URL,
        )
        return path.startswith(exempt)
