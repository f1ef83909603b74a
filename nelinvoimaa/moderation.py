"""Building blocks for municipal staff: each sees only their municipalities."""

from django.contrib import admin
from django.db.models import Q

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
