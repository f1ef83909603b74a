import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.page_cache import PublicQuerySet

from .markdown import render

RESERVED_SLUGS = {"feed"}  # paths under /stories/ a story's address must not take


def image_path(instance, filename):
    return f"stories/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


class StoryQuerySet(PublicQuerySet):
    def published(self):
        """Stories staff have published, once their time has come."""
        return self.filter(is_published=True, published_at__lte=timezone.now())


class Story(models.Model):
    """News or a story of the region, written by staff in Markdown."""

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        STORY = "story", _("Story")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.STORY)
    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(
        _("address"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Part of the page's address; made from the title when left empty."),
    )
    lead = models.CharField(_("lead"), max_length=300, help_text=_("One or two sentences."))
    body = models.TextField(
        _("text"),
        help_text=_(
            "Markdown: a blank line between paragraphs, ## for a heading, - for a list, "
            "[text](https://…) for a link. HTML is shown as text."
        ),
    )
    image = models.ImageField(_("image"), upload_to=image_path, blank=True)
    image_alt = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for those who cannot see it."),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    municipality = models.ForeignKey(
        "nelinvoimaa.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("municipality"),
    )
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("employer"),
        help_text=_("The story is shown on this employer's page too."),
    )
    tags = models.CharField(
        _("tags"), max_length=200, blank=True, help_text=_("Separated by commas.")
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("publication time"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        indexes = [models.Index(fields=["is_published", "-published_at"], name="story_published")]

    def __str__(self):
        return self.title

    def clean(self):
        if self.image and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for those who cannot see it.")}
            )
        if not self.slug:
            self.slug = slugify(self.title)[:80] or "story"
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is taken; choose another.")})

    def get_absolute_url(self):
        return reverse("stories:detail", args=[self.slug])

    @property
    def is_public(self):
        return self.is_published and self.published_at <= timezone.now()

    @property
    def body_html(self):
        return render(self.body)

    @property
    def tag_list(self):
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]
