from unittest import mock

from django.db import OperationalError


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
