import calendar
from datetime import date

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.emails import send_templated
from nelinvoimaa.models import AuditEntry

from .search import refresh_search_vectors

ALL_MONTHS = 0b111111111111


class EmploymentType(models.TextChoices):
    PERMANENT = "permanent", _("Permanent")
    FIXED_TERM = "fixed_term", _("Fixed-term")
    SEASONAL = "seasonal", _("Seasonal job")
    SUMMER = "summer", _("Summer job")
    PART_TIME = "part_time", _("Part-time")
    GIG = "gig", _("Gig work or light entrepreneurship")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
    INTERNSHIP = "internship", _("Internship")


# A job of these types runs for a known period: both dates are required.
DATED_TYPES = {EmploymentType.FIXED_TERM, EmploymentType.SEASONAL, EmploymentType.SUMMER}


class WorkingTime(models.TextChoices):
    FULL_TIME = "full_time", _("Full-time")
    PART_TIME = "part_time", _("Part-time")
    SHIFT = "shift", _("Shift work")


class ApplyMethod(models.TextChoices):
    HERE = "here", _("Apply here in Nelinvoimaa")
    LINK = "link", _("Apply through a link")
    EMAIL = "email", _("Apply by e-mail")


class PayUnit(models.TextChoices):
    HOUR = "hour", _("per hour")
    MONTH = "month", _("per month")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    CLOSED = "closed", _("Closed")


# Paths under /jobs/<id>/ that a job's own slug must not take.
RESERVED_SLUGS = {"manage", "edit", "submit", "close", "post-again", "apply", "applicants"}


class TransitionError(Exception):
    """The job is not in a state where this can be done (perhaps someone just did it)."""


def open_condition(prefix=""):
    """The condition for an open job (published, deadline not passed), e.g. with prefix
    "jobs__" to count the open jobs of employers or municipalities."""
    return Q(
        **{f"{prefix}status": Status.PUBLISHED, f"{prefix}deadline__gte": timezone.localdate()}
    )


class JobQuerySet(models.QuerySet):
    def open(self):
        """Published jobs whose application deadline has not passed, even before the daily
        task closes them."""
        return self.filter(open_condition())

    def public(self):
        """Jobs anyone may open: open, and closed ones (which say they are closed)."""
        return self.filter(status__in=[Status.PUBLISHED, Status.CLOSED])

    def for_member(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(employer__memberships__user=user)

    def for_moderator(self, user):
        """Jobs in the staff member's municipalities (a remote job by its employer's)."""
        if user.is_superuser:
            return self
        if not user.is_staff:
            return self.none()
        municipalities = user.municipalities.all()
        return self.filter(
            Q(municipality__in=municipalities)
            | Q(municipality__isnull=True, employer__municipality__in=municipalities)
        )

    def review_queue(self):
        return self.filter(status=Status.SUBMITTED).order_by("submitted_at", "pk")


class Job(models.Model):
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.CASCADE,
        related_name="jobs",
        verbose_name=_("employer"),
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"))
    # Marked on the posting's text (lang="…"), so a screen reader reads a Finnish posting in
    # Finnish on the English pages too (WCAG 3.1.2).
    language = models.CharField(
        _("language of the posting"),
        max_length=2,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    municipality = models.ForeignKey(
        "nelinvoimaa.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="jobs",
        verbose_name=_("municipality"),
    )
    is_remote = models.BooleanField(_("remote or elsewhere"), default=False)
    address = models.CharField(_("address of the workplace"), max_length=200, blank=True)
    sector = models.ForeignKey(
        "nelinvoimaa.Sector",
        on_delete=models.PROTECT,
        related_name="jobs",
        verbose_name=_("sector"),
    )
    employment_type = models.CharField(
        _("employment type"), max_length=20, choices=EmploymentType.choices
    )
    working_time = models.CharField(
        _("working time"), max_length=20, choices=WorkingTime.choices, default=WorkingTime.FULL_TIME
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    positions = models.PositiveSmallIntegerField(_("number of positions"), default=1)
    pay_min = models.DecimalField(
        _("pay from"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    pay_max = models.DecimalField(
        _("pay up to"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    pay_unit = models.CharField(_("pay unit"), max_length=10, choices=PayUnit.choices, blank=True)
    pay_description = models.CharField(
        _("pay, in words"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “according to the collective agreement” or the benefits."),
    )
    languages = models.CharField(_("languages required"), max_length=150, blank=True)
    driving_licence = models.BooleanField(_("driving licence required"), default=False)
    hygiene_passport = models.BooleanField(_("hygiene passport required"), default=False)
    first_aid_card = models.BooleanField(_("first aid card required"), default=False)
    safety_card = models.BooleanField(_("occupational safety card required"), default=False)
    other_requirements = models.TextField(_("other requirements"), blank=True)
    housing_offered = models.BooleanField(_("housing offered"), default=False)
    housing_details = models.CharField(_("about the housing"), max_length=300, blank=True)
    apply_method = models.CharField(
        _("how to apply"), max_length=10, choices=ApplyMethod.choices, default=ApplyMethod.HERE
    )
    apply_url = models.URLField(_("application link"), blank=True)
    apply_email = models.EmailField(_("application e-mail"), blank=True)
    deadline = models.DateField(_("application deadline"))
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("copied from"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Derived on save: which months of the year the job runs in (bit 0 = January; none for an
    # ongoing job without an end), and the words it is found by (PostgreSQL; jobs/search.py).
    work_months = models.PositiveSmallIntegerField(default=0, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        permissions = [("moderate_job", _("Can moderate jobs"))]
        indexes = [
            models.Index(fields=["status", "deadline"], name="job_status_deadline"),
            models.Index(fields=["status", "-published_at"], name="job_status_published"),
            # Counting open jobs by what the list filters on reads only this index: one
            # entry per published job, with every column the counts need.
            models.Index(
                fields=["deadline"],
                include=[
                    "municipality_id",
                    "sector_id",
                    "employment_type",
                    "work_months",
                    "is_remote",
                    "housing_offered",
                    "published_at",
                ],
                condition=Q(status="published"),
                name="job_published_counts",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="job_end_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.work_months = work_months_mask(self.start_date, self.end_date)
        super().save(*args, **kwargs)
        refresh_search_vectors([self.pk])

    @property
    def slug(self):
        slug = slugify(self.title)[:80] or "job"
        return f"{slug}-job" if slug in RESERVED_SLUGS else slug

    def get_absolute_url(self):
        return reverse("jobs:detail", args=[self.pk, self.slug])

    # Rules a posting must satisfy to be saved at all (drafts included).
    def clean(self):
        errors = {}
        if self.employment_type in DATED_TYPES:
            if not self.start_date:
                errors["start_date"] = _("A %(type)s needs a start date.") % {
                    "type": self.get_employment_type_display().lower()
                }
            if not self.end_date:
                errors["end_date"] = _("A %(type)s needs an end date.") % {
                    "type": self.get_employment_type_display().lower()
                }
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.apply_method == ApplyMethod.LINK and not self.apply_url:
            errors["apply_url"] = _("Give the link where to apply.")
        if self.apply_method == ApplyMethod.EMAIL and not self.apply_email:
            errors["apply_email"] = _("Give the e-mail address where to send applications.")
        if not self.municipality_id and not self.is_remote:
            errors["municipality"] = _("Choose a municipality, or remote or elsewhere.")
        if self.pay_min and self.pay_max and self.pay_max < self.pay_min:
            errors["pay_max"] = _("The upper end of the pay cannot be below the lower end.")
        if (self.pay_min or self.pay_max) and not self.pay_unit:
            errors["pay_unit"] = _("Say whether the pay is per hour or per month.")
        if errors:
            raise ValidationError(errors)

    def check_ready(self):
        """Rules for going public, checked when submitting: the deadline is not past."""
        self.full_clean()
        if self.deadline < timezone.localdate():
            raise ValidationError(
                {"deadline": _("The application deadline cannot be in the past.")}
            )

    @property
    def is_open(self):
        return self.status == Status.PUBLISHED and self.deadline >= timezone.localdate()

    @property
    def is_editable(self):
        return self.status in {Status.DRAFT, Status.REJECTED, Status.PUBLISHED}

    @property
    def location(self):
        if self.is_remote and not self.municipality_id:
            return _("Remote or elsewhere")
        return self.municipality.name if self.municipality_id else ""

    @property
    def requirement_list(self):
        labels = [
            (self.driving_licence, _("driving licence")),
            (self.hygiene_passport, _("hygiene passport")),
            (self.first_aid_card, _("first aid card")),
            (self.safety_card, _("occupational safety card")),
        ]
        return [label for required, label in labels if required]

    def latest_rejection(self):
        return self.events.filter(action__in=[Action.REJECTED, Action.UNPUBLISHED]).first()

    # State changes: each locks the row, checks the state it starts from, records who, when
    # and why, and tells the employer's members by e-mail after commit.
    def _transition(self, actor, allowed, to_status, action, reason="", **fields):
        with transaction.atomic():
            job = Job.objects.select_for_update().get(pk=self.pk)
            if job.status not in allowed:
                raise TransitionError(job.get_status_display())
            now = timezone.now()
            job.status = to_status
            if to_status == Status.PUBLISHED:
                job.published_at = now
            if to_status == Status.SUBMITTED:
                job.submitted_at = now
            if to_status == Status.CLOSED:
                job.closed_at = now
            for name, value in fields.items():
                setattr(job, name, value)
            job.save()
            event = JobEvent.objects.create(
                job=job, action=action, actor=actor, reason=reason, status=to_status
            )
            job.notify_members(event)
        self.refresh_from_db()
        return event

    def submit(self, user):
        """Send for review; a verified employer's job is published at once."""
        self.check_ready()
        if self.employer.is_verified:
            return self._transition(
                user,
                {Status.DRAFT, Status.REJECTED},
                Status.PUBLISHED,
                Action.PUBLISHED,
                submitted_at=timezone.now(),
            )
        return self._transition(
            user, {Status.DRAFT, Status.REJECTED}, Status.SUBMITTED, Action.SUBMITTED
        )

    def approve(self, moderator):
        return self._transition(moderator, {Status.SUBMITTED}, Status.PUBLISHED, Action.APPROVED)

    def reject(self, moderator, reason):
        if not reason.strip():
            raise ValidationError(_("Give a reason, so the employer knows what to fix."))
        return self._transition(
            moderator, {Status.SUBMITTED}, Status.REJECTED, Action.REJECTED, reason.strip()
        )

    def unpublish(self, moderator, reason):
        if not reason.strip():
            raise ValidationError(_("Give a reason, so the employer knows what to fix."))
        return self._transition(
            moderator, {Status.PUBLISHED}, Status.REJECTED, Action.UNPUBLISHED, reason.strip()
        )

    def close(self, user, reason=""):
        """Close early, e.g. when the position is filled."""
        return self._transition(
            user, {Status.PUBLISHED, Status.SUBMITTED}, Status.CLOSED, Action.CLOSED, reason
        )

    def expire(self):
        """Close a published job whose deadline has passed (the daily task)."""
        if self.deadline >= timezone.localdate():
            raise TransitionError(self.get_status_display())
        return self._transition(None, {Status.PUBLISHED}, Status.CLOSED, Action.EXPIRED)

    def record_edit(self, user):
        """After a member edits a published job of an unverified employer, it is reviewed
        again."""
        if self.status == Status.PUBLISHED and not self.employer.is_verified:
            return self._transition(
                user, {Status.PUBLISHED}, Status.SUBMITTED, Action.EDITED_FOR_REVIEW
            )
        return None

    @transaction.atomic
    def post_again(self, user):
        """A new draft copied from this closed job, its dates a year later."""
        if self.status != Status.CLOSED:
            raise TransitionError(self.get_status_display())
        copy = Job.objects.get(pk=self.pk)
        copy.pk = None
        copy.status = Status.DRAFT
        copy.submitted_at = copy.published_at = copy.closed_at = None
        copy.created_by = user
        copy.copied_from = self
        copy.start_date = one_year_later(self.start_date)
        copy.end_date = one_year_later(self.end_date)
        copy.deadline = one_year_later(self.deadline)
        copy._state.adding = True
        copy.save()
        JobEvent.objects.create(job=copy, action=Action.CREATED, actor=user, status=Status.DRAFT)
        return copy

    def notify_members(self, event):
        for email, language in self.employer.member_emails():
            send_templated(
                email,
                "jobs/emails/job_status",
                {"job": self, "event": event, "site_url": settings.SITE_URL},
                language,
            )


def work_months_mask(start, end):
    """The months a dated job runs in as bits (January = 1); none for an ongoing job."""
    if not start or not end:
        return 0
    if (end - start).days >= 365:
        return ALL_MONTHS
    mask, year, month = 0, start.year, start.month
    while (year, month) <= (end.year, end.month):
        mask |= 1 << (month - 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return mask


def one_year_later(day):
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return date(day.year + 1, 3, 1)


class Action(models.TextChoices):
    CREATED = "created", _("Created")
    SUBMITTED = "submitted", _("Submitted for review")
    APPROVED = "approved", _("Approved and published")
    PUBLISHED = "published", _("Published (verified employer)")
    REJECTED = "rejected", _("Rejected")
    UNPUBLISHED = "unpublished", _("Unpublished by a moderator")
    EDITED_FOR_REVIEW = "edited", _("Edited, back to review")
    CLOSED = "closed", _("Closed")
    EXPIRED = "expired", _("Closed: the deadline passed")


class JobEvent(models.Model):
    """The moderation trail: who did what to a job, when and why."""

    job = models.ForeignKey(
        Job, on_delete=models.CASCADE, related_name="events", verbose_name=_("job")
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    status = models.CharField(_("status after"), max_length=20, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("job event")
        verbose_name_plural = _("job events")

    def __str__(self):
        return f"{self.get_action_display()} {self.created_at:%Y-%m-%d %H:%M}"


def private_storage():
    """CVs live outside MEDIA_ROOT and have no URL: only a view that checks access serves them."""
    from django.core.files.storage import storages

    return storages["private"]


def cv_path(application, filename):
    return f"cvs/{filename}"


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_REVIEW = "in_review", _("In review")
    INTERVIEW = "interview", _("Interview")
    OFFERED = "offered", _("Offered")
    HIRED = "hired", _("Hired")
    REJECTED = "rejected", _("Not chosen")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Where the employer may move an application; hired, rejected and withdrawn are final.
EMPLOYER_STATUSES = [
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.INTERVIEW,
    ApplicationStatus.OFFERED,
    ApplicationStatus.HIRED,
    ApplicationStatus.REJECTED,
]
FINAL_STATUSES = {ApplicationStatus.HIRED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN}


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The applicant's own, and those of jobs of employers the user is a member of."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(Q(applicant=user) | Q(job__employer__memberships__user=user)).distinct()

    def for_employer_member(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(job__employer__memberships__user=user)


class Application(models.Model):
    job = models.ForeignKey(
        Job, on_delete=models.CASCADE, related_name="applications", verbose_name=_("job")
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("applicant"),
    )
    cover_letter = models.TextField(_("cover letter"))
    cv = models.FileField(_("CV"), storage=private_storage, upload_to=cv_path, blank=True)
    cv_name = models.CharField(_("CV file name"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40)
    availability = models.CharField(
        _("availability"),
        max_length=300,
        blank=True,
        help_text=_("When you could start and for how long, e.g. “from 1 June, all summer”."),
    )
    consent_at = models.DateTimeField(_("consented to the privacy notice"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.RECEIVED,
        db_index=True,
    )
    notes = models.TextField(
        _("private notes"), blank=True, help_text=_("Only the employer's members see these.")
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(fields=["job", "applicant"], name="one_application_per_job")
        ]

    def __str__(self):
        return f"{self.applicant} – {self.job}"

    @property
    def is_final(self):
        return self.status in FINAL_STATUSES

    def _set_status(self, actor, status):
        with transaction.atomic():
            application = Application.objects.select_for_update().get(pk=self.pk)
            if application.status in FINAL_STATUSES or application.status == status:
                raise TransitionError(application.get_status_display())
            application.status = status
            application.save(update_fields=["status", "updated_at"])
            ApplicationEvent.objects.create(application=application, status=status, actor=actor)
            AuditEntry.record(
                actor, AuditEntry.Action.STATUS_CHANGED, f"application {application.pk}", status
            )
            application.tell_applicant()
        self.refresh_from_db()

    def change_status(self, member, status):
        if status not in EMPLOYER_STATUSES:
            raise TransitionError(status)
        self._set_status(member, status)

    def withdraw(self, applicant):
        self._set_status(applicant, ApplicationStatus.WITHDRAWN)

    def tell_applicant(self):
        """E-mail the new status in the applicant's language; a "not chosen" carries the
        employer's own message in that language (Finnish when there is none)."""
        language = self.applicant.language
        message = ""
        if self.status == ApplicationStatus.REJECTED:
            employer = self.job.employer
            message = (
                getattr(employer, f"rejection_message_{language}", "")
                or employer.rejection_message_fi
            )
        context = {
            "application": self,
            "job": self.job,
            "site_url": settings.SITE_URL,
            "rejection_message": message,
        }
        send_templated(self.applicant.email, "jobs/emails/application_status", context, language)


class ApplicationEvent(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="events", verbose_name=_("application")
    )
    status = models.CharField(_("status"), max_length=20, choices=ApplicationStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("application event")
        verbose_name_plural = _("application events")

    def __str__(self):
        return self.get_status_display()


def retention_cutoff(months, now=None):
    """The moment `months` calendar months before `now`."""
    now = now or timezone.now()
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    day = min(now.day, calendar.monthrange(year, month + 1)[1])
    return now.replace(year=year, month=month + 1, day=day)


def delete_expired_applications(months):
    """Delete the applications, and their CV files, of jobs closed more than `months` ago.
    Returns how many were deleted; safe to run any number of times."""
    expired = Application.objects.filter(
        job__status=Status.CLOSED, job__closed_at__lt=retention_cutoff(months)
    )
    deleted = 0
    for application in expired.iterator():
        with transaction.atomic():
            name = application.cv.name
            application.delete()
            if name:
                transaction.on_commit(lambda name=name: private_storage().delete(name))
        deleted += 1
    if deleted:
        AuditEntry.record(
            None,
            AuditEntry.Action.APPLICATIONS_EXPIRED,
            "",
            f"{deleted} applications older than {months} months",
        )
    return deleted
