"""The municipal staff group: what moderators may do in the admin."""

from django.contrib.auth.models import Group, Permission

STAFF_GROUP = "Municipal staff"

# (app label, codename) pairs; later apps add their moderation permissions here.
STAFF_PERMISSIONS = [
    ("nelinvoimaa", "view_page"),
    ("nelinvoimaa", "change_page"),
    ("nelinvoimaa", "view_municipality"),
    ("nelinvoimaa", "view_sector"),
    ("nelinvoimaa", "add_sector"),
    ("nelinvoimaa", "change_sector"),
    ("employers", "view_employer"),
    ("employers", "verify_employer"),
    ("employers", "view_membership"),
    ("employers", "view_photo"),
    ("jobs", "view_job"),
    ("jobs", "moderate_job"),
    ("jobs", "view_jobevent"),
    ("nelinvoimaa", "view_auditentry"),
]


def ensure_staff_group(**kwargs):
    """Create or complete the staff group after every migrate; safe to run any number of times."""
    group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    for app_label, codename in STAFF_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission:
            group.permissions.add(permission)
