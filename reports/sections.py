from django.urls import reverse

from nelinvoimaa.contributions import Section


def figures_link(request):
    """A link to the figures on the admin index, for every staff member."""
    if not request.user.is_staff:
        return None
    return Section("reports/_figures_link.html", {"figures_url": reverse("reports:figures")})
