"""The job list's numbers and its page of jobs, with work that stays bounded as the site grows.

The total and the counts beside each municipality and sector choice come from one pass over
the matches: the jobs matching every filter but municipality and sector, counted by
(municipality, sector) pair. Each choice's count is then "with the other filters as they are",
and the total is the pairs the chosen municipalities and sectors allow.

A text search counts at most COUNT_CAP matches. With more, the page says "more than 500",
shows the choices without counts, and ranks by relevance among the COUNT_CAP newest matches
(the last created, whose ids are highest): finding, counting and ranking every match of a
common word costs time in proportion to the size of the site (measured in bench/), while no
one reads past 25 pages. Read newest first, on PostgreSQL from the narrow table of the jobs'
search vectors, a common word's matches are found after a few thousand rows whatever the size
of the site, and a job posted today is among them.

On PostgreSQL a search by words, municipalities and sectors reads its matches from the
vectors' table alone, which keeps copies of the columns it needs (jobs.models.JobSearchVector);
any other filter joins them to the jobs.

A search's page ordered by relevance comes from the same rows: each is counted with its rank,
so the page's jobs need no second search.
"""

from collections import Counter
from dataclasses import dataclass
from operator import itemgetter

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Count, F, Value
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from psycopg.types.string import TextLoader

from nelinvoimaa.page_cache import cached_public_many

from . import lexemes
from .models import Job
from .search import newest_matches, searched_words, uses_full_text_search

LIST_ITEM = "jobs/_list_item.html"

COUNT_CAP = 500  # 25 pages of 20
FACETS = ("municipality", "sector")


@dataclass
class Counts:
    total: int
    # More than COUNT_CAP jobs matched: `total` is COUNT_CAP.
    capped: bool = False
    # {"municipality": {pk: n}, "sector": {pk: n}}; None when the search matched too many to
    # count them all.
    facets: dict | None = None
    # A search's matches (COUNT_CAP of them when capped), their pks ordered by relevance.
    candidates: list | None = None


def count_matches(job_filter):
    """The total and the facet counts of the jobs that `job_filter` finds."""
    chosen = {name: _chosen(job_filter, name) for name in FACETS}
    if words := _words(job_filter):
        # At most COUNT_CAP + 1 rows leave the database, the newest first: enough to know
        # whether there are more. Each with its rank, so that a capped search's page is
        # ordered without asking again.
        rows = _newest_matches(job_filter, words)
        if len(rows) > COUNT_CAP:
            if not any(chosen.values()):
                candidates = _by_relevance(rows[:COUNT_CAP])
                return Counts(total=COUNT_CAP, capped=True, candidates=candidates)
            # The share of the newest matches in the chosen places and sectors tells how
            # many more rows a search narrowed to them must read.
            kept = sum(_allowed(chosen, row) for row in rows)
            matches = _newest_matches(job_filter, words, chosen, narrowed=kept / len(rows))
            if len(matches) > COUNT_CAP:
                candidates = _by_relevance(matches[:COUNT_CAP])
                return Counts(total=COUNT_CAP, capped=True, candidates=candidates)
            return Counts(total=len(matches), candidates=_by_relevance(matches))
        counts = Counter((m, s) for _pk, _rank, _published, m, s in rows)
    else:
        superset = job_filter.qs_without(*FACETS).order_by()
        pairs = superset.values_list("municipality_id", "sector_id").annotate(n=Count("*"))
        counts = Counter({(m, s): n for m, s, n in pairs})

    facets = {name: Counter() for name in FACETS}
    total = 0
    for (municipality, sector), n in counts.items():
        if _allows(chosen, "sector", sector):
            facets["municipality"][municipality] += n
        if _allows(chosen, "municipality", municipality):
            facets["sector"][sector] += n
            if _allows(chosen, "sector", sector):
                total += n
    candidates = None
    if words:  # every match is among the rows: the page needs no query of its own
        candidates = _by_relevance([row for row in rows if _allowed(chosen, row)])
    return Counts(total=total, facets=facets, candidates=candidates)


def _allows(chosen, name, value):
    """Whether `value` of facet `name` is among the chosen ones (any when none is chosen)."""
    return not chosen[name] or value in chosen[name]


def _allowed(chosen, row):
    """Whether a row of _newest_matches() is in the chosen municipalities and sectors."""
    _pk, _rank, _published, municipality, sector = row
    return _allows(chosen, "municipality", municipality) and _allows(chosen, "sector", sector)


def _newest_matches(job_filter, words, chosen=None, narrowed=1.0):
    """(pk, rank, published_at, municipality_id, sector_id) of the newest COUNT_CAP + 1 jobs
    that `job_filter` finds, with the municipalities and sectors `chosen` ({name: pks}), or
    any of them. On PostgreSQL, when the filter set is of open jobs and no other filter is
    set, from the vectors' table alone (search.newest_matches), which knows which jobs are
    open, read the way jobs/lexemes.py expects to be the cheaper (`narrowed`: the share of
    the matches the chosen places and sectors keep); otherwise from the filter set's jobs,
    joined to their vectors."""
    if uses_full_text_search() and job_filter.of_open_jobs and not _other_filters(job_filter):
        chosen = chosen or {}
        places, sectors = chosen.get("municipality", ()), chosen.get("sector", ())
        using, limit = job_filter.queryset.db, COUNT_CAP + 1
        for plan in (lexemes.plan(words, limit, using, narrowed), lexemes.Plan()):
            rows = _fetched(using, newest_matches(words, limit, places, sectors, plan), None)
            if plan.from_bucket is None or len(rows) == limit:
                return rows
            # Fewer among the newest jobs than expected: every match, wherever it is.
    jobs = job_filter.qs if chosen else job_filter.qs_without(*FACETS)
    return _rows(_with_rank(jobs.order_by("-pk"), "municipality_id", "sector_id")[: COUNT_CAP + 1])


def _other_filters(job_filter):
    """Whether a filter besides the words, municipality and sector is set."""
    return any(
        value
        for name, value in job_filter.understood().items()
        if name not in {"q", "sort", *FACETS}
    )


def _with_rank(queryset, *fields):
    """(pk, rank, published_at, *fields) of each job: what ordering by relevance needs."""
    rank = F("rank") if "rank" in queryset.query.annotations else Value(0)
    return queryset.annotate(found_rank=rank).values_list(
        "pk", "found_rank", "published_at", *fields
    )


def _rows(queryset):
    """The rows of a values_list() queryset as the database driver gives them: a capped search
    reads 501, and the ORM's conversion of each row cost more than the query (measured).
    The columns need none: ids, the rank (an integer), and published_at, which is only
    compared, so it stays text: ISO 8601 in UTC on both databases, which orders as the times
    do (PostgreSQL's "2026-05-01 08:00:00+00", SQLite's "2026-05-01 08:00:00"; a fraction of
    a second, ".5", sorts after the same second without one, as it should)."""
    try:
        sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    except EmptyResultSet:  # a filter that no row can pass
        return []
    return _fetched(queryset.db, sql, params)


def _fetched(using, sql, params):
    """The rows of `sql`, its timestamps as text (_rows); of several statements, the rows
    of the last that has any."""
    with connections[using].cursor() as cursor:
        adapters = getattr(cursor.cursor, "adapters", None)  # psycopg's, this cursor's own
        if adapters is not None:
            adapters.register_loader("timestamptz", TextLoader)
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        # Several statements (newest_matches', on PostgreSQL): the last that has rows.
        while adapters is not None and cursor.nextset():
            if cursor.description is not None:
                rows = cursor.fetchall()
        return rows


def _by_relevance(rows):
    """The pks of `rows`, given the newest (highest pk) first, in the order of the list's
    relevance: the rank, then the newest published, then the newest (a job never published,
    which a list does not show, last)."""
    # Two stable sorts of one column each, the pk's order kept among equals: a third of the
    # time of one sort by a tuple of three (measured on 501 rows). published_at is text here
    # (_rows), which orders as the times do.
    try:
        ordered = sorted(rows, key=itemgetter(2), reverse=True)
    except TypeError:  # a job never published: None, which "" stands for, before every time
        ordered = sorted(rows, key=lambda row: row[2] or "", reverse=True)
    ordered.sort(key=itemgetter(1), reverse=True)
    return [row[0] for row in ordered]


def _words(job_filter):
    """The query words that search() matches."""
    return searched_words(job_filter.data.get("q", "")) if job_filter.data else []


def _chosen(job_filter, name):
    return {int(value) for value in job_filter.understood().get(name) or []}


def job_page(job_filter, counts, number, per_page, related, version):
    """The requested page of the filtered jobs: their ids first, then each job as listed
    (listed_jobs)."""
    if counts.candidates is not None and job_filter.ordering()[:1] == ("-rank",):
        ids = counts.candidates  # found and ranked already, when they were counted
    else:
        ids = job_filter.qs.values_list("pk", flat=True)
    paginator = Paginator(ids, per_page)
    paginator.count = counts.total  # known already: no COUNT(*) of its own
    page = paginator.get_page(number)
    page.object_list = listed_jobs(list(page.object_list), related, version)
    return page


def listed_jobs(ids, related, version):
    """The jobs of these ids as a list shows them: each with `list_item`, its entry rendered
    (jobs/_list_item.html), and the fields its personal parts read (Job.PERSONAL_FIELDS).
    Both are kept per public version and language like any public fragment, so a job listed
    before is not read from the database again; the others are read in one query, with
    their relations."""
    language = get_language()
    keys = {pk: f"job-list-item:{language}:{pk}" for pk in ids}

    def render(missing):
        missing = set(missing)
        wanted = [pk for pk, key in keys.items() if key in missing]
        jobs = Job.objects.select_related(*related).order_by().in_bulk(wanted)
        found = {
            keys[pk]: (render_to_string(LIST_ITEM, {"job": job}), job.personal_values())
            for pk, job in jobs.items()
        }
        # a job gone since it was found (deleted): nothing to list, and nothing kept
        return found | {key: None for key in missing if key not in found}

    items = cached_public_many(list(keys.values()), render, version)
    listed = []
    for pk in ids:
        if (item := items[keys[pk]]) is not None:
            html, values = item
            job = Job.with_personal_values(values)
            job.list_item = mark_safe(html)  # noqa: S308 - rendered by the template, escaped there
            listed.append(job)
    return listed
