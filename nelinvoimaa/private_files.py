from django.core.files.storage import FileSystemStorage


class PrivateFileStorage(FileSystemStorage):
    """Files that must never have a public address (CVs): asking for a URL is an error."""

    def url(self, name):
        raise ValueError("Private files have no URL; serve them through a view that checks access.")
