"""Queries that Django builds and compiles once per process, then runs with new values.

Building and compiling a queryset with subqueries costs more than the database takes to run it:
the job page's "what has this person to do with this job" (three subqueries) took about 1.7 ms
to build and compile and 0.4 ms to run, on every signed-in page view. A `Prepared` query is
built once with placeholder values, and each call runs the same SQL with the real ones, its
rows converted as the ORM converts them (dates on SQLite, for example).

Only for queries whose SQL depends on nothing but the named values: the placeholders must
reach the SQL as parameters unchanged (ids do), and nothing else may vary between calls
(no `now()` computed in Python, no list of varying length).
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections

# Far outside any id the database gives: a parameter equal to one is that placeholder.
_PLACEHOLDER_BASE = -(2**62)


class Prepared:
    def __init__(self, build, *names):
        """`build(**values)` returns a `values()` queryset; `names` are the values it takes."""
        self.build, self.names = build, names
        self._compiled = {}

    def __call__(self, using=DEFAULT_DB_ALIAS, **values):
        """The rows of the query for `values`, as dicts."""
        compiler, sql, params, columns = self.bound(using, values)
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return self.converted(compiler, columns, rows)

    def bound(self, using, values):
        """(compiler, SQL, its parameters with `values` in place, column names)."""
        compiled = self._compiled.get(using)
        if compiled is None:
            compiled = self._compiled[using] = self._compile(using)
        compiler, sql, params, columns = compiled
        params = [values[param.name] if isinstance(param, _Slot) else param for param in params]
        return compiler, sql, params, columns

    @staticmethod
    def converted(compiler, columns, rows):
        return [dict(zip(columns, row, strict=True)) for row in compiler.results_iter([rows])]

    def _compile(self, using):
        placeholders = {name: _PLACEHOLDER_BASE - n for n, name in enumerate(self.names)}
        queryset = self.build(**placeholders)
        query = queryset.query
        compiler = query.get_compiler(using)
        sql, params = compiler.as_sql()
        by_value = {value: _Slot(name) for name, value in placeholders.items()}
        params = [by_value.get(param, param) if type(param) is int else param for param in params]
        missing = set(self.names) - {param.name for param in params if isinstance(param, _Slot)}
        if missing:
            raise ImproperlyConfigured(f"{', '.join(missing)} did not reach the SQL as parameters")
        columns = [*query.extra_select, *query.values_select, *query.annotation_select]
        return compiler, sql, params, columns


class _Slot:
    def __init__(self, name):
        self.name = name


def first_rows(queries, using=DEFAULT_DB_ALIAS):
    """The first row (a dict, or None) of each of `queries`, [(Prepared, values)], read in one
    round trip to the database: a signed-in job page's user and what they have to do with the
    job were two (the round trips, not the queries, were a fifth of the page's time under
    load). The queries are joined side by side, each with a marker column that tells a
    missing row from a row of NULLs."""
    parts = [prepared.bound(using, values) for prepared, values in queries]
    joined = " ".join(
        f"LEFT JOIN (SELECT 1 AS found, q.* FROM ({sql}) AS q LIMIT 1) AS q{n} ON 1 = 1"  # noqa: S608
        for n, (_compiler, sql, _params, _columns) in enumerate(parts)
    )
    # Django's compiled SQL, its values apart: nothing from the request is in the text.
    sql = f"SELECT * FROM (SELECT 1 AS base) AS base {joined}"  # noqa: S608
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [param for part in parts for param in part[2]])
        row = cursor.fetchone()
    found, start = [], 1  # after the base column
    for compiler, _sql, _params, columns in parts:
        values = row[start + 1 : start + 1 + len(columns)]
        found.append(Prepared.converted(compiler, columns, [values])[0] if row[start] else None)
        start += 1 + len(columns)
    return found
