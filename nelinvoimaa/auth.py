"""The authentication backend: allauth's, with the user of each signed-in request read by a
query compiled once per process (nelinvoimaa/prepared.py). Django's get_user builds and
compiles `User.objects.get(pk=…)` on every request, which cost about four times running it.

A page that knows which query it will need for its signed-in user can have it read with the
user, in the same round trip (`load_user_along`): Django still checks the session against
the user as ever, and the page gets the query's row only when that user is signed in."""

from contextvars import ContextVar

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS

from .prepared import Prepared, first_rows


def _user_query(user_id):
    model = get_user_model()
    fields = [field.attname for field in model._meta.concrete_fields]
    return model.objects.filter(pk=user_id).values(*fields)


_user = Prepared(_user_query, "user_id")

# (Prepared, its values besides user_id, [its row once read]) while a page loads its user.
_along = ContextVar("query_along_with_user", default=None)


def load_user_along(request, prepared, values):
    """Load the request's user, and with it the first row of `prepared` (which takes a
    `user_id` besides `values`) in the same round trip. Returns that row (a dict, or {} when
    the query found none) when the request's user is the one it was read for; None when no
    one is signed in, or the user was loaded already (ask separately then)."""
    if "_cached_user" in request.__dict__:  # Django's own memo of request.user
        return None
    read = []
    token = _along.set((prepared, values, read))
    try:
        user = request.user
        signed_in = user.is_authenticated  # loads the user, through get_user() below
    finally:
        _along.reset(token)
    if not (signed_in and read and read[0][0] == user.pk):
        return None
    return read[0][1] or {}


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id):
        along = _along.get()
        if along is None:
            rows = _user(user_id=user_id)
            row = rows[0] if rows else None
        else:
            prepared, values, read = along
            row, along_row = first_rows(
                [(_user, {"user_id": user_id}), (prepared, values | {"user_id": user_id})]
            )
            if row is not None:
                read.append((row[get_user_model()._meta.pk.attname], along_row))
        if row is None:
            return None
        # Its columns in the model's order of fields, as from_db takes them.
        user = get_user_model().from_db(DEFAULT_DB_ALIAS, list(row), list(row.values()))
        return user if self.user_can_authenticate(user) else None
