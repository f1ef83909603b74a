from django import forms
from django.core.validators import MaxValueValidator
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employers.models import Employer

from .models import Demand, Format, Kind, Training, TrainingSession

MAX_CAPACITY = 1000


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class TrainingForm(forms.ModelForm):
    class Meta:
        model = Training
        fields = [
            "title",
            "description",
            "language",
            "kind",
            "format",
            "sectors",
            "for_jobseekers",
            "for_employed",
            "for_entrepreneurs",
            "for_second_home",
            "prerequisites",
            "municipality",
            "transport_note",
            "price",
            "capacity",
            "enrolment_opens",
            "enrolment_closes",
            "questions",
            "placement_employers",
            "contact_email",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 10, "maxlength": 10000}),
            "prerequisites": forms.Textarea(attrs={"rows": 3, "maxlength": 3000}),
            "transport_note": forms.Textarea(attrs={"rows": 4, "maxlength": 3000}),
            "language": forms.RadioSelect,
            "kind": forms.RadioSelect,
            "format": forms.RadioSelect,
            "sectors": forms.CheckboxSelectMultiple,
            "placement_employers": forms.CheckboxSelectMultiple,
            "enrolment_opens": DateInput(),
            "enrolment_closes": DateInput(),
        }
        help_texts = {
            "placement_employers": _("Workplaces where students can do their on-the-job part."),
            "enrolment_opens": _("Empty: enrolment is open as soon as the training is published."),
        }

    SECTIONS = [
        (
            _("The training"),
            ["title", "description", "language", "kind", "format", "sectors", "prerequisites"],
        ),
        (
            _("Who it is for"),
            ["for_jobseekers", "for_employed", "for_entrepreneurs", "for_second_home"],
        ),
        (_("Where"), ["municipality", "transport_note"]),
        (
            _("Enrolment"),
            ["price", "capacity", "enrolment_opens", "enrolment_closes", "questions"],
        ),
        (_("Placements and contact"), ["placement_employers", "contact_email"]),
    ]

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Kind.choices
        self.fields["format"].choices = Format.choices
        self.fields["municipality"].empty_label = _("Online only")
        self.fields["placement_employers"].queryset = Employer.objects.order_by("name")
        # The same bound on every database (SQLite has no small-integer range of its own).
        capacity = self.fields["capacity"]
        capacity.validators.append(MaxValueValidator(MAX_CAPACITY))
        capacity.widget.attrs["max"] = MAX_CAPACITY

    def clean_enrolment_closes(self):
        closes = self.cleaned_data["enrolment_closes"]
        changed = "enrolment_closes" in self.changed_data or not self.instance.pk
        if closes and changed and closes < timezone.localdate():
            raise forms.ValidationError(_("The enrolment period cannot end in the past."))
        return closes


class SessionForm(forms.ModelForm):
    class Meta:
        model = TrainingSession
        fields = ["starts_at", "ends_at", "place"]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}

    def clean_starts_at(self):
        starts = self.cleaned_data["starts_at"]
        changed = "starts_at" in self.changed_data or not self.instance.pk
        if starts and changed and starts < timezone.now():
            raise forms.ValidationError(_("A new session cannot start in the past."))
        return starts


SessionFormSet = inlineformset_factory(
    Training,
    TrainingSession,
    form=SessionForm,
    extra=2,
    max_num=30,
    validate_max=True,
    can_delete=True,
)


class EnrolForm(forms.Form):
    placements = forms.MultipleChoiceField(
        label=_("Placements you would like"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    wants_visit = forms.BooleanField(
        label=_("I would like to visit the workplace before I choose"), required=False
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the organiser sees my name, e-mail address and answers to handle "
            "my enrolment."
        ),
        error_messages={"required": _("Give your consent to enrol.")},
    )

    def __init__(self, *args, training, **kwargs):
        super().__init__(*args, **kwargs)
        self.training = training
        # One optional answer for each of the organiser's questions, first in the form.
        self.questions = training.question_list
        answers = {
            f"answer_{n}": forms.CharField(
                label=question,
                required=False,
                max_length=3000,
                widget=forms.Textarea(attrs={"rows": 3, "maxlength": 3000}),
            )
            for n, question in enumerate(self.questions)
        }
        self.fields = answers | dict(self.fields)
        placements = list(training.placement_employers.all())
        if placements:
            # A forged id is refused here and, again, by Enrolment.enrol under the lock.
            self.fields["placements"].choices = [(str(e.pk), e.name) for e in placements]
        else:
            del self.fields["placements"]
            del self.fields["wants_visit"]

    def answers(self):
        """(question, answer) pairs of a valid form."""
        return [
            (question, self.cleaned_data.get(f"answer_{n}", ""))
            for n, question in enumerate(self.questions)
        ]


class DemandForm(forms.ModelForm):
    class Meta:
        model = Demand
        fields = ["what", "sector", "municipality", "people", "needed_by", "employer"]
        widgets = {"needed_by": DateInput()}
        help_texts = {
            "what": _("E.g. “hygiene passport” or “forest machine operator”."),
            "people": _("For an employer: how many of your staff need it."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].empty_label = _("Choose a sector")
        self.fields["municipality"].empty_label = _("Anywhere, or online")
        employers = Employer.objects.for_member(user).order_by("name")
        self.fields["employer"].queryset = employers
        self.fields["employer"].empty_label = _("Only for myself")
        self.fields["employer"].label = _("On behalf of")
        if not employers.exists():
            del self.fields["employer"]

    def clean_needed_by(self):
        day = self.cleaned_data["needed_by"]
        if day and day < timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the past."))
        return day


class MarkForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            ("enrolled", _("Enrolled")),
            ("attended", _("Attended")),
            ("completed", _("Completed")),
        ]
    )
