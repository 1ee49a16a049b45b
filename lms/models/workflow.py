"""The moderation step in which a training academy reviews changes to its own courses."""

from django.apps import apps
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState


def owning_academy_id(obj) -> int | None:
    """Return the id of the academy that owns the course a page belongs to, if any."""
    if not isinstance(obj, Page) or obj.pk is None:
        return None
    # The courses app builds on this one, so its model is looked up when needed.
    course_model = apps.get_model("courses", "CoursePage")
    return (
        course_model.objects.ancestor_of(obj, inclusive=True)
        .values_list("academy_id", flat=True)
        .first()
    )


def can_go_live(obj) -> bool:
    """Return False when the change under review cannot be published, such as a failed video."""
    if not isinstance(obj, Page):
        return True
    latest = obj.specific.get_latest_revision_as_object()
    has_failed_video = getattr(latest, "has_failed_video", None)
    return not (has_failed_video and has_failed_video())


class AcademyReviewTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve, but staff only for their own academy's courses.

    Pages outside any course, and courses with no owning academy, are open to every
    member of the groups. Superusers review everything.
    """

    def reviews(self, obj, user) -> bool:
        if user.is_superuser:
            return True
        if not self._user_in_groups(user):
            return False
        academy_id = owning_academy_id(obj)
        return academy_id is None or academy_id == getattr(user, "academy_id", None)

    def user_can_access_editor(self, obj, user):
        return self.reviews(obj, user)

    def locked_for_user(self, obj, user):
        return not self.reviews(obj, user)

    def user_can_lock(self, obj, user):
        return self.reviews(obj, user)

    def get_actions(self, obj, user):
        if not self.reviews(obj, user):
            return []
        actions = super().get_actions(obj, user)
        if not can_go_live(obj):
            # Approving would publish a change that the page's own checks refuse, so the
            # reviewer is offered only "request changes".
            actions = [action for action in actions if action[0] != "approve"]
        return actions

    def get_task_states_user_can_moderate(self, user, **kwargs) -> QuerySet[TaskState]:
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser or not states.exists():
            return states
        reviewable = [
            state.pk
            for state in states.select_related("workflow_state")
            if self.reviews(state.workflow_state.content_object, user)
        ]
        return states.filter(pk__in=reviewable)

    @classmethod
    def get_description(cls):
        return _("Staff of the academy that owns the course approve the change")

    class Meta:
        verbose_name = _("academy review task")
        verbose_name_plural = _("academy review tasks")
