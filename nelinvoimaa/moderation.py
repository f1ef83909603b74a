"""Admin building blocks for municipal staff: each sees only their municipalities."""

from django.contrib import admin


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
