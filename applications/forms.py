from django import forms
from django.utils.translation import gettext_lazy as _

from .models import EMPLOYER_STATUSES, Application
from .uploads import clean_cv


class ApplicationForm(forms.ModelForm):
    cv_file = forms.FileField(
        label=_("CV"),
        required=False,
        help_text=_("PDF, Word (DOCX) or OpenDocument (ODT), at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that the employer processes my application."
        )
    )

    class Meta:
        model = Application
        fields = ["cover_letter", "phone", "availability"]
        widgets = {
            "cover_letter": forms.Textarea(attrs={"rows": 10}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }

    def __init__(self, *args, pending_cv=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.pending_cv = pending_cv
        if pending_cv:
            # Inserted right after the file field it stands in for.
            fields = list(self.fields.items())
            at = [name for name, _field in fields].index("cv_file") + 1
            fields.insert(
                at,
                (
                    "discard_pending_cv",
                    forms.BooleanField(
                        label=_("Do not attach %(name)s") % {"name": pending_cv["original"]},
                        required=False,
                    ),
                ),
            )
            self.fields = dict(fields)

    def clean_cv_file(self):
        upload = self.cleaned_data.get("cv_file")
        if not upload:
            return None
        return clean_cv(upload)

    def attaches_pending_cv(self):
        """Whether the kept CV goes with the application: no new file chosen, not declined."""
        return bool(
            self.pending_cv
            and not self.cleaned_data.get("cv_file")
            and not self.cleaned_data.get("discard_pending_cv")
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[(status.value, status.label) for status in EMPLOYER_STATUSES]
    )


class NotesForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
