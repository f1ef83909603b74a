"""S3-compatible object storage for uploaded files, chosen by environment (settings.py), so
that more than one web machine can serve the same files. The local filesystem stays the
default."""

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """CVs in a bucket of their own: stored without a public ACL and never given a URL, signed
    or not; applications.views.download_cv streams them after checking who asks."""

    default_acl = "private"
    file_overwrite = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Private files have no URL; serve them through a view that checks access.")
