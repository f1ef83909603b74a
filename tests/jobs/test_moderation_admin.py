"""Municipal staff moderate in the admin, each only in their own municipalities."""

import threading

import pytest
from django.db import connection
from django.test import override_settings

from jobs.models import Job, TransitionError
from tests.conftest import make_employer, make_job

pytestmark = pytest.mark.usefixtures("_no_mfa")


@pytest.fixture
def _no_mfa():
    with override_settings(ADMIN_REQUIRE_MFA=False):
        yield


@pytest.fixture
def sysma_job(employer):
    return make_job(employer, status="submitted", title="Sysmän työ")


@pytest.fixture
def hartola_job(other_owner):
    return make_job(
        other_owner.memberships.get().employer, status="submitted", title="Hartolan työ"
    )


def changelist(client, query=""):
    return client.get(f"/admin/jobs/job/{query}").content.decode()


def test_a_moderator_lists_only_their_municipalitys_jobs(
    client, sysma_moderator_in_group, sysma_job, hartola_job
):
    client.force_login(sysma_moderator_in_group)
    html = changelist(client)
    assert "Sysmän työ" in html and "Hartolan työ" not in html


def test_a_remote_job_belongs_to_its_employers_municipality(
    client, sysma_moderator_in_group, hartola_moderator_in_group, employer
):
    make_job(employer, status="submitted", title="Etätyö", municipality=None, is_remote=True)
    client.force_login(sysma_moderator_in_group)
    assert "Etätyö" in changelist(client)
    client.force_login(hartola_moderator_in_group)
    assert "Etätyö" not in changelist(client)


@pytest.mark.parametrize("suffix", ["change/", "history/", "delete/"])
def test_a_hartola_moderator_guessing_a_sysma_url_gets_nothing(
    client, hartola_moderator_in_group, sysma_job, suffix
):
    client.force_login(hartola_moderator_in_group)
    response = client.get(f"/admin/jobs/job/{sysma_job.pk}/{suffix}", follow=True)
    assert "Sysmän työ" not in response.content.decode()


def test_filter_choices_and_autocomplete_are_scoped(
    client, hartola_moderator_in_group, sysma_job, hartola_job
):
    client.force_login(hartola_moderator_in_group)
    html = changelist(client)
    # Employer and municipality filters offer only what the moderator may see.
    assert "Päijänteen Rantalomat Oy" not in html and "Hoivakoti Kotirinne" in html
    response = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "jobs",
            "model_name": "job",
            "field_name": "employer",
            "term": "",
        },
    )
    assert response.status_code == 200
    names = [result["text"] for result in response.json()["results"]]
    assert names == ["Hoivakoti Kotirinne"]


def test_the_queue_lists_submitted_jobs_oldest_first(client, sysma_moderator_in_group, employer):
    newer = make_job(employer, status="submitted", title="Uudempi")
    older = make_job(employer, status="submitted", title="Vanhempi")
    Job.objects.filter(pk=older.pk).update(submitted_at=newer.submitted_at.replace(year=2025))
    client.force_login(sysma_moderator_in_group)
    html = changelist(client, "?status__exact=submitted")
    assert html.index("Vanhempi") < html.index("Uudempi")


def test_the_admin_index_counts_the_moderators_queue(
    client, sysma_moderator_in_group, sysma_job, hartola_job
):
    make_job(sysma_job.employer, status="published")
    client.force_login(sysma_moderator_in_group)
    html = client.get("/admin/").content.decode()
    assert "1 työpaikkailmoitus odottaa tarkastusta" in html


def action(client, name, *jobs, **extra):
    return client.post(
        "/admin/jobs/job/",
        {"action": name, "_selected_action": [j.pk for j in jobs], **extra},
        follow=True,
    )


def test_approve_many_at_once(
    client, sysma_moderator_in_group, employer, django_capture_on_commit_callbacks
):
    jobs = [make_job(employer, status="submitted") for _ in range(3)]
    client.force_login(sysma_moderator_in_group)
    with django_capture_on_commit_callbacks(execute=True):
        response = action(client, "approve", *jobs)
    assert "3 ilmoitusta hyväksytty ja julkaistu" in response.content.decode()
    assert set(Job.objects.values_list("status", flat=True)) == {"published"}
    assert all(j.events.first().actor == sysma_moderator_in_group for j in Job.objects.all())


def test_an_action_cannot_reach_another_municipalitys_job(
    client, sysma_moderator_in_group, hartola_job
):
    client.force_login(sysma_moderator_in_group)
    action(client, "approve", hartola_job)
    assert Job.objects.get(pk=hartola_job.pk).status == "submitted"


def test_reject_asks_for_the_reason_on_an_intermediate_page(
    client, sysma_moderator_in_group, sysma_job
):
    client.force_login(sysma_moderator_in_group)
    page = action(client, "reject", sysma_job).content.decode()
    assert "Perustelu, joka näytetään työnantajalle" in page
    assert Job.objects.get(pk=sysma_job.pk).status == "submitted"
    action(client, "reject", sysma_job, apply="1", reason="")  # an empty reason is refused
    assert Job.objects.get(pk=sysma_job.pk).status == "submitted"
    action(client, "reject", sysma_job, apply="1", reason="Palkka puuttuu.")
    job = Job.objects.get(pk=sysma_job.pk)
    assert job.status == "rejected" and job.latest_rejection().reason == "Palkka puuttuu."


def test_unpublish_with_a_reason(client, sysma_moderator_in_group, employer):
    job = make_job(employer, status="published")
    client.force_login(sysma_moderator_in_group)
    action(client, "unpublish", job, apply="1", reason="Ilmoitus on syrjivä.")
    assert Job.objects.get(pk=job.pk).status == "rejected"


def test_jobs_in_the_wrong_state_are_skipped_with_a_message(
    client, sysma_moderator_in_group, employer
):
    job = make_job(employer, status="draft")
    client.force_login(sysma_moderator_in_group)
    html = action(client, "approve", job).content.decode()
    assert "ohitettiin" in html
    assert Job.objects.get(pk=job.pk).status == "draft"


def test_staff_without_the_group_cannot_moderate(client, sysma_moderator, sysma_job):
    client.force_login(sysma_moderator)
    assert client.get("/admin/jobs/job/").status_code == 403
    action(client, "approve", sysma_job)
    assert Job.objects.get(pk=sysma_job.pk).status == "submitted"


def test_moderators_cannot_edit_job_content(client, sysma_moderator_in_group, sysma_job):
    client.force_login(sysma_moderator_in_group)
    response = client.post(f"/admin/jobs/job/{sysma_job.pk}/change/", {"title": "Muutettu"})
    assert response.status_code == 403
    assert Job.objects.get(pk=sysma_job.pk).title == "Sysmän työ"


def test_a_superuser_sees_every_municipality(client, superuser, sysma_job, hartola_job):
    client.force_login(superuser)
    html = changelist(client)
    assert "Sysmän työ" in html and "Hartolan työ" in html


def test_employers_are_scoped_and_verified_by_action(
    client, sysma_moderator_in_group, employer, other_owner
):
    client.force_login(sysma_moderator_in_group)
    html = client.get("/admin/employers/employer/").content.decode()
    assert "Päijänteen Rantalomat Oy" in html and "Hoivakoti Kotirinne" not in html
    hartola_employer = other_owner.memberships.get().employer
    client.post(
        "/admin/employers/employer/",
        {"action": "verify", "_selected_action": [employer.pk, hartola_employer.pk]},
    )
    employer.refresh_from_db()
    hartola_employer.refresh_from_db()
    assert employer.is_verified and employer.verified_by == sysma_moderator_in_group
    assert not hartola_employer.is_verified
    # The moderator sees the employer's members.
    html = client.get(f"/admin/employers/employer/{employer.pk}/change/").content.decode()
    assert "omistaja@rantalomat.example.com" in html or "Olli Omistaja" in html


def test_two_moderators_at_once_leave_a_consistent_job(
    django_db_blocker, seeded_transactional_db, sysma_moderator, hartola_moderator
):
    """On PostgreSQL two transitions truly race; the row lock lets exactly one through."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL for concurrent transactions")
    owner = sysma_moderator  # any user will do as the employer's owner here
    job = make_job(make_employer("Kilpa Oy", owner, "781"), status="submitted")
    results = []
    barrier = threading.Barrier(2)

    def act(method, *args):
        barrier.wait()
        try:
            getattr(Job.objects.get(pk=job.pk), method)(*args)
            results.append(method)
        except TransitionError:
            results.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=("approve", sysma_moderator)),
        threading.Thread(target=act, args=("reject", hartola_moderator, "Ei.")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    job.refresh_from_db()
    assert sorted(results) in (["approve", "refused"], ["refused", "reject"])
    assert job.status == ("published" if "approve" in results else "rejected")
    assert job.events.filter(action__in=["approved", "rejected"]).count() == 1
