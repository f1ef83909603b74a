"""Demand for trainings: who asked for what, summed for staff, and told when a matching
training is published."""

from django.conf import settings
from django.db.models import Count, Q, Sum

from nelinvoimaa.emails import send_templated

from .models import Demand


def matching_demand(training):
    """The demand a training answers: one of its sectors, and its municipality, anywhere, or
    any place when the training is online."""
    demands = Demand.objects.filter(sector__in=training.sectors.all())
    if training.municipality_id:
        demands = demands.filter(
            Q(municipality=training.municipality_id) | Q(municipality__isnull=True)
        )
    return demands.select_related("user").distinct()


def notify_demand(training):
    """E-mail each person who asked for training like this one (once per person), in their
    language, after commit."""
    seen = set()
    for demand in matching_demand(training):
        if demand.user_id in seen:
            continue
        seen.add(demand.user_id)
        send_templated(
            demand.user.email,
            "trainings/emails/demand_match",
            {"training": training, "demand": demand, "site_url": settings.SITE_URL},
            demand.user.language,
        )


def summary(demands=None):
    """Rows of (sector, municipality) with how many asked and for how many people."""
    demands = Demand.objects.all() if demands is None else demands
    return (
        demands.values(
            "sector__name_fi", "sector__name_sv", "sector__name_en", "municipality__name_fi"
        )
        .annotate(requests=Count("pk"), people=Sum("people"))
        .order_by("-people", "sector__name_fi", "municipality__name_fi")
    )
