"""Sending job alerts: idempotent and batched.

Each due alert gets the open jobs that match its search, changed (published, edited) after its
high-water mark `checked_until`, and not sent by it before (AlertSentJob). The sent rows, the
new mark and the e-mail's task are saved in one transaction per alert: a run killed half-way
has sent exactly the alerts it committed, and the next run sends the rest.

Work per run: one query for the open jobs changed since the oldest mark (with the columns the
filters look at), one search per distinct set of words over those jobs only, the other choices
checked in memory (Matcher); then per batch of BATCH alerts, one query for the jobs they have
sent and one for the jobs to list, and one small transaction per alert that sends.
"""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Min
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from jobs.filters import LIST_RELATED, JobFilter, reference_choices
from jobs.models import Job
from jobs.search import search, terms

from .models import Alert, AlertSentJob, understood_search
from .tasks import queue_with_change

BATCH = 500
EMAIL_JOBS = 20  # jobs listed in one e-mail
MAX_IDS = 5000  # changed jobs asked for by primary key; more, by their dates
# A job saved a moment ago may not be committed yet: a run looks only at jobs changed at least
# this long ago, so the next run still sees one that was committed late.
SETTLE = timedelta(minutes=2)


def describe(params, reference=None):
    """The search in words, for people: ["“kokki”", "Sysmä", "Summer job", ...]."""
    job_filter = JobFilter(params, reference=reference)
    fields = job_filter.form.fields
    words = []
    if params.get("q"):
        words.append(f"“{params['q'][:60]}”")
    for name in ("municipality", "sector", "employment_type", "month"):
        labels = {str(key): label for key, label in fields[name].choices if key}
        words += [str(labels[value]) for value in params.getlist(name) if value in labels]
    for name in ("remote", "housing"):
        if params.get(name) in {"on", "true"}:
            words.append(str(fields[name].label))
    return words


def with_descriptions(alerts):
    """The alerts, each with `words`: its search described (two queries for any number)."""
    alerts = list(alerts)
    reference = reference_choices() if alerts else None
    for alert in alerts:
        alert.words = describe(alert.params, reference)
    return alerts


def send_due_alerts(now=None, batch=BATCH):
    """Send every due alert its new jobs; returns the number of e-mails queued."""
    now = now or timezone.now()
    due = Alert.due(now)
    ids = list(due.order_by("pk").values_list("pk", flat=True))
    if not ids:
        return 0
    until = now - SETTLE
    since = due.aggregate(since=Min("checked_until"))["since"]
    # The open jobs changed since the oldest mark: a few hundred a day. Each search runs once
    # for the whole run, over these jobs only (by primary key), however many alerts share it.
    changed = dict(
        Job.objects.open()
        .filter(updated_at__gt=since, updated_at__lte=until)
        .values_list("pk", "updated_at")
    )
    matcher = Matcher(changed)
    queued = 0
    for start in range(0, len(ids), batch):
        alerts = list(
            Alert.objects.filter(pk__in=ids[start : start + batch])
            .select_related("user")
            .order_by("pk")
        )
        queued += _send_batch(alerts, now, until, changed, matcher)
    return queued


class Matcher:
    """Which of the changed jobs each search finds. The words are the costly part: each
    distinct set of words is searched once (jobs.search, over the changed jobs only); the
    choices (municipality, sector, type, months, remote, housing) are then checked on the
    jobs in memory, as the job list's filters do (jobs/filters.py: any value of a filter,
    every filter)."""

    FIELDS = (
        "municipality_id",
        "sector_id",
        "employment_type",
        "work_months",
        "is_remote",
        "housing_offered",
    )

    def __init__(self, changed):
        self.reference = reference_choices()
        if len(changed) <= MAX_IDS:
            queryset = Job.objects.open().filter(pk__in=list(changed))
        else:  # a first run over a large site: the same jobs, by their dates
            queryset = Job.objects.open().filter(
                updated_at__gt=min(changed.values()), updated_at__lte=max(changed.values())
            )
        self.queryset = queryset
        self.jobs = (
            {row["pk"]: row for row in queryset.values("pk", *self.FIELDS)} if changed else {}
        )
        self.by_words = {}
        self.found = {}

    def __call__(self, query):
        if query not in self.found:
            self.found[query] = self._match(query) if self.jobs else []
        return self.found[query]

    def _match(self, query):
        chosen = understood_search(QueryDict(query), self.reference)
        words = " ".join(terms(chosen.get("q") or ""))
        if words:
            if words not in self.by_words:
                found = search(self.queryset, words).order_by().values_list("pk", flat=True)
                self.by_words[words] = set(found)
            candidates = [self.jobs[pk] for pk in self.by_words[words] if pk in self.jobs]
        else:
            candidates = self.jobs.values()
        choices = {
            "municipality_id": {int(v) for v in chosen.get("municipality") or []},
            "sector_id": {int(v) for v in chosen.get("sector") or []},
            "employment_type": set(chosen.get("employment_type") or []),
        }
        months = sum(1 << (int(v) - 1) for v in chosen.get("month") or [])
        required = [
            field
            for name, field in (("remote", "is_remote"), ("housing", "housing_offered"))
            if chosen.get(name)
        ]
        return [
            job["pk"]
            for job in candidates
            if all(not values or job[field] in values for field, values in choices.items())
            and (not months or job["work_months"] & months)
            and all(job[field] for field in required)
        ]


def _send_batch(alerts, now, until, changed, matcher):
    matches = {query: matcher(query) for query in {alert.query for alert in alerts}}
    sent = defaultdict(set)
    matched = {pk for pks in matches.values() for pk in pks}
    if matched:
        rows = AlertSentJob.objects.filter(alert__in=alerts, job_id__in=matched)
        for alert_id, job_id in rows.values_list("alert_id", "job_id"):
            sent[alert_id].add(job_id)
    new = {
        alert.pk: [
            pk
            for pk in matches[alert.query]
            if pk in changed and changed[pk] > alert.checked_until and pk not in sent[alert.pk]
        ]
        for alert in alerts
    }
    jobs = Job.objects.select_related(*LIST_RELATED).in_bulk(
        {pk for pks in new.values() for pk in pks}
    )
    quiet = [alert.pk for alert in alerts if not new[alert.pk]]
    # Nothing to send: only the mark moves (a later run may pass the same jobs again safely).
    Alert.objects.filter(pk__in=quiet, checked_until__lt=until).update(checked_until=until)
    queued = 0
    for alert in alerts:
        if new[alert.pk]:
            queued += _send_one(
                alert, [jobs[pk] for pk in new[alert.pk]], until, now, matcher.reference
            )
    return queued


def _send_one(alert, jobs, until, now, reference):
    """Record and queue one alert's e-mail, or nothing if another run has just done it."""
    try:
        with transaction.atomic():
            current = Alert.objects.select_for_update().filter(pk=alert.pk).first()
            if current is None or current.checked_until != alert.checked_until:
                return 0  # deleted, or sent by a run at the same time
            AlertSentJob.objects.bulk_create(
                [AlertSentJob(alert=alert, job=job, sent_at=now) for job in jobs]
            )
            Alert.objects.filter(pk=alert.pk).update(checked_until=until, last_sent_at=now)
            message = alert_message(alert, jobs, reference)
            queue_with_change(**message)
    except IntegrityError:  # a run at the same time sent one of these jobs
        return 0
    return 1


def alert_message(alert, jobs, reference=None):
    """The e-mail's parts, in the user's language, with the one-click unsubscribe headers
    (RFC 8058)."""
    unsubscribe = alert.unsubscribe_url()
    with translation.override(alert.user.language):
        context = {
            "alert": alert,
            # The newest first, at most EMAIL_JOBS: the rest are one click away (search_url).
            "jobs": sorted(jobs, key=lambda job: job.published_at or job.updated_at, reverse=True)[
                :EMAIL_JOBS
            ],
            "count": len(jobs),
            "more": max(len(jobs) - EMAIL_JOBS, 0),
            "search": ", ".join(describe(alert.params, reference)),
            "site_url": settings.SITE_URL,
            "search_url": settings.SITE_URL + alert.get_jobs_url(),
            "alerts_url": settings.SITE_URL + reverse("jobseekers:alerts"),
            "unsubscribe_url": unsubscribe,
        }
        subject = render_to_string("jobseekers/emails/alert_subject.txt", context)
        body = render_to_string("jobseekers/emails/alert_body.txt", context)
    return {
        "subject": " ".join(subject.split()),
        "body": body,
        "to": [alert.user.email],
        "from_email": settings.DEFAULT_FROM_EMAIL,
        "headers": {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    }


def send_deadline_reminders(today=None):
    """E-mail each saved job's reminder once, REMINDER_DAYS before its deadline; a row is
    marked reminded in the same transaction that queues its e-mail."""
    from nelinvoimaa.emails import send_templated

    from .models import SavedJob

    today = today or timezone.localdate()
    queued = 0
    due = SavedJob.objects.due_reminders(today).filter(remind=True)
    for saved in due.select_related("user", "job", "job__employer").order_by("pk").iterator():
        with transaction.atomic():
            marked = SavedJob.objects.filter(pk=saved.pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            )
            if marked:
                send_templated(
                    saved.user.email,
                    "jobseekers/emails/reminder",
                    {"job": saved.job, "site_url": settings.SITE_URL},
                    saved.user.language,
                )
                queued += 1
    return queued
