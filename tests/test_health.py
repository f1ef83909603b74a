from unittest import mock

from django.db import OperationalError

from tests.conftest import make_user


def test_healthz_answers_without_touching_the_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_readyz_reports_a_reachable_database(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok"}


def test_readyz_reports_an_unreachable_database(client, db):
    with mock.patch("nelinvoimaa.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"database": "unavailable"}


def test_robots_txt_keeps_crawlers_out_of_accounts_and_admin(client, db):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body


def test_the_500_page_stands_alone_in_three_languages(client, db):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Palvelussa on häiriö" in html and 'lang="sv"' in html and 'lang="en"' in html


def test_a_page_that_cannot_reach_the_database_answers_503_and_asks_to_retry(
    db, monkeypatch, django_assert_max_num_queries
):
    """An outage (or no pooled connection within DATABASE_POOL_TIMEOUT) is a 503 in the site's
    look with Retry-After, made without the database; any other failure stays a 500."""
    from django.test import Client

    client = Client(raise_request_exception=False)

    def unreachable(*args):
        raise OperationalError("connection refused")

    monkeypatch.setattr("nelinvoimaa.views.sections", unreachable)
    response = client.get("/fi/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Tietokantaan ei juuri nyt saada yhteyttä" in html and 'lang="sv"' in html
    signed_in = Client(raise_request_exception=False)
    signed_in.force_login(make_user("kayttaja@example.com"))
    with django_assert_max_num_queries(1):  # at most the session; nothing after the failure
        response = signed_in.get("/fi/")
    assert response.status_code == 503 and "no-store" in response["Cache-Control"]

    def broken(*args):
        raise ValueError("a bug")

    monkeypatch.setattr("nelinvoimaa.views.sections", broken)
    response = client.get("/fi/")
    assert response.status_code == 500 and "Palvelussa on häiriö" in response.content.decode()


def test_the_database_pool_waits_at_most_two_seconds_by_default(monkeypatch):
    from nelinvoimaa.settings import database_from_url

    monkeypatch.setenv("DATABASE_URL", "postgres://u@h/db")
    monkeypatch.delenv("DATABASE_POOL_TIMEOUT", raising=False)
    assert database_from_url("DATABASE_URL")["OPTIONS"]["pool"]["timeout"] == 2
    monkeypatch.setenv("DATABASE_POOL_TIMEOUT", "5")
    assert database_from_url("DATABASE_URL")["OPTIONS"]["pool"]["timeout"] == 5
