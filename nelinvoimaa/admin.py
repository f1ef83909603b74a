from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy

from .models import AuditEntry, Municipality, Page, Sector, User
from .moderation import ReadOnlyAdmin


class LabelledFileInput(forms.ClearableFileInput):
    """A file input labelled by its field's <label>. Django's admin puts a lone file input in a
    fieldset with a legend, which axe and screen readers do not take as its label."""

    use_fieldset = False


class SafeChangeList(ChangeList):
    """A year like ?created_at__year=99999999999 overflows datetime() in the date hierarchy,
    which Django's admin does not catch (a 500): it is an incorrect lookup like any other."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except OverflowError as exc:
            raise IncorrectLookupParameters(exc) from exc


class SafeDateHierarchy:
    """For admins with a date_hierarchy: see SafeChangeList."""

    def get_changelist(self, request, **kwargs):
        return SafeChangeList


class LabelledListEditable:
    """Django gives the inputs of `list_editable` no label, so a screen reader announces a
    row of unnamed boxes (axe: "Form elements must have labels"). Each gets an aria-label
    naming the field and the row."""

    def get_changelist_form(self, request, **kwargs):
        form_class = super().get_changelist_form(request, **kwargs)
        editable = self.list_editable

        class LabelledForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name in editable:
                    label = f"{self.fields[name].label}: {self.instance}"
                    self.fields[name].widget.attrs["aria-label"] = label

        return LabelledForm


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_superuser", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "municipalities", "language"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (gettext_lazy("Personal information"), {"fields": ["full_name", "phone", "language"]}),
        (gettext_lazy("Staff"), {"fields": ["is_active", "is_staff", "municipalities", "groups"]}),
        (
            gettext_lazy("Administrator"),
            {
                "classes": ["collapse"],
                "fields": ["is_superuser", "user_permissions"],
            },
        ),
        (gettext_lazy("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # Not filter_horizontal: its JavaScript boxes have no accessible names (axe, WCAG
        # 4.1.2). The few municipalities and groups are checkboxes, permissions a plain list.
        if db_field.name in {"municipalities", "groups"}:
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class GroupAdmin(DjangoGroupAdmin):
    filter_horizontal = []  # as for users: a plain labelled list of permissions


admin.site.unregister(Group)
admin.site.register(Group, GroupAdmin)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name_fi", "name_sv", "code", "region"]
    readonly_fields = ["code"]


@admin.register(Sector)
class SectorAdmin(LabelledListEditable, admin.ModelAdmin):
    list_display = ["name_fi", "name_sv", "name_en", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Page)
class PageAdmin(LabelledListEditable, admin.ModelAdmin):
    list_display = ["title_fi", "slug", "in_footer", "position", "updated_at"]
    list_editable = ["in_footer", "position"]
    search_fields = ["title_fi", "title_sv", "title_en", "body_fi"]
    fieldsets = [
        (None, {"fields": ["slug", "in_footer", "position"]}),
        (gettext_lazy("Finnish"), {"fields": ["title_fi", "body_fi"]}),
        (gettext_lazy("Swedish"), {"fields": ["title_sv", "body_sv"]}),
        (gettext_lazy("English"), {"fields": ["title_en", "body_en"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Footer links and other pages point at the slug; only superusers rename it.
        if obj and not request.user.is_superuser:
            return ["slug"]
        return []


@admin.register(AuditEntry)
class AuditEntryAdmin(SafeDateHierarchy, ReadOnlyAdmin):
    """Superusers only: the log names who viewed whose CV across every municipality, and its
    entries cannot be scoped to one (they hold ids, not places)."""

    list_display = ["created_at", "action", "target", "actor", "detail"]
    list_filter = ["action"]
    search_fields = ["target", "detail"]
    date_hierarchy = "created_at"

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser
