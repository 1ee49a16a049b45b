"""Enrolling learners in courses."""

import logging
from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lms.models import User
from lms.permissions import can_manage

from ..models import CoursePage, Enrollment

logger = logging.getLogger(__name__)


class EnrolmentRefused(Exception):
    """Raised when a learner may not enrol themselves in a course."""


def can_self_enrol(learner: User, course: CoursePage) -> bool:
    """Tell whether an approved learner's profession is in the course's audience."""
    if not learner.is_authenticated or not learner.is_approved or learner.profession_id is None:
        return False
    return course.audience.filter(pk=learner.profession_id).exists()


def enrol(learner: User, course: CoursePage, *, due_date: date | None = None,
          mode: str = Enrollment.Mode.ONLINE) -> tuple[Enrollment, bool]:
    """Enrol a learner once; a second call returns the existing enrolment unchanged."""
    try:
        with transaction.atomic():
            enrollment, created = Enrollment.objects.get_or_create(
                learner=learner, course=course, defaults={"due_date": due_date, "mode": mode}
            )
    except IntegrityError:
        # Two requests raced past get_or_create; the other one inserted the row.
        enrollment, created = Enrollment.objects.get(learner=learner, course=course), False

    if created:
        logger.info("enrolled user_id=%s course_id=%s mode=%s", learner.pk, course.pk, mode)
    return enrollment, created


def enrol_by_staff(staff: User, learner: User, course: CoursePage, *, due_date: date | None = None,
                   mode: str = Enrollment.Mode.ONLINE) -> tuple[Enrollment, bool]:
    """Enrol a learner the staff member manages, whatever the course's audience."""
    if not can_manage(staff, learner):
        raise EnrolmentRefused(_("You do not manage this learner."))

    enrollment, created = enrol(learner, course, due_date=due_date, mode=mode)
    if created:
        log(instance=enrollment, action="courses.enrol", user=staff,
            data={"learner_id": learner.pk, "course_id": course.pk})
    return enrollment, created
