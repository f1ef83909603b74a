"""The jobseeker profile: private, prefills applications, keeps a CV that the apply form offers."""

from datetime import date

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

from applications.models import Application
from jobseekers.models import PresencePeriod, Profile
from nelinvoimaa.models import Municipality, Sector
from tests.conftest import PDF, make_job, make_user


def profile_form(**changes):
    return {
        "sectors": [Sector.objects.get(slug="tourism").pk],
        "municipalities": [Municipality.objects.get(code="781").pk],
        "employment_types": ["summer"],
        "months": ["6", "7"],
        "phone": "040 111 2222",
        "introduction": "Kokki, kolme kesää kokemusta.",
        "open_to": ["gigs"],
    } | changes


def test_a_jobseeker_fills_in_the_profile_with_a_cv(client, jobseeker):
    client.force_login(jobseeker)
    assert client.get("/fi/my-profile/").status_code == 200
    cv = SimpleUploadedFile("Minun CV.pdf", PDF, content_type="application/pdf")
    response = client.post("/fi/my-profile/", profile_form(cv_file=cv))
    assert response["Location"] == "/fi/my-profile/"
    profile = Profile.objects.get(user=jobseeker)
    assert profile.month_numbers == [6, 7] and profile.employment_types == ["summer"]
    assert profile.cv_name == "Minun CV.pdf" and profile.cv.name.startswith("profile-cvs/")
    download = client.get("/fi/my-profile/cv/")
    assert b"".join(download.streaming_content) == PDF
    with pytest.raises(ValueError):
        profile.cv.url  # noqa: B018 - private files have no address


def test_a_bad_cv_is_refused_and_nothing_typed_is_lost(client, jobseeker):
    client.force_login(jobseeker)
    bad = SimpleUploadedFile("cv.pdf", b"<html>no</html>", content_type="application/pdf")
    response = client.post("/fi/my-profile/", profile_form(cv_file=bad))
    assert response.status_code == 400
    html = response.content.decode()
    assert "PDF, Word (DOCX) tai OpenDocument (ODT)" in html or "PDF" in html
    assert "Kokki, kolme kesää kokemusta." in html
    assert not Profile.objects.filter(user=jobseeker).exists()


def test_replacing_and_removing_the_cv_deletes_the_old_file(
    client, jobseeker, django_capture_on_commit_callbacks
):
    client.force_login(jobseeker)
    first = SimpleUploadedFile("a.pdf", PDF)
    client.post("/fi/my-profile/", profile_form(cv_file=first))
    old = Profile.objects.get().cv.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fi/my-profile/", profile_form(cv_file=SimpleUploadedFile("b.pdf", PDF)))
    storage = storages["private"]
    assert not storage.exists(old)
    new = Profile.objects.get().cv.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fi/my-profile/", profile_form(remove_cv="on"))
    assert not storage.exists(new) and not Profile.objects.get().cv


def test_the_apply_form_is_prefilled_and_sends_the_stored_cv(
    client, jobseeker, employer, django_capture_on_commit_callbacks
):
    job = make_job(employer, status="published", title="Kokki")
    client.force_login(jobseeker)
    client.post("/fi/my-profile/", profile_form(cv_file=SimpleUploadedFile("Oma.pdf", PDF)))
    html = client.get(f"/fi/jobs/{job.pk}/apply/").content.decode()
    assert 'value="040 111 2222"' in html
    assert "Tallennettu ansioluettelosi Oma.pdf" in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/fi/jobs/{job.pk}/apply/",
            {"cover_letter": "Hei", "phone": "040 111 2222", "consent": "on"},
        )
    application = Application.objects.get()
    assert application.cv_name == "Oma.pdf"
    with application.cv.open("rb") as cv:
        assert cv.read() == PDF
    # The application has its own copy: the profile's CV stays, and may change later.
    assert application.cv.name != Profile.objects.get().cv.name
    assert storages["private"].exists(Profile.objects.get().cv.name)


def test_the_stored_cv_can_be_left_out_of_an_application(client, jobseeker, employer):
    job = make_job(employer, status="published")
    client.force_login(jobseeker)
    client.post("/fi/my-profile/", profile_form(cv_file=SimpleUploadedFile("Oma.pdf", PDF)))
    client.post(
        f"/fi/jobs/{job.pk}/apply/",
        {"cover_letter": "Hei", "phone": "1", "consent": "on", "discard_pending_cv": "on"},
    )
    assert not Application.objects.get().cv


def test_presence_periods_are_added_checked_and_removed(client, jobseeker):
    client.force_login(jobseeker)
    sysma = Municipality.objects.get(code="781").pk
    data = {"presence-municipality": sysma, "presence-every_year": "on"}
    response = client.post(
        "/fi/my-profile/presence/",
        data | {"presence-starts": "2027-08-10", "presence-ends": "2027-06-15"},
    )
    assert response.status_code == 400 and not PresencePeriod.objects.exists()
    client.post(
        "/fi/my-profile/presence/",
        data | {"presence-starts": "2027-06-15", "presence-ends": "2027-08-10"},
    )
    period = PresencePeriod.objects.get()
    assert period.starts == date(2027, 6, 15)
    assert "15.6.2027" in client.get("/fi/my-profile/").content.decode()
    other = make_user("muu@example.com")
    client.force_login(other)
    assert client.post(f"/fi/my-profile/presence/{period.pk}/delete/").status_code == 404
    client.force_login(jobseeker)
    client.post(f"/fi/my-profile/presence/{period.pk}/delete/")
    assert not PresencePeriod.objects.exists()


def test_another_persons_profile_and_cv_are_not_reachable(client, jobseeker):
    client.force_login(jobseeker)
    client.post("/fi/my-profile/", profile_form(cv_file=SimpleUploadedFile("Oma.pdf", PDF)))
    client.force_login(make_user("muu@example.com"))
    assert client.get("/fi/my-profile/cv/").status_code == 404
    assert "Kokki, kolme" not in client.get("/fi/my-profile/").content.decode()


@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("/fi/my-profile/", "get"),
        ("/fi/my-profile/", "post"),
        ("/fi/my-profile/cv/", "get"),
        ("/fi/my-profile/presence/", "post"),
        ("/fi/my-profile/presence/1/delete/", "post"),
    ],
)
def test_visitors_are_sent_to_sign_in(client, db, path, method):
    response = getattr(client, method)(path)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_profile_and_its_cv_are_exported_and_deleted_with_the_account(
    client, jobseeker, employer, django_capture_on_commit_callbacks
):
    import io
    import zipfile

    from jobseekers.models import Alert, SavedJob

    client.force_login(jobseeker)
    client.post("/fi/my-profile/", profile_form(cv_file=SimpleUploadedFile("Oma.pdf", PDF)))
    job = make_job(employer, status="published", title="Kokki")
    SavedJob.objects.save_for(jobseeker, job)
    Alert.objects.create(user=jobseeker, query="q=kokki")
    response = client.post("/fi/dashboard/my-data/", {"action": "export"})
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.read("files/profile-cv-Oma.pdf") == PDF
    summary = archive.read("jobseeker.txt").decode()
    assert "Kokki" in summary and "“kokki”" in summary and "Kokki, kolme kesää" in summary
    readme = archive.read("README.txt").decode()
    assert "Kaikki, mitä Nelinvoimaa säilyttää sinusta" in readme
    assert "jobseeker.txt" in readme and "Tallennetut työpaikat: 1" in readme
    data = archive.read("data.json").decode()
    assert "jobseekers.Profile.user" in data and "jobseekers.SavedJob.user" in data
    name = Profile.objects.get().cv.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/fi/dashboard/my-data/",
            {"action": "delete", "password": "correct-horse-battery-staple"},
        )
    assert not Profile.objects.exists() and not SavedJob.objects.exists()
    assert not Alert.objects.exists()
    assert not storages["private"].exists(name)


def test_the_profile_page_runs_a_fixed_number_of_queries(
    client, jobseeker, django_assert_num_queries
):
    client.force_login(jobseeker)
    client.post("/fi/my-profile/", profile_form())
    # session, user, profile, its sectors and municipalities (chosen), the choices of
    # both, presence periods, municipalities of the presence form, footer
    with django_assert_num_queries(10):
        assert client.get("/fi/my-profile/").status_code == 200
