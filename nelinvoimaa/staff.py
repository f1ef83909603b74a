"""The municipal staff group: what moderators may do in the admin."""

from django.contrib.auth.models import Group, Permission

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
