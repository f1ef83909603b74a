"""Sessions in Redis, written through to the database: a signed-in page reads its session and
the public pages' generation in one round trip, and a session Redis has lost still signs in."""

import pytest
from django.core.cache import caches

from nelinvoimaa.redis_cache import SharedClient
from tests.conftest import make_job, make_user
from tests.test_redis_cache import redis_running

pytestmark = pytest.mark.skipif(not redis_running(), reason="needs Redis on 127.0.0.1:6379")


@pytest.fixture
def redis_sessions(settings):
    settings.CACHES = settings.CACHES | {
        "default": {
            "BACKEND": "nelinvoimaa.redis_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
        }
    }
    settings.SESSION_ENGINE = "nelinvoimaa.sessions"
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def reads(monkeypatch):
    """The keys of each read from Redis, one list per round trip."""
    made = []
    for name in ("get", "get_many"):
        original = getattr(SharedClient, name)

        def recorded(self, keys, *args, _original=original, **kwargs):
            made.append([keys] if isinstance(keys, str) else list(keys))
            return _original(self, keys, *args, **kwargs)

        monkeypatch.setattr(SharedClient, name, recorded)
    return made


def session_reads(reads):
    return [keys for keys in reads if any("sessions" in key for key in keys)]


@pytest.mark.django_db
def test_a_signed_in_page_reads_its_session_and_the_generation_in_one_round_trip(
    client, employer, redis_sessions, reads
):
    job = make_job(employer, status="published")
    client.force_login(make_user("hakija@example.com"))
    client.get(job.get_absolute_url())  # the page's shared render is made
    reads.clear()
    response = client.get(job.get_absolute_url())
    assert response.status_code == 200
    assert "Kirjaudu ulos" in response.content.decode()  # signed in: the session was read
    [together] = session_reads(reads)
    assert any("public-pages:generation" in key for key in together)
    assert not any("generation" in key for keys in reads if keys != together for key in keys)


@pytest.mark.django_db
def test_a_session_redis_has_lost_is_read_from_the_database(client, employer, redis_sessions):
    job = make_job(employer, status="published")
    client.force_login(make_user("hakija@example.com"))
    caches["default"].clear()  # Redis restarted: sessions and the generation are gone
    response = client.get(job.get_absolute_url())
    assert "Kirjaudu ulos" in response.content.decode()
    assert client.get("/fi/dashboard/").status_code == 200
