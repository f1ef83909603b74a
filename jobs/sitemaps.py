from nelinvoimaa.sitemaps import LocalizedSitemap, NamedPagesSitemap

from .models import Job


class JobListSitemap(NamedPagesSitemap):
    names = ["jobs:list"]


class JobSitemap(LocalizedSitemap):
    changefreq = "daily"
    priority = 0.9
    limit = 5000

    def items(self):
        return Job.objects.open().order_by("pk").only("pk", "title", "updated_at")

    def lastmod(self, job):
        return job.updated_at


SITEMAPS = {"lists": JobListSitemap, "jobs": JobSitemap}
