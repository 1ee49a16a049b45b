"""Academy staff's ZIP archives of certificates: request one, follow its build, download it."""

import logging
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ..files import content_disposition
from ..forms import CertificateFilterForm
from ..models import CertificateArchive
from ..services.archives import archive_days, expiry_cutoff, fail_abandoned_archives, request_archive
from .admin import require_staff_rights

logger = logging.getLogger(__name__)

# The archives page reloads itself this often while a build is queued or running.
REFRESH_SECONDS = 5
FILTER_FIELDS = ("course", "completed_from", "completed_to")


@require_POST
def archive(request):
    """Queue a ZIP of the valid certificates for the chosen course and period."""
    require_staff_rights(request.user)
    form = CertificateFilterForm(request.POST)
    problems = _archive_form_problems(form)
    if problems:
        for problem in problems:
            messages.error(request, problem)
        return _back_to_list(request)

    data = form.cleaned_data
    try:
        _archive, created = request_archive(
            request.user, data["course"], data.get("completed_from"), data.get("completed_to")
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return _back_to_list(request)

    if created:
        messages.success(request, _("The ZIP is being prepared. It appears here when it is ready."))
    else:
        messages.info(request, _("This ZIP is already being prepared, so it was not requested again."))
    return redirect("certificates_admin:archives")


def _archive_form_problems(form: CertificateFilterForm) -> list[str]:
    """Return each reason the ZIP request cannot be queued, each in its own words."""
    # The list filter allows "All courses", but one ZIP covers one course.
    problems = [] if form.is_valid() else [message for errors in form.errors.values() for message in errors]
    if not form.errors.get("course") and not form.cleaned_data.get("course"):
        problems.insert(0, _("Choose a course."))
    return problems


def _back_to_list(request):
    """Redirect to the certificate list with the filter the staff member had chosen."""
    query = urlencode({name: request.POST[name] for name in FILTER_FIELDS if request.POST.get(name)})
    return redirect(f"{reverse('certificates_admin:list')}?{query}" if query else reverse("certificates_admin:list"))


@require_GET
def archive_list(request):
    """List the archives this staff member requested that have not expired yet."""
    require_staff_rights(request.user)
    fail_abandoned_archives()

    days = archive_days()
    archives = list(
        CertificateArchive.objects.filter(requested_by=request.user, created_at__gte=expiry_cutoff()).select_related(
            "course"
        )
    )
    for item in archives:
        item.expires_at = item.created_at + timedelta(days=days)
    building = any(item.is_active for item in archives)
    return TemplateResponse(
        request,
        "certificates/admin/archives.html",
        {"archives": archives, "refresh_seconds": REFRESH_SECONDS if building else None, "days": days},
    )


@require_GET
def archive_download(request, archive_id: int):
    """Stream a ready archive from storage to the staff member who requested it, or a superuser."""
    require_staff_rights(request.user)
    archive = (
        CertificateArchive.objects.filter(
            pk=archive_id, status=CertificateArchive.Status.READY, created_at__gte=expiry_cutoff()
        )
        .select_related("course")
        .first()
    )
    # 404 rather than 403, so the response does not reveal which archives exist.
    if archive is None:
        raise Http404
    if not archive.may_download(request.user):
        logger.warning("certificate archive download rejected id=%s user=%s", archive.pk, request.user.pk)
        raise Http404
    try:
        handle = default_storage.open(archive.file.name, "rb")
    except FileNotFoundError:
        logger.error("certificate archive file missing id=%s", archive.pk)
        raise Http404 from None

    logger.info("certificate archive downloaded id=%s user=%s", archive.pk, request.user.pk)
    response = FileResponse(handle, content_type="application/zip")
    response["Content-Disposition"] = content_disposition(archive.download_filename())
    response["Cache-Control"] = "private, no-store"
    return response
