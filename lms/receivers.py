"""Keep Wagtail page rights in step with who owns a course and who works for which academy."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import User
from .services.trainers import sync_course_rights, sync_staff_groups


@receiver(post_save, sender=User, dispatch_uid="lms_sync_staff_groups")
def update_staff_groups(sender, instance: User, created: bool, raw: bool = False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and "academy" not in update_fields):
        return
    sync_staff_groups(instance)


@receiver(page_published, dispatch_uid="lms_sync_course_rights")
def update_course_rights(sender, instance, **kwargs):
    # The owning academy is a field of the course, so it takes effect when published.
    if sender._meta.label == "courses.CoursePage":
        sync_course_rights(instance)
