from django import forms
from django.db import transaction
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from applications.uploads import clean_cv
from jobs.forms import DateInput
from jobs.models import EmploymentType
from nelinvoimaa.models import Municipality, Sector

from .models import Alert, OpenTo, PresencePeriod, Profile


def frequency_label(kind):
    """The label of an alert's frequency: what it sends."""
    return _("Send new trainings") if kind == Alert.Kind.TRAININGS else _("Send new jobs")


class AlertForm(forms.ModelForm):
    """A job (training) alert of the search in `query`: the job (training) list's parameters."""

    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)
    kind = forms.ChoiceField(choices=Alert.Kind.choices, required=False, widget=forms.HiddenInput)

    class Meta:
        model = Alert
        fields = ["frequency"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kind = self.initial.get("kind") or self.data.get("kind")
        self.fields["frequency"].label = frequency_label(kind)

    def clean_kind(self):
        return self.cleaned_data["kind"] or Alert.Kind.JOBS


class FrequencyForm(forms.ModelForm):
    class Meta:
        model = Alert
        fields = ["frequency"]
        labels = {"frequency": _("Send new jobs")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.is_for_trainings:
            self.fields["frequency"].label = _("Send new trainings")


class ProfileForm(forms.ModelForm):
    employment_types = forms.MultipleChoiceField(
        label=_("Employment types"),
        choices=EmploymentType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    months = forms.TypedMultipleChoiceField(
        label=_("Months I am available"),
        choices=[(n, name) for n, name in MONTHS.items()],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    open_to = forms.MultipleChoiceField(
        label=_("I am open to"),
        choices=OpenTo.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    field_order = [
        "sectors",
        "occupations",
        "municipalities",
        "commute_from",
        "employment_types",
        "months",
    ]
    cv_file = forms.FileField(
        label=_("CV"),
        required=False,
        help_text=_(
            "PDF, Word (DOCX) or OpenDocument (ODT), at most 5 MB. Only you see it; it is "
            "offered when you apply."
        ),
        widget=forms.FileInput(attrs={"accept": ".pdf,.docx,.odt"}),
    )
    remove_cv = forms.BooleanField(label=_("Remove my stored CV"), required=False)

    class Meta:
        model = Profile
        fields = [
            "sectors",
            "occupations",
            "municipalities",
            "commute_from",
            "employment_types",
            "languages",
            "driving_licence",
            "has_car",
            "introduction",
            "phone",
            "open_to",
            "visible_to_employers",
        ]
        labels = {"sectors": _("Sectors"), "municipalities": _("Municipalities where I would work")}
        widgets = {
            "sectors": forms.CheckboxSelectMultiple,
            "municipalities": forms.CheckboxSelectMultiple,
            "introduction": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["months"] = self.instance.month_numbers
        if not self.instance.cv:
            del self.fields["remove_cv"]

    def clean_cv_file(self):
        upload = self.cleaned_data.get("cv_file")
        return clean_cv(upload) if upload else None

    def save(self, commit=True):
        profile = super().save(commit=False)
        profile.months = sum(1 << (n - 1) for n in self.cleaned_data["months"])
        with transaction.atomic():
            profile.save()
            self.save_m2m()
            if self.cleaned_data.get("cv_file"):
                profile.replace_cv(self.cleaned_data["cv_file"])
            elif self.cleaned_data.get("remove_cv"):
                profile.replace_cv(None)
        return profile


class PresenceForm(forms.ModelForm):
    class Meta:
        model = PresencePeriod
        fields = ["municipality", "starts", "ends", "every_year"]
        widgets = {
            "starts": DateInput(),
            "ends": DateInput(),
        }

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        if starts and ends and ends < starts:
            self.add_error("ends", _("The end cannot be before the start."))
        return cleaned


class CardSearchForm(forms.Form):
    sector = forms.ModelChoiceField(Sector.objects.all(), label=_("Sector"), required=False)
    municipality = forms.ModelChoiceField(
        Municipality.objects.all(), label=_("Municipality"), required=False
    )
    month = forms.TypedChoiceField(
        label=_("Available in"),
        choices=[("", _("Any month"))] + list(MONTHS.items()),
        coerce=int,
        empty_value=None,
        required=False,
    )
    present = forms.TypedChoiceField(
        label=_("In the region in"),
        choices=[("", _("Any month"))] + list(MONTHS.items()),
        coerce=int,
        empty_value=None,
        required=False,
    )


class ContactRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        help_text=_("Say what work you offer. The person sees your employer's name."),
    )
