"""The municipal staff group: what moderators may do in the admin; staff pages outside it."""

from functools import wraps

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect

from .contributions import labels

STAFF_GROUP = "Municipal staff"


def staff_permissions():
    """(app label, codename) of every permission the apps give staff (`staff_permissions`)."""
    return [(config.label, codename) for config, codename in labels("staff_permissions")]


def ensure_staff_group(**kwargs):
    """Create or complete the staff group after every migrate; safe to run any number of times."""
    group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    for app_label, codename in staff_permissions():
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission:
            group.permissions.add(permission)


def lacks_mfa(user):
    """Whether a staff member or superuser may not use their powers yet: two-factor
    authentication is required of them (ADMIN_REQUIRE_MFA) and they have not set it up. The
    admin asks for it (sites.py); so must every staff page and privileged read outside it."""
    return settings.ADMIN_REQUIRE_MFA and not is_mfa_enabled(user)


def staff_only(view=None, *, permission=None):
    """Staff only (with `permission`, if given): anyone else signed in gets a 404, as the page
    does not exist for them. Staff need two-factor authentication here as in the admin."""
    if view is None:
        return lambda view: staff_only(view, permission=permission)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user.is_staff or (permission and not user.has_perm(permission)):
            raise Http404
        if lacks_mfa(user):
            return redirect("mfa_activate_totp")
        return view(request, *args, **kwargs)

    return wrapped
