"""What the applications app shows on pages of the core (see nelinvoimaa/contributions.py)."""

from nelinvoimaa.contributions import Section


def my_applications(request):
    """The signed-in user's applications and their history, on their own page."""
    applications = request.user.applications.select_related(
        "job", "job__employer"
    ).prefetch_related("events")
    return Section("applications/_dashboard.html", {"applications": applications}, order=10)
