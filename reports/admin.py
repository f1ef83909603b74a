from django.contrib import admin

from nelinvoimaa.admin import LabelledListEditable

from .models import ReasonTemplate


@admin.register(ReasonTemplate)
class ReasonTemplateAdmin(LabelledListEditable, admin.ModelAdmin):
    list_display = ["title", "text", "position"]
    list_editable = ["position"]
    search_fields = ["title", "text"]
