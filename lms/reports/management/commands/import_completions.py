"""Import officials who completed a course in person, from a CSV or XLSX file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...services.imports import ImportFileError, import_completions


class Command(BaseCommand):
    help = (
        "Record in-person course completions from a CSV (UTF-8) or XLSX file with the columns full name, "
        "e-mail or personal identifier, sex, profession, agency, region, course and completion date. "
        "Nothing is saved when any row is invalid; importing the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the .csv or .xlsx file.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report, without saving.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.")

        try:
            result = import_completions(content, path.name, by=None, apply=not options["dry_run"])
        except ImportFileError as error:
            raise CommandError(str(error))

        for error in result.errors:
            self.stderr.write(self.style.ERROR(str(error)))
        if result.errors:
            raise CommandError(f"{len(result.errors)} problem(s) found; nothing was imported.")
        if not result.applied:
            self.stdout.write(self.style.SUCCESS(f"{len(result.records)} valid row(s); nothing saved (dry run)."))
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.completions_recorded} completion(s) recorded, {result.already_recorded} already recorded, "
                f"{result.learners_created} learner(s) created."
            )
        )
