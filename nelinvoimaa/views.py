from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.db.models import Count, F, Prefetch, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from jobs.models import Action, ApplicationStatus, Job, JobEvent, Status
from jobs.uploads import drop_all_pending_cvs

from .accounts import ProfileForm
from .models import Municipality, Page
from .page_cache import cache_public_page
from .personal_data import AccountDeletionBlocked, delete_account, export_user_data

SOON_DAYS = 7  # a published job this close to its deadline is flagged on the dashboard


# The seasons of the region's work, as months (the home page links each to the job list).
SEASONS = [
    (_("This summer"), (6, 7, 8)),
    (_("Autumn harvest"), (8, 9, 10)),
    (_("Christmas season"), (11, 12)),
    (_("Winter"), (1, 2, 3)),
]
NEWEST_COUNT = 6


@require_safe
@cache_public_page
def home(request):
    open_jobs = Job.objects.open()
    municipalities = list(Municipality.objects.all())
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
    return render(
        request,
        "nelinvoimaa/home.html",
        {
            "municipalities": municipalities,
            "newest_jobs": open_jobs.select_related("municipality").order_by(
                "-published_at", "-pk"
            )[:NEWEST_COUNT],
            "open_count": counts["total"],
            "seasons": seasons,
        },
    )


@require_safe
@cache_public_page
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
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/accounts/",
        "Disallow: /*/dashboard/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


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
        .annotate(
            new_applications=Count(
                "applications", filter=Q(applications__status=ApplicationStatus.RECEIVED)
            )
        )
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
            "applications": request.user.applications.select_related(
                "job", "job__employer"
            ).prefetch_related("events"),
        },
    )


@login_required
def my_data(request):
    """Download everything the portal holds about me, or delete my account."""
    error = None
    if request.method == "POST" and request.POST.get("action") == "export":
        response = HttpResponse(export_user_data(request.user), content_type="application/zip")
        response["Content-Disposition"] = 'attachment; filename="nelinvoimaa-data.zip"'
        return response
    if request.method == "POST" and request.POST.get("action") == "delete":
        if not request.user.check_password(request.POST.get("password", "")):
            error = _("The password is not correct.")
        else:
            try:
                delete_account(request.user)
            except AccountDeletionBlocked as blocked:
                error = _(
                    "You are the only owner of %(employer)s. Make someone else its owner first."
                ) % {"employer": blocked}
            else:
                drop_all_pending_cvs(request.session)
                logout(request)
                messages.success(request, _("Your account and your data have been deleted."))
                return redirect("home")
    return render(
        request, "nelinvoimaa/my_data.html", {"error": error}, status=400 if error else 200
    )


@login_required
def profile(request):
    """Name, phone and the language of the portal's e-mails."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details have been saved."))
        return redirect("profile")
    return render(
        request, "nelinvoimaa/profile.html", {"form": form}, status=400 if form.errors else 200
    )
