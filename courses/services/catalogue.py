"""The course catalogue listed to each visitor."""

from django.db.models import QuerySet

from ..models.pages import CoursePage


def catalogue_for(user) -> QuerySet[CoursePage]:
    """Return live courses: all of them for visitors, those for their profession for learners."""
    courses = CoursePage.objects.live().public().order_by("path").prefetch_related("audience")
    if user.is_authenticated and getattr(user, "profession_id", None) and not user.is_staff:
        courses = courses.filter(audience=user.profession_id)
    return courses
