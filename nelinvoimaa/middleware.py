from django.conf import settings
from django.utils import translation


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
