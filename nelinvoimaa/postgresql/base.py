"""Django's PostgreSQL backend, with pooled connections checked by their first statement
instead of by a round trip of their own (settings: ENGINE "nelinvoimaa.postgresql", and the
pool's `check` None).

psycopg's pool checks each connection it lends with an empty query: a round trip to the
database on every request, about a tenth of a signed-in job page's time under load (bench/).
Lent unchecked instead:

- A read (SELECT) in autocommit, the first statement of most requests, is the check: when it
  fails because the connection was dead before the request took it (the database restarted,
  or a proxy in between did), it runs again on a new connection. After a restart the pool
  may hold several dead ones: each is replaced in turn. A read on a dead connection did
  nothing, and a read is harmless to run twice.
- A transaction begun on a connection not yet used is preceded by the pool's check, as is
  any other first statement (a write, a server-side cursor's, several at once): what was
  done before.

While the database is down, taking a new connection fails after the pool's timeout, as
before, and the page answers 503 (tests/test_outages.py).
"""

import psycopg
from django.db.backends.postgresql import base
from psycopg_pool import ConnectionPool


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Outermost: connection.execute_wrapper() blocks add and remove theirs at the end.
        self.execute_wrappers.insert(0, _checked_by_first_statement)
        self._unchecked = False

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        self._unchecked = self.pool is not None
        return connection

    def _set_autocommit(self, autocommit):
        if not autocommit and self._unchecked:  # a transaction begins: check first
            self._unchecked = False
            _check(self)
        super()._set_autocommit(autocommit)


def _checked_by_first_statement(execute, sql, params, many, context):
    """An execute wrapper (Django's connection.execute_wrappers)."""
    db, cursor = context["connection"], context["cursor"]
    if not db._unchecked:
        return execute(sql, params, many, context)
    db._unchecked = False
    retryable = (
        not many
        and getattr(cursor.cursor, "name", None) is None  # not a server-side cursor
        and isinstance(sql, str)
        and sql.startswith("SELECT")
    )  # and in autocommit: a transaction's connection was checked as it began
    if not retryable:
        _check(db, cursor)
        return execute(sql, params, many, context)
    try:
        return execute(sql, params, many, context)
    except Exception:
        if not _dead(db):
            raise  # the statement failed, not the connection
    _check(db, cursor)
    return execute(sql, params, many, context)


def _dead(db):
    return db.connection is None or db.connection.closed


def _check(db, cursor=None):
    """Make sure the connection works, with the pool's own check, taking the next one from
    the pool until one does (every connection may be dead after a restart)."""
    for _attempt in range(db.pool.max_size + 1):
        if not _dead(db):
            try:
                ConnectionPool.check_connection(db.connection)
                return
            except psycopg.Error:
                pass
        db.close()  # the pool throws a dead connection away
        db.ensure_connection()  # waits for the pool (then a 503) while the database is down
        db._unchecked = False
        if cursor is not None:
            cursor.cursor = db.create_cursor()
    with db.wrap_database_errors:
        ConnectionPool.check_connection(db.connection)
