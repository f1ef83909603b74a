"""Public pages are cached for visitors, and a change shows on the very next request."""

from django.core.cache import caches

from tests.conftest import make_job


def test_a_published_job_shows_on_the_next_request(client, employer, sysma_moderator):
    assert "Uusi kokki" not in client.get("/fi/jobs/").content.decode()
    job = make_job(employer, status="submitted", title="Uusi kokki")
    assert "Uusi kokki" not in client.get("/fi/jobs/").content.decode()
    job.approve(sysma_moderator)
    assert "Uusi kokki" in client.get("/fi/jobs/").content.decode()
    assert "Uusi kokki" in client.get("/fi/").content.decode()


def test_an_edited_or_closed_job_shows_so_at_once(client, employer, owner):
    job = make_job(employer, status="published", title="Kokki")
    url = job.get_absolute_url()
    assert "Kokki" in client.get(url).content.decode()
    job.title = "Keittiöapulainen"
    job.save()
    assert "Keittiöapulainen" in client.get(job.get_absolute_url()).content.decode()
    job.close(owner)
    assert "suljettu" in client.get(job.get_absolute_url()).content.decode()
    assert "Keittiöapulainen" not in client.get("/fi/jobs/").content.decode()


def test_a_renamed_employer_shows_at_once(client, employer):
    make_job(employer, status="published")
    assert "Päijänteen Rantalomat Oy" in client.get("/fi/employers/").content.decode()
    employer.name = "Järvihelmi Oy"
    employer.save()
    html = client.get("/fi/employers/").content.decode()
    assert "Järvihelmi Oy" in html and "Päijänteen Rantalomat Oy" not in html


def test_visitors_get_the_cached_page_without_queries(client, employer, django_assert_num_queries):
    make_job(employer, status="published")
    client.get("/fi/jobs/")
    with django_assert_num_queries(0):
        assert client.get("/fi/jobs/").status_code == 200


def test_signed_in_users_always_get_a_fresh_page(client, owner, employer):
    client.force_login(owner)
    client.get("/fi/jobs/")
    assert "Kirjaudu ulos" in client.get("/fi/jobs/").content.decode()
    client.logout()
    assert "Kirjaudu ulos" not in client.get("/fi/jobs/").content.decode()


def test_each_language_and_query_is_its_own_page(client, employer):
    make_job(employer, status="published")
    assert '<html lang="sv">' in client.get("/sv/jobs/").content.decode()
    assert '<html lang="fi">' in client.get("/fi/jobs/").content.decode()
    assert "0 avointa" in client.get("/fi/jobs/?q=astronautti").content.decode()


def test_error_responses_are_not_cached(client, db):
    client.get("/fi/jobs/999/x/")
    assert not caches["pages"]._cache
