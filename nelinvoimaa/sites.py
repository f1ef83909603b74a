from functools import wraps

from allauth.account.decorators import secure_admin_login
from django.contrib import admin, messages
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .contributions import sections
from .staff import lacks_mfa


class NelinvoimaaAdminSite(admin.AdminSite):
    site_header = gettext_lazy("Nelinvoimaa administration")
    site_title = gettext_lazy("Nelinvoimaa administration")
    index_title = gettext_lazy("Moderation and content")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Sign-in goes through allauth: its rate limits and two-factor step apply.
        self.login = secure_admin_login(self.login)

    def index(self, request, extra_context=None):
        # What waits for this staff member, from each app's `review_queues`.
        extra_context = (extra_context or {}) | {
            "review_queues": sections("review_queues", request)
        }
        return super().index(request, extra_context)

    def get_urls(self):
        """Django's "view on site" shortcut (/admin/r/<content type>/<id>/), answered only for
        an object the staff member may see in this admin: another municipality's unpublished
        job must not be reachable (its address carries its title)."""
        urls = super().get_urls()
        for n, pattern in enumerate(urls):
            if getattr(pattern, "name", None) == "view_on_site":
                urls[n] = path(
                    str(pattern.pattern),
                    self.admin_view(self.scoped_view_on_site),
                    name="view_on_site",
                )
        return urls

    def scoped_view_on_site(self, request, content_type_id, object_id):
        if not request.user.is_superuser:
            try:
                model = ContentType.objects.get(pk=content_type_id).model_class()
                model_admin = self._registry.get(model)
                visible = model_admin is not None and (
                    model_admin.get_queryset(request).filter(pk=object_id).exists()
                )
            except (
                ContentType.DoesNotExist,
                ValueError,
                TypeError,
                OverflowError,
                ValidationError,
            ):
                visible = False
            if not visible:
                raise Http404
        return contenttype_views.shortcut(request, content_type_id, object_id)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def require_mfa(request, *args, **kwargs):
            user = request.user
            if user.is_authenticated and user.is_staff and lacks_mfa(user):
                messages.warning(
                    request,
                    _("Staff must set up two-factor authentication before using the admin."),
                )
                return redirect("mfa_activate_totp")
            return inner(request, *args, **kwargs)

        return require_mfa
