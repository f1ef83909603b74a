from django.core.management.base import BaseCommand

from jobseekers.alerts import send_deadline_reminders, send_due_alerts


class Command(BaseCommand):
    help = (
        "E-mails the job alerts that are due and the reminders of saved jobs' deadlines. "
        "Safe to run any number of times (every few minutes from cron)."
    )

    def handle(self, *args, **options):
        alerts = send_due_alerts()
        reminders = send_deadline_reminders()
        self.stdout.write(f"{alerts} alert e-mails, {reminders} deadline reminders queued.")
