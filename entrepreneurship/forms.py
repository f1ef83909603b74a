from django import forms

from .models import ContactMessage, MentoringEntry, SuccessorListing


class ListingForm(forms.ModelForm):
    class Meta:
        model = SuccessorListing
        fields = [
            "title",
            "trade",
            "municipality",
            "size",
            "timetable",
            "description",
            "for_sale",
        ]
        widgets = {
            "size": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 8}),
            "for_sale": forms.Textarea(attrs={"rows": 4}),
        }


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}


class MentoringForm(forms.ModelForm):
    class Meta:
        model = MentoringEntry
        fields = ["kind", "municipality", "topics", "availability"]
        widgets = {"kind": forms.RadioSelect, "topics": forms.Textarea(attrs={"rows": 5})}
