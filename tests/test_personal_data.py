"""The applicant's data: export, account deletion, retention, audit log."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from applications.models import Application
from employers.models import Membership
from jobs.models import Job, JobEvent
from nelinvoimaa.models import AuditEntry, User
from tests.conftest import PASSWORD, PDF, make_job


@pytest.fixture
def application(employer, jobseeker):
    job = make_job(employer, status="published")
    return Application.objects.create(
        job=job,
        applicant=jobseeker,
        cover_letter="Hei",
        phone="040",
        consent_at=timezone.now(),
        cv=SimpleUploadedFile("cv.pdf", PDF),
        cv_name="CV.pdf",
    )


def export(client):
    response = client.post("/fi/dashboard/my-data/", {"action": "export"})
    assert response["Content-Disposition"].startswith("attachment")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return json.loads(archive.read("data.json")), archive.namelist()


def test_the_export_holds_every_model_that_refers_to_the_user(client, jobseeker, application):
    client.force_login(jobseeker)
    data, names = export(client)
    assert "applications.Application.applicant" in data and "employers.Membership.user" in data
    assert data["applications.Application.applicant"][0]["fields"]["cover_letter"] == "Hei"
    assert data["user"][0]["fields"]["email"] == jobseeker.email
    assert "password" not in data["user"][0]["fields"]
    assert f"files/application-{application.pk}-CV.pdf" in names
    assert AuditEntry.objects.filter(action="data_exported", actor=jobseeker).exists()


def test_deleting_the_account_removes_applications_and_files(
    client, jobseeker, application, django_capture_on_commit_callbacks
):
    path = application.cv.path
    client.force_login(jobseeker)
    response = client.post("/fi/dashboard/my-data/", {"action": "delete", "password": "wrong"})
    assert response.status_code == 400 and User.objects.filter(pk=jobseeker.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fi/dashboard/my-data/", {"action": "delete", "password": PASSWORD})
    assert not User.objects.filter(pk=jobseeker.pk).exists()
    assert not Application.objects.exists()
    import os

    assert not os.path.exists(path)
    assert AuditEntry.objects.filter(action="account_deleted").exists()


def test_deleting_the_account_removes_a_cv_kept_for_a_retry(
    client, jobseeker, employer, settings, django_capture_on_commit_callbacks
):
    job = make_job(employer, status="published", contact_email="")
    client.force_login(jobseeker)
    cv = SimpleUploadedFile("cv.pdf", PDF, "application/pdf")
    client.post(f"/fi/jobs/{job.pk}/apply/", {"cover_letter": "Hei", "cv_file": cv})
    pending = settings.PRIVATE_MEDIA_ROOT / "pending"
    assert len(list(pending.iterdir())) == 1
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fi/dashboard/my-data/", {"action": "delete", "password": PASSWORD})
    assert not User.objects.filter(pk=jobseeker.pk).exists()
    assert list(pending.iterdir()) == []


def test_the_moderation_trail_keeps_its_entries_without_the_person(
    client, employer, owner, recruiter
):
    job = make_job(employer)
    job.submit(recruiter)
    client.force_login(recruiter)
    client.post("/fi/dashboard/my-data/", {"action": "delete", "password": PASSWORD})
    event = JobEvent.objects.get(job=job, action="submitted")
    assert event.actor is None
    assert Job.objects.filter(pk=job.pk).exists()


def test_the_only_owner_of_an_employer_cannot_delete_the_account(client, owner, employer):
    client.force_login(owner)
    response = client.post("/fi/dashboard/my-data/", {"action": "delete", "password": PASSWORD})
    assert "Päijänteen Rantalomat Oy" in response.content.decode()
    assert Membership.objects.filter(user=owner).exists()


def test_retention_deletes_old_applications_and_their_files_only(employer, jobseeker, settings):
    settings.APPLICATION_RETENTION_MONTHS = 24
    old_job = make_job(employer, status="closed")
    Job.objects.filter(pk=old_job.pk).update(closed_at=timezone.now() - timedelta(days=731))
    recent_job = make_job(employer, status="closed")
    Job.objects.filter(pk=recent_job.pk).update(closed_at=timezone.now() - timedelta(days=700))
    old = Application.objects.create(
        job=old_job,
        applicant=jobseeker,
        cover_letter="a",
        phone="1",
        consent_at=timezone.now(),
        cv=SimpleUploadedFile("a.pdf", PDF),
    )
    kept = Application.objects.create(
        job=recent_job,
        applicant=jobseeker,
        cover_letter="b",
        phone="1",
        consent_at=timezone.now(),
        cv=SimpleUploadedFile("b.pdf", PDF),
    )
    old_file = old.cv.path
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("delete_expired_applications")
        call_command("delete_expired_applications")  # again: nothing more to do
    import os

    assert list(Application.objects.all()) == [kept]
    assert not os.path.exists(old_file) and os.path.exists(kept.cv.path)
    entry = AuditEntry.objects.get(action="applications_expired")
    assert "1 applications" in entry.detail and jobseeker.email not in entry.detail


def test_viewing_a_cv_and_changing_a_status_are_audited(client, owner, application):
    client.force_login(owner)
    client.get(f"/fi/jobs/applications/{application.pk}/cv/")
    client.post(
        f"/fi/jobs/{application.job.pk}/applicants/{application.pk}/status/",
        {"status": "in_review"},
    )
    actions = set(AuditEntry.objects.filter(actor=owner).values_list("action", flat=True))
    assert actions == {"cv_viewed", "status_changed"}


def test_only_superusers_read_the_audit_log_in_the_admin(
    client, sysma_moderator_in_group, superuser, settings
):
    """It names who viewed whose CV in every municipality; a moderator sees none of it."""
    settings.ADMIN_REQUIRE_MFA = False
    entry = AuditEntry.record(None, AuditEntry.Action.CV_VIEWED, "application 1")
    client.force_login(sysma_moderator_in_group)
    assert client.get("/admin/nelinvoimaa/auditentry/").status_code == 403
    assert client.get(f"/admin/nelinvoimaa/auditentry/{entry.pk}/change/").status_code == 403
    assert "auditentry" not in client.get("/admin/").content.decode()
    client.force_login(superuser)
    assert "application 1" in client.get("/admin/nelinvoimaa/auditentry/").content.decode()


def test_moderators_do_not_see_applications_in_the_admin(
    client, sysma_moderator_in_group, application, settings
):
    settings.ADMIN_REQUIRE_MFA = False
    client.force_login(sysma_moderator_in_group)
    assert client.get("/admin/jobs/application/").status_code == 404


def test_the_dashboard_counts_new_applications_per_job(client, owner, application):
    client.force_login(owner)
    assert "1 new application" in client.get("/en/dashboard/").content.decode()


@pytest.mark.postgresql
def test_two_owners_deleting_their_accounts_at_once_leave_the_employer_one(
    seeded_transactional_db,
):
    """The owners' rows are locked while the deletion checks them: exactly one of the two
    goes, and the employer keeps an owner."""
    import threading

    from django.db import connection

    from employers.factories import add_member, make_employer
    from nelinvoimaa.personal_data import AccountDeletionBlocked, delete_account
    from tests.conftest import make_user

    first, second = make_user("eka@example.com"), make_user("toka@example.com")
    employer = make_employer("Kahden omistajan Oy", first, "781")
    add_member(employer, second, Membership.Role.OWNER)
    barrier = threading.Barrier(2)
    results = []

    def delete(user):
        barrier.wait()
        try:
            delete_account(user)
            results.append("deleted")
        except AccountDeletionBlocked:
            results.append("blocked")
        finally:
            connection.close()

    threads = [threading.Thread(target=delete, args=(user,)) for user in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["blocked", "deleted"]
    assert employer.memberships.filter(role="owner").count() == 1


def test_the_applicant_gets_the_employers_notes_and_the_privacy_notice_says_so(
    client, jobseeker, application
):
    application.notes = "Hyvä kokemus, haastatteluun."
    application.save()
    client.force_login(jobseeker)
    data, _names = export(client)
    rows = data["applications.Application.applicant"]
    assert rows[0]["fields"]["notes"] == "Hyvä kokemus, haastatteluun."
    for language, words in [("fi", "muistiinpanoja"), ("sv", "anteckningar"), ("en", "notes")]:
        page = client.get(f"/{language}/pages/privacy/").content.decode()
        assert words in page, language
