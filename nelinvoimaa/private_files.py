import os

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage, storages


class PrivateFileStorage(FileSystemStorage):
    """Files that must never have a public address (CVs), under PRIVATE_MEDIA_ROOT (read on
    every use, so tests can point it elsewhere): asking for a URL is an error. Readable by the
    owner and its group only (the front server's, which sends them after the checked view)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("file_permissions_mode", 0o640)
        kwargs.setdefault("directory_permissions_mode", 0o2750)
        super().__init__(**kwargs)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL; serve them through a view that checks access.")


def check_cv_delivery(**kwargs):
    """System check: with CVs in object storage the front server cannot send them from its
    folder (X-Accel-Redirect); the checked view must stream them."""
    if settings.CV_X_ACCEL_PREFIX and in_object_storage("private"):
        return [
            checks.Error(
                "CV_X_ACCEL_PREFIX is set, but CVs are kept in object storage "
                "(S3_PRIVATE_BUCKET), where the front server cannot read them.",
                hint="Unset CV_X_ACCEL_PREFIX: the checked view then streams each CV.",
                id="nelinvoimaa.E002",
            )
        ]
    return []


def in_object_storage(alias):
    """Whether the storage `alias` ("default", "private") keeps its files away from the disk."""
    return not isinstance(storages[alias], FileSystemStorage)


def files_in(storage, folder):
    """The names of the files in `folder` of `storage`, none when it has no such folder. (On
    object storage a folder is only a prefix: `exists(folder)` is false even when it holds
    files, so ask for its listing.)"""
    try:
        return [f"{folder}/{name}" for name in storage.listdir(folder)[1]]
    except FileNotFoundError:
        return []
