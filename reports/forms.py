from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.figures import Period

LONGEST = 366 * 5  # days: a funding period, with bounded work
YEARS = range(2000, 2101)  # the portal's lifetime, far from where date arithmetic overflows


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def default_period():
    """The last twelve months, this one included."""
    today = timezone.localdate()
    year, month = divmod(today.year * 12 + today.month - 1 - 11, 12)
    return Period(date(year, month + 1, 1), today)


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To"), widget=DateInput())

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        for name, day in (("start", start), ("end", end)):
            if day and day.year not in YEARS:
                self.add_error(name, _("Choose a day between 2000 and 2100."))
                return data
        if start and end:
            if end < start:
                raise ValidationError({"end": _("The end cannot be before the start.")})
            if end - start > timedelta(days=LONGEST):
                raise ValidationError({"end": _("Choose a period of at most five years.")})
        return data

    def period(self):
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])
