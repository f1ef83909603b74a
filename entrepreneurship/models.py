from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobs.models import TransitionError
from nelinvoimaa.emails import send_templated
from nelinvoimaa.moderation import ScopedQuerySet


class ListingQuerySet(ScopedQuerySet):
    def published(self):
        return self.filter(status=SuccessorListing.Status.PUBLISHED)

    def review_queue(self):
        return self.filter(status=SuccessorListing.Status.SUBMITTED).order_by("submitted_at", "pk")


class SuccessorListing(models.Model):
    """A business whose owner looks for someone to continue it; public once a moderator of its
    municipality approves it. Interested people write to the owner through the portal."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Awaiting review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        CLOSED = "closed", _("Closed")

    class Size(models.TextChoices):
        ALONE = "alone", _("The owner alone")
        SMALL = "small", _("1–4 employees")
        MEDIUM = "medium", _("5–19 employees")
        LARGE = "large", _("20 or more employees")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="successor_listings",
        verbose_name=_("owner"),
    )
    title = models.CharField(
        _("headline"), max_length=150, help_text=_("E.g. “Village shop looks for a successor”.")
    )
    trade = models.CharField(_("trade"), max_length=100, help_text=_("E.g. retail, sawmill."))
    municipality = models.ForeignKey(
        "nelinvoimaa.Municipality",
        on_delete=models.PROTECT,
        related_name="successor_listings",
        verbose_name=_("municipality"),
    )
    size = models.CharField(_("size"), max_length=10, choices=Size.choices)
    timetable = models.CharField(
        _("timetable"), max_length=150, help_text=_("E.g. “handover during 2027”.")
    )
    description = models.TextField(_("about the business"), max_length=5000)
    for_sale = models.TextField(
        _("what is for sale"),
        max_length=2000,
        help_text=_("E.g. the business name, premises, machines, customers."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    reason = models.TextField(_("moderator's reason"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ListingQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("successor wanted")
        verbose_name_plural = _("successors wanted")
        permissions = [("moderate_successorlisting", _("Can moderate successor listings"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("entrepreneurship:listing", args=[self.pk])

    def _review(self, moderator, allowed, status, reason=""):
        with transaction.atomic():
            listing = SuccessorListing.objects.select_for_update().get(pk=self.pk)
            if listing.status not in allowed:
                raise TransitionError(listing.get_status_display())
            listing.status = status
            listing.reason = reason
            listing.reviewed_by = moderator
            listing.reviewed_at = timezone.now()
            listing.save()
            send_templated(
                listing.owner.email,
                "entrepreneurship/emails/listing_status",
                {"listing": listing, "site_url": settings.SITE_URL},
                listing.owner.language,
            )
        self.refresh_from_db()

    def approve(self, moderator):
        self._review(moderator, {self.Status.SUBMITTED}, self.Status.PUBLISHED)

    def reject(self, moderator, reason):
        if not reason.strip():
            raise ValidationError(_("Give a reason, so the owner knows what to fix."))
        self._review(moderator, {self.Status.SUBMITTED}, self.Status.REJECTED, reason.strip())

    def close(self):
        """The owner found a successor, or changed their mind."""
        with transaction.atomic():
            listing = SuccessorListing.objects.select_for_update().get(pk=self.pk)
            if listing.status == self.Status.CLOSED:
                raise TransitionError(listing.get_status_display())
            listing.status = self.Status.CLOSED
            listing.save(update_fields=["status", "updated_at"])
        self.refresh_from_db()


class ContactMessage(models.Model):
    """Someone interested writes to a listing's owner; the owner gets it by e-mail with the
    sender's address to reply to, and the sender never sees the owner's."""

    listing = models.ForeignKey(
        SuccessorListing,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("listing"),
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("sender"),
    )
    message = models.TextField(_("message"), max_length=3000)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message to an owner")
        verbose_name_plural = _("messages to owners")
        constraints = [
            # One message per person and listing: the owner is not flooded.
            models.UniqueConstraint(fields=["listing", "sender"], name="one_message_per_listing")
        ]

    def __str__(self):
        return f"{self.sender} → {self.listing}"

    @classmethod
    def send(cls, listing, sender, message):
        with transaction.atomic():
            contact = cls.objects.create(listing=listing, sender=sender, message=message)
            send_templated(
                listing.owner.email,
                "entrepreneurship/emails/contact",
                {"contact": contact, "listing": listing, "site_url": settings.SITE_URL},
                listing.owner.language,
            )
        return contact


class MentoringEntry(models.Model):
    """An experienced entrepreneur offering to mentor, or someone starting out asking for a
    mentor; staff of the municipality pair them (MentoringPair)."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("Offers to mentor")
        REQUEST = "request", _("Asks for a mentor")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentoring_entries",
        verbose_name=_("person"),
    )
    municipality = models.ForeignKey(
        "nelinvoimaa.Municipality",
        on_delete=models.PROTECT,
        related_name="mentoring_entries",
        verbose_name=_("municipality"),
    )
    topics = models.TextField(
        _("expertise or needs"),
        max_length=2000,
        help_text=_("What you know and can share, or what you would like help with."),
    )
    availability = models.CharField(
        _("time"), max_length=200, help_text=_("E.g. “an hour a month, evenings”.")
    )
    is_active = models.BooleanField(_("waiting for a pair"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mentoring offer or request")
        verbose_name_plural = _("mentoring offers and requests")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.person}"


class MentoringPair(models.Model):
    """A mentor and a mentee that staff paired, and how the pair is doing."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Meeting")
        ENDED = "ended", _("Ended")

    mentor = models.ForeignKey(
        MentoringEntry,
        on_delete=models.CASCADE,
        related_name="as_mentor",
        limit_choices_to={"kind": MentoringEntry.Kind.OFFER},
        verbose_name=_("mentor"),
    )
    mentee = models.ForeignKey(
        MentoringEntry,
        on_delete=models.CASCADE,
        related_name="as_mentee",
        limit_choices_to={"kind": MentoringEntry.Kind.REQUEST},
        verbose_name=_("mentee"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    notes = models.TextField(_("staff's notes"), blank=True)
    paired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("paired by"),
    )
    created_at = models.DateTimeField(_("paired"), auto_now_add=True)
    followed_up_at = models.DateField(_("last followed up"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mentoring pair")
        verbose_name_plural = _("mentoring pairs")
        constraints = [
            models.UniqueConstraint(fields=["mentor", "mentee"], name="one_pair_per_two"),
        ]

    def __str__(self):
        return f"{self.mentor.person} – {self.mentee.person}"

    def clean(self):
        if self.mentor_id and self.mentee_id and self.mentor.person_id == self.mentee.person_id:
            raise ValidationError(_("A person cannot mentor themselves."))


def scoped_pairs(user):
    """The pairs a staff member follows: those with a side in their municipalities."""
    pairs = MentoringPair.objects.select_related("mentor__person", "mentee__person")
    if user.is_superuser:
        return pairs
    municipalities = user.municipalities.all()
    return pairs.filter(
        Q(mentor__municipality__in=municipalities) | Q(mentee__municipality__in=municipalities)
    )
