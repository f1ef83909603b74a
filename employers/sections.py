"""What the employers app shows on pages of the core (see nelinvoimaa/contributions.py)."""

from nelinvoimaa.contributions import Section


def hiring(request):
    """The way to register an employer, last on the user's own page."""
    return Section("employers/_dashboard.html", order=90)
