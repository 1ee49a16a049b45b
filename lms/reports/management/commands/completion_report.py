"""Write a completion report as CSV or XLSX, for scheduled exports."""

import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from courses.models import CoursePage, Enrollment
from lms.models import Agency

from ...exports import csv_lines, write_csv, write_xlsx
from ...filters import Measure, ReportFilters
from ...registry import REPORT_LABELS, ReportUnavailable, build_document
from ...services.downloads import record_download

# "sex" is accepted in --by because every table is already split by sex into its columns.
BY_CHOICES = sorted(REPORT_LABELS)


class Command(BaseCommand):
    help = (
        "Write a completion report for all learners as CSV or XLSX. Counts are distinct learners; "
        "the period is inclusive, in Ulaanbaatar time, on the completion date (or the enrolment "
        "date with --measure enrolled, and always for --by status)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--course", action="append", default=[], metavar="SLUG",
                            help="Course slug; repeat for several courses. All courses when absent.")
        parser.add_argument("--from", dest="date_from", metavar="DATE", help="First day, YYYY-MM-DD, inclusive.")
        parser.add_argument("--to", dest="date_to", metavar="DATE", help="Last day, YYYY-MM-DD, inclusive.")
        parser.add_argument("--by", default="profession,sex",
                            help="Rows of the table: profession,sex (default), region, agency, status, "
                                 "recruitment, gain or learners.")
        parser.add_argument("--agency", metavar="CODE", help="Agency code; its units are included.")
        parser.add_argument("--mode", choices=["online", "in_person", "all"], default="all",
                            help="Training mode to count (default: all).")
        parser.add_argument("--measure", choices=[Measure.COMPLETED, Measure.ENROLLED], default=Measure.COMPLETED,
                            help="Count learners who completed (default) or who enrolled in the period.")
        parser.add_argument("--shared", action="store_true",
                            help="Suppress small counts, for a report shared outside the academy.")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv", help="File format (default: csv).")
        parser.add_argument("--output", metavar="FILE", help="File to write; standard output when absent.")

    def handle(self, *args, **options):
        kind = self._parse_by(options["by"])
        filters = ReportFilters(
            courses=self._courses(options["course"]),
            date_from=self._date(options["date_from"], "--from"),
            date_to=self._date(options["date_to"], "--to"),
            agency=self._agency(options["agency"]),
            mode="" if options["mode"] == "all" else Enrollment.Mode(options["mode"]),
            measure=options["measure"],
            shared=options["shared"],
        )
        if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
            raise CommandError("--from must not be after --to.")

        try:
            document = build_document(kind, filters, viewer=None)
        except ReportUnavailable:
            raise CommandError(f"The {kind} report needs the assessments app's quizzes and attempts.")
        self._write(document, options["format"], options["output"])
        record_download(None, kind, filters, options["format"])
        if options["output"]:
            self.stderr.write(self.style.SUCCESS(f"Wrote {options['output']}"))

    def _parse_by(self, value: str) -> str:
        parts = [part.strip() for part in value.split(",") if part.strip() and part.strip() != "sex"]
        if not parts:
            return "profession"
        if len(parts) > 1 or parts[0] not in BY_CHOICES:
            raise CommandError(f"Invalid --by {value!r}: use one of {', '.join(BY_CHOICES)}, optionally with ,sex.")
        return parts[0]

    def _courses(self, slugs: list[str]) -> tuple:
        courses = []
        for slug in slugs:
            course = CoursePage.objects.filter(slug=slug).first()
            if course is None:
                raise CommandError(f"Course not found: {slug!r}.")
            courses.append(course)
        return tuple(courses)

    def _date(self, value: str | None, option: str) -> date | None:
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise CommandError(f"Invalid {option} {value!r}: write the date as YYYY-MM-DD.")

    def _agency(self, code: str | None):
        if not code:
            return None
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            raise CommandError(f"Agency not found: {code!r}.")
        return agency

    def _write(self, document, file_format: str, output: str | None) -> None:
        if file_format == "xlsx":
            if output:
                with open(output, "wb") as handle:
                    write_xlsx(document, handle)
            else:
                write_xlsx(document, sys.stdout.buffer)
            return
        if output:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                write_csv(document, handle)
        else:
            for line in csv_lines(document):
                # csv already ends each line, so the wrapper must not add a newline.
                self.stdout.write(line, ending="")
