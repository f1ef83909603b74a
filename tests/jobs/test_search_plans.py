"""A search's newest matches read the two ways PostgreSQL can read them (jobs/lexemes.py):
the same rows either way, and the way chosen by how common the words are."""

import time

import pytest
from django.db import connection

from jobs import lexemes
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


def rows(query, limit, every_match, municipalities=(), sectors=()):
    sql = newest_matches(searched_words(query), limit, municipalities, sectors, every_match)
    return _fetched("default", sql, None)


def setting(name):
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {name}")
        return cursor.fetchone()[0]


@pytest.mark.postgresql
def test_both_ways_give_the_same_newest_matches_and_leave_the_planner_as_it_was(
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
        through_index = rows(query, limit, every_match=True, municipalities=places, sectors=sectors)
        newest_first = rows(query, limit, every_match=False, municipalities=places, sectors=sectors)
        assert through_index == newest_first, query
    newest_first_kokki = rows("kokki", 4, every_match=False)
    assert len(newest_first_kokki) == 4
    assert len(rows("kokki", 50, every_match=True)) == 7  # not the closed one
    assert [rank for _pk, rank, *_ in rows("kokki", 50, True)].count(2) == 6  # in the title
    # Inside the test's transaction, as inside any caller's: the planner's ways are back on.
    assert setting("enable_seqscan") == "on" and setting("enable_indexscan") == "on"
    # Run more often than psycopg's threshold for preparing a statement: several statements
    # in one are never prepared, and keep working.
    for _ in range(8):
        assert rows("kokki", 4, every_match=True) == newest_first_kokki


@pytest.mark.postgresql
def test_the_statistics_are_read_as_analyze_counted_them(employer, forget_statistics):
    assert lexemes.statistics("default") is None  # never analysed: nothing known
    assert lexemes.fetch_every_match(["kokki"], 501, "default")  # then the index, always
    for n in range(40):
        make_job(employer, status="published", title=f"Lähihoitaja {n}", description="Hoiva.")
    make_job(employer, status="closed", title="Leipuri")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE jobs_jobsearchvector")
    lexemes.forget()
    stats = lexemes.statistics("default")
    assert stats.rows == 41
    assert stats.open_share == pytest.approx(40 / 41)
    assert lexemes.word_share(stats, "hoitajia") == pytest.approx(40 / 41, abs=0.01)
    assert lexemes.word_share(stats, "lähihoitajan") == pytest.approx(40 / 41, abs=0.01)
    assert lexemes.word_share(stats, "leipuri") < 0.05
    # Read once, then kept: a new ANALYZE is seen after STATISTICS_TTL.
    assert lexemes.statistics("default") is stats


def known(rows, **shares):
    """Statistics of `rows` vectors, all of open jobs, with these lexemes' shares."""
    ordered = sorted(shares.items())
    return lexemes.Statistics(
        rows=rows,
        open_share=1.0,
        lexemes=[lexeme for lexeme, _ in ordered],
        shares=[share for _, share in ordered],
        least_share=min(shares.values()),
    )


@pytest.mark.parametrize(
    "rows, words, narrowed, every_match",
    [
        (50_000, ["hoitaja"], 1.0, False),  # every sixth job: read newest first
        (50_000, ["leipuri"], 1.0, True),  # one in sixty: fetch all 850
        (50_000, ["kokki"], 1.0, True),  # below the commonest thousand: rarer still
        (50_000, ["hoitaja", "leipuri"], 1.0, True),  # every word must match
        (50_000, ["hoitaja"], 0.01, True),  # in a place that has few of them
        (500_000, ["leipuri"], 1.0, False),  # 8,500 matches: the newest are near
        (500, ["hoitaja"], 1.0, True),  # a small site: all its matches are fewer than 501
    ],
)
def test_rare_words_are_fetched_through_the_index_common_ones_read_newest_first(
    rows, words, narrowed, every_match, forget_statistics
):
    stats = known(rows, hoitaja=0.17, hoitajan=0.01, leipuri=0.017, leipurin=0.017 / 4)
    lexemes._cache["default"] = (time.monotonic(), stats)
    assert lexemes.fetch_every_match(words, 501, "default", narrowed) is every_match
