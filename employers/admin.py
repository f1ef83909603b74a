from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from nelinvoimaa.admin import LabelledFileInput
from nelinvoimaa.moderation import ScopedToMunicipalitiesAdmin

from .models import Employer, Membership, Photo


class VerifiedFilter(admin.SimpleListFilter):
    title = _("verified")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(verified_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(verified_at__isnull=True)
        return queryset


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ["user", "role", "created_at"]
    readonly_fields = ["user", "role", "created_at"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


# Stacked, not tabular: a tabular inline's inputs have no labels (axe, WCAG 1.3.1).
class PhotoInline(admin.StackedInline):
    model = Photo
    fields = ["image", "description", "position"]
    extra = 0
    formfield_overrides = {models.ImageField: {"widget": LabelledFileInput}}


@admin.register(Employer)
class EmployerAdmin(ScopedToMunicipalitiesAdmin):
    list_display = ["name", "kind", "municipality", "business_id", "is_verified", "created_at"]
    list_filter = [VerifiedFilter, ("municipality", admin.RelatedOnlyFieldListFilter), "kind"]
    search_fields = ["name", "business_id"]
    readonly_fields = ["slug", "verified_at", "verified_by", "created_at", "updated_at"]
    inlines = [MembershipInline, PhotoInline]
    formfield_overrides = {models.ImageField: {"widget": LabelledFileInput}}
    actions = ["verify", "unverify"]

    @admin.display(boolean=True, description=_("verified"))
    def is_verified(self, employer):
        return employer.is_verified

    def has_verify_permission(self, request):
        return request.user.has_perm("employers.verify_employer")

    @admin.action(permissions=["verify"], description=_("Verify the selected employers"))
    def verify(self, request, queryset):
        count = 0
        for employer in queryset.filter(verified_at__isnull=True):
            employer.verify(request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d employer verified.", "%(count)d employers verified.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(permissions=["verify"], description=_("Remove the verification"))
    def unverify(self, request, queryset):
        count = 0
        for employer in queryset.filter(verified_at__isnull=False):
            employer.unverify()
            count += 1
        self.message_user(
            request,
            ngettext(
                "Verification removed from %(count)d employer.",
                "Verification removed from %(count)d employers.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
