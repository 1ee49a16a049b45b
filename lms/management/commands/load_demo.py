from django.core.management.base import BaseCommand

from lms.demo.accounts import ACCOUNTS, DEMO_PASSWORD
from lms.demo.loader import load_demo


class Command(BaseCommand):
    help = "Create the demo academies, agencies, both courses and one account per role. Safe to run again."

    def handle(self, *args, **options):
        counts = load_demo()
        self.stdout.write(self.style.SUCCESS(
            f"Demo content ready: {counts['academies']} academies, {counts['courses']} courses, "
            f"{counts['accounts']} accounts."
        ))
        self.stdout.write("Demo accounts (password for all: %s):" % DEMO_PASSWORD)
        for email, full_name, *_rest, group, _academy, _superuser in ACCOUNTS:
            self.stdout.write(f"  {email:32} {group}")
