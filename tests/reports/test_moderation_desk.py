"""The moderation desk: a posting's own admin page shows it as the public will see it, its
history, and the decisions as buttons; ready reasons that staff edit."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from jobs.models import Job, JobEvent
from reports.models import ReasonTemplate
from tests.conftest import make_job, make_staff

pytestmark = pytest.mark.usefixtures("_no_mfa")


@pytest.fixture
def _no_mfa():
    with override_settings(ADMIN_REQUIRE_MFA=False):
        yield


@pytest.fixture
def job(employer):
    return make_job(employer, "submitted", title="Mökkisiivooja", description="Vaihtosiivous.")


def change_url(job):
    return reverse("admin:jobs_job_change", args=[job.pk])


def decide_url(job, decision):
    return reverse("admin:jobs_job_moderate", args=[job.pk, decision])


def test_the_page_shows_the_posting_its_history_and_the_decisions(
    client, sysma_moderator_in_group, job, django_assert_num_queries
):
    client.force_login(sysma_moderator_in_group)
    with django_assert_num_queries(11):
        html = client.get(change_url(job)).content.decode()
    assert "Ilmoitus sellaisena kuin yleisö sen näkee" in html
    assert "Vaihtosiivous." in html  # the description, as on the public page
    assert "Lähetetty tarkastukseen" in html  # the history
    assert decide_url(job, "approve") in html and decide_url(job, "reject") in html
    for internal in ("Work months", "Search title", "Search vector", "search_words"):
        assert internal not in html


def test_approve_is_one_button_and_goes_on_to_the_next_waiting(
    client, sysma_moderator_in_group, job, employer
):
    waiting = make_job(employer, "submitted", title="Seuraava")
    client.force_login(sysma_moderator_in_group)
    response = client.post(decide_url(job, "approve"))
    assert response.status_code == 302
    assert response["Location"] == change_url(waiting)
    job.refresh_from_db()
    assert job.status == Job.Status.PUBLISHED
    assert job.events.first().actor == sysma_moderator_in_group
    response = client.post(decide_url(waiting, "approve"))
    assert response["Location"].endswith("/admin/jobs/job/?status__exact=submitted")


def test_approving_needs_a_post(client, sysma_moderator_in_group, job):
    client.force_login(sysma_moderator_in_group)
    assert client.get(decide_url(job, "approve"))["Location"] == change_url(job)
    job.refresh_from_db()
    assert job.status == Job.Status.SUBMITTED


def test_reject_with_a_ready_reason_and_own_words(
    client, sysma_moderator_in_group, job, django_capture_on_commit_callbacks
):
    ready = ReasonTemplate.objects.create(title="Kuvaus puuttuu", text="Kerro työtehtävät.")
    client.force_login(sysma_moderator_in_group)
    html = client.get(decide_url(job, "reject")).content.decode()
    assert "Kuvaus puuttuu" in html
    assert '<ol class="breadcrumbs">' in html and change_url(job) in html
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            decide_url(job, "reject"),
            {"template": f"r{ready.pk}", "reason": "Lisää myös palkka."},
        )
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == Job.Status.REJECTED
    assert job.latest_rejection().reason == "Kerro työtehtävät.\n\nLisää myös palkka."
    assert len(mail.outbox) == 1  # the employer is told


def test_a_reject_without_a_reason_is_explained_and_nothing_changes(
    client, sysma_moderator_in_group, job
):
    client.force_login(sysma_moderator_in_group)
    response = client.post(decide_url(job, "reject"), {"template": "", "reason": "  "})
    assert response.status_code == 200
    assert "Kirjoita perustelu, jotta työnantaja tietää, mitä korjata." in response.content.decode()
    job.refresh_from_db()
    assert job.status == Job.Status.SUBMITTED


def test_unpublish_a_published_job(client, sysma_moderator_in_group, employer):
    published = make_job(employer, "published")
    client.force_login(sysma_moderator_in_group)
    html = client.get(change_url(published)).content.decode()
    assert decide_url(published, "unpublish") in html
    assert decide_url(published, "approve") not in html
    client.post(decide_url(published, "unpublish"), {"reason": "Ilmoitus on vanhentunut."})
    published.refresh_from_db()
    assert published.status == Job.Status.REJECTED


def test_a_decision_someone_already_made_changes_nothing(client, sysma_moderator_in_group, job):
    job.approve(None)
    client.force_login(sysma_moderator_in_group)
    response = client.post(decide_url(job, "reject"), {"reason": "Myöhässä."}, follow=True)
    assert "Mitään ei tehty" in response.content.decode()
    job.refresh_from_db()
    assert job.status == Job.Status.PUBLISHED


@pytest.mark.parametrize("decision", ["approve", "reject", "unpublish", "nonsense"])
def test_another_municipalitys_moderator_gets_a_404(
    client, hartola_moderator_in_group, job, decision
):
    client.force_login(hartola_moderator_in_group)
    assert client.get(decide_url(job, decision)).status_code == 404
    assert client.post(decide_url(job, decision), {"reason": "x"}).status_code == 404
    job.refresh_from_db()
    assert job.status == Job.Status.SUBMITTED


def test_staff_without_the_moderation_permission_cannot_decide(client, job):
    viewer = make_staff("katsoja@sysma.example.com", "781")
    client.force_login(viewer)
    assert client.post(decide_url(job, "approve")).status_code == 403
    job.refresh_from_db()
    assert job.status == Job.Status.SUBMITTED


@pytest.mark.parametrize("persona", ["anonymous", "jobseeker", "owner"])
def test_no_one_else_reaches_the_desk(client, job, persona, request):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    response = client.post(decide_url(job, "approve"))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    job.refresh_from_db()
    assert job.status == Job.Status.SUBMITTED


def test_a_superuser_decides_anywhere(client, superuser, job):
    client.force_login(superuser)
    client.post(decide_url(job, "approve"))
    job.refresh_from_db()
    assert job.status == Job.Status.PUBLISHED


def test_staff_edit_the_ready_reasons(client, sysma_moderator_in_group):
    client.force_login(sysma_moderator_in_group)
    response = client.post(
        reverse("admin:reports_reasontemplate_add"),
        {"title": "Yhteystiedot puuttuvat", "text": "Lisää yhteyshenkilö.", "position": 1},
    )
    assert response.status_code == 302
    assert ReasonTemplate.objects.filter(title="Yhteystiedot puuttuvat").exists()


@pytest.mark.parametrize(
    ("language", "expected", "untranslated"),
    [
        ("fi", ["Suorita", "Hae: työpaikkailmoitukset"], ["Run<", "Search ", "Filter by"]),
        ("sv", ["Kör", "Sök efter"], ["Run<", "Search ", "Filter by"]),
    ],
)
def test_the_job_list_is_translated(
    client, sysma_moderator_in_group, job, language, expected, untranslated
):
    sysma_moderator_in_group.language = language
    sysma_moderator_in_group.save()
    client.force_login(sysma_moderator_in_group)
    html = client.get(reverse("admin:jobs_job_changelist")).content.decode()
    for text in expected:
        assert text in html
    for text in untranslated:
        assert text not in html


def test_event_times_are_local(job):
    event = job.events.get(action=JobEvent.Action.SUBMITTED)
    from django.utils import timezone

    assert f"{timezone.localtime(event.created_at):%H:%M}" in str(event)
