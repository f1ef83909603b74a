"""Ask employers at the halfway point of a long application period whether the job is still
open. Safe to run any number of times: once per job and deadline."""

from django.core.management.base import BaseCommand

from reports.reminders import ask_if_still_open


class Command(BaseCommand):
    help = "Ask employers at the halfway point of a long application period if a job is open."

    def handle(self, *args, **options):
        self.stdout.write(f"{ask_if_still_open()} e-mail(s) sent.")
