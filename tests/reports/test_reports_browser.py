"""The staff's figures in a real browser: axe (WCAG 2.1 A/AA) and CSP in every language."""

import pytest
from playwright.sync_api import expect

from tests.accessibility import assert_accessible
from tests.conftest import browser_sign_in
from tests.reports.test_figures import PERIOD

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded_transactional_db")]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_figures_pass_axe(live_server, page, csp_violations, history, sysma_moderator, language):
    browser_sign_in(page, live_server, sysma_moderator.email)
    page.goto(
        f"{live_server.url}/{language}/staff/figures/?start={PERIOD['start']}&end={PERIOD['end']}"
    )
    expect(page.locator("html")).to_have_attribute("lang", language)
    # One per figure, the trainings' and the jobseekers' too.
    assert page.locator("svg.chart").count() == 12
    assert_accessible(page)
    assert csp_violations == []


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_still_open_page_passes_axe(live_server, page, csp_violations, employer, language):
    from reports.reminders import link_token
    from tests.conftest import make_job

    job = make_job(employer, "published")
    page.goto(f"{live_server.url}/{language}/staff/job-check/{link_token(job)}/close/")
    assert_accessible(page)
    page.get_by_role("button").last.click()
    expect(page.locator("[role=status]")).to_be_visible()
    assert_accessible(page)
    assert csp_violations == []
