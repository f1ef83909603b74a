"""Finnish words as people type them, on both databases: cases, plurals, consonant gradation,
compounds and their heads, Swedish and English postings, place names, ranking and
suggestions. The same table runs on SQLite (`make test`) and PostgreSQL (CI)."""

import re
import unicodedata
from datetime import date

import pytest

from jobs.models import Job
from nelinvoimaa.models import Municipality, Sector
from tests.conftest import make_employer, make_job, make_user

CARE = {"Lähihoitaja", "Sairaanhoitaja yöhön", "Hoitajan sijaisuus"}
SUMMER = {"Kesätyöntekijä lomakylään", "Kesätyöntekijä marjatilalle"}
DRIVERS = {"Kuorma-autonkuljettaja", "Metsäkoneenkuljettaja"}
WORKERS = SUMMER | {"Kahvilatyöntekijä"}  # työntekijä, the head of each, joined by its -n-

# (what is typed, jobs it must find). Each finds at least these, and nothing from another trade.
FORMS = [
    ("hoitaja", CARE),
    ("hoitajan", CARE),
    ("hoitajia", CARE),
    ("hoitajat", CARE),
    ("hoitajana", CARE),
    ("hoitajaksi", CARE),
    ("hoitajien", CARE),
    ("lähihoitajan", {"Lähihoitaja"}),
    ("lähihoitajaksi", {"Lähihoitaja"}),
    ("lähihoitajia", {"Lähihoitaja"}),
    ("sairaanhoitajaksi", {"Sairaanhoitaja yöhön"}),
    ("sairaanhoitajien", {"Sairaanhoitaja yöhön"}),
    ("kesätyö", SUMMER),
    ("kesätöitä", SUMMER),
    ("kesätöihin", SUMMER),
    ("kesätyöntekijäksi", SUMMER),
    ("kesätyöntekijöitä", SUMMER),
    ("kokki", {"Kokki kesäsesongiksi"}),
    ("kokkeja", {"Kokki kesäsesongiksi"}),
    ("kokin", {"Kokki kesäsesongiksi"}),
    ("kokiksi", {"Kokki kesäsesongiksi"}),
    ("kokkina", {"Kokki kesäsesongiksi"}),
    ("kuljettaja", DRIVERS),
    ("kuljettajaksi", DRIVERS),
    ("kuljettajia", DRIVERS),
    ("kuljettajan", DRIVERS),
    ("autonkuljettajaksi", {"Kuorma-autonkuljettaja"}),
    ("koneenkuljettajaksi", {"Metsäkoneenkuljettaja"}),  # a head with the first part's -n
    ("työntekijä", WORKERS),
    ("työntekijöitä", WORKERS),
    ("työntekijäksi", WORKERS),
    ("työnjohtajaksi", {"Siivoustyönjohtaja"}),
    # A compound Voikko does not know whole: read as two words it knows.
    ("lyhytkoulutukseen", {"Lyhytkoulutuksen kouluttaja"}),
    ("koulutuksia", {"Lyhytkoulutuksen kouluttaja"}),
    # Typed as one word, written in the title as two, as Finnish has it either way.
    ("kerhonohjaajaksi", {"Kesäkerhon ohjaaja"}),
    ("kesäkerhonohjaajia", {"Kesäkerhon ohjaaja"}),
    ("sairaanhoitajia", {"Sairaanhoitaja yöhön"}),
    ("kuorma-autonkuljettajaksi", {"Kuorma-autonkuljettaja"}),
    ("metsä", {"Metsäkoneenkuljettaja", "Metsuri"}),
    ("metsurin", {"Metsuri"}),
    ("metsureita", {"Metsuri"}),
    ("siivoojaksi", {"Siivooja"}),
    ("siivoojia", {"Siivooja"}),
    ("tarjoilijan", {"Tarjoilija"}),
    ("tarjoilijoita", {"Tarjoilija"}),
    ("tarjoil", {"Tarjoilija"}),  # still being typed
    ("myyjäksi", {"Myyjä"}),
    ("myyjiä", {"Myyjä"}),
    ("keittiöapulaiseksi", {"Keittiöapulainen"}),
    ("apulaista", {"Keittiöapulainen"}),  # the head of a compound
    ("keittiöön", {"Keittiöapulainen", "Kokki kesäsesongiksi"}),  # "lounaskeittiö"
    ("sommarjobb", {"Sommarjobb i gästhamnen"}),
    ("sommarjobbet", {"Sommarjobb i gästhamnen"}),  # the definite form, which Snowball keeps
    ("sommarjobben", {"Sommarjobb i gästhamnen"}),
    ("receptionists", {"Spa receptionist"}),
    ("Sysmässä", {"Kokki kesäsesongiksi", "Lähihoitaja", "Myyjä", "Kahvilatyöntekijä"}),
    ("kokki Sysmässä", {"Kokki kesäsesongiksi"}),
    ("Hartolasta", {"Metsuri", "Siivooja", "Siivoustyönjohtaja"}),
    ("Hartolaan", {"Metsuri", "Siivooja", "Siivoustyönjohtaja"}),  # the illative: -an
    ("kokiksi Sysmään", {"Kokki kesäsesongiksi"}),  # -än
    ("sysmassa", {"Kokki kesäsesongiksi", "Lähihoitaja", "Myyjä", "Kahvilatyöntekijä"}),
]
TRADES = [
    CARE,
    WORKERS,
    DRIVERS,
    {"Kokki kesäsesongiksi"},
    {"Metsuri"},
    {"Siivooja"},
    {"Siivoustyönjohtaja"},
    {"Lyhytkoulutuksen kouluttaja"},
    {"Kesäkerhon ohjaaja"},
]


@pytest.fixture
def jobs(db):
    owner = make_user("omistaja@example.com")
    sysma = make_employer("Sysmän Palvelut Oy", owner, "781", verified=True)
    hartola = make_employer("Hartolan Palvelut Oy", owner, "081", verified=True)
    joutsa = make_employer("Joutsan Palvelut Oy", owner, "172", verified=True)
    sector = Sector.objects.get

    def job(employer, title, slug, description="Hyvä työyhteisö.", **fields):
        return make_job(
            employer,
            status="published",
            title=title,
            sector=sector(slug=slug),
            description=description,
            **fields,
        )

    job(sysma, "Lähihoitaja", "care")
    job(joutsa, "Sairaanhoitaja yöhön", "care")
    job(joutsa, "Hoitajan sijaisuus", "care")
    job(joutsa, "Kesätyöntekijä lomakylään", "tourism")
    job(joutsa, "Kesätyöntekijä marjatilalle", "agriculture")
    job(sysma, "Kokki kesäsesongiksi", "tourism", "Lounaskeittiö ja à la carte.")
    job(joutsa, "Keittiöapulainen", "tourism")
    job(sysma, "Kahvilatyöntekijä", "tourism")
    job(hartola, "Siivoustyönjohtaja", "cleaning")
    job(joutsa, "Lyhytkoulutuksen kouluttaja", "education")
    job(joutsa, "Kesäkerhon ohjaaja", "education")
    job(joutsa, "Kuorma-autonkuljettaja", "transport")
    job(joutsa, "Metsäkoneenkuljettaja", "forestry")
    job(hartola, "Metsuri", "forestry")
    job(hartola, "Siivooja", "cleaning", "Toimistojen siivous.")
    job(
        joutsa,
        "Tarjoilija",
        "tourism",
        employment_type="summer",
        start_date=date(2027, 6, 1),
        end_date=date(2027, 8, 31),
    )
    job(sysma, "Myyjä", "trade")
    job(joutsa, "Sommarjobb i gästhamnen", "tourism", "Kundservice i hamnen.", language="sv")
    job(joutsa, "Spa receptionist", "tourism", "Welcome our guests.", language="en")


def found(client, query):
    html = client.get("/fi/jobs/", {"q": query}).content.decode()
    return [title for title in Job.objects.values_list("title", flat=True) if f">{title}<" in html]


@pytest.mark.parametrize(("typed", "expected"), FORMS, ids=[typed for typed, _ in FORMS])
def test_a_typed_form_finds_its_jobs_and_no_other_trade(client, jobs, typed, expected):
    results = set(found(client, typed))
    assert expected <= results, f"{typed!r} missed {expected - results}"
    for trade in TRADES:
        if not trade & expected:
            assert not trade & results, f"{typed!r} also found {trade & results}"


def test_there_are_at_least_forty_forms():
    assert len(FORMS) >= 40


def test_a_title_match_ranks_before_a_match_in_the_facts(client, jobs):
    # Tarjoilija is a summer job ("kesätyö" as its type); the two others say it in the title.
    results = found_in_order(client, "kesätyö")
    assert set(results[:2]) == SUMMER and results[2] == "Tarjoilija"


def found_in_order(client, query):
    html = client.get("/fi/jobs/", {"q": query}).content.decode()
    titles = [t for t in Job.objects.values_list("title", flat=True) if f">{t}<" in html]
    return sorted(titles, key=lambda title: html.index(f">{title}<"))


def test_the_newest_first_among_equal_matches(client, jobs):
    newest = Job.objects.filter(title__in=CARE).order_by("-published_at", "-pk")
    assert found_in_order(client, "hoitaja") == [job.title for job in newest]


@pytest.mark.parametrize(
    ("typed", "code", "left"),
    [
        ("kokki Sysmässä", "781", "kokki"),
        ("kokiksi Sysmään", "781", "kokiksi"),  # the illative: -än
        ("Hartolaan metsuriksi", "081", "metsuriksi"),  # -an
        ("kokki sysmassa", "781", "kokki"),  # without the dots
        ("kokki Pertunmaahan", "588", "kokki"),
    ],
)
def test_a_named_place_narrows_the_list_and_shows_as_the_choice(client, jobs, typed, code, left):
    html = client.get("/fi/jobs/", {"q": typed}).content.decode()
    place = Municipality.objects.get(code=code)
    assert re.search(rf'name="municipality" value="{place.pk}"[^>]* checked', html)
    assert re.search(rf'name="q"[^>]* value="{left}"', html)  # the place left the search words


@pytest.mark.parametrize("typed", ["Sysmän", "joutsen", "sysmäläinen"])
def test_a_word_that_only_begins_like_a_place_does_not_narrow(client, jobs, typed):
    html = client.get("/fi/jobs/", {"q": typed}).content.decode()
    assert not re.search(r'name="municipality" value="\d+"[^>]* checked', html)


def test_a_search_that_finds_nothing_suggests_the_sites_words(client, jobs):
    html = client.get("/fi/jobs/", {"q": "lähihoitja"}).content.decode()
    assert "Tarkoititko" in html and "“lähihoitaja”" in html
    assert found(client, "lähihoitaja") == ["Lähihoitaja"]


@pytest.mark.parametrize(
    "typed, suggested, finds",
    [
        ("kuljetaja", "kuljettaja", DRIVERS),  # the part of compounds the titles have
        ("kesatyo", "kesätyö", SUMMER),  # typed without the dots
        ("kesatoita", "kesätöitä", SUMMER),  # in another form: the dots back, the form kept
        ("tyontekijoita", "työntekijöitä", WORKERS),
        ("lahihoitajaksi Sysmassa", "lähihoitajaksi", {"Lähihoitaja"}),  # the place narrows
        ("lähihoitja yöhön", None, set()),  # the Lähihoitaja job is not "yöhön"
        ("kokiksi siivoojia", None, set()),  # both words known, in other forms: no typo
        ("kokiksi Hartolassa", None, set()),  # no cook in Hartola: nothing to correct
    ],
)
def test_a_suggestion_is_a_word_the_site_has_and_finds_jobs(client, jobs, typed, suggested, finds):
    html = client.get("/fi/jobs/", {"q": typed}).content.decode()
    link = re.search(r'Tarkoititko <a href="(/fi/jobs/\?[^"]+)">“([^”]+)”</a>', html)
    if suggested is None:
        assert link is None
        return
    assert link and link.group(2) == suggested
    followed = client.get(link.group(1).replace("&amp;", "&")).content.decode()
    assert finds <= {
        title for title in Job.objects.values_list("title", flat=True) if f">{title}<" in followed
    }


def test_saving_a_job_stores_its_terms_for_both_databases(jobs):
    job = Job.objects.get(title="Kesätyöntekijä lomakylään")
    assert " kesätyö " in job.search_title and " kesä " in job.search_title
    assert " joutsa " in job.search_head and " joutsa " not in job.search_title  # its place
    assert " työyhteisö " in job.search_words and " työyhteisö " not in job.search_head
    job.description = "Mökkien vaihtosiivous."
    job.save()
    job.refresh_from_db()
    assert " siivous " in job.search_words and " työyhteisö " not in job.search_words


def test_a_title_joins_a_genitive_to_the_word_after_it_and_nothing_else():
    from nelinvoimaa.words import text_terms

    assert {"kesäkerhonohjaaja", "kerhonohjaaja"} <= set(
        text_terms("Kesäkerhon ohjaaja", joined=True)
    )
    assert "iloinenmyyjä" not in text_terms("Iloinen myyjä", joined=True)  # not a genitive
    assert "kerhonohjaaja" not in text_terms("Kesäkerhon: ohjaaja", joined=True)  # punctuation
    assert "kerhonohjaaja" not in text_terms("Kesäkerhon ohjaaja")  # a description's


def test_only_letters_digits_and_hyphens_become_terms():
    """A quote or a colon in a term would break PostgreSQL's tsquery: none gets through,
    whatever is typed."""
    from nelinvoimaa.words import is_term, query_word, text_terms, words

    assert is_term("kuorma-auto") and is_term("kesätyö") and is_term("b2b")
    assert not any(is_term(t) for t in ["", "a'b", "a:b", "-a", "a b", "a&b", "a\\b", "i\u0307"])
    for text in ["vaa'an raa'at", "kokki's", "‘quoted’ “words”", "a:*|b", "-- ; DROP", "İstanbul"]:
        for word in words(text):
            assert "'" not in word and ":" not in word and "|" not in word
            prefixes, exact = query_word(word)
            assert prefixes + exact and all(is_term(term) for term in prefixes + exact)
        assert all("'" not in term and ":" not in term for term in text_terms(text))


@pytest.mark.parametrize(
    "hostile", ["'a'; DROP TABLE jobs_job; --", "'a%s'", "'a\\'", "'a'\n", "'a_b'"]
)
def test_the_tsquery_written_into_the_sql_holds_only_terms_and_operators(hostile):
    """A search's tsquery is written into the SQL, not sent as a value (so that each query
    keeps a plan for its own words): only terms, their quotes (doubled) and the operators
    matching() writes can be there; anything else is refused before it reaches the SQL."""
    from django.db.models import Value

    from jobs.search import TsQueryLiteral

    def sql(raw):
        return TsQueryLiteral(Value(raw)).as_sql(None, None)

    written = sql("('kesätyö':* | 'kesä') & 'kuorma-auto'")
    assert written == ("'(''kesätyö'':* | ''kesä'') & ''kuorma-auto'''::tsquery", [])
    with pytest.raises(ValueError):
        sql(hostile)


@pytest.mark.parametrize(
    "typed", ["İ", "İstanbul", "hoitaja İ", "i̇", "m²", "k", "-", "'", "a'b", "osa-", "x" * 300]
)
def test_odd_words_answer_a_page_not_an_error(client, jobs, typed):
    assert client.get("/fi/jobs/", {"q": typed}).status_code == 200


def test_decomposed_text_is_found_as_composed(client, jobs):
    decomposed = unicodedata.normalize("NFD", "lähihoitajaksi")
    assert "Lähihoitaja" in found(client, decomposed)


def test_a_hyphenated_word_is_matched_whole(client, jobs):
    # "osa-aikainen" is not "osa" (osaava, osasto) or "aikainen".
    assert found(client, "osa-aikainen") == []
    assert found(client, "kuorma-auto") == ["Kuorma-autonkuljettaja"]


def test_an_employers_name_that_begins_with_a_place_is_searched_not_narrowed(client, jobs):
    # Sysmän Sähkö works in Joutsa: "Sysmän" is its name, not "in Sysmä".
    electrician = make_employer("Sysmän Sähkö Oy", make_user("sahko@example.com"), "172")
    make_job(electrician, status="published", title="Sähköasentaja", sector=Sector.objects.first())
    assert found(client, "Sysmän Sähkö") == ["Sähköasentaja"]


def test_a_place_word_stays_a_word_when_municipalities_are_chosen(client, jobs):
    hartola = Municipality.objects.get(code="081")
    html = client.get("/fi/jobs/", {"q": "Sysmässä", "municipality": hartola.pk}).content
    assert re.search(rb'name="q"[^>]* value="Sysm', html)


def test_a_description_is_at_most_ten_thousand_characters_and_its_analysis_is_bounded(db):
    from jobs.forms import JobForm
    from jobs.search import MAX_TEXT_WORDS
    from nelinvoimaa.words import text_terms

    form = JobForm({"description": "sana " * 2001})
    assert not form.is_valid() and "description" in form.errors
    many = " ".join(f"sana{n}" for n in range(MAX_TEXT_WORDS + 500))
    assert len(text_terms(many, "fi", limit=MAX_TEXT_WORDS)) <= 2 * MAX_TEXT_WORDS
    assert "sana2400" not in text_terms(many, "fi", limit=MAX_TEXT_WORDS)


def test_a_word_in_another_form_is_not_corrected(jobs):
    """Only the misspelt word changes; a word the site has in another form stays as typed."""
    from jobs.search import job_vocabulary, suggestion

    assert suggestion("keittiöön kokkii", job_vocabulary()) == "keittiöön kokki"
    assert suggestion("lomakylässä kesätyöntekiä", job_vocabulary()) == (
        "lomakylässä kesätyöntekijä"
    )
    assert suggestion("kokiksi", job_vocabulary(), finds=lambda better: 1 / 0) is None


@pytest.mark.parametrize("path", ["/fi/jobs/", "/fi/trainings/"])
def test_a_control_character_typed_is_not_written_into_the_page(client, jobs, path):
    """A NUL may not stand in an HTML page (the validator refuses it): searched and shown
    again as a space, the rest of the words still searched."""
    response = client.get(path, {"q": "kokki\x00\x1b\uffff\ufdd0"})
    html = response.content.decode()
    assert response.status_code == 200
    assert not {"\x00", "\x1b", "\uffff", "\ufdd0"} & set(html)
    assert 'value="kokki    "' in html
    if path == "/fi/jobs/":
        assert ">Kokki kesäsesongiksi<" in html
