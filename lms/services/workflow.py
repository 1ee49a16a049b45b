"""The moderation workflow through which every change to a course or module goes live."""

from django.apps import apps as installed_apps

from .. import roles

# Names are data shown in the Wagtail admin, so they are stored in Mongolian.
WORKFLOW_NAME = "Сургалтын байгууллагын хяналт"
TASK_NAME = "Сургалтын байгууллагын ажилтан хянан батлах"


def ensure_review_workflow(apps=installed_apps):
    """Create the academy review workflow and assign it to the root page; safe to rerun.

    Assigning it to the root page puts every course and module under it, whichever home
    page the site uses. `apps` is the migration's app registry when a migration calls it.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    AcademyReviewTask = apps.get_model("lms", "AcademyReviewTask")

    task = AcademyReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(app_label="lms", model="academyreviewtask")
        task = AcademyReviewTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
    task.groups.add(*Group.objects.filter(name=roles.ACADEMY_STAFF))

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow
