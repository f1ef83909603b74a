import pytest
from django.contrib.auth.models import Group
from django.test import override_settings

from nelinvoimaa.models import Page
from nelinvoimaa.staff import STAFF_GROUP
from tests.conftest import make_staff


@pytest.mark.parametrize("slug", ["about", "privacy", "accessibility", "contact"])
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_seeded_site_pages_exist_in_every_language(client, db, slug, language):
    page = Page.objects.get(slug=slug)
    assert getattr(page, f"title_{language}") and getattr(page, f"body_{language}")
    response = client.get(f"/{language}/pages/{slug}/")
    assert response.status_code == 200
    assert "ei ole vielä saatavilla" not in response.content.decode()


def test_footer_links_the_site_pages_in_the_current_language(client, db):
    html = client.get("/sv/").content.decode()
    for slug, title in [
        ("about", "Om tjänsten"),
        ("privacy", "Dataskyddsbeskrivning"),
        ("accessibility", "Tillgänglighetsutlåtande"),
        ("contact", "Kontakt"),
    ]:
        assert f'<a href="/sv/pages/{slug}/">{title}</a>' in html


def test_about_page_tells_of_the_municipalities_and_esf_funding(client, db):
    html = client.get("/fi/pages/about/").content.decode()
    assert "ESR" in html
    for name in ("Sysmän", "Hartolan", "Joutsan", "Pertunmaan"):
        assert name in html


def test_accessibility_statement_follows_the_legal_model(client, db):
    html = client.get("/fi/pages/accessibility/").content.decode()
    assert "Ei-saavutettava sisältö" in html
    assert "Traficom" in html
    assert "Anna palautetta" in html
    assert "28.11.2026" in html


def test_page_body_is_sanitised(client, db):
    Page.objects.create(
        slug="test",
        title_fi="Testi",
        body_fi='<p onclick="x()">Hei</p><script>alert(1)</script>'
        '<a href="javascript:alert(1)">linkki</a>',
    )
    html = client.get("/fi/pages/test/").content.decode()
    assert "<p>Hei</p>" in html
    assert "<script>alert" not in html and "onclick" not in html and "javascript:" not in html


def test_a_page_missing_in_the_language_falls_back_to_finnish(client, db):
    Page.objects.create(slug="vain-suomeksi", title_fi="Vain suomeksi", body_fi="<p>Teksti</p>")
    html = client.get("/en/pages/vain-suomeksi/").content.decode()
    assert 'lang="fi"' in html
    assert "<h1>Vain suomeksi</h1>" in html
    assert "shown in Finnish" in html


def test_unknown_page_is_a_404_in_the_sites_look(client, db):
    response = client.get("/fi/pages/ei-ole/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sivua ei löytynyt" in html and "Siirry sisältöön" in html


@override_settings(ADMIN_REQUIRE_MFA=False)
def test_staff_edit_a_page_in_three_languages_in_the_admin(client, db):
    moderator = make_staff("sanna@sysma.example.com", "781")
    moderator.groups.add(Group.objects.get(name=STAFF_GROUP))
    client.force_login(moderator)
    page = Page.objects.get(slug="contact")
    url = f"/admin/nelinvoimaa/page/{page.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "in_footer": "on",
            "position": "40",
            "title_fi": "Ota yhteyttä",
            "body_fi": "<p>Soita meille</p>",
            "title_sv": "Kontakta oss",
            "body_sv": "<p>Ring oss</p>",
            "title_en": "Contact us",
            "body_en": "<p>Call us</p>",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.slug == "contact"  # staff cannot rename the slug
    assert client.get("/sv/pages/contact/").content.decode().count("Ring oss") == 1


def test_users_without_the_staff_group_cannot_edit_pages(client, db):
    client.force_login(make_staff("outsider@example.com"))
    with override_settings(ADMIN_REQUIRE_MFA=False):
        page = Page.objects.get(slug="contact")
        assert client.get(f"/admin/nelinvoimaa/page/{page.pk}/change/").status_code == 403
