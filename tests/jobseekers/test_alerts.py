"""Job alerts (hakuvahti): saved from a search, sent once per job, stopped with one click."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from jobs.models import Job
from jobseekers.alerts import SETTLE, send_due_alerts
from jobseekers.models import MAX_ALERTS, Alert, AlertSentJob
from nelinvoimaa.models import Municipality, Sector
from tests.conftest import make_job, make_user


def later():
    """A run after the jobs have settled (see alerts.SETTLE)."""
    return timezone.now() + SETTLE + timedelta(seconds=1)


def edited_after_the_run(job):
    """The test's runs are in the future (later()); an edit comes after them."""
    type(job).objects.filter(pk=job.pk).update(updated_at=later() + timedelta(minutes=1))


def send(capture, now=None):
    mail.outbox.clear()
    with capture(execute=True):
        count = send_due_alerts(now or later())
    return count


@pytest.fixture
def sysma():
    return Municipality.objects.get(code="781").pk


def make_alert(user, query="q=kokki", frequency="immediately", **fields):
    alert = Alert.objects.create(user=user, query=query, frequency=frequency, **fields)
    Alert.objects.filter(pk=alert.pk).update(checked_until=timezone.now() - timedelta(seconds=1))
    alert.refresh_from_db()
    return alert


def test_a_search_is_saved_as_an_alert_from_the_job_list(client, jobseeker, sysma):
    client.force_login(jobseeker)
    query = f"q=kokki&municipality={sysma}&sort=deadline&page=2&municipality=junk"
    response = client.post("/fi/alerts/new/", {"query": query, "frequency": "daily"})
    assert response["Location"] == "/fi/alerts/"
    alert = Alert.objects.get()
    assert alert.user == jobseeker and alert.frequency == "daily"
    assert alert.query == f"q=kokki&municipality={sysma}"  # what to find, not how to show it
    html = client.get("/fi/alerts/").content.decode()
    assert "“kokki”, Sysmä" in html
    # The same search again changes how often, it is not a second alert.
    client.post("/fi/alerts/new/", {"query": query, "frequency": "weekly"})
    assert Alert.objects.get().frequency == "weekly"


def test_a_bad_frequency_is_refused_with_a_message(client, jobseeker):
    client.force_login(jobseeker)
    response = client.post("/fi/alerts/new/", {"query": "q=x", "frequency": "hourly"}, follow=True)
    assert "Valitse, kuinka usein" in response.content.decode()
    assert not Alert.objects.exists()


def test_a_person_has_at_most_so_many_alerts(client, jobseeker):
    for n in range(MAX_ALERTS):
        Alert.objects.create(user=jobseeker, query=f"q=sana{n}")
    client.force_login(jobseeker)
    client.post("/fi/alerts/new/", {"query": "q=uusi", "frequency": "daily"})
    assert Alert.objects.count() == MAX_ALERTS


def test_a_matching_new_job_is_sent_once_and_never_a_closed_one(
    jobseeker, employer, django_capture_on_commit_callbacks
):
    alert = make_alert(jobseeker)
    make_job(employer, status="published", title="Kokki kesäksi")
    make_job(employer, status="published", title="Siivooja")
    closed = make_job(employer, status="published", title="Kokki talveksi")
    closed.close(None)
    assert send(django_capture_on_commit_callbacks) == 1
    (message,) = mail.outbox
    assert "Kokki kesäksi" in message.body
    assert "Siivooja" not in message.body and "talveksi" not in message.body
    assert message.to == [jobseeker.email]
    assert message.subject.startswith("Hakuvahti: 1 uusi työpaikka")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The one-click link is this alert's own, signed (the signature's timestamp is the send's).
    link = message.extra_headers["List-Unsubscribe"]
    prefix = alert.unsubscribe_url().rsplit("/", 2)[0] + "/"
    assert link.startswith(f"<{prefix}") and link.endswith("/>")
    assert Alert.from_token(link[len(prefix) + 1 : -2]) == alert
    # Run again, and again: nothing new, nothing sent.
    assert send(django_capture_on_commit_callbacks) == 0
    assert send(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_an_edited_job_that_was_sent_is_not_sent_again(
    jobseeker, employer, django_capture_on_commit_callbacks
):
    make_alert(jobseeker)
    job = make_job(employer, status="published", title="Kokki")
    assert send(django_capture_on_commit_callbacks) == 1
    job.description = "Uusi kuvaus"
    job.save()
    edited_after_the_run(job)
    assert send(django_capture_on_commit_callbacks, later() + timedelta(minutes=5)) == 0


def test_a_job_edited_to_match_is_sent(jobseeker, employer, django_capture_on_commit_callbacks):
    make_alert(jobseeker)
    job = make_job(employer, status="published", title="Siivooja")
    assert send(django_capture_on_commit_callbacks) == 0
    job.title = "Kokki ja siivooja"
    job.save()
    edited_after_the_run(job)
    assert send(django_capture_on_commit_callbacks, later() + timedelta(minutes=5)) == 1


def test_a_daily_alert_waits_for_its_day_and_the_email_is_in_the_users_language(
    employer, django_capture_on_commit_callbacks
):
    swede = make_user("sven@example.com", language="sv")
    alert = make_alert(swede, frequency="daily", last_sent_at=timezone.now() - timedelta(hours=2))
    make_job(employer, status="published", title="Kokki")
    assert send(django_capture_on_commit_callbacks) == 0
    assert send(django_capture_on_commit_callbacks, later() + timedelta(days=1)) == 1
    assert "Nya jobb för din jobbevakning" in mail.outbox[0].body
    assert "/sv/alerts/unsubscribe/" in mail.outbox[0].body
    alert.refresh_from_db()
    assert alert.sent.count() == 1


def test_the_search_is_described_in_the_users_language(
    jobseeker, employer, django_capture_on_commit_callbacks
):
    """One run sends to Finnish and Swedish speakers: each e-mail names the sector of the
    search in its reader's language."""
    care = Sector.objects.get(slug="care")
    swede = make_user("sven@example.com", language="sv")
    for person in (jobseeker, swede):
        make_alert(person, query=f"q=hoitaja&sector={care.pk}")
    make_job(employer, status="published", title="Hoitaja", sector=care)
    assert send(django_capture_on_commit_callbacks) == 2
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert care.name_sv in bodies[swede.email] and care.name_fi not in bodies[swede.email]
    assert care.name_fi in bodies[jobseeker.email]


def test_a_run_killed_half_way_sends_the_rest_on_the_next_run(
    jobseeker, employer, django_capture_on_commit_callbacks, monkeypatch
):
    first, second = make_alert(jobseeker), make_alert(make_user("b@example.com"))
    make_job(employer, status="published", title="Kokki")
    import jobseekers.alerts

    real = jobseekers.alerts.alert_message

    def dies_on_the_second(alert, *args):
        if alert.pk == second.pk:
            raise KeyboardInterrupt
        return real(alert, *args)

    monkeypatch.setattr(jobseekers.alerts, "alert_message", dies_on_the_second)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(KeyboardInterrupt):
        send_due_alerts(later())
    assert [m.to for m in mail.outbox] == [[jobseeker.email]]
    assert not AlertSentJob.objects.filter(alert=second).exists()
    monkeypatch.setattr(jobseekers.alerts, "alert_message", real)
    assert send(django_capture_on_commit_callbacks) == 1
    assert mail.outbox[0].to == ["b@example.com"]
    assert first.sent.count() == second.sent.count() == 1


def test_the_unsubscribe_link_works_without_signing_in(client, jobseeker):
    alert = make_alert(jobseeker)
    path = alert.unsubscribe_url().removeprefix("http://testserver")
    path = "/" + path.split("/", 3)[3]
    page = client.get(path)
    assert page.status_code == 200 and "Lopeta hakuvahti" in page.content.decode()
    assert Alert.objects.exists()  # a GET only asks
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and not Alert.objects.exists()
    assert client.post(path).status_code == 200  # again: still fine


def test_a_one_click_post_works_with_csrf_checks_on(jobseeker):
    from django.test import Client

    alert = make_alert(jobseeker)
    client = Client(enforce_csrf_checks=True)
    token = alert.unsubscribe_token()
    response = client.post(
        f"/fi/alerts/unsubscribe/{token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200 and not Alert.objects.exists()


def test_a_forged_unsubscribe_link_does_nothing(client, jobseeker):
    alert = make_alert(jobseeker)
    for token in ["junk", alert.unsubscribe_token()[:-2] + "xx", "1"]:
        assert client.post(f"/fi/alerts/unsubscribe/{token}/").status_code == 200
    assert Alert.objects.exists()


def test_alerts_are_changed_and_deleted_only_by_their_owner(client, jobseeker):
    alert = make_alert(jobseeker)
    other = make_user("muu@example.com")
    client.force_login(other)
    assert "kokki" not in client.get("/fi/alerts/").content.decode()
    assert client.post(f"/fi/alerts/{alert.pk}/delete/").status_code == 404
    data = {f"alert-{alert.pk}-frequency": "weekly"}
    assert client.post(f"/fi/alerts/{alert.pk}/", data).status_code == 404
    client.force_login(jobseeker)
    client.post(f"/fi/alerts/{alert.pk}/", data)
    assert Alert.objects.get().frequency == "weekly"
    client.post(f"/fi/alerts/{alert.pk}/delete/")
    assert not Alert.objects.exists()


@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("/fi/alerts/", "get"),
        ("/fi/alerts/new/", "post"),
        ("/fi/alerts/{alert}/", "post"),
        ("/fi/alerts/{alert}/delete/", "post"),
    ],
)
def test_visitors_are_sent_to_sign_in(client, jobseeker, path, method):
    alert = make_alert(jobseeker)
    response = getattr(client, method)(path.format(alert=alert.pk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Alert.objects.exists()


def test_changing_needs_post(client, jobseeker):
    alert = make_alert(jobseeker)
    client.force_login(jobseeker)
    assert client.get(f"/fi/alerts/{alert.pk}/delete/").status_code == 405
    assert client.get("/fi/alerts/new/").status_code == 405


def test_the_alerts_page_and_dashboard_run_a_fixed_number_of_queries(
    client, jobseeker, employer, sysma, django_assert_num_queries
):
    for n in range(6):
        make_alert(jobseeker, query=f"q=sana{n}&municipality={sysma}")
    client.force_login(jobseeker)
    # session, user, alerts, municipalities, sectors, footer
    with django_assert_num_queries(6):
        assert client.get("/fi/alerts/").status_code == 200
    # session, user, applications, employer's memberships, enrolments (trainings), jobseeker
    # profile, saved jobs, alerts (and the municipalities and sectors that describe them);
    # the footer's pages were read by the page before
    with django_assert_num_queries(10):
        assert client.get("/fi/dashboard/").status_code == 200


def test_the_sending_runs_a_fixed_number_of_queries(
    jobseeker, employer, sysma, django_assert_num_queries, django_capture_on_commit_callbacks
):
    users = [make_user(f"u{n}@example.com") for n in range(6)]
    for n, user in enumerate(users):
        make_alert(user, query="q=kokki" if n % 2 else f"municipality={sysma}")
    for n in range(3):
        make_job(employer, status="published", title=f"Kokki {n}")
    # due (with their kinds and marks, so the oldest mark needs no query of its own), changed
    # jobs, municipalities, sectors, the changed jobs' choices, the one search with words, the
    # batch, sent already, jobs to list (none quiet); no training alert, no query for them; per
    # alert: its savepoint (a transaction outside tests), lock, insert, update, release (×6)
    with django_assert_num_queries(9 + 6 * 5), django_capture_on_commit_callbacks(execute=False):
        assert send_due_alerts(later()) == 6


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=kokki",
        "q=kokki+sysmässä",
        "municipality={sysma}",
        "municipality={sysma}&municipality={hartola}&sector={tourism}",
        "employment_type=summer&employment_type=seasonal",
        "month=7&housing=on",
        "remote=on",
        "q=siivooja&month=1",
        "municipality=99999",
    ],
)
def test_the_sending_finds_what_the_job_list_finds(employer, other_owner, query):
    from jobs.filters import open_jobs_filter
    from jobseekers.alerts import Matcher
    from nelinvoimaa.models import Sector

    hartola = other_owner.memberships.get().employer
    summer = {"start_date": date(2027, 6, 1), "end_date": date(2027, 8, 31)}
    make_job(employer, status="published", title="Kokki", employment_type="summer", **summer)
    make_job(employer, status="published", title="Siivooja", housing_offered=True, **summer)
    make_job(
        hartola,
        status="published",
        title="Kokki Hartolaan",
        employment_type="seasonal",
        start_date=date(2027, 1, 1),
        end_date=date(2027, 2, 28),
    )
    make_job(employer, status="published", title="Etäkokki", is_remote=True, municipality=None)
    make_job(hartola, status="published", title="Hoitaja", sector=Sector.objects.get(slug="care"))
    ids = {
        "sysma": Municipality.objects.get(code="781").pk,
        "hartola": Municipality.objects.get(code="081").pk,
        "tourism": Sector.objects.get(slug="tourism").pk,
    }
    from django.http import QueryDict

    from jobseekers.models import alert_query

    stored = alert_query(QueryDict(query.format(**ids)))
    changed = dict(Job.objects.values_list("pk", "updated_at"))
    expected = set(open_jobs_filter(QueryDict(stored)).qs.values_list("pk", flat=True))
    assert set(Matcher(changed)(stored)) == expected


def test_an_email_lists_at_most_so_many_jobs_and_links_to_the_rest(
    jobseeker, employer, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr("jobseekers.alerts.EMAIL_JOBS", 2)
    make_alert(jobseeker)
    for n in range(5):
        make_job(employer, status="published", title=f"Kokki {n}")
    assert send(django_capture_on_commit_callbacks) == 1
    (message,) = mail.outbox
    assert message.subject.startswith("Hakuvahti: 5 uutta työpaikkaa")
    assert "Kokki 4" in message.body and "Kokki 3" in message.body and "Kokki 0" not in message.body
    assert "Ja 3 muuta uutta työpaikkaa:" in message.body
    assert send(django_capture_on_commit_callbacks) == 0  # all five count as sent


def test_a_search_too_long_to_keep_is_refused_with_a_message(client, jobseeker):
    client.force_login(jobseeker)
    words = "ä" * 200
    sectors = "&".join(f"sector={pk}" for pk in range(1, 12))
    response = client.post(
        "/fi/alerts/new/", {"query": f"q={words}&{sectors}", "frequency": "daily"}, follow=True
    )
    assert response.status_code == 200
    assert "liian pitkä" in response.content.decode()
    assert not Alert.objects.exists()
