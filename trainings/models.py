"""Trainings: what a school, a municipality or an employer offers, its dated sessions, who
enrols, the waitlist, and what people say they would like to learn (demand)."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.emails import send_templated
from nelinvoimaa.moderation import ModerationEvent, ScopedQuerySet
from nelinvoimaa.page_cache import PublicQuerySet

from .search import training_terms

RESERVED_SLUGS = {"manage", "edit", "submit", "cancel", "close", "enrol", "enrolees"}
MAX_QUESTIONS = 10
LOCK_TIMEOUT = "5s"  # a seat is never waited for longer than this (pretix: give up, say so)


class TransitionError(Exception):
    """The training is not in a state where this can be done (perhaps someone just did it)."""


class EnrolmentError(Exception):
    """An enrolment that cannot be made or changed; the message says why, to the person."""


class Kind(models.TextChoices):
    DEGREE = "degree", _("Degree or part of a degree")
    SHORT_COURSE = "short_course", _("Short course")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship path")
    ENTREPRENEURSHIP = "entrepreneurship", _("Entrepreneurship course")
    INFO_SESSION = "info_session", _("Info session")
    MENTORING = "mentoring", _("Mentoring programme")


class Format(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")
    ON_THE_JOB = "on_the_job", _("On the job")


class TrainingQuerySet(ScopedQuerySet):
    organisation = "provider"

    def public(self):
        """Trainings anyone may open: published, and closed or cancelled ones (which say so)."""
        return self.filter(
            status__in=[
                Training.Status.PUBLISHED,
                Training.Status.CLOSED,
                Training.Status.CANCELLED,
            ]
        )

    def upcoming(self):
        """Published trainings whose first session has not begun (or with no sessions yet)."""
        return self.filter(status=Training.Status.PUBLISHED).filter(
            Q(starts_at__gte=timezone.now()) | Q(starts_at__isnull=True)
        )

    def with_seats(self):
        """Each with `enrolled_count`, by a subquery, so no filter's join can repeat a row."""
        taken = (
            Enrolment.objects.filter(training=OuterRef("pk"), status=Enrolment.Status.ENROLLED)
            .order_by()
            .values("training")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(enrolled_count=Coalesce(Subquery(taken), 0))

    def review_queue(self):
        return self.filter(status=Training.Status.SUBMITTED).order_by("submitted_at", "pk")


class Training(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Awaiting review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        CLOSED = "closed", _("Closed")
        CANCELLED = "cancelled", _("Cancelled")

    provider = models.ForeignKey(
        "employers.Employer",
        on_delete=models.CASCADE,
        related_name="trainings",
        verbose_name=_("organiser"),
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=10000)
    language = models.CharField(
        _("language of the training"),
        max_length=2,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.ON_SITE
    )
    sectors = models.ManyToManyField(
        "nelinvoimaa.Sector", blank=True, related_name="trainings", verbose_name=_("sectors")
    )
    municipality = models.ForeignKey(
        "nelinvoimaa.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trainings",
        verbose_name=_("municipality"),
        help_text=_("Leave empty for a training that is only online."),
    )
    price = models.DecimalField(
        _("price (€)"),
        max_digits=8,
        decimal_places=2,
        default=0,
        help_text=_("0 for a free training."),
    )
    for_jobseekers = models.BooleanField(_("for jobseekers"), default=True)
    for_employed = models.BooleanField(_("for the employed"), default=False)
    for_entrepreneurs = models.BooleanField(_("for entrepreneurs"), default=False)
    for_second_home = models.BooleanField(_("for second-home residents"), default=False)
    prerequisites = models.TextField(_("prerequisites"), blank=True, max_length=3000)
    enrolment_opens = models.DateField(_("enrolment opens"), null=True, blank=True)
    enrolment_closes = models.DateField(_("enrolment closes"))
    capacity = models.PositiveSmallIntegerField(_("places"), default=12)
    transport_note = models.TextField(
        _("getting there"),
        blank=True,
        max_length=3000,
        help_text=_("How to get there from Sysmä, Hartola, Joutsa and Pertunmaa; shared rides."),
    )
    questions = models.TextField(
        _("questions to those who enrol"),
        max_length=2000,
        blank=True,
        help_text=_("Optional, one per line, e.g. “What experience do you have of care work?”"),
    )
    placement_employers = models.ManyToManyField(
        "employers.Employer",
        blank=True,
        related_name="placement_trainings",
        verbose_name=_("placement employers"),
    )
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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Derived: the first session's start and the last one's end (kept by its sessions), and
    # the terms it is found by (trainings/search.py).
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True, editable=False)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True, editable=False)
    search_words = models.TextField(default="", editable=False)

    objects = TrainingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        permissions = [("moderate_training", _("Can moderate trainings"))]
        indexes = [models.Index(fields=["status", "starts_at"], name="training_status_starts")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_words = training_terms(self)
        super().save(*args, **kwargs)

    def refresh_derived(self):
        """Its dates from its sessions and its terms (sectors too): after sessions or sectors
        change."""
        dates = self.sessions.aggregate(first=Min("starts_at"), last=Max("ends_at"))
        self.starts_at, self.ends_at = dates["first"], dates["last"]
        Training.objects.filter(pk=self.pk).update(
            starts_at=self.starts_at, ends_at=self.ends_at, search_words=training_terms(self)
        )

    @property
    def slug(self):
        slug = slugify(self.title)[:80] or "training"
        return f"{slug}-training" if slug in RESERVED_SLUGS else slug

    def get_absolute_url(self):
        return reverse("trainings:detail", args=[self.pk, self.slug])

    def clean(self):
        errors = {}
        if not self.municipality_id and self.format not in {Format.ONLINE}:
            errors["municipality"] = _("Choose a municipality, or make the training online.")
        if (
            self.enrolment_opens
            and self.enrolment_closes
            and (self.enrolment_closes < self.enrolment_opens)
        ):
            errors["enrolment_closes"] = _("Enrolment cannot close before it opens.")
        if self.capacity is not None and self.capacity < 1:
            errors["capacity"] = _("A training needs at least one place.")
        if self.price is not None and self.price < 0:
            errors["price"] = _("The price cannot be negative.")
        if errors:
            raise ValidationError(errors)

    def check_ready(self):
        """Rules for going public: dated sessions ahead, enrolment not closed already."""
        self.full_clean()
        if not self.sessions.exists():
            raise ValidationError(_("Add at least one session with its date and time."))
        if self.enrolment_closes < timezone.localdate():
            raise ValidationError(
                {"enrolment_closes": _("The enrolment period cannot end in the past.")}
            )

    @property
    def question_list(self):
        """The organiser's questions, one a line (at most MAX_QUESTIONS)."""
        lines = (line.strip() for line in self.questions.splitlines())
        return [line[:300] for line in lines if line][:MAX_QUESTIONS]

    @property
    def is_free(self):
        return not self.price

    @property
    def location(self):
        if not self.municipality_id:
            return _("Online")
        return self.municipality.name

    @property
    def is_editable(self):
        return self.status in {self.Status.DRAFT, self.Status.REJECTED, self.Status.PUBLISHED}

    @property
    def audiences(self):
        labels = [
            (self.for_jobseekers, _("jobseekers")),
            (self.for_employed, _("the employed")),
            (self.for_entrepreneurs, _("entrepreneurs")),
            (self.for_second_home, _("second-home residents")),
        ]
        return [label for chosen, label in labels if chosen]

    def enrolment_problem(self, now=None):
        """Why nobody can enrol now (a message), or None."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        if self.status == self.Status.CANCELLED:
            return _("This training has been cancelled.")
        if self.status != self.Status.PUBLISHED:
            return _("This training does not take enrolments.")
        if self.enrolment_opens and today < self.enrolment_opens:
            return _("Enrolment has not opened yet.")
        if today > self.enrolment_closes:
            return _("The enrolment period has ended.")
        if self.starts_at and self.starts_at <= now:
            return _("The training has already begun.")
        return None

    @property
    def takes_enrolments(self):
        return self.enrolment_problem() is None

    def seats_taken(self):
        return self.enrolments.filter(status=Enrolment.Status.ENROLLED).count()

    @property
    def seats_left(self):
        """Places left (from the list's `enrolled_count` annotation when there is one)."""
        taken = getattr(self, "enrolled_count", None)
        if taken is None:
            taken = self.seats_taken()
        return max(self.capacity - taken, 0)

    def promote_next(self):
        """Give a freed place to the first on the waitlist (the caller holds this training's
        lock); they are told by e-mail."""
        if self.seats_taken() >= self.capacity:
            return None
        first = self.enrolments.waitlist().select_related("user").first()
        if first is None:
            return None
        first.status = Enrolment.Status.ENROLLED
        first.save(update_fields=["status", "updated_at"])
        if first.user:
            first.send("promoted")
        return first

    def latest_rejection(self):
        return self.events.filter(
            action__in=[TrainingEvent.Action.REJECTED, TrainingEvent.Action.UNPUBLISHED]
        ).first()

    # State changes, as a job's (jobs.models.Job._transition): lock the row, check the state,
    # record who, when and why, tell the organiser's members by e-mail after commit.
    def _transition(self, actor, allowed, to_status, action, reason="", **fields):
        with transaction.atomic():
            training = Training.objects.select_for_update().get(pk=self.pk)
            if training.status not in allowed:
                raise TransitionError(training.get_status_display())
            now = timezone.now()
            training.status = to_status
            if to_status == self.Status.PUBLISHED:
                training.published_at = now
            if to_status == self.Status.SUBMITTED:
                training.submitted_at = now
            if to_status in {self.Status.CLOSED, self.Status.CANCELLED}:
                training.closed_at = now
            for name, value in fields.items():
                setattr(training, name, value)
            training.save()
            event = TrainingEvent.objects.create(
                training=training, action=action, actor=actor, reason=reason, status=to_status
            )
            training.notify_members(event)
            if to_status == self.Status.PUBLISHED:
                from .demand import notify_demand  # demand reads trainings: imported late

                notify_demand(training)
        self.refresh_from_db()
        return event

    def submit(self, user):
        """Send for review; a verified organiser's training is published at once."""
        self.check_ready()
        editable = {self.Status.DRAFT, self.Status.REJECTED}
        if self.provider.is_verified:
            return self._transition(
                user,
                editable,
                self.Status.PUBLISHED,
                TrainingEvent.Action.PUBLISHED,
                submitted_at=timezone.now(),
            )
        return self._transition(
            user, editable, self.Status.SUBMITTED, TrainingEvent.Action.SUBMITTED
        )

    def approve(self, moderator):
        return self._transition(
            moderator, {self.Status.SUBMITTED}, self.Status.PUBLISHED, TrainingEvent.Action.APPROVED
        )

    def reject(self, moderator, reason):
        if not reason.strip():
            raise ValidationError(_("Give a reason, so the organiser knows what to fix."))
        return self._transition(
            moderator,
            {self.Status.SUBMITTED},
            self.Status.REJECTED,
            TrainingEvent.Action.REJECTED,
            reason.strip(),
        )

    def unpublish(self, moderator, reason):
        if not reason.strip():
            raise ValidationError(_("Give a reason, so the organiser knows what to fix."))
        return self._transition(
            moderator,
            {self.Status.PUBLISHED},
            self.Status.REJECTED,
            TrainingEvent.Action.UNPUBLISHED,
            reason.strip(),
        )

    def close(self, user):
        """No more enrolments; those enrolled stay (the training goes on)."""
        return self._transition(
            user,
            {self.Status.PUBLISHED, self.Status.SUBMITTED},
            self.Status.CLOSED,
            TrainingEvent.Action.CLOSED,
        )

    def cancel(self, user, reason=""):
        """The training will not take place: everyone enrolled or waiting is told, in their
        language, after commit."""
        with transaction.atomic():
            event = self._transition(
                user,
                {self.Status.DRAFT, self.Status.SUBMITTED, self.Status.PUBLISHED},
                self.Status.CANCELLED,
                TrainingEvent.Action.CANCELLED,
                reason,
            )
            for enrolment in self.enrolments.active().select_related("user"):
                if enrolment.user:
                    enrolment.send("training_cancelled", reason=reason)
        return event

    @transaction.atomic
    def start_draft(self, provider, user):
        self.provider = provider
        self.created_by = user
        self.status = self.Status.DRAFT
        self.save()
        TrainingEvent.objects.create(
            training=self, action=TrainingEvent.Action.CREATED, actor=user, status=self.status
        )
        return self

    def save_edit(self, user):
        """Save a member's changes; a published training of an unverified organiser goes
        back to review (as a job's edit does), with the row locked against a moderator."""
        with transaction.atomic():
            current = Training.objects.select_for_update().get(pk=self.pk)
            if not current.is_editable:
                raise TransitionError(current.get_status_display())
            for name in ("status", "submitted_at", "published_at", "closed_at"):
                setattr(self, name, getattr(current, name))
            review = self.status == self.Status.PUBLISHED and not self.provider.is_verified
            if review:
                self.status = self.Status.SUBMITTED
                self.submitted_at = timezone.now()
            self.save()
            while self.promote_next():  # more places: the waitlist moves up, in its order
                pass
            if review:
                event = TrainingEvent.objects.create(
                    training=self,
                    action=TrainingEvent.Action.EDITED_FOR_REVIEW,
                    actor=user,
                    status=self.status,
                )
                self.notify_members(event)
        return self

    def notify_members(self, event):
        for email, language in self.provider.member_emails():
            send_templated(
                email,
                "trainings/emails/training_status",
                {"training": self, "event": event, "site_url": settings.SITE_URL},
                language,
            )


class TrainingEvent(ModerationEvent):
    """The moderation trail of a training."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        SUBMITTED = "submitted", _("Submitted for review")
        APPROVED = "approved", _("Approved and published")
        PUBLISHED = "published", _("Published (verified organiser)")
        REJECTED = "rejected", _("Rejected")
        UNPUBLISHED = "unpublished", _("Unpublished by a moderator")
        EDITED_FOR_REVIEW = "edited", _("Edited, back to review")
        CLOSED = "closed", _("Closed")
        CANCELLED = "cancelled", _("Cancelled")

    training = models.ForeignKey(
        Training, on_delete=models.CASCADE, related_name="events", verbose_name=_("training")
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    status = models.CharField(_("status after"), max_length=20, choices=Training.Status.choices)

    class Meta(ModerationEvent.Meta):
        verbose_name = _("training event")
        verbose_name_plural = _("training events")


class TrainingSession(models.Model):
    """One dated meeting of a training: a day of teaching, an info evening."""

    training = models.ForeignKey(
        Training, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("training")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)

    objects = PublicQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.training} {self.starts_at:%Y-%m-%d %H:%M}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session must end after it starts.")})


class EnrolmentQuerySet(PublicQuerySet):
    def active(self):
        return self.filter(status__in=[Enrolment.Status.ENROLLED, Enrolment.Status.WAITLISTED])

    def waitlist(self):
        return self.filter(status=Enrolment.Status.WAITLISTED).order_by("created_at", "pk")

    def for_member(self, user):
        return self.filter(training__provider__memberships__user=user)


class Enrolment(models.Model):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")
        COMPLETED = "completed", _("Completed")

    training = models.ForeignKey(
        Training, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("training")
    )
    # Kept without the person once their data is deleted: the figures stay.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enrolments",
        verbose_name=_("person"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    # [{"question": …, "answer": …}, …]: the questions as they were asked.
    answers = models.JSONField(_("answers"), default=list, blank=True)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    placement_wishes = models.ManyToManyField(
        "employers.Employer", blank=True, related_name="+", verbose_name=_("placement wishes")
    )
    wants_visit = models.BooleanField(_("wants to visit the workplace first"), default=False)
    created_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data deleted"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            # One per person and training, however often the form is sent.
            models.UniqueConstraint(fields=["training", "user"], name="enrolment_unique")
        ]

    def __str__(self):
        return f"{self.training} – {self.get_status_display()}"

    @property
    def is_active(self):
        return self.status in {self.Status.ENROLLED, self.Status.WAITLISTED}

    def waitlist_position(self):
        if self.status != self.Status.WAITLISTED:
            return None
        earlier = self.training.enrolments.waitlist().filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        )
        return earlier.count() + 1

    @classmethod
    def enrol(cls, training, user, *, answers=(), consent=False, placements=(), wants_visit=False):
        """Enrol `user`, or put them on the waitlist when every place is taken. The training's
        row is locked before the places are counted, so two people taking the last place at
        once get one place between them; the unique constraint keeps a double submit from
        enrolling twice. Raises EnrolmentError with a message for the person."""
        if not consent:
            raise EnrolmentError(_("Give your consent to enrol."))
        placement_ids = {int(pk) for pk in placements}
        try:
            with transaction.atomic():
                _lock_timeout()
                locked = Training.objects.select_for_update().get(pk=training.pk)
                if problem := locked.enrolment_problem():
                    raise EnrolmentError(problem)
                allowed = set(locked.placement_employers.values_list("pk", flat=True))
                if not placement_ids <= allowed:
                    raise EnrolmentError(_("Choose placements from those of this training."))
                existing = cls.objects.filter(training=locked, user=user).first()
                if existing and existing.is_active:
                    raise EnrolmentError(_("You have already enrolled in this training."))
                if existing and existing.status != cls.Status.CANCELLED:
                    raise EnrolmentError(_("You have already taken part in this training."))
                full = locked.seats_taken() >= locked.capacity
                enrolment = existing or cls(training=locked, user=user)
                enrolment.status = cls.Status.WAITLISTED if full else cls.Status.ENROLLED
                enrolment.answers = [
                    {"question": str(question), "answer": str(answer)}
                    for question, answer in answers
                ]
                enrolment.consent_at = timezone.now()
                enrolment.wants_visit = wants_visit and bool(placement_ids)
                enrolment.created_at = timezone.now()  # a re-enrolment queues anew
                enrolment.save()
                enrolment.placement_wishes.set(placement_ids)
                enrolment.send("waitlisted" if full else "enrolled")
        except IntegrityError as exc:  # the same form sent twice at once: one is kept
            raise EnrolmentError(_("You have already enrolled in this training.")) from exc
        return enrolment

    def cancel(self):
        """The person cancels. A freed place goes to the first on the waitlist, who is told."""
        with transaction.atomic():
            _lock_timeout()
            Training.objects.select_for_update().get(pk=self.training_id)
            current = Enrolment.objects.get(pk=self.pk)
            if not current.is_active:
                raise EnrolmentError(_("This enrolment is not active."))
            if current.training.starts_at and current.training.starts_at <= timezone.now():
                raise EnrolmentError(_("The training has already begun."))
            freed = current.status == self.Status.ENROLLED
            current.status = self.Status.CANCELLED
            current.save(update_fields=["status", "updated_at"])
            promoted = current.training.promote_next() if freed else None
        self.refresh_from_db()
        return promoted

    def mark(self, status):
        """The organiser marks attendance or completion (or takes it back to enrolled)."""
        allowed = {self.Status.ENROLLED, self.Status.ATTENDED, self.Status.COMPLETED}
        if status not in allowed or self.status not in allowed:
            raise EnrolmentError(_("Only those with a place can be marked."))
        Enrolment.objects.filter(pk=self.pk).update(status=status, updated_at=timezone.now())
        self.status = status

    def send(self, template, **context):
        """An e-mail to the person in their language, after commit."""
        send_templated(
            self.user.email,
            f"trainings/emails/{template}",
            {"enrolment": self, "training": self.training, "site_url": settings.SITE_URL} | context,
            self.user.language,
        )

    def anonymise(self):
        """Delete the person's data; the row stays for the figures."""
        self.user = None
        self.answers = []
        self.wants_visit = False
        self.anonymised_at = timezone.now()
        self.save(update_fields=["user", "answers", "wants_visit", "anonymised_at", "updated_at"])
        self.placement_wishes.clear()


def _lock_timeout():
    """On PostgreSQL, wait for a training's lock at most LOCK_TIMEOUT, then fail clearly."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")


class CalendarFeed(models.Model):
    """A person's private calendar of their enrolments, at a secret URL they can renew."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_calendar",
        verbose_name=_("person"),
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)

    @classmethod
    def of(cls, user):
        feed, _created = cls.objects.get_or_create(
            user=user, defaults={"token": secrets.token_urlsafe(32)}
        )
        return feed

    def renew(self):
        self.token = secrets.token_urlsafe(32)
        self.save(update_fields=["token", "created_at"])

    def get_absolute_url(self):
        return reverse("trainings:my_calendar", args=[self.token])


class Demand(models.Model):
    """What someone would like to learn, or what training an employer's staff need."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_demands",
        verbose_name=_("person"),
    )
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="training_demands",
        verbose_name=_("for the employer"),
    )
    sector = models.ForeignKey(
        "nelinvoimaa.Sector",
        on_delete=models.PROTECT,
        related_name="training_demands",
        verbose_name=_("sector"),
    )
    municipality = models.ForeignKey(
        "nelinvoimaa.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_demands",
        verbose_name=_("municipality"),
        help_text=_("Empty: anywhere, or online."),
    )
    what = models.CharField(_("what would you like to learn"), max_length=300)
    people = models.PositiveSmallIntegerField(_("how many people"), default=1)
    needed_by = models.DateField(_("needed by"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("training demand")
        verbose_name_plural = _("training demands")

    def __str__(self):
        return self.what

    def clean(self):
        if self.people is not None and not 1 <= self.people <= 500:
            raise ValidationError({"people": _("Give a number from 1 to 500.")})


REMINDER_HOURS = 48  # how long before the first session the reminder goes


def send_reminders(now=None):
    """Remind those with a place, once, when the first session is within REMINDER_HOURS.
    Each enrolment is claimed by a conditional UPDATE, so running this twice (or two runs at
    once) sends each reminder once. Returns how many were sent."""
    now = now or timezone.now()
    due = Enrolment.objects.filter(
        status=Enrolment.Status.ENROLLED,
        reminded_at__isnull=True,
        user__isnull=False,
        training__status__in=[Training.Status.PUBLISHED, Training.Status.CLOSED],
        training__starts_at__gt=now,
        training__starts_at__lte=now + timedelta(hours=REMINDER_HOURS),
    ).select_related("training", "user")
    sent = 0
    for enrolment in due:
        with transaction.atomic():
            claimed = Enrolment.objects.filter(pk=enrolment.pk, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if claimed:
                enrolment.send("reminder")
                sent += 1
    return sent


def delete_expired_enrolment_data(days=None):
    """Delete the personal data of enrolments in trainings that ended `days` ago (default
    TRAINING_ENROLMENT_RETENTION_DAYS); the rows stay, without the person, as figures.
    Returns how many were anonymised."""
    cutoff = timezone.now() - timedelta(days=days if days is not None else retention_days())
    expired = Enrolment.objects.filter(
        anonymised_at__isnull=True, training__ends_at__lt=cutoff
    ).order_by("pk")
    count = 0
    for enrolment in expired:
        enrolment.anonymise()
        count += 1
    return count


def retention_days():
    return int(getattr(settings, "TRAINING_ENROLMENT_RETENTION_DAYS", 365))
