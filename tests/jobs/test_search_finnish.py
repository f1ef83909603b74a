"""What Finnish jobseekers type, against PostgreSQL's `finnish` full-text search."""

from datetime import date

import pytest

from jobs.models import Job
from nelinvoimaa.models import Sector
from tests.conftest import make_job

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]


@pytest.fixture
def jobs(employer):
    sector = Sector.objects.get
    make_job(
        employer,
        status="published",
        title="Lähihoitaja",
        sector=sector(slug="care"),
        description="Hoivakodin kolmivuorotyö.",
    )
    make_job(
        employer,
        status="published",
        title="Hoitajan sijaisuus",
        sector=sector(slug="care"),
        employment_type="fixed_term",
        start_date=date.fromisoformat("2027-01-01"),
        end_date=date.fromisoformat("2027-03-31"),
    )
    make_job(
        employer,
        status="published",
        title="Siivooja",
        sector=sector(slug="cleaning"),
        description="Toimistojen siivous ja ikkunanpesu.",
    )
    make_job(
        employer,
        status="published",
        title="Kesätyöntekijä lomakylään",
        employment_type="summer",
        start_date=date.fromisoformat("2027-06-01"),
        end_date=date.fromisoformat("2027-08-31"),
    )
    make_job(
        employer,
        status="published",
        title="Tarjoilija",
        employment_type="summer",
        start_date=date.fromisoformat("2027-06-01"),
        end_date=date.fromisoformat("2027-08-31"),
        description="Terassin kesä.",
    )
    make_job(
        employer, status="published", title="Kokki", description="Lounaskeittiön kokin tehtävät."
    )
    make_job(
        employer,
        status="published",
        title="Ravintolapäällikkö",
        description="Johdat kokkien tiimiä.",
    )
    make_job(employer, status="published", title="Metsuri", sector=sector(slug="forestry"))
    make_job(
        employer, status="published", title="Metsäkoneenkuljettaja", sector=sector(slug="forestry")
    )
    make_job(employer, status="published", title="Myyjä", description="Rautakaupan myyjä.")


def found(client, query):
    html = client.get("/fi/jobs/", {"q": query}).content.decode()
    return [job.title for job in Job.objects.all() if f">{job.title}</a>" in html], html


def ranked(client, query):
    html = client.get("/fi/jobs/", {"q": query}).content.decode()
    titles = [job.title for job in Job.objects.all() if f">{job.title}</a>" in html]
    return sorted(titles, key=lambda title: html.index(f">{title}</a>"))


def test_hoitaja_finds_inflected_and_compound_forms(client, jobs):
    assert set(ranked(client, "hoitaja")) == {"Lähihoitaja", "Hoitajan sijaisuus"}


def test_siivous_finds_cleaning_in_the_text_and_in_compounds(client, jobs):
    # "Siivooja" says "siivous" in its text; the others' "vaihtosiivous" is a compound of it.
    results = ranked(client, "siivous")
    assert results[0] == "Siivooja"
    assert "Tarjoilija" not in results and "Kokki" not in results
    assert set(results) == {"Siivooja"} | {
        job.title for job in Job.objects.filter(description__contains="vaihtosiivous")
    }


def test_kesatyo_finds_summer_jobs_by_type_and_compound_titles(client, jobs):
    results = ranked(client, "kesätyö")
    assert set(results) == {"Kesätyöntekijä lomakylään", "Tarjoilija"}
    assert results[0] == "Kesätyöntekijä lomakylään"  # the title weighs most


def test_kokki_finds_inflections_and_ranks_the_title_first(client, jobs):
    assert ranked(client, "kokki") == ["Kokki", "Ravintolapäällikkö"]


def test_metsa_finds_forestry_by_prefix(client, jobs):
    assert set(ranked(client, "metsä")) == {"Metsuri", "Metsäkoneenkuljettaja"}


def test_the_word_being_typed_matches_as_a_prefix(client, jobs):
    assert ranked(client, "tarjoil") == ["Tarjoilija"]


def test_several_words_must_all_match(client, jobs):
    assert ranked(client, "kokki lounas") == ["Kokki"]


def test_tsquery_syntax_typed_by_a_user_is_just_words(client, jobs):
    for query in ["kokki & | !", "'kokki':*", "kokki <-> (", "\\", "::", "kokki'"]:
        response = client.get("/fi/jobs/", {"q": query})
        assert response.status_code == 200


def test_renaming_an_employer_updates_its_jobs_search_words(
    client, jobs, employer, django_capture_on_commit_callbacks
):
    assert ranked(client, "Rantalomat")
    employer.name = "Järvihelmi Oy"
    with django_capture_on_commit_callbacks(execute=True):
        employer.save()
    assert ranked(client, "Rantalomat") == []
    assert len(ranked(client, "Järvihelmi")) == Job.objects.count()
