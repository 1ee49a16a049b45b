"""Take Wagtail's user administration away from academy staff.

With lms.change_user, Wagtail's user editor lets its holder edit every account, tick
"Administrator" on others and add themselves to any group. Academy staff manage their
own learners through the approval screens, which check the academy, so they need neither
permission; only site administrators keep them.
"""

from django.db import migrations

from lms import roles

REMOVED = ["view_user", "change_user"]


def remove_user_admin(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    staff = Group.objects.filter(name=roles.ACADEMY_STAFF).first()
    if staff is not None:
        staff.permissions.remove(*Permission.objects.filter(content_type__app_label="lms", codename__in=REMOVED))


def restore_user_admin(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    staff = Group.objects.filter(name=roles.ACADEMY_STAFF).first()
    if staff is not None:
        staff.permissions.add(*Permission.objects.filter(content_type__app_label="lms", codename__in=REMOVED))


class Migration(migrations.Migration):
    dependencies = [("lms", "0005_review_workflow")]
    operations = [migrations.RunPython(remove_user_admin, restore_user_admin)]
