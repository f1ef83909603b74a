import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.emails import send_templated
from nelinvoimaa.moderation import ScopedQuerySet
from nelinvoimaa.page_cache import PublicQuerySet

from .business_id import normalize_business_id, validate_business_id

INVITATION_VALID_FOR = timedelta(days=14)
MAX_PHOTOS = 6


def logo_path(instance, filename):
    return f"logos/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


def photo_path(instance, filename):
    return f"photos/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


class EmployerKind(models.TextChoices):
    COMPANY = "company", _("Company")
    ASSOCIATION = "association", _("Association")
    MUNICIPALITY = "municipality", _("Municipality")
    SCHOOL = "school", _("School")
    HOUSEHOLD = "household", _("Household")


class EmployerQuerySet(ScopedQuerySet):
    organisation = ""  # the rows are the organisations


class Employer(models.Model):
    kind = models.CharField(
        _("type"), max_length=20, choices=EmployerKind.choices, default=EmployerKind.COMPANY
    )
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True, editable=False)
    business_id = models.CharField(
        _("Business ID"),
        max_length=9,
        blank=True,
        validators=[validate_business_id],
        help_text=_("Y-tunnus, e.g. 1234567-8. Not needed for households."),
    )
    municipality = models.ForeignKey(
        "nelinvoimaa.Municipality",
        on_delete=models.PROTECT,
        related_name="employers",
        verbose_name=_("municipality"),
    )
    street_address = models.CharField(_("street address"), max_length=150, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    post_office = models.CharField(_("post office"), max_length=60, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the employer does, in a few sentences.")
    )
    why_work_here = models.TextField(
        _("why work here"),
        blank=True,
        help_text=_("Benefits, how the season goes, housing, commuting, the team."),
    )
    # Marked on the profile's texts (lang="…"), as a job posting's language is (WCAG 3.1.2).
    language = models.CharField(
        _("language of the profile"),
        max_length=2,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the description and the photos' descriptions are written in."),
    )
    sectors = models.ManyToManyField(
        "nelinvoimaa.Sector", blank=True, related_name="employers", verbose_name=_("sectors")
    )
    logo = models.ImageField(_("logo"), upload_to=logo_path, blank=True)
    video_url = models.URLField(
        _("video link"), blank=True, help_text=_("A link to a video, e.g. on YouTube or Vimeo.")
    )
    rejection_message_fi = models.TextField(
        _("message to applicants not chosen, in Finnish"),
        blank=True,
        help_text=_(
            "Sent when an application is marked not chosen, in the applicant's "
            "language. Empty: a short standard message."
        ),
    )
    rejection_message_sv = models.TextField(
        _("message to applicants not chosen, in Swedish"), blank=True
    )
    rejection_message_en = models.TextField(
        _("message to applicants not chosen, in English"), blank=True
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EmployerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        permissions = [("verify_employer", _("Can verify employers"))]
        constraints = [
            models.UniqueConstraint(
                fields=["business_id"],
                condition=~Q(business_id=""),
                name="employer_business_id_unique",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("employers:detail", args=[self.slug])

    @property
    def is_verified(self):
        return self.verified_at is not None

    def clean(self):
        self.business_id = normalize_business_id(self.business_id)
        if self.kind != EmployerKind.HOUSEHOLD and not self.business_id:
            raise ValidationError(
                {"business_id": _("A Business ID is required for all but households.")}
            )

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.name)[:140] or "employer"
        slug, n = base, 2
        while Employer.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @classmethod
    @transaction.atomic
    def register(cls, user, **fields):
        """Create an employer with `user` as its first owner."""
        employer = cls(**fields)
        employer.full_clean()
        employer.save()
        Membership.objects.create(employer=employer, user=user, role=Membership.Role.OWNER)
        return employer

    def verify(self, moderator):
        self.verified_at = timezone.now()
        self.verified_by = moderator
        self.save(update_fields=["verified_at", "verified_by", "updated_at"])

    def unverify(self):
        self.verified_at = None
        self.verified_by = None
        self.save(update_fields=["verified_at", "verified_by", "updated_at"])

    def membership_of(self, user):
        if not user.is_authenticated:
            return None
        return self.memberships.filter(user=user).first()

    def member_emails(self):
        return list(
            self.memberships.select_related("user").values_list("user__email", "user__language")
        )


class LastOwnerError(Exception):
    """Every employer keeps at least one owner."""


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        RECRUITER = "recruiter", _("Recruiter")

    class Notify(models.TextChoices):
        EACH = "each", _("An e-mail for each new application")
        DAILY = "daily", _("A daily summary")
        NONE = "none", _("No e-mails")

    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("employer")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.RECRUITER)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)
    notify = models.CharField(
        _("e-mails about new applications"),
        max_length=10,
        choices=Notify.choices,
        default=Notify.EACH,
    )
    digest_sent_at = models.DateTimeField(_("last daily summary"), null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["employer", "user"], name="membership_unique")
        ]

    def __str__(self):
        return f"{self.user} – {self.employer} ({self.get_role_display()})"

    @property
    def is_owner(self):
        return self.role == Membership.Role.OWNER

    def _lock_owners(self):
        # Lock the employer's memberships so two owners cannot demote each other at once.
        return list(
            Membership.objects.select_for_update().filter(
                employer_id=self.employer_id, role=Membership.Role.OWNER
            )
        )

    @transaction.atomic
    def change_role(self, role):
        owners = self._lock_owners()
        if (
            self.role == Membership.Role.OWNER
            and role != Membership.Role.OWNER
            and len(owners) <= 1
        ):
            raise LastOwnerError
        self.role = role
        self.save(update_fields=["role"])

    @transaction.atomic
    def remove(self):
        owners = self._lock_owners()
        if self.role == Membership.Role.OWNER and len(owners) <= 1:
            raise LastOwnerError
        self.delete()


class Photo(models.Model):
    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="photos", verbose_name=_("employer")
    )
    image = models.ImageField(_("image"), upload_to=photo_path)
    description = models.CharField(
        _("description"),
        max_length=200,
        help_text=_("What the photo shows, for those who cannot see it."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = PublicQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.description


class InvitationError(Exception):
    """An invitation that cannot be accepted; the message says why."""


class Invitation(models.Model):
    """An owner's invitation for a colleague to join the employer, sent by e-mail."""

    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("employer")
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        _("role"), max_length=20, choices=Membership.Role.choices, default=Membership.Role.RECRUITER
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        if not self.token:
            self.token = secrets.token_urlsafe(32)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("employers:accept_invitation", args=[self.token])

    @transaction.atomic
    def send(self, employer, inviter, language):
        """Save this new invitation from `inviter` and e-mail it in `language` (after
        commit: a rolled-back invitation sends nothing)."""
        self.employer = employer
        self.invited_by = inviter
        self.save()
        with translation.override(language):
            url = settings.SITE_URL + self.get_absolute_url()
        send_templated(
            self.email,
            "employers/emails/invitation",
            {"invitation": self, "employer": employer, "inviter": inviter, "url": url},
            language,
        )
        return self

    @property
    def expires_at(self):
        return self.created_at + INVITATION_VALID_FOR

    @property
    def is_pending(self):
        return self.accepted_at is None and timezone.now() < self.expires_at

    @transaction.atomic
    def accept(self, user):
        """Make `user` a member; only the invited address, once, within two weeks."""
        invitation = Invitation.objects.select_for_update().get(pk=self.pk)
        if invitation.accepted_at is not None:
            raise InvitationError(_("This invitation has already been used."))
        if timezone.now() >= invitation.expires_at:
            raise InvitationError(_("This invitation has expired. Ask for a new one."))
        if not user.emailaddress_set.filter(email__iexact=invitation.email, verified=True).exists():
            raise InvitationError(
                _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
                % {"email": invitation.email}
            )
        membership, created = Membership.objects.get_or_create(
            employer=invitation.employer, user=user, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        self.accepted_at = invitation.accepted_at
        return membership
