"""Regressions: an employer reaches only their own job's applications, and a jobseeker applies
for a job once."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

# The only project model used; it moves from jobs/ to applications/.
from applications.models import Application
from tests.conftest import PDF, make_application, make_job, make_user

ALREADY_APPLIED = "Olet jo hakenut tätä työpaikkaa."


@pytest.fixture
def world(employer, owner, other_owner):
    """The owner's two jobs and another employer's job, each with one application."""
    own_job = make_job(employer, status="published", title="Oma työ")
    sibling_job = make_job(employer, status="published", title="Oma toinen työ")
    foreign_job = make_job(
        other_owner.memberships.get().employer, status="published", title="Vieras työ"
    )
    return {
        "own_job": own_job,
        "sibling_job": sibling_job,
        "foreign_job": foreign_job,
        "own_app": make_application(
            own_job, make_user("oma@example.com", full_name="Olga Oma"), cv=True
        ),
        "sibling_app": make_application(
            sibling_job, make_user("sisar@example.com", full_name="Sisko Sisar"), cv=True
        ),
        "foreign_app": make_application(
            foreign_job, make_user("vieras@example.com", full_name="Veikko Vieras"), cv=True
        ),
    }


def application_state():
    return sorted(Application.objects.values_list("pk", "status", "notes"))


# Every (job, application) pair but (own job, its own application): the application is of
# another employer, or of the owner's other job, or the job is someone else's.
FOREIGN_PAIRS = [
    ("own_job", "foreign_app"),
    ("own_job", "sibling_app"),
    ("sibling_job", "own_app"),
    ("foreign_job", "own_app"),
    ("foreign_job", "foreign_app"),
    ("foreign_job", "sibling_app"),
]
# (method, path under /fi/jobs/<job>/applicants/<application>/, data)
APPLICATION_VIEWS = [
    pytest.param("get", "", {}, id="detail"),
    pytest.param("post", "", {"notes-notes": "Kurkistettu."}, id="notes"),
    pytest.param("post", "status/", {"status": "hired"}, id="status"),
]


@pytest.mark.parametrize(("method", "suffix", "data"), APPLICATION_VIEWS)
@pytest.mark.parametrize(("job_key", "app_key"), FOREIGN_PAIRS)
def test_an_application_outside_the_job_in_the_url_is_a_404_and_stays_untouched(
    client, owner, world, job_key, app_key, method, suffix, data, django_capture_on_commit_callbacks
):
    job, application = world[job_key], world[app_key]
    before = application_state()
    client.force_login(owner)
    url = f"/fi/jobs/{job.pk}/applicants/{application.pk}/{suffix}"
    with django_capture_on_commit_callbacks(execute=True):
        response = getattr(client, method)(url, data)
    assert response.status_code == 404
    assert application.applicant.full_name not in response.content.decode()
    assert application_state() == before
    assert application.events.count() == 1  # only its "received"
    assert mail.outbox == []


@pytest.mark.parametrize(("method", "suffix", "data"), APPLICATION_VIEWS)
def test_the_owner_reaches_their_own_jobs_application(client, owner, world, method, suffix, data):
    """The control for the matrix above: the same requests work on the owner's own pair."""
    job, application = world["own_job"], world["own_app"]
    client.force_login(owner)
    response = getattr(client, method)(
        f"/fi/jobs/{job.pk}/applicants/{application.pk}/{suffix}", data
    )
    assert response.status_code == (200 if method == "get" else 302)
    application.refresh_from_db()
    if "notes-notes" in data:
        assert application.notes == "Kurkistettu."
    if "status" in data:
        assert application.status == "hired"


@pytest.mark.parametrize(
    ("job_key", "app_keys"),
    [
        ("own_job", ["foreign_app"]),
        ("own_job", ["sibling_app"]),
        ("own_job", ["foreign_app", "sibling_app"]),
        ("foreign_job", ["foreign_app"]),
        ("foreign_job", ["own_app"]),
    ],
    ids=lambda value: "+".join(value) if isinstance(value, list) else value,
)
def test_bulk_status_changes_nothing_outside_the_job_in_the_url(
    client, owner, world, job_key, app_keys, django_capture_on_commit_callbacks
):
    before = application_state()
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/fi/jobs/{world[job_key].pk}/applicants/status/",
            {"status": "rejected", "application": [world[key].pk for key in app_keys]},
        )
    assert application_state() == before
    assert mail.outbox == []


def test_bulk_status_changes_the_jobs_own_applications_only(
    client, owner, world, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    ids = [world[key].pk for key in ("own_app", "sibling_app", "foreign_app")]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/fi/jobs/{world['own_job'].pk}/applicants/status/",
            {"status": "rejected", "application": ids},
        )
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert statuses == {
        world["own_app"].pk: "rejected",
        world["sibling_app"].pk: "received",
        world["foreign_app"].pk: "received",
    }
    assert [m.to for m in mail.outbox] == [["oma@example.com"]]


# Applying twice -------------------------------------------------------------------------


@pytest.fixture
def applied(client, jobseeker, employer, django_capture_on_commit_callbacks):
    """A jobseeker who has applied (through the form) for an open job; the mail cleared."""
    job = make_job(employer, status="published", title="Kokki", contact_email="")
    client.force_login(jobseeker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/fi/jobs/{job.pk}/apply/", application_form())
    assert response.status_code == 302 and Application.objects.count() == 1
    mail.outbox.clear()
    return job


def application_form(**changes):
    return {
        "cover_letter": "Olen kokenut kokki.",
        "phone": "040 123 4567",
        "consent": "on",
        "cv_file": SimpleUploadedFile("toinen.pdf", PDF, "application/pdf"),
    } | changes


def stored_files(settings):
    root = settings.PRIVATE_MEDIA_ROOT
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def test_the_form_is_not_shown_to_someone_who_has_applied(client, applied):
    response = client.get(f"/fi/jobs/{applied.pk}/apply/")
    assert response.status_code == 302 and response["Location"] == "/fi/dashboard/"
    page = client.get(response["Location"]).content.decode()
    assert ALREADY_APPLIED in page
    assert 'name="cover_letter"' not in page


@pytest.mark.parametrize(
    "changes",
    [{}, {"consent": ""}],  # a valid form, and one with an error (its CV would be kept)
    ids=["valid", "invalid"],
)
def test_a_second_application_stores_writes_and_sends_nothing(
    client, applied, settings, changes, monkeypatch, django_capture_on_commit_callbacks
):
    """Stopped before anything is tried: no insert that fails on the unique constraint, no CV
    written (and deleted again), no CV kept for a retry, no e-mail."""
    files = stored_files(settings)
    written = []
    storage = Application._meta.get_field("cv").storage
    original_save = storage.save

    def spy(name, *args, **kwargs):
        written.append(name)
        return original_save(name, *args, **kwargs)

    monkeypatch.setattr(storage, "save", spy)
    with (
        django_capture_on_commit_callbacks(execute=True),
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.post(f"/fi/jobs/{applied.pk}/apply/", application_form(**changes))
    assert response.status_code == 302 and response["Location"] == "/fi/dashboard/"
    assert ALREADY_APPLIED in client.get(response["Location"]).content.decode()
    assert Application.objects.count() == 1
    assert mail.outbox == []
    assert written == [] and stored_files(settings) == files
    table = f'"{Application._meta.db_table}"'
    assert not [q["sql"] for q in queries if q["sql"].startswith(f"INSERT INTO {table}")]
