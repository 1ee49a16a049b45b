"""Create the database cache table, so no deployment forgets `createcachetable`.

The cache holds login rate-limit counters; without its table every sign-in fails.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("lms", "0006_staff_without_user_admin")]
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
