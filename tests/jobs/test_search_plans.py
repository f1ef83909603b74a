"""A search's newest matches read the two ways PostgreSQL can read them (jobs/lexemes.py):
the same rows either way, and the way chosen by how common the words are."""

import time

import pytest
from django.db import connection

from jobs import lexemes
from jobs.models import Job
from jobs.results import _fetched
from jobs.search import newest_matches, searched_words
from nelinvoimaa.models import Municipality, Sector
from tests.conftest import make_job

pytestmark = pytest.mark.django_db


@pytest.fixture
def forget_statistics():
    lexemes.forget()
    yield
    lexemes.forget()


NEWEST_FIRST, EVERY_MATCH = lexemes.Plan(every_match=False), lexemes.Plan()


def rows(query, limit, plan, municipalities=(), sectors=()):
    sql = newest_matches(searched_words(query), limit, municipalities, sectors, plan)
    return _fetched("default", sql, None)


def setting(name):
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {name}")
        return cursor.fetchone()[0]


@pytest.mark.postgresql
def test_every_way_gives_the_same_newest_matches_and_leaves_the_planner_as_it_was(
    employer, other_owner
):
    hartola = other_owner.memberships.get().employer
    care = Sector.objects.get(slug="care")
    for n in range(6):
        make_job(employer, status="published", title=f"Kokki {n}", description="Lounas.")
        make_job(hartola, status="published", title=f"Lähihoitaja {n}", sector=care)
    make_job(hartola, status="published", title="Tarjoilija", description="Kokki ja lounas.")
    make_job(employer, status="closed", title="Kokki, haku päättynyt")
    hartola_pk = Municipality.objects.get(code="081").pk
    for query, limit, places, sectors in [
        ("kokki", 4, (), ()),  # more matches than the limit: the newest four
        ("kokki", 50, (), ()),
        ("kokit lounas", 50, (), ()),  # every word; the title's match ranks first
        ("hoitajan", 3, (hartola_pk,), (care.pk,)),
        ("kokki", 50, (hartola_pk,), ()),
        ("leipuri", 50, (), ()),
    ]:
        newest_first = rows(query, limit, NEWEST_FIRST, places, sectors)
        assert rows(query, limit, EVERY_MATCH, places, sectors) == newest_first, query
        every_bucket = lexemes.Plan(from_bucket=0)
        assert rows(query, limit, every_bucket, places, sectors) == newest_first, query
    newest_first_kokki = rows("kokki", 4, NEWEST_FIRST)
    assert len(newest_first_kokki) == 4
    assert len(rows("kokki", 50, EVERY_MATCH)) == 7  # not the closed one
    assert [rank for _pk, rank, *_ in rows("kokki", 50, EVERY_MATCH)].count(2) == 6  # in the title
    # Inside the test's transaction, as inside any caller's: the planner's ways are back on.
    assert setting("enable_seqscan") == "on" and setting("enable_indexscan") == "on"
    # Run more often than psycopg's threshold for preparing a statement: several statements
    # in one are never prepared, and keep working.
    for _ in range(8):
        assert rows("kokki", 4, EVERY_MATCH) == newest_first_kokki


@pytest.mark.postgresql
def test_the_newest_buckets_of_ids_hold_only_the_newest_jobs_and_else_every_match_is_read(
    client, employer, monkeypatch
):
    bucket = lexemes.ID_BUCKET
    old = make_job(employer, status="published", title="Kokki talveksi")
    new = make_job(employer, status="published", title="Kokki kesäksi", id=3 * bucket + 5)
    newest_buckets = lexemes.Plan(from_bucket=3)
    assert [row[0] for row in rows("kokki", 50, newest_buckets)] == [new.pk]
    assert [row[0] for row in rows("kokki", 50, EVERY_MATCH)] == [new.pk, old.pk]
    # The page asks the newest buckets for COUNT_CAP + 1 jobs and finds one: it reads every
    # match after all, and lists both.
    monkeypatch.setattr(lexemes, "plan", lambda *args: newest_buckets)
    html = client.get("/fi/jobs/?q=kokki").content.decode()
    assert "Kokki kesäksi" in html and "Kokki talveksi" in html
    assert "2 avointa työpaikkaa" in html


@pytest.mark.postgresql
def test_the_statistics_are_read_as_analyze_counted_them(employer, forget_statistics):
    assert lexemes.statistics("default") is None  # never analysed: nothing known
    assert lexemes.plan(["kokki"], 501, "default") == EVERY_MATCH  # then the index, always
    for n in range(40):
        make_job(employer, status="published", title=f"Lähihoitaja {n}", description="Hoiva.")
    make_job(employer, status="closed", title="Leipuri")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE jobs_jobsearchvector")
    lexemes.forget()
    stats = lexemes.statistics("default")
    assert stats.rows == 41
    assert stats.newest_id == Job.objects.latest("pk").pk
    assert stats.open_share == pytest.approx(40 / 41)
    assert lexemes.word_share(stats, "hoitajia") == pytest.approx(40 / 41, abs=0.01)
    assert lexemes.word_share(stats, "lähihoitajan") == pytest.approx(40 / 41, abs=0.01)
    assert lexemes.word_share(stats, "leipuri") <= stats.least_share < 0.9
    # Read once, then kept: a new ANALYZE is seen after STATISTICS_TTL.
    assert lexemes.statistics("default") is stats


def known(rows, newest_id=None, **shares):
    """Statistics of `rows` vectors, all of open jobs, with these lexemes' shares."""
    ordered = sorted(shares.items())
    return lexemes.Statistics(
        rows=rows,
        newest_id=newest_id or rows,
        open_share=1.0,
        lexemes=[lexeme for lexeme, _ in ordered],
        shares=[share for _, share in ordered],
        least_share=min(shares.values()),
    )


SHARES = {"hoitaja": 0.17, "hoitajan": 0.01, "leipuri": 0.017, "leipurin": 0.017, "saha": 0.066}


@pytest.mark.parametrize(
    "rows, words, narrowed, plan",
    [
        (50_000, ["hoitaja"], 1.0, NEWEST_FIRST),  # every sixth job: read newest first
        (50_000, ["leipuri"], 1.0, EVERY_MATCH),  # one in sixty: fetch all 850
        (50_000, ["kokki"], 1.0, EVERY_MATCH),  # not among the commonest: rarer still
        (50_000, ["hoitaja", "leipuri"], 1.0, EVERY_MATCH),  # every word must match
        (50_000, ["hoitaja"], 0.01, EVERY_MATCH),  # in a place that has few of them
        (500_000, ["hoitaja"], 1.0, NEWEST_FIRST),
        # 8,500 matches: those of the newest 60,000 ids (buckets 107 to 122) are enough
        (500_000, ["leipuri"], 1.0, lexemes.Plan(from_bucket=107)),
        (500_000, ["saha"], 1.0, NEWEST_FIRST),  # 33,000 matches: the newest are near
        (500, ["hoitaja"], 1.0, EVERY_MATCH),  # a small site: all its matches are fewer than 501
    ],
)
def test_each_search_reads_its_matches_the_cheapest_way(rows, words, narrowed, plan):
    lexemes._cache["default"] = (time.monotonic(), known(rows, **SHARES))
    try:
        assert lexemes.plan(words, 501, "default", narrowed) == plan
    finally:
        lexemes.forget()
