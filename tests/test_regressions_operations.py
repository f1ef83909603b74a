"""Regressions: retention, the moderators' admin permissions, the personal-data export, and
e-mail that waits for the transaction to commit."""

import importlib.util
import io
import json
import runpy
import zipfile
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from applications.models import Application

# The project models used; applications move from jobs/ to applications/.
from employers.models import Invitation, Membership
from jobs.models import Job, JobEvent
from nelinvoimaa.models import AuditEntry, Municipality, Page, Sector
from tests.conftest import PASSWORD, PDF, make_application, make_employer, make_job, make_user


@pytest.fixture
def no_mfa(settings):
    settings.ADMIN_REQUIRE_MFA = False


# Retention --------------------------------------------------------------------------------


def default_settings(monkeypatch):
    """The settings module as it reads without APPLICATION_RETENTION_MONTHS in the
    environment (executed afresh; the loaded settings are not touched)."""
    monkeypatch.delenv("APPLICATION_RETENTION_MONTHS", raising=False)
    return runpy.run_path(importlib.util.find_spec("nelinvoimaa.settings").origin)


def test_applications_are_kept_24_months_by_default(monkeypatch):
    assert default_settings(monkeypatch)["APPLICATION_RETENTION_MONTHS"] == 24


def applied_and_closed_months_ago(employer, jobseeker, months):
    """An application for a job that closed `months` ago."""
    job = make_job(employer, status="published", title=f"Suljettu {months} kk sitten")
    application = make_application(job, jobseeker, cv=True)
    job.close(None)
    closed_at = timezone.now() - timedelta(days=round(months * 30.44))
    Job.objects.filter(pk=job.pk).update(closed_at=closed_at)
    return application


def test_the_daily_retention_run_deletes_after_24_months_by_default(
    employer, jobseeker, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.APPLICATION_RETENTION_MONTHS = default_settings(monkeypatch)[
        "APPLICATION_RETENTION_MONTHS"
    ]
    expired = applied_and_closed_months_ago(employer, jobseeker, 25)
    kept = applied_and_closed_months_ago(employer, jobseeker, 23)
    expired_file = settings.PRIVATE_MEDIA_ROOT / expired.cv.name
    with django_capture_on_commit_callbacks(execute=True):
        call_command("delete_expired_applications", stdout=io.StringIO())
    assert list(Application.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not expired_file.exists()
    assert (settings.PRIVATE_MEDIA_ROOT / kept.cv.name).exists()


# The moderators' permissions ---------------------------------------------------------------

# Written out by hand from the apps' staff_permissions (apps.py), on purpose: a permission added
# there must be added here too, by someone who has thought about it. Moderators change jobs only
# through the moderation actions and never see applications; nothing is deleted in the admin.
STAFF_GROUP_PERMISSIONS = {
    ("nelinvoimaa", "view_page"),
    ("nelinvoimaa", "change_page"),
    ("nelinvoimaa", "view_municipality"),
    ("nelinvoimaa", "view_sector"),
    ("nelinvoimaa", "add_sector"),
    ("nelinvoimaa", "change_sector"),
    ("employers", "view_employer"),
    ("employers", "verify_employer"),
    ("employers", "view_membership"),
    ("employers", "view_photo"),
    ("jobs", "view_job"),
    ("jobs", "moderate_job"),
    ("jobs", "view_jobevent"),
    ("jobseekers", "view_contactrequest"),
    ("jobseekers", "view_contactblock"),
    ("jobseekers", "add_contactblock"),
    ("trainings", "view_training"),
    ("trainings", "moderate_training"),
    ("trainings", "view_trainingevent"),
    ("trainings", "view_demand"),
    # Staff write stories and ready reasons, moderate successor listings and pair mentors;
    # a story is unpublished rather than deleted.
    ("stories", "view_story"),
    ("stories", "add_story"),
    ("stories", "change_story"),
    ("reports", "view_reasontemplate"),
    ("reports", "add_reasontemplate"),
    ("reports", "change_reasontemplate"),
    ("entrepreneurship", "view_successorlisting"),
    ("entrepreneurship", "moderate_successorlisting"),
    ("entrepreneurship", "view_mentoringentry"),
    ("entrepreneurship", "view_mentoringpair"),
    ("entrepreneurship", "add_mentoringpair"),
    ("entrepreneurship", "change_mentoringpair"),
}


def group_permissions(group):
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def test_the_staff_group_has_exactly_the_intended_permissions(staff_group):
    assert group_permissions(staff_group) == STAFF_GROUP_PERMISSIONS


def test_the_staff_group_may_delete_nothing_nor_add_or_change_jobs_or_applications(
    staff_group,
):
    permissions = group_permissions(staff_group)
    assert not {p for p in permissions if p[1].startswith("delete_")}
    assert not {
        (app, codename)
        for app, codename in permissions
        if codename.startswith(("add_", "change_"))
        and (app in {"jobs", "applications"} or "application" in codename)
    }


@pytest.fixture
def admin_objects(employer, owner):
    job = make_job(employer, status="submitted", title="Moderoitava työ")
    return {
        "jobs/job": job,
        "jobs/jobevent": JobEvent.objects.create(
            job=job, action="submitted", actor=owner, status="submitted"
        ),
        "employers/employer": employer,
        "nelinvoimaa/page": Page.objects.first(),
        "nelinvoimaa/sector": Sector.objects.first(),
        "nelinvoimaa/municipality": Municipality.objects.get(code="781"),
    }


ADMIN_MODELS = [
    "jobs/job",
    "jobs/jobevent",
    "employers/employer",
    "nelinvoimaa/page",
    "nelinvoimaa/sector",
    "nelinvoimaa/municipality",
]


@pytest.mark.usefixtures("no_mfa")
@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_a_moderator_cannot_open_a_delete_page(
    client, sysma_moderator_in_group, admin_objects, model
):
    obj = admin_objects[model]
    client.force_login(sysma_moderator_in_group)
    assert client.get(f"/admin/{model}/{obj.pk}/change/").status_code == 200  # it is visible
    assert client.get(f"/admin/{model}/{obj.pk}/delete/").status_code == 403
    client.post(f"/admin/{model}/{obj.pk}/delete/", {"post": "yes"})
    assert type(obj).objects.filter(pk=obj.pk).exists()


@pytest.mark.usefixtures("no_mfa")
@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_a_moderators_delete_selected_action_deletes_nothing(
    client, sysma_moderator_in_group, admin_objects, model
):
    obj = admin_objects[model]
    client.force_login(sysma_moderator_in_group)
    assert "delete_selected" not in client.get(f"/admin/{model}/").content.decode()
    client.post(
        f"/admin/{model}/",
        {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"},
    )
    assert type(obj).objects.filter(pk=obj.pk).exists()


# The personal-data export -----------------------------------------------------------------

# Every relation from a model to the user, written out by hand (not found by the
# introspection under test), with the row this test makes for it. After the move of
# applications to their own app the first two read "applications.Application.applicant"
# and "applications.ApplicationEvent.actor".
EXPORTED_RELATIONS = {
    "applications.Application.applicant": "application",
    "applications.ApplicationEvent.actor": "application_event",
    "jobs.JobEvent.actor": "job_event",
    "jobs.Job.created_by": "created_job",
    "nelinvoimaa.AuditEntry.actor": "audit_entry",
    "employers.Membership.user": "membership",
    "employers.Invitation.invited_by": "invitation",
    "employers.Employer.verified_by": "verified_employer",
    "account.EmailAddress.user": "email_address",
}


def test_the_export_holds_a_row_of_every_model_that_refers_to_the_user(client, other_owner):
    person = make_user("kaikki@example.com", full_name="Kaisa Kaikkialla")
    own = make_employer("Kaisan Kahvila", person, "781")
    elsewhere = make_employer("Toinen Oy", other_owner, "081")
    created_job = make_job(own)  # created by its owner, `person`
    application = make_application(make_job(elsewhere, status="published"), person, cv=True)
    rows = {
        "application": application,
        "application_event": application.events.get(actor=person),
        "job_event": created_job.events.get(actor=person),
        "created_job": created_job,
        "audit_entry": AuditEntry.record(person, "cv_viewed", "application 1"),
        "membership": Membership.objects.get(user=person, employer=own),
        "invitation": Invitation.objects.create(
            employer=own, email="kollega@example.com", invited_by=person
        ),
        "verified_employer": elsewhere,
        "email_address": EmailAddress.objects.get(user=person),
    }
    elsewhere.verify(person)
    # Rows of someone else, which must not be exported.
    stranger = make_user("vieras@example.com")
    JobEvent.objects.create(job=created_job, action="submitted", actor=stranger, status="draft")
    client.force_login(person)
    response = client.post("/fi/dashboard/my-data/", {"action": "export"})
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("data.json"))
    assert set(EXPORTED_RELATIONS) - set(data) == set()
    for label, key in EXPORTED_RELATIONS.items():
        assert [row["pk"] for row in data[label]] == [rows[key].pk], label
    assert f"files/application-{application.pk}-CV.pdf" in archive.namelist()
    assert data["user"][0]["fields"]["email"] == person.email


# E-mail only after commit --------------------------------------------------------------------


@pytest.fixture
def sent_after_commit(django_capture_on_commit_callbacks):
    """Run a step; no e-mail may be out until its transaction commits (here: until the
    captured on-commit callbacks run). Returns the recipients of what was sent then."""

    def run(step):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            step()
            assert mail.outbox == [], "sent before the transaction committed"
        assert mail.outbox == [], "sent before the transaction committed"
        for callback in callbacks:
            callback()
        return sorted(address for message in mail.outbox for address in message.to)

    return run


@pytest.fixture
def job(employer):
    return make_job(employer, status="published", title="Kokki", contact_email="")


@pytest.fixture
def application(job, jobseeker):
    return make_application(job, jobseeker, cv=True)


def test_an_application_is_acknowledged_and_announced_after_commit(
    client, job, jobseeker, owner, recruiter, sent_after_commit
):
    Job.objects.filter(pk=job.pk).update(contact_email="yhteys@example.com")
    client.force_login(jobseeker)
    form = {
        "cover_letter": "Olen kokki.",
        "phone": "040 123 4567",
        "consent": "on",
        "cv_file": SimpleUploadedFile("cv.pdf", PDF, "application/pdf"),
    }
    recipients = sent_after_commit(lambda: client.post(f"/fi/jobs/{job.pk}/apply/", form))
    assert recipients == sorted(
        [jobseeker.email, owner.email, recruiter.email, "yhteys@example.com"]
    )


def test_a_status_change_is_told_after_commit(client, owner, application, sent_after_commit):
    client.force_login(owner)
    url = f"/fi/jobs/{application.job.pk}/applicants/{application.pk}/status/"
    assert sent_after_commit(lambda: client.post(url, {"status": "interview"})) == [
        application.applicant.email
    ]


def test_a_bulk_status_change_is_told_after_commit(client, owner, application, sent_after_commit):
    client.force_login(owner)
    url = f"/fi/jobs/{application.job.pk}/applicants/status/"
    data = {"status": "rejected", "application": [application.pk]}
    assert sent_after_commit(lambda: client.post(url, data)) == [application.applicant.email]


def test_a_withdrawal_is_confirmed_after_commit(client, jobseeker, application, sent_after_commit):
    client.force_login(jobseeker)
    url = f"/fi/jobs/applications/{application.pk}/withdraw/"
    assert sent_after_commit(lambda: client.post(url)) == [jobseeker.email]


def members(owner, recruiter):
    return sorted([owner.email, recruiter.email])


def test_submitting_a_job_is_told_after_commit(
    client, employer, owner, recruiter, sent_after_commit
):
    job = make_job(employer)
    client.force_login(owner)
    assert sent_after_commit(lambda: client.post(f"/fi/jobs/{job.pk}/submit/")) == members(
        owner, recruiter
    )
    assert Job.objects.get(pk=job.pk).status == "submitted"


def test_closing_a_job_is_told_after_commit(client, job, owner, recruiter, sent_after_commit):
    client.force_login(owner)
    assert sent_after_commit(lambda: client.post(f"/fi/jobs/{job.pk}/close/")) == members(
        owner, recruiter
    )
    assert Job.objects.get(pk=job.pk).status == "closed"


@pytest.mark.usefixtures("no_mfa")
@pytest.mark.parametrize(
    ("action", "start", "end"),
    [
        ("approve", "submitted", "published"),
        ("reject", "submitted", "rejected"),
        ("unpublish", "published", "rejected"),
    ],
)
def test_a_moderators_decision_is_told_after_commit(
    client,
    employer,
    owner,
    recruiter,
    sysma_moderator_in_group,
    action,
    start,
    end,
    sent_after_commit,
):
    job = make_job(employer, status=start)
    client.force_login(sysma_moderator_in_group)
    data = {"action": action, "_selected_action": [job.pk], "apply": "1", "reason": "Korjaa."}
    assert sent_after_commit(lambda: client.post("/admin/jobs/job/", data)) == members(
        owner, recruiter
    )
    assert Job.objects.get(pk=job.pk).status == end


def test_an_expired_job_is_told_after_commit(employer, owner, recruiter, sent_after_commit):
    job = make_job(employer, status="published")
    Job.objects.filter(pk=job.pk).update(deadline=timezone.localdate() - timedelta(days=1))
    step = lambda: call_command("close_expired_jobs", stdout=io.StringIO())  # noqa: E731
    assert sent_after_commit(step) == members(owner, recruiter)
    assert Job.objects.get(pk=job.pk).status == "closed"


def test_an_edit_sent_back_to_review_is_told_after_commit(job, owner, recruiter, sent_after_commit):
    assert sent_after_commit(lambda: job.save_edit(owner)) == members(owner, recruiter)
    assert Job.objects.get(pk=job.pk).status == "submitted"


def test_an_invitation_is_sent_after_commit(client, employer, owner, sent_after_commit):
    client.force_login(owner)
    url = f"/fi/employers/{employer.slug}/members/"
    data = {"email": "kollega@example.com", "role": "recruiter"}
    assert sent_after_commit(lambda: client.post(url, data)) == ["kollega@example.com"]


def test_the_daily_summary_is_sent_after_commit(owner, employer, application, sent_after_commit):
    Membership.objects.filter(user=owner, employer=employer).update(notify="daily")
    step = lambda: call_command("send_application_digests", stdout=io.StringIO())  # noqa: E731
    assert sent_after_commit(step) == [owner.email]


def test_the_sign_up_confirmation_is_sent_after_commit(client, db, sent_after_commit):
    data = {"email": "uusi@example.com", "password1": PASSWORD, "password2": PASSWORD}
    assert sent_after_commit(lambda: client.post("/fi/accounts/signup/", data)) == [
        "uusi@example.com"
    ]


def test_a_password_reset_is_sent_after_commit(client, jobseeker, sent_after_commit):
    data = {"email": jobseeker.email}
    assert sent_after_commit(lambda: client.post("/fi/accounts/password/reset/", data)) == [
        jobseeker.email
    ]
