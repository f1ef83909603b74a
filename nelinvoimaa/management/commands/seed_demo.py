"""Demo data for local use: users for each role, printed with their passwords, then each
app's demo data (its `demo_data`, nelinvoimaa/contributions.py), built through the same
factories and model methods as the tests use.

Safe to run any number of times: what exists is kept, what is missing is added. Refuses to run
in production, where these well-known passwords would be a hole.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from nelinvoimaa import emails
from nelinvoimaa.contributions import contributed
from nelinvoimaa.demo import DEMO_USERS, seed_users


class Command(BaseCommand):
    help = "Fill the database with demo data for local use (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even when DJANGO_ENV=production."
        )
        for part in contributed("demo_data"):
            if hasattr(part, "add_arguments"):
                part.add_arguments(parser)

    def handle(self, *args, force=False, **options):
        if settings.PRODUCTION and not force:
            raise CommandError("Refusing to load demo data with known passwords in production.")
        with transaction.atomic(), emails.suppressed():
            created = seed_users()
            for part in contributed("demo_data"):
                for line in part.seed(options) or []:
                    self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready ({created} new users). Sign in at /fi/accounts/login/ with:"
            )
        )
        for email, password, _name, _language, role, _codes in DEMO_USERS:
            self.stdout.write(f"  {role:<10} {email:<34} {password}")
