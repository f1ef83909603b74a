from django.conf import settings

from .contributions import links
from .models import Page


def main_navigation():
    """(address, label) of each app's place in the main menu (its `navigation`), in order."""
    return links("navigation")


def site(request):
    return {
        # A callable, so the query runs only on pages that render the footer.
        "footer_pages": lambda: Page.objects.filter(in_footer=True).only(
            "slug", "title_fi", "title_sv", "title_en"
        ),
        "main_navigation": main_navigation,
        # Canonical and alternate links use the public address, whatever host was asked.
        "site_url": settings.SITE_URL,
    }
