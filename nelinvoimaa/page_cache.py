"""Whole-page caching of public pages for visitors, correct on the very next request.

Rendered pages live in each worker's own memory ("pages" cache). Their keys include a
*generation* kept in the shared default cache: any change to what public pages show (a job
published, edited or closed, an employer renamed or verified, a site page edited …) sets a new
generation, so on the next request every worker misses and renders afresh. Keys also include
the hour, so the passing of a deadline (a date) and "posted today" are never stale for long,
and only requests without a session or messages are served from the cache: signed-in users
always get a fresh page.
"""

import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import empty

GENERATION_KEY = "public-pages:generation"
PAGE_SECONDS = 3600


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY)
    return value


def invalidate(**kwargs):
    """A new generation: every cached public page is stale from now on (a signal receiver)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _cacheable_response(request, response):
    nonce = getattr(request, "_csp_nonce", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and (nonce is None or nonce._wrapped is empty)
    )  # a nonce is per response


def cache_public_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        pages = caches["pages"]
        hour = timezone.localtime().strftime("%Y%m%d%H")
        raw = f"{generation()}|{hour}|{request.get_full_path()}"
        key = "page:" + hashlib.sha256(raw.encode()).hexdigest()
        hit = pages.get(key)
        if hit is not None:
            content, content_type = hit
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if getattr(response, "is_rendered", True) is False:
            response.render()  # a TemplateResponse (the sitemap)
        if _cacheable_response(request, response):
            pages.set(key, (response.content, response["Content-Type"]), PAGE_SECONDS)
        return response

    return wrapper
