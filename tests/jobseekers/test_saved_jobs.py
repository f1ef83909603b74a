"""Saving jobs for later: from the job page and the list, without JavaScript."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from jobseekers.models import SavedJob
from tests.conftest import make_job, make_user


@pytest.fixture
def job(employer):
    return make_job(employer, status="published", title="Kokki")


def test_a_jobseeker_saves_a_job_from_its_page_and_finds_it_on_the_saved_page(
    client, jobseeker, job
):
    client.force_login(jobseeker)
    assert "Tallenna työpaikka" in client.get(job.get_absolute_url()).content.decode()
    response = client.post(f"/fi/saved/{job.pk}/save/", {"next": job.get_absolute_url()})
    assert response["Location"] == job.get_absolute_url()
    html = client.get(job.get_absolute_url()).content.decode()
    assert "Poista tallennetuista" in html
    assert "Kokki" in client.get("/fi/saved/").content.decode()
    assert "Kokki" in client.get("/fi/dashboard/").content.decode()


def test_saving_twice_keeps_one_and_removing_removes_it(client, jobseeker, job):
    client.force_login(jobseeker)
    client.post(f"/fi/saved/{job.pk}/save/")
    client.post(f"/fi/saved/{job.pk}/save/")
    assert SavedJob.objects.filter(user=jobseeker).count() == 1
    response = client.post(f"/fi/saved/{job.pk}/remove/")
    assert response["Location"] == "/fi/saved/"
    assert not SavedJob.objects.exists()


def test_the_job_list_offers_saving_each_job(client, jobseeker, job):
    SavedJob.objects.save_for(jobseeker, job)
    other = make_job(job.employer, status="published", title="Siivooja")
    client.force_login(jobseeker)
    html = client.get("/fi/jobs/").content.decode()
    assert f'action="/fi/saved/{job.pk}/remove/"' in html
    assert f'action="/fi/saved/{other.pk}/save/"' in html
    assert "Tallenna tämä haku hakuvahdiksi" in html


def test_a_visitor_is_offered_to_sign_in_and_cannot_save(client, job):
    html = client.get(job.get_absolute_url()).content.decode()
    assert "Kirjaudu sisään tallentaaksesi" in html
    response = client.post(f"/fi/saved/{job.pk}/save/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not SavedJob.objects.exists()


def test_a_draft_cannot_be_saved_and_a_foreign_url_is_not_followed(client, jobseeker, employer):
    draft = make_job(employer)
    client.force_login(jobseeker)
    assert client.post(f"/fi/saved/{draft.pk}/save/").status_code == 404
    published = make_job(employer, status="published")
    response = client.post(f"/fi/saved/{published.pk}/save/", {"next": "https://evil.example"})
    assert response["Location"] == published.get_absolute_url()


def test_saving_needs_post(client, jobseeker, job):
    client.force_login(jobseeker)
    assert client.get(f"/fi/saved/{job.pk}/save/").status_code == 405
    assert client.get(f"/fi/saved/{job.pk}/remove/").status_code == 405


def test_another_persons_saved_jobs_are_not_touched(client, jobseeker, job):
    SavedJob.objects.save_for(jobseeker, job)
    other = make_user("muu@example.com")
    client.force_login(other)
    assert "Kokki" not in client.get("/fi/saved/").content.decode()
    client.post(f"/fi/saved/{job.pk}/remove/")
    assert client.post(f"/fi/saved/{job.pk}/reminder/", {"remind": ""}).status_code == 404
    assert SavedJob.objects.get().remind is True


@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("/fi/saved/", "get"),
        ("/fi/saved/{job}/save/", "post"),
        ("/fi/saved/{job}/remove/", "post"),
        ("/fi/saved/{job}/reminder/", "post"),
    ],
)
def test_visitors_are_sent_to_sign_in(client, job, path, method):
    response = getattr(client, method)(path.format(job=job.pk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_saved_jobs_page_and_dashboard_run_a_fixed_number_of_queries(
    client, jobseeker, employer, django_assert_num_queries
):
    for n in range(8):
        SavedJob.objects.save_for(jobseeker, make_job(employer, status="published", title=f"T{n}"))
    client.force_login(jobseeker)
    # session, user, saved jobs with their jobs, employers and municipalities, footer
    with django_assert_num_queries(4):
        assert client.get("/fi/saved/").status_code == 200


def test_the_job_list_asks_once_for_the_saved_ones(
    client, jobseeker, employer, django_assert_num_queries
):
    for n in range(5):
        SavedJob.objects.save_for(jobseeker, make_job(employer, status="published", title=f"T{n}"))
    client.force_login(jobseeker)
    # session, the list's six, the user with the saved ones (one query)
    with django_assert_num_queries(8):
        assert client.get("/fi/jobs/").status_code == 200


def test_a_reminder_goes_once_two_days_before_the_deadline(
    jobseeker, employer, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    soon = make_job(employer, status="published", title="Kokki", deadline=today + timedelta(2))
    later = make_job(employer, status="published", deadline=today + timedelta(5))
    quiet = make_job(employer, status="published", deadline=today + timedelta(2))
    for job in (soon, later, quiet):
        SavedJob.objects.save_for(jobseeker, job)
    SavedJob.objects.filter(job=quiet).update(remind=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_job_alerts", stdout=None)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_job_alerts", stdout=None)
    assert len(mail.outbox) == 1
    assert "Kokki" in mail.outbox[0].subject
    assert f"/fi/jobs/{soon.pk}/" in mail.outbox[0].body


def test_the_list_offers_visitors_no_sign_in_link_per_job(client, job):
    html = client.get("/fi/jobs/").content.decode()
    assert "Kirjaudu sisään tallentaaksesi tämän työpaikan" not in html


def test_which_jobs_a_person_saved_is_the_same_read_alone_or_with_their_user(jobseeker, employer):
    jobs = [make_job(employer, status="published", title=f"T{n}") for n in range(3)]
    for job in jobs[:2]:
        SavedJob.objects.save_for(jobseeker, job)
    expected = {jobs[0].pk, jobs[1].pk}
    assert SavedJob.objects.ids_for(jobseeker, jobs) == expected  # read alone
    jobseeker.saved_job_ids = expected | {10**9}  # as read_saved_along keeps them
    assert SavedJob.objects.ids_for(jobseeker, jobs) == expected
    other = make_user("muu@example.com")
    assert SavedJob.objects.ids_for(other, jobs) == set()
