"""Reminders that close the loop, each sent once however often its command runs (SentReminder):
moderators about submissions waiting too long, employers at the halfway point of a long
application period, applicants still waiting when a job closes."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from applications.models import Application
from jobs.models import Job
from nelinvoimaa.emails import send_templated
from nelinvoimaa.models import User

from .models import SentReminder
from .workdays import is_working_day, working_days_after

WAITING_WORKING_DAYS = 2  # a submission waiting longer than this is reminded of
LONG_PERIOD_DAYS = 28  # from publishing to the deadline: long enough to ask at the halfway
CLOSED_RECENTLY_DAYS = 14  # applicants hear of jobs closed this recently (not of old ones)
STILL_WAITING = [
    Application.Status.RECEIVED,
    Application.Status.IN_REVIEW,
    Application.Status.INTERVIEW,
]
LINK_SALT = "reports.job-check"
LINK_DAYS = 90


def moderators():
    """Active staff with municipalities who may moderate jobs."""
    staff = (
        User.objects.filter(is_active=True, is_staff=True, municipalities__isnull=False)
        .distinct()
        .order_by("pk")
    )
    return [user for user in staff if user.has_perm("jobs.moderate_job")]


def remind_moderators(today=None):
    """E-mail each moderator the submissions in their municipalities waiting more than
    WAITING_WORKING_DAYS working days; once a working day. Returns how many were e-mailed."""
    today = today or timezone.localdate()
    if not is_working_day(today):
        return 0
    waiting = [
        job.pk
        for job in Job.objects.review_queue().only("pk", "submitted_at")
        if job.submitted_at
        and working_days_after(timezone.localdate(job.submitted_at), today) > WAITING_WORKING_DAYS
    ]
    if not waiting:
        return 0
    sent = 0
    for moderator in moderators():
        jobs = list(
            Job.objects.for_moderator(moderator)
            .filter(pk__in=waiting)
            .select_related("employer")
            .order_by("submitted_at", "pk")
        )
        if not jobs:
            continue
        with transaction.atomic():
            if SentReminder.claim(f"moderation:{moderator.pk}:{today}"):
                send_templated(
                    moderator.email,
                    "reports/emails/moderation_waiting",
                    {"jobs": jobs, "site_url": settings.SITE_URL},
                    moderator.language,
                )
                sent += 1
    return sent


def halfway(job):
    """The day halfway between publishing and the deadline, or None for a short period."""
    published = timezone.localdate(job.published_at)
    days = (job.deadline - published).days
    return published + timedelta(days=days // 2) if days >= LONG_PERIOD_DAYS else None


def link_token(job):
    return signing.dumps(job.pk, salt=LINK_SALT, compress=True)


def job_from_token(token):
    """The job a link names, or None when the link is not ours or too old."""
    try:
        pk = signing.loads(token, salt=LINK_SALT, max_age=timedelta(days=LINK_DAYS))
    except signing.BadSignature:
        return None
    return Job.objects.select_related("employer").filter(pk=pk).first() if type(pk) is int else None


def ask_if_still_open(today=None):
    """Ask the members of each employer whose job has a long application period, at its
    halfway point, whether it is still open (one-click links); once per job and deadline."""
    today = today or timezone.localdate()
    jobs = (
        Job.objects.open()
        .filter(published_at__isnull=False, deadline__gt=today)
        .select_related("employer")
        .order_by("pk")
    )
    sent = 0
    for job in jobs:
        middle = halfway(job)
        if middle is None or middle > today:
            continue
        with transaction.atomic():
            if not SentReminder.claim(f"halfway:{job.pk}:{job.deadline}"):
                continue
            context = {"job": job, "token": link_token(job), "site_url": settings.SITE_URL}
            for email, language in job.employer.member_emails():
                send_templated(email, "reports/emails/still_open", context, language)
                sent += 1
    return sent


def tell_applicants_of_closed_jobs(now=None):
    """Tell each applicant still waiting that the job closed, in their language; once per
    application, for jobs closed in the last CLOSED_RECENTLY_DAYS whose employer did not
    turn this off."""
    now = now or timezone.now()
    applications = (
        Application.objects.filter(
            status__in=STILL_WAITING,
            job__status=Job.Status.CLOSED,
            job__tell_applicants_when_closed=True,
            job__closed_at__gte=now - timedelta(days=CLOSED_RECENTLY_DAYS),
        )
        .select_related("job", "job__employer", "applicant")
        .order_by("pk")
    )
    sent = 0
    for application in applications:
        with transaction.atomic():
            if SentReminder.claim(f"closed:{application.pk}"):
                send_templated(
                    application.applicant.email,
                    "reports/emails/job_closed",
                    {"application": application, "job": application.job},
                    application.applicant.language,
                )
                sent += 1
    return sent
