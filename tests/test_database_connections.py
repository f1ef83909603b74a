"""The site's PostgreSQL connections: a query run again and again on one is prepared, so its
later runs skip planning, and it keeps giving each run's own answer
(DATABASE_PREPARE_THRESHOLD); the planner prices pages as for SSDs (DATABASE_RANDOM_PAGE_COST);
a scan of a whole table reads it from its start, so a capped search reads the same matches
each time."""

import pytest
from django.db import connection

from jobs.models import Job
from tests.conftest import make_employer, make_job, make_user

pytestmark = pytest.mark.postgresql


def prepared_statements_naming(table):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            [f'%"{table}"%'],
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_a_query_run_repeatedly_is_prepared_and_answers_each_run_with_its_own_values():
    employer = make_employer("Rantalomat Oy", make_user("omistaja@example.com"))
    jobs = [make_job(employer, status="published", title=f"Kokki {n}") for n in range(8)]
    before = prepared_statements_naming("jobs_job")
    for job in jobs:
        assert list(Job.objects.filter(pk=job.pk).values_list("title", flat=True)) == [job.title]
    assert prepared_statements_naming("jobs_job") > before


@pytest.mark.django_db
def test_the_planner_prices_pages_for_ssds_and_memory_unless_told_otherwise():
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert float(cursor.fetchone()[0]) == 1.1


@pytest.mark.django_db
def test_a_scan_of_a_whole_table_starts_at_its_beginning_whatever_other_scans_do():
    # Without this, the 500 matches a capped search ranks (jobs/results.py) were those a scan
    # joined midway happened to meet first: each page of results from a different 500.
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronize_seqscans")
        assert cursor.fetchone()[0] == "off"
