"""Reminders: each sent once however often its command runs (tested by running it twice)."""

import re
from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from applications.models import Application
from jobs.models import Job
from reports.reminders import halfway, job_from_token, link_token
from reports.workdays import holidays, working_days_after
from tests.conftest import make_application, make_job, make_staff, make_user

HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run a command as the scheduler does, its e-mails sent; returns what it printed."""

    def run(name, *args):
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command(name, *args, stdout=out)
        return out.getvalue()

    return run


def test_working_days_skip_weekends_and_holidays():
    assert date(2027, 3, 26) in holidays(2027)  # Good Friday
    assert date(2027, 6, 25) in holidays(2027)  # Midsummer Eve
    assert working_days_after(date(2027, 3, 1), date(2027, 3, 4)) == 3  # Mon → Thu
    assert working_days_after(date(2027, 3, 5), date(2027, 3, 8)) == 1  # Fri → Mon
    assert working_days_after(date(2027, 3, 24), date(2027, 3, 30)) == 2  # over Easter


def test_moderators_hear_of_submissions_waiting_over_two_working_days_once_a_day(
    run, employer, sysma_moderator_in_group, hartola_moderator_in_group
):
    make_staff("ei-oikeuksia@sysma.example.com", "781")  # staff who do not moderate
    job = make_job(employer, "submitted", title="Odottava työ")
    Job.objects.filter(pk=job.pk).update(submitted_at=datetime(2027, 3, 1, 10, tzinfo=HELSINKI))
    mail.outbox.clear()
    assert run("remind_moderators", "--date", "2027-03-03") == "0 moderator(s) reminded.\n"
    assert run("remind_moderators", "--date", "2027-03-04") == "1 moderator(s) reminded.\n"
    assert run("remind_moderators", "--date", "2027-03-04") == "0 moderator(s) reminded.\n"
    assert [m.to for m in mail.outbox] == [[sysma_moderator_in_group.email]]
    assert "Odottava työ" in mail.outbox[0].body
    assert f"/admin/jobs/job/{job.pk}/change/" in mail.outbox[0].body
    assert run("remind_moderators", "--date", "2027-03-05") == "1 moderator(s) reminded.\n"
    assert run("remind_moderators", "--date", "2027-03-06") == "0 moderator(s) reminded.\n"  # Sat


@pytest.fixture
def long_job(employer, recruiter):
    """Published 20 days ago, deadline in 20 days: today is its halfway point."""
    today = timezone.localdate()
    job = make_job(employer, "published", deadline=today + timedelta(days=20))
    Job.objects.filter(pk=job.pk).update(published_at=timezone.now() - timedelta(days=20))
    job.refresh_from_db()
    return job


def test_employers_are_asked_at_the_halfway_point_once(run, long_job, employer):
    short = make_job(employer, "published", deadline=timezone.localdate() + timedelta(days=10))
    assert halfway(short) is None
    mail.outbox.clear()
    assert run("ask_if_jobs_still_open") == "2 e-mail(s) sent.\n"  # the owner and the recruiter
    assert run("ask_if_jobs_still_open") == "0 e-mail(s) sent.\n"
    body = mail.outbox[0].body
    # Each link's token names the job (signed as the mail was sent: its timestamp is the
    # send's, so the test does not make its own to compare).
    links = re.findall(r"/staff/job-check/([^/\s]+)/(keep|close)/", body)
    assert sorted(answer for _token, answer in links) == ["close", "keep"]
    assert {job_from_token(token) for token, _answer in links} == {long_job}


def test_the_close_link_asks_first_then_closes(client, long_job):
    url = reverse("reports:job_check", args=[link_token(long_job), "close"])
    response = client.get(url)
    assert response.status_code == 200
    assert "Kyllä, sulje ilmoitus nyt" in response.content.decode()
    long_job.refresh_from_db()
    assert long_job.status == Job.Status.PUBLISHED  # a mail scanner's GET does nothing
    response = client.post(url)
    long_job.refresh_from_db()
    assert long_job.status == Job.Status.CLOSED
    assert "Ilmoitus on suljettu" in response.content.decode()
    assert client.post(url).status_code == 200  # again: still closed, no error


def test_the_keep_link_keeps_it_open(client, long_job):
    url = reverse("reports:job_check", args=[link_token(long_job), "keep"])
    response = client.post(url)
    assert "Kiitos" in response.content.decode()
    long_job.refresh_from_db()
    assert long_job.status == Job.Status.PUBLISHED


@pytest.mark.parametrize("token", ["nonsense", "1", "eyJhIjoxfQ:1:abc"])
def test_a_link_that_is_not_ours_is_a_404(client, long_job, token):
    assert client.get(reverse("reports:job_check", args=[token, "close"])).status_code == 404
    assert client.post(reverse("reports:job_check", args=[token, "close"])).status_code == 404


def test_a_link_of_one_job_does_not_open_another(client, long_job, other_owner):
    other = make_job(other_owner.memberships.get().employer, "published")
    token = link_token(long_job)
    payload, rest = token.split(":", 1)
    forged = signing.b64_encode(str(other.pk).encode()).decode() + ":" + rest
    assert forged != token
    assert client.post(reverse("reports:job_check", args=[forged, "close"])).status_code == 404
    assert client.get(reverse("reports:job_check", args=[token, "delete"])).status_code == 404
    other.refresh_from_db()
    long_job.refresh_from_db()
    assert other.status == long_job.status == Job.Status.PUBLISHED


def test_applicants_still_waiting_hear_when_a_job_closes_in_their_language(run, employer):
    job = make_job(employer, "published", title="Kokki")
    waiting = make_user("odottaja@example.com", language="sv")
    make_application(job, waiting)
    make_application(job, make_user("palkattu@example.com"), Application.Status.HIRED)
    make_application(job, make_user("tarjous@example.com"), Application.Status.OFFERED)
    job.close(job.created_by)
    mail.outbox.clear()
    assert run("tell_applicants_jobs_closed") == "1 applicant(s) told.\n"
    assert run("tell_applicants_jobs_closed") == "0 applicant(s) told.\n"
    assert [m.to for m in mail.outbox] == [["odottaja@example.com"]]
    assert mail.outbox[0].subject == "Jobbet ”Kokki” har stängts"


def test_the_employer_can_turn_it_off_and_old_closures_are_left_alone(run, employer):
    quiet = make_job(employer, "published", tell_applicants_when_closed=False)
    old = make_job(employer, "published")
    for n, job in enumerate([quiet, old]):
        make_application(job, make_user(f"hakija{n}@example.com"))
        job.close(job.created_by)
    Job.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=30))
    assert run("tell_applicants_jobs_closed") == "0 applicant(s) told.\n"
