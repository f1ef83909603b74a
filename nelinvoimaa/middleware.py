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
    """A page served to a signed-in user is theirs (their name, applications, applicants, a
    CV): no shared cache or browser history keeps it, unless the view said otherwise."""

    def middleware(request):
        response = get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response

    return middleware
