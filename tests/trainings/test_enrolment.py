"""Enrolling: places, the waitlist, cancelling, and every kind of bad input."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from tests.conftest import make_user
from trainings.factories import at, make_enrolment, make_training
from trainings.models import Enrolment, EnrolmentError, Training


@pytest.fixture(autouse=True)
def _english():
    """The messages below are matched in English (the source language)."""
    from django.utils import translation

    with translation.override("en"):
        yield


def test_the_first_get_places_and_the_next_wait(training, student, outsider, jobseeker):
    assert make_enrolment(training, student).status == "enrolled"
    assert make_enrolment(training, outsider).status == "enrolled"
    waiting = make_enrolment(training, jobseeker)
    assert waiting.status == "waitlisted"
    assert waiting.waitlist_position() == 1


def test_cancelling_promotes_the_first_on_the_waitlist_and_tells_them_in_their_language(
    training, student, outsider, jobseeker, django_capture_on_commit_callbacks
):
    first = make_enrolment(training, outsider)
    make_enrolment(training, jobseeker)
    make_enrolment(training, make_user("toinen@example.com"))
    swedish = make_enrolment(training, student)  # waitlisted, first in line (sv)
    assert swedish.status == "waitlisted"
    mail.outbox.clear()
    # jobseeker was enrolled second; a third user and the student wait, in that order
    with django_capture_on_commit_callbacks(execute=True):
        promoted = first.cancel()
    assert promoted.user.email == "toinen@example.com"
    assert [m.to for m in mail.outbox] == [["toinen@example.com"]]
    swedish.refresh_from_db()
    assert swedish.waitlist_position() == 1


def test_the_promotion_email_is_in_the_persons_language(
    training, student, outsider, jobseeker, django_capture_on_commit_callbacks
):
    make_enrolment(training, outsider)
    first = make_enrolment(training, jobseeker)
    make_enrolment(training, student)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first.cancel()
    assert mail.outbox[0].to == [student.email]
    assert "plats" in mail.outbox[0].subject.lower()


def test_a_waitlisted_person_who_cancels_frees_no_place(training, student, outsider, jobseeker):
    make_enrolment(training, student)
    make_enrolment(training, outsider)
    waiting = make_enrolment(training, jobseeker)
    assert waiting.cancel() is None
    assert training.seats_taken() == 2


def test_enrolling_twice_is_refused_and_keeps_one_row(training, student):
    make_enrolment(training, student)
    with pytest.raises(EnrolmentError, match="already"):
        make_enrolment(training, student)
    assert Enrolment.objects.filter(user=student).count() == 1


def test_one_can_enrol_again_after_cancelling(training, student):
    make_enrolment(training, student).cancel()
    again = make_enrolment(training, student)
    assert again.status == "enrolled"
    assert Enrolment.objects.filter(user=student).count() == 1


@pytest.mark.parametrize(
    "change, message",
    [
        ({"enrolment_closes": -1}, "ended"),
        ({"status": "cancelled"}, "cancelled"),
        ({"status": "closed"}, "does not take"),
        ({"enrolment_opens": 3}, "not opened"),
    ],
)
def test_enrolment_outside_its_period_or_state_is_refused(training, student, change, message):
    today = timezone.localdate()
    if "enrolment_closes" in change:
        Training.objects.filter(pk=training.pk).update(enrolment_closes=today - timedelta(days=1))
    if "enrolment_opens" in change:
        Training.objects.filter(pk=training.pk).update(enrolment_opens=today + timedelta(days=3))
    if change.get("status") == "cancelled":
        training.cancel(None)
    if change.get("status") == "closed":
        training.close(None)
    training.refresh_from_db()
    with pytest.raises(EnrolmentError, match=message):
        make_enrolment(training, student)
    assert not Enrolment.objects.exists()


def test_a_training_that_has_begun_takes_no_enrolments(school, student):
    yesterday = timezone.localdate() - timedelta(days=1)
    training = make_training(school, "draft")
    training.sessions.update(starts_at=at(yesterday, 9), ends_at=at(yesterday, 15))
    training.refresh_derived()
    Training.objects.filter(pk=training.pk).update(status="published")
    training.refresh_from_db()
    with pytest.raises(EnrolmentError, match="begun"):
        make_enrolment(training, student)


def test_a_forged_placement_is_refused_and_nothing_is_saved(training, student, other_owner):
    foreign = other_owner.memberships.get().employer
    with pytest.raises(EnrolmentError, match="placements"):
        make_enrolment(training, student, placements=[foreign.pk])
    assert not Enrolment.objects.exists()


def test_placement_wishes_and_a_visit_are_kept(training, student, care_home):
    enrolment = make_enrolment(training, student, placements=[care_home.pk], wants_visit=True)
    assert list(enrolment.placement_wishes.all()) == [care_home]
    assert enrolment.wants_visit


def test_no_consent_no_enrolment(training, student):
    with pytest.raises(EnrolmentError, match="consent"):
        Enrolment.enrol(training, student, consent=False)


def test_cancelling_the_training_tells_everyone_enrolled_or_waiting(
    training, student, outsider, jobseeker, django_capture_on_commit_callbacks
):
    for user in (student, outsider, jobseeker):
        make_enrolment(training, user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        training.cancel(None, "Liian vähän ilmoittautuneita")
    organiser = training.provider.member_emails()[0][0]
    to = sorted(m.to[0] for m in mail.outbox if "Liian vähän" in m.body and m.to != [organiser])
    assert to == sorted([student.email, outsider.email, jobseeker.email])
    swedish = next(m for m in mail.outbox if m.to == [student.email])
    assert "inställd" in swedish.subject.lower()


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_people_taking_the_last_place_at_once_get_one_place(seeded_transactional_db):
    from tests.conftest import make_employer

    owner = make_user("o@example.com")
    school = make_employer("Gradia", owner, "172", kind="school", verified=True)
    training = make_training(school, "published", capacity=1)
    people = [make_user(f"p{n}@example.com") for n in range(2)]
    barrier = threading.Barrier(2)
    results = []

    def take(user):
        try:
            barrier.wait()
            results.append(Enrolment.enrol(training, user, consent=True).status)
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(user,)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["enrolled", "waitlisted"]
    assert training.seats_taken() == 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_a_double_submit_at_once_enrols_once(seeded_transactional_db):
    from tests.conftest import make_employer

    owner = make_user("o@example.com")
    school = make_employer("Gradia", owner, "172", kind="school", verified=True)
    training = make_training(school, "published", capacity=5)
    person = make_user("p@example.com")
    barrier = threading.Barrier(2)
    outcomes = []

    def send():
        try:
            barrier.wait()
            Enrolment.enrol(training, person, consent=True)
            outcomes.append("ok")
        except EnrolmentError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "refused"]
    assert Enrolment.objects.filter(user=person).count() == 1
