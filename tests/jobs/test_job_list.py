import json
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import feedparser
import pytest
from django.utils import timezone

from jobs.models import Job
from nelinvoimaa.models import Municipality, Sector
from tests.conftest import make_employer, make_job

pytestmark = pytest.mark.django_db


def pk(model, **lookup):
    return model.objects.get(**lookup).pk


def titles(client, query=""):
    html = client.get(f"/fi/jobs/?{query}").content.decode()
    return re.findall(r'<h3><a href="/fi/jobs/\d+/[^"]+/"[^>]*>([^<]+)</a></h3>', html)


@pytest.fixture
def jobs(employer, other_owner):
    """A small region: Sysmä (employer) and Hartola (other employer) jobs of many kinds."""
    hartola = other_owner.memberships.get().employer
    today = timezone.localdate()
    summer = {"start_date": date(today.year + 1, 6, 1), "end_date": date(today.year + 1, 8, 31)}
    make_job(
        employer,
        status="published",
        title="Kokki kesäksi",
        employment_type="summer",
        housing_offered=True,
        **summer,
    )
    make_job(
        employer,
        status="published",
        title="Mökkihuoltaja",
        employment_type="seasonal",
        sector=Sector.objects.get(slug="cleaning"),
        start_date=date(today.year + 1, 9, 1),
        end_date=date(today.year + 1, 10, 31),
    )
    make_job(
        hartola,
        status="published",
        title="Lähihoitaja",
        employment_type="permanent",
        sector=Sector.objects.get(slug="care"),
        description="Vakituinen hoitajan työ.",
    )
    make_job(
        hartola,
        status="published",
        title="Etäkoordinaattori",
        municipality=None,
        is_remote=True,
        employment_type="part_time",
    )
    make_job(
        employer, status="published", title="Vanha ilmoitus", deadline=today - timedelta(days=1)
    )
    make_job(employer, status="draft", title="Luonnos")
    make_job(employer, status="closed", title="Suljettu")
    make_job(employer, status="submitted", title="Tarkastamatta")


def test_only_open_jobs_are_listed_newest_first(client, jobs):
    assert titles(client) == ["Etäkoordinaattori", "Lähihoitaja", "Mökkihuoltaja", "Kokki kesäksi"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("municipality={sysma}", {"Kokki kesäksi", "Mökkihuoltaja"}),
        (
            "municipality={sysma}&municipality={hartola}",
            {"Kokki kesäksi", "Mökkihuoltaja", "Lähihoitaja"},
        ),
        ("sector={care}", {"Lähihoitaja"}),
        ("employment_type=summer&employment_type=seasonal", {"Kokki kesäksi", "Mökkihuoltaja"}),
        ("month=7&month=8", {"Kokki kesäksi"}),
        ("month=10", {"Mökkihuoltaja"}),
        ("remote=on", {"Etäkoordinaattori"}),
        ("housing=on", {"Kokki kesäksi"}),
        ("municipality={sysma}&month=9&housing=on", set()),
        ("municipality={sysma}&employment_type=seasonal&month=9", {"Mökkihuoltaja"}),
    ],
)
def test_filters_alone_and_combined(client, jobs, query, expected):
    query = query.format(
        sysma=pk(Municipality, code="781"),
        hartola=pk(Municipality, code="081"),
        care=pk(Sector, slug="care"),
    )
    assert set(titles(client, query)) == expected


def test_posted_within(client, jobs):
    Job.objects.filter(title="Lähihoitaja").update(published_at=timezone.now() - timedelta(days=10))
    assert "Lähihoitaja" not in titles(client, "posted=7")
    assert "Lähihoitaja" in titles(client, "posted=30")


def test_sort_by_deadline(client, employer):
    for n, days in enumerate([30, 5, 15]):
        make_job(
            employer,
            status="published",
            title=f"Työ {n}",
            deadline=timezone.localdate() + timedelta(days=days),
        )
    assert titles(client, "sort=deadline") == ["Työ 1", "Työ 2", "Työ 0"]


def test_simple_search_words(client, jobs):
    assert titles(client, "q=kokki") == ["Kokki kesäksi"]
    assert set(titles(client, "q=hoitaja")) == {"Lähihoitaja"}


def test_the_page_shows_counts_chips_and_keeps_the_query_in_the_form(client, jobs):
    sysma = pk(Municipality, code="781")
    html = client.get(f"/fi/jobs/?municipality={sysma}&housing=on&q=kokki").content.decode()
    assert "1 avoin työpaikka" in html
    assert "Sysmä (1)" in html  # with the other filters applied
    assert 'value="kokki"' in html
    chip_links = re.findall(r'<a class="chip" href="\?([^"]*)"', html)
    assert len(chip_links) == 3
    assert all("page=" not in link for link in chip_links)
    assert f"municipality={sysma}&amp;housing=on" in html  # removing "kokki" keeps the rest


def test_a_helpful_empty_state(client, jobs):
    html = client.get("/fi/jobs/?q=astronautti").content.decode()
    assert "0 avointa työpaikkaa" in html
    assert "näytä kaikki avoimet työpaikat" in html


def test_pagination(client, employer):
    for n in range(25):
        make_job(employer, status="published", title=f"Työ {n:02d}")
    first = titles(client)
    second = titles(client, "page=2")
    assert len(first) == 20 and len(second) == 5 and not set(first) & set(second)
    assert titles(client, "page=99999") == second  # out of range: the last page


@pytest.mark.parametrize(
    "query",
    [
        "municipality=abc",
        "municipality=99999999999999999999",
        "sector=-1",
        "month=13",
        "month=0",
        "month=x",
        "month=%C2%B2",  # "²" is a digit to str.isdigit() but not to int()
        "municipality=%D9%A3",  # an Arabic-Indic three
        "sector=" + "9" * 40,
        "employment_type=ceo",
        "posted=2",
        "sort=price",
        "remote=maybe",
        "page=-1",
        "page=abc",
        "page=" + "9" * 50,
        "q=" + "ä" * 10000,
        "q=%00%27%22%3C",
        "q=':*&!|()<->",
        "q=a%20%26%20b",
        "municipality=1&municipality=abc&sector=1",
    ],
)
def test_any_query_string_gives_a_normal_page(client, jobs, query):
    response = client.get(f"/fi/jobs/?{query}")
    assert response.status_code == 200
    assert client.get(f"/fi/jobs/feed/?{query}").status_code == 200


def test_an_ununderstood_value_does_not_void_the_others(client, jobs):
    care = pk(Sector, slug="care")
    assert set(titles(client, f"municipality=abc&sector={care}")) == {"Lähihoitaja"}
    # A number that is no sector's: the municipality still filters, and counts, alone.
    sysma = pk(Municipality, code="781")
    html = client.get(f"/fi/jobs/?municipality={sysma}&sector=99999").content.decode()
    assert "2 avointa työpaikkaa" in html
    Job.objects.filter(title="Kokki kesäksi").update(deadline=timezone.localdate())
    assert titles(client, f"municipality={sysma}&sector=99999&sort=deadline") == [
        "Kokki kesäksi",
        "Mökkihuoltaja",
    ]
    assert set(titles(client, f"municipality={sysma}&sector=99999")) == {
        "Kokki kesäksi",
        "Mökkihuoltaja",
    }


def test_the_list_runs_a_fixed_number_of_queries(client, employer, django_assert_num_queries):
    summer = {"start_date": date(2027, 6, 1), "end_date": date(2027, 8, 31)}
    for n in range(30):
        make_job(employer, status="published", title=f"Työ {n}", housing_offered=True, **summer)
    sysma = pk(Municipality, code="781")
    # municipalities, sectors, the counts (total and facets in one), the page's ids, its
    # jobs with their employers and municipalities, the footer's pages
    with django_assert_num_queries(6):
        assert len(titles(client, "housing=on&month=7")) == 20
    # Choices and footer are read once per change; the counts once per query. A search's
    # page ordered by relevance comes from the counted rows: no query for its ids.
    with django_assert_num_queries(2):
        assert len(titles(client, f"page=2&municipality={sysma}&q=ty%C3%B6")) == 10
    # Another order of the same query: its ids only, as its jobs were all listed before (each
    # job's entry is kept, with what its buttons need, until the next change).
    with django_assert_num_queries(1):
        assert len(titles(client, f"municipality={sysma}&q=ty%C3%B6&sort=newest")) == 20


def test_each_choice_counts_with_the_other_filters_as_they_are(client, jobs):
    sysma, hartola = pk(Municipality, code="781"), pk(Municipality, code="081")
    care, cleaning = pk(Sector, slug="care"), pk(Sector, slug="cleaning")
    html = client.get(f"/fi/jobs/?municipality={hartola}&sector={cleaning}").content.decode()
    assert "0 avointa työpaikkaa" in html  # Hartola has no cleaning jobs
    assert "Sysmä (1)" in html and "Hartola (0)" in html  # cleaning jobs by municipality
    assert "Siivous ja kiinteistöpalvelut (0)" in html  # Hartola's jobs by sector
    assert "Hoiva ja terveys (1)" in html
    html = client.get(f"/fi/jobs/?municipality={sysma}&municipality={hartola}").content.decode()
    assert "3 avointa työpaikkaa" in html  # the remote job is in neither
    assert "Hoiva ja terveys (1)" in html and f"sector={care}" not in html


def test_relevance_puts_every_word_in_the_title_first_then_in_the_facts_then_in_the_text(
    client, employer
):
    """Whatever their dates: the newest first only among equals."""
    now = timezone.now()
    for days_ago, title, requirements, description in [
        (3, "Kokki lounasravintolaan", "", "Ruokaa järvinäköalalla."),
        (2, "Kokki Sysmään", "Lounaskeittiön kokemus", "Ruokaa kylälle."),  # a fact
        (1, "Kokki Hartolaan", "", "Teemme lounaat itse."),
        (0, "Tarjoilija", "", "Lounas ja kokki samassa salissa."),
        (0, "Kokki iltaan", "", "Illallinen."),  # not every word: not found
    ]:
        job = make_job(
            employer,
            status="published",
            title=title,
            other_requirements=requirements,
            description=description,
        )
        Job.objects.filter(pk=job.pk).update(published_at=now - timedelta(days=days_ago))
    assert titles(client, "q=kokki+lounas") == [
        "Kokki lounasravintolaan",
        "Kokki Sysmään",
        "Tarjoilija",
        "Kokki Hartolaan",
    ]
    assert titles(client, "q=lounaat+kokit") == titles(client, "q=kokki+lounas")
    # Another filter reads the jobs' own rows (on PostgreSQL the words alone are found in
    # the vectors' table): the same order.
    Job.objects.update(is_remote=True)
    assert titles(client, "q=kokki+lounas&remote=on") == titles(client, "q=kokki+lounas")


def test_a_common_word_counts_only_so_far_and_ranks_among_that_many(
    client, employer, other_owner, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr("jobs.results.COUNT_CAP", 3)
    for n in range(5):
        make_job(employer, status="published", title=f"Kokki {n}")
    hartola = other_owner.memberships.get().employer
    make_job(hartola, status="published", title="Kokki Hartolassa")
    html = client.get("/fi/jobs/?q=kokki").content.decode()
    assert "Yli 3 avointa työpaikkaa" in html
    assert "Sysmä (" not in html  # no counts when they are not known
    # Ranked among the newest matches: a job posted today is among them, however many older
    # jobs match (the database stops reading after the newest three).
    ranked = titles(client, "q=kokki")
    assert sorted(ranked) == ["Kokki 3", "Kokki 4", "Kokki Hartolassa"]
    assert titles(client, "q=kokki&posted=30") == ranked  # read from the jobs' own rows
    # Sorting by date is exact whatever the count: the newest three of all six.
    assert titles(client, "q=kokki&sort=newest") == ["Kokki Hartolassa", "Kokki 4", "Kokki 3"]
    # A municipality narrows it below the cap: an exact total again, from two counting
    # queries (the second gives the page's ids, ranked). The choices and the footer's pages
    # are read already, and so is the job, listed by the searches above.
    hartola_pk = hartola.municipality_id
    with django_assert_num_queries(2):
        assert titles(client, f"q=kokki&municipality={hartola_pk}") == ["Kokki Hartolassa"]
    html = client.get(f"/fi/jobs/?q=kokki&municipality={hartola_pk}").content.decode()
    assert "1 avoin työpaikka" in html
    # Without a search word nothing is capped.
    assert "6 avointa työpaikkaa" in client.get("/fi/jobs/").content.decode()


def test_a_search_follows_every_change_to_a_job_however_it_is_made(
    client, employer, other_owner, django_capture_on_commit_callbacks
):
    """update() sends no signal and skips save(): the search still lists only open jobs,
    counted where they are now (PostgreSQL's copies in the vectors' table follow by trigger)."""
    hartola = other_owner.memberships.get().employer.municipality_id
    first = make_job(employer, status="published", title="Kokki kesäksi")
    second = make_job(employer, status="published", title="Kokki syksyksi")

    def change(job, **fields):
        with django_capture_on_commit_callbacks(execute=True):  # the pages' new generation
            Job.objects.filter(pk=job.pk).update(**fields)

    assert titles(client, "q=kokki") == ["Kokki syksyksi", "Kokki kesäksi"]
    change(first, status=Job.Status.CLOSED)
    assert titles(client, "q=kokki") == ["Kokki syksyksi"]
    change(second, deadline=timezone.localdate() - timedelta(days=1))
    assert titles(client, "q=kokki") == []
    change(first, status=Job.Status.PUBLISHED, municipality=hartola)
    html = client.get("/fi/jobs/?q=kokki").content.decode()
    assert "1 avoin työpaikka" in html and "Hartola (1)" in html and "Sysmä (0)" in html
    assert titles(client, f"q=kokki&municipality={hartola}") == ["Kokki kesäksi"]
    care = pk(Sector, slug="care")
    change(first, sector=care)
    assert titles(client, f"q=kokki&sector={care}") == ["Kokki kesäksi"]
    change(second, deadline=timezone.localdate() + timedelta(days=9))
    assert titles(client, "q=kokki") == ["Kokki syksyksi", "Kokki kesäksi"]  # newest first
    change(first, published_at=timezone.now() + timedelta(minutes=1))
    assert titles(client, "q=kokki") == ["Kokki kesäksi", "Kokki syksyksi"]


def test_a_word_cut_to_a_hyphen_is_ignored_as_the_search_ignores_it(client, employer):
    """Words are cut to 40 characters; one cut after a hyphen has no term to match."""
    make_job(employer, status="published", title="Kokki kesäksi")
    make_job(employer, status="published", title="Siivooja")
    cut = "x" * 39 + "-ab"
    assert sorted(titles(client, f"q={cut}")) == ["Kokki kesäksi", "Siivooja"]
    assert titles(client, f"q=kokki+{cut}") == ["Kokki kesäksi"]


def test_the_job_page_runs_a_fixed_number_of_queries(client, employer, django_assert_num_queries):
    job = make_job(employer, status="published")
    for n in range(8):
        make_job(employer, status="published", title=f"Muu {n}")
    # job, other jobs, trainings of its sector (the trainings app's job_sections), footer
    with django_assert_num_queries(4):
        assert client.get(job.get_absolute_url()).status_code == 200


def test_the_home_page_runs_a_fixed_number_of_queries(client, jobs, django_assert_num_queries):
    # municipalities with counts, newest jobs, totals by season, upcoming trainings, the newest
    # stories, footer
    with django_assert_num_queries(6):
        html = client.get("/fi/").content.decode()
    assert "Tämä kesä" in html and "Kokki kesäksi" in html
    assert 'action="/fi/jobs/"' in html


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1)) if match else None


def test_job_page_json_ld_has_googles_required_and_recommended_properties(client, employer):
    employer.website = "https://rantalomat.example.com"
    employer.street_address = "Rantatie 1"
    employer.postal_code = "19700"
    employer.save()
    job = make_job(
        employer,
        status="published",
        employment_type="seasonal",
        start_date=date(2027, 6, 1),
        end_date=date(2027, 8, 31),
        pay_min=14.5,
        pay_max=16,
        pay_unit="hour",
        description="Kokkaus </script><b>",
    )
    data = json_ld(client.get(job.get_absolute_url()).content.decode())
    for key in [
        "title",
        "description",
        "datePosted",
        "validThrough",
        "employmentType",
        "hiringOrganization",
        "jobLocation",
        "baseSalary",
        "identifier",
        "directApply",
    ]:
        assert key in data, key
    assert data["@type"] == "JobPosting"
    assert data["employmentType"] == ["TEMPORARY"]
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Päijänteen Rantalomat Oy",
        "sameAs": "https://rantalomat.example.com",
    }
    address = data["jobLocation"]["address"]
    assert (address["addressLocality"], address["addressCountry"], address["postalCode"]) == (
        "Sysmä",
        "FI",
        "19700",
    )
    assert data["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 14.5,
        "maxValue": 16.0,
        "unitText": "HOUR",
    }
    assert data["validThrough"].startswith(job.deadline.isoformat() + "T23:59:59")
    assert data["directApply"] is True
    assert "</script><b>" not in data["description"]  # escaped, and it closes nothing


def test_a_remote_job_is_telecommute(client, employer):
    job = make_job(employer, status="published", municipality=None, is_remote=True)
    data = json_ld(client.get(job.get_absolute_url()).content.decode())
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"]["name"] == "Finland"
    assert "jobLocation" not in data


def test_a_closed_job_says_so_and_has_no_json_ld(client, employer):
    job = make_job(employer, status="closed")
    html = client.get(job.get_absolute_url()).content.decode()
    assert "suljettu" in html and json_ld(html) is None
    expired = make_job(
        employer, status="published", deadline=timezone.localdate() - timedelta(days=1)
    )
    html = client.get(expired.get_absolute_url()).content.decode()
    assert "suljettu" in html and json_ld(html) is None


def test_job_page_meta_canonical_hreflang_and_map_link(client, employer, settings):
    settings.SITE_URL = "https://nelinvoimaa.fi"
    job = make_job(employer, status="published", address="Rantatie 1")
    html = client.get(job.get_absolute_url() + "?utm_source=x").content.decode()
    assert f'<link rel="canonical" href="https://nelinvoimaa.fi{job.get_absolute_url()}">' in html
    for language in ["fi", "sv", "en"]:
        assert (
            f'hreflang="{language}" href="https://nelinvoimaa.fi/{language}/jobs/{job.pk}/' in html
        )
    assert '<meta property="og:title"' in html and '<meta name="description"' in html
    assert "https://www.openstreetmap.org/search?query=Rantatie%201%2C%20Sysm%C3%A4" in html


def test_the_feed_honours_the_filters_and_parses(client, jobs):
    hartola = pk(Municipality, code="081")
    response = client.get(f"/fi/jobs/feed/?municipality={hartola}")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == ["Lähihoitaja – Hoivakoti Kotirinne"]
    assert feed.entries[0].link.endswith(
        "/fi/jobs/{}/lahihoitaja/".format(Job.objects.get(title="Lähihoitaja").pk)
    )


def test_the_list_links_its_feed(client, jobs):
    html = client.get("/fi/jobs/?q=kokki").content.decode()
    assert 'type="application/atom+xml"' in html and "/fi/jobs/feed/?q=kokki" in html


def test_sitemap_lists_open_jobs_employers_and_pages_with_alternates(client, jobs, employer):
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    kokki = Job.objects.get(title="Kokki kesäksi")
    assert any(loc.endswith(f"/fi/jobs/{kokki.pk}/kokki-kesaksi/") for loc in locations)
    assert any(loc.endswith(f"/sv/employers/{employer.slug}/") for loc in locations)
    assert any(loc.endswith("/en/pages/accessibility/") for loc in locations)
    for page in ["/fi/", "/fi/jobs/", "/fi/employers/", "/sv/jobs/"]:  # contributed by each app
        assert any(loc.endswith(page) for loc in locations), page
    draft = Job.objects.get(title="Luonnos")
    assert not any(f"/jobs/{draft.pk}/" in loc for loc in locations)
    assert root.findall("s:url/x:link[@hreflang='sv']", ns)


def test_robots_txt_points_to_the_sitemap(client, settings):
    settings.SITE_URL = "https://nelinvoimaa.fi"
    assert (
        "Sitemap: https://nelinvoimaa.fi/sitemap.xml" in client.get("/robots.txt").content.decode()
    )


def test_make_employer_in_another_municipality(owner):
    assert make_employer("Joutsan Saha", owner, "172").municipality.name_fi == "Joutsa"


def test_a_listed_job_made_of_its_kept_fields_behaves_as_one_read_from_the_database(
    employer, django_assert_num_queries
):
    """A list keeps each job's few fields its personal parts read (Job.PERSONAL_FIELDS) and
    makes the job of them without Model.__init__, so that no init signal may be relied on
    for jobs; any other field is still read from the database when asked."""
    from django.db.models.signals import post_init, pre_init

    assert not pre_init.has_listeners(Job) and not post_init.has_listeners(Job)
    job = make_job(employer, status="published", title="Kokki kesäksi")
    kept = Job.with_personal_values(job.personal_values())
    with django_assert_num_queries(0):
        assert (kept.pk, kept.title, kept.status) == (job.pk, "Kokki kesäksi", "published")
        assert kept.deadline == job.deadline and kept.employer_id == job.employer_id
        assert not kept._state.adding and kept._state.db == "default"
    with django_assert_num_queries(1):
        assert kept.description == job.description  # not kept: read when asked
    assert kept == job


def test_relevance_orders_by_rank_then_publication_then_the_newest():
    """A search's matches, given the newest first as the database reads them: the title's
    matches first, among equals the last published, among those the newest; a job never
    published (None), which no list shows, last among its rank."""
    from jobs.results import _by_relevance

    rows = [  # (pk, rank, published_at as text, municipality, sector)
        (9, 0, "2026-05-01 08:00:00+00", 1, 1),
        (8, 2, "2026-04-01 08:00:00+00", 1, 1),
        (7, 1, "2026-05-02 08:00:00+00", 1, 1),
        (6, 2, "2026-04-01 08:00:00+00", 1, 1),
        (5, 2, "2026-04-03 08:00:00+00", 1, 1),
        (4, 0, "2026-05-01 08:00:00+00", 1, 1),
        (3, 1, "2026-05-02 08:00:00.5+00", 1, 1),
    ]
    assert _by_relevance(rows) == [5, 8, 6, 3, 7, 9, 4]
    assert _by_relevance([(2, 1, None, 1, 1), *rows]) == [5, 8, 6, 3, 7, 2, 9, 4]
    assert _by_relevance([]) == []


def test_the_open_jobs_of_a_list_follow_the_date(employer, monkeypatch):
    """The list's open jobs are built once a day in each process: tomorrow a job whose
    deadline is today is gone, and the day's base of the lists is never evaluated itself
    (it would keep every open job in memory)."""
    from django.http import QueryDict

    from jobs.filters import _open_jobs, open_jobs_filter

    today = timezone.localdate()
    job = make_job(employer, status="published", title="Kokki tänään", deadline=today)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today)
    assert job in open_jobs_filter(QueryDict()).qs
    assert _open_jobs(today)._result_cache is None
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + timedelta(days=1))
    assert job not in open_jobs_filter(QueryDict()).qs
