"""Response headers that every page carries."""

from django.conf import settings


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
