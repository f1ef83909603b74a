from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy

from .models import AuditEntry, Municipality, Page, Sector, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_superuser", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "municipalities", "language"]
    search_fields = ["email", "full_name"]
    filter_horizontal = ["groups", "user_permissions", "municipalities"]
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


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name_fi", "name_sv", "code", "region"]
    readonly_fields = ["code"]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["name_fi", "name_sv", "name_en", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
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
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "target", "actor", "detail"]
    list_filter = ["action"]
    search_fields = ["target", "detail"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
