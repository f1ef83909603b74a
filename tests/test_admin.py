import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time as counters
from django.test import override_settings

from tests.conftest import PASSWORD, make_user


def current_code(secret):
    return format_hotp_value(hotp_value(secret, next(iter(counters()))))


def sign_in(client, email):
    return client.post("/fi/accounts/login/", {"login": email, "password": PASSWORD})


def test_admin_login_goes_through_allauth(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/accounts/login/?next=")
    assert "%2Fadmin%2F" in response["Location"]


def test_admin_index_sends_visitors_to_sign_in(client, db):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/fi/accounts/login/")


def test_a_jobseeker_cannot_open_the_admin(client, jobseeker):
    client.force_login(jobseeker)
    assert client.get("/admin/login/").status_code == 403
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/nelinvoimaa/page/").status_code == 302


@override_settings(ADMIN_REQUIRE_MFA=True)
def test_staff_without_two_factor_are_sent_to_set_it_up(client, sysma_moderator):
    client.force_login(sysma_moderator)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/accounts/2fa/totp/activate/"
    # Every admin view, not just the index.
    assert client.get("/admin/nelinvoimaa/page/").status_code == 302


@override_settings(ADMIN_REQUIRE_MFA=False)
def test_the_demo_setting_relaxes_two_factor(client, sysma_moderator):
    client.force_login(sysma_moderator)
    assert client.get("/admin/").status_code == 200


@override_settings(ADMIN_REQUIRE_MFA=True)
def test_staff_set_up_totp_and_then_reach_the_admin(client, sysma_moderator):
    sign_in(client, sysma_moderator.email)
    response = client.get("/fi/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/fi/accounts/reauthenticate/")  # password again
    client.post(response["Location"], {"password": PASSWORD})
    response = client.get("/fi/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post("/fi/accounts/2fa/totp/activate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@override_settings(ADMIN_REQUIRE_MFA=True)
def test_signing_in_with_totp_asks_for_the_code(client, db):
    staff = make_user("staff@example.com", is_staff=True)
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    TOTP.activate(staff, secret)
    response = sign_in(client, staff.email)
    assert response["Location"] == "/fi/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    response = client.post("/fi/accounts/2fa/authenticate/", {"code": "000000"})
    assert "_auth_user_id" not in client.session
    client.post("/fi/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert client.session["_auth_user_id"] == str(staff.pk)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("path", ["/admin/", "/fi/", "/fi/accounts/login/"])
def test_pages_carry_a_strict_content_security_policy(client, superuser, path):
    client.force_login(superuser)
    with override_settings(ADMIN_REQUIRE_MFA=False):
        response = client.get(path)
    policy = response.headers["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert script_src.split()[1:2] == ["'self'"]  # plus a nonce where the page has scripts
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy


@override_settings(ADMIN_REQUIRE_MFA=False)
def test_admin_scripts_carry_the_nonce(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/nelinvoimaa/page/1/change/")
    html = response.content.decode()
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert "<script" in html
    for tag in html.split("<script")[1:]:
        assert (
            f'nonce="{nonce}"' in tag.split(">")[0]
            or 'type="application/json"' in tag.split(">")[0]
        ), tag[:200]


@override_settings(ADMIN_REQUIRE_MFA=False)
def test_the_admin_speaks_the_staff_members_language_not_the_browsers(client, superuser):
    client.force_login(superuser)
    html = client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert '<html lang="fi"' in html
    superuser.language = "sv"
    superuser.save()
    html = client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert '<html lang="sv"' in html


def test_view_on_site_answers_only_for_what_the_staff_member_may_see(
    client, sysma_moderator_in_group, superuser, other_owner, employer, settings
):
    """Another municipality's unpublished job is a 404 through /admin/r/, not a redirect to
    an address that carries its title."""
    from django.contrib.contenttypes.models import ContentType

    from employers.models import Employer
    from jobs.models import Job
    from tests.conftest import make_job

    settings.ADMIN_REQUIRE_MFA = False
    content_type = ContentType.objects.get_for_model(Job).pk
    hartola = Employer.objects.get(memberships__user=other_owner)
    theirs = make_job(hartola, status="submitted", title="Salainen otsikko")
    ours = make_job(employer, status="submitted", title="Oma")
    client.force_login(sysma_moderator_in_group)
    assert client.get(f"/admin/r/{content_type}/{theirs.pk}/").status_code == 404
    assert client.get(f"/admin/r/{content_type}/{ours.pk}/")["Location"].endswith(
        ours.get_absolute_url()
    )
    for bad in ["x", "1" * 40, "²"]:
        assert client.get(f"/admin/r/{content_type}/{bad}/").status_code == 404
        assert client.get(f"/admin/r/{bad}/{ours.pk}/").status_code == 404
    client.force_login(superuser)
    assert client.get(f"/admin/r/{content_type}/{theirs.pk}/").status_code == 302
