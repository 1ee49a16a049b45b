from django.core.management.base import BaseCommand

from courses.services.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail learners whose required courses are due within the given number of days or are "
        "overdue, in each learner's language. Each reminder level is sent once per enrolment."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=7, help="Remind about courses due within this many days (default 7)."
        )

    def handle(self, *args, **options):
        sent = send_reminders(days=max(options["days"], 0))
        self.stdout.write(self.style.SUCCESS(f"Reminders sent: {sent}"))
