"""E-mail a reminder to those with a place before a training's first session. Run hourly;
safe to run any number of times (each enrolment is reminded once)."""

from django.core.management.base import BaseCommand

from trainings.models import send_reminders


class Command(BaseCommand):
    help = "Remind those enrolled, once, when a training's first session is within 48 hours."

    def handle(self, *args, **options):
        self.stdout.write(f"Sent {send_reminders()} reminder(s).")
