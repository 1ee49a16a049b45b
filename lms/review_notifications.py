"""Review-request e-mails for the academy review task: only the owning academy's reviewers get them.

Wagtail 8 sends two e-mails when a change is submitted: the workflow-level notifier writes to
every superuser, and the task-level notifier (wagtail.admin.mail.GroupApprovalTaskStateSubmission-
EmailNotifier) to every member of the task's groups plus every superuser again. For the academy
review task that meant staff of other academies got a link they could not open, and superusers
got the same submission twice. The task-level notifier is replaced here for TaskState senders.
"""

import logging

from django.contrib.auth import get_user_model
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from .models.workflow import AcademyReviewTask

logger = logging.getLogger(__name__)

# The dispatch_uid Wagtail's own task-submission notifier is connected under
# (wagtail/admin/signal_handlers.py, Wagtail 8).
WAGTAIL_TASK_SUBMITTED_UID = "group_approval_task_submitted_email_notification"


class ReviewTaskSubmissionEmailNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    """Write to the group members who may review this object, leaving superusers to the workflow e-mail."""

    def get_recipient_users(self, task_state: TaskState, **kwargs):
        task = task_state.task.specific
        if not isinstance(task, AcademyReviewTask):
            # Other group approval tasks keep Wagtail's recipients.
            return super().get_recipient_users(task_state, **kwargs)

        triggering_user = kwargs.get("user")
        content_object = task_state.workflow_state.content_object
        members = (
            get_user_model()
            .objects.filter(groups__in=task.groups.all(), is_superuser=False)
            .distinct()
        )
        if triggering_user is not None:
            members = members.exclude(pk=triggering_user.pk)
        recipients = {user for user in members if task.reviews(content_object, user)}
        logger.info(
            "review request recipients task_state_id=%s object_id=%s user_ids=%s",
            task_state.pk, task_state.workflow_state.object_id, sorted(user.pk for user in recipients),
        )
        return recipients


review_task_submission_notifier = ReviewTaskSubmissionEmailNotifier()


def connect_review_notifications() -> None:
    """Put the academy-aware notifier in place of Wagtail's task-submission notifier.

    Works whichever app's ready() runs first: Wagtail's receiver is removed if it is already
    connected, and if it is not, connecting ours under the same dispatch_uid makes Wagtail's
    later connect() a no-op.
    """
    task_submitted.disconnect(sender=TaskState, dispatch_uid=WAGTAIL_TASK_SUBMITTED_UID)
    task_submitted.connect(review_task_submission_notifier, sender=TaskState, dispatch_uid=WAGTAIL_TASK_SUBMITTED_UID)
