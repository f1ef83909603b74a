"""The job list's numbers and its page of jobs, with work that stays bounded as the site grows.

The total and the counts beside each municipality and sector choice come from one pass over
the matches: the jobs matching every filter but municipality and sector, counted by
(municipality, sector) pair. Each choice's count is then "with the other filters as they are",
and the total is the pairs the chosen municipalities and sectors allow.

A text search counts at most COUNT_CAP matches. With more, the page says "more than 1 000",
shows the choices without counts, and ranks by relevance among COUNT_CAP of the matches:
finding, counting and ranking every match of a common word costs time in proportion to the
size of the site (measured in bench/), while no one reads past 50 pages.
"""

from collections import Counter
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count

from .models import Job
from .search import terms

COUNT_CAP = 1000
FACETS = ("municipality", "sector")


@dataclass
class Counts:
    total: int
    # More than COUNT_CAP jobs matched: `total` is COUNT_CAP.
    capped: bool = False
    # {"municipality": {pk: n}, "sector": {pk: n}}; None when the search matched too many to
    # count them all.
    facets: dict | None = None


def count_matches(job_filter):
    """The total and the facet counts of the jobs that `job_filter` finds."""
    chosen = {name: _chosen(job_filter, name) for name in FACETS}
    superset = job_filter.qs_without(*FACETS)
    pairs = superset.order_by().values_list("municipality_id", "sector_id")
    searching = bool(terms(job_filter.data.get("q", ""))) if job_filter.data else False
    if searching:
        # At most COUNT_CAP + 1 rows leave the database: enough to know whether there are more.
        counts = Counter(pairs[: COUNT_CAP + 1])
        if counts.total() > COUNT_CAP:
            if not any(chosen.values()):
                return Counts(total=COUNT_CAP, capped=True)
            total = job_filter.qs.order_by()[: COUNT_CAP + 1].count()
            return Counts(total=min(total, COUNT_CAP), capped=total > COUNT_CAP)
    else:
        counts = Counter(dict(((m, s), n) for m, s, n in pairs.annotate(n=Count("*"))))

    def allowed(name, value):
        return not chosen[name] or value in chosen[name]

    facets = {name: Counter() for name in FACETS}
    total = 0
    for (municipality, sector), n in counts.items():
        if allowed("sector", sector):
            facets["municipality"][municipality] += n
        if allowed("municipality", municipality):
            facets["sector"][sector] += n
            if allowed("sector", sector):
                total += n
    return Counts(total=total, facets=facets)


def _chosen(job_filter, name):
    if not job_filter.is_bound or not job_filter.form.is_valid():
        return set()
    return {int(value) for value in job_filter.form.cleaned_data.get(name) or []}


def job_page(queryset, counts, number, per_page, related):
    """The requested page of `queryset`: ids first, then those jobs with their relations, so
    the database joins and reads whole rows only for the jobs shown."""
    if counts.capped and "rank" in queryset.query.annotations:
        candidates = queryset.order_by().values("pk")[:COUNT_CAP]
        queryset = queryset.filter(pk__in=candidates)
    paginator = Paginator(queryset.values_list("pk", flat=True), per_page)
    paginator.count = counts.total  # known already: no COUNT(*) of its own
    page = paginator.get_page(number)
    ids = list(page.object_list)
    jobs = Job.objects.select_related(*related).order_by().in_bulk(ids)
    page.object_list = [jobs[pk] for pk in ids if pk in jobs]
    return page
