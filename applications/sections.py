"""What the applications app shows on pages of the core (see nelinvoimaa/contributions.py)."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext

from jobs.models import ApplyMethod, Job
from jobs.viewer import viewer_state
from nelinvoimaa.contributions import Section

from .models import Application


def my_applications(request):
    """The signed-in user's applications and their history, on their own page."""
    applications = request.user.applications.select_related(
        "job", "job__employer"
    ).prefetch_related("events")
    return Section("applications/_dashboard.html", {"applications": applications}, order=10)


def apply_button(request, job):
    """On a job's page: the way to apply here, while the job is open."""
    if job.apply_method != ApplyMethod.HERE:
        return None
    applied_on = viewer_state(request, job).get("applied_on")
    return Section("", {"applied_on": applied_on}, draw=_draw_apply_button)


def _draw_apply_button(context):
    """When I applied, or the button to apply while the job is open: drawn in Python, as the
    save button is (jobseekers/buttons.py), for it is on every signed-in view of a job."""
    job, applied_on = context["job"], context["applied_on"]
    if applied_on:
        on = date_format(timezone.localtime(applied_on), "j.n.")
        return format_html(
            '<p class="notice">{} <a href="{}">{}</a></p>',
            gettext("You applied on %(date)s.") % {"date": on},
            reverse("dashboard"),
            gettext("My applications"),
        )
    if job.is_open:
        return format_html(
            '<p><a class="button" href="{}">{}</a></p>',
            reverse("applications:apply", args=[job.pk]),
            gettext("Apply for this job"),
        )
    return ""


def applied_on(user_id):
    """For a job's page (jobs.viewer): when the person applied to it, unless withdrawn."""
    applications = Application.objects.filter(job=OuterRef("pk"), applicant_id=user_id).exclude(
        status=Application.Status.WITHDRAWN
    )
    return {"applied_on": Subquery(applications.values("created_at")[:1])}


def applicants_link(request, job):
    """On the member's page of a job: its applications."""
    if job.apply_method != ApplyMethod.HERE:
        return None
    return Section("applications/_applicants_link.html", {"count": job.applications.count()})


def new_application_counts():
    """For the employer's jobs on the dashboard: how many applications wait to be read."""
    return {
        "new_applications": Count(
            "applications", filter=Q(applications__status=Application.Status.RECEIVED)
        )
    }


def applying_for(request, next_path):
    """On the sign-in page of a visitor sent there from a job's apply button: which job."""
    try:
        match = resolve(next_path)
    except Http404:
        return None
    if match.view_name != "applications:apply":
        return None
    job = Job.objects.public().select_related("employer").filter(pk=match.kwargs["job_id"]).first()
    if job is None:
        return None
    return Section("applications/_applying_for.html", {"applying_for": job}, order=10)
