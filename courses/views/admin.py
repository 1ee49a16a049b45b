"""Admin views for academy staff: importing lists of officials and enrolling learners."""

import hashlib
import logging
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..forms import LearnerImportForm, StaffEnrolForm
from ..services import learner_import
from ..services.enrolment import EnrolmentRefused, enrol_by_staff

logger = logging.getLogger(__name__)

SESSION_KEY = "courses_learner_import"
STALE_IMPORT_SECONDS = 24 * 60 * 60


def require_staff_rights(user) -> None:
    if not (user.is_superuser or user.academy_id):
        raise PermissionDenied


def pending_import_dir() -> Path:
    """Folder for files between preview and confirmation, outside MEDIA_ROOT so they are never served."""
    folder = Path(getattr(settings, "LMS_IMPORT_DIR", settings.VAR_DIR / "imports"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def remove_stale_imports(folder: Path) -> None:
    """Delete files of previews that were never confirmed, once they are a day old."""
    cutoff = time.time() - STALE_IMPORT_SECONDS
    for path in folder.iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def import_learners_view(request):
    """Upload a list and preview it; the import itself happens only after confirmation."""
    require_staff_rights(request.user)
    form = LearnerImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        result = learner_import.validate_file(upload.name, content, request.user)
        if result.ok:
            # The random token names the stored file, so a staff member can confirm only their own preview.
            token = secrets.token_urlsafe(16)
            folder = pending_import_dir()
            remove_stale_imports(folder)
            (folder / token).write_bytes(content)
            request.session[SESSION_KEY] = {
                "token": token,
                "name": upload.name,
                "sha256": hashlib.sha256(content).hexdigest(),
            }
    return TemplateResponse(
        request,
        "courses/admin/import_learners.html",
        {"form": form, "result": result, "headers": learner_import.HEADERS},
    )


@require_POST
def confirm_import_view(request):
    require_staff_rights(request.user)
    pending = request.session.pop(SESSION_KEY, None)
    if not pending or pending.get("token") != request.POST.get("token"):
        messages.error(request, _("The preview has expired. Upload the file again."))
        return redirect("courses_import_learners")

    path = pending_import_dir() / pending["token"]
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        messages.error(request, _("The preview has expired. Upload the file again."))
        return redirect("courses_import_learners")
    finally:
        path.unlink(missing_ok=True)
    if hashlib.sha256(content).hexdigest() != pending["sha256"]:
        logger.warning("import file changed after preview staff_id=%s", request.user.pk)
        messages.error(request, _("The preview has expired. Upload the file again."))
        return redirect("courses_import_learners")

    result = learner_import.import_learners(pending["name"], content, request.user)
    if not result.ok:
        # The data changed between preview and confirmation, for example a course was unpublished.
        return TemplateResponse(
            request,
            "courses/admin/import_learners.html",
            {"form": LearnerImportForm(), "result": result, "headers": learner_import.HEADERS},
        )
    messages.success(
        request,
        ngettext(
            "Imported %(count)s row: %(created)s accounts created, %(updated)s updated, %(enrolled)s enrolments.",
            "Imported %(count)s rows: %(created)s accounts created, %(updated)s updated, %(enrolled)s enrolments.",
            len(result.rows),
        )
        % {"count": len(result.rows), "created": result.created, "updated": result.updated,
           "enrolled": result.enrolled},
    )
    return redirect("courses_import_learners")


def staff_enrol_view(request):
    """Enrol learners the staff member manages in any course, whatever its audience."""
    require_staff_rights(request.user)
    form = StaffEnrolForm(request.POST or None, staff=request.user)
    if request.method == "POST" and form.is_valid():
        course = form.cleaned_data["course"]
        created = 0
        for learner in form.cleaned_data["learners"]:
            try:
                _enrollment, was_created = enrol_by_staff(
                    request.user, learner, course, due_date=form.cleaned_data["due_date"]
                )
            except EnrolmentRefused as error:
                messages.error(request, str(error))
                continue
            created += int(was_created)
        messages.success(
            request,
            ngettext("%(count)s learner enrolled.", "%(count)s learners enrolled.", created) % {"count": created},
        )
        return redirect("courses_staff_enrol")
    return TemplateResponse(request, "courses/admin/staff_enrol.html", {"form": form})
