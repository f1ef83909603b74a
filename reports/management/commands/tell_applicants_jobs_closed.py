"""Tell applicants still waiting that the job closed. Safe to run any number of times: once
per application."""

from django.core.management.base import BaseCommand

from reports.reminders import tell_applicants_of_closed_jobs


class Command(BaseCommand):
    help = "Tell applicants still waiting, in their language, that the job has closed."

    def handle(self, *args, **options):
        self.stdout.write(f"{tell_applicants_of_closed_jobs()} applicant(s) told.")
