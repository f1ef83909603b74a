from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models.constants import LOOKUP_SEP
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from nelinvoimaa.admin import SafeDateHierarchy
from nelinvoimaa.moderation import ModerationEventAdmin, ScopedToMunicipalitiesAdmin

from .models import Demand, Training, TrainingEvent, TrainingSession, TransitionError


class TrainingEventInline(admin.TabularInline):
    model = TrainingEvent
    fields = ["created_at", "action", "status", "actor", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class SessionInline(admin.TabularInline):
    model = TrainingSession
    fields = ["starts_at", "ends_at", "place"]
    extra = 0

    def has_add_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, shown to the organiser"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
    )


@admin.register(Training)
class TrainingAdmin(SafeDateHierarchy, ScopedToMunicipalitiesAdmin):
    """Moderated per municipality by the same staff, with the same rules, as jobs."""

    list_display = ["title", "provider", "location_display", "kind", "status", "starts_at"]
    list_filter = [
        "status",
        ("municipality", admin.RelatedOnlyFieldListFilter),
        ("provider", admin.RelatedOnlyFieldListFilter),
        "kind",
        "format",
    ]
    search_fields = ["title", "provider__name", "description"]
    list_select_related = ["provider", "municipality"]
    autocomplete_fields = ["provider"]
    filter_horizontal = ["sectors", "placement_employers"]
    readonly_fields = [
        "status",
        "submitted_at",
        "published_at",
        "closed_at",
        "created_by",
        "created_at",
        "updated_at",
        "starts_at",
        "ends_at",
    ]
    inlines = [SessionInline, TrainingEventInline]
    actions = ["approve", "reject", "unpublish"]
    date_hierarchy = "created_at"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.refresh_derived()  # its dates from the sessions just saved

    def get_ordering(self, request):
        if request.GET.get("status__exact") == Training.Status.SUBMITTED:
            return ["submitted_at", "pk"]
        return ["-created_at"]

    @admin.display(description=_("location"), ordering="municipality__name_fi")
    def location_display(self, training):
        return training.location

    def has_moderate_permission(self, request):
        return request.user.has_perm("trainings.moderate_training")

    def _apply(self, request, queryset, method, success, **kwargs):
        done, skipped = 0, 0
        for training in queryset.select_related("provider"):
            try:
                getattr(training, method)(request.user, **kwargs)
                done += 1
            except TransitionError:
                skipped += 1
        if done:
            self.message_user(request, success % {"count": done}, messages.SUCCESS)
        if skipped:
            message = ngettext(
                "%(count)d training was skipped: it is not in a state where this can be done.",
                "%(count)d trainings were skipped: they are not in a state where this can be done.",
                skipped,
            )
            self.message_user(request, message % {"count": skipped}, messages.WARNING)

    @admin.action(permissions=["moderate"], description=_("Approve and publish"))
    def approve(self, request, queryset):
        success = ngettext_lazy(
            "%(count)d training approved and published.",
            "%(count)d trainings approved and published.",
            "count",
        )
        self._apply(request, queryset, "approve", success)

    def _with_reason(self, request, queryset, method, title, success):
        form = ReasonForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            try:
                self._apply(request, queryset, method, success, reason=form.cleaned_data["reason"])
            except ValidationError as exc:
                self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "form": form,
            "queryset": queryset,
            "opts": self.model._meta,
            "action": method,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/trainings/training/reason.html", context)

    @admin.action(permissions=["moderate"], description=_("Reject with a reason"))
    def reject(self, request, queryset):
        success = ngettext_lazy(
            "%(count)d training rejected.", "%(count)d trainings rejected.", "count"
        )
        return self._with_reason(request, queryset, "reject", _("Reject trainings"), success)

    @admin.action(permissions=["moderate"], description=_("Unpublish with a reason"))
    def unpublish(self, request, queryset):
        success = ngettext_lazy(
            "%(count)d training unpublished.", "%(count)d trainings unpublished.", "count"
        )
        return self._with_reason(request, queryset, "unpublish", _("Unpublish trainings"), success)


@admin.register(TrainingEvent)
class TrainingEventAdmin(ModerationEventAdmin):
    posting = "training"
    list_display = ["created_at", "training", "action", "actor", "reason"]
    search_fields = ["training__title", "reason"]
    list_select_related = ["training", "actor"]


@admin.register(Demand)
class DemandAdmin(admin.ModelAdmin):
    """What was asked for, without who asked (the summary page sums it)."""

    list_display = ["what", "sector", "municipality", "people", "needed_by", "created_at"]
    list_filter = ["sector", "municipality"]
    fields = ["what", "sector", "municipality", "people", "needed_by", "created_at"]
    readonly_fields = fields

    def lookup_allowed(self, lookup, value, request):
        # The listed filters only: Django would also filter by a relation's id (?user=53,
        # ?employer=…), which would tell who asked.
        return lookup.split(LOOKUP_SEP)[0] in self.list_filter and super().lookup_allowed(
            lookup, value, request
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
