"""How common the words of a search are among the jobs' vectors, as PostgreSQL last counted
them, to choose how its newest matches are read.

A search reads the newest COUNT_CAP + 1 open jobs that match (jobs.search.newest_matches),
two ways. Read newest first, row by row, until enough match: cheap for a common word, but a
word in one job of sixty is tested against some thirty thousand rows of 50,000 (15 ms,
measured). Fetched through the full-text index, every match, then sorted: cheap for a rare
word, but a word in every fifth job fetches 10,000 rows. PostgreSQL's planner estimates the
number of matches well, but costs the first way far too low for a rare word, and when it
does not may choose to read the whole table instead of the index (30 ms); so the choice is
made here, from the same statistics it has: ANALYZE's share of the vectors that hold each of
the thousand commonest lexemes (pg_stats.most_common_elems).
"""

import bisect
import time
from dataclasses import dataclass

from django.db import connections

from nelinvoimaa.words import query_word

# The statistics change only when the table is analysed (autovacuum, after a tenth of it has
# changed): read again after this many seconds, one small query per process.
STATISTICS_TTL = 600

# Measured per row on PostgreSQL 15 (bench/, 50,000 and 500,000 jobs): reading a vector
# newest first and testing it costs about 0.5 µs; fetching a match through the index,
# ranking and sorting it 0.6 to 1.5 µs.
NEWEST_FIRST_ROW_COST = 0.5
FETCHED_MATCH_COST = 1.2


@dataclass(frozen=True)
class Statistics:
    rows: float  # vectors in the table
    open_share: float  # of them, the open jobs' (open_until is NULL for the others)
    lexemes: list  # the commonest lexemes, sorted
    shares: list  # the share of the vectors that hold each
    least_share: float  # the smallest of those shares: every other lexeme is rarer


_cache = {}  # alias -> (read at, Statistics or None)


def statistics(using):
    """The vectors' table's statistics on database `using`, or None before it was analysed."""
    read_at, found = _cache.get(using, (None, None))
    if read_at is None or time.monotonic() - read_at > STATISTICS_TTL:
        found = _read(using)
        _cache[using] = (time.monotonic(), found)
    return found


def forget():
    """Read the statistics anew at the next search (tests: after ANALYZE)."""
    _cache.clear()


def _read(using):
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT c.reltuples, v.most_common_elems::text::text[], v.most_common_elem_freqs, "
            "o.null_frac FROM pg_class c "
            "LEFT JOIN pg_stats v ON v.schemaname = current_schema() "
            "AND v.tablename = c.relname AND v.attname = 'vector' "
            "LEFT JOIN pg_stats o ON o.schemaname = current_schema() "
            "AND o.tablename = c.relname AND o.attname = 'open_until' "
            "WHERE c.oid = 'jobs_jobsearchvector'::regclass"
        )
        row = cursor.fetchone()
    if row is None or row[1] is None or row[0] <= 0:
        return None  # never analysed (or empty): nothing known
    rows, lexemes, shares, closed = row
    # most_common_elem_freqs ends with the least and the greatest share (and, for some types,
    # the share of NULL elements) after one share per lexeme.
    pairs = sorted(zip(lexemes, shares[: len(lexemes)], strict=True))
    return Statistics(
        rows=rows,
        open_share=1 - (closed or 0),
        lexemes=[lexeme for lexeme, _share in pairs],
        shares=[share for _lexeme, share in pairs],
        least_share=shares[len(lexemes)],
    )


def word_share(stats, word):
    """The share of the vectors that match a query word (any of its terms), at most 1: the
    sum of its terms' shares, which counts a vector twice when it has two of them, as
    PostgreSQL's own estimate does; half the least known share for a rarer one."""
    prefixes, exact = query_word(word)
    share = 0.0
    for prefix in prefixes:
        start = bisect.bisect_left(stats.lexemes, prefix)
        end = start
        while end < len(stats.lexemes) and stats.lexemes[end].startswith(prefix):
            end += 1
        share += sum(stats.shares[start:end])
    for term in exact:
        at = bisect.bisect_left(stats.lexemes, term)
        if at < len(stats.lexemes) and stats.lexemes[at] == term:
            share += stats.shares[at]
    return min(share or stats.least_share / 2, 1.0)


def fetch_every_match(query_words, limit, using, narrowed=1.0):
    """Whether the `limit` newest open jobs matching every query word are found sooner by
    fetching every match through the full-text index than by reading the vectors newest
    first. `narrowed`: the share of the matches that other conditions (places, sectors)
    keep. Unknown statistics (a table never analysed, so small or new): fetch them."""
    stats = statistics(using)
    if stats is None:
        return True
    share = 1.0
    for word in query_words:  # as if the words were independent: PostgreSQL's assumption
        share *= word_share(stats, word)
    matches = stats.rows * share  # fetched through the index, and sorted
    kept = max(share * stats.open_share * narrowed, 1 / stats.rows)
    read_newest_first = min(limit / kept, stats.rows)  # rows read before `limit` are kept
    return matches * FETCHED_MATCH_COST < read_newest_first * NEWEST_FIRST_ROW_COST
