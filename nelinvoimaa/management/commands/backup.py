"""manage.py backup <new folder>: the database and both media folders, with a manifest."""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from nelinvoimaa.backups import BackupError, backup
from nelinvoimaa.private_files import in_object_storage


def tables():
    """Every table of the project's models and the auth/session tables they rely on."""
    return sorted(set(connection.introspection.django_table_names(only_existing=True)))


class Command(BaseCommand):
    help = "Back up the database, the media and the private media (CVs) into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("target", help="a new (or empty) folder for the backup")

    def handle(self, *args, target, **options):
        apps.check_models_ready()
        try:
            manifest = backup(
                target,
                settings.DATABASES["default"],
                tables(),
                {"media": settings.MEDIA_ROOT, "private-media": settings.PRIVATE_MEDIA_ROOT},
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        files = sum(len(found) for found in manifest["files"].values())
        self.stdout.write(f"Backed up {rows} rows and {files} files into {target}.")
        for alias, what in (("default", "logos and photos"), ("private", "CVs")):
            if in_object_storage(alias):
                bucket = settings.STORAGES[alias]["OPTIONS"]["bucket_name"]
                self.stderr.write(
                    f"The {what} are in the bucket {bucket}, not in this backup: back the "
                    "bucket up with its provider's versioning or replication (or rclone sync)."
                )
