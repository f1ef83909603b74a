from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control


def admin_language(get_response):
    """The admin has no language prefix: show it in the staff member's own language
    (Finnish unless they chose otherwise), not the browser's."""

    def middleware(request):
        if request.path.startswith("/admin/"):
            language = getattr(request.user, "language", None) or settings.LANGUAGE_CODE
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return get_response(request)

    return middleware


def private_pages(get_response):
    """A page served with a session (a signed-in user's: their name, applications, applicants,
    a CV) is theirs: no shared cache or browser history keeps it, unless the view said
    otherwise. Decided by the session cookie, as the page cache decides, so that it never
    needs the database (an error page during an outage must not wait for it again)."""

    def middleware(request):
        response = get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES and not response.has_header(
            "Cache-Control"
        ):
            patch_cache_control(response, private=True, no_store=True)
        return response

    return middleware
