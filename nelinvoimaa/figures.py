"""The shape of the figures an app contributes for the staff's reports (`figures`).

An app lists callables(period, municipalities) under its AppConfig's `figures`; each returns
Figures. A figure's observations are one row per thing counted (a job submitted, an
application, a hire, an employer active), placed by municipality, sector and month, so the
reports app can count them by any of these without knowing the app. `subject` is an internal
id, only counted (distinct) and never shown: no personal data leaves the app.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone


@dataclass(frozen=True)
class Period:
    """Whole local days from `start` to `end`, both included."""

    start: date
    end: date

    @property
    def since(self):
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def until(self):
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    def months(self):
        """The first day of each month the period touches."""
        month = self.start.replace(day=1)
        while month <= self.end:
            yield month
            month = (month + timedelta(days=32)).replace(day=1)


@dataclass(frozen=True)
class Observation:
    municipality_id: int | None
    sector_id: int | None
    month: date  # the first day of the local month
    subject: int  # counted once per group, whatever the number of rows
    days: float | None = None  # a duration, for figures of kind "days"


@dataclass
class Figure:
    key: str
    label: str
    observations: list = field(default_factory=list)
    kind: str = "count"  # "count": distinct subjects; "days": the median of `days`
    order: int = 50


def month_of(moment):
    """The first day of the local month of an aware datetime."""
    return timezone.localtime(moment).date().replace(day=1)
