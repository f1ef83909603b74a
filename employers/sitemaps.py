from django.urls import reverse

from nelinvoimaa.sitemaps import LocalizedSitemap

from .models import Employer


class DirectorySitemap(LocalizedSitemap):
    priority = 0.8
    changefreq = "daily"

    def items(self):
        return ["employers:directory"]

    def location(self, name):
        return reverse(name)


class EmployerSitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Employer.objects.order_by("pk").only("slug", "updated_at")

    def lastmod(self, employer):
        return employer.updated_at


SITEMAPS = {"directory": DirectorySitemap, "employers": EmployerSitemap}
