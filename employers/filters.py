import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.contributions import merged
from nelinvoimaa.ids import with_understood_ids
from nelinvoimaa.models import Municipality, Sector

from .models import Employer


class EmployerFilter(django_filters.FilterSet):
    municipality = django_filters.ModelMultipleChoiceFilter(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    sector = django_filters.ModelMultipleChoiceFilter(
        label=_("Sector"),
        field_name="sectors",
        queryset=Sector.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )

    class Meta:
        model = Employer
        fields = ["municipality", "sector"]

    def __init__(self, data=None, *args, **kwargs):
        # Values that cannot be ids are dropped, not an error page (nor the other filters).
        super().__init__(with_understood_ids(data, ("municipality", "sector")), *args, **kwargs)
        self.filters |= merged("employer_filters")  # e.g. "has open jobs", from jobs
