"""Academy staff's certificate screens in the Wagtail admin: list, revoke, reissue.

ZIP archives of many certificates have their own views in archives.py.
"""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lms.models import User
from lms.permissions import managed_learners

from ..forms import CertificateFilterForm, ReasonForm
from ..models import Certificate
from ..services import reissue_certificate, revoke_certificate

logger = logging.getLogger(__name__)
PAGE_SIZE = 50


def require_staff_rights(user: User) -> None:
    if not (user.is_superuser or user.academy_id):
        raise PermissionDenied


def managed_certificates(staff: User):
    """Return certificates of the learners this staff member manages, and no others."""
    replacements = Certificate.objects.filter(replaces=OuterRef("pk"))
    return (
        Certificate.objects.filter(learner__in=managed_learners(staff))
        .select_related("learner", "course", "replaces")
        .annotate(is_replaced=Exists(replacements))
    )


@require_GET
def certificate_list(request):
    require_staff_rights(request.user)
    form = CertificateFilterForm(request.GET or None)
    certificates = managed_certificates(request.user).order_by("-issued_at", "-pk")
    # The ZIP form under the filter repeats a filter that names a course.
    archive_filter = None
    if form.is_bound and form.is_valid():
        certificates = form.filter(certificates)
        if form.cleaned_data.get("course"):
            archive_filter = form.cleaned_data
    page = Paginator(certificates, PAGE_SIZE).get_page(request.GET.get("p"))
    # The page links keep the filter but set their own page number.
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "certificates/admin/list.html",
        {"form": form, "page": page, "query": query.urlencode(), "archive_filter": archive_filter},
    )


def _change_view(request, certificate_id: int, *, operation, done_message: str, texts: dict):
    """Ask for a reason, then revoke or reissue through the service."""
    require_staff_rights(request.user)
    certificate = get_object_or_404(managed_certificates(request.user), pk=certificate_id)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = operation(certificate, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, done_message % {"code": result.code})
            return redirect("certificates_admin:list")
    context = {"certificate": certificate, "form": form, **texts}
    return TemplateResponse(request, "certificates/admin/change.html", context)


@require_http_methods(["GET", "POST"])
def revoke(request, certificate_id: int):
    return _change_view(
        request,
        certificate_id,
        operation=revoke_certificate,
        done_message=_("Certificate %(code)s has been revoked."),
        texts={
            "heading": _("Revoke certificate"),
            "explanation": _("The verification page will show the code as revoked from now on."),
            "danger": True,
        },
    )


@require_http_methods(["GET", "POST"])
def reissue(request, certificate_id: int):
    return _change_view(
        request,
        certificate_id,
        operation=reissue_certificate,
        done_message=_("A new certificate %(code)s has been issued."),
        texts={
            "heading": _("Reissue certificate"),
            "explanation": _(
                "The learner gets a new certificate with a new code; the old code will show as revoked."
            ),
            "danger": False,
        },
    )
