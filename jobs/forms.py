from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.models import Municipality

from .models import ApplyMethod, EmploymentType, Job, WorkingTime

REMOTE = "remote"
MAX_DESCRIPTION = 10_000  # characters: a long posting, with bounded work to analyse its words


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class JobForm(forms.ModelForm):
    """A job posting. The location is one choice: a municipality, or remote or elsewhere."""

    location = forms.ChoiceField(label=_("Location"), widget=forms.RadioSelect)

    class Meta:
        model = Job
        fields = [
            "title",
            "description",
            "language",
            "sector",
            "employment_type",
            "working_time",
            "location",
            "address",
            "start_date",
            "end_date",
            "positions",
            "pay_min",
            "pay_max",
            "pay_unit",
            "pay_description",
            "languages",
            "driving_licence",
            "hygiene_passport",
            "first_aid_card",
            "safety_card",
            "other_requirements",
            "housing_offered",
            "housing_details",
            "apply_method",
            "apply_url",
            "apply_email",
            "deadline",
            "tell_applicants_when_closed",
            "contact_name",
            "contact_phone",
            "contact_email",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 10}),
            "other_requirements": forms.Textarea(attrs={"rows": 3}),
            "language": forms.RadioSelect,
            "employment_type": forms.RadioSelect,
            "working_time": forms.RadioSelect,
            "apply_method": forms.RadioSelect,
            "pay_unit": forms.RadioSelect,
            "start_date": DateInput(),
            "end_date": DateInput(),
            "deadline": DateInput(),
            "contact_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        help_texts = {
            "start_date": _("Required for fixed-term, seasonal and summer jobs."),
            "end_date": _("Required for fixed-term, seasonal and summer jobs."),
            "apply_url": _("If applications go through a link."),
            "apply_email": _("If applications go by e-mail."),
        }

    # The form is shown in these parts, each under its own heading.
    SECTIONS = [
        (
            _("The job"),
            [
                "title",
                "description",
                "language",
                "sector",
                "employment_type",
                "working_time",
                "positions",
            ],
        ),
        (_("Where and when"), ["location", "address", "start_date", "end_date"]),
        (_("Pay"), ["pay_min", "pay_max", "pay_unit", "pay_description"]),
        (
            _("Requirements"),
            [
                "languages",
                "driving_licence",
                "hygiene_passport",
                "first_aid_card",
                "safety_card",
                "other_requirements",
            ],
        ),
        (_("Housing"), ["housing_offered", "housing_details"]),
        (
            _("How to apply"),
            ["apply_method", "apply_url", "apply_email", "deadline", "tell_applicants_when_closed"],
        ),
        (_("Contact person"), ["contact_name", "contact_phone", "contact_email"]),
    ]

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        description = self.fields["description"]
        description.max_length = MAX_DESCRIPTION
        description.validators.append(MaxLengthValidator(MAX_DESCRIPTION))
        description.widget.attrs["maxlength"] = MAX_DESCRIPTION
        self.fields["employment_type"].choices = EmploymentType.choices
        self.fields["working_time"].choices = WorkingTime.choices
        self.fields["apply_method"].choices = ApplyMethod.choices
        self.fields["location"].choices = [
            (str(m.pk), m.name) for m in Municipality.objects.all()
        ] + [(REMOTE, _("Remote or elsewhere"))]
        if self.instance.pk:
            self.initial["location"] = (
                REMOTE if self.instance.is_remote else str(self.instance.municipality_id)
            )
        self.fields["pay_unit"].choices = self.fields["pay_unit"].choices[1:]
        self.fields["pay_unit"].required = False
        self.fields["sector"].empty_label = _("Choose a sector")

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        changed = "deadline" in self.changed_data or not self.instance.pk
        if deadline and changed and deadline < timezone.localdate():
            raise forms.ValidationError(_("The application deadline cannot be in the past."))
        return deadline

    def _post_clean(self):
        location = self.cleaned_data.get("location")
        self.instance.is_remote = location == REMOTE
        self.instance.municipality_id = int(location) if location and location != REMOTE else None
        super()._post_clean()

    def _update_errors(self, errors):
        # The model reports a missing location on `municipality`; this form asks for it as
        # `location`, which already carries its own error when the choice was invalid.
        error_dict = getattr(errors, "error_dict", {})
        if "municipality" in error_dict:
            municipality_errors = error_dict.pop("municipality")
            if "location" not in self.errors:
                error_dict["location"] = municipality_errors
        super()._update_errors(errors)


class CloseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=500,
        help_text=_("E.g. “The position has been filled.”"),
    )
