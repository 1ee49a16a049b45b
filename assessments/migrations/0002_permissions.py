"""Let trainers author quizzes and regrade, and academy staff review attempts and regrade."""

from django.db import migrations

from lms import roles

TRAINER_PERMISSIONS = [
    "assessments.add_questionpool",
    "assessments.change_questionpool",
    "assessments.delete_questionpool",
    "assessments.view_questionpool",
    "assessments.add_question",
    "assessments.change_question",
    "assessments.delete_question",
    "assessments.view_question",
    "assessments.add_quiz",
    "assessments.change_quiz",
    "assessments.delete_quiz",
    "assessments.view_quiz",
    "assessments.view_attempt",
    "assessments.regrade_attempt",
    "assessments.view_regradelog",
]
STAFF_PERMISSIONS = [
    "assessments.view_questionpool",
    "assessments.view_question",
    "assessments.view_quiz",
    "assessments.view_attempt",
    "assessments.regrade_attempt",
    "assessments.view_regradelog",
]


def grant_permissions(apps, schema_editor):
    roles.ensure_permissions(apps)
    roles.grant(apps, roles.TRAINERS, TRAINER_PERMISSIONS)
    roles.grant(apps, roles.ACADEMY_STAFF, STAFF_PERMISSIONS)
    roles.grant(apps, roles.SITE_ADMINISTRATORS, TRAINER_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        ("lms", "0003_groups"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
