from django.core.management.base import BaseCommand

from lms.demo.accounts import ACCOUNTS, DEMO_PASSWORD
from lms.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Create the demo academies, agencies, both courses with quizzes, one account per role "
        "and a transcoded demo lecture. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-video",
            action="store_true",
            help="Skip generating and transcoding the demo lecture (about half a minute with ffmpeg).",
        )

    def handle(self, *args, **options):
        counts = load_demo(with_video=not options["no_video"])
        self.stdout.write(self.style.SUCCESS(
            f"Demo content ready: {counts['academies']} academies, {counts['courses']} courses, "
            f"{counts['accounts']} accounts."
        ))
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for email, _full_name, *_rest, group, _academy, _superuser in ACCOUNTS:
            self.stdout.write(f"  {email:32} {group}")
