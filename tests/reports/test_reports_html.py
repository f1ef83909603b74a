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
