from django.core.management.base import BaseCommand

from assessments.services.attempts import close_expired_attempts


class Command(BaseCommand):
    help = (
        "Grade and close every open quiz attempt whose time limit has passed. Attempts also close when "
        "the learner next opens them; run this from cron so reports do not wait for that."
    )

    def handle(self, *args, **options):
        closed = close_expired_attempts()
        self.stdout.write(self.style.SUCCESS(f"Closed {closed} expired attempts."))
