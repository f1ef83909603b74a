from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, models, transaction
from django.db.models import StringAgg, Value
from django.db.models.functions import Cast
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from applications.models import private_storage
from jobs.filters import JobFilter
from jobs.models import Job
from nelinvoimaa.emails import send_templated
from nelinvoimaa.prepared import Prepared
from trainings.filters import TrainingFilter
from trainings.models import Training

# The job list's parameters an alert keeps: what to find, not how to show it (sort, page) nor
# a window relative to today ("posted within a week").
ALERT_PARAMETERS = ("q", "municipality", "sector", "employment_type", "month", "remote", "housing")
# The same of the training list's: not "places left", which changes by the hour.
TRAINING_ALERT_PARAMETERS = ("q", "sector", "municipality", "kind", "format", "month", "language")
TRAINING_ALERT_FLAGS = ("free",)
MAX_ALERTS = 20  # a person's alerts; more is a mistake or abuse
UNSUBSCRIBE_SALT = "jobseekers.alert.unsubscribe"


def _saved_ids_query(user_id):
    """The ids of the jobs a person saved as one row (joined by commas), so that first_rows()
    can read it beside the user (nelinvoimaa/auth.py load_user_along)."""
    ids = StringAgg(Cast("job_id", models.TextField()), Value(","))
    return SavedJob.objects.filter(user_id=user_id).order_by().values("user_id").annotate(ids=ids)


# Compiled once per process (nelinvoimaa/prepared.py): a signed-in job list asks on each view.
saved_ids_row = Prepared(_saved_ids_query, "user_id")


def saved_ids(row):
    """The job ids in a row of saved_ids_row (None or {} when the person saved none)."""
    return {int(pk) for pk in ((row or {}).get("ids") or "").split(",") if pk}


class SavedJobQuerySet(models.QuerySet):
    def ids_for(self, user, jobs):
        """Which of `jobs` the user has saved: one query for a whole list, the same for any
        list (all the person's saved jobs, a few dozen at most in practice)."""
        if not user.is_authenticated:
            return set()
        saved = getattr(user, "saved_job_ids", None)  # read with the user (read_saved_along)
        if saved is None:
            saved = saved_ids(next(iter(saved_ids_row(user_id=user.pk, using=self.db)), None))
        return saved & {job.pk for job in jobs}

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


def understood_search(params, reference=None):
    """What the job list understands of its parameters (jobs.filters.JobFilter): a place named
    in the words chosen as a municipality, values it cannot take left out."""
    return JobFilter(params, reference=reference).understood()


def understood_training_search(params):
    """What the training list understands of its parameters (trainings.filters)."""
    form = TrainingFilter(params).form
    form.is_valid()
    return form.cleaned_data


def alert_query(params, kind="jobs"):
    """The search of the job list's (or training list's) parameters as an alert keeps it:
    what the list understands of them, only ALERT_PARAMETERS, in a stable order."""
    if kind == Alert.Kind.TRAININGS:
        return _training_alert_query(params)
    chosen = understood_search(params)
    query = QueryDict(mutable=True)
    for name in ALERT_PARAMETERS:
        value = chosen.get(name)
        if name == "q" and value:
            query[name] = value
        elif name in {"remote", "housing"} and value:
            query[name] = "on"
        elif isinstance(value, list) and value:
            query.setlist(name, sorted(value, key=lambda v: (len(v), v)))
    return query.urlencode()


def _training_alert_query(params):
    chosen = understood_training_search(params)
    query = QueryDict(mutable=True)
    for name in TRAINING_ALERT_PARAMETERS + TRAINING_ALERT_FLAGS:
        value = chosen.get(name)
        if name in TRAINING_ALERT_FLAGS:
            if value:
                query[name] = "on"
        elif isinstance(value, list):
            if value:
                query.setlist(name, sorted(value, key=lambda v: (len(v), v)))
        elif value:
            query[name] = value
    return query.urlencode()


class Alert(models.Model):
    """A saved search (hakuvahti): e-mails the jobs (or the trainings, by `kind`) that are new
    or newly match it.

    Sending keeps two records: `checked_until`, the high-water mark of the jobs' (trainings')
    updated_at already looked at (one not changed since then cannot newly match), and
    AlertSentJob (AlertSentTraining), those already sent, so none is ever sent twice."""

    class Kind(models.TextChoices):
        JOBS = "jobs", _("Jobs")
        TRAININGS = "trainings", _("Trainings")

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
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.JOBS)
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
    sent_trainings = models.ManyToManyField(
        Training, through="AlertSentTraining", related_name="+", verbose_name=_("trainings sent")
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("job alert")
        verbose_name_plural = _("job alerts")
        indexes = [models.Index(fields=["frequency", "last_sent_at"], name="alert_due")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "query"], name="alert_once_per_search_of_a_kind"
            )
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

    @property
    def is_for_trainings(self):
        return self.kind == self.Kind.TRAININGS

    def get_list_url(self):
        """The job list (training list) showing the search."""
        url = reverse("trainings:list" if self.is_for_trainings else "jobs:list")
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


class AlertSentTraining(models.Model):
    """A training an alert has sent: never again by the same alert."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="sent_training_rows")
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("training sent by an alert")
        verbose_name_plural = _("trainings sent by alerts")
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "training"], name="alert_sends_a_training_once"
            )
        ]

    def __str__(self):
        return f"{self.alert_id} – {self.training_id}"


def profile_cv_path(profile, filename):
    return f"{PROFILE_CV_DIR}/{filename}"


PROFILE_CV_DIR = "profile-cvs"


class OpenTo(models.TextChoices):
    GIGS = "gigs", _("Gigs and short jobs")
    REMOTE = "remote", _("Remote work")
    MENTORING = "mentoring", _("Mentoring")
    VOLUNTEERING = "volunteering", _("Volunteering")
    MOVING = "moving", _("Moving here for good")


class Profile(models.Model):
    """What a jobseeker wants and can do: shown to no one else (private), used for the apply
    form's prefill and for the jobs shown to them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="jobseeker_profile",
        verbose_name=_("user"),
    )
    sectors = models.ManyToManyField(
        "nelinvoimaa.Sector", blank=True, related_name="+", verbose_name=_("sectors")
    )
    occupations = models.CharField(
        _("occupations"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “cook, cleaner”."),
    )
    municipalities = models.ManyToManyField(
        "nelinvoimaa.Municipality",
        blank=True,
        related_name="+",
        verbose_name=_("municipalities where I would work"),
    )
    commute_from = models.CharField(
        _("I can commute from"), max_length=100, blank=True, help_text=_("E.g. “Lahti”.")
    )
    employment_types = models.JSONField(_("employment types"), default=list, blank=True)
    months = models.PositiveSmallIntegerField(_("months available"), default=0)
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    driving_licence = models.BooleanField(_("I have a driving licence"), default=False)
    has_car = models.BooleanField(_("I have a car"), default=False)
    introduction = models.TextField(_("a short introduction"), max_length=2000, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    cv = models.FileField(
        _("CV"), upload_to=profile_cv_path, storage=private_storage, blank=True, max_length=200
    )
    cv_name = models.CharField(_("file name of the CV"), max_length=150, blank=True)
    open_to = models.JSONField(_("I am open to"), default=list, blank=True)
    visible_to_employers = models.BooleanField(
        _("Verified employers may find my anonymous card"),
        default=False,
        help_text=_(
            "The card shows your wishes, months, languages and presence periods, never your "
            "name or contact details. An employer can ask to contact you; you accept or decline."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("jobseeker profile")
        verbose_name_plural = _("jobseeker profiles")

    def __str__(self):
        return str(self.user_id)

    @property
    def month_numbers(self):
        return [n for n in range(1, 13) if self.months & (1 << (n - 1))]

    def replace_cv(self, cv):
        """Store `cv` ((file, original name) from applications.uploads.clean_cv), or remove the
        CV with None; the old file goes once the change is committed."""
        old = self.cv.name
        with transaction.atomic():
            if cv:
                stored, original = cv
                self.cv.save(stored.name, stored, save=False)
                self.cv_name = original
            else:
                self.cv, self.cv_name = "", ""
            self.save(update_fields=["cv", "cv_name", "updated_at"])
        if old and old != self.cv.name:
            transaction.on_commit(lambda: private_storage().delete(old))


class PresencePeriod(models.Model):
    """When a second-home resident is around: “in Sysmä 15.6.–10.8. every year”."""

    profile = models.ForeignKey(
        Profile, on_delete=models.CASCADE, related_name="presence", verbose_name=_("profile")
    )
    municipality = models.ForeignKey(
        "nelinvoimaa.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    starts = models.DateField(_("from"))
    ends = models.DateField(_("until"))
    every_year = models.BooleanField(_("every year"), default=True)

    class Meta:
        ordering = ["starts", "pk"]
        verbose_name = _("presence period")
        verbose_name_plural = _("presence periods")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends__gte=models.F("starts")), name="presence_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.municipality_id}: {self.starts}–{self.ends}"


CONTACT_REQUESTS_PER_DAY = 10  # per employer: enough to recruit, too few to spam


class ContactRequestQuerySet(models.QuerySet):
    def sent_today_by(self, employer):
        return self.filter(employer=employer, created_at__gte=timezone.now() - timedelta(days=1))


class ContactRequest(models.Model):
    """A verified employer asks to contact the person behind an anonymous card; the person
    accepts (the employer then sees their name and contact details) or declines."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.CASCADE,
        related_name="contact_requests",
        verbose_name=_("employer"),
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    profile = models.ForeignKey(
        Profile,
        on_delete=models.CASCADE,
        related_name="contact_requests",
        verbose_name=_("jobseeker profile"),
    )
    message = models.TextField(_("message"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    objects = ContactRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        constraints = [
            models.UniqueConstraint(
                fields=["employer", "profile"], name="contact_request_once_per_employer"
            )
        ]

    def __str__(self):
        return f"{self.employer_id} → {self.profile_id}"

    def answer(self, accept):
        """Accept or decline, once; the employer's members are told by e-mail."""
        with transaction.atomic():
            updated = ContactRequest.objects.filter(pk=self.pk, status=self.Status.PENDING).update(
                status=self.Status.ACCEPTED if accept else self.Status.DECLINED,
                answered_at=timezone.now(),
            )
            self.refresh_from_db()
            if updated:
                for email, language in self.employer.member_emails():
                    send_templated(
                        email,
                        "jobseekers/emails/contact_answered",
                        {"request": self, "site_url": settings.SITE_URL},
                        language,
                    )
        return bool(updated)


class ContactBlock(models.Model):
    """Staff stop an employer from searching cards and sending requests (abuse)."""

    employer = models.OneToOneField(
        "employers.Employer",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("employer"),
    )
    reason = models.CharField(_("reason"), max_length=300)
    created_at = models.DateTimeField(_("blocked"), auto_now_add=True)

    class Meta:
        verbose_name = _("employer blocked from contacting jobseekers")
        verbose_name_plural = _("employers blocked from contacting jobseekers")

    def __str__(self):
        return str(self.employer_id)
