"""A query compiled once per process gives what the ORM gives, for each new set of values."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.models import OuterRef, Subquery

from applications.models import Application
from jobs.models import Job
from nelinvoimaa.prepared import Prepared
from tests.conftest import make_application, make_employer, make_job, make_user


def applied(job_id, user_id):
    applications = Application.objects.filter(job=OuterRef("pk"), applicant_id=user_id)
    return Job.objects.filter(pk=job_id).values(
        "title", applied_on=Subquery(applications.values("created_at")[:1])
    )


@pytest.mark.django_db
def test_each_call_runs_with_its_own_values_and_converts_like_the_orm():
    owner = make_user("omistaja@example.com")
    employer = make_employer("Rantalomat Oy", owner)
    cook = make_job(employer, status="published", title="Kokki")
    waiter = make_job(employer, status="published", title="Tarjoilija")
    first, second = make_user("eka@example.com"), make_user("toka@example.com")
    application = make_application(cook, first)
    prepared = Prepared(applied, "job_id", "user_id")
    for job in (cook, waiter):
        for user in (first, second):
            expected = list(applied(job.pk, user.pk))
            assert prepared(job_id=job.pk, user_id=user.pk) == expected
    [row] = prepared(job_id=cook.pk, user_id=first.pk)
    assert row == {"title": "Kokki", "applied_on": application.created_at}  # a datetime
    assert prepared(job_id=-1, user_id=first.pk) == []


@pytest.mark.django_db
def test_a_value_that_does_not_reach_the_sql_is_refused():
    prepared = Prepared(
        lambda job_id, user_id: Job.objects.filter(pk=job_id).values("pk"), "job_id", "user_id"
    )
    with pytest.raises(ImproperlyConfigured, match="user_id"):
        prepared(job_id=1, user_id=1)
