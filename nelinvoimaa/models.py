import nh3
from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .page_cache import PublicQuerySet


def localized(obj, field):
    """The value of `field_<current language>`, falling back to Finnish when it is empty."""
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return getattr(obj, f"{field}_{language}", "") or getattr(obj, f"{field}_fi")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """Signs in with an e-mail address; staff are tied to the municipalities they moderate."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("name"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("E-mails from the portal are written in this language."),
    )
    municipalities = models.ManyToManyField(
        "Municipality",
        blank=True,
        related_name="staff",
        verbose_name=_("municipalities"),
        help_text=_("Staff moderate the postings of these municipalities."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self):
        return self.full_name or self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Region(models.TextChoices):
    PAIJAT_HAME = "paijat-hame", _("Päijät-Häme")
    KESKI_SUOMI = "keski-suomi", _("Central Finland")
    ETELA_SAVO = "etela-savo", _("South Savo")


class Municipality(models.Model):
    """One of the four municipalities, seeded by a data migration."""

    code = models.CharField(
        _("municipality code"),
        max_length=3,
        unique=True,
        help_text=_("The code of Statistics Finland, e.g. 781 for Sysmä."),
    )
    slug = models.SlugField(_("slug"), unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=60)
    name_sv = models.CharField(_("name in Swedish"), max_length=60, blank=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)

    objects = PublicQuerySet.as_manager()

    class Meta:
        ordering = ["name_fi"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    @property
    def name(self):
        if (get_language() or "")[:2] == "sv" and self.name_sv:
            return self.name_sv
        return self.name_fi


class Sector(models.Model):
    """A field of work; seeded, editable by staff."""

    slug = models.SlugField(_("slug"), unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=80)
    name_sv = models.CharField(_("name in Swedish"), max_length=80)
    name_en = models.CharField(_("name in English"), max_length=80)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = PublicQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name_fi"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localized(self, "name")


# What staff may write in a page body: text structure and links, nothing that runs.
PAGE_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "blockquote",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
}


class Page(models.Model):
    """A site page (about, privacy notice, accessibility statement, contact) edited by staff."""

    slug = models.SlugField(_("slug"), unique=True)
    title_fi = models.CharField(_("title in Finnish"), max_length=150)
    title_sv = models.CharField(_("title in Swedish"), max_length=150, blank=True)
    title_en = models.CharField(_("title in English"), max_length=150, blank=True)
    body_fi = models.TextField(
        _("text in Finnish"),
        help_text=_(
            "HTML: paragraphs, headings h2–h3, lists, links, tables. Anything else is removed."
        ),
    )
    body_sv = models.TextField(_("text in Swedish"), blank=True)
    body_en = models.TextField(_("text in English"), blank=True)
    in_footer = models.BooleanField(_("linked in the footer"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublicQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")

    def __str__(self):
        return self.title_fi

    def get_absolute_url(self):
        return reverse("page", args=[self.slug])

    @property
    def title(self):
        return localized(self, "title")

    @property
    def body_html(self):
        return mark_safe(nh3.clean(localized(self, "body"), tags=PAGE_TAGS))  # noqa: S308

    @property
    def language(self):
        """The language the text is shown in: Finnish when the current one is missing."""
        language = (get_language() or "fi")[:2]
        return language if getattr(self, f"body_{language}", "") else "fi"


class AuditEntry(models.Model):
    """Who did what to personal data, and when (UTC). Holds ids, never the data itself."""

    class Action(models.TextChoices):
        CV_VIEWED = "cv_viewed", _("CV viewed")
        STATUS_CHANGED = "status_changed", _("application status changed")
        DATA_EXPORTED = "data_exported", _("personal data exported")
        ACCOUNT_DELETED = "account_deleted", _("account deleted")
        APPLICATIONS_EXPIRED = "applications_expired", _("applications deleted by retention")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    target = models.CharField(
        _("target"),
        max_length=100,
        blank=True,
        help_text=_("What it was done to, e.g. application 12."),
    )
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)  # UTC

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_action_display()} {self.target}"

    @classmethod
    def record(cls, actor, action, target="", detail=""):
        return cls.objects.create(
            actor=actor if actor and actor.pk else None, action=action, target=target, detail=detail
        )
