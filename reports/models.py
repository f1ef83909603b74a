from django.db import models
from django.utils.translation import gettext_lazy as _


class ReasonTemplate(models.Model):
    """A reason staff keep ready for rejecting or unpublishing a posting; they edit these."""

    title = models.CharField(_("title"), max_length=100)
    text = models.TextField(
        _("text"), max_length=2000, help_text=_("Shown to the employer, who gets it by e-mail.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("ready reason")
        verbose_name_plural = _("ready reasons")

    def __str__(self):
        return self.title


def reason_templates():
    """(key, title, text) of the ready reasons, for the moderation desk (contributed as
    `moderation_reasons`)."""
    return [(f"r{r.pk}", r.title, r.text) for r in ReasonTemplate.objects.all()]
