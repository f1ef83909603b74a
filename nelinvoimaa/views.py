from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from jobs.models import Action, Job, JobEvent, Status

from .models import Municipality, Page

SOON_DAYS = 7  # a published job this close to its deadline is flagged on the dashboard


@require_safe
def home(request):
    return render(
        request,
        "nelinvoimaa/home.html",
        {
            "municipalities": Municipality.objects.all(),
        },
    )


@require_safe
def page(request, slug):
    return render(request, "pages/page.html", {"page": get_object_or_404(Page, slug=slug)})


@never_cache
@require_safe
def healthz(request):
    """The process answers; touches no database, so a database outage does not restart it."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_safe
def readyz(request):
    """Ready for traffic: the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"database": "unavailable"}, status=503)
    return JsonResponse({"database": "ok"})


@require_safe
def favicon(request):
    return redirect(static("nelinvoimaa/favicon.svg"), permanent=True)


@require_safe
def robots_txt(request):
    return HttpResponse(
        "User-agent: *\nDisallow: /admin/\nDisallow: /*/accounts/\n", content_type="text/plain"
    )


@login_required
@require_safe
def dashboard(request):
    """The signed-in user's own page; for employer members, their jobs and what needs doing."""
    memberships = list(
        request.user.memberships.select_related("employer").order_by("employer__name")
    )
    jobs = (
        Job.objects.filter(employer__in=[m.employer_id for m in memberships])
        .select_related("municipality")
        .prefetch_related(
            Prefetch(
                "events",
                to_attr="rejections",
                queryset=JobEvent.objects.filter(action__in=[Action.REJECTED, Action.UNPUBLISHED]),
            )
        )
        .order_by("deadline", "pk")
    )
    today = timezone.localdate()
    soon = today + timedelta(days=SOON_DAYS)
    by_employer = {
        m.employer_id: {
            "membership": m,
            "employer": m.employer,
            "needs_action": [],
            "job_count": 0,
            "by_status": {s: [] for s in Status.values},
        }
        for m in memberships
    }
    for job in jobs:
        entry = by_employer[job.employer_id]
        entry["by_status"][job.status].append(job)
        entry["job_count"] += 1
        if job.status in {Status.DRAFT, Status.REJECTED} or (
            job.status == Status.PUBLISHED and job.deadline <= soon
        ):
            entry["needs_action"].append(job)
    return render(
        request,
        "nelinvoimaa/dashboard.html",
        {
            "employers": list(by_employer.values()),
            "statuses": Status.choices,
            "today": today,
        },
    )
