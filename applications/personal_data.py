"""The applications' part of a person's data: their CV files (nelinvoimaa/personal_data.py)."""

from django.db import transaction

from .models import private_storage
from .uploads import take_all_pending_cvs


def export_files(user):
    for application in user.applications.exclude(cv=""):
        with application.cv.open("rb") as cv:
            yield f"files/application-{application.pk}-{application.cv_name}", cv.read()


def delete(user, session):
    """The CV files, and those kept in the session for a retry, go once the account's rows are
    gone for good."""
    names = [application.cv.name for application in user.applications.exclude(cv="")]
    if session is not None:
        names += take_all_pending_cvs(session)
    storage = private_storage()
    for name in names:
        transaction.on_commit(lambda name=name: storage.delete(name))
