"""The jobseekers' figures in the staff's reports: profiles saved and new job-alert
subscribers, placed by the municipalities and sectors the person chose, scoped to the staff
member's municipalities, each person once in a total, nobody named."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jobseekers.models import Alert, Profile
from nelinvoimaa.figures import Period
from nelinvoimaa.models import Municipality, Sector
from reports.figures import gather
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def subjects(figures, key, municipality=None):
    figure = next(f for f in figures if f.key == key)
    return {
        o.subject
        for o in figure.observations
        if municipality is None or o.municipality_id == municipality.pk
    }


def test_profiles_and_alert_subscribers_are_counted_where_people_want_to_work():
    sysma = Municipality.objects.get(code="781")
    hartola = Municipality.objects.get(code="081")
    care, tourism = Sector.objects.get(slug="care"), Sector.objects.get(slug="tourism")
    both = make_user("molemmat@example.com")
    profile = Profile.objects.create(user=both)
    profile.municipalities.set([sysma, hartola])
    profile.sectors.set([care, tourism])
    Profile.objects.create(user=make_user("ei-valintoja@example.com"))
    Alert.objects.create(user=both, query=f"q=kokki&municipality={sysma.pk}")
    Alert.objects.create(user=both, query=f"municipality={hartola.pk}&sector={care.pk}")
    Alert.objects.create(user=make_user("muu@example.com"), query="q=siivooja&sector=x")
    # A training alert is not a job alert: its subscriber is not counted here.
    Alert.objects.create(
        user=make_user("kouluttautuja@example.com"), query="q=hygienia", kind=Alert.Kind.TRAININGS
    )
    today = timezone.localdate()
    period = Period(today - timedelta(days=7), today)

    everything = gather(period, None)
    assert len(subjects(everything, "profiles")) == 2  # each person once in the total
    assert subjects(everything, "profiles", sysma) == {both.pk}
    assert len(subjects(everything, "alert_subscribers")) == 2  # two alerts, one person
    assert subjects(everything, "alert_subscribers", hartola) == {both.pk}

    # A moderator of Sysmä counts only what falls in Sysmä.
    sysma_only = gather(period, [sysma.pk])
    assert subjects(sysma_only, "profiles") == {both.pk}
    assert subjects(sysma_only, "alert_subscribers") == {both.pk}
    assert {
        o.municipality_id
        for f in sysma_only
        for o in f.observations
        if f.key in {"profiles", "alert_subscribers"}
    } == {sysma.pk}
    # Before any of it happened: nothing.
    assert not subjects(
        gather(Period(today - timedelta(days=60), today - timedelta(days=30)), None), "profiles"
    )
