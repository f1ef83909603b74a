"""What a walkthrough found on the applicant's path: withdrawing asks first and may be undone by
applying again, the job page says when I applied, the apply button says what it does."""

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from applications.models import Application
from tests.conftest import PDF, make_application, make_job, make_user


@pytest.fixture
def job(employer):
    return make_job(employer, status="published", title="Kokki")


def test_the_apply_button_cannot_be_read_as_search(client, job):
    assert ">Hae tätä paikkaa</a>" in client.get(job.get_absolute_url()).content.decode()
    assert (
        "Ansök till det här jobbet"
        in client.get(job.get_absolute_url().replace("/fi/", "/sv/", 1)).content.decode()
    )


def test_the_job_page_says_when_i_applied_instead_of_the_button(client, jobseeker, job):
    make_application(job, jobseeker)
    client.force_login(jobseeker)
    html = client.get(job.get_absolute_url()).content.decode()
    today = timezone.localdate()
    assert f"Hait tätä paikkaa {today.day}.{today.month}." in html
    assert "Hae tätä paikkaa</a>" not in html


def test_one_persons_applied_note_is_never_shown_to_another(client, jobseeker, job):
    """The job's text is rendered once for everyone (a public fragment); what each person
    sees of their own application is not in it."""
    make_application(job, jobseeker)
    client.force_login(jobseeker)
    assert "Hait tätä paikkaa" in client.get(job.get_absolute_url()).content.decode()
    client.force_login(make_user("toinen@example.com"))
    html = client.get(job.get_absolute_url()).content.decode()
    assert "Hait tätä paikkaa" not in html and "Hae tätä paikkaa</a>" in html
    client.force_login(jobseeker)
    assert "Hait tätä paikkaa" in client.get(job.get_absolute_url()).content.decode()


def test_withdrawing_asks_first_and_then_the_person_may_apply_again(
    client, jobseeker, job, django_capture_on_commit_callbacks
):
    application = make_application(job, jobseeker, cv=True)
    old_cv = application.cv.name
    client.force_login(jobseeker)
    assert 'class="button secondary"' in client.get("/fi/dashboard/").content.decode()
    page = client.get(f"/fi/jobs/applications/{application.pk}/withdraw/")
    assert "Perutaanko hakemus?" in page.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED  # a GET only asks
    client.post(f"/fi/jobs/applications/{application.pk}/withdraw/")
    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN
    assert "Hae tätä paikkaa</a>" in client.get(job.get_absolute_url()).content.decode()

    cv = SimpleUploadedFile("Uusi.pdf", PDF)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/fi/jobs/{job.pk}/apply/",
            {"cover_letter": "Uudestaan", "phone": "1", "consent": "on", "cv_file": cv},
        )
    assert response["Location"] == "/fi/dashboard/"
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED
    assert application.cover_letter == "Uudestaan" and application.cv_name == "Uusi.pdf"
    assert list(application.events.values_list("status", flat=True)) == [
        "received",
        "withdrawn",
        "received",
    ]
    assert not storages["private"].exists(old_cv)
    assert Application.objects.count() == 1


def test_another_persons_application_cannot_be_withdrawn_or_seen(client, jobseeker, job):
    application = make_application(job, jobseeker)
    client.force_login(make_user("muu@example.com"))
    assert client.get(f"/fi/jobs/applications/{application.pk}/withdraw/").status_code == 404
    assert client.post(f"/fi/jobs/applications/{application.pk}/withdraw/").status_code == 404
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED


def test_the_dashboard_tells_the_two_my_details_links_apart(client, jobseeker):
    client.force_login(jobseeker)
    html = client.get("/fi/dashboard/").content.decode()
    assert "Omat tiedot ja kieli" in html and "Lataa tai poista tietoni" in html
    assert "Työnhakijaprofiilini" in html


def test_a_visitor_sent_to_sign_in_from_a_job_sees_which_job(client, job):
    login = client.get(f"/fi/jobs/{job.pk}/apply/")["Location"]
    html = client.get(login).content.decode()
    assert "hakeaksesi paikkaa ”Kokki” (Päijänteen Rantalomat Oy)" in html
    signup = client.get(f"/fi/accounts/signup/?next=/fi/jobs/{job.pk}/apply/").content.decode()
    assert "hakeaksesi paikkaa ”Kokki”" in signup
    # Nothing for another target, a draft, or junk.
    assert "hakeaksesi" not in client.get("/fi/accounts/login/?next=/fi/jobs/").content.decode()
    draft = make_job(job.employer, title="Luonnos")
    html = client.get(f"/fi/accounts/login/?next=/fi/jobs/{draft.pk}/apply/").content.decode()
    assert "Luonnos" not in html
    for junk in ["/fi/jobs/99999999999999999999/apply/", "//evil.example/", "/%00"]:
        assert client.get(f"/fi/accounts/login/?next={junk}").status_code == 200
