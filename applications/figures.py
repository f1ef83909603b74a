"""The applications' figures for the staff's reports (contributed as `figures`, see
nelinvoimaa/figures.py): counted from the application events."""

from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.figures import Figure, Observation, month_of

from .models import Application, ApplicationEvent


def application_figures(period, municipalities):
    events = ApplicationEvent.objects.filter(
        created_at__gte=period.since,
        created_at__lt=period.until,
        status__in=[Application.Status.RECEIVED, Application.Status.HIRED],
    ).annotate(
        place=Coalesce(
            "application__job__municipality_id", "application__job__employer__municipality_id"
        )
    )
    if municipalities is not None:
        events = events.filter(place__in=municipalities)
    received = Figure("applications", _("Applications received"), order=20)
    hired = Figure("hires", _("Hires"), order=21)
    rows = events.values_list(
        "status", "application_id", "place", "application__job__sector_id", "created_at"
    )
    for status, application, place, sector, moment in rows:
        figure = received if status == Application.Status.RECEIVED else hired
        figure.observations.append(Observation(place, sector, month_of(moment), application))
    return [received, hired]
