"""The authentication backend: allauth's, with the user of each signed-in request read by a
query compiled once per process (nelinvoimaa/prepared.py). Django's get_user builds and
compiles `User.objects.get(pk=…)` on every request, which cost about four times running it."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS

from .prepared import Prepared


def _fields():
    return [field.attname for field in get_user_model()._meta.concrete_fields]


_user = Prepared(
    lambda user_id: get_user_model().objects.filter(pk=user_id).values(*_fields()), "user_id"
)


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id):
        rows = _user(user_id=user_id)
        if not rows:
            return None
        names = _fields()
        user = get_user_model().from_db(DEFAULT_DB_ALIAS, names, [rows[0][n] for n in names])
        return user if self.user_can_authenticate(user) else None
