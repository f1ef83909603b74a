"""The admin pages staff use, in a real browser: axe (WCAG 2.1 A/AA) in Finnish and Swedish,
and the job list's columns fit at 1280 px beside the filters."""

import pytest
from playwright.sync_api import expect

from reports.models import ReasonTemplate
from tests.accessibility import assert_accessible
from tests.conftest import browser_sign_in, make_job

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded_transactional_db")]


@pytest.fixture
def desk(settings, employer, sysma_moderator, staff_group):
    settings.ADMIN_REQUIRE_MFA = False
    sysma_moderator.groups.add(staff_group)
    job = make_job(
        employer,
        "submitted",
        title="Kokki kesäravintolaan Päijänteen rannalle, kesä–elokuu",
        contact_name="Olli Omistaja",
        contact_email="olli@example.com",
    )
    make_job(employer, "published", title="Toinen ilmoitus")
    ReasonTemplate.objects.create(title="Kuvaus puuttuu", text="Kerro työtehtävät.")
    return job


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_admin_pages_staff_use_pass_axe(
    live_server, page, csp_violations, desk, sysma_moderator, language
):
    sysma_moderator.language = language
    sysma_moderator.save()
    browser_sign_in(page, live_server, sysma_moderator.email)
    for path in [
        "/admin/",
        "/admin/jobs/job/",
        "/admin/jobs/job/?status__exact=submitted",
        f"/admin/jobs/job/{desk.pk}/change/",
        f"/admin/jobs/job/{desk.pk}/moderate/reject/",
        "/admin/jobs/jobevent/",
        "/admin/reports/reasontemplate/",
        "/admin/reports/reasontemplate/add/",
    ]:
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(page)
    assert csp_violations == []


def test_approve_from_the_postings_page(live_server, page, desk, sysma_moderator):
    browser_sign_in(page, live_server, sysma_moderator.email)
    page.goto(f"{live_server.url}/admin/jobs/job/{desk.pk}/change/")
    page.get_by_role("button", name="Hyväksy ja julkaise").click()
    expect(page.locator(".messagelist")).to_contain_text("Ilmoitus hyväksyttiin ja julkaistiin.")
    desk.refresh_from_db()
    assert desk.status == "published"


def test_the_job_list_fits_at_1280_px(live_server, page, desk, sysma_moderator):
    page.set_viewport_size({"width": 1280, "height": 900})
    browser_sign_in(page, live_server, sysma_moderator.email)
    page.goto(f"{live_server.url}/admin/jobs/job/")
    clipped = page.evaluate(
        "() => { const r = document.querySelector('#changelist .results');"
        " return r.scrollWidth - r.clientWidth; }"
    )
    assert clipped <= 0, _debug(page)


def _debug(page):
    return page.evaluate(
        "() => [...document.querySelectorAll('#changelist .results th, #changelist .results td')]"
        ".map(e => e.className + ':' + e.offsetWidth + ':' + e.textContent.trim().slice(0,30))"
    )
