"""Let academy staff and site administrators set who signs their certificates."""

from django.db import migrations

from lms import roles

SETTINGS_PERMISSIONS = [
    "certificates.add_certificatesettings",
    "certificates.change_certificatesettings",
    "certificates.delete_certificatesettings",
    "certificates.view_certificatesettings",
]


def grant_permissions(apps, schema_editor):
    roles.ensure_permissions(apps)
    roles.grant(apps, roles.ACADEMY_STAFF, SETTINGS_PERMISSIONS)
    roles.grant(apps, roles.SITE_ADMINISTRATORS, SETTINGS_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0001_initial"),
        ("lms", "0003_groups"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
