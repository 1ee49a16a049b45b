"""Let academy staff and site administrators manage onboarding rules."""

from django.db import migrations

from lms import roles

ONBOARDING_PERMISSIONS = [
    "courses.add_onboardingrule",
    "courses.change_onboardingrule",
    "courses.delete_onboardingrule",
    "courses.view_onboardingrule",
]


def grant_onboarding_permissions(apps, schema_editor):
    roles.ensure_permissions(apps)
    roles.grant(apps, roles.ACADEMY_STAFF, ONBOARDING_PERMISSIONS)
    roles.grant(apps, roles.SITE_ADMINISTRATORS, ONBOARDING_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_progress_onboarding_video"),
        ("lms", "0003_groups"),
    ]
    operations = [migrations.RunPython(grant_onboarding_permissions, migrations.RunPython.noop)]
