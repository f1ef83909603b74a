"""Building blocks for municipal staff: each sees only their municipalities."""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .page_cache import PublicQuerySet


class ScopedQuerySet(PublicQuerySet):
    """Rows placed in a municipality, for the staff who moderate it and for the members of the
    organisation behind them. `organisation` is the path to that employer ("employer",
    "provider"), "" when the rows are the employers themselves, None when there is none."""

    organisation = None

    def for_member(self, user):
        if not user.is_authenticated or self.organisation is None:
            return self.none()
        path = (
            f"{self.organisation}__memberships__user" if self.organisation else "memberships__user"
        )
        return self.filter(**{path: user})

    def for_moderator(self, user):
        """The staff member's municipalities (all for a superuser); a row placed nowhere (a
        remote job, an online training) by its organisation's municipality."""
        if user.is_superuser:
            return self
        if not user.is_staff:
            return self.none()
        municipalities = user.municipalities.all()
        scope = Q(municipality__in=municipalities)
        if self.organisation:
            scope |= Q(
                municipality__isnull=True,
                **{f"{self.organisation}__municipality__in": municipalities},
            )
        return self.filter(scope)


class ScopedToMunicipalitiesAdmin(admin.ModelAdmin):
    """Lists, forms, actions, history and autocomplete go through the model's
    `for_moderator(user)`, so a moderator of one municipality gets nothing of another's; a
    superuser sees everything. Staff change objects only through actions (model methods)."""

    def get_queryset(self, request):
        return self.model.objects.for_moderator(request.user)

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return self.readonly_fields
        # Fields derived by the model (editable=False: months, search words) are internal
        # unless the admin lists them.
        return [
            f.name
            for f in [*self.model._meta.fields, *self.model._meta.many_to_many]
            if f.editable or f.name in self.readonly_fields
        ]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class ModerationEvent(models.Model):
    """A step of a posting's moderation trail (a job's, a training's): who did what, when and
    why. A subclass adds the posting, its `Action` choices and the status after the step."""

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
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        # In the site's time, as the admin shows the same event's time beside it.
        return f"{self.get_action_display()} {timezone.localtime(self.created_at):%Y-%m-%d %H:%M}"


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record nobody adds, changes or deletes in the admin (a trail, a log): only read."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ModerationEventAdmin(ReadOnlyAdmin):
    """A moderation trail, read only: the events of the postings the staff member moderates.
    `posting` names the event's field that holds its posting."""

    posting = None
    list_filter = ["action"]

    def get_queryset(self, request):
        postings = self.model._meta.get_field(self.posting).related_model.objects
        return (
            super()
            .get_queryset(request)
            .filter(**{f"{self.posting}__in": postings.for_moderator(request.user)})
        )
