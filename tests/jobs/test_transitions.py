from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import DatabaseError
from django.utils import timezone

from jobs.models import Job, TransitionError, one_year_later
from tests.conftest import make_job

ALL = ["draft", "submitted", "published", "rejected", "closed"]


def actions(job):
    return list(job.events.order_by("pk").values_list("action", flat=True))


@pytest.mark.parametrize("status", ALL)
def test_submit_only_from_draft_or_rejected(employer, owner, status):
    job = make_job(employer, status=status)
    if status in {"draft", "rejected"}:
        job.submit(owner)
        assert job.status == "submitted" and job.submitted_at
    else:
        with pytest.raises(TransitionError):
            job.submit(owner)
        assert Job.objects.get(pk=job.pk).status == status


def test_a_verified_employers_job_publishes_at_once(employer, owner):
    employer.verify(None)
    job = make_job(employer)
    job.submit(owner)
    assert job.status == "published" and job.published_at
    assert actions(job) == ["created", "published"]


def test_submitting_checks_the_deadline(employer, owner):
    job = make_job(employer, deadline=timezone.localdate() - timedelta(days=1))
    with pytest.raises(ValidationError) as exc:
        job.submit(owner)
    assert "deadline" in exc.value.message_dict
    assert Job.objects.get(pk=job.pk).status == "draft"


@pytest.mark.parametrize("status", ALL)
def test_approve_only_from_submitted(employer, sysma_moderator, status):
    job = make_job(employer, status=status)
    if status == "submitted":
        job.approve(sysma_moderator)
        assert job.status == "published"
        event = job.events.first()
        assert (event.action, event.actor, event.status) == (
            "approved",
            sysma_moderator,
            "published",
        )
    else:
        with pytest.raises(TransitionError):
            job.approve(sysma_moderator)


@pytest.mark.parametrize("status", ALL)
def test_reject_only_from_submitted_and_with_a_reason(employer, sysma_moderator, status):
    job = make_job(employer, status=status)
    if status != "submitted":
        with pytest.raises(TransitionError):
            job.reject(sysma_moderator, "Palkka puuttuu.")
        return
    with pytest.raises(ValidationError):
        job.reject(sysma_moderator, "   ")
    assert Job.objects.get(pk=job.pk).status == "submitted"
    job.reject(sysma_moderator, "Palkka puuttuu.")
    assert job.status == "rejected"
    assert job.latest_rejection().reason == "Palkka puuttuu."


@pytest.mark.parametrize("status", ALL)
def test_unpublish_only_from_published(employer, sysma_moderator, status):
    job = make_job(employer, status=status)
    if status == "published":
        job.unpublish(sysma_moderator, "Syrjivä ilmoitus.")
        assert job.status == "rejected"
        assert job.latest_rejection().action == "unpublished"
    else:
        with pytest.raises(TransitionError):
            job.unpublish(sysma_moderator, "Syrjivä ilmoitus.")


@pytest.mark.parametrize("status", ALL)
def test_close_from_published_or_submitted(employer, owner, status):
    job = make_job(employer, status=status)
    if status in {"published", "submitted"}:
        job.close(owner, "Paikka on täytetty.")
        assert job.status == "closed" and job.closed_at
        assert job.events.first().reason == "Paikka on täytetty."
    else:
        with pytest.raises(TransitionError):
            job.close(owner)


def test_a_rejected_job_is_fixed_and_resubmitted(employer, owner, sysma_moderator):
    job = make_job(employer, status="submitted")
    job.reject(sysma_moderator, "Lisää palkka.")
    job.pay_description = "TES"
    job.save()
    job.submit(owner)
    job.approve(sysma_moderator)
    assert actions(job) == ["created", "submitted", "rejected", "submitted", "approved"]


def test_transitions_email_every_member_in_their_language_after_commit(
    employer, owner, recruiter, sysma_moderator, django_capture_on_commit_callbacks
):
    recruiter.language = "sv"
    recruiter.save()
    job = make_job(employer, status="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        job.reject(sysma_moderator, "Lisää palkka.")
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {owner.email, recruiter.email}
    assert "Hylätty" in by_recipient[owner.email].subject
    assert "Avvisad" in by_recipient[recruiter.email].subject
    assert "Lisää palkka." in by_recipient[owner.email].body
    assert f"/fi/jobs/{job.pk}/manage/" in by_recipient[owner.email].body
    assert f"/sv/jobs/{job.pk}/manage/" in by_recipient[recruiter.email].body


def test_a_refused_transition_sends_nothing(
    employer, sysma_moderator, django_capture_on_commit_callbacks
):
    job = make_job(employer, status="draft")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(TransitionError):
        job.approve(sysma_moderator)
    assert mail.outbox == []
    assert actions(job) == ["created"]


def test_post_again_copies_a_closed_job_a_year_later(employer, owner):
    job = make_job(
        employer,
        status="closed",
        employment_type="seasonal",
        start_date=date(2026, 6, 1),
        end_date=date(2026, 8, 31),
        deadline=date(2026, 4, 30),
        title="Marjanpoimija",
    )
    copy = job.post_again(owner)
    assert copy.pk != job.pk and copy.status == "draft"
    assert (copy.start_date, copy.end_date, copy.deadline) == (
        date(2027, 6, 1),
        date(2027, 8, 31),
        date(2027, 4, 30),
    )
    assert copy.title == "Marjanpoimija" and copy.copied_from == job
    assert copy.published_at is None and copy.closed_at is None
    assert Job.objects.get(pk=job.pk).status == "closed"
    with pytest.raises(TransitionError):
        copy.post_again(owner)


def test_one_year_later_handles_the_leap_day():
    assert one_year_later(date(2028, 2, 29)) == date(2029, 3, 1)
    assert one_year_later(None) is None


def test_published_jobs_past_their_deadline_are_not_open_even_before_the_task(employer):
    yesterday = timezone.localdate() - timedelta(days=1)
    old = make_job(employer, status="published", deadline=yesterday)
    today = make_job(employer, status="published", deadline=timezone.localdate())
    assert list(Job.objects.open()) == [today]
    assert not old.is_open and today.is_open


def test_close_expired_jobs_is_safe_to_run_again(employer, capsys):
    yesterday = timezone.localdate() - timedelta(days=1)
    old = make_job(employer, status="published", deadline=yesterday)
    current = make_job(employer, status="published")
    call_command("close_expired_jobs")
    call_command("close_expired_jobs")
    old.refresh_from_db()
    current.refresh_from_db()
    assert old.status == "closed" and current.status == "published"
    assert actions(old) == ["created", "submitted", "approved", "expired"]
    assert "Closed 1 expired job(s)." in capsys.readouterr().out


def test_editing_a_published_job_of_an_unverified_employer_returns_it_to_review(employer, owner):
    job = make_job(employer, status="published")
    job.title = "Muokattu"
    job.save_edit(owner)
    assert Job.objects.get(pk=job.pk).status == "submitted"
    assert actions(job)[-1] == "edited"
    employer.verify(None)
    job2 = make_job(employer, status="published")
    job2.title = "Muokattu"
    job2.save_edit(owner)
    assert Job.objects.get(pk=job2.pk).status == "published"
    assert "edited" not in actions(job2)


def test_an_unreviewed_edit_is_never_public_even_for_a_moment(employer, owner, monkeypatch):
    """The edit and its return to review are one transaction: if recording the review fails,
    the public job keeps its reviewed text."""
    job = make_job(employer, status="published", title="Kokki")

    def fail(**kwargs):
        raise DatabaseError("the event could not be written")

    monkeypatch.setattr("jobs.models.JobEvent.objects.create", fail)
    job.title = "Tarkastamaton otsikko"
    with pytest.raises(DatabaseError):
        job.save_edit(owner)
    stored = Job.objects.get(pk=job.pk)
    assert (stored.title, stored.status) == ("Kokki", "published")


def test_an_edit_does_not_undo_a_moderators_decision_made_meanwhile(
    employer, owner, sysma_moderator
):
    employer.verify(None)
    job = make_job(employer, status="published")
    form_copy = Job.objects.get(pk=job.pk)  # the member opened the form
    job.unpublish(sysma_moderator, "Puutteellinen.")
    form_copy.title = "Muokattu"
    form_copy.save_edit(owner)
    assert Job.objects.get(pk=job.pk).status == "rejected"  # not published again
    closed = make_job(employer, status="published")
    form_copy = Job.objects.get(pk=closed.pk)
    closed.close(owner)
    with pytest.raises(TransitionError):
        form_copy.save_edit(owner)
    assert Job.objects.get(pk=closed.pk).status == "closed"


def test_what_needs_the_employers_action(employer, sysma_moderator):
    today = timezone.localdate()
    assert make_job(employer, status="draft").needs_action
    assert make_job(employer, status="rejected").needs_action
    assert make_job(employer, status="published", deadline=today + timedelta(days=7)).needs_action
    assert not make_job(
        employer, status="published", deadline=today + timedelta(days=8)
    ).needs_action
    assert not make_job(employer, status="submitted").needs_action
    assert not make_job(employer, status="closed").needs_action


@pytest.mark.postgresql
def test_an_edit_waits_for_a_moderators_decision_in_progress(seeded_transactional_db):
    """The edit locks the job's row: a moderator's unpublishing that is being saved at that
    moment is not overwritten by the edit's stale status."""
    import threading
    import time

    from django.db import connection, transaction

    from tests.conftest import make_employer, make_user

    owner = make_user("omistaja@example.com")
    job = make_job(make_employer("Kilpa Oy", owner, "781", verified=True), status="published")
    form_copy = Job.objects.get(pk=job.pk)  # the member's form, opened before
    form_copy.title = "Muokattu"
    locked = threading.Event()

    def moderator():
        try:
            with transaction.atomic():
                Job.objects.select_for_update().get(pk=job.pk)
                locked.set()
                time.sleep(0.5)
                Job.objects.filter(pk=job.pk).update(status="rejected")
        finally:
            connection.close()

    thread = threading.Thread(target=moderator)
    thread.start()
    locked.wait()
    form_copy.save_edit(owner)
    thread.join()
    stored = Job.objects.get(pk=job.pk)
    assert (stored.status, stored.title) == ("rejected", "Muokattu")
