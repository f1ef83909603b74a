"""Successor listings moderated like jobs, with contact through the portal; mentoring offers
and requests that staff pair."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from entrepreneurship.models import (
    ContactMessage,
    MentoringEntry,
    MentoringPair,
    SuccessorListing,
)
from nelinvoimaa.models import Municipality
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

LISTING = {
    "title": "Kyläkauppa etsii jatkajaa",
    "trade": "vähittäiskauppa",
    "size": "small",
    "timetable": "vuoden 2027 aikana",
    "description": "Hyvin toimiva kyläkauppa.",
    "for_sale": "Liiketoiminta ja kalusto.",
}


@pytest.fixture
def seller(db):
    return make_user("myyja@example.com", full_name="Maija Myyjä")


def make_listing(seller, status="published", code="781"):
    return SuccessorListing.objects.create(
        owner=seller,
        municipality=Municipality.objects.get(code=code),
        status=status,
        **{k: v for k, v in LISTING.items()},
    )


def test_an_owner_submits_a_listing_for_review(client, seller):
    client.force_login(seller)
    data = LISTING | {"municipality": Municipality.objects.get(code="781").pk}
    response = client.post(reverse("entrepreneurship:create_listing"), data)
    listing = SuccessorListing.objects.get()
    assert response["Location"] == listing.get_absolute_url()
    assert listing.status == SuccessorListing.Status.SUBMITTED and listing.owner == seller
    assert "Kyläkauppa" not in client.get(reverse("entrepreneurship:index")).content.decode()


def test_a_wrong_listing_form_is_explained_and_kept(client, seller):
    client.force_login(seller)
    response = client.post(reverse("entrepreneurship:create_listing"), {"title": "Oma kauppa"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html and 'value="Oma kauppa"' in html
    assert not SuccessorListing.objects.exists()


@override_settings(ADMIN_REQUIRE_MFA=False)
def test_a_moderator_approves_their_municipalitys_listing_only(
    client, seller, sysma_moderator_in_group, hartola_moderator_in_group
):
    listing = make_listing(seller, "submitted")
    url = reverse("admin:entrepreneurship_successorlisting_changelist")
    client.force_login(hartola_moderator_in_group)
    client.post(url, {"action": "approve", "_selected_action": [listing.pk]})
    listing.refresh_from_db()
    assert listing.status == SuccessorListing.Status.SUBMITTED
    client.force_login(sysma_moderator_in_group)
    client.post(url, {"action": "approve", "_selected_action": [listing.pk]})
    listing.refresh_from_db()
    assert listing.status == SuccessorListing.Status.PUBLISHED
    assert listing.reviewed_by == sysma_moderator_in_group


@override_settings(ADMIN_REQUIRE_MFA=False)
def test_a_rejection_needs_a_reason_that_the_owner_sees(client, seller, sysma_moderator_in_group):
    listing = make_listing(seller, "submitted")
    url = reverse("admin:entrepreneurship_successorlisting_changelist")
    client.force_login(sysma_moderator_in_group)
    page = client.post(url, {"action": "reject", "_selected_action": [listing.pk]})
    assert '<ol class="breadcrumbs">' in page.content.decode()
    client.post(
        url,
        {
            "action": "reject",
            "_selected_action": [listing.pk],
            "apply": "1",
            "reason": "Lisää hinta.",
        },
    )
    listing.refresh_from_db()
    assert listing.status == SuccessorListing.Status.REJECTED
    client.force_login(seller)
    assert "Lisää hinta." in client.get(listing.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 404),
        ("jobseeker", 404),
        ("owner", 404),
        ("hartola_moderator", 404),
        ("seller", 200),
    ],
)
def test_an_unpublished_listing_is_its_owners_only(client, seller, persona, status, request):
    listing = make_listing(seller, "submitted")
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    assert client.get(listing.get_absolute_url()).status_code == status


def test_interested_people_write_to_the_owner_through_the_portal(
    client, seller, jobseeker, django_capture_on_commit_callbacks, django_assert_num_queries
):
    listing = make_listing(seller)
    client.force_login(jobseeker)
    with django_assert_num_queries(5):
        html = client.get(listing.get_absolute_url()).content.decode()
    assert seller.email not in html
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(listing.get_absolute_url(), {"message": "Olen kiinnostunut."})
        client.post(listing.get_absolute_url(), {"message": "Uudestaan."})  # once only
    assert ContactMessage.objects.count() == 1
    assert [m.to for m in mail.outbox] == [[seller.email]]
    assert jobseeker.email in mail.outbox[0].body and "Olen kiinnostunut." in mail.outbox[0].body


def test_anonymous_visitors_are_asked_to_sign_in_to_write(client, seller):
    listing = make_listing(seller)
    html = client.get(listing.get_absolute_url()).content.decode()
    assert "/accounts/login/" in html
    assert client.post(listing.get_absolute_url(), {"message": "x"}).status_code == 404
    assert not ContactMessage.objects.exists()


def test_only_the_owner_closes_a_listing(client, seller, jobseeker):
    listing = make_listing(seller)
    url = reverse("entrepreneurship:close_listing", args=[listing.pk])
    client.force_login(jobseeker)
    assert client.post(url).status_code == 404
    client.force_login(seller)
    client.post(url)
    listing.refresh_from_db()
    assert listing.status == SuccessorListing.Status.CLOSED
    assert client.post(url).status_code == 302  # again: no error


def test_mentoring_offers_and_requests_and_staff_pair_them(
    client, seller, jobseeker, sysma_moderator_in_group, hartola_moderator_in_group
):
    sysma = Municipality.objects.get(code="781")
    for person, kind in [(seller, "offer"), (jobseeker, "request")]:
        client.force_login(person)
        response = client.post(
            reverse("entrepreneurship:mentoring"),
            {"kind": kind, "municipality": sysma.pk, "topics": "Kirjanpito", "availability": "1 h"},
        )
        assert response.status_code == 302
    offer, request_ = (
        MentoringEntry.objects.get(kind="offer"),
        MentoringEntry.objects.get(kind="request"),
    )
    with override_settings(ADMIN_REQUIRE_MFA=False):
        client.force_login(hartola_moderator_in_group)
        add = reverse("admin:entrepreneurship_mentoringpair_add")
        data = {"mentor": offer.pk, "mentee": request_.pk, "status": "active", "notes": ""}
        response = client.post(add, data)
        assert response.status_code == 200  # not their municipality: not a valid choice
        assert not MentoringPair.objects.exists()
        client.force_login(sysma_moderator_in_group)
        assert client.post(add, data).status_code == 302
    pair = MentoringPair.objects.get()
    assert pair.paired_by == sysma_moderator_in_group
    assert not MentoringEntry.objects.filter(is_active=True).exists()


@pytest.mark.parametrize("path", ["create_listing", "mentoring"])
def test_the_forms_need_sign_in(client, path):
    response = client.get(reverse(f"entrepreneurship:{path}"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_index_lists_published_listings(client, seller, django_assert_num_queries):
    make_listing(seller)
    make_listing(seller, "submitted")
    with django_assert_num_queries(2):
        html = client.get(reverse("entrepreneurship:index")).content.decode()
    assert html.count("Kyläkauppa etsii jatkajaa") == 1
