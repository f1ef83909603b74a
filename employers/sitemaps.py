from nelinvoimaa.sitemaps import LocalizedSitemap, NamedPagesSitemap

from .models import Employer


class DirectorySitemap(NamedPagesSitemap):
    names = ["employers:directory"]


class EmployerSitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Employer.objects.order_by("pk").only("slug", "updated_at")

    def lastmod(self, employer):
        return employer.updated_at


SITEMAPS = {"directory": DirectorySitemap, "employers": EmployerSitemap}
