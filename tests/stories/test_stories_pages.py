"""The stories' pages are valid HTML and pass axe (WCAG 2.1 A/AA) in every language."""

import pytest
from django.test import override_settings

from tests.accessibility import assert_accessible
from tests.stories.test_stories import make_story
from tests.test_html_valid import VNU, validate

LANGUAGES = ["fi", "sv", "en"]


def paths(story, employer):
    return [
        "/{language}/stories/",
        "/{language}/stories/?tag=kes%C3%A4ty%C3%B6",
        story.get_absolute_url().replace("/fi/", "/{language}/", 1),
        "/{language}/",
        employer.get_absolute_url().replace("/fi/", "/{language}/", 1),
    ]


@pytest.mark.skipif(not VNU.exists(), reason="the Nu Html Checker is not installed")
@pytest.mark.django_db
def test_stories_are_valid_html(client, employer, tmp_path):
    story = make_story(
        body="# Otsikko\n\nTeksti <script>x</script> [linkki](https://example.com)\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |",
        employer=employer,
    )
    pages = [
        client.get(path.format(language=language)).content
        for language in LANGUAGES
        for path in paths(story, employer)
    ]
    pages.append(client.get("/fi/stories/?municipality=x").content)
    assert validate(pages, tmp_path) == []


@pytest.mark.browser
@pytest.mark.usefixtures("seeded_transactional_db")
@pytest.mark.parametrize("language", LANGUAGES)
def test_stories_pass_axe(live_server, page, csp_violations, employer, language):
    story = make_story(employer=employer, language="fi")
    for path in paths(story, employer)[:3]:
        page.goto(f"{live_server.url}{path.format(language=language)}")
        assert page.locator("h1").count() == 1
        assert_accessible(page)
    assert csp_violations == []


@pytest.mark.browser
@pytest.mark.usefixtures("seeded_transactional_db")
@override_settings(ADMIN_REQUIRE_MFA=False)
def test_the_story_admin_passes_axe(live_server, page, sysma_moderator, staff_group):
    from tests.conftest import browser_sign_in

    sysma_moderator.groups.add(staff_group)
    story = make_story()
    browser_sign_in(page, live_server, sysma_moderator.email)
    for path in [
        "/admin/stories/story/",
        "/admin/stories/story/add/",
        f"/admin/stories/story/{story.pk}/change/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
