from django.contrib import admin

from .models import ContactBlock, ContactRequest


@admin.register(ContactRequest)
class ContactRequestAdmin(admin.ModelAdmin):
    """Staff see who asks whom and how often (the messages included), to stop abuse with a
    ContactBlock; they change nothing here."""

    list_display = ["created_at", "employer", "sent_by", "status", "answered_at"]
    list_filter = ["status"]
    search_fields = ["employer__name"]
    readonly_fields = [
        "employer",
        "sent_by",
        "profile",
        "message",
        "status",
        "created_at",
        "answered_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ContactBlock)
class ContactBlockAdmin(admin.ModelAdmin):
    list_display = ["employer", "reason", "created_at"]
    autocomplete_fields = ["employer"]
