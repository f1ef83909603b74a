from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .contributions import contributed
from .models import Page


class LocalizedSitemap(Sitemap):
    """Each URL in Finnish, Swedish and English, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class NamedPagesSitemap(LocalizedSitemap):
    """Pages known by their URL names (`names`), such as the home page and the lists."""

    priority = 0.8
    changefreq = "daily"
    names = []

    def items(self):
        return self.names

    def location(self, name):
        return reverse(name)


class StaticSitemap(NamedPagesSitemap):
    names = ["home"]


class PageSitemap(LocalizedSitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return Page.objects.order_by("pk")

    def lastmod(self, page):
        return page.updated_at


def sitemaps():
    """The core's sitemaps and every app's (their `sitemaps`), in INSTALLED_APPS order."""
    found = {"static": StaticSitemap}
    for contributed_sitemaps in contributed("sitemaps"):
        found |= contributed_sitemaps
    return found | {"pages": PageSitemap}
