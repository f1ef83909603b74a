"""Sessions kept in the cache and written through to the database (Django's cached_db), whose
first read can bring other keys of the same cache in the same round trip.

Every signed-in request reads its session and the public pages' generation
(nelinvoimaa/page_cache.py), both from Redis: two round trips, each about a twentieth of a
signed-in job page's time (bench/). `load_along` makes them one.
"""

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDbStore


class SessionStore(CachedDbStore):
    def load_along(self, *keys):
        """{key: value} of those of `keys` the session's cache has. When the session is not
        loaded yet, it is read in the same request to the cache (and from the database
        later, as ever, if the cache does not have it)."""
        if self.session_key is None or hasattr(self, "_session_cache"):
            return self._cache.get_many(keys)
        try:
            found = self._cache.get_many([self.cache_key, *keys])
        except Exception:  # as load(): an unusable key is a session to start afresh
            return {}
        data = found.pop(self.cache_key, None)
        if data is not None:
            self._session_cache = data  # what load() would have read
        return found
