"""The site in a real browser: accessibility (axe-core, WCAG 2.1 A/AA), CSP, keyboard, flows."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from playwright.sync_api import expect

from nelinvoimaa.models import User
from tests.accessibility import assert_accessible
from tests.conftest import PASSWORD, browser_sign_in, make_user

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded_transactional_db")]

PUBLIC_PATHS = [
    "",
    "accounts/signup/",
    "accounts/login/",
    "accounts/password/reset/",
    "pages/about/",
    "pages/privacy/",
    "pages/accessibility/",
    "pages/contact/",
]


@pytest.mark.parametrize("language", ["fi", "en"])
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_pass_axe_and_csp(live_server, page, csp_violations, language, path):
    page.goto(f"{live_server.url}/{language}/{path}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    assert csp_violations == []


def test_the_first_tab_reaches_the_skip_link_which_moves_to_the_content(live_server, page):
    page.goto(f"{live_server.url}/fi/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Siirry sisältöön")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    # Expectations wait: following the link and moving focus happen after the key press returns.
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("main#main")).to_be_focused()


def test_the_language_switcher_keeps_the_page(live_server, page):
    page.goto(f"{live_server.url}/fi/pages/privacy/")
    page.get_by_role("link", name="svenska").click()
    assert page.url.endswith("/sv/pages/privacy/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dataskyddsbeskrivning")


def test_sign_up_with_a_mistake_then_verify_and_sign_in(live_server, page, csp_violations):
    page.goto(f"{live_server.url}/fi/accounts/signup/")
    page.get_by_label("Sähköposti").fill("selain@example.com")
    page.get_by_label("Nimi").fill("Selma Selain")
    page.get_by_label("Salasana", exact=False).first.fill(PASSWORD)
    page.get_by_label("Salasana (uudestaan)").fill("not the same password")
    page.get_by_role("button", name="Rekisteröidy").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Tarkista seuraavat kohdat")
    expect(page.get_by_label("Sähköposti")).to_have_value("selain@example.com")
    expect(page.get_by_label("Nimi")).to_have_value("Selma Selain")
    assert_accessible(page)

    page.get_by_label("Salasana", exact=False).first.fill(PASSWORD)
    page.get_by_label("Salasana (uudestaan)").fill(PASSWORD)
    page.get_by_role("button", name="Rekisteröidy").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vahvista")
    assert User.objects.filter(email="selain@example.com").exists()

    link = re.search(r"http://[^/]+(/\S+)", mail.outbox[-1].body).group(1)
    page.goto(live_server.url + link)
    assert_accessible(page)
    page.get_by_role("button", name="Vahvista").click()
    expect(page.get_by_role("button", name="Kirjaudu ulos")).to_be_visible()
    page.get_by_role("button", name="Kirjaudu ulos").click()
    expect(page.get_by_role("link", name="Kirjaudu sisään")).to_be_visible()
    assert csp_violations == []


def test_the_axe_helper_fails_on_an_inaccessible_page(page):
    page.set_content('<html><body><img src="x.png"><input type="text"></body></html>')
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)


def test_the_csp_check_sees_an_inline_script_blocked(live_server, page, csp_violations):
    page.goto(f"{live_server.url}/fi/")
    with pytest.raises(Exception):  # noqa: B017, PT011 - Playwright reports the refusal itself
        page.add_script_tag(content="document.title = 'hacked'")
    page.wait_for_timeout(100)
    assert page.title() != "hacked"
    assert csp_violations, "the blocked inline script is reported"


def test_account_settings_pages_pass_axe(live_server, page, csp_violations):
    make_user("tili@example.com")
    browser_sign_in(page, live_server, "tili@example.com")
    for path in ["accounts/email/", "accounts/password/change/", "accounts/2fa/"]:
        page.goto(f"{live_server.url}/fi/{path}")
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
    assert csp_violations == []


@override_settings(ADMIN_REQUIRE_MFA=False)
def test_the_admin_runs_under_the_content_security_policy(live_server, page, csp_violations):
    make_user("paakayttaja@example.com", is_staff=True, is_superuser=True)
    browser_sign_in(page, live_server, "paakayttaja@example.com")
    for path in [
        "/admin/",
        "/admin/nelinvoimaa/page/",
        "/admin/nelinvoimaa/page/1/change/",
        "/admin/nelinvoimaa/user/",
    ]:
        page.goto(live_server.url + path)
        expect(page.locator("#content")).to_be_visible()
    assert csp_violations == []


@override_settings(ADMIN_REQUIRE_MFA=False)
def test_the_admin_pages_staff_use_pass_axe(live_server, page, csp_violations, settings, tmp_path):
    """Staff are users too: the admin index, every list and change pages of each."""
    from tests.conftest import make_employer, make_job
    from tests.images import image_upload

    make_user("admin@example.com", is_staff=True, is_superuser=True)
    settings.MEDIA_ROOT = tmp_path
    # Employers with and without a logo and photos: the file inputs render differently.
    make_employer("Hartolan Hovi", make_user("h@example.com"), "081")
    employer = make_employer("Sysmän Marjatila", make_user("o@example.com"), "781")
    employer.logo = image_upload("logo.png", (64, 64))
    employer.save()
    employer.photos.create(image=image_upload("pelto.png", (64, 64)), description="Pelto")
    make_job(employer, status="submitted")
    browser_sign_in(page, live_server, "admin@example.com")
    page.goto(f"{live_server.url}/admin/")
    lists = {
        href
        for href in page.locator("#content-main a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        if href and re.fullmatch(r"/admin/\w+/\w+/", href)
    }
    assert {"/admin/jobs/job/", "/admin/employers/employer/", "/admin/nelinvoimaa/page/"} <= lists
    assert_accessible(page)
    for path in sorted(lists):
        page.goto(live_server.url + path)
        assert_accessible(page)
        rows = page.locator("#result_list tbody tr th a")
        for href in [rows.nth(n).get_attribute("href") for n in range(min(rows.count(), 2))]:
            # goto, not click: axe must not run on a page still loading.
            page.goto(live_server.url + href)
            assert_accessible(page)
    assert csp_violations == []


def test_public_pages_reflow_at_320_pixels(live_server, page):
    """WCAG 1.4.10: at 320 CSS pixels (400 % zoom) nothing needs sideways scrolling, even a
    job with a long address, e-mail and link, in Swedish's longer words."""
    from tests.conftest import make_employer, make_job

    employer = make_employer(
        "Päijänteen Rantalomat ja Mökkivuokraus Oy", make_user("o@example.com"), "781"
    )
    employer.verify(None)
    job = make_job(
        employer,
        status="published",
        title="Kesätyöntekijä lomakylän asiakaspalveluun ja siivoukseen",
        address="Vanhan-Sysmän kirkonkylän rantatie 123",
        contact_email="rekrytointi.kesatyontekijat@paijanteenrantalomat.example.com",
        apply_method="link",
        apply_url="https://rekrytointi.paijanteenrantalomat.example.com/avoimet-tyopaikat/kesa",
    )
    page.set_viewport_size({"width": 320, "height": 640})
    for language in ("fi", "sv"):
        for path in [
            "",
            "jobs/",
            job.get_absolute_url()[4:],
            "employers/",
            employer.get_absolute_url()[4:],
            "pages/accessibility/",
        ]:
            page.goto(f"{live_server.url}/{language}/{path}")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, f"{page.url} is {width} px wide"
