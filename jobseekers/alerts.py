"""Sending job alerts (and training alerts): idempotent and batched.

Each due alert gets the open jobs that match its search, changed (published, edited) after its
high-water mark `checked_until`, and not sent by it before (AlertSentJob). The sent rows, the
new mark and the e-mail's task are saved in one transaction per alert: a run killed half-way
has sent exactly the alerts it committed, and the next run sends the rest.

Work per run: one query for the open jobs changed since the oldest mark (with the columns the
filters look at), one search per distinct set of words over those jobs only, the other choices
checked in memory (Matcher); then per batch of BATCH alerts, one query for the jobs they have
sent and one for the jobs to list, and one small transaction per alert that sends.

Training alerts go the same way with far fewer rows: the upcoming published trainings changed
since the oldest mark, each distinct search run once through the training list's own filters
(trainings.filters) over those trainings only, AlertSentTraining keeping what was sent.
"""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from jobs.filters import LIST_RELATED, JobFilter, reference_choices
from jobs.models import Job
from jobs.search import search, terms
from trainings.filters import LIST_RELATED as TRAINING_LIST_RELATED
from trainings.filters import TrainingFilter
from trainings.filters import reference_choices as training_choices
from trainings.models import Training

from .models import (
    TRAINING_ALERT_FLAGS,
    TRAINING_ALERT_PARAMETERS,
    Alert,
    AlertSentJob,
    AlertSentTraining,
    understood_search,
)
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


def describe_trainings(params, fields=None):
    """A training search in words, as describe() a job search. `fields`: the training list's
    form fields, to describe many searches with the choices read once."""
    fields = fields or TrainingFilter().form.fields
    words = []
    if params.get("q"):
        words.append(f"“{params['q'][:60]}”")
    for name in TRAINING_ALERT_PARAMETERS[1:]:
        labels = {str(key): label for key, label in fields[name].choices if key}
        words += [str(labels[value]) for value in params.getlist(name) if value in labels]
    for name in TRAINING_ALERT_FLAGS:
        if params.get(name) in {"on", "true"}:
            words.append(str(fields[name].label))
    return words


def with_descriptions(alerts):
    """The alerts, each with `words`: its search described (two queries for any number of
    job alerts, two more when there are training alerts)."""
    alerts = list(alerts)
    reference = reference_choices() if any(not a.is_for_trainings for a in alerts) else None
    training_fields = (
        TrainingFilter().form.fields if any(a.is_for_trainings for a in alerts) else None
    )
    for alert in alerts:
        if alert.is_for_trainings:
            alert.words = describe_trainings(alert.params, training_fields)
        else:
            alert.words = describe(alert.params, reference)
    return alerts


def send_due_alerts(now=None, batch=BATCH):
    """Send every due alert its new jobs or trainings; returns the number of e-mails queued."""
    now = now or timezone.now()
    due = list(Alert.due(now).order_by("pk").values_list("pk", "kind", "checked_until"))
    until = now - SETTLE
    queued = 0
    for kind, send in ((Alert.Kind.JOBS, _send_jobs), (Alert.Kind.TRAININGS, _send_trainings)):
        ids = [pk for pk, of_kind, _mark in due if of_kind == kind]
        if ids:
            since = min(mark for _pk, of_kind, mark in due if of_kind == kind)
            queued += send(ids, since, now, until, batch)
    return queued


def _send_jobs(ids, since, now, until, batch):
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
        self._references = {translation.get_language(): self.reference}
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

    def reference_in(self, language):
        """The choices named in `language`, for describing a search in a person's e-mail."""
        if language not in self._references:
            with translation.override(language):
                self._references[language] = reference_choices()
        return self._references[language]

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
    return _send_new(
        alerts,
        new,
        Job.objects.select_related(*LIST_RELATED),
        until,
        lambda alert, job: AlertSentJob(alert=alert, job=job, sent_at=now),
        lambda alert, jobs: alert_message(alert, jobs, matcher.reference_in(alert.user.language)),
    )


def _send_trainings(ids, since, now, until, batch):
    """The training alerts' turn: the trainings are few (dozens a month), so each distinct
    search runs once through the training list's own filters, over the changed ones only."""
    changed = dict(
        Training.objects.upcoming()
        .filter(updated_at__gt=since, updated_at__lte=until)
        .values_list("pk", "updated_at")
    )
    if not changed:
        Alert.objects.filter(pk__in=ids, checked_until__lt=until).update(checked_until=until)
        return 0
    reference = training_choices()
    fields = TrainingFilter(reference=reference).form.fields
    found = {}
    queued = 0
    for start in range(0, len(ids), batch):
        alerts = list(
            Alert.objects.filter(pk__in=ids[start : start + batch])
            .select_related("user")
            .order_by("pk")
        )
        for query in {alert.query for alert in alerts} - set(found):
            candidates = Training.objects.filter(pk__in=list(changed))
            training_filter = TrainingFilter(
                QueryDict(query), queryset=candidates, reference=reference
            )
            found[query] = set(training_filter.qs.order_by().values_list("pk", flat=True))
        sent = defaultdict(set)
        rows = AlertSentTraining.objects.filter(alert__in=alerts, training_id__in=list(changed))
        for alert_id, training_id in rows.values_list("alert_id", "training_id"):
            sent[alert_id].add(training_id)
        new = {
            alert.pk: [
                pk
                for pk in found[alert.query]
                if changed[pk] > alert.checked_until and pk not in sent[alert.pk]
            ]
            for alert in alerts
        }
        queued += _send_new(
            alerts,
            new,
            Training.objects.select_related(*TRAINING_LIST_RELATED),
            until,
            lambda alert, training: AlertSentTraining(alert=alert, training=training, sent_at=now),
            lambda alert, trainings: training_alert_message(alert, trainings, fields),
        )
    return queued


def _send_new(alerts, new, items, until, sent_row, message):
    """The end of a batch, for job and training alerts alike: each alert with something new
    (`new`: {alert pk: pks of `items`}) records and queues its e-mail (`sent_row(alert,
    item)`, `message(alert, items)`); the others only move their mark."""
    found = items.in_bulk({pk for pks in new.values() for pk in pks})
    quiet = [alert.pk for alert in alerts if not new[alert.pk]]
    # Nothing to send: only the mark moves (a later run may pass the same items again safely).
    Alert.objects.filter(pk__in=quiet, checked_until__lt=until).update(checked_until=until)
    queued = 0
    for alert in alerts:
        if new[alert.pk]:
            listed = [found[pk] for pk in new[alert.pk]]
            queued += _send_one(
                alert,
                [sent_row(alert, item) for item in listed],
                until,
                lambda alert=alert, listed=listed: message(alert, listed),
            )
    return queued


def _send_one(alert, sent_rows, until, message):
    """Record and queue one alert's e-mail, or nothing if another run has just done it.
    `sent_rows`: the AlertSentJob (AlertSentTraining) rows of what it sends; `message`: makes
    the e-mail."""
    now = sent_rows[0].sent_at
    try:
        with transaction.atomic():
            current = Alert.objects.select_for_update().filter(pk=alert.pk).first()
            if current is None or current.checked_until != alert.checked_until:
                return 0  # deleted, or sent by a run at the same time
            type(sent_rows[0]).objects.bulk_create(sent_rows)
            Alert.objects.filter(pk=alert.pk).update(checked_until=until, last_sent_at=now)
            queue_with_change(**message())
    except IntegrityError:  # a run at the same time sent one of these
        return 0
    return 1


def alert_message(alert, jobs, reference=None):
    """The e-mail's parts, in the user's language, with the one-click unsubscribe headers
    (RFC 8058)."""
    with translation.override(alert.user.language):
        context = {
            # The newest first, at most EMAIL_JOBS: the rest are one click away (search_url).
            "jobs": sorted(jobs, key=lambda job: job.published_at or job.updated_at, reverse=True)[
                :EMAIL_JOBS
            ],
            "search": ", ".join(describe(alert.params, reference)),
        }
        return _message(alert, "alert", context, len(jobs))


def training_alert_message(alert, trainings, fields=None):
    """A training alert's e-mail, as alert_message: the soonest trainings first."""
    with translation.override(alert.user.language):
        context = {
            "trainings": sorted(trainings, key=lambda t: (t.starts_at is None, t.starts_at, t.pk))[
                :EMAIL_JOBS
            ],
            "search": ", ".join(describe_trainings(alert.params, fields)),
        }
        return _message(alert, "training_alert", context, len(trainings))


def _message(alert, template, context, count):
    unsubscribe = alert.unsubscribe_url()
    with translation.override(alert.user.language):
        context |= {
            "alert": alert,
            "count": count,
            "more": max(count - EMAIL_JOBS, 0),
            "site_url": settings.SITE_URL,
            "search_url": settings.SITE_URL + alert.get_list_url(),
            "alerts_url": settings.SITE_URL + reverse("jobseekers:alerts"),
            "unsubscribe_url": unsubscribe,
        }
        subject = render_to_string(f"jobseekers/emails/{template}_subject.txt", context)
        body = render_to_string(f"jobseekers/emails/{template}_body.txt", context)
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
