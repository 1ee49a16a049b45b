"""Put every page under the academy review workflow."""

from django.db import migrations


def create_workflow(apps, schema_editor):
    from lms.services.workflow import ensure_review_workflow

    ensure_review_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0004_academy_review_task"),
        ("lms", "0003_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
