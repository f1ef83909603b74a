"""What the entrepreneurship app shows on the admin index (see nelinvoimaa/contributions.py)."""

from django.urls import reverse

from nelinvoimaa.contributions import Section

from .models import SuccessorListing


def review_queue(request):
    """The moderator's count of successor listings waiting for review."""
    if not request.user.has_perm("entrepreneurship.moderate_successorlisting"):
        return None
    count = SuccessorListing.objects.for_moderator(request.user).review_queue().count()
    url = reverse("admin:entrepreneurship_successorlisting_changelist") + "?status__exact=submitted"
    return Section(
        "entrepreneurship/_review_queue.html", {"review_count": count, "queue_url": url}, order=60
    )
