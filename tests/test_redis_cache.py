"""The shared cache in production: Django's Redis cache with one client reused per pool."""

import socket
import uuid

import pytest

from nelinvoimaa.redis_cache import RedisCache

URL = "redis://127.0.0.1:6379/15"


def redis_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


def test_each_operation_reuses_the_client_of_its_pool():
    cache = RedisCache(URL, {})
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    assert RedisCache(URL, {})._cache.get_client() is not client  # its own pool


@pytest.mark.skipif(not redis_running(), reason="needs Redis on 127.0.0.1:6379")
def test_it_stores_reads_and_deletes_as_djangos_does():
    cache, key = RedisCache(URL, {}), f"test-{uuid.uuid4().hex}"
    assert cache.get(key) is None
    cache.set(key, {"sivu": b"<p>x</p>"}, 30)
    assert RedisCache(URL, {}).get(key) == {"sivu": b"<p>x</p>"}  # another process's view
    assert cache.add(key, "other") is False
    assert cache.get_many([key, key + "-none"]) == {key: {"sivu": b"<p>x</p>"}}
    cache.delete(key)
    assert cache.get(key, "gone") == "gone"
