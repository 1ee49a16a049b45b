"""Admin import of in-person completions: upload, preview every row and error, then confirm."""

import logging
import secrets
import tempfile
from pathlib import Path

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..forms import ImportUploadForm
from ..services.imports import ImportFileError, import_completions
from .access import can_view_reports, forbidden

logger = logging.getLogger(__name__)

SESSION_KEY = "reports_import_upload"
# Uploads wait here between preview and confirmation, outside MEDIA_ROOT so they are never served.
UPLOAD_DIR = Path(tempfile.gettempdir()) / "lms-report-imports"


def import_upload(request):
    if not can_view_reports(request.user):
        return forbidden(request)
    if request.method != "POST":
        return TemplateResponse(request, "reports/import.html", {"form": ImportUploadForm()})

    form = ImportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return TemplateResponse(request, "reports/import.html", {"form": form}, status=400)
    upload = form.cleaned_data["file"]
    content = upload.read()

    try:
        result = import_completions(content, upload.name, by=request.user, apply=False)
    except ImportFileError as error:
        form.add_error("file", str(error))
        return TemplateResponse(request, "reports/import.html", {"form": form}, status=400)

    if not result.errors:
        _keep_upload(request, content, upload.name)
    return TemplateResponse(request, "reports/import.html", {"form": ImportUploadForm(), "result": result})


@require_POST
def import_confirm(request):
    if not can_view_reports(request.user):
        return forbidden(request)
    pending = request.session.pop(SESSION_KEY, None)
    path = UPLOAD_DIR / pending["token"] if pending else None
    if path is None or not path.exists():
        messages.error(request, _("The uploaded file has expired; upload it again."))
        return redirect("reports_import")

    try:
        content = path.read_bytes()
        result = import_completions(content, pending["name"], by=request.user)
    except ImportFileError as error:
        messages.error(request, str(error))
        return redirect("reports_import")
    finally:
        path.unlink(missing_ok=True)

    if result.errors:
        # The data changed since the preview, for example because another import ran. Nothing was saved.
        return TemplateResponse(request, "reports/import.html", {"form": ImportUploadForm(), "result": result},
                                status=400)
    messages.success(
        request,
        ngettext(
            "%(count)s completion recorded.", "%(count)s completions recorded.", result.completions_recorded
        ) % {"count": result.completions_recorded}
        + " "
        + ngettext(
            "%(count)s was already recorded.", "%(count)s were already recorded.", result.already_recorded
        ) % {"count": result.already_recorded},
    )
    return redirect("reports_import")


def _keep_upload(request, content: bytes, name: str) -> None:
    UPLOAD_DIR.mkdir(mode=0o700, exist_ok=True)
    previous = request.session.get(SESSION_KEY)
    if previous:
        (UPLOAD_DIR / previous["token"]).unlink(missing_ok=True)
    # The token is random and stored only in this session, so another user cannot confirm this upload.
    token = secrets.token_hex(16)
    (UPLOAD_DIR / token).write_bytes(content)
    request.session[SESSION_KEY] = {"token": token, "name": Path(name).name}
