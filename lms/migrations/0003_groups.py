"""Permission groups for learners, trainers, academy staff and site administrators."""

from django.db import migrations

from lms import roles

TRAINER_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
STAFF_PERMISSIONS = TRAINER_PERMISSIONS + [
    "lms.view_user",
    "lms.change_user",
]
ADMIN_PERMISSIONS = STAFF_PERMISSIONS + [
    "lms.add_user",
    "lms.add_agency",
    "lms.change_agency",
    "lms.add_trainingacademy",
    "lms.change_trainingacademy",
    "lms.add_profession",
    "lms.change_profession",
    "auth.add_group",
    "auth.change_group",
    "auth.view_group",
]


def create_groups(apps, schema_editor):
    roles.ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    for name in roles.ALL_GROUPS:
        Group.objects.get_or_create(name=name)
    roles.grant(apps, roles.TRAINERS, TRAINER_PERMISSIONS)
    roles.grant(apps, roles.ACADEMY_STAFF, STAFF_PERMISSIONS)
    roles.grant(apps, roles.SITE_ADMINISTRATORS, ADMIN_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0002_reference_data"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
