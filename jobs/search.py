"""Finding jobs by words: PostgreSQL full-text search in Finnish, a plain fallback on SQLite.

Each job carries a `search_vector` of weighted parts: the title (A) weighs most, then the
employer, municipality and employment type (B), the requirements and sector (C), and the
description (D). Every word of the query also matches as a prefix, so the word being typed and
compounds that begin with it are found ("kesätyö" finds "kesätyöntekijä", "metsä" finds
"metsuri"); a title containing every word also matches, for compounds that end with it
("hoitaja" finds "Lähihoitaja"; a trigram index serves that).
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q

from nelinvoimaa.page_cache import invalidate

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8

# What Finnish jobseekers type for each employment type (GLOSSARY.md).
EMPLOYMENT_TYPE_WORDS = {
    "permanent": "vakituinen",
    "fixed_term": "määräaikainen",
    "seasonal": "kausityö sesonki",
    "summer": "kesätyö",
    "part_time": "osa-aikainen",
    "gig": "keikkatyö kevytyrittäjyys",
    "apprenticeship": "oppisopimus",
    "internship": "harjoittelu",
}


def terms(query):
    """The words of a query, at most MAX_TERMS, each stripped of anything but letters/digits."""
    words = re.findall(r"\w+", (query or "")[:MAX_QUERY_LENGTH])
    return [w[:40] for w in words if w.strip("_")][:MAX_TERMS]


def uses_full_text_search():
    return connection.vendor == "postgresql"


def search(queryset, query):
    """Filter `queryset` to jobs matching `query`, with a `rank` alias to order by.

    An alias, not an annotation: counting the matches then does not compute the rank of each.
    """
    words = terms(query)
    if not words:
        return queryset
    if uses_full_text_search():
        in_title = Q()
        for word in words:
            in_title &= Q(title__icontains=word)
        return ranked(queryset.filter(Q(search_vector=_tsquery(words)) | in_title), query)
    condition = Q()
    for word in words:
        condition &= (
            Q(title__icontains=word)
            | Q(description__icontains=word)
            | Q(employer__name__icontains=word)
            | Q(languages__icontains=word)
        )
    return ranked(queryset.filter(condition), query)


def ranked(queryset, query):
    """`queryset` with the `rank` alias of `query` (how well each job matches it), unfiltered."""
    if not uses_full_text_search():
        return queryset.alias(rank=F("pk"))
    return queryset.alias(rank=SearchRank(F("search_vector"), _tsquery(terms(query))))


def _tsquery(words):
    # A raw tsquery of quoted lexemes: nothing the user types can break its syntax.
    raw = " & ".join("'" + w.replace("'", "") + "':*" for w in words)
    return SearchQuery(raw, search_type="raw", config="finnish")


def refresh_search_vectors(job_ids=None):
    """Recompute the search vectors of these jobs (all when None) in one statement."""
    if not uses_full_text_search():
        return
    cases = " ".join(f"WHEN '{key}' THEN '{words}'" for key, words in EMPLOYMENT_TYPE_WORDS.items())
    sql = f"""
        UPDATE jobs_job AS j SET search_vector =
            setweight(to_tsvector('finnish', j.title), 'A')
            || setweight(to_tsvector('finnish', e.name || ' ' || coalesce(m.name_fi, '')
                || ' ' || (CASE j.employment_type {cases} ELSE '' END)), 'B')
            || setweight(to_tsvector('finnish', j.languages || ' ' || j.other_requirements
                || ' ' || s.name_fi), 'C')
            || setweight(to_tsvector('finnish', j.description), 'D')
        FROM employers_employer AS e, nelinvoimaa_sector AS s, jobs_job AS jj
        LEFT JOIN nelinvoimaa_municipality AS m ON m.id = jj.municipality_id
        WHERE jj.id = j.id AND e.id = j.employer_id AND s.id = j.sector_id
    """  # noqa: S608 - the interpolated words are constants above, never user input
    params = []
    if job_ids is not None:
        sql += " AND j.id = ANY(%s)"
        params.append(list(job_ids))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    invalidate()


def refresh_search_words_of(sender, instance, created, update_fields=None, **kwargs):
    """After an employer, sector or municipality is saved (renamed, perhaps), its jobs'
    search words are computed again (a post_save receiver)."""
    if created or not uses_full_text_search():
        return
    if update_fields is not None and not {"name", "name_fi"} & set(update_fields):
        return
    refresh_search_vectors(list(instance.jobs.values_list("pk", flat=True)))
