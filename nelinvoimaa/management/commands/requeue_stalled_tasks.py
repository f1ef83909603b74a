"""Puts back in the queue the tasks whose worker died while running them (killed, out of
memory, the machine restarted): django-tasks-db leaves such a task "running" for ever, so its
e-mail would never go. Safe to run any number of times."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


class Command(BaseCommand):
    help = "Queue again the tasks that have been running for longer than --minutes."

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes",
            type=int,
            default=settings.TASK_STALLED_MINUTES,
            help="How long a task may run before its worker is taken to be gone "
            "(TASK_STALLED_MINUTES, default 30; far longer than any task of the portal takes).",
        )

    def handle(self, *args, minutes, **options):
        stalled = DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING,
            started_at__lt=timezone.now() - timedelta(minutes=minutes),
        )
        count = stalled.update(status=TaskResultStatus.READY, started_at=None)
        self.stdout.write(f"Queued again {count} task(s) that had stalled.")
