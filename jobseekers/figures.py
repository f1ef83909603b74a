"""The jobseekers' figures for the staff's reports (contributed as `figures`, see
nelinvoimaa/figures.py): profiles saved and people subscribing to job alerts, placed by the
municipalities and sectors the person chose (each counts once in a total). Who they are never
leaves the app: only their id, counted."""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.figures import Figure, Observation, month_of

from .models import Alert, Profile


def _places(municipalities, sectors):
    return [(m, s) for m in municipalities or [None] for s in sectors or [None]]


def _add(figure, scope, subject, moment, pairs):
    for municipality, sector in pairs:
        if scope is None or municipality in scope:
            figure.observations.append(Observation(municipality, sector, month_of(moment), subject))


def _numbers(values):
    return [int(value) for value in values if value.isdigit()]


def jobseeker_figures(period, municipalities):
    scope = None if municipalities is None else set(municipalities)
    profiles = Figure("profiles", _("Jobseeker profiles saved"), order=60)
    subscribers = Figure("alert_subscribers", _("New job alert subscribers"), order=61)

    saved = list(
        Profile.objects.filter(
            updated_at__gte=period.since, updated_at__lt=period.until
        ).values_list("pk", "user_id", "updated_at")
    )
    ids = [pk for pk, _user, _moment in saved]
    chosen = {pk: ([], []) for pk in ids}
    through = Profile.municipalities.through.objects.filter(profile_id__in=ids)
    for profile, municipality in through.values_list("profile_id", "municipality_id"):
        chosen[profile][0].append(municipality)
    through = Profile.sectors.through.objects.filter(profile_id__in=ids)
    for profile, sector in through.values_list("profile_id", "sector_id"):
        chosen[profile][1].append(sector)
    for pk, user, moment in saved:
        _add(profiles, scope, user, moment, _places(*chosen[pk]))

    # Job alerts only, as the figure says (a training alert's sectors are trainings').
    alerts = Alert.objects.filter(
        kind=Alert.Kind.JOBS, created_at__gte=period.since, created_at__lt=period.until
    )
    for user, query, moment in alerts.values_list("user_id", "query", "created_at"):
        searched = QueryDict(query)
        places = _places(
            _numbers(searched.getlist("municipality")), _numbers(searched.getlist("sector"))
        )
        _add(subscribers, scope, user, moment, places)
    return [profiles, subscribers]
