"""Rules for which learners and agencies a staff member may see and manage."""

from django.db.models import QuerySet

from .models import Agency, User


def managed_agencies(staff: User) -> QuerySet[Agency]:
    """Return the agencies whose learners this staff member manages."""
    if staff.is_superuser:
        return Agency.objects.all()
    if staff.academy_id is None:
        return Agency.objects.none()
    return Agency.objects.filter(academy_id=staff.academy_id)


def managed_learners(staff: User) -> QuerySet[User]:
    """Return the learners of the agencies served by the staff member's academy."""
    if staff.is_superuser:
        return User.objects.all()
    return User.objects.filter(agency__in=managed_agencies(staff))


def can_manage(staff: User, learner: User) -> bool:
    return managed_learners(staff).filter(pk=learner.pk).exists()
