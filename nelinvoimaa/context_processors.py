from .models import Page


def site(request):
    # A callable, so the query runs only on pages that render the footer.
    return {
        "footer_pages": lambda: Page.objects.filter(in_footer=True).only(
            "slug", "title_fi", "title_sv", "title_en"
        )
    }
