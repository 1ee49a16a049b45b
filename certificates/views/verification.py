"""The public verification page: reached by the QR code or by typing the code."""

import logging
from http import HTTPStatus

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ..forms import CodeForm
from ..models import Certificate
from ..ratelimit import allow_verification
from ..services.codes import normalise_code

logger = logging.getLogger(__name__)


def too_many_requests(request):
    logger.warning("certificate verification rate limit reached")
    response = render(request, "certificates/rate_limited.html", status=HTTPStatus.TOO_MANY_REQUESTS)
    response["Retry-After"] = "60"
    return response


@require_GET
@never_cache
def lookup(request):
    """Show the form, and send a typed code to its verification page."""
    # Only the verification page is rate-limited: a rejected form reveals no certificate.
    if "code" not in request.GET:
        return render(request, "certificates/lookup.html", {"form": CodeForm()})

    form = CodeForm(request.GET)
    if not form.is_valid():
        return render(request, "certificates/lookup.html", {"form": form}, status=HTTPStatus.BAD_REQUEST)
    return redirect("certificates:verify", code=form.cleaned_data["code"])


@require_GET
@never_cache
def verify(request, code: str):
    if not allow_verification(request):
        return too_many_requests(request)

    canonical = normalise_code(code)
    if canonical is not None and canonical != code:
        return redirect("certificates:verify", code=canonical)
    certificate = None
    if canonical is not None:
        certificate = (
            Certificate.objects.select_related("learner", "course__academy").filter(code=canonical).first()
        )

    context = {"code": canonical or code[:40], "certificate": certificate, "form": CodeForm()}
    status = HTTPStatus.OK if certificate else HTTPStatus.NOT_FOUND
    return render(request, "certificates/verify.html", context, status=status)
