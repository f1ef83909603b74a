"""Close published jobs whose application deadline has passed. Run daily; safe to repeat."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from jobs.models import Job, TransitionError


class Command(BaseCommand):
    help = "Close published jobs whose application deadline has passed."

    def handle(self, *args, **options):
        closed = 0
        expired = Job.objects.filter(
            status=Job.Status.PUBLISHED, deadline__lt=timezone.localdate()
        ).select_related("employer")
        for job in expired.iterator():
            try:
                job.expire()
            except TransitionError:
                continue  # closed by its employer or another run meanwhile
            closed += 1
        self.stdout.write(f"Closed {closed} expired job(s).")
