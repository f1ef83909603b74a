"""Pooled connections are lent unchecked and checked by their first statement
(nelinvoimaa/postgresql): a connection that died in the pool (the database restarted) costs a
request nothing, whatever that request does first, and a healthy one costs no round trip."""

import psycopg
import pytest
from django.db import connection, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.db.utils import ProgrammingError
from django.test.utils import CaptureQueriesContext
from psycopg_pool import ConnectionPool

from nelinvoimaa.models import Municipality

pytestmark = [pytest.mark.postgresql, pytest.mark.usefixtures("seeded_transactional_db")]


def kill_pooled_connections():
    """What a restart of the database does to the pool's idle connections."""
    connection.close()  # back to the pool
    params = connection.get_connection_params()
    params.pop("prepare_threshold", None)
    with psycopg.connect(**params, autocommit=True) as other:
        killed = other.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()[0]
    assert killed >= 1


def test_a_read_on_a_connection_that_died_in_the_pool_runs_again_on_a_new_one():
    assert Municipality.objects.filter(code="781").exists()
    kill_pooled_connections()
    assert Municipality.objects.get(code="781").name_fi == "Sysmä"


def test_a_transaction_on_a_connection_that_died_in_the_pool_begins_on_a_new_one():
    kill_pooled_connections()
    with transaction.atomic():
        Municipality.objects.filter(code="781").update(name_sv="Sysmä")
        assert Municipality.objects.get(code="781").name_sv == "Sysmä"


def test_a_write_on_a_connection_that_died_in_the_pool_is_made_once():
    kill_pooled_connections()
    # Not idempotent: made twice, the name would end with two marks.
    Municipality.objects.filter(code="781").update(name_sv=Concat(F("name_sv"), Value("!")))
    assert Municipality.objects.get(code="781").name_sv == "Sysmä!"


def test_a_healthy_connection_costs_no_round_trip_of_its_own(monkeypatch):
    checks = []
    check = ConnectionPool.check_connection
    monkeypatch.setattr(
        ConnectionPool, "check_connection", lambda conn: checks.append(conn) or check(conn)
    )
    assert connection.settings_dict["OPTIONS"]["pool"]["check"] is None  # the pool's own
    connection.close()
    with CaptureQueriesContext(connection) as queries:
        Municipality.objects.filter(code="781").exists()
    assert len(queries) == 1 and checks == []  # the read itself, no check before it
    connection.close()
    with transaction.atomic():  # a transaction is checked as it begins
        Municipality.objects.filter(code="781").exists()
    assert len(checks) == 1


def test_a_failing_read_is_not_run_twice():
    connection.close()
    calls = []

    def count(execute, sql, params, many, context):
        calls.append(sql)
        return execute(sql, params, many, context)

    with (
        connection.execute_wrapper(count),
        pytest.raises(ProgrammingError),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT * FROM no_such_table")
    assert len(calls) == 1
