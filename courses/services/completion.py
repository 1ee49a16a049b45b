"""Module and course completion: the single place that decides when a learner has finished."""

import logging
from datetime import datetime

from django.db.models import Q
from django.utils import timezone

from lms.models import User

from ..models import CoursePage, Enrollment, ModulePage, ModuleProgress

logger = logging.getLogger(__name__)


def watch_satisfied(module: ModulePage, progress: ModuleProgress | None) -> bool:
    """Tell whether the module's watch share is reached; a module without a video has nothing to watch."""
    if module.video_id is None:
        return True
    return progress is not None and progress.watch_complete


def refresh_completion(learner: User, course: CoursePage) -> None:
    """Re-evaluate the learner's modules and course and record any completion now due.

    A module is complete when its watch share is reached and its quiz is passed. The course
    is complete when every live module is complete and its final exam, if any, is passed.
    The enrolment then becomes COMPLETED and the certificate is issued. The function is
    idempotent and never takes completion back, because its updates only fill empty
    completion times.
    """
    # Imported here because assessments calls this function from its own services.
    from assessments.services.results import final_exam_passed, module_quiz_passed

    enrollment = Enrollment.objects.filter(learner=learner, course=course).first()
    if enrollment is None:
        return

    now = timezone.now()
    modules = list(course.modules().select_related("video"))
    progress_by_module = {
        progress.module_id: progress
        for progress in ModuleProgress.objects.filter(learner=learner, module__in=modules)
    }
    every_module_complete = bool(modules)
    for module in modules:
        progress = progress_by_module.get(module.pk)
        if progress is not None and progress.is_complete:
            continue
        if watch_satisfied(module, progress) and module_quiz_passed(learner, module):
            mark_module_complete(learner, module, now)
        else:
            every_module_complete = False

    if progress_by_module:
        Enrollment.objects.filter(pk=enrollment.pk, status=Enrollment.Status.ENROLLED).update(
            status=Enrollment.Status.IN_PROGRESS
        )
    if every_module_complete and final_exam_passed(learner, course):
        complete_enrollment(enrollment, now)


def mark_module_complete(learner: User, module: ModulePage, now: datetime) -> None:
    progress, _created = ModuleProgress.objects.get_or_create(learner=learner, module=module)
    # The conditional update keeps the first completion time when two requests race.
    updated = ModuleProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(completed_at=now)
    if updated:
        logger.info("module completed user_id=%s module_id=%s", learner.pk, module.pk)


def complete_enrollment(enrollment: Enrollment, now: datetime) -> None:
    """Mark the enrolment COMPLETED once and make sure the learner has the certificate."""
    from certificates.services import issue_certificate

    updated = Enrollment.objects.filter(pk=enrollment.pk).filter(
        ~Q(status=Enrollment.Status.COMPLETED) | Q(completed_at__isnull=True)
    ).update(status=Enrollment.Status.COMPLETED, completed_at=now)
    enrollment.refresh_from_db(fields=["status", "completed_at"])
    if updated:
        logger.info("course completed user_id=%s course_id=%s", enrollment.learner_id, enrollment.course_id)

    # Called on every refresh, not only the first, so a failed issue is retried later.
    issue_certificate(enrollment.learner, enrollment.course, enrollment.completed_at)
