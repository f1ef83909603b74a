"""How common the words of a search are among the jobs' vectors, as PostgreSQL last counted
them, to choose how its newest matches are read.

A search reads the newest COUNT_CAP + 1 open jobs that match (jobs.search.newest_matches).
Three ways:

- *Newest first*, row by row, until enough match: cheap for a common word, but a word in one
  job of sixty is tested against some thirty thousand rows of 50,000 (15 ms, measured).
- *Every match*, fetched through the full-text index, then sorted: cheap for a rare word,
  but a word in every fifth job fetches 10,000 rows.
- *Every match among the newest*: the search index's second column is each job's bucket of
  ID_BUCKET ids (migration 0013), so the index can give only the matches in the newest
  buckets, as many as are expected to hold twice enough. A word in one job of sixty at
  500,000 jobs: 6 ms instead of 17 and 27 the other ways, among other searches (3–4 ms
  instead of 13, repeated alone; measured). Should they hold too few, every match is
  fetched after all.

PostgreSQL's planner estimates the number of matches well, but costs the first way far too low
for a rare word, and when it does not, may choose to read the whole table instead of the index
(30 ms); and it knows nothing of the buckets. So the choice is made here, from the statistics
it has: ANALYZE's share of the vectors holding each of the commonest lexemes
(pg_stats.most_common_elems; ten thousand of them, migration 0013).
"""

import bisect
import time
from dataclasses import dataclass

from django.db import connections

from nelinvoimaa.words import query_word

ID_BUCKET = 4096  # job ids per bucket: the search index's second column (migration 0013)

# The statistics change only when the table is analysed (autovacuum, after a tenth of it has
# changed): read again after this many seconds, one small query per process.
STATISTICS_TTL = 600

# Measured on PostgreSQL 15 (bench/, 50,000 and 500,000 jobs), in µs: reading a vector newest
# first and testing it; taking a match from the index's lists of a word's jobs (the lists of
# every term that begins with it: 0.25 to 0.5); taking a job from a bucket's list; fetching a
# match's row, ranking and sorting it (0.6 to 3).
ROW_COST = 0.5
POSTING_COST = 0.4
BUCKET_POSTING_COST = 0.03
MATCH_COST = 1.0
MARGIN = 2  # the newest buckets read should hold this many times the matches needed


@dataclass(frozen=True)
class Statistics:
    rows: float  # vectors in the table
    newest_id: int  # the highest job id among them
    open_share: float  # of them, the open jobs' (open_until is NULL for the others)
    lexemes: list  # the commonest lexemes, sorted
    shares: list  # the share of the vectors that hold each
    least_share: float  # the smallest of those shares: every other lexeme is rarer


@dataclass(frozen=True)
class Plan:
    """How newest_matches() reads: every match through the index (only those whose id is in
    `from_bucket` or a newer bucket, when that is set), or newest first."""

    every_match: bool = True
    from_bucket: int | None = None


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
            "SELECT c.reltuples, (SELECT max(job_id) FROM jobs_jobsearchvector), "
            "v.most_common_elems::text::text[], v.most_common_elem_freqs, o.null_frac "
            "FROM pg_class c "
            "LEFT JOIN pg_stats v ON v.schemaname = current_schema() "
            "AND v.tablename = c.relname AND v.attname = 'vector' "
            "LEFT JOIN pg_stats o ON o.schemaname = current_schema() "
            "AND o.tablename = c.relname AND o.attname = 'open_until' "
            "WHERE c.oid = 'jobs_jobsearchvector'::regclass"
        )
        row = cursor.fetchone()
    if row is None or row[0] <= 0 or row[1] is None or row[2] is None:
        return None  # never analysed (or empty): nothing known
    rows, newest_id, lexemes, shares, closed = row
    # most_common_elem_freqs ends with the least and the greatest share (and, for some types,
    # the share of NULL elements) after one share per lexeme.
    pairs = sorted(zip(lexemes, shares[: len(lexemes)], strict=True))
    return Statistics(
        rows=rows,
        newest_id=newest_id,
        open_share=1 - (closed or 0),
        lexemes=[lexeme for lexeme, _share in pairs],
        shares=[share for _lexeme, share in pairs],
        least_share=shares[len(lexemes)],
    )


def word_share(stats, word):
    """The share of the vectors that match a query word: that of its commonest term (a word's
    inflected forms and the compounds it begins come with its base form, which the vectors
    hold too), or for a rarer word half the least known share, as PostgreSQL estimates it."""
    prefixes, exact = query_word(word)
    share = 0.0
    for prefix in prefixes:
        at = bisect.bisect_left(stats.lexemes, prefix)
        while at < len(stats.lexemes) and stats.lexemes[at].startswith(prefix):
            share = max(share, stats.shares[at])
            at += 1
    for term in exact:
        at = bisect.bisect_left(stats.lexemes, term)
        if at < len(stats.lexemes) and stats.lexemes[at] == term:
            share = max(share, stats.shares[at])
    return share or stats.least_share / 2


def plan(query_words, limit, using, narrowed=1.0):
    """The cheapest expected way to read the `limit` newest open jobs matching every query
    word. `narrowed`: the share of the matches that other conditions (places, sectors) keep.
    Unknown statistics (a table never analysed, so small or new): every match."""
    stats = statistics(using)
    if stats is None:
        return Plan()
    share = 1.0
    for word in query_words:  # as if the words were independent: PostgreSQL's assumption
        share *= word_share(stats, word)
    kept = max(share * stats.open_share * narrowed, 1 / stats.rows)  # of the rows, kept
    matches = stats.rows * share
    costs = {
        Plan(every_match=False): min(limit / kept, stats.rows) * ROW_COST,
        Plan(): matches * (POSTING_COST + MATCH_COST),
    }
    # The newest buckets that should hold MARGIN times the kept matches needed.
    ids_per_row = stats.newest_id / stats.rows
    bucket = int((stats.newest_id - MARGIN * limit / kept * ids_per_row) // ID_BUCKET)
    if bucket > 0:
        read = (stats.newest_id - bucket * ID_BUCKET) / ids_per_row  # rows in those buckets
        costs[Plan(from_bucket=bucket)] = matches * POSTING_COST + read * (
            BUCKET_POSTING_COST + share * MATCH_COST
        )
    return min(costs, key=costs.get)
