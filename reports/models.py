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


class SentReminder(models.Model):
    """That a reminder went out, so a command run twice (or by two schedulers) sends it once:
    `key` names what it was about, e.g. "moderation:12:2027-03-01" (staff member 12 that
    day), "halfway:7:2027-04-30" (job 7 with that deadline), "closed:31" (application 31)."""

    key = models.CharField(_("reminder"), max_length=100, unique=True)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")

    def __str__(self):
        return self.key

    @classmethod
    def claim(cls, key):
        """True the first time for `key` (the caller sends it), False ever after."""
        _reminder, created = cls.objects.get_or_create(key=key)
        return created
