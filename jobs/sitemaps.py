from django.urls import reverse

from nelinvoimaa.sitemaps import LocalizedSitemap

from .models import Job


class JobListSitemap(LocalizedSitemap):
    priority = 0.8
    changefreq = "daily"

    def items(self):
        return ["jobs:list"]

    def location(self, name):
        return reverse(name)


class JobSitemap(LocalizedSitemap):
    changefreq = "daily"
    priority = 0.9
    limit = 5000

    def items(self):
        return Job.objects.open().order_by("pk").only("pk", "title", "updated_at")

    def lastmod(self, job):
        return job.updated_at


SITEMAPS = {"lists": JobListSitemap, "jobs": JobSitemap}
