"""The entrepreneurship pages are valid HTML and pass axe (WCAG 2.1 A/AA) in every language."""

import pytest
from django.test import override_settings

from tests.accessibility import assert_accessible
from tests.conftest import browser_sign_in, make_user
from tests.entrepreneurship.test_entrepreneurship import make_listing
from tests.test_html_valid import VNU, validate

LANGUAGES = ["fi", "sv", "en"]


def paths(listing):
    return [
        "/{language}/entrepreneurship/",
        f"/{{language}}/entrepreneurship/successors/{listing.pk}/",
        "/{language}/entrepreneurship/successors/new/",
        "/{language}/entrepreneurship/mentoring/",
    ]


@pytest.mark.skipif(not VNU.exists(), reason="the Nu Html Checker is not installed")
@pytest.mark.django_db
def test_entrepreneurship_is_valid_html(client, jobseeker, tmp_path):
    seller = make_user("myyja@example.com")
    listing = make_listing(seller)
    pages = [client.get(f"/{language}/entrepreneurship/").content for language in LANGUAGES]
    pages.append(client.get(listing.get_absolute_url()).content)  # anonymous
    client.force_login(jobseeker)
    pages += [
        client.get(path.format(language=language)).content
        for language in LANGUAGES
        for path in paths(listing)
    ]
    pages.append(client.post(listing.get_absolute_url(), {"message": ""}).content)
    pages.append(client.post("/fi/entrepreneurship/successors/new/", {"title": "x"}).content)
    pages.append(client.post("/fi/entrepreneurship/mentoring/", {"kind": "x"}).content)
    client.force_login(seller)
    pages.append(client.get(listing.get_absolute_url()).content)
    assert validate(pages, tmp_path) == []


@pytest.mark.browser
@pytest.mark.usefixtures("seeded_transactional_db")
@pytest.mark.parametrize("language", LANGUAGES)
def test_entrepreneurship_passes_axe(live_server, page, csp_violations, jobseeker, language):
    listing = make_listing(make_user("myyja@example.com"))
    browser_sign_in(page, live_server, jobseeker.email)
    for path in paths(listing):
        page.goto(f"{live_server.url}{path.format(language=language)}")
        assert page.locator("h1").count() == 1
        assert_accessible(page)
    # A form sent empty: its errors are linked and pass too.
    page.get_by_role(
        "button", name={"fi": "Lähetä", "sv": "Skicka", "en": "Send"}[language]
    ).click()
    assert_accessible(page)
    assert csp_violations == []


@pytest.mark.browser
@pytest.mark.usefixtures("seeded_transactional_db")
@override_settings(ADMIN_REQUIRE_MFA=False)
def test_the_staff_admin_pages_pass_axe(live_server, page, sysma_moderator, staff_group):
    sysma_moderator.groups.add(staff_group)
    make_listing(make_user("myyja@example.com"), "submitted")
    browser_sign_in(page, live_server, sysma_moderator.email)
    for path in [
        "/admin/entrepreneurship/successorlisting/",
        "/admin/entrepreneurship/mentoringentry/",
        "/admin/entrepreneurship/mentoringpair/",
        "/admin/entrepreneurship/mentoringpair/add/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
