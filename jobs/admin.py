from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from nelinvoimaa.admin import SafeDateHierarchy
from nelinvoimaa.contributions import contributed
from nelinvoimaa.moderation import ModerationEventAdmin, ScopedToMunicipalitiesAdmin

from .access import DETAIL_RELATED
from .models import Job, JobEvent, TransitionError

# What a moderator sees of a posting besides its preview: the workflow, not the text again.
MODERATION_FIELDS = [
    "employer",
    "status",
    "submitted_at",
    "published_at",
    "closed_at",
    "created_by",
    "copied_from",
    "created_at",
    "updated_at",
]


def reason_templates():
    """(key, title, text) of the reasons staff keep ready (apps contribute them as
    `moderation_reasons`)."""
    return [reason for make in contributed("moderation_reasons") for reason in make()]


class ReasonForm(forms.Form):
    """A reason for the employer: a ready one, what the moderator writes, or both."""

    template = forms.ChoiceField(label=_("Ready reason"), required=False)
    reason = forms.CharField(
        label=_("Reason, shown to the employer"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
    )

    def __init__(self, *args, templates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.texts = {key: text for key, _title, text in templates}
        if templates:
            self.fields["template"].choices = [("", _("None")), *[(k, t) for k, t, _ in templates]]
            self.fields["reason"].help_text = _("Comes after the ready reason, if you chose one.")
        else:
            del self.fields["template"]

    def clean(self):
        data = super().clean()
        parts = [self.texts.get(data.get("template", "")), data.get("reason", "").strip()]
        data["reason"] = "\n\n".join(part for part in parts if part)
        if not data["reason"] and not self.errors:
            self.add_error("reason", _("Give a reason, so the employer knows what to fix."))
        return data


PUBLIC = {Job.Status.PUBLISHED, Job.Status.CLOSED}
DECISIONS = {
    "approve": _("The job was approved and published."),
    "reject": _("The job was rejected; the employer was told why."),
    "unpublish": _("The job was unpublished; the employer was told why."),
}
TITLES = {"reject": _("Reject the job"), "unpublish": _("Unpublish the job")}


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
    actions = ["approve", "reject", "unpublish"]
    date_hierarchy = "created_at"
    change_form_template = "admin/jobs/job/change_form.html"

    class Media:
        css = {"all": ["jobs/moderation.css"]}

    def get_fieldsets(self, request, obj=None):
        # A moderator reads the posting in its preview; the form shows the workflow only.
        if obj is not None and not request.user.is_superuser:
            return [(None, {"fields": MODERATION_FIELDS})]
        return super().get_fieldsets(request, obj)

    def get_urls(self):
        moderate = self.admin_site.admin_view(
            require_http_methods(["GET", "HEAD", "POST"])(self.moderate_view)
        )
        return [
            path(
                "<path:object_id>/moderate/<str:decision>/",
                moderate,
                name="jobs_job_moderate",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        job = self.get_object(request, unquote(object_id))
        extra = {}
        if job is not None:
            job = Job.objects.select_related(*DETAIL_RELATED).get(pk=job.pk)
            extra = {
                "job": job,
                "events": job.events.select_related("actor"),
                "can_moderate": self.has_moderate_permission(request),
                "public_url": job.get_absolute_url() if job.status in PUBLIC else None,
            }
        return super().change_view(request, object_id, form_url, extra | (extra_context or {}))

    def moderate_view(self, request, object_id, decision):
        """Approve (a button: POST), or reject or unpublish with a reason (a form page), one
        posting from its own page; then on to the next one waiting."""
        job = self.get_object(request, unquote(object_id))
        if job is None or decision not in DECISIONS:
            raise Http404
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        change_url = reverse("admin:jobs_job_change", args=[job.pk])
        if decision == "approve":
            if request.method != "POST":
                return redirect(change_url)
            return self._decide(request, job, "approve", DECISIONS["approve"])
        form = ReasonForm(
            request.POST if request.method == "POST" else None, templates=reason_templates()
        )
        if request.method == "POST" and form.is_valid():
            done = DECISIONS[decision]
            return self._decide(request, job, decision, done, reason=form.cleaned_data["reason"])
        context = {
            **self.admin_site.each_context(request),
            "title": TITLES[decision],
            "form": form,
            "job": job,
            "opts": self.model._meta,
            "change_url": change_url,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/jobs/job/decide.html", context)

    def _decide(self, request, job, method, done, **kwargs):
        try:
            getattr(job, method)(request.user, **kwargs)
        except TransitionError as exc:
            message = gettext(
                "Nothing was done: the job is now “%(status)s” (perhaps someone just handled it)."
            ) % {"status": exc}
            self.message_user(request, message, messages.WARNING)
            return redirect("admin:jobs_job_change", job.pk)
        self.message_user(request, str(done), messages.SUCCESS)
        waiting = self.get_queryset(request).review_queue().first()
        if waiting is not None:
            return redirect("admin:jobs_job_change", waiting.pk)
        return redirect(reverse("admin:jobs_job_changelist") + "?status__exact=submitted")

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
        form = ReasonForm(
            request.POST if "apply" in request.POST else None, templates=reason_templates()
        )
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
class JobEventAdmin(ModerationEventAdmin):
    posting = "job"
    list_display = ["created_at", "job", "action", "actor", "reason"]
    search_fields = ["job__title", "reason"]
    list_select_related = ["job", "actor"]
