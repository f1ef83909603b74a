"""Training alerts: saved from the training list, sent once per training, never a cancelled
one, stopped with one click; listed with the job alerts."""

from datetime import timedelta

import pytest
from django.core import mail
from django.http import QueryDict

from jobseekers.alerts import send_due_alerts
from jobseekers.models import Alert, AlertSentTraining
from nelinvoimaa.models import Municipality, Sector
from tests.conftest import make_employer, make_user
from tests.jobseekers.test_alerts import later, make_alert, send
from trainings.factories import make_training


@pytest.fixture
def school(db):
    """Gradia, a verified school in Joutsa."""
    owner = make_user("rehtori@gradia.example.com")
    return make_employer("Gradia", owner, "172", kind="school", verified=True)


@pytest.fixture
def care():
    return Sector.objects.get(slug="care").pk


def training_alert(user, query="", **fields):
    return make_alert(user, query=query, kind=Alert.Kind.TRAININGS, **fields)


def test_a_search_is_saved_as_a_training_alert_from_the_training_list(client, jobseeker, care):
    client.force_login(jobseeker)
    html = client.get(f"/fi/trainings/?sector={care}&seats=on").content.decode()
    assert "Tallenna tämä haku koulutusten hakuvahdiksi" in html
    assert 'name="kind" value="trainings"' in html
    query = f"sector={care}&seats=on&page=2&kind=junk&free=on"
    data = {"query": query, "frequency": "weekly", "kind": "trainings"}
    response = client.post("/fi/alerts/new/", data)
    assert response["Location"] == "/fi/alerts/"
    alert = Alert.objects.get()
    assert alert.kind == "trainings" and alert.frequency == "weekly"
    # What to find, not how to show it nor what changes by the hour (places left).
    assert QueryDict(alert.query) == QueryDict(f"sector={care}&free=on")
    html = client.get("/fi/alerts/").content.decode()
    trainings_part = html.split('id="training-alerts-title"')[1]
    assert "Hoiva ja terveys, Maksuton" in trainings_part
    assert "Sinulla ei ole vielä hakuvahteja." in html  # no job alerts
    assert f'href="/fi/trainings/?{alert.query.replace("&", "&amp;")}"' in html
    # The same search saved for jobs is another alert.
    client.post("/fi/alerts/new/", {"query": f"sector={care}", "frequency": "daily"})
    assert sorted(Alert.objects.values_list("kind", flat=True)) == ["jobs", "trainings"]


def test_visitors_are_asked_to_sign_in_on_the_training_list(client, db):
    html = client.get("/fi/trainings/?q=ensiapu").content.decode()
    assert "Kirjaudu sisään tallentaaksesi tämän haun koulutusten hakuvahdiksi" in html
    assert "/fi/accounts/login/?next=/fi/trainings/%3Fq%3Densiapu" in html


def test_a_matching_new_training_is_sent_once_and_never_a_cancelled_one(
    jobseeker, school, care, django_capture_on_commit_callbacks
):
    alert = training_alert(jobseeker, f"sector={care}")
    make_training(school, "published", title="Lähihoitajan polku", sectors=["care"])
    make_training(school, "published", title="Hygieniapassi", sectors=["tourism"])
    make_training(school, "cancelled", title="Peruttu hoivakurssi", sectors=["care"])
    make_training(school, "draft", title="Luonnos hoivasta", sectors=["care"])
    assert send(django_capture_on_commit_callbacks) == 1
    (message,) = mail.outbox
    assert message.to == [jobseeker.email]
    assert message.subject == "Hakuvahti: 1 uusi koulutus – Hoiva ja terveys"
    assert "Lähihoitajan polku" in message.body and "Gradia" in message.body
    for absent in ("Hygieniapassi", "Peruttu", "Luonnos"):
        assert absent not in message.body
    # The one-click link is this alert's own, signed (the signature's timestamp is the send's:
    # a link made now may differ from it, a second later).
    link = message.extra_headers["List-Unsubscribe"]
    prefix = alert.unsubscribe_url().rsplit("/", 2)[0] + "/"
    assert link.startswith(f"<{prefix}") and link.endswith("/>")
    assert Alert.from_token(link[len(prefix) + 1 : -2]) == alert
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link[1:-1] in message.body
    assert "/fi/trainings/?sector=" in message.body
    assert AlertSentTraining.objects.filter(alert=alert).count() == 1
    # The next run: nothing new, nothing again.
    assert send(django_capture_on_commit_callbacks, later() + timedelta(minutes=5)) == 0


def test_an_edited_training_that_was_sent_is_not_sent_again_and_a_cancelled_one_never(
    jobseeker, school, django_capture_on_commit_callbacks
):
    training_alert(jobseeker)
    sent = make_training(school, "published", title="Ensiapu 1")
    assert send(django_capture_on_commit_callbacks) == 1
    sent.title = "Ensiapu 1, uusi päivä"
    sent.save()
    cancelled = make_training(school, "published", title="Ensiapu 2")
    cancelled.cancel(school.memberships.get().user)
    assert send(django_capture_on_commit_callbacks, later() + timedelta(minutes=5)) == 0


def test_a_training_alert_is_in_the_users_language_and_job_alerts_get_no_trainings(
    school, care, django_capture_on_commit_callbacks
):
    swede = make_user("svensk@example.com", language="sv")
    training_alert(swede, f"sector={care}")
    make_alert(make_user("jobs@example.com"), query="")  # a job alert for all jobs
    make_training(school, "published", title="Ensiapukurssi")
    assert send(django_capture_on_commit_callbacks) == 1
    (message,) = mail.outbox
    assert message.to == ["svensk@example.com"]
    assert "Utbildningsbevakning: 1 ny utbildning" in message.subject
    assert "Vård och omsorg" in message.subject  # the search in words, in Swedish too
    assert "/sv/alerts/unsubscribe/" in message.body


def test_the_sending_finds_what_the_training_list_finds(school, care):
    from trainings.filters import upcoming_filter

    online = {"municipality": None, "format": "online"}
    make_training(school, "published", title="Lähellä lähihoitajaksi", sectors=["care"])
    make_training(school, "published", title="Verkossa hygieniapassi", price=0, **online)
    make_training(school, "published", title="Maksullinen ensiapu", price=50)
    joutsa = Municipality.objects.get(code="172").pk
    for query in ["", "q=lähihoitaja", f"sector={care}", f"municipality={joutsa}", "free=on"]:
        alert = training_alert(make_user(f"u{len(query)}{query[:3]}@example.com"), query)
        mail.outbox.clear()
        send_due_alerts(later())
        expected = {t.title for t in upcoming_filter(QueryDict(query)).qs}
        sent = set(alert.sent_trainings.values_list("title", flat=True))
        assert sent == expected, query


def test_the_unsubscribe_link_of_a_training_alert(client, jobseeker):
    alert = training_alert(jobseeker, "q=ensiapu")
    path = "/fi/alerts/unsubscribe/" + alert.unsubscribe_token() + "/"
    html = client.get(path).content.decode()
    assert "Lopetetaanko haun ”“ensiapu”” uusien koulutusten lähettäminen?" in html
    assert client.post(path).status_code == 200
    assert not Alert.objects.exists()


def test_training_alerts_are_changed_and_deleted_only_by_their_owner(client, jobseeker):
    alert = training_alert(jobseeker, "q=ensiapu")
    client.force_login(make_user("muu@example.com"))
    assert "ensiapu" not in client.get("/fi/alerts/").content.decode()
    assert client.post(f"/fi/alerts/{alert.pk}/delete/").status_code == 404
    data = {f"alert-{alert.pk}-frequency": "weekly"}
    assert client.post(f"/fi/alerts/{alert.pk}/", data).status_code == 404
    client.force_login(jobseeker)
    client.post(f"/fi/alerts/{alert.pk}/", data)
    assert Alert.objects.get().frequency == "weekly"
    client.post(f"/fi/alerts/{alert.pk}/delete/")
    assert not Alert.objects.exists()


def test_the_alerts_page_with_both_kinds_runs_a_fixed_number_of_queries(
    client, jobseeker, care, django_assert_num_queries
):
    for n in range(3):
        make_alert(jobseeker, query=f"q=sana{n}")
        training_alert(jobseeker, query=f"q=kurssi{n}&sector={care}")
    client.force_login(jobseeker)
    # session, user, alerts, the job list's municipalities and sectors, the training list's
    # sectors and municipalities (read once for all training alerts), footer
    with django_assert_num_queries(8):
        html = client.get("/fi/alerts/").content.decode()
    assert "“kurssi2”, Hoiva ja terveys" in html and "“sana2”" in html


def test_the_sending_of_training_alerts_runs_a_fixed_number_of_queries(
    school, django_assert_num_queries, django_capture_on_commit_callbacks
):
    tourism = Sector.objects.get(slug="tourism").pk
    users = [make_user(f"u{n}@example.com") for n in range(4)]
    for n, user in enumerate(users):
        training_alert(user, query=f"sector={tourism}" if n % 2 else "")
    for n in range(3):
        make_training(school, "published", title=f"Kurssi {n}")
    # due, changed trainings, the filters' sectors and municipalities (read once), the batch,
    # the two searches, sent already, trainings to list, quiet ones; per alert that sends:
    # savepoint, lock, insert, update, release (×2)
    with (
        django_assert_num_queries(10 + 2 * 5),
        django_capture_on_commit_callbacks(execute=False),
    ):
        assert send_due_alerts(later()) == 2
