from datetime import timedelta

from django.utils import timezone

from nelinvoimaa.models import Municipality, Sector
from tests.conftest import make_employer, make_job, make_user


def test_directory_filters_by_municipality_sector_and_open_jobs(client, employer, other_owner):
    employer.sectors.add(Sector.objects.get(slug="tourism"))
    make_job(employer, status="published")
    sysma = Municipality.objects.get(code="781")
    html = client.get(f"/fi/employers/?municipality={sysma.pk}").content.decode()
    assert "Päijänteen Rantalomat Oy" in html and "Hoivakoti Kotirinne" not in html
    tourism = Sector.objects.get(slug="tourism")
    html = client.get(f"/fi/employers/?sector={tourism.pk}").content.decode()
    assert "Päijänteen Rantalomat Oy" in html and "Hoivakoti Kotirinne" not in html
    html = client.get("/fi/employers/?open_jobs=on").content.decode()
    assert "Päijänteen Rantalomat Oy" in html and "Hoivakoti Kotirinne" not in html
    assert "1 avoin työpaikka" in html


def test_a_job_past_its_deadline_does_not_count_as_open(client, employer):
    make_job(employer, status="published", deadline=timezone.localdate() - timedelta(days=1))
    html = client.get("/fi/employers/?open_jobs=on").content.decode()
    assert "Päijänteen Rantalomat Oy" not in html


def test_bad_filter_values_give_a_normal_page(client, employer):
    for query in [
        "municipality=abc",
        "municipality=999999",
        "municipality=" + "9" * 40,  # overflowed the database's integer: a 500 before
        "sector=" + "9" * 40,
        "sector=%C2%B2",
        "sector=-1",
        "page=99999",
        "open_jobs=maybe",
        "page=x" * 2000,
    ]:
        assert client.get(f"/fi/employers/?{query}").status_code == 200


def test_directory_runs_a_fixed_number_of_queries(client, db, django_assert_num_queries):
    owner = make_user("o@example.com")
    for n in range(12):
        employer = make_employer(f"Yritys {n}", owner, verified=n % 2 == 0)
        make_job(employer, status="published")
    # count, page of employers, filter choices (municipalities, sectors), footer pages
    with django_assert_num_queries(5):
        assert client.get("/fi/employers/").status_code == 200


def test_the_employer_page_shows_the_profile_open_jobs_and_badge(client, employer):
    employer.verify(None)
    employer.why_work_here = "Asunto järjestyy rannalta."
    employer.save()
    make_job(employer, status="published", title="Kokki kesäksi")
    make_job(employer, status="draft", title="Salainen luonnos")
    make_job(employer, status="closed", title="Viime kesän työ")
    html = client.get(f"/fi/employers/{employer.slug}/").content.decode()
    assert "Vahvistettu" in html and "Asunto järjestyy rannalta." in html
    assert "Kokki kesäksi" in html
    assert "Salainen luonnos" not in html and "Viime kesän työ" not in html


def test_an_unknown_employer_is_404(client, db):
    assert client.get("/fi/employers/ei-ole/").status_code == 404
