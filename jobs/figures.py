"""The jobs' figures for the staff's reports (contributed as `figures`, see
nelinvoimaa/figures.py): counted from the job events, so any past period can be reported."""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.figures import Figure, Observation, month_of

from .models import JobEvent

A = JobEvent.Action
SUBMISSIONS = {A.SUBMITTED, A.EDITED_FOR_REVIEW, A.PUBLISHED}  # a verified employer's too
PUBLICATIONS = {A.APPROVED, A.PUBLISHED}
CLOSINGS = {A.CLOSED, A.EXPIRED}
DECISIONS = {A.APPROVED, A.REJECTED}  # a moderator's answer to a submission
ACTIVITY = SUBMISSIONS | PUBLICATIONS  # an employer who did these in a month was active


def events_in(period, municipalities, actions):
    """Job events of these actions in the period; a remote job counts for its employer's
    municipality, as it is moderated there."""
    events = JobEvent.objects.filter(
        created_at__gte=period.since, created_at__lt=period.until, action__in=actions
    ).annotate(place=Coalesce("job__municipality_id", "job__employer__municipality_id"))
    if municipalities is not None:
        events = events.filter(place__in=municipalities)
    return events


def job_figures(period, municipalities):
    rows = events_in(period, municipalities, ACTIVITY | CLOSINGS).values_list(
        "action", "job_id", "job__employer_id", "place", "job__sector_id", "created_at"
    )
    figures = {
        "jobs_submitted": Figure("jobs_submitted", _("Jobs submitted"), order=10),
        "jobs_published": Figure("jobs_published", _("Jobs published"), order=11),
        "jobs_closed": Figure("jobs_closed", _("Jobs closed"), order=12),
        "employers_active": Figure("employers_active", _("Employers active"), order=30),
    }
    for action, job, employer, place, sector, moment in rows:
        month = month_of(moment)
        observation = Observation(place, sector, month, job)
        if action in SUBMISSIONS:
            figures["jobs_submitted"].observations.append(observation)
        if action in PUBLICATIONS:
            figures["jobs_published"].observations.append(observation)
        if action in CLOSINGS:
            figures["jobs_closed"].observations.append(observation)
        if action in ACTIVITY:
            figures["employers_active"].observations.append(
                Observation(place, sector, month, employer)
            )
    return [*figures.values(), decision_time(period, municipalities)]


def decision_time(period, municipalities):
    """Days from each submission to the moderator's decision on it, in the decision's month."""
    submitted = JobEvent.objects.filter(
        job=OuterRef("job"),
        action__in=[A.SUBMITTED, A.EDITED_FOR_REVIEW],
        created_at__lte=OuterRef("created_at"),
    ).order_by("-created_at", "-pk")
    rows = (
        events_in(period, municipalities, DECISIONS)
        .annotate(submitted_at=Subquery(submitted.values("created_at")[:1]))
        .values_list("pk", "place", "job__sector_id", "created_at", "submitted_at")
    )
    figure = Figure(
        "decision_days", _("Days from submission to decision (median)"), kind="days", order=13
    )
    for pk, place, sector, decided, submitted_at in rows:
        if submitted_at is not None:
            days = (decided - submitted_at).total_seconds() / 86400
            figure.observations.append(Observation(place, sector, month_of(decided), pk, days))
    return figure
