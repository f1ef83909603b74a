"""manage.py restore <backup folder>: into an empty database and empty media folders, checked
against the backup's manifest."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from nelinvoimaa.backups import BackupError, database_of_url, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup` into an empty database and empty media folders, "
        "and check every table's rows and every file against it."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="the backup's folder")
        parser.add_argument(
            "--database-url", help="the (empty) database to restore into; the configured one"
        )
        parser.add_argument("--media-root", help="default: DJANGO_MEDIA_ROOT")
        parser.add_argument("--private-media-root", help="default: DJANGO_PRIVATE_MEDIA_ROOT")

    def handle(self, *args, source, database_url, media_root, private_media_root, **options):
        database = database_of_url(database_url) if database_url else settings.DATABASES["default"]
        roots = {
            "media": media_root or settings.MEDIA_ROOT,
            "private-media": private_media_root or settings.PRIVATE_MEDIA_ROOT,
        }
        try:
            manifest = restore(source, database, roots)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        files = sum(len(found) for found in manifest["files"].values())
        self.stdout.write(
            f"Restored {rows} rows in {len(manifest['rows'])} tables and {files} files; "
            "every table and file matches the backup."
        )
