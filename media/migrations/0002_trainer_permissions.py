"""Let trainers upload, edit and choose videos, and site administrators delete them."""

from django.db import migrations

from lms import roles

TRAINER_PERMISSIONS = ["media.add_video", "media.change_video", "media.view_video"]
ADMIN_PERMISSIONS = TRAINER_PERMISSIONS + ["media.delete_video"]


def grant_video_permissions(apps, schema_editor):
    roles.ensure_permissions(apps)
    roles.grant(apps, roles.TRAINERS, TRAINER_PERMISSIONS)
    roles.grant(apps, roles.SITE_ADMINISTRATORS, ADMIN_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("media", "0001_initial"),
        ("lms", "0003_groups"),
    ]
    operations = [migrations.RunPython(grant_video_permissions, migrations.RunPython.noop)]
