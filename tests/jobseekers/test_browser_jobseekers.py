"""The jobseekers' pages in a real browser: axe-core (WCAG 2.1 A/AA) in three languages, CSP,
and a job alert from a saved search to its one-click unsubscribe."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from jobseekers.alerts import SETTLE, send_due_alerts
from jobseekers.models import Alert, ContactRequest, PresencePeriod, Profile, SavedJob
from nelinvoimaa.models import Municipality
from tests.accessibility import assert_accessible
from tests.conftest import browser_sign_in, make_application, make_employer, make_job, make_user
from trainings.factories import make_enrolment, make_training

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded_transactional_db")]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_jobseekers_pages_pass_axe(live_server, page, csp_violations, language):
    employer = make_employer(
        "Lomakylä Vuorenmäki", make_user("o@example.com"), "781", verified=True
    )
    summer = {"start_date": date(2027, 6, 1), "end_date": date(2027, 8, 31)}
    job = make_job(employer, status="published", title="Kokki", **summer)
    make_job(employer, status="published", title="Siivooja")
    person = make_user("p@example.com")
    make_application(make_job(employer, status="published", title="Haettu"), person)
    SavedJob.objects.save_for(person, job)
    alert = Alert.objects.create(user=person, query="q=kokki&month=7")
    training_alert = Alert.objects.create(user=person, kind="trainings", query="q=ensiapu")
    school = make_employer("Gradia", make_user("g@example.com"), "172", kind="school")
    make_enrolment(make_training(school, "published", title="Ensiapu"), person)
    profile = Profile.objects.create(user=person, months=0b11100000)
    profile.municipalities.add(Municipality.objects.get(code="781"))
    PresencePeriod.objects.create(
        profile=profile,
        municipality=Municipality.objects.get(code="781"),
        starts=date(2027, 6, 15),
        ends=date(2027, 8, 10),
    )
    profile.visible_to_employers = True
    profile.save()
    ContactRequest.objects.create(employer=employer, profile=profile, message="Hei")
    for each in (alert, training_alert):
        page.goto(f"{live_server.url}/{language}/alerts/unsubscribe/{each.unsubscribe_token()}/")
        assert_accessible(page)
    browser_sign_in(page, live_server, person.email)
    for path in [
        "dashboard/",
        "saved/",
        "alerts/",
        "my-profile/",
        "year/",
        "jobs/",
        "trainings/",
        "contact-requests/",
    ]:
        page.goto(f"{live_server.url}/{language}/{path}")
        assert page.locator("h1").count() == 1
        assert_accessible(page)
    page.goto(f"{live_server.url}/{language}{job.get_absolute_url()[3:]}")
    assert_accessible(page)
    page.context.clear_cookies()
    browser_sign_in(page, live_server, "o@example.com")
    page.goto(f"{live_server.url}/{language}/find-jobseekers/{employer.slug}/")
    assert_accessible(page)
    page.context.clear_cookies()
    browser_sign_in(page, live_server, person.email)
    page.goto(f"{live_server.url}/{language}/my-profile/")
    page.locator("form[action$='/my-profile/presence/'] button").click()  # empty: errors
    assert_accessible(page)
    assert csp_violations == []


def test_save_a_search_as_an_alert_get_the_email_once_and_unsubscribe_without_signing_in(
    live_server, page, browser, csp_violations
):
    employer = make_employer(
        "Lomakylä Vuorenmäki", make_user("o@example.com"), "781", verified=True
    )
    person = make_user("p@example.com")
    browser_sign_in(page, live_server, person.email)
    page.goto(f"{live_server.url}/fi/jobs/?q=kokki")
    page.get_by_text("Tallenna tämä haku hakuvahdiksi").click()
    page.get_by_label("Lähetä uudet työpaikat").select_option(label="Heti")
    page.get_by_role("button", name="Tallenna hakuvahti").click()
    expect(page.get_by_role("heading", level=3, name="“kokki”")).to_be_visible()
    assert_accessible(page)

    make_job(employer, status="published", title="Kokki kesäksi")
    make_job(employer, status="published", title="Siivooja")
    mail.outbox.clear()
    later = timezone.now() + SETTLE + timedelta(seconds=1)
    send_due_alerts(later)
    send_due_alerts(later + timedelta(minutes=1))  # again: nothing new
    (message,) = mail.outbox
    assert "Kokki kesäksi" in message.body and "Siivooja" not in message.body
    link = re.search(r"http://[^/]+(/fi/alerts/unsubscribe/\S+)", message.body).group(1)

    # Another browser, never signed in: the link in the e-mail stops the alert.
    context = browser.new_context()
    stranger = context.new_page()
    stranger.goto(live_server.url + link)
    stranger.get_by_role("button", name="Lopeta hakuvahti").click()
    expect(stranger.get_by_role("heading", level=1)).to_have_text("Hakuvahti on lopetettu")
    assert_accessible(stranger)
    context.close()
    assert not Alert.objects.exists()
    assert csp_violations == []


def test_save_a_training_search_as_an_alert_and_get_the_new_trainings_once(
    live_server, page, csp_violations
):
    school = make_employer("Gradia", make_user("g@example.com"), "172", kind="school")
    person = make_user("p@example.com")
    browser_sign_in(page, live_server, person.email)
    page.goto(f"{live_server.url}/fi/trainings/?q=ensiapu")
    page.get_by_text("Tallenna tämä haku koulutusten hakuvahdiksi").click()
    assert_accessible(page)
    page.get_by_label("Lähetä uudet koulutukset").select_option(label="Heti")
    page.get_by_role("button", name="Tallenna koulutusten hakuvahti").click()
    trainings = page.get_by_role("region", name="Koulutukset")
    expect(trainings.get_by_role("heading", level=3, name="“ensiapu”")).to_be_visible()
    assert_accessible(page)

    make_training(school, "published", title="Ensiapu 1")
    make_training(school, "published", title="Hygieniapassi")
    mail.outbox.clear()
    later = timezone.now() + SETTLE + timedelta(seconds=1)
    send_due_alerts(later)
    send_due_alerts(later + timedelta(minutes=1))  # again: nothing new
    (message,) = mail.outbox
    assert "Ensiapu 1" in message.body and "Hygieniapassi" not in message.body
    assert csp_violations == []


def test_on_a_phone_the_results_come_first_and_tables_become_cards(live_server, browser):
    employer = make_employer(
        "Lomakylä Vuorenmäki", make_user("o@example.com"), "781", verified=True
    )
    job = make_job(employer, status="published", title="Kokki")
    person = make_user("p@example.com")
    make_application(job, person)
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    sysma = Municipality.objects.get(code="781").pk
    page.goto(f"{live_server.url}/fi/jobs/?municipality={sysma}&housing=on")
    disclosure = page.get_by_text("Rajaa (2)")
    expect(disclosure).to_be_visible()
    expect(page.get_by_label("Asunto järjestyy")).to_be_hidden()  # behind the disclosure
    page.get_by_role("link", name="Siirry tuloksiin").click()
    assert page.url.endswith("#results-title")
    disclosure.click()
    expect(page.get_by_label("Asunto järjestyy")).to_be_visible()
    assert_accessible(page)
    browser_sign_in(page, live_server, person.email)
    page.goto(f"{live_server.url}/fi/dashboard/")
    expect(page.get_by_role("link", name="Kokki", exact=True)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    context.close()
