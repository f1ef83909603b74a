"""A known history of jobs and applications for the staff's figures."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from applications.models import Application, ApplicationEvent
from jobs.models import JobEvent
from tests.conftest import make_application, make_job, make_user

HELSINKI = ZoneInfo("Europe/Helsinki")


def at(day, hour=12, minute=0, month=1, year=2026):
    return datetime(year, month, day, hour, minute, tzinfo=HELSINKI)


def when(job, action, moment):
    JobEvent.objects.filter(job=job, action=action).update(created_at=moment)


@pytest.fixture
def history(db, employer, moderator_for_history, other_owner):
    """In Sysmä (tourism): six jobs submitted in January, five approved after two days, one
    rejected; one submitted just before the period; two closed in February; six applications
    in February, one hired. In Hartola: one job of a verified employer, published at once."""
    A = JobEvent.Action
    jobs = [make_job(employer, "published", moderator=moderator_for_history) for _ in range(5)]
    for job in jobs:
        when(job, A.SUBMITTED, at(10))
        when(job, A.APPROVED, at(12))
        when(job, A.CREATED, at(9))
    early = make_job(employer, "rejected", moderator=moderator_for_history)
    when(early, A.SUBMITTED, at(1, 0, 30))  # 31.12. 22.30 UTC: January in Helsinki
    when(early, A.REJECTED, at(11, 11, 30))
    before = make_job(employer, "submitted")
    when(before, A.SUBMITTED, at(31, 23, 30, month=12, year=2025))
    for job in jobs[3:]:
        job.close(job.created_by)
        when(job, A.CLOSED, at(5, month=2))
    for n in range(6):
        applicant = make_user(f"hakija{n}@example.com")
        status = Application.Status.HIRED if n == 0 else Application.Status.RECEIVED
        make_application(jobs[0], applicant, status)
    ApplicationEvent.objects.update(created_at=at(3, month=2))
    hartola = other_owner.memberships.get().employer
    hartola.verify(None)
    direct = make_job(hartola, "published", sector=jobs[0].sector)
    when(direct, A.PUBLISHED, at(20))
    return jobs


@pytest.fixture
def moderator_for_history(sysma_moderator):
    return sysma_moderator
