"""Verified employers find opted-in anonymous cards and ask to contact; the person decides."""

from datetime import date

import pytest
from django.core import mail

from jobseekers.models import (
    CONTACT_REQUESTS_PER_DAY,
    ContactBlock,
    ContactRequest,
    PresencePeriod,
    Profile,
)
from nelinvoimaa.models import Municipality, Sector
from tests.conftest import make_employer, make_user


@pytest.fixture
def verified(owner):
    return make_employer("Sysmän Matkailu Oy", owner, "781", verified=True)


@pytest.fixture
def card(jobseeker):
    profile = Profile.objects.create(
        user=jobseeker,
        occupations="kokki",
        phone="040 999 8888",
        months=1 << 6,
        visible_to_employers=True,
        introduction="Soita numeroon 040 999 8888",
    )
    profile.sectors.add(Sector.objects.get(slug="tourism"))
    PresencePeriod.objects.create(
        profile=profile,
        municipality=Municipality.objects.get(code="781"),
        starts=date(2027, 6, 15),
        ends=date(2027, 8, 10),
    )
    return profile


def url(employer, rest=""):
    return f"/fi/find-jobseekers/{employer.slug}/{rest}"


def test_a_verified_employer_finds_an_anonymous_card(client, owner, verified, card, jobseeker):
    hidden = Profile.objects.create(user=make_user("piilo@example.com"), occupations="piilossa")
    client.force_login(owner)
    sysma = Municipality.objects.get(code="781").pk
    html = client.get(url(verified) + f"?municipality={sysma}&month=7&present=7").content.decode()
    assert f"Työnhakija {card.pk}: kokki" in html
    assert hidden.occupations not in html
    assert jobseeker.email not in html and "Jonna" not in html and "040 999" not in html
    assert (
        "Työnhakija" not in client.get(url(verified) + "?month=1").content.decode().split("<h2")[1]
    )


def test_the_person_accepts_and_then_the_employer_sees_the_contact_details(
    client, owner, verified, card, jobseeker, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(verified, f"{card.pk}/contact/"), {"message": "Kesäksi kokiksi?"})
    contact = ContactRequest.objects.get()
    assert mail.outbox[-1].to == [jobseeker.email]
    assert "Sysmän Matkailu Oy" in mail.outbox[-1].subject
    assert jobseeker.email not in client.get(url(verified)).content.decode()

    client.force_login(jobseeker)
    assert "Kesäksi kokiksi?" in client.get("/fi/contact-requests/").content.decode()
    assert "1 yhteydenottopyyntö odottaa" in client.get("/fi/dashboard/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fi/contact-requests/{contact.pk}/answer/", {"answer": "accept"})
    contact.refresh_from_db()
    assert contact.status == "accepted"
    assert mail.outbox[-1].to == [owner.email]
    client.post(f"/fi/contact-requests/{contact.pk}/answer/", {"answer": "decline"})
    contact.refresh_from_db()
    assert contact.status == "accepted"  # answered once

    client.force_login(owner)
    html = client.get(url(verified)).content.decode()
    assert jobseeker.email in html and "040 999 8888" in html


def test_a_declined_request_shows_no_details_and_cannot_be_sent_again(
    client, owner, verified, card, jobseeker
):
    client.force_login(owner)
    client.post(url(verified, f"{card.pk}/contact/"), {"message": "Hei"})
    client.post(url(verified, f"{card.pk}/contact/"), {"message": "Hei taas"})
    assert ContactRequest.objects.count() == 1
    contact = ContactRequest.objects.get()
    client.force_login(jobseeker)
    client.post(f"/fi/contact-requests/{contact.pk}/answer/", {"answer": "decline"})
    client.force_login(owner)
    assert jobseeker.email not in client.get(url(verified)).content.decode()


def test_requests_are_limited_per_employer_per_day(client, owner, verified):
    client.force_login(owner)
    for n in range(CONTACT_REQUESTS_PER_DAY + 2):
        person = make_user(f"h{n}@example.com")
        card = Profile.objects.create(user=person, visible_to_employers=True)
        client.post(url(verified, f"{card.pk}/contact/"), {"message": "Hei"})
    assert ContactRequest.objects.count() == CONTACT_REQUESTS_PER_DAY


def test_unverified_blocked_and_outside_employers_cannot_search_or_ask(
    client, owner, employer, verified, card, other_owner, staff_group
):
    client.force_login(owner)  # owns the unverified `employer` too
    assert client.get(url(employer)).status_code == 403
    assert client.post(url(employer, f"{card.pk}/contact/"), {"message": "x"}).status_code == 404
    ContactBlock.objects.create(employer=verified, reason="Roskapostia")
    assert client.get(url(verified)).status_code == 403
    assert client.post(url(verified, f"{card.pk}/contact/"), {"message": "x"}).status_code == 404
    client.force_login(other_owner)
    assert client.get(url(verified)).status_code == 404
    assert not ContactRequest.objects.exists()


def test_a_hidden_profile_cannot_be_asked(client, owner, verified, card):
    card.visible_to_employers = False
    card.save()
    client.force_login(owner)
    assert client.post(url(verified, f"{card.pk}/contact/"), {"message": "x"}).status_code == 404


def test_another_persons_request_cannot_be_answered(client, owner, verified, card):
    contact = ContactRequest.objects.create(
        employer=verified, sent_by=owner, profile=card, message="Hei"
    )
    client.force_login(make_user("muu@example.com"))
    assert "Hei" not in client.get("/fi/contact-requests/").content.decode()
    response = client.post(f"/fi/contact-requests/{contact.pk}/answer/", {"answer": "accept"})
    assert response.status_code == 404
    contact.refresh_from_db()
    assert contact.status == "pending"


@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("/fi/contact-requests/", "get"),
        ("/fi/contact-requests/1/answer/", "post"),
        ("/fi/find-jobseekers/x/", "get"),
        ("/fi/find-jobseekers/x/1/contact/", "post"),
    ],
)
def test_visitors_are_sent_to_sign_in(client, db, path, method):
    response = getattr(client, method)(path)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_staff_see_requests_in_the_admin(client, owner, verified, card, superuser):
    ContactRequest.objects.create(employer=verified, sent_by=owner, profile=card, message="Hei")
    client.force_login(superuser)
    response = client.get("/admin/jobseekers/contactrequest/")
    assert response.status_code in {200, 302}  # 302: two-factor setup first, where required


def test_the_card_search_runs_a_fixed_number_of_queries(
    client, owner, verified, django_assert_num_queries
):
    for n in range(6):
        profile = Profile.objects.create(
            user=make_user(f"k{n}@example.com"), visible_to_employers=True
        )
        profile.sectors.add(Sector.objects.get(slug="tourism"))
    client.force_login(owner)
    # session, user, membership, block, the cards' ids, the cards, their sectors,
    # municipalities and presence, requests asked, sent today, sent, sectors and
    # municipalities of the form, the menu's employer tools, footer
    with django_assert_num_queries(15):
        assert client.get(url(verified)).status_code == 200
