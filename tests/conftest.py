"""Personas, small factories, and the browser fixtures shared by all tests."""

import importlib
import os
import shutil

import pytest
from django.db import connection

from applications.factories import PDF, make_application  # noqa: F401 - used by the tests
from employers.factories import make_employer, next_business_id  # noqa: F401
from jobs.factories import make_job  # noqa: F401
from nelinvoimaa import factories

# Playwright's sync API runs an event loop in the test thread; the live server's database
# setup would otherwise refuse to run there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct-horse-battery-staple"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def make_user(email, *, password=PASSWORD, verified=True, **fields):
    return factories.make_user(email, password, verified=verified, **fields)


def make_staff(email, *codes, **fields):
    return factories.make_staff(email, PASSWORD, *codes, **fields)


@pytest.fixture
def jobseeker(db):
    return make_user("jonna@example.com", full_name="Jonna Työnhakija")


@pytest.fixture
def sysma_moderator(db):
    return make_staff("sanna@sysma.example.com", "781", full_name="Sanna Sysmäläinen")


@pytest.fixture
def hartola_moderator(db):
    return make_staff("heikki@hartola.example.com", "081", full_name="Heikki Hartolalainen")


@pytest.fixture
def superuser(db):
    return make_user("admin@example.com", is_staff=True, is_superuser=True)


def pytest_collection_modifyitems(config, items):
    on_postgresql = connection.vendor == "postgresql"
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://...")
    for item in items:
        if "postgresql" in item.keywords and not on_postgresql:
            item.add_marker(skip)


def chromium_path():
    return os.environ.get("CHROMIUM_PATH") or next(
        (
            path
            for name in ("chromium", "chromium-browser", "google-chrome")
            if (path := shutil.which(name))
        ),
        None,
    )


@pytest.fixture(scope="session")
def browser_type_launch_args():
    path = chromium_path()
    if not path:
        pytest.skip("Chromium not found (install chromium or set CHROMIUM_PATH)")
    return {"executable_path": path, "args": CHROMIUM_ARGS}


@pytest.fixture
def csp_violations(page):
    """Messages of Content Security Policy violations the page reports in its console."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return violations


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that are not about hashing use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _finnish():
    """Each test starts in Finnish: a request in another language leaves it active in the
    thread, and URLs reversed afterwards would carry its prefix."""
    from django.utils import translation

    translation.activate("fi")
    yield
    translation.activate("fi")


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """CVs written by any test go to a temporary folder, never the project's."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _connections_closed():
    """Each test's database connections go back to the pool when it ends. Playwright's start
    switches the thread's context variables, and with them Django's connections: one left
    open across the switch would stay open for good, and PostgreSQL would refuse to drop the
    test database at the end ("accessed by other users")."""
    yield
    from django.db import connections

    connections.close_all()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits, cooldowns and cached pages live in caches; each test starts with none.

    So does ContentType's per-process cache: a query count pinned by one test must not depend
    on which test ran before it and filled that cache."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches

    for alias in ("default", "pages"):
        caches[alias].clear()
    ContentType.objects.clear_cache()


# The data migrations whose rows transactional tests need back after a flush.
DATA_MIGRATIONS = [
    "nelinvoimaa.migrations.0002_seed_municipalities_and_sectors",
    "nelinvoimaa.migrations.0003_seed_site_pages",
]


@pytest.fixture
def seeded_transactional_db(transactional_db):
    """A transactional database with the rows the data migrations seed (they are idempotent)."""
    from django.apps import apps

    for module in DATA_MIGRATIONS:
        importlib.import_module(module).seed(apps, None)


@pytest.fixture
def owner(db):
    return make_user("omistaja@rantalomat.example.com", full_name="Olli Omistaja")


@pytest.fixture
def employer(owner):
    """Päijänteen Rantalomat in Sysmä, not verified; `owner` owns it."""
    return make_employer("Päijänteen Rantalomat Oy", owner, "781")


@pytest.fixture
def recruiter(employer):
    from employers.factories import add_member

    user = make_user("rekry@rantalomat.example.com", full_name="Riikka Rekrytoija")
    add_member(employer, user)
    return user


@pytest.fixture
def other_owner(db):
    """Owner of another employer, in Hartola."""
    user = make_user("omistaja@hoivakoti.example.com")
    make_employer("Hoivakoti Kotirinne", user, "081")
    return user


@pytest.fixture
def staff_group(db):
    from django.contrib.auth.models import Group

    from nelinvoimaa.staff import STAFF_GROUP

    return Group.objects.get(name=STAFF_GROUP)


@pytest.fixture
def sysma_moderator_in_group(sysma_moderator, staff_group):
    sysma_moderator.groups.add(staff_group)
    return sysma_moderator


@pytest.fixture
def hartola_moderator_in_group(hartola_moderator, staff_group):
    hartola_moderator.groups.add(staff_group)
    return hartola_moderator


def browser_sign_in(page, live_server, email):
    """Sign in through the Finnish sign-in form and wait until signed in."""
    from playwright.sync_api import expect

    page.goto(f"{live_server.url}/fi/accounts/login/")
    page.get_by_label("Sähköposti").fill(email)
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    expect(page.get_by_role("button", name="Kirjaudu ulos")).to_be_visible()


def with_mfa(user):
    """`user` with an authenticator app set up (two-factor authentication enabled)."""
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return user
