"""Trainings are moderated in the admin per municipality, by the staff and rules of jobs."""

import pytest
from django.core import mail
from django.test import override_settings

from tests.conftest import make_user
from trainings.factories import make_training
from trainings.models import Demand, Training

pytestmark = pytest.mark.usefixtures("_no_mfa")


@pytest.fixture
def _no_mfa():
    with override_settings(ADMIN_REQUIRE_MFA=False):
        yield


@pytest.fixture
def sysma_training(unverified_school):
    return make_training(unverified_school, "submitted", title="Sysmän kurssi")


@pytest.fixture
def hartola_training(db):
    from tests.conftest import make_employer

    owner = make_user("o@hartola.example.com")
    provider = make_employer("Hartolan kunta", owner, "081", kind="municipality")
    return make_training(provider, "submitted", title="Hartolan kurssi")


def changelist(client):
    return client.get("/admin/trainings/training/").content.decode()


def test_a_moderator_lists_only_their_municipalitys_trainings(
    client, sysma_moderator_in_group, sysma_training, hartola_training
):
    client.force_login(sysma_moderator_in_group)
    html = changelist(client)
    assert "Sysmän kurssi" in html and "Hartolan kurssi" not in html


def test_an_online_training_belongs_to_its_organisers_municipality(
    client, sysma_moderator_in_group, hartola_moderator_in_group, unverified_school
):
    make_training(
        unverified_school, "submitted", title="Verkkokurssi", format="online", municipality=None
    )
    client.force_login(sysma_moderator_in_group)
    assert "Verkkokurssi" in changelist(client)
    client.force_login(hartola_moderator_in_group)
    assert "Verkkokurssi" not in changelist(client)


@pytest.mark.parametrize("suffix", ["change/", "history/", "delete/"])
def test_a_hartola_moderator_guessing_a_sysma_url_gets_nothing(
    client, hartola_moderator_in_group, sysma_training, suffix
):
    client.force_login(hartola_moderator_in_group)
    response = client.get(f"/admin/trainings/training/{sysma_training.pk}/{suffix}", follow=True)
    assert "Sysmän kurssi" not in response.content.decode()


def test_approving_publishes_and_tells_the_organiser(
    client, sysma_moderator_in_group, sysma_training, django_capture_on_commit_callbacks
):
    client.force_login(sysma_moderator_in_group)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/trainings/training/",
            {"action": "approve", "_selected_action": [sysma_training.pk]},
        )
    sysma_training.refresh_from_db()
    assert sysma_training.status == "published"
    assert mail.outbox and mail.outbox[0].to == ["opettaja@salpaus.example.com"]


def test_a_moderator_of_another_municipality_cannot_approve(
    client, hartola_moderator_in_group, sysma_training
):
    client.force_login(hartola_moderator_in_group)
    client.post(
        "/admin/trainings/training/",
        {"action": "approve", "_selected_action": [sysma_training.pk]},
    )
    sysma_training.refresh_from_db()
    assert sysma_training.status == "submitted"


def test_rejecting_needs_a_reason(client, sysma_moderator_in_group, sysma_training):
    client.force_login(sysma_moderator_in_group)
    page = client.post(
        "/admin/trainings/training/",
        {"action": "reject", "_selected_action": [sysma_training.pk]},
    )
    assert page.status_code == 200  # asks for the reason
    client.post(
        "/admin/trainings/training/",
        {
            "action": "reject",
            "_selected_action": [sysma_training.pk],
            "apply": "1",
            "reason": "Lisää istuntojen paikat.",
        },
    )
    sysma_training.refresh_from_db()
    assert sysma_training.status == "rejected"
    assert sysma_training.latest_rejection().reason == "Lisää istuntojen paikat."


def test_the_admin_index_shows_the_trainings_queue(
    client, sysma_moderator_in_group, sysma_training
):
    client.force_login(sysma_moderator_in_group)
    assert (
        "/admin/trainings/training/?status__exact=submitted"
        in client.get("/admin/").content.decode()
    )


def test_an_unverified_organisers_edit_of_a_published_training_goes_back_to_review(
    unverified_school, sysma_moderator
):
    training = make_training(unverified_school, "published", moderator=sysma_moderator)
    training.title = "Muutettu"
    training.save_edit(None)
    training.refresh_from_db()
    assert training.status == Training.Status.SUBMITTED


def test_a_draft_without_sessions_cannot_be_sent(unverified_school):
    from django.core.exceptions import ValidationError

    training = make_training(unverified_school, "draft")
    training.sessions.all().delete()
    with pytest.raises(ValidationError):
        training.submit(None)


def test_moderators_see_the_demand_summary_others_get_a_404(
    client, sysma_moderator_in_group, jobseeker
):
    from nelinvoimaa.models import Sector

    Demand.objects.create(user=jobseeker, sector=Sector.objects.get(slug="care"), what="x")
    client.force_login(jobseeker)
    assert client.get("/fi/trainings/wishes/summary/").status_code == 404
    client.force_login(sysma_moderator_in_group)
    assert client.get("/fi/trainings/wishes/summary/").status_code == 200


def test_a_moderator_opens_their_municipalitys_training_read_only(
    client, sysma_moderator_in_group, sysma_training
):
    client.force_login(sysma_moderator_in_group)
    response = client.get(f"/admin/trainings/training/{sysma_training.pk}/change/")
    assert response.status_code == 200
    assert "Sysmän kurssi" in response.content.decode()
    assert 'name="title"' not in response.content.decode()  # changed only through actions


def test_a_superuser_edits_sessions_in_the_admin_and_the_dates_follow(
    client, superuser, sysma_training
):
    from django.test import Client

    session = sysma_training.sessions.get()
    admin = Client()
    admin.force_login(superuser)
    page = admin.get(f"/admin/trainings/training/{sysma_training.pk}/change/")
    assert page.status_code == 200
    assert session.place in page.content.decode()


def test_a_moderator_reads_only_their_municipalitys_training_events(
    client, sysma_moderator_in_group, sysma_training, hartola_training
):
    assert sysma_training.events.exists() and hartola_training.events.exists()
    client.force_login(sysma_moderator_in_group)
    html = client.get("/admin/trainings/trainingevent/").content.decode()
    assert "Sysmän kurssi" in html and "Hartolan kurssi" not in html
    found = client.get("/admin/trainings/trainingevent/", {"q": "Sysmän"}).content.decode()
    assert "Sysmän kurssi" in found
    event = hartola_training.events.first()
    response = client.get(f"/admin/trainings/trainingevent/{event.pk}/change/", follow=True)
    assert "Hartolan kurssi" not in response.content.decode()


def test_training_event_times_are_local(sysma_training):
    from django.utils import timezone

    event = sysma_training.events.first()
    assert f"{timezone.localtime(event.created_at):%H:%M}" in str(event)


def test_staff_cannot_filter_the_demand_by_who_asked(client, sysma_moderator_in_group, jobseeker):
    """The demand is shown without who asked: filtering by a person's id would tell it."""
    from nelinvoimaa.models import Sector

    care = Sector.objects.get(slug="care")
    Demand.objects.create(user=jobseeker, sector=care, what="trukkikortti")
    client.force_login(sysma_moderator_in_group)
    listed = client.get("/admin/trainings/demand/")
    assert listed.status_code == 200 and "trukkikortti" in listed.content.decode()
    assert client.get(f"/admin/trainings/demand/?sector__id__exact={care.pk}").status_code == 200
    for lookup in ("user", "user__id__exact", "user__in", "employer", "employer__isnull"):
        response = client.get(f"/admin/trainings/demand/?{lookup}={jobseeker.pk}")
        assert response.status_code == 400, lookup  # Django's DisallowedModelAdminLookup


def test_the_demand_summary_asks_staff_for_two_factor_authentication(
    client, sysma_moderator_in_group, settings
):
    from tests.conftest import with_mfa

    settings.ADMIN_REQUIRE_MFA = True
    client.force_login(sysma_moderator_in_group)
    response = client.get("/fi/trainings/wishes/summary/")
    assert response.status_code == 302 and "/2fa/" in response["Location"]
    with_mfa(sysma_moderator_in_group)
    assert client.get("/fi/trainings/wishes/summary/").status_code == 200
