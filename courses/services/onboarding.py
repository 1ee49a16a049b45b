"""Onboarding rules: enrolling learners in the courses their agency, profession or recruitment requires."""

import logging
from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from lms.models import Agency, User

from ..models import CoursePage, Enrollment, OnboardingRule
from .enrolment import enrol

logger = logging.getLogger(__name__)


def matching_rules(learner: User) -> QuerySet[OnboardingRule]:
    """Return the active rules that cover the learner's agency (or a parent of it), profession and status."""
    rules = OnboardingRule.objects.filter(is_active=True)
    if learner.agency_id is None:
        rules = rules.filter(agency__isnull=True)
    else:
        # A rule for an agency covers its units, whose tree paths start with the agency's path.
        path = learner.agency.path
        parent_paths = [path[:end] for end in range(Agency.steplen, len(path) + 1, Agency.steplen)]
        rules = rules.filter(Q(agency__isnull=True) | Q(agency__path__in=parent_paths))
    if learner.profession_id is None:
        rules = rules.filter(profession__isnull=True)
    else:
        rules = rules.filter(Q(profession__isnull=True) | Q(profession_id=learner.profession_id))
    if not learner.is_new_recruit():
        rules = rules.filter(new_recruits_only=False)
    return rules


def apply_onboarding(learner: User) -> list[Enrollment]:
    """Enrol an approved learner in every course their rules require; return the new enrolments.

    A course already enrolled in is left as it is, so applying the rules again enrols nobody twice.
    When several rules require the same course, the shortest due period applies.
    """
    if not learner.is_approved or not learner.is_active:
        return []

    due_days_by_course: dict[int, int] = {}
    courses: dict[int, CoursePage] = {}
    for rule in matching_rules(learner).prefetch_related("courses"):
        for course in rule.courses.all():
            if not course.live:
                continue
            courses[course.pk] = course
            due_days_by_course[course.pk] = min(due_days_by_course.get(course.pk, rule.due_days), rule.due_days)

    today = timezone.localdate()
    created = []
    for course_id, course in courses.items():
        enrollment, was_created = enrol(learner, course, due_date=today + timedelta(days=due_days_by_course[course_id]))
        if was_created:
            created.append(enrollment)
    if created:
        logger.info("onboarding enrolled user_id=%s courses=%s", learner.pk, [e.course_id for e in created])
    return created


def on_learner_ready(sender, user: User, **kwargs) -> None:
    """Receive lms.signals.learner_ready: after approval or a profile change."""
    apply_onboarding(user)
