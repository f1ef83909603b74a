"""The staff's figures page is valid HTML in every language."""

from tests.reports.test_figures import PERIOD
from tests.test_html_valid import pytestmark, validate  # noqa: F401 - skips without the checker


def test_figures_are_valid_html(client, history, superuser, tmp_path):
    client.force_login(superuser)
    query = f"?start={PERIOD['start']}&end={PERIOD['end']}"
    pages = [
        client.get(f"/{language}/staff/figures/{query}").content for language in ("fi", "sv", "en")
    ]
    pages.append(client.get("/fi/staff/figures/?start=2026-03-01&end=2026-02-01").content)
    assert validate(pages, tmp_path) == []


def test_the_still_open_pages_are_valid_html(client, employer, tmp_path):
    from reports.reminders import link_token
    from tests.conftest import make_job

    job = make_job(employer, "published")
    token = link_token(job)
    pages = [
        client.get(f"/{language}/staff/job-check/{token}/{answer}/").content
        for language in ("fi", "sv", "en")
        for answer in ("keep", "close")
    ]
    pages.append(client.post(f"/fi/staff/job-check/{token}/keep/").content)
    pages.append(client.post(f"/sv/staff/job-check/{token}/close/").content)
    assert validate(pages, tmp_path) == []
