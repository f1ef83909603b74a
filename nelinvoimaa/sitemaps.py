from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from employers.models import Employer
from jobs.models import Job

from .models import Page


class LocalizedSitemap(Sitemap):
    """Each URL in Finnish, Swedish and English, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class StaticSitemap(LocalizedSitemap):
    priority = 0.8
    changefreq = "daily"

    def items(self):
        return ["home", "jobs:list", "employers:directory"]

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


class EmployerSitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Employer.objects.order_by("pk").only("slug", "updated_at")

    def lastmod(self, employer):
        return employer.updated_at


class PageSitemap(LocalizedSitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return Page.objects.order_by("pk")

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {
    "static": StaticSitemap,
    "jobs": JobSitemap,
    "employers": EmployerSitemap,
    "pages": PageSitemap,
}
