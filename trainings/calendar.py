"""Trainings as iCalendar: a training's sessions, and a person's enrolments, in Helsinki time."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

HELSINKI = ZoneInfo("Europe/Helsinki")


def calendar(name):
    cal = Calendar()
    cal.add("prodid", "-//Nelinvoimaa//trainings//FI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Helsinki")
    return cal


def add_sessions(cal, training, sessions):
    url = settings.SITE_URL + training.get_absolute_url()
    place = training.location
    for session in sessions:
        event = Event()
        event.add("uid", f"training-session-{session.pk}@nelinvoimaa.fi")
        event.add("summary", training.title)
        event.add("dtstart", session.starts_at.astimezone(HELSINKI))
        event.add("dtend", session.ends_at.astimezone(HELSINKI))
        event.add("dtstamp", timezone.now())
        event.add("location", ", ".join(str(p) for p in (session.place, place) if p))
        event.add("description", f"{training.provider.name}\n{url}")
        event.add("url", url)
        cal.add_component(event)


def to_bytes(cal):
    cal.add_missing_timezones()
    return cal.to_ical()
