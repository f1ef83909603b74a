"""Daily summary of new applications for members who chose it. Safe to run any number of
times: each member gets each application in at most one summary."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Count, Q
from django.utils import timezone

from employers.models import Membership
from jobs.models import Job
from nelinvoimaa.emails import send_templated


class Command(BaseCommand):
    help = "E-mail the daily summary of new applications to the members who chose it."

    def handle(self, *args, **options):
        sent = 0
        members = Membership.objects.filter(notify=Membership.Notify.DAILY).select_related(
            "user", "employer"
        )
        for membership in members:
            now = timezone.now()
            since = membership.digest_sent_at or membership.created_at
            jobs = list(
                Job.objects.filter(employer=membership.employer)
                .annotate(
                    new=Count(
                        "applications",
                        filter=Q(
                            applications__created_at__gt=since, applications__created_at__lte=now
                        ),
                    )
                )
                .filter(new__gt=0)
                .order_by("title")
            )
            if jobs:
                send_templated(
                    membership.user.email,
                    "applications/emails/application_digest",
                    {"employer": membership.employer, "jobs": jobs, "site_url": settings.SITE_URL},
                    membership.user.language,
                )
                sent += 1
            membership.digest_sent_at = now
            membership.save(update_fields=["digest_sent_at"])
        self.stdout.write(f"Sent {sent} summary e-mail(s).")
