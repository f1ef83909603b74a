"""The trainings' pages in a real browser: axe-core (WCAG 2.1 A/AA) and no CSP violations,
in Finnish, Swedish and English; and enrolling with the keyboard-usable form."""

import pytest
from playwright.sync_api import expect

from tests.accessibility import assert_accessible
from tests.conftest import browser_sign_in, make_employer, make_user
from trainings.factories import make_enrolment, make_training
from trainings.models import Enrolment

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded_transactional_db")]

LANGUAGES = ["fi", "sv", "en"]


@pytest.fixture
def world():
    owner = make_user("rehtori@gradia.example.com")
    school = make_employer("Gradia", owner, "172", kind="school", verified=True)
    care = make_employer("Hoivakoti Kotirinne", make_user("k@example.com"), "081")
    training = make_training(
        school,
        "published",
        title="Lähellä lähihoitajaksi",
        capacity=1,
        questions="Mikä sinua kiinnostaa?",
        placements=[care],
        transport_note="Kimppakyyti Sysmästä klo 8.15.",
    )
    make_enrolment(training, make_user("eka@example.com"))  # full: the next one waits
    make_user("opiskelija@example.com")
    return {"school": school, "training": training, "owner": owner}


def check(page, csp_violations):
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    assert csp_violations == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_trainings_pages_pass_axe(live_server, page, csp_violations, world, language):
    for path in [
        "trainings/",
        "trainings/?q=hoitaja&seats=on",
        world["training"].get_absolute_url()[4:],
    ]:
        page.goto(f"{live_server.url}/{language}/{path}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        check(page, csp_violations)


def test_joining_the_waitlist_and_the_organisers_pages_pass_axe(
    live_server, page, csp_violations, world
):
    training = world["training"]
    browser_sign_in(page, live_server, "opiskelija@example.com")
    for language in LANGUAGES:
        for path in ["trainings/wishes/", "dashboard/"]:
            page.goto(f"{live_server.url}/{language}/{path}")
            check(page, csp_violations)
    page.goto(f"{live_server.url}/fi/trainings/{training.pk}/enrol/")
    check(page, csp_violations)
    page.get_by_role("button", name="Ilmoittaudu varasijalle").click()
    expect(page.get_by_role("alert")).to_be_visible()  # no consent yet: the summary
    check(page, csp_violations)
    page.get_by_label("Mikä sinua kiinnostaa?").fill("Vanhustyö")
    page.get_by_label("Hyväksyn, että järjestäjä näkee nimeni").check()
    page.get_by_role("button", name="Ilmoittaudu varasijalle").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert Enrolment.objects.get(user__email="opiskelija@example.com").status == "waitlisted"
    check(page, csp_violations)
    page.get_by_role("button", name="Kirjaudu ulos").click()

    browser_sign_in(page, live_server, "rehtori@gradia.example.com")
    slug = world["school"].slug
    for language in LANGUAGES:
        for path in [
            f"trainings/for/{slug}/",
            f"trainings/for/{slug}/new/",
            f"trainings/{training.pk}/manage/",
            f"trainings/{training.pk}/edit/",
            f"trainings/{training.pk}/enrolees/",
        ]:
            page.goto(f"{live_server.url}/{language}/{path}")
            check(page, csp_violations)
    page.goto(f"{live_server.url}/fi/trainings/for/{slug}/new/")
    page.get_by_role("button", name="Tallenna").click()
    expect(page.get_by_role("alert")).to_be_visible()
    check(page, csp_violations)
    page.get_by_role("button", name="Kirjaudu ulos").click()

    make_user("root@example.com", is_staff=True, is_superuser=True)
    browser_sign_in(page, live_server, "root@example.com")
    for language in LANGUAGES:
        page.goto(f"{live_server.url}/{language}/trainings/wishes/summary/")
        check(page, csp_violations)
