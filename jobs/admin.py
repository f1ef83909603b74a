from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from nelinvoimaa.admin import SafeDateHierarchy
from nelinvoimaa.moderation import ScopedToMunicipalitiesAdmin

from .models import Job, JobEvent, TransitionError


class JobEventInline(admin.TabularInline):
    model = JobEvent
    fields = ["created_at", "action", "status", "actor", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, shown to the employer"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
    )


@admin.register(Job)
class JobAdmin(SafeDateHierarchy, ScopedToMunicipalitiesAdmin):
    list_display = [
        "title",
        "employer",
        "location_display",
        "employment_type",
        "status",
        "submitted_at",
        "deadline",
    ]
    list_filter = [
        "status",
        ("municipality", admin.RelatedOnlyFieldListFilter),
        ("employer", admin.RelatedOnlyFieldListFilter),
        "employment_type",
        "is_remote",
    ]
    search_fields = ["title", "employer__name", "description"]
    list_select_related = ["employer", "municipality"]
    autocomplete_fields = ["employer"]
    readonly_fields = [
        "status",
        "submitted_at",
        "published_at",
        "closed_at",
        "created_by",
        "copied_from",
        "created_at",
        "updated_at",
    ]
    inlines = [JobEventInline]
    actions = ["approve", "reject", "unpublish"]
    date_hierarchy = "created_at"

    def get_ordering(self, request):
        # The moderation queue: the oldest waiting first.
        if request.GET.get("status__exact") == Job.Status.SUBMITTED:
            return ["submitted_at", "pk"]
        return ["-created_at"]

    @admin.display(description=_("location"), ordering="municipality__name_fi")
    def location_display(self, job):
        return job.location

    def has_moderate_permission(self, request):
        return request.user.has_perm("jobs.moderate_job")

    def _apply(self, request, queryset, method, success, **kwargs):
        """Call the job's transition method on each selected job; report what happened."""
        done, skipped = 0, 0
        for job in queryset.select_related("employer"):
            try:
                getattr(job, method)(request.user, **kwargs)
                done += 1
            except TransitionError:
                skipped += 1  # handled by someone else, or not in the right state
        if done:
            self.message_user(request, success % {"count": done}, messages.SUCCESS)
        if skipped:
            message = ngettext(
                "%(count)d job was skipped: it is not in a state where this can be done.",
                "%(count)d jobs were skipped: they are not in a state where this can be done.",
                skipped,
            )
            self.message_user(request, message % {"count": skipped}, messages.WARNING)

    @admin.action(permissions=["moderate"], description=_("Approve and publish"))
    def approve(self, request, queryset):
        success = ngettext_lazy(
            "%(count)d job approved and published.",
            "%(count)d jobs approved and published.",
            "count",
        )
        self._apply(request, queryset, "approve", success)

    def _with_reason(self, request, queryset, method, title, success):
        """Ask for the reason on an intermediate page, then apply to every selected job."""
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
        return TemplateResponse(request, "admin/jobs/job/reason.html", context)

    @admin.action(permissions=["moderate"], description=_("Reject with a reason"))
    def reject(self, request, queryset):
        success = ngettext_lazy("%(count)d job rejected.", "%(count)d jobs rejected.", "count")
        return self._with_reason(request, queryset, "reject", _("Reject jobs"), success)

    @admin.action(permissions=["moderate"], description=_("Unpublish with a reason"))
    def unpublish(self, request, queryset):
        success = ngettext_lazy(
            "%(count)d job unpublished.", "%(count)d jobs unpublished.", "count"
        )
        return self._with_reason(request, queryset, "unpublish", _("Unpublish jobs"), success)


@admin.register(JobEvent)
class JobEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "job", "action", "actor", "reason"]
    list_filter = ["action"]
    search_fields = ["job__title", "reason"]
    list_select_related = ["job", "actor"]

    def get_queryset(self, request):
        jobs = Job.objects.for_moderator(request.user)
        return super().get_queryset(request).filter(job__in=jobs)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
