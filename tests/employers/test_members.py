import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from employers.models import Invitation, Membership
from tests.conftest import make_user


def invite(
    client, employer, django_capture_on_commit_callbacks, email="uusi@example.com", role="recruiter"
):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            f"/fi/employers/{employer.slug}/members/", {"email": email, "role": role}
        )


def test_an_owner_invites_a_colleague_who_accepts(
    client, employer, owner, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    response = invite(client, employer, django_capture_on_commit_callbacks, "Uusi@Example.com")
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["uusi@example.com"]
    assert "Päijänteen Rantalomat Oy" in mail.outbox[-1].subject
    link = re.search(re.escape(settings.SITE_URL) + r"(/\S+)", mail.outbox[-1].body).group(1)

    colleague = make_user("uusi@example.com")
    client.force_login(colleague)
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert Membership.objects.get(employer=employer, user=colleague).role == "recruiter"


def test_an_invitation_works_once_and_only_for_the_invited_address(client, employer, owner):
    invitation = Invitation.objects.create(
        employer=employer, email="kutsuttu@example.com", invited_by=owner
    )
    stranger = make_user("toinen@example.com")
    client.force_login(stranger)
    response = client.post(invitation.get_absolute_url())
    assert "kutsuttu@example.com" in response.content.decode()
    assert not Membership.objects.filter(user=stranger).exists()

    invited = make_user("kutsuttu@example.com")
    client.force_login(invited)
    client.post(invitation.get_absolute_url())
    assert Membership.objects.filter(user=invited, employer=employer).exists()
    Membership.objects.filter(user=invited).delete()  # removed later ...
    response = client.post(invitation.get_absolute_url())  # ... cannot come back with it
    assert "jo käytetty" in response.content.decode()
    assert not Membership.objects.filter(user=invited).exists()


def test_an_expired_invitation_is_refused(client, employer, owner):
    invitation = Invitation.objects.create(
        employer=employer, email="myoh@example.com", invited_by=owner
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=15)
    )
    client.force_login(make_user("myoh@example.com"))
    response = client.post(invitation.get_absolute_url())
    assert "vanhentunut" in response.content.decode()


def test_an_unknown_invitation_token_is_404(client, jobseeker):
    client.force_login(jobseeker)
    assert client.get("/fi/employers/invitations/not-a-token/").status_code == 404


def test_inviting_an_existing_member_is_refused(
    client, employer, owner, recruiter, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    response = invite(client, employer, django_capture_on_commit_callbacks, recruiter.email)
    assert response.status_code == 200
    assert "jo jäsen" in response.content.decode()
    assert mail.outbox == []


def test_a_recruiter_sees_members_but_cannot_invite_or_change_roles(
    client, employer, owner, recruiter, django_capture_on_commit_callbacks
):
    client.force_login(recruiter)
    assert client.get(f"/fi/employers/{employer.slug}/members/").status_code == 200
    response = invite(client, employer, django_capture_on_commit_callbacks)
    assert response.status_code == 404
    own = Membership.objects.get(user=owner)
    response = client.post(
        f"/fi/employers/{employer.slug}/members/{own.pk}/role/", {"role": "recruiter"}
    )
    assert response.status_code == 404
    response = client.post(f"/fi/employers/{employer.slug}/members/{own.pk}/remove/")
    assert response.status_code == 404
    assert Membership.objects.get(user=owner).role == "owner"


def test_the_last_owner_can_be_neither_demoted_nor_removed(client, employer, owner):
    client.force_login(owner)
    own = Membership.objects.get(user=owner)
    client.post(f"/fi/employers/{employer.slug}/members/{own.pk}/role/", {"role": "recruiter"})
    client.post(f"/fi/employers/{employer.slug}/members/{own.pk}/remove/")
    own.refresh_from_db()
    assert own.role == "owner"


def test_an_owner_promotes_a_recruiter_and_can_then_step_down(client, employer, owner, recruiter):
    client.force_login(owner)
    theirs = Membership.objects.get(user=recruiter)
    client.post(f"/fi/employers/{employer.slug}/members/{theirs.pk}/role/", {"role": "owner"})
    own = Membership.objects.get(user=owner)
    client.post(f"/fi/employers/{employer.slug}/members/{own.pk}/remove/")
    assert not Membership.objects.filter(user=owner).exists()
    assert Membership.objects.get(user=recruiter).role == "owner"


def test_a_recruiter_can_leave(client, employer, recruiter):
    client.force_login(recruiter)
    theirs = Membership.objects.get(user=recruiter)
    response = client.post(f"/fi/employers/{employer.slug}/members/{theirs.pk}/remove/")
    assert response["Location"] == "/fi/dashboard/"
    assert not Membership.objects.filter(user=recruiter).exists()


@pytest.mark.parametrize("path", ["members/", "edit/", "jobs/new/"])
def test_outsiders_get_404_on_employer_tools(client, employer, other_owner, jobseeker, path):
    for user in (other_owner, jobseeker):
        client.force_login(user)
        assert client.get(f"/fi/employers/{employer.slug}/{path}").status_code == 404


def test_a_member_of_another_employer_cannot_touch_its_memberships(
    client, employer, other_owner, recruiter
):
    client.force_login(other_owner)
    theirs = Membership.objects.get(user=recruiter)
    other = other_owner.memberships.get().employer
    # Through their own employer's URL, with a membership id of another employer.
    response = client.post(f"/fi/employers/{other.slug}/members/{theirs.pk}/remove/")
    assert response.status_code == 404
    assert Membership.objects.filter(pk=theirs.pk).exists()
