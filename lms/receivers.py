"""Keep Wagtail page rights in step with who owns a course and who works for which academy.

Also lets a user set up their first authenticator right after signing in.
"""

from allauth.account.internal.flows.login import record_authentication
from allauth.account.signals import user_logged_in
from allauth.mfa.models import Authenticator
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


@receiver(user_logged_in, dispatch_uid="lms_first_authenticator_without_reauthentication")
def allow_first_authenticator_setup(sender, request, user: User, **kwargs):
    """Count the sign-in as a fresh reauthentication for a user without an authenticator.

    Staff are sent to the TOTP set-up page straight after signing in, and allauth would ask
    for the password they just typed a second time. The mark expires after
    ACCOUNT_REAUTHENTICATION_TIMEOUT, so later sensitive changes still ask for the password.
    record_authentication is internal to allauth (checked against allauth 65).
    """
    if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        return
    record_authentication(request, user, method="password", reauthenticated=True)
