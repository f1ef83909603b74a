"""E-mail moderators the submissions waiting more than two working days. Safe to run any
number of times: once a working day."""

from datetime import date

from django.core.management.base import BaseCommand

from reports.reminders import remind_moderators


class Command(BaseCommand):
    help = "E-mail moderators the submissions waiting more than two working days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=date.fromisoformat,
            help="Remind as on this day (YYYY-MM-DD), e.g. after a missed run; default today.",
        )

    def handle(self, *args, **options):
        self.stdout.write(f"{remind_moderators(options['date'])} moderator(s) reminded.")
