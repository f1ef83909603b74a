from django.conf import settings
from django.urls import reverse

from .contributions import labels
from .models import Page


def main_navigation():
    """(address, label) of each app's place in the main menu (its `navigation`), in order."""
    places = sorted((place for _config, place in labels("navigation")), key=lambda p: p[2])
    return [(reverse(name), label) for name, label, _position in places]


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
