"""The employers' part of a person's data (nelinvoimaa/personal_data.py)."""

from django.utils.translation import gettext as _

from .models import Membership


def deletion_blocker(user):
    """An employer must keep an owner: its only owner hands the ownership over first."""
    for membership in user.memberships.filter(role=Membership.Role.OWNER).select_related(
        "employer"
    ):
        if membership.employer.memberships.filter(role=Membership.Role.OWNER).count() == 1:
            return _(
                "You are the only owner of %(employer)s. Make someone else its owner first."
            ) % {"employer": membership.employer.name}
    return None
