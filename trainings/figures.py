"""The trainings' figures for the staff's reports (contributed as `figures`, see
nelinvoimaa/figures.py): trainings published (from their events), places taken and
completions. An online training counts for its organiser's municipality, as it is moderated
there; a training of several sectors counts once in each, and once in a municipality's total."""

from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.figures import Figure, Observation, month_of

from .models import Enrolment, Training, TrainingEvent

PUBLICATIONS = {TrainingEvent.Action.APPROVED, TrainingEvent.Action.PUBLISHED}
TAKEN = {Enrolment.Status.ENROLLED, Enrolment.Status.ATTENDED, Enrolment.Status.COMPLETED}


def _sectors(training_ids):
    found = {}
    through = Training.sectors.through.objects.filter(training_id__in=training_ids)
    for training, sector in through.values_list("training_id", "sector_id"):
        found.setdefault(training, []).append(sector)
    return found


def _in(queryset, municipalities, prefix):
    place = Coalesce(f"{prefix}municipality_id", f"{prefix}provider__municipality_id")
    queryset = queryset.annotate(place=place)
    if municipalities is not None:
        queryset = queryset.filter(place__in=municipalities)
    return queryset


def training_figures(period, municipalities):
    published = Figure("trainings_published", _("Trainings published"), order=40)
    enrolments = Figure("enrolments", _("Places taken in trainings"), order=41)
    completions = Figure("completions", _("Trainings completed"), order=42)
    events = _in(
        TrainingEvent.objects.filter(
            created_at__gte=period.since, created_at__lt=period.until, action__in=PUBLICATIONS
        ),
        municipalities,
        "training__",
    ).values_list("training_id", "place", "created_at")
    taken = _in(
        Enrolment.objects.filter(
            created_at__gte=period.since, created_at__lt=period.until, status__in=TAKEN
        ),
        municipalities,
        "training__",
    ).values_list("pk", "training_id", "place", "created_at")
    # A completion has no moment of its own: the enrolment's last change marks it.
    completed = _in(
        Enrolment.objects.filter(
            updated_at__gte=period.since,
            updated_at__lt=period.until,
            status=Enrolment.Status.COMPLETED,
        ),
        municipalities,
        "training__",
    ).values_list("pk", "training_id", "place", "updated_at")
    events, taken, completed = list(events), list(taken), list(completed)
    sectors = _sectors(
        {row[0] for row in events} | {row[1] for row in taken} | {row[1] for row in completed}
    )
    for training, place, moment in events:
        for sector in sectors.get(training, [None]):
            published.observations.append(Observation(place, sector, month_of(moment), training))
    for figure, rows in ((enrolments, taken), (completions, completed)):
        for enrolment, training, place, moment in rows:
            for sector in sectors.get(training, [None]):
                figure.observations.append(Observation(place, sector, month_of(moment), enrolment))
    return [published, enrolments, completions]
