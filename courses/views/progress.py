"""The endpoint the video player's reports are posted to."""

import json
import logging
from http import HTTPStatus

from django.db import OperationalError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..models import CoursePage
from ..services.outline import build_outline
from ..services.progress import ProgressRejected, WatchTarget, find_target, parse_reports, record_progress, video_duration

logger = logging.getLogger(__name__)

# Seconds the player is asked to wait before resending reports the database could not take.
RETRY_AFTER_SECONDS = 2


def error_response(code: str, message: str, status: HTTPStatus) -> JsonResponse:
    return JsonResponse({"error": code, "message": message}, status=status)


def is_locked(user, target: WatchTarget) -> bool:
    if not target.course_sequential:
        return False
    outline = build_outline(user, CoursePage.objects.get(pk=target.course_id))
    return any(state.locked for state in outline.modules if state.module.pk == target.module_id)


def watch_percent(target: WatchTarget, watched_seconds: float) -> int:
    """Return the share of the module's required watching done, from 0 to 100."""
    if target.required_seconds <= 0:
        return 100
    return min(100, int(100 * watched_seconds / target.required_seconds))


@require_POST
def report_progress(request, module_id: int):
    """Accept a batch of played-range reports for the learner's own enrolment. CSRF applies."""
    user = request.user
    if not user.is_authenticated or not user.is_approved:
        return error_response(
            "forbidden", _("Sign in with an approved account to record progress."), HTTPStatus.FORBIDDEN
        )

    target = find_target(user, module_id)
    if target is None:
        return error_response("not_found", _("This module does not exist."), HTTPStatus.NOT_FOUND)
    if target.enrollment_id is None:
        return error_response("not_enrolled", _("You are not enrolled in this course."), HTTPStatus.FORBIDDEN)
    if is_locked(user, target):
        return error_response(
            "locked", _("Complete the previous modules before this one."), HTTPStatus.FORBIDDEN
        )

    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        payload = None
    try:
        client, reports = parse_reports(payload, video_duration(target))
        result = record_progress(user, target, client, reports)
    except ProgressRejected as error:
        logger.warning("progress report rejected user_id=%s module_id=%s code=%s", user.pk, module_id, error.code)
        status = HTTPStatus.CONFLICT if error.code == "no_video" else HTTPStatus.BAD_REQUEST
        return error_response(error.code, error.message, status)
    except OperationalError:
        # A busy or locked database (SQLite past its busy timeout, a PostgreSQL lock timeout)
        # is temporary, and the player keeps the reports and sends them again.
        logger.exception("progress report not stored, database busy user_id=%s module_id=%s", user.pk, module_id)
        response = error_response(
            "busy", _("The server is busy. Your progress will be sent again shortly."), HTTPStatus.SERVICE_UNAVAILABLE
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    progress = result.progress
    return JsonResponse(
        {
            "accepted": result.accepted,
            "ignored": result.ignored,
            "credited_seconds": result.credited_seconds,
            "watched_seconds": progress.watched_seconds,
            "position_seconds": progress.position_seconds,
            "watch_percent": watch_percent(target, progress.watched_seconds),
            "watch_complete": progress.watch_complete,
            "module_complete": progress.is_complete,
        }
    )
