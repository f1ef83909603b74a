from django.conf import settings

from .models import Page


def site(request):
    return {
        # A callable, so the query runs only on pages that render the footer.
        "footer_pages": lambda: Page.objects.filter(in_footer=True).only(
            "slug", "title_fi", "title_sv", "title_en"
        ),
        # Canonical and alternate links use the public address, whatever host was asked.
        "site_url": settings.SITE_URL,
    }
