"""Building trainings and enrolments through their model methods, for the tests and the
demo data."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from nelinvoimaa.models import Sector

from .models import Enrolment, Training, TrainingSession


def at(day, hour=9, minute=0):
    """An aware datetime in Helsinki."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def make_training(
    provider,
    status=Training.Status.DRAFT,
    *,
    by=None,
    moderator=None,
    sectors=("care",),
    sessions=None,
    placements=(),
    reason="Kuvaus on liian suppea.",
    **fields,
):
    """A training of `provider` brought to `status` the way members and moderators do it.
    `sessions`: (start, end, place) triples; by default one in three weeks."""
    today = timezone.localdate()
    values = {
        "title": "Hygieniapassikoulutus",
        "description": "Elintarvikehygienian perusteet ja hygieniapassitesti.",
        "kind": "short_course",
        "format": "on_site",
        "municipality": provider.municipality,
        "enrolment_closes": today + timedelta(days=14),
        "capacity": 12,
    } | fields
    if by is None:
        by = provider.memberships.filter(role="owner").select_related("user").first().user
    training = Training(**values).start_draft(provider, by)
    training.sectors.set(Sector.objects.filter(slug__in=sectors))
    training.placement_employers.set(placements)
    if sessions is None:
        start = today + timedelta(days=21)
        sessions = [(at(start, 9), at(start, 15), "Kunnantalo")]
    for starts_at, ends_at, place in sessions:
        TrainingSession.objects.create(
            training=training, starts_at=starts_at, ends_at=ends_at, place=place
        )
    training.refresh_derived()
    if status == Training.Status.DRAFT:
        return training
    training.submit(by)
    public = {Training.Status.PUBLISHED, Training.Status.CLOSED, Training.Status.CANCELLED}
    if status in public and training.status == Training.Status.SUBMITTED:
        training.approve(moderator)
    if status == Training.Status.REJECTED:
        if training.status == Training.Status.PUBLISHED:
            training.unpublish(moderator, reason)
        else:
            training.reject(moderator, reason)
    if status == Training.Status.CLOSED:
        training.close(by)
    if status == Training.Status.CANCELLED:
        training.cancel(by)
    return training


def make_enrolment(training, user, **kwargs):
    return Enrolment.enrol(training, user, consent=True, **kwargs)
