import django_filters
from django import forms
from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.models import Municipality, Sector
from nelinvoimaa.words import MAX_QUERY, typed_query

from .models import Format, Kind, Training, TrainingSession
from .search import search

ONLINE = "online"


class SearchInput(forms.TextInput):
    input_type = "search"


class TrainingFilter(django_filters.FilterSet):
    """The training list's filters, as plain GET parameters; a value that is not understood
    is dropped (its field is invalid, so ignored), never an error page."""

    q = django_filters.CharFilter(
        label=_("Search words"),
        method="filter_words",
        widget=SearchInput(attrs={"autocomplete": "off", "maxlength": MAX_QUERY}),
    )
    sector = django_filters.MultipleChoiceFilter(
        label=_("Sector"), method="filter_sector", widget=forms.CheckboxSelectMultiple
    )
    municipality = django_filters.MultipleChoiceFilter(
        label=_("Municipality"), method="filter_municipality", widget=forms.CheckboxSelectMultiple
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"), choices=Kind.choices, distinct=False, widget=forms.CheckboxSelectMultiple
    )
    format = django_filters.MultipleChoiceFilter(
        label=_("Format"),
        choices=Format.choices,
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
    )
    month = django_filters.MultipleChoiceFilter(
        label=_("Month"),
        choices=[(str(n), name) for n, name in MONTHS.items()],
        method="filter_month",
        widget=forms.CheckboxSelectMultiple,
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("Any language")
    )
    free = django_filters.BooleanFilter(
        label=_("Free of charge"), method="filter_free", widget=forms.CheckboxInput
    )
    seats = django_filters.BooleanFilter(
        label=_("Places left"), method="filter_seats", widget=forms.CheckboxInput
    )

    class Meta:
        model = Training
        fields = []

    def __init__(self, data=None, *args, reference=None, **kwargs):
        """`reference`: reference_choices(), to build many filters with the choices read once
        (the training alerts' sending)."""
        if data is not None and "q" in data:
            data = data.copy()
            data["q"] = typed_query(data.get("q", ""))
        super().__init__(data, *args, **kwargs)
        self.reference = reference or reference_choices()
        sectors, municipalities = self.reference
        self.filters["sector"].extra["choices"] = sectors
        self.filters["municipality"].extra["choices"] = municipalities

    def filter_words(self, queryset, name, value):
        return search(queryset, value)

    def filter_sector(self, queryset, name, value):
        through = Training.sectors.through
        return queryset.filter(
            Exists(through.objects.filter(training=OuterRef("pk"), sector_id__in=value))
        )

    def filter_municipality(self, queryset, name, value):
        ids = [int(v) for v in value if v != ONLINE]
        condition = Q(municipality_id__in=ids)
        if ONLINE in value:
            condition |= Q(municipality__isnull=True)
        return queryset.filter(condition)

    def filter_month(self, queryset, name, value):
        months = [int(v) for v in value]
        return queryset.filter(
            Exists(
                TrainingSession.objects.filter(training=OuterRef("pk"), starts_at__month__in=months)
            )
        )

    def filter_free(self, queryset, name, value):
        return queryset.filter(price=0) if value else queryset

    def filter_seats(self, queryset, name, value):
        return queryset.filter(enrolled_count__lt=F("capacity")) if value else queryset


def reference_choices():
    """The sectors' and the municipalities' choices (with "online") of the filters. The labels
    are the rows, named in the language of the moment they are shown (an alert's e-mail is in
    its user's language, whatever the language of the run that read them)."""
    sectors = [(str(s.pk), s) for s in Sector.objects.all()]
    municipalities = [(str(m.pk), m) for m in Municipality.objects.all()]
    return sectors, municipalities + [(ONLINE, _("Online"))]


LIST_RELATED = ["provider", "municipality"]


def upcoming_filter(params, reference=None):
    queryset = Training.objects.upcoming().with_seats().select_related(*LIST_RELATED)
    return TrainingFilter(
        params or None, queryset=queryset.order_by("starts_at", "pk"), reference=reference
    )
