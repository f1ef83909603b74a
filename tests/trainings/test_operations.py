"""Reminders, retention, personal data and demand."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from nelinvoimaa.models import Municipality, Sector
from nelinvoimaa.personal_data import delete_account, export_user_data
from trainings.factories import at, make_enrolment, make_training
from trainings.models import Demand, Enrolment, Training


def test_reminders_go_once_before_the_first_session(
    school, student, outsider, django_capture_on_commit_callbacks
):
    tomorrow = timezone.localdate() + timedelta(days=1)
    soon = make_training(school, "published", sessions=[(at(tomorrow, 9), at(tomorrow, 12), "")])
    later = make_training(school, "published", title="Myöhemmin")
    make_enrolment(soon, student)
    make_enrolment(later, outsider)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_training_reminders")
        call_command("send_training_reminders")
    assert [m.to for m in mail.outbox] == [[student.email]]


def test_retention_deletes_personal_data_and_keeps_the_figures(school, student):
    training = make_training(school, "published")
    enrolment = make_enrolment(training, student, answers=[("Miksi?", "Henkilökohtainen")])
    long_ago = timezone.now() - timedelta(days=400)
    training.sessions.update(starts_at=long_ago, ends_at=long_ago + timedelta(hours=3))
    training.refresh_derived()
    call_command("delete_expired_enrolments")
    enrolment.refresh_from_db()
    assert enrolment.user is None and enrolment.answers == []
    assert enrolment.status == "enrolled"  # still counted
    assert training.enrolments.count() == 1


def test_retention_keeps_recent_trainings(training, student):
    make_enrolment(training, student)
    call_command("delete_expired_enrolments", days=0)
    assert Enrolment.objects.get().user == student


def test_enrolments_are_in_the_personal_data_export(training, student):
    import io
    import json
    import zipfile

    make_enrolment(training, student, answers=[("Miksi?", "Oma vastaus")])
    archive = zipfile.ZipFile(io.BytesIO(export_user_data(student)))
    data = json.loads(archive.read("data.json"))
    assert data["trainings.Enrolment.user"][0]["fields"]["answers"] == [
        {"question": "Miksi?", "answer": "Oma vastaus"}
    ]


def test_deleting_the_account_frees_the_place_for_the_waitlist(
    training, student, outsider, jobseeker
):
    make_enrolment(training, student)
    make_enrolment(training, outsider)
    make_enrolment(training, jobseeker)  # waits
    delete_account(student)
    assert Enrolment.objects.get(user=jobseeker).status == "enrolled"
    anonymous = Enrolment.objects.get(user=None)
    assert anonymous.status == "cancelled" and anonymous.answers == []


def test_demand_is_summed_and_those_who_asked_are_told_of_a_matching_training(
    client,
    jobseeker,
    student,
    unverified_school,
    sysma_moderator,
    django_capture_on_commit_callbacks,
):
    care = Sector.objects.get(slug="care")
    client.force_login(jobseeker)
    response = client.post(
        "/fi/trainings/wishes/",
        {"what": "Lähihoitajan koulutus", "sector": care.pk, "people": "1"},
    )
    assert response.status_code == 302
    Demand.objects.create(
        user=student,
        sector=care,
        municipality=Municipality.objects.get(code="081"),
        what="Hygieniapassi",
        people=3,
    )
    training = make_training(unverified_school, "submitted", sectors=["care"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        training.approve(sysma_moderator)
    told = {m.to[0] for m in mail.outbox if "Lähihoitajan koulutus" in m.body}
    assert told == {jobseeker.email}  # the student asked for Hartola; this one is in Sysmä
    from trainings.demand import summary

    rows = list(summary())
    assert sum(row["people"] for row in rows) == 4


def test_a_demand_in_the_past_or_with_a_silly_count_is_refused(client, jobseeker):
    client.force_login(jobseeker)
    care = Sector.objects.get(slug="care")
    for data in (
        {"what": "x", "sector": care.pk, "people": "0"},
        {"what": "x", "sector": care.pk, "people": "1", "needed_by": "2000-01-01"},
        {"what": "x", "sector": "999999999999", "people": "1"},
    ):
        assert client.post("/fi/trainings/wishes/", data).status_code == 200
    assert not Demand.objects.exists()


def test_a_demand_on_behalf_of_another_employer_is_refused(client, other_owner, school):
    client.force_login(other_owner)
    care = Sector.objects.get(slug="care")
    client.post(
        "/fi/trainings/wishes/",
        {"what": "x", "sector": care.pk, "people": "3", "employer": school.pk},
    )
    assert not Demand.objects.exists()


@pytest.mark.parametrize("path", ["wishes/", "calendar/renew/"])
def test_anonymous_visitors_are_asked_to_sign_in(client, path, db):
    assert client.get(f"/fi/trainings/{path}").status_code in {302, 405}


def test_a_training_closes_and_keeps_its_page(training, school_owner, client):
    training.close(school_owner)
    assert Training.objects.get().status == "closed"
    assert client.get(training.get_absolute_url()).status_code == 200
