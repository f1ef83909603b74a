import copy
import functools
from datetime import timedelta

import django_filters
from django import forms
from django.db.models import F
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.ids import understood_ids, with_understood_ids
from nelinvoimaa.models import Municipality, Sector
from nelinvoimaa.words import MAX_QUERY, typed_query

from .models import EmploymentType, Job
from .search import place_of, search, searched_words

SORTS = [
    ("newest", _("Newest first")),
    ("deadline", _("Deadline soonest")),
    ("relevance", _("Best match")),
]
POSTED_WITHIN = [("1", _("Today")), ("7", _("Within a week")), ("30", _("Within a month"))]


_FORM_CLASSES = {}  # JobFilter.get_form_class


class SearchInput(forms.TextInput):
    input_type = "search"


class JobFilter(django_filters.FilterSet):
    """The job list's filters. Every state is a plain GET query, so any result can be
    bookmarked; values that cannot be understood are dropped, never an error page."""

    q = django_filters.CharFilter(
        label=_("Search words"),
        method="filter_words",
        widget=SearchInput(attrs={"autocomplete": "off", "maxlength": MAX_QUERY}),
    )
    # Choices come from `reference_choices()`, loaded once per request and shared by every
    # filter set of that request (the list and its facet counts).
    # distinct=False: these are columns of the job itself, no join can repeat a row.
    municipality = django_filters.MultipleChoiceFilter(
        label=_("Municipality"),
        field_name="municipality_id",
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sector = django_filters.MultipleChoiceFilter(
        label=_("Sector"),
        field_name="sector_id",
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
    )
    employment_type = django_filters.MultipleChoiceFilter(
        label=_("Employment type"),
        choices=EmploymentType.choices,
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
    )
    month = django_filters.MultipleChoiceFilter(
        label=_("Months of work"),
        choices=[(str(n), name) for n, name in MONTHS.items()],
        method="filter_months",
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
    )
    remote = django_filters.BooleanFilter(
        label=_("Remote work"),
        field_name="is_remote",
        widget=forms.CheckboxInput,
        method="filter_true",
    )
    housing = django_filters.BooleanFilter(
        label=_("Housing offered"),
        field_name="housing_offered",
        widget=forms.CheckboxInput,
        method="filter_true",
    )
    posted = django_filters.ChoiceFilter(
        label=_("Posted"), choices=POSTED_WITHIN, method="filter_posted", empty_label=_("Any time")
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort"), choices=SORTS, method="filter_noop", empty_label=None
    )

    class Meta:
        model = Job
        fields = []

    of_open_jobs = False  # its queryset is every open job, and only them (open_jobs_filter)

    def __init__(self, data=None, *args, reference=None, **kwargs):
        self.reference = reference or reference_choices()
        super().__init__(_with_places(_understood(data), self.reference.places), *args, **kwargs)
        for name, choices in self.reference.items():
            self.filters[name].extra["choices"] = choices

    def get_form_class(self):
        """The form class of these choices in this language, made once: django-filter makes a
        class, with a field for each filter, for every filter set (each view of the list)."""
        key = (get_language(), *(tuple(choices) for choices in self.reference.values()))
        form_class = _FORM_CLASSES.get(key)
        if form_class is None:
            if len(_FORM_CLASSES) >= 12:  # the choices changed (a sector renamed): start over
                _FORM_CLASSES.clear()
            form_class = super().get_form_class()
            form_class.base_fields = _LightlyCopied(form_class.base_fields, _copy_field)
            _FORM_CLASSES[key] = form_class
        return form_class

    def filter_words(self, queryset, name, value):
        return search(queryset, value)

    def filter_months(self, queryset, name, value):
        mask = sum(1 << (int(month) - 1) for month in value)
        return queryset.alias(in_months=F("work_months").bitand(mask)).filter(in_months__gt=0)

    def filter_true(self, queryset, name, value):
        # An unticked box means "any", not "only the ones without".
        return queryset.filter(**{name: True}) if value else queryset

    def filter_posted(self, queryset, name, value):
        since = timezone.now() - timedelta(days=int(value))
        return queryset.filter(published_at__gte=since)

    def filter_noop(self, queryset, name, value):
        return queryset

    def qs_without(self, *names):
        """The jobs matching every filter but `names`, unordered: what each choice of those
        filters would give with the others as they are."""
        queryset = self.queryset.all()
        for name, value in self.understood().items():
            if name not in names:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def understood(self):
        """{name: value} of what the filters apply ({} without a query): validating fills the
        form's cleaned_data with every value understood, even when another was not."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return self.form.cleaned_data

    @property
    def qs(self):
        return super().qs.order_by(*self.ordering())

    def ordering(self):
        """The order of the jobs found: by relevance for search words, unless another order
        was chosen; the newest first otherwise."""
        understood = self.understood()
        words = understood.get("q") or ""
        sort = understood.get("sort") or ("relevance" if words else "newest")
        if sort == "relevance" and searched_words(words):
            return ("-rank", "-published_at", "-pk")
        if sort == "deadline":
            return ("deadline", "-published_at", "-pk")
        return ("-published_at", "-pk")


class _LightlyCopied(dict):
    """A filter set's filters or its form's fields, which Django and django-filter deep-copy
    for every filter set and form, the lists of choices and their labels with them: about a
    millisecond of each search never asked before (measured). Each is copied as deep as the
    list view changes it: its attributes are replaced, never changed in place."""

    def __init__(self, items, copy_one):
        super().__init__(items)
        self.copy_one = copy_one

    def __deepcopy__(self, memo):
        return {name: self.copy_one(item) for name, item in self.items()}


def _copy_filter(filter_):
    copied = copy.copy(filter_)
    copied.extra = dict(filter_.extra)  # JobFilter sets the choices of each filter set
    copied.method = filter_.method  # its method's proxy then calls this copy, not the original
    return copied


def _copy_field(field):
    copied = copy.copy(field)
    copied.widget = copy.copy(field.widget)
    copied.widget.attrs = dict(field.widget.attrs)
    copied.error_messages = dict(field.error_messages)
    copied.validators = list(field.validators)
    return copied


JobFilter.base_filters = _LightlyCopied(JobFilter.base_filters, _copy_filter)


class Reference(dict):
    """{filter name: (pk, name) choices}, and `places`: [(pk, Finnish name, Swedish name)]."""

    places = ()


def reference_choices():
    """The choices of the municipalities and sectors, and the municipalities' names that a
    search word may name: two small queries."""
    municipalities = list(Municipality.objects.all())
    reference = Reference(
        municipality=[(str(m.pk), m.name) for m in municipalities],
        sector=[(str(s.pk), s.name) for s in Sector.objects.all()],
    )
    reference.places = [(str(m.pk), m.name_fi, m.name_sv) for m in municipalities]
    return reference


def _with_places(data, places):
    """The query with the words that name a municipality ("Sysmässä") made the choice of
    municipality and taken out of the search words; when municipalities are chosen already,
    the words stay words."""
    if data is None or not data.get("q") or data.getlist("municipality"):
        return data
    named, rest = [], []
    for word in data["q"].split():
        pk = place_of(word.lower().strip(".,;:!?"), places)
        (named if pk else rest).append(pk or word)
    if not named:
        return data
    data = data.copy()
    data["q"] = " ".join(rest)
    data.setlist("municipality", list(dict.fromkeys(named)))
    return data


def _understood(data):
    """The query without values a filter cannot take, so one bad value does not void the rest
    (e.g. ?municipality=abc&sector=3 still filters by sector)."""
    if data is None:
        return None
    clean = with_understood_ids(data, ("municipality", "sector"))
    months = understood_ids(data.getlist("month"))
    clean.setlist("month", [v for v in months if 1 <= int(v) <= 12])
    clean.setlist(
        "employment_type",
        [v for v in data.getlist("employment_type") if v in EmploymentType.values],
    )
    for name, choices in (("posted", POSTED_WITHIN), ("sort", SORTS)):
        if data.get(name) not in {key for key, _label in choices}:
            clean.pop(name, None)
    if "q" in data:
        clean["q"] = typed_query(data.get("q", ""))
    return clean


# What a job in a list shows besides itself.
LIST_RELATED = ["employer", "municipality"]


def open_jobs_filter(params, reference=None):
    """The filter set of the open jobs for these query parameters: its form, and its queryset."""
    job_filter = JobFilter(
        params, queryset=_open_jobs(timezone.localdate()).all(), reference=reference
    )
    job_filter.of_open_jobs = True  # jobs.results may find its matches by open_until
    return job_filter


@functools.lru_cache(maxsize=1)
def _open_jobs(today):
    """The open jobs of `today`, with what a list shows besides each: built once a day in each
    process (building its condition cost a search never asked before 4% of its time, py-spy),
    and never evaluated itself: each filter set gets a copy (`.all()`)."""
    return Job.objects.open(today).select_related(*LIST_RELATED)
