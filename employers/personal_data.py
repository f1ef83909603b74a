"""The employers' part of a person's data (nelinvoimaa/personal_data.py)."""

from collections import Counter

from django.utils.translation import gettext as _

from .models import Employer, Membership


def deletion_blocker(user):
    """An employer must keep an owner: its only owner hands the ownership over first. Called
    inside the deleting transaction; the owners' rows are locked (in one order), so two owners
    of one employer deleting their accounts at once cannot both go."""
    owned = list(
        user.memberships.filter(role=Membership.Role.OWNER).values_list("employer_id", flat=True)
    )
    owners = (
        Membership.objects.select_for_update()
        .filter(employer_id__in=owned, role=Membership.Role.OWNER)
        .order_by("pk")
    )
    counts = Counter(membership.employer_id for membership in owners)
    alone = [employer_id for employer_id in owned if counts[employer_id] == 1]
    if not alone:
        return None
    return _("You are the only owner of %(employer)s. Make someone else its owner first.") % {
        "employer": Employer.objects.get(pk=alone[0]).name
    }
