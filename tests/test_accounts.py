import re
from urllib.parse import urlencode

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import identify_hasher
from django.core import mail
from django.test import override_settings

from nelinvoimaa.models import User
from tests.conftest import PASSWORD, make_user

NEW_PASSWORD = "lakeside-sauna-2027"
PRODUCTION_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]


def sign_up(client, django_capture_on_commit_callbacks, language="fi", **data):
    form = {
        "email": "uusi@example.com",
        "full_name": "Uusi Käyttäjä",
        "password1": PASSWORD,
        "password2": PASSWORD,
    } | data
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(f"/{language}/accounts/signup/", form)


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def sign_in(client, email, password=PASSWORD, language="fi"):
    return client.post(f"/{language}/accounts/login/", {"login": email, "password": password})


def test_sign_up_sends_a_verification_email_in_the_users_language(
    client, db, django_capture_on_commit_callbacks, settings
):
    settings.PASSWORD_HASHERS = PRODUCTION_HASHERS
    response = sign_up(client, django_capture_on_commit_callbacks, language="sv")
    assert response.status_code == 302
    user = User.objects.get(email="uusi@example.com")
    assert user.full_name == "Uusi Käyttäjä"
    assert user.language == "sv"
    assert user.password.startswith("argon2")
    assert identify_hasher(user.password).algorithm == "argon2"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["uusi@example.com"]
    assert "bekräfta" in mail.outbox[0].subject
    assert "Hej från Nelinvoimaa!" in mail.outbox[0].body


def test_no_email_is_sent_until_the_transaction_commits(client, db):
    # Without running on-commit callbacks, nothing has gone out yet.
    client.post(
        "/fi/accounts/signup/",
        {"email": "odottaa@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert User.objects.filter(email="odottaa@example.com").exists()
    assert mail.outbox == []


def test_a_user_cannot_sign_in_before_verifying_and_can_after(
    client, db, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_in(client, "uusi@example.com")
    assert response["Location"] == "/fi/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

    confirm_url = link_in(mail.outbox[-1])
    assert client.get(confirm_url).status_code == 200
    response = client.post(confirm_url)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="uusi@example.com").verified
    assert client.session["_auth_user_id"] == str(User.objects.get(email="uusi@example.com").pk)


def test_sign_in_and_sign_out(client, jobseeker):
    response = sign_in(client, "JONNA@example.com")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(jobseeker.pk)
    assert client.get("/fi/accounts/logout/").status_code == 200  # asks, does not sign out on GET
    assert "_auth_user_id" in client.session
    client.post("/fi/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_is_told_in_the_users_language_and_keeps_the_email(client, jobseeker):
    response = sign_in(client, "jonna@example.com", "wrong-password", language="sv")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="jonna@example.com"' in html
    assert "Kontrollera följande" in html  # the error summary
    assert "inte korrekta" in html or "felaktig" in html.lower()


def test_sign_up_errors_keep_what_was_typed(client, db, django_capture_on_commit_callbacks):
    response = sign_up(
        client, django_capture_on_commit_callbacks, password2="something-else-entirely"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="uusi@example.com"' in html
    assert 'value="Uusi Käyttäjä"' in html
    assert 'aria-invalid="true"' in html
    assert "Tarkista seuraavat kohdat" in html
    assert not User.objects.filter(email="uusi@example.com").exists()


def test_an_email_address_is_registered_once_whatever_its_case(
    client, jobseeker, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks, email="Jonna@Example.com")
    assert User.objects.filter(email__iexact="jonna@example.com").count() == 1


def test_password_reset_by_email(client, jobseeker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fi/accounts/password/reset/", {"email": "jonna@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    response = client.get(link_in(mail.outbox[0]), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else None
    assert form_url, "the reset link leads to the form"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    jobseeker.refresh_from_db()
    assert jobseeker.check_password(NEW_PASSWORD)


def test_password_reset_does_not_reveal_unknown_addresses(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fi/accounts/password/reset/", {"email": "ei-ole@example.com"})
    assert response.status_code == 302  # same answer as for a known address


def test_change_password(client, jobseeker):
    sign_in(client, "jonna@example.com")
    response = client.post(
        "/fi/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    jobseeker.refresh_from_db()
    assert jobseeker.check_password(NEW_PASSWORD)


@override_settings(ACCOUNT_RATE_LIMITS={"signup": "2/m/ip"})
def test_rate_limited_requests_get_the_429_page(client, db, django_capture_on_commit_callbacks):
    for n in range(2):
        sign_up(
            client,
            django_capture_on_commit_callbacks,
            email=f"r{n}@example.com",
            password2="mismatch-mismatch",
        )
    response = sign_up(client, django_capture_on_commit_callbacks, email="r3@example.com")
    assert response.status_code == 429
    assert "Liian monta yritystä" in response.content.decode()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("path", ["login/", "signup/", "password/reset/"])
def test_account_pages_are_in_the_sites_look_and_language(client, db, language, path):
    html = client.get(f"/{language}/accounts/{path}").content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert html.count("<h1") == 1


def test_unverified_users_made_by_helpers_cannot_sign_in(client, db):
    make_user("unverified@example.com", verified=False)
    response = sign_in(client, "unverified@example.com")
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302


def test_a_user_edits_name_phone_and_the_language_of_e_mails(client, jobseeker):
    client.force_login(jobseeker)
    assert client.get("/fi/dashboard/profile/").status_code == 200
    response = client.post(
        "/fi/dashboard/profile/",
        {"full_name": "Jonna Uusi", "phone": "040 765 4321", "language": "sv"},
    )
    assert response.status_code == 302
    jobseeker.refresh_from_db()
    assert (jobseeker.full_name, jobseeker.phone, jobseeker.language) == (
        "Jonna Uusi",
        "040 765 4321",
        "sv",
    )
    response = client.post("/fi/dashboard/profile/", {"full_name": "x", "language": "de"})
    assert response.status_code == 400 and 'value="x"' in response.content.decode()


def test_the_profile_needs_sign_in(client, db):
    assert client.get("/fi/dashboard/profile/")["Location"].startswith("/fi/accounts/login/")


def signed_up_from(client, django_capture_on_commit_callbacks, next_url):
    sign_up(client, django_capture_on_commit_callbacks, next=next_url)
    return link_in(mail.outbox[-1])


def test_signing_up_from_a_job_comes_back_to_it_in_the_same_browser(
    client, db, employer, django_capture_on_commit_callbacks
):
    from tests.conftest import make_job

    job = make_job(employer, status="published", title="Kokki")
    link = signed_up_from(client, django_capture_on_commit_callbacks, job.get_absolute_url())
    assert client.post(link)["Location"] == job.get_absolute_url()
    assert "_auth_user_id" in client.session


def test_the_confirmation_link_opened_in_another_browser_leads_to_the_job_after_sign_in(
    client, db, employer, django_capture_on_commit_callbacks
):
    from django.test import Client

    from tests.conftest import make_job

    job = make_job(employer, status="published", title="Kokki")
    apply = f"/fi/jobs/{job.pk}/apply/"
    link = signed_up_from(client, django_capture_on_commit_callbacks, apply)
    assert "next=%2Ffi%2Fjobs%2F" in link

    phone = Client()
    page = phone.get(link).content.decode()
    action = re.search(r'<form[^>]*action="([^"]+)"', page).group(1)
    hidden = re.search(r'name="next" value="([^"]+)"', page).group(1)
    assert hidden == apply
    response = phone.post(action, {"next": hidden})
    assert EmailAddress.objects.get(email="uusi@example.com").verified
    assert "_auth_user_id" not in phone.session
    sign_in_page = response["Location"]
    assert sign_in_page == f"/fi/accounts/login/?next=%2Ffi%2Fjobs%2F{job.pk}%2Fapply%2F"
    assert "Kokki" in phone.get(sign_in_page).content.decode()
    response = phone.post(sign_in_page, {"login": "uusi@example.com", "password": PASSWORD})
    assert response["Location"] == apply


@pytest.mark.parametrize(
    "hostile", ["https://evil.example.com/", "//evil.example.com/", "javascript:alert(1)"]
)
def test_a_hostile_next_never_reaches_the_link_or_the_redirect(
    client, db, django_capture_on_commit_callbacks, hostile
):
    from django.test import Client

    link = signed_up_from(client, django_capture_on_commit_callbacks, hostile)
    assert "next" not in link
    # Nor when someone writes it into the link by hand and opens it in another browser.
    forged = f"{link}?{urlencode({'next': hostile})}"
    response = Client().post(forged, {"next": hostile})
    assert response["Location"] == "/fi/accounts/login/"


LONG_ADDRESS = "a" * 300 + "@example.com"  # within the form field's 320, beyond the 254 kept


def test_a_too_long_address_is_refused_with_a_message_not_cut(
    client, db, django_capture_on_commit_callbacks
):
    response = sign_up(client, django_capture_on_commit_callbacks, email=LONG_ADDRESS)
    assert response.status_code == 200
    html = response.content.decode()
    assert "enintään 254 merkkiä" in html
    assert "Uusi Käyttäjä" in html  # what was typed stays in the form
    assert not User.objects.exists() and not EmailAddress.objects.exists()
    assert not mail.outbox


def test_a_too_long_address_cannot_be_added_to_an_account(client, db):
    user = make_user("vanha@example.com")
    client.force_login(user)
    response = client.post(
        "/sv/accounts/email/", {"action_add": "", "email": LONG_ADDRESS}, follow=True
    )
    assert response.status_code == 200
    assert "högst 254 tecken" in response.content.decode()
    assert not EmailAddress.objects.filter(email__startswith="aaaa").exists()
