"""The applications' part of a person's data: their CV files (nelinvoimaa/personal_data.py)."""

from django.db import transaction

from .uploads import drop_all_pending_cvs


def export_files(user):
    for application in user.applications.exclude(cv=""):
        with application.cv.open("rb") as cv:
            yield f"files/application-{application.pk}-{application.cv_name}", cv.read()


def delete(user, session):
    """The CV files go once the account's rows are gone for good; a CV kept for a retry goes
    with the session."""
    for application in user.applications.exclude(cv=""):
        storage, name = application.cv.storage, application.cv.name
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
    if session is not None:
        transaction.on_commit(lambda: drop_all_pending_cvs(session))
