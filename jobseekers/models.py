from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, models, transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from jobs.filters import open_jobs_filter
from jobs.models import Job

# The job list's parameters an alert keeps: what to find, not how to show it (sort, page) nor
# a window relative to today ("posted within a week").
ALERT_PARAMETERS = ("q", "municipality", "sector", "employment_type", "month", "remote", "housing")
MAX_ALERTS = 20  # a person's alerts; more is a mistake or abuse
UNSUBSCRIBE_SALT = "jobseekers.alert.unsubscribe"


class SavedJobQuerySet(models.QuerySet):
    def ids_for(self, user, jobs):
        """Which of `jobs` the user has saved: one query for a whole list."""
        if not user.is_authenticated:
            return set()
        return set(
            self.filter(user=user, job__in=[job.pk for job in jobs]).values_list(
                "job_id", flat=True
            )
        )

    def save_for(self, user, job):
        """Save `job` for `user`; saving it twice keeps one (a double click, two tabs)."""
        try:
            with transaction.atomic():
                return self.get_or_create(user=user, job=job)[0]
        except IntegrityError:  # the other request saved it a moment ago
            return self.get(user=user, job=job)

    def due_reminders(self, today=None):
        """Saved open jobs whose deadline is in REMINDER_DAYS, not yet reminded of."""
        today = today or timezone.localdate()
        return self.filter(
            reminded_at__isnull=True,
            user__is_active=True,
            job__status=Job.Status.PUBLISHED,
            job__deadline=today + timedelta(days=REMINDER_DAYS),
        )


REMINDER_DAYS = 2


class SavedJob(models.Model):
    """A job a person has saved for later (a bookmark)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_jobs",
        verbose_name=_("user"),
    )
    job = models.ForeignKey(
        Job, on_delete=models.CASCADE, related_name="saved_by", verbose_name=_("job")
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)
    remind = models.BooleanField(
        _("remind me by e-mail two days before the deadline"), default=True
    )
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    objects = SavedJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("saved job")
        verbose_name_plural = _("saved jobs")
        constraints = [
            models.UniqueConstraint(fields=["user", "job"], name="saved_job_once_per_user")
        ]

    def __str__(self):
        return f"{self.user_id} – {self.job_id}"


def alert_query(params):
    """The search of the job list's parameters as an alert keeps it: what the job list
    understands of them (jobs.filters), only ALERT_PARAMETERS, in a stable order."""
    understood = open_jobs_filter(params).data
    query = QueryDict(mutable=True)
    for name in ALERT_PARAMETERS:
        values = [value for value in understood.getlist(name) if value]
        if values:
            query.setlist(name, sorted(values) if name != "q" else values[:1])
    return query.urlencode()


class Alert(models.Model):
    """A saved search (hakuvahti): e-mails the jobs that are new or newly match it.

    Sending keeps two records: `checked_until`, the high-water mark of the jobs' updated_at
    already looked at (a job not changed since then cannot newly match), and AlertSentJob, the
    jobs already sent, so no job is ever sent twice."""

    class Frequency(models.TextChoices):
        IMMEDIATELY = "immediately", _("Immediately")
        DAILY = "daily", _("Once a day")
        WEEKLY = "weekly", _("Once a week")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="job_alerts",
        verbose_name=_("user"),
    )
    query = models.CharField(_("search"), max_length=1000, blank=True)
    frequency = models.CharField(
        _("how often"), max_length=12, choices=Frequency.choices, default=Frequency.DAILY
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    checked_until = models.DateTimeField(_("checked until"), default=timezone.now)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    sent_jobs = models.ManyToManyField(
        Job, through="AlertSentJob", related_name="+", verbose_name=_("jobs sent")
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("job alert")
        verbose_name_plural = _("job alerts")
        indexes = [models.Index(fields=["frequency", "last_sent_at"], name="alert_due")]
        constraints = [
            models.UniqueConstraint(fields=["user", "query"], name="alert_once_per_search")
        ]

    def __str__(self):
        return f"{self.user_id}: {self.query}"

    PERIODS = {
        Frequency.IMMEDIATELY: timedelta(0),
        # A little less than the period, so a daily run a few minutes early still sends.
        Frequency.DAILY: timedelta(hours=23),
        Frequency.WEEKLY: timedelta(days=6, hours=23),
    }

    @classmethod
    def due(cls, now=None):
        """The alerts whose time to send has come."""
        now = now or timezone.now()
        condition = models.Q()
        for frequency, period in cls.PERIODS.items():
            condition |= models.Q(frequency=frequency) & (
                models.Q(last_sent_at__isnull=True) | models.Q(last_sent_at__lte=now - period)
            )
        return cls.objects.filter(condition, user__is_active=True)

    @property
    def params(self):
        return QueryDict(self.query)

    def get_jobs_url(self):
        url = reverse("jobs:list")
        return f"{url}?{self.query}" if self.query else url

    def unsubscribe_token(self):
        return signing.dumps(self.pk, salt=UNSUBSCRIBE_SALT)

    def unsubscribe_url(self):
        """The one-click link, in the user's language; works without signing in."""
        with translation.override(self.user.language):
            path = reverse("jobseekers:unsubscribe", args=[self.unsubscribe_token()])
        return settings.SITE_URL + path

    @classmethod
    def from_token(cls, token):
        """The alert a signed link names, or None (a forged link, or one already gone)."""
        try:
            pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        except signing.BadSignature:
            return None
        return cls.objects.filter(pk=pk).first() if isinstance(pk, int) else None


class AlertSentJob(models.Model):
    """A job an alert has sent: never again by the same alert."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="sent")
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("job sent by an alert")
        verbose_name_plural = _("jobs sent by alerts")
        constraints = [
            models.UniqueConstraint(fields=["alert", "job"], name="alert_sends_a_job_once")
        ]

    def __str__(self):
        return f"{self.alert_id} – {self.job_id}"
