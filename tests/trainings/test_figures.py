"""The trainings' figures in the staff's reports: trainings published, places taken and
completions, by municipality, sector and month, scoped and suppressed as every figure is."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from nelinvoimaa.figures import Period
from reports.figures import gather
from tests.conftest import make_employer, make_user
from tests.reports.test_figures import table
from trainings.factories import make_enrolment, make_training
from trainings.models import Enrolment, TrainingEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(db):
    return make_employer("Gradia", make_user("rehtori@example.com"), "781", kind="school")


def counts(figures, key):
    figure = next(f for f in figures if f.key == key)
    return len({o.subject for o in figure.observations}), figure


def test_trainings_places_and_completions_are_counted_where_they_happen(
    client, school, sysma_moderator
):
    both = make_training(school, "published", sectors=("care", "tourism"), capacity=8)
    make_training(school, "published", title="Metsäkonekurssi", sectors=("forestry",))
    people = [make_user(f"opiskelija{n}@example.com") for n in range(7)]
    enrolments = [make_enrolment(both, person) for person in people[:6]]
    enrolments[0].cancel()  # a place given back is not a place taken
    Enrolment.objects.filter(pk__in=[e.pk for e in enrolments[1:3]]).update(
        status=Enrolment.Status.COMPLETED
    )
    today = timezone.localdate()
    period = Period(today - timedelta(days=30), today)

    figures = gather(period, None)
    published, figure = counts(figures, "trainings_published")
    assert published == 2
    # A training of two sectors counts in both, once in its municipality.
    assert {o.sector_id for o in figure.observations if o.subject == both.pk} == set(
        both.sectors.values_list("pk", flat=True)
    )
    assert counts(figures, "enrolments")[0] == 5
    assert counts(figures, "completions")[0] == 2

    # Another municipality's moderator counts none of it; an earlier period neither.
    assert counts(gather(period, [school.municipality_id + 1000]), "enrolments")[0] == 0
    earlier = Period(date(2020, 1, 1), date(2020, 12, 31))
    assert counts(gather(earlier, None), "trainings_published")[0] == 0
    assert TrainingEvent.objects.filter(training=both).exists()

    client.force_login(sysma_moderator)
    page = client.get(
        reverse("reports:figures"), {"start": period.start.isoformat(), "end": today.isoformat()}
    )
    summary = table(page, "summary")
    assert summary["Koulutuksia julkaistu"] == ["< 5", "< 5"]  # two: suppressed
    assert summary["Paikkoja koulutuksissa"] == ["5", "5"]
    assert summary["Koulutuksia suoritettu"] == ["< 5", "< 5"]
