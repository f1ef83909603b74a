"""Who may reach which employer's tools."""

from django.http import Http404

from .models import Membership


def member_employer_or_404(user, slug, *, owner=False):
    """The employer with this slug and the user's membership in it, if `user` is a member (an
    owner, if asked); else 404."""
    membership = (
        Membership.objects.select_related("employer", "employer__municipality")
        .filter(user=user, employer__slug=slug)
        .first()
    )
    if membership is None or (owner and not membership.is_owner):
        raise Http404
    return membership.employer, membership
