import functools
from datetime import date, timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.base import ModelState
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.emails import send_templated
from nelinvoimaa.moderation import ModerationEvent, ScopedQuerySet

from .search import derive_search_fields, refresh_search_vectors, store_vectors

ALL_MONTHS = 0b111111111111
SOON_DAYS = 7  # an open job this close to its deadline needs its employer's attention


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


EDITABLE_STATUSES = {"draft", "rejected", "published"}

# Paths under /jobs/<id>/ that a job's own slug must not take.
RESERVED_SLUGS = {"manage", "edit", "submit", "close", "post-again", "apply", "applicants"}


class TransitionError(Exception):
    """The job is not in a state where this can be done (perhaps someone just did it)."""


def open_condition(prefix="", today=None):
    """The condition for an open job (published, deadline not passed), e.g. with prefix
    "jobs__" to count the open jobs of employers or municipalities."""
    today = today or timezone.localdate()
    return Q(**{f"{prefix}status": Job.Status.PUBLISHED, f"{prefix}deadline__gte": today})


def _attach_named_relations(jobs):
    """Give jobs their employer, municipality and sector from one query each."""
    for field in ("employer", "municipality", "sector"):
        model = Job._meta.get_field(field).related_model
        ids = {getattr(job, f"{field}_id") for job in jobs} - {None}
        found = model._default_manager.in_bulk(ids)
        for job in jobs:
            if getattr(job, f"{field}_id") in found:
                setattr(job, field, found[getattr(job, f"{field}_id")])


class JobQuerySet(ScopedQuerySet):
    organisation = "employer"

    def open(self, today=None):
        """Published jobs whose application deadline has not passed (by `today`, the local
        date unless given), even before the daily task closes them."""
        return self.filter(open_condition(today=today))

    def public(self):
        """Jobs anyone may open: open, and closed ones (which say they are closed)."""
        return self.filter(status__in=[Job.Status.PUBLISHED, Job.Status.CLOSED])

    def bulk_create(self, jobs, *args, **kwargs):
        """As save() does for one: derive each job's months, and its search words once the
        rows exist (for benchmarks and imports; no events, no e-mails)."""
        jobs = list(jobs)
        _attach_named_relations(jobs)  # derive() reads their names: one query each, not per job
        weighted = [job.derive() for job in jobs]
        created = super().bulk_create(jobs, *args, **kwargs)
        if all(job.pk is not None for job in created):
            store_vectors({job.pk: terms for job, terms in zip(created, weighted, strict=True)})
        else:  # a database that does not return the new ids
            refresh_search_vectors()
        return created

    bulk_create.alters_data = True

    def review_queue(self):
        return self.filter(status=Job.Status.SUBMITTED).order_by("submitted_at", "pk")


class Job(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Awaiting review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        CLOSED = "closed", _("Closed")

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
    # Read by the staff app's closing reminders (reports/reminders.py).
    tell_applicants_when_closed = models.BooleanField(
        _("tell applicants still waiting when the job closes"),
        default=True,
        help_text=_("Nelinvoimaa e-mails them politely in their own language."),
    )

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
    # ongoing job without an end), and the terms it is found by (jobs/search.py; PostgreSQL's
    # tsvector of them is a JobSearchVector).
    work_months = models.PositiveSmallIntegerField(default=0, editable=False)
    search_title = models.TextField(default="", editable=False)
    search_head = models.TextField(default="", editable=False)
    search_words = models.TextField(default="", editable=False)

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

    def derive(self):
        """The fields computed from the others: its months (see work_months) and the terms it
        is found by (jobs/search.py). Returns the weighted terms."""
        self.work_months = work_months_mask(self.start_date, self.end_date)
        return derive_search_fields(self)

    def save(self, *args, **kwargs):
        weighted = self.derive()
        with transaction.atomic():  # the row and its vector, or neither
            super().save(*args, **kwargs)
            store_vectors({self.pk: weighted})

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
        return self.status == Job.Status.PUBLISHED and self.deadline >= timezone.localdate()

    # What the personal parts of a job's pages read (buttons, links, the viewer's state).
    PERSONAL_FIELDS = ("id", "title", "status", "apply_method", "deadline", "employer_id")

    def for_personal_parts(self):
        """What a page shared with signed-in users keeps of this job for its personal parts
        (nelinvoimaa/personal.py): the fields they read, instead of its texts and search
        words; from_personal_parts() makes the job again of them."""
        return self.personal_values(), self._state.db

    @classmethod
    def from_personal_parts(cls, parts):
        """The job of for_personal_parts(): any other field is read from the database if
        asked."""
        values, db = parts
        return cls.with_personal_values(values, db)

    def personal_values(self):
        return tuple(getattr(self, name) for name in _personal_attnames())

    @classmethod
    def with_personal_values(cls, values, db="default"):
        """A job made of its personal_values(), without reading the database: as from_db()
        makes one of these columns, whose __init__ visits each of the model's 47 fields
        (a list of twenty cost 0.4 ms). Job has no pre_init or post_init receivers to skip."""
        job = cls.__new__(cls)
        job.__dict__.update(zip(_personal_attnames(), values, strict=True))
        job._state = ModelState()
        job._state.adding, job._state.db = False, db
        return job

    @property
    def is_editable(self):
        return self.status in EDITABLE_STATUSES

    @property
    def takes_applications_here(self):
        return self.is_open and self.apply_method == ApplyMethod.HERE

    @property
    def needs_action(self):
        """What its employer should do something about: a draft to finish, a rejection to
        fix, or an open job whose application period ends within SOON_DAYS."""
        if self.status in {Job.Status.DRAFT, Job.Status.REJECTED}:
            return True
        soon = timezone.localdate() + timedelta(days=SOON_DAYS)
        return self.status == Job.Status.PUBLISHED and self.deadline <= soon

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
        return self.events.filter(
            action__in=[JobEvent.Action.REJECTED, JobEvent.Action.UNPUBLISHED]
        ).first()

    # State changes: each locks the row, checks the state it starts from, records who, when
    # and why, and tells the employer's members by e-mail after commit.
    def _transition(self, actor, allowed, to_status, action, reason="", **fields):
        with transaction.atomic():
            job = Job.objects.select_for_update().get(pk=self.pk)
            if job.status not in allowed:
                raise TransitionError(job.get_status_display())
            now = timezone.now()
            job.status = to_status
            if to_status == Job.Status.PUBLISHED:
                job.published_at = now
            if to_status == Job.Status.SUBMITTED:
                job.submitted_at = now
            if to_status == Job.Status.CLOSED:
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
                {Job.Status.DRAFT, Job.Status.REJECTED},
                Job.Status.PUBLISHED,
                JobEvent.Action.PUBLISHED,
                submitted_at=timezone.now(),
            )
        return self._transition(
            user,
            {Job.Status.DRAFT, Job.Status.REJECTED},
            Job.Status.SUBMITTED,
            JobEvent.Action.SUBMITTED,
        )

    def approve(self, moderator):
        return self._transition(
            moderator, {Job.Status.SUBMITTED}, Job.Status.PUBLISHED, JobEvent.Action.APPROVED
        )

    def reject(self, moderator, reason):
        if not reason.strip():
            raise ValidationError(_("Give a reason, so the employer knows what to fix."))
        return self._transition(
            moderator,
            {Job.Status.SUBMITTED},
            Job.Status.REJECTED,
            JobEvent.Action.REJECTED,
            reason.strip(),
        )

    def unpublish(self, moderator, reason):
        if not reason.strip():
            raise ValidationError(_("Give a reason, so the employer knows what to fix."))
        return self._transition(
            moderator,
            {Job.Status.PUBLISHED},
            Job.Status.REJECTED,
            JobEvent.Action.UNPUBLISHED,
            reason.strip(),
        )

    def close(self, user, reason=""):
        """Close early, e.g. when the position is filled."""
        return self._transition(
            user,
            {Job.Status.PUBLISHED, Job.Status.SUBMITTED},
            Job.Status.CLOSED,
            JobEvent.Action.CLOSED,
            reason,
        )

    def expire(self):
        """Close a published job whose deadline has passed (the daily task)."""
        if self.deadline >= timezone.localdate():
            raise TransitionError(self.get_status_display())
        return self._transition(
            None, {Job.Status.PUBLISHED}, Job.Status.CLOSED, JobEvent.Action.EXPIRED
        )

    @transaction.atomic
    def start_draft(self, employer, user):
        """Save this new job as a draft of `employer`, created by `user`, with its first
        event."""
        self.employer = employer
        self.created_by = user
        self.status = Job.Status.DRAFT
        self.save()
        JobEvent.objects.create(
            job=self, action=JobEvent.Action.CREATED, actor=user, status=self.status
        )
        return self

    def save_edit(self, user):
        """Save a member's changes. A published job of an unverified employer goes back to
        review in the same transaction, so an unreviewed edit is never public; the row is
        locked, so a moderator's decision a moment ago is not overwritten."""
        with transaction.atomic():
            current = Job.objects.select_for_update().get(pk=self.pk)
            if current.status not in EDITABLE_STATUSES:
                raise TransitionError(current.get_status_display())
            for name in ("status", "submitted_at", "published_at", "closed_at"):
                setattr(self, name, getattr(current, name))
            review = self.status == Job.Status.PUBLISHED and not self.employer.is_verified
            if review:
                self.status = Job.Status.SUBMITTED
                self.submitted_at = timezone.now()
            self.save()
            if review:
                event = JobEvent.objects.create(
                    job=self,
                    action=JobEvent.Action.EDITED_FOR_REVIEW,
                    actor=user,
                    status=self.status,
                )
                self.notify_members(event)
        return self

    @transaction.atomic
    def post_again(self, user):
        """A new draft copied from this closed job, its dates a year later."""
        if self.status != Job.Status.CLOSED:
            raise TransitionError(self.get_status_display())
        copy = Job.objects.get(pk=self.pk)
        copy.pk = None
        copy.status = Job.Status.DRAFT
        copy.submitted_at = copy.published_at = copy.closed_at = None
        copy.created_by = user
        copy.copied_from = self
        copy.start_date = one_year_later(self.start_date)
        copy.end_date = one_year_later(self.end_date)
        copy.deadline = one_year_later(self.deadline)
        copy._state.adding = True
        copy.save()
        JobEvent.objects.create(
            job=copy, action=JobEvent.Action.CREATED, actor=user, status=Job.Status.DRAFT
        )
        return copy

    def notify_members(self, event):
        for email, language in self.employer.member_emails():
            send_templated(
                email,
                "jobs/emails/job_status",
                {"job": self, "event": event, "site_url": settings.SITE_URL},
                language,
            )


class JobSearchVector(models.Model):
    """A job's terms as PostgreSQL's weighted tsvector, with its GIN index (migration 0011):
    a narrow table of its own, so that finding the newest matches of a common word reads a
    kilobyte per job, not the job's whole row (jobs/search.py). Written by store_vectors()
    and refresh_search_vectors() (and the trigger of migration 0012) only; empty on SQLite,
    which matches the job's terms."""

    job = models.OneToOneField(
        Job, on_delete=models.CASCADE, primary_key=True, related_name="search_vector"
    )
    vector = SearchVectorField()
    # Copies of the job's columns that decide whether and where it is listed, so that a
    # search finds, counts and ranks its newest matches from this table alone (joining
    # jobs_job for them cost more than finding them, measured). Written with the vector and
    # kept by a trigger on jobs_job whenever they change there (migration 0012).
    open_until = models.DateField(null=True, editable=False)  # the deadline while published
    published_at = models.DateTimeField(null=True, editable=False)
    municipality_id = models.BigIntegerField(null=True, editable=False)
    sector_id = models.BigIntegerField(null=True, editable=False)

    class Meta:
        # Named in the admin's list of what deleting a job deletes with it.
        verbose_name = _("search terms of a job")
        verbose_name_plural = _("search terms of jobs")

    def __str__(self):
        return str(self.job_id)


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


@functools.cache
def _personal_attnames():
    """Job.PERSONAL_FIELDS in the model's order of fields, as from_db takes them."""
    return tuple(f.attname for f in Job._meta.concrete_fields if f.attname in Job.PERSONAL_FIELDS)


class JobEvent(ModerationEvent):
    """The moderation trail: who did what to a job, when and why."""

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

    job = models.ForeignKey(
        Job, on_delete=models.CASCADE, related_name="events", verbose_name=_("job")
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    status = models.CharField(_("status after"), max_length=20, choices=Job.Status.choices)

    class Meta(ModerationEvent.Meta):
        verbose_name = _("job event")
        verbose_name_plural = _("job events")


# Migration 0004 created the applications here and names these two; the live ones are in
# applications.models (the tables moved with their rows, see applications/0001).
def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


def cv_path(application, filename):
    return f"cvs/{filename}"
