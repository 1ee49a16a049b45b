"""Page rights per course: trainers edit the courses they are assigned to, and the staff
of the academy that owns a course review and publish it.

Wagtail grants page rights to groups, so each course has a trainers' group and each
academy a staff group. The rights sit on the course page and so cover its modules.
"""

import logging

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Page

from .. import roles
from ..models import TrainingAcademy, User

logger = logging.getLogger(__name__)

# Trainers draft and submit changes. The academy review workflow publishes on its last
# approval, and Wagtail checks the approver's publish right then, so academies need it.
TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page"]
ACADEMY_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def grant_page_rights(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def course_trainers_group(course: Page) -> Group:
    """Return the group whose members may edit this course and its modules, creating it."""
    prefix = f"{roles.TRAINERS} · {course.pk} · "
    group = Group.objects.filter(name__startswith=prefix).first()
    if group is None:
        group = Group.objects.create(name=f"{prefix}{course.title}"[:150])
    grant_page_rights(group, course, TRAINER_PAGE_PERMISSIONS)
    return group


def academy_staff_group(academy: TrainingAcademy) -> Group:
    group, _created = Group.objects.get_or_create(name=f"{roles.ACADEMY_STAFF} · {academy.code}"[:150])
    return group


@transaction.atomic
def assign_trainer(course: Page, trainer: User, by: User | None = None) -> None:
    """Let a trainer edit one course and its modules, and nothing else in the page tree."""
    trainer.groups.add(Group.objects.get(name=roles.TRAINERS), course_trainers_group(course))
    log(instance=trainer, action="lms.assign_trainer", user=by, data={"course_id": course.pk})
    logger.info("trainer assigned user_id=%s course_id=%s", trainer.pk, course.pk)


@transaction.atomic
def unassign_trainer(course: Page, trainer: User, by: User | None = None) -> None:
    trainer.groups.remove(course_trainers_group(course))
    log(instance=trainer, action="lms.unassign_trainer", user=by, data={"course_id": course.pk})
    logger.info("trainer unassigned user_id=%s course_id=%s", trainer.pk, course.pk)


@transaction.atomic
def sync_course_rights(course) -> None:
    """Give the owning academy's staff group review and publish rights on the course, and
    take them from any other academy's group (the owner may have changed).

    The course's trainers' group is created here too, so administrators can assign
    trainers by ticking that group on the user's page in the admin.
    """
    course_trainers_group(course)
    prefix = f"{roles.ACADEMY_STAFF} · "
    stale = GroupPagePermission.objects.filter(page=course, group__name__startswith=prefix)
    if course.academy_id is not None:
        owner = academy_staff_group(course.academy)
        stale = stale.exclude(group=owner)
        grant_page_rights(owner, course, ACADEMY_PAGE_PERMISSIONS)
    stale.delete()


def sync_staff_groups(user: User) -> None:
    """Put academy staff in their academy's group only."""
    prefix = f"{roles.ACADEMY_STAFF} · "
    current = user.groups.filter(name__startswith=prefix)
    if user.academy_id is None:
        user.groups.remove(*current)
        return
    own = academy_staff_group(user.academy)
    user.groups.remove(*current.exclude(pk=own.pk))
    user.groups.add(own)
