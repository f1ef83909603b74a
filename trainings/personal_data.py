"""The trainings' part of a person's data (nelinvoimaa/personal_data.py). Enrolments,
demand and the calendar feed are exported by introspection (they point at the user)."""

from contextlib import suppress

from django.utils import timezone

from .models import EnrolmentError


def delete(user, session):
    """Give up the places of trainings still to come (the waitlist moves up), then keep each
    enrolment only as a figure, without the person."""
    for enrolment in user.enrolments.select_related("training"):
        starts = enrolment.training.starts_at
        if enrolment.is_active and (starts is None or starts > timezone.now()):
            with suppress(EnrolmentError):  # begun a moment ago: nothing to give up
                enrolment.cancel()
        enrolment.anonymise()
