from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from .contributions import links, per_language
from .models import Page
from .page_cache import cached_public, public_version


@per_language
def main_navigation():
    """(address, label) of each app's place in the main menu (its `navigation`), in order:
    found once per language, as the addresses never change while the site runs."""
    return [(address, str(label)) for address, label in links("navigation")]


def footer_pages(request):
    """(address, title) of the site pages in the footer, in the current language: read once
    per public version in each worker, as every page shows them."""
    language = get_language()

    def read():
        pages = Page.objects.filter(in_footer=True).only("slug", "title_fi", "title_sv", "title_en")
        return [(page.get_absolute_url(), page.title) for page in pages]

    return cached_public(f"footer-pages:{language}", read, public_version(request))


def site(request):
    return {
        # A callable, so it runs only on pages that render the footer.
        "footer_pages": lambda: footer_pages(request),
        "main_navigation": main_navigation,
        # For {% cache … public_version using="pages" %}: a fragment every user sees the same
        # is rendered once per public version (page_cache.cached_public); asked only if used.
        "public_version": SimpleLazyObject(lambda: public_version(request)),
        # Canonical and alternate links use the public address, whatever host was asked.
        "site_url": settings.SITE_URL,
    }
