"""The public pages: list, search and filters, the training's page with its JSON-LD, the
feed, the sitemap, the calendar file, the home page and the job page."""

import json
import re
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.conftest import make_employer, make_job, make_user
from trainings.factories import at, make_enrolment, make_training


def titles(response):
    return re.findall(
        r'<h3><a href="/\w\w/trainings/\d+/[^"]*" lang="\w\w">([^<]+)</a>',
        response.content.decode(),
    )


@pytest.fixture
def catalogue(school, unverified_school):
    day = timezone.localdate() + timedelta(days=40)
    return {
        "nurse": make_training(
            school,
            "published",
            title="Lähellä lähihoitajaksi",
            kind="apprenticeship",
            description="Oppisopimuksella lähihoitajaksi kotikunnassa.",
            capacity=1,
        ),
        "hygiene": make_training(
            school,
            "published",
            title="Hygieniapassi",
            sectors=["tourism"],
            price=25,
            language="sv",
            sessions=[(at(day, 17), at(day, 20), "Kirjasto")],
        ),
        "forest": make_training(
            school,
            "published",
            title="Metsäkoneenkuljettajan kurssi",
            sectors=["forestry"],
            format="online",
            municipality=None,
        ),
        "draft": make_training(school, "draft", title="Luonnoskurssi"),
        "waiting": make_training(unverified_school, "submitted", title="Tarkastamaton"),
    }


def test_the_list_shows_upcoming_published_trainings_only(client, catalogue):
    response = client.get("/fi/trainings/")
    assert response.status_code == 200
    assert sorted(titles(response)) == [
        "Hygieniapassi",
        "Lähellä lähihoitajaksi",
        "Metsäkoneenkuljettajan kurssi",
    ]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("q=lähihoitajan", ["Lähellä lähihoitajaksi"]),
        ("q=hoitaja", ["Lähellä lähihoitajaksi"]),
        ("q=metsä", ["Metsäkoneenkuljettajan kurssi"]),
        ("q=oppisopimus", ["Lähellä lähihoitajaksi"]),
        ("free=on&sector=%(forestry)s", ["Metsäkoneenkuljettajan kurssi"]),
        ("kind=apprenticeship", ["Lähellä lähihoitajaksi"]),
        ("format=online", ["Metsäkoneenkuljettajan kurssi"]),
        ("municipality=online", ["Metsäkoneenkuljettajan kurssi"]),
        ("language=sv", ["Hygieniapassi"]),
        ("free=on&language=sv", []),
    ],
)
def test_search_and_filters(client, catalogue, query, expected):
    from nelinvoimaa.models import Sector

    query = query % {"forestry": Sector.objects.get(slug="forestry").pk}
    assert sorted(titles(client.get(f"/fi/trainings/?{query}"))) == expected


@pytest.mark.parametrize(
    "typed, suggested, found",
    [
        ("hygienapassi", "hygieniapassi", "Hygieniapassi"),  # a letter missing
        ("metsakone", "metsäkone", "Metsäkoneenkuljettajan kurssi"),  # typed without ä
        ("lähihoitja", "lähihoitaja", "Lähellä lähihoitajaksi"),
    ],
)
def test_a_search_that_finds_nothing_suggests_words_the_trainings_have(
    client, catalogue, typed, suggested, found
):
    html = client.get("/fi/trainings/", {"q": typed}).content.decode()
    assert not titles_in(html)
    link = re.search(r'Tarkoititko <a href="(/fi/trainings/\?[^"]+)">“([^”]+)”</a>', html)
    assert link and link.group(2) == suggested
    assert found in titles(client.get(link.group(1).replace("&amp;", "&")))


def test_no_suggestion_that_would_find_nothing_either(client, catalogue):
    # "lähihoitaja metsäkone" would find no training either
    html = client.get("/fi/trainings/", {"q": "lähihoitja metsäkone"}).content.decode()
    assert "Tarkoititko" not in html


def titles_in(html):
    return re.findall(r'<h3><a href="/\w\w/trainings/\d+/', html)


def test_month_and_places_left_filters(client, catalogue, student):
    make_enrolment(catalogue["nurse"], student)
    month = (timezone.localdate() + timedelta(days=40)).month
    assert "Hygieniapassi" in titles(client.get(f"/fi/trainings/?month={month}"))
    with_places = titles(client.get("/fi/trainings/?seats=on"))
    assert "Lähellä lähihoitajaksi" not in with_places
    assert "Hygieniapassi" in with_places


@pytest.mark.parametrize(
    "query",
    [
        "sector=abc",
        "sector=99999999999999999999999",
        "municipality=-1",
        "month=13",
        "kind=nope",
        "language=xx",
        "page=999",
        "q=" + "a" * 5000,
        "q=%27%3A*%20%26%20%21",
        "seats=maybe",
    ],
)
def test_nonsense_in_the_query_is_never_an_error(client, catalogue, query):
    assert client.get(f"/fi/trainings/?{query}").status_code == 200


def test_the_list_takes_a_fixed_number_of_queries(client, catalogue, django_assert_num_queries):
    for n in range(5):
        make_training(catalogue["nurse"].provider, "published", title=f"Kurssi {n}")
    # sectors and municipalities (filter choices), count, page, the footer's pages
    with django_assert_num_queries(5):
        client.get("/fi/trainings/?q=kurssi&seats=on")


def test_the_training_page_has_course_json_ld(client, catalogue):
    training = catalogue["hygiene"]
    response = client.get(training.get_absolute_url())
    assert response.status_code == 200
    found = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    data = json.loads(found.group(1))
    assert data["@type"] == "Course"
    assert data["provider"]["name"] == "Gradia"
    assert data["offers"]["price"] == "25.00"
    instance = data["hasCourseInstance"][0]
    assert instance["@type"] == "CourseInstance"
    assert instance["startDate"].endswith(("+02:00", "+03:00"))
    assert 'hreflang="sv"' in response.content.decode()


def test_the_training_page_takes_a_fixed_number_of_queries(
    client, catalogue, django_assert_num_queries
):
    training = catalogue["nurse"]
    # training, sessions, sectors, places taken, placements, jobs, the footer's pages
    with django_assert_num_queries(7):
        client.get(training.get_absolute_url())


def test_a_draft_or_unreviewed_training_is_a_404_to_others(client, catalogue, outsider):
    client.force_login(outsider)
    for key in ("draft", "waiting"):
        url = catalogue[key].get_absolute_url()
        assert client.get(url).status_code == 404
        assert client.get(f"/fi/trainings/{catalogue[key].pk}.ics").status_code == 404


def test_an_old_slug_redirects(client, catalogue):
    training = catalogue["nurse"]
    response = client.get(f"/fi/trainings/{training.pk}/vanha-nimi/")
    assert response.status_code == 301
    assert response["Location"] == training.get_absolute_url()


def test_an_address_without_the_slug_redirects_but_not_to_a_draft(client, catalogue):
    training = catalogue["nurse"]
    response = client.get(f"/fi/trainings/{training.pk}/")
    assert response.status_code == 301
    assert response["Location"] == training.get_absolute_url()
    assert client.get(f"/fi/trainings/{catalogue['draft'].pk}/").status_code == 404


def test_the_calendar_file_parses_in_helsinki_time(client, catalogue):
    training = catalogue["hygiene"]
    response = client.get(f"/fi/trainings/{training.pk}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    start = events[0]["DTSTART"].dt
    assert str(start.tzinfo) == "Europe/Helsinki"
    assert start.hour == 17
    assert any(c.name == "VTIMEZONE" for c in calendar.walk())
    assert str(events[0]["SUMMARY"]) == "Hygieniapassi"


def test_the_feed_lists_upcoming_trainings(client, catalogue):
    feed = feedparser.parse(client.get("/fi/trainings/feed/?q=metsä").content)
    assert [entry.title for entry in feed.entries] == ["Metsäkoneenkuljettajan kurssi – Gradia"]


def test_the_sitemap_has_trainings_in_three_languages(client, catalogue):
    content = client.get("/sitemap.xml").content.decode()
    url = catalogue["nurse"].get_absolute_url()[3:]
    for language in ("fi", "sv", "en"):
        assert f"/{language}{url}" in content
    assert catalogue["draft"].get_absolute_url()[3:] not in content


def test_the_home_page_shows_upcoming_trainings(client, catalogue):
    content = client.get("/fi/").content.decode()
    assert "Lähellä lähihoitajaksi" in content
    assert "Luonnoskurssi" not in content


def test_a_job_page_shows_trainings_of_its_sector(client, catalogue):
    owner = make_user("hoiva@example.com")
    care = make_employer("Hoivakoti", owner, "081", verified=True)
    job = make_job(care, "published", title="Lähihoitaja", sector=catalogue["nurse"].sectors.get())
    content = client.get(job.get_absolute_url()).content.decode()
    assert "Lähellä lähihoitajaksi" in content
    assert "Metsäkoneenkuljettajan kurssi" not in content


def test_a_training_page_shows_open_jobs_of_its_sectors_and_placements(client, training):
    owner = make_user("hoiva@example.com")
    care = make_employer("Hoivakoti Onni", owner, "081", verified=True)
    make_job(care, "published", title="Lähihoitajan sijaisuus", sector=training.sectors.get())
    content = client.get(training.get_absolute_url()).content.decode()
    assert "Lähihoitajan sijaisuus" in content
    assert "Hoivakoti Kotirinne" in content  # the placement employer


def test_refresh_search_index_stores_the_trainings_terms_again(
    client, school, django_capture_on_commit_callbacks
):
    """After a change to how words are analysed the trainings' stored terms are stale until
    `refresh_search_index`, which stores them again with the jobs'."""
    from django.core.management import call_command

    from trainings.models import Training

    training = make_training(school, "published", title="Kevytyrittäjyys – infoilta")
    Training.objects.filter(pk=training.pk).update(search_words=" vanha ")  # as before a change
    assert (
        "Kevytyrittäjyys" not in client.get("/fi/trainings/", {"q": "yrittäjyys"}).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):  # the cached lists go stale too
        call_command("refresh_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    listed = client.get("/fi/trainings/", {"q": "yrittäjyys"}).content.decode()
    assert "Kevytyrittäjyys" in listed  # its head, now that the compound is read as two words
