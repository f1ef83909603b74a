"""Runs axe-core on a page and fails on any WCAG 2.1 A/AA violation."""

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

_axe = Axe()


def assert_accessible(page):
    results = _axe.run(page, options=WCAG_21_AA)
    violations = results.response["violations"]
    assert not violations, f"{page.url}:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )
