import pytest

from tests.conftest import make_job


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("", "/fi/"),
        ("sv-FI,sv;q=0.9", "/sv/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("de-DE", "/fi/"),
    ],
)
def test_root_redirects_to_the_visitors_language(client, db, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_home_is_finnish_and_lists_the_four_municipalities(client, db):
    response = client.get("/fi/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fi">' in html
    assert "Työtä ja osaamista neljässä kunnassa" in html
    for name in ("Sysmä", "Hartola", "Joutsa", "Pertunmaa"):
        assert f"<strong>{name}</strong>" in html
    assert "Keski-Suomi" in html


def test_home_in_swedish_uses_swedish_place_names(client, db):
    html = client.get("/sv/").content.decode()
    assert '<html lang="sv">' in html
    assert "Arbete och kunnande i fyra kommuner" in html
    assert "<strong>Gustav Adolfs</strong>" in html
    assert "Päijänne-Tavastland" in html


def test_home_in_english(client, db):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert "Work and know-how in four municipalities" in html
    assert "Central Finland" in html


def test_language_switcher_keeps_the_page_and_query(client, db):
    html = client.get("/fi/pages/about/?utm=x").content.decode()
    assert 'href="/sv/pages/about/?utm=x" hreflang="sv" lang="sv"' in html
    assert 'href="/en/pages/about/?utm=x" hreflang="en" lang="en"' in html
    assert 'href="/fi/pages/about/?utm=x" hreflang="fi" lang="fi" aria-current="true"' in html


def test_home_offers_sign_in_and_sign_up_to_visitors(client, db):
    html = client.get("/fi/").content.decode()
    assert 'href="/fi/accounts/login/">Kirjaudu sisään' in html
    assert 'href="/fi/accounts/signup/">Rekisteröidy' in html


def test_home_offers_sign_out_to_a_signed_in_user(client, jobseeker):
    client.force_login(jobseeker)
    html = client.get("/fi/").content.decode()
    assert 'action="/fi/accounts/logout/"' in html
    assert "Kirjaudu ulos" in html
    assert "Ylläpito" not in html


def test_home_has_one_h1_a_skip_link_and_landmarks(client, db):
    html = client.get("/fi/").content.decode()
    assert html.count("<h1") == 1
    assert 'href="#main">Siirry sisältöön' in html
    assert '<main id="main"' in html and "<footer" in html and "<header" in html


def test_the_home_page_reads_the_database_a_fixed_number_of_times(
    client, employer, django_assert_num_queries
):
    """Municipalities, one pass of counts, the newest jobs, the upcoming trainings, the newest
    stories, the footer's pages: however many jobs there are."""
    for n in range(8):
        make_job(employer, status="published", title=f"Työ {n}")
    with django_assert_num_queries(6):
        assert client.get("/fi/").status_code == 200


def test_a_visitor_is_offered_an_account_once(client, db):
    html = client.get("/fi/").content.decode()
    assert html.count('class="button secondary" href="/fi/accounts/signup/"') == 1
