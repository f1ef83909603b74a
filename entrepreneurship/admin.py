from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from jobs.models import TransitionError
from nelinvoimaa.moderation import ScopedToMunicipalitiesAdmin

from .models import MentoringEntry, MentoringPair, SuccessorListing, scoped_pairs


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, shown to the owner"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
    )


@admin.register(SuccessorListing)
class SuccessorListingAdmin(ScopedToMunicipalitiesAdmin):
    """Moderated as jobs are: each moderator their municipalities', through actions."""

    list_display = ["title", "trade", "municipality", "status", "submitted_at"]
    list_filter = ["status", ("municipality", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "trade", "description"]
    list_select_related = ["municipality"]
    actions = ["approve", "reject"]

    def has_moderate_permission(self, request):
        return request.user.has_perm("entrepreneurship.moderate_successorlisting")

    def _apply(self, request, queryset, method, **kwargs):
        done = skipped = 0
        for listing in queryset:
            try:
                getattr(listing, method)(request.user, **kwargs)
                done += 1
            except TransitionError:
                skipped += 1
        if done:
            self.message_user(
                request,
                ngettext("%(count)d listing handled.", "%(count)d listings handled.", done)
                % {"count": done},
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d listing was skipped: it is not waiting for review.",
                    "%(count)d listings were skipped: they are not waiting for review.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    @admin.action(permissions=["moderate"], description=_("Approve and publish"))
    def approve(self, request, queryset):
        self._apply(request, queryset, "approve")

    @admin.action(permissions=["moderate"], description=_("Reject with a reason"))
    def reject(self, request, queryset):
        form = ReasonForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            try:
                self._apply(request, queryset, "reject", reason=form.cleaned_data["reason"])
            except ValidationError as exc:
                self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reject listings"),
            "form": form,
            "queryset": queryset,
            "opts": self.model._meta,
            "action": "reject",
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/entrepreneurship/reason.html", context)


@admin.register(MentoringEntry)
class MentoringEntryAdmin(ScopedToMunicipalitiesAdmin):
    list_display = ["kind", "person", "municipality", "availability", "is_active", "created_at"]
    list_filter = ["kind", "is_active", ("municipality", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["topics", "person__full_name"]
    list_select_related = ["person", "municipality"]


@admin.register(MentoringPair)
class MentoringPairAdmin(admin.ModelAdmin):
    """Staff pair a mentor with a mentee of their municipalities and follow the pair."""

    list_display = ["__str__", "status", "created_at", "followed_up_at"]
    list_filter = ["status"]
    fields = ["mentor", "mentee", "status", "followed_up_at", "notes"]

    def get_queryset(self, request):
        return scoped_pairs(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in {"mentor", "mentee"}:
            kwargs["queryset"] = MentoringEntry.objects.for_moderator(request.user).select_related(
                "person"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.paired_by = request.user
        super().save_model(request, obj, form, change)
        # Paired: the two no longer wait in the list of offers and requests.
        MentoringEntry.objects.filter(pk__in=[obj.mentor_id, obj.mentee_id]).update(is_active=False)
