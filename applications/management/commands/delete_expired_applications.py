"""Delete applications and CVs a set time after their job closed (GDPR). Run daily."""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand

from applications.models import delete_expired_applications, delete_orphan_cvs
from applications.uploads import PENDING_HOURS, delete_stale_pending_cvs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Delete applications and CV files of jobs closed over APPLICATION_RETENTION_MONTHS ago,"
        " CVs kept for a retry over a day ago, and CV files left without an application."
    )

    def handle(self, *args, **options):
        months = settings.APPLICATION_RETENTION_MONTHS
        deleted = delete_expired_applications(months)
        # A count only: the log holds no personal data.
        logger.info("Retention: deleted %d applications older than %d months.", deleted, months)
        self.stdout.write(f"Deleted {deleted} application(s).")
        stale = delete_stale_pending_cvs()
        logger.info(
            "Retention: deleted %d CVs kept over %d hours for a retry.", stale, PENDING_HOURS
        )
        self.stdout.write(f"Deleted {stale} CV(s) kept for a retry that never came.")
        orphans = delete_orphan_cvs()
        self.stdout.write(f"Deleted {orphans} CV file(s) without an application.")
