from django import forms
from django.contrib import admin
from django.db.models import Q

from employers.models import Employer
from nelinvoimaa.admin import LabelledFileInput
from nelinvoimaa.images import process_image

from .models import Story

IMAGE_SIDE = 1600


class StoryForm(forms.ModelForm):
    class Meta:
        model = Story
        fields = [
            "kind",
            "title",
            "slug",
            "lead",
            "body",
            "language",
            "image",
            "image_alt",
            "municipality",
            "employer",
            "tags",
            "is_published",
            "published_at",
        ]
        widgets = {"image": LabelledFileInput, "body": forms.Textarea(attrs={"rows": 20})}

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and hasattr(image, "content_type"):  # a new upload, not the stored file
            return process_image(image, IMAGE_SIDE)
        return image


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    """Staff write and publish the stories (all staff, for the whole region)."""

    form = StoryForm
    list_display = ["title", "kind", "language", "municipality", "is_published", "published_at"]
    list_filter = ["kind", "is_published", "language", "municipality"]
    search_fields = ["title", "lead", "body", "tags"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["municipality"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "lead", "body", "language"]}),
        (None, {"fields": ["image", "image_alt"]}),
        (None, {"fields": ["municipality", "employer", "tags"]}),
        (None, {"fields": ["is_published", "published_at"]}),
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not request.user.is_superuser and "employer" in form.base_fields:
            # Stories are the region's, but an employer not yet verified is only its own
            # municipality's business: the public ones, the staff member's own and the one
            # the story names already.
            field = form.base_fields["employer"]
            field.queryset = Employer.objects.filter(
                Q(verified_at__isnull=False)
                | Q(pk__in=Employer.objects.for_moderator(request.user).values("pk"))
                | Q(pk=getattr(obj, "employer_id", None))
            )
        return form
