"""Whole-page caching of public pages for visitors, correct on the very next request.

Rendered pages live in each worker's own memory ("pages" cache). Their keys include a
*generation* kept in the shared default cache: any change to what public pages show (a job
published, edited or closed, an employer renamed or verified, a site page edited …) sets a new
generation once its transaction commits, so on the next request every worker misses and renders
afresh. A page rendered before the commit (from the old rows) was stored under the old
generation and is never served again.

Which models count is declared, not remembered: each app lists its `public_models`, and
`watch` connects their signals; their querysets are PublicQuerySets, so `update()`,
`bulk_create()` and `bulk_update()` invalidate too (a system check insists); `delete()` sends
each row's post_delete, since the receivers keep Django from deleting without signals. Raw
SQL that changes public rows calls `invalidate()` itself. Keys also include
the hour, so the passing of a deadline (a date) and "posted today" are never stale for long,
and only requests without a session or messages are served from the cache.

A signed-in user never gets a page rendered for someone else. Views marked
`cache_public_page(signed_in=True)` (the job list and the job page) give them the page's shared
render, made once per public version like a visitor's page, with its `{% personal %}` blocks
rendered for each request (nelinvoimaa/personal.py); a page asked for the first time in a
version (most searches are typed once) is rendered for its person alone.
"""

import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core import checks
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.functional import empty

from . import personal

GENERATION_KEY = "public-pages:generation"
PAGE_SECONDS = 3600


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY)
    return value


def public_version(request=None):
    """What anything computed from public rows is valid for: the generation and the hour
    (the same as a cached page's key). Asked once per request when given one."""
    if request is not None:
        if not hasattr(request, "_public_version"):
            request._public_version = _version(_generation_of(request))
        return request._public_version
    return _version(generation())


def _version(generation_):
    return f"{generation_}|{timezone.localtime():%Y%m%d%H}"


def _generation_of(request):
    """The generation, read in the same round trip as the request's session when that is
    still to be read from the same cache (nelinvoimaa/sessions.py)."""
    load_along = getattr(getattr(request, "session", None), "load_along", None)
    if load_along is not None and settings.SESSION_CACHE_ALIAS == DEFAULT_CACHE_ALIAS:
        value = load_along(GENERATION_KEY).get(GENERATION_KEY)
        if value is not None:
            return value
    return generation()


_MISSING = object()


def cached_public(key, compute, version=None):
    """`compute()`'s value for `key`, computed once per public version in this worker and then
    kept beside the cached pages: what every user, signed in or not, sees the same (the job
    list's counts, a job's other jobs, the footer). The value must pickle (plain data, or a
    rendered fragment); pass `version` when it is known already."""
    return cached_public_many([key], lambda keys: {key: compute()}, version)[key]


def cached_public_many(keys, compute, version=None):
    """{key: value} of each of `keys`, as cached_public() gives one: `compute(missing)` gives
    {key: value} of those not kept yet, all at once (e.g. from one query)."""
    pages = caches["pages"]
    version = version or public_version()
    full = {key: "data:" + hashlib.sha256(f"{version}|{key}".encode()).hexdigest() for key in keys}
    found = {key: pages.get(full[key], _MISSING) for key in keys}
    missing = [key for key, value in found.items() if value is _MISSING]
    if missing:
        computed = compute(missing)
        for key in missing:
            pages.set(full[key], computed[key], PAGE_SECONDS)
        found |= computed
    return found


def new_generation():
    """Every cached public page is stale from now on."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def invalidate(**kwargs):
    """A new generation once the current transaction commits (at once outside one); a
    rollback changes nothing, so nothing is invalidated. Usable as a signal receiver."""
    # robust: the change is committed; a cache outage must not turn it into an error page.
    transaction.on_commit(new_generation, robust=True)


class PublicQuerySet(models.QuerySet):
    """The queryset of a model shown on public pages: bulk changes, which send no signals,
    invalidate them too."""

    def update(self, **kwargs):
        rows = super().update(**kwargs)
        invalidate()
        return rows

    update.alters_data = True

    def bulk_create(self, *args, **kwargs):
        created = super().bulk_create(*args, **kwargs)
        invalidate()
        return created

    bulk_create.alters_data = True

    def bulk_update(self, *args, **kwargs):
        rows = super().bulk_update(*args, **kwargs)
        invalidate()
        return rows

    bulk_update.alters_data = True


def watch(model):
    """Invalidate public pages whenever a row of `model` (or one of its many-to-many
    relations) changes."""
    label = model._meta.label
    post_save.connect(invalidate, sender=model, dispatch_uid=f"pages-save-{label}")
    post_delete.connect(invalidate, sender=model, dispatch_uid=f"pages-delete-{label}")
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(
            invalidate, sender=field.remote_field.through, dispatch_uid=f"pages-m2m-{label}-{field}"
        )


def check_public_querysets(models_):
    """System check: a watched model whose manager is not a PublicQuerySet would let
    `update()` leave stale pages."""
    return [
        checks.Error(
            f"{model._meta.label} is a public model, but its default manager's queryset is "
            "not a nelinvoimaa.page_cache.PublicQuerySet.",
            hint="objects = PublicQuerySet.as_manager() (or a subclass of it).",
            obj=model,
            id="nelinvoimaa.E001",
        )
        for model in models_
        if not issubclass(model._default_manager._queryset_class, PublicQuerySet)
    ]


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


def _shareable_request(request):
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME in request.COOKIES


def cache_public_page(view=None, *, signed_in=False, before_personal=None):
    """Serve a public page from the page cache to visitors. With `signed_in=True`, a request
    with a session (a signed-in user's) gets the page's shared render with its
    `{% personal %}` blocks rendered for them (nelinvoimaa/personal.py): the view's templates
    must keep everything personal inside such blocks. `before_personal(request, *args,
    **kwargs)` is called before those blocks are rendered: to read what they need at once,
    e.g. with the user (nelinvoimaa.auth.load_user_along)."""
    if view is None:
        return lambda view: cache_public_page(
            view, signed_in=signed_in, before_personal=before_personal
        )

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if _cacheable_request(request):
            return _visitor_page(view, request, args, kwargs)
        if signed_in and _shareable_request(request):
            return _shared_page(view, request, args, kwargs, before_personal)
        return view(request, *args, **kwargs)

    return wrapper


def _page_key(prefix, request):
    raw = f"{public_version(request)}|{request.get_full_path()}"
    return prefix + hashlib.sha256(raw.encode()).hexdigest()


def _visitor_page(view, request, args, kwargs):
    pages = caches["pages"]
    key = _page_key("page:", request)
    hit = pages.get(key)
    if hit is not None:
        content, content_type = hit
        return HttpResponse(content, content_type=content_type)
    response = _rendered(view(request, *args, **kwargs))
    if _cacheable_response(request, response):
        pages.set(key, (response.content, response["Content-Type"]), PAGE_SECONDS)
    return response


def _shared_page(view, request, args, kwargs, before_personal=None):
    pages = caches["pages"]
    key = _page_key("shared:", request)
    hit = pages.get(key)
    if hit is None:
        if pages.add(key + ":asked", True, PAGE_SECONDS):
            # Asked for the first time in this version (most searches are typed once): made
            # for this person alone, which costs less than a shared render and its filling.
            # Asked again, it is worth sharing.
            if before_personal is not None:
                before_personal(request, *args, **kwargs)
            return view(request, *args, **kwargs)
        hit = _shared_render(view, request, args, kwargs)
        if hit is None:  # not a page everyone sees (a draft, a redirect): the user's own
            return view(request, *args, **kwargs)
        pages.set(key, hit, PAGE_SECONDS)
    chunks, slots, content_type = hit
    if before_personal is not None:
        before_personal(request, *args, **kwargs)
    content = personal.fill(request, chunks, slots)
    if content is None:
        pages.delete(key)
        return view(request, *args, **kwargs)
    return HttpResponse(content, content_type=content_type)


def _shared_render(view, request, args, kwargs):
    """The page as a visitor would get it, its personal blocks left as slots; None if it
    cannot be shared."""
    from django.contrib.auth.models import AnonymousUser  # not importable before the apps

    user, csrf_flag = request.user, request.META.pop("CSRF_COOKIE_NEEDS_UPDATE", None)
    request.user, skeleton = AnonymousUser(), personal.Skeleton()
    request._skeleton = skeleton
    try:
        response = _rendered(view(request, *args, **kwargs))
        # A CSRF token asked outside a personal block would be one user's, shown to all:
        # _cacheable_response refuses a render that asked for one.
        shareable = _cacheable_response(request, response)
    except Http404:  # e.g. a draft, which only the employer's members see
        shareable = False
    finally:
        request.user = user
        del request._skeleton
        request.META.pop("CSRF_COOKIE_NEEDS_UPDATE", None)
        if csrf_flag is not None:
            request.META["CSRF_COOKIE_NEEDS_UPDATE"] = csrf_flag
    if not shareable:
        return None
    return (*personal.shared_parts(response.content, skeleton), response["Content-Type"])


def _rendered(response):
    if getattr(response, "is_rendered", True) is False:
        response.render()  # a TemplateResponse (the sitemap)
    return response
