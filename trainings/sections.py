"""What the trainings app shows on pages of the core and of jobs
(see nelinvoimaa/contributions.py)."""

from django.urls import reverse

from nelinvoimaa.contributions import Section

from .models import CalendarFeed, Enrolment, Training

HOME_COUNT = 4
JOB_PAGE_COUNT = 3


def home(request):
    """Upcoming trainings on the home page."""
    upcoming = Training.objects.upcoming().with_seats().select_related("provider", "municipality")
    return Section(
        "trainings/_home.html",
        {"upcoming_trainings": upcoming.order_by("starts_at", "pk")[:HOME_COUNT]},
        order=20,
    )


def my_enrolments(request):
    """The user's enrolments, each with a cancel button, and their private calendar."""
    enrolments = list(
        Enrolment.objects.filter(user=request.user)
        .select_related("training", "training__provider", "training__municipality")
        .order_by("-created_at")
    )
    # The calendar is offered with the enrolments; without any, no query for it.
    feed = CalendarFeed.objects.filter(user=request.user).first() if enrolments else None
    return Section(
        "trainings/_dashboard.html", {"enrolments": enrolments, "calendar_feed": feed}, order=15
    )


def job_trainings(request, job):
    """On a job's page: upcoming trainings of its sector ("get qualified")."""
    trainings = (
        Training.objects.upcoming()
        .with_seats()
        .filter(sectors=job.sector_id)
        .select_related("provider", "municipality")
        .order_by("starts_at", "pk")[:JOB_PAGE_COUNT]
    )
    return Section("trainings/_job_trainings.html", {"sector_trainings": trainings}, order=20)


def review_queue(request):
    """The moderator's count of trainings waiting for review in their municipalities."""
    if not request.user.has_perm("trainings.moderate_training"):
        return None
    count = Training.objects.for_moderator(request.user).review_queue().count()
    url = reverse("admin:trainings_training_changelist") + "?status__exact=submitted"
    return Section(
        "trainings/_review_queue.html", {"training_review_count": count, "training_queue_url": url}
    )
