"""Delete the personal data of enrolments a set time after their training ended (GDPR); the
figures stay. Run daily; safe to run any number of times."""

from django.core.management.base import BaseCommand

from trainings.models import delete_expired_enrolment_data, retention_days


class Command(BaseCommand):
    help = (
        "Delete enrolments' personal data of trainings that ended over "
        "TRAINING_ENROLMENT_RETENTION_DAYS (default 365) days ago; the counts stay."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Instead of the setting.")

    def handle(self, *args, **options):
        days = options["days"] if options["days"] is not None else retention_days()
        count = delete_expired_enrolment_data(days)
        self.stdout.write(
            f"Deleted the personal data of {count} enrolment(s) over {days} days old."
        )
