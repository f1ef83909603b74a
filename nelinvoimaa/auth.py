"""The authentication backend: allauth's, with the user of each signed-in request read by a
query compiled once per process (nelinvoimaa/prepared.py). Django's get_user builds and
compiles `User.objects.get(pk=…)` on every request, which cost about four times running it."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS

from .prepared import Prepared


def _user_query(user_id):
    model = get_user_model()
    fields = [field.attname for field in model._meta.concrete_fields]
    return model.objects.filter(pk=user_id).values(*fields)


_user = Prepared(_user_query, "user_id")


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id):
        rows = _user(user_id=user_id)
        if not rows:
            return None
        # Its columns in the model's order of fields, as from_db takes them.
        row = rows[0]
        user = get_user_model().from_db(DEFAULT_DB_ALIAS, list(row), list(row.values()))
        return user if self.user_can_authenticate(user) else None
