"""What the jobs app shows on pages of the core and of employers
(see nelinvoimaa/contributions.py)."""

import django_filters
from django import forms
from django.db.models import Count, F, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employers.models import Membership
from nelinvoimaa.contributions import Section, merged, values
from nelinvoimaa.models import Municipality

from .models import Job, JobEvent, open_condition

# The seasons of the region's work, as months (the home page links each to the job list).
SEASONS = [
    (_("This summer"), (6, 7, 8)),
    (_("Autumn harvest"), (8, 9, 10)),
    (_("Christmas season"), (11, 12)),
    (_("Winter"), (1, 2, 3)),
]
NEWEST_COUNT = 6


def municipalities_of(request):
    """The municipalities, read once per request (both home sections list them)."""
    if not hasattr(request, "_municipalities"):
        request._municipalities = list(Municipality.objects.all())
    return request._municipalities


def home_search(request):
    """The search box, at the top of the home page."""
    return Section(
        "jobs/_home_search.html", {"municipalities": municipalities_of(request)}, place="hero"
    )


def home(request):
    """The newest jobs, jobs by season and by municipality, and who the portal is for."""
    open_jobs = Job.objects.open()
    municipalities = municipalities_of(request)
    season_masks = [sum(1 << (m - 1) for m in months) for _name, months in SEASONS]
    annotated = open_jobs.annotate(
        **{f"season_{n}": F("work_months").bitand(mask) for n, mask in enumerate(season_masks)}
    )
    # One pass over the open jobs for every number on the page; the columns counted
    # let PostgreSQL read only the index of published jobs (job_published_counts).
    counts = annotated.aggregate(
        total=Count("*"),
        **{
            f"season_{n}_count": Count("deadline", filter=Q(**{f"season_{n}__gt": 0}))
            for n in range(len(SEASONS))
        },
        **{
            f"municipality_{m.pk}": Count("deadline", filter=Q(municipality=m.pk))
            for m in municipalities
        },
    )
    for municipality in municipalities:
        municipality.open_count = counts[f"municipality_{municipality.pk}"]
    seasons = [
        {
            "name": name,
            "count": counts[f"season_{n}_count"],
            "query": "&".join(f"month={m}" for m in months),
        }
        for n, (name, months) in enumerate(SEASONS)
    ]
    newest = open_jobs.select_related("municipality").order_by("-published_at", "-pk")
    return Section(
        "jobs/_home.html",
        {
            "municipalities": municipalities,
            "newest_jobs": newest[:NEWEST_COUNT],
            "open_count": counts["total"],
            "seasons": seasons,
        },
        order=10,
    )


def employer_jobs(request):
    """For each employer the user is a member of: its jobs by status, and what needs doing."""
    memberships = list(
        Membership.objects.filter(user=request.user)
        .select_related("employer")
        .order_by("employer__name")
    )
    if not memberships:
        return None
    # What the apps above count for each job (e.g. new applications).
    annotations = merged("member_job_annotations")
    jobs = (
        Job.objects.filter(employer__in=[m.employer_id for m in memberships])
        .select_related("municipality")
        .annotate(**annotations)
        .prefetch_related(
            Prefetch(
                "events",
                to_attr="rejections",
                queryset=JobEvent.objects.filter(
                    action__in=[JobEvent.Action.REJECTED, JobEvent.Action.UNPUBLISHED]
                ),
            )
        )
        .order_by("deadline", "pk")
    )
    by_employer = {
        m.employer_id: {
            "membership": m,
            "employer": m.employer,
            "needs_action": [],
            "job_count": 0,
            "by_status": {s: [] for s in Job.Status.values},
        }
        for m in memberships
    }
    for job in jobs:
        entry = by_employer[job.employer_id]
        entry["by_status"][job.status].append(job)
        entry["job_count"] += 1
        if job.needs_action:
            entry["needs_action"].append(job)
    return Section(
        "jobs/_dashboard.html",
        {
            "employers": list(by_employer.values()),
            "statuses": Job.Status.choices,
            "today": timezone.localdate(),
            "job_badges": values("member_job_badges"),
        },
        order=20,
    )


def employer_open_jobs(request, employer):
    jobs = (
        Job.objects.open()
        .filter(employer=employer)
        .select_related("municipality", "sector")
        .order_by("deadline")
    )
    return Section("jobs/_employer_jobs.html", {"jobs": jobs}, order=10)


def employer_annotations():
    """How many open jobs each employer of the directory has."""
    return {"open_job_count": Count("jobs", filter=open_condition("jobs__"), distinct=True)}


def employer_filters():
    """The employer directory's "has open jobs" choice (uses employer_annotations)."""
    return {
        "open_jobs": django_filters.BooleanFilter(
            label=_("Has open jobs"),
            method=lambda queryset, name, value: (
                queryset.filter(open_job_count__gt=0) if value else queryset
            ),
            widget=forms.CheckboxInput,
        )
    }


def review_queue(request):
    """The moderator's count of jobs waiting for review in their municipalities."""
    if not request.user.has_perm("jobs.moderate_job"):
        return None
    count = Job.objects.for_moderator(request.user).review_queue().count()
    url = reverse("admin:jobs_job_changelist") + "?status__exact=submitted"
    return Section("jobs/_review_queue.html", {"review_count": count, "queue_url": url})
