from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses.services import learner_import
from lms.models import User


class Command(BaseCommand):
    help = (
        "Import officials from a CSV or XLSX file: create or update their accounts as approved and "
        "enrol them in the listed courses. The file is rejected whole when any row is invalid. "
        "Accepted column headers are listed in courses/services/learner_import.py."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the CSV or XLSX file.")
        parser.add_argument(
            "--staff",
            help="E-mail of the academy staff member importing; limits agencies to those their academy serves.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Validate the file and report, importing nothing.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"File not found: {path}")
        staff = None
        if options["staff"]:
            staff = User.objects.filter(email__iexact=options["staff"]).first()
            if staff is None:
                raise CommandError(f"No account with the e-mail {options['staff']}")

        content = path.read_bytes()
        if options["dry_run"]:
            result = learner_import.validate_file(path.name, content, staff)
        else:
            result = learner_import.import_learners(path.name, content, staff)

        for error in result.errors:
            self.stderr.write(self.style.ERROR(f"{error.line}: {error.message}"))
        if not result.ok:
            raise CommandError(f"Nothing imported: {len(result.errors)} error(s) in {path.name}.")
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"{len(result.rows)} valid rows; nothing imported (dry run)."))
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(result.rows)} rows: {result.created} created, {result.updated} updated, "
                f"{result.enrolled} enrolments."
            )
        )
