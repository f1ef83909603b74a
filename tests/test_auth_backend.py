"""Each signed-in request reads its user with a query compiled once (nelinvoimaa/auth.py):
signing in, out, deactivation and a changed password work as Django's own backend does."""

from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.test import Client

from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def signed_in(email="hakija@example.com"):
    user = make_user(email, full_name="Hanna Hakija")
    client = Client()
    response = client.post("/fi/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302
    return user, client


def dashboard(client):
    return client.get("/fi/dashboard/")


def test_a_person_signs_in_and_is_known_on_each_request():
    user, client = signed_in()
    assert client.session[BACKEND_SESSION_KEY] == "nelinvoimaa.auth.AuthenticationBackend"
    response = dashboard(client)
    assert response.status_code == 200 and response.context["user"] == user
    assert response.context["user"].full_name == "Hanna Hakija"


def test_a_deactivated_account_is_signed_out_at_its_next_request():
    user, client = signed_in()
    user.is_active = False
    user.save()
    assert dashboard(client).status_code == 302


def test_a_password_changed_elsewhere_ends_the_session():
    user, client = signed_in()
    user.set_password("another-long-password-1")
    user.save()
    assert dashboard(client).status_code == 302


@pytest.mark.parametrize(
    "backend",
    [
        "django.contrib.auth.backends.ModelBackend",
        "allauth.account.auth_backends.AuthenticationBackend",
    ],
)
def test_sessions_signed_in_before_through_the_earlier_backends_stay_valid(backend):
    user = make_user("aiempi@example.com")
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = backend
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    response = dashboard(client)
    assert response.status_code == 200 and response.context["user"] == user
