"""Anonymous cards: the profiles whose owners let verified employers find them."""

from django.db.models import F, Q

from .models import Profile

MAX_CARDS = 50


def find_cards(sector=None, municipality=None, month=None, present=None):
    """Visible profiles that fit every choice given; `month` (1-12) a month available,
    `present` (1-12) a month the person is in the region (a presence period touches it)."""
    profiles = Profile.objects.filter(visible_to_employers=True, user__is_active=True)
    if sector:
        profiles = profiles.filter(sectors=sector)
    if municipality:
        profiles = profiles.filter(
            Q(municipalities=municipality) | Q(presence__municipality=municipality)
        )
    if month:
        profiles = profiles.alias(in_month=F("months").bitand(1 << (month - 1))).filter(
            in_month__gt=0
        )
    if present:
        profiles = profiles.filter(
            presence__starts__month__lte=present, presence__ends__month__gte=present
        )
    ids = list(profiles.order_by("-updated_at").values_list("pk", flat=True).distinct()[:MAX_CARDS])
    found = Profile.objects.filter(pk__in=ids).prefetch_related(
        "sectors", "municipalities", "presence__municipality"
    )
    return sorted(found, key=lambda profile: ids.index(profile.pk))
