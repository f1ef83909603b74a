"""Everything the portal holds about a person: export it, or delete the account.

Models that refer to the user are found by introspection, so a model added later is exported
(and its rows deleted or anonymised by its own on_delete) without anyone remembering to.
"""

import io
import json
import zipfile

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from .models import AuditEntry

# Fields never exported: secrets that would let someone take over the account.
SECRET_FIELDS = {"password", "key", "secret", "data", "session_key", "session_data", "token"}


def user_relations():
    """(model, field name) for every concrete relation from any model to the user model."""
    user_model = get_user_model()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                (
                    field.concrete
                    and field.is_relation
                    and field.related_model is user_model
                    and not field.many_to_many
                )
                or field.concrete
                and field.many_to_many
                and field.related_model is user_model
            ):
                yield model, field.name


def _serialize(queryset):
    rows = serializers.serialize("python", queryset)
    for row in rows:
        row["fields"] = {k: v for k, v in row["fields"].items() if k not in SECRET_FIELDS}
    return rows


def export_user_data(user):
    """A zip: data.json with every row that refers to the user, and the user's CV files."""
    data = {"user": _serialize(get_user_model().objects.filter(pk=user.pk))}
    for model, field in user_relations():
        label = f"{model._meta.label}.{field}"
        data[label] = _serialize(model._default_manager.filter(**{field: user}).distinct())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        )
        for application in user.applications.exclude(cv=""):
            with application.cv.open("rb") as cv:
                archive.writestr(
                    f"files/application-{application.pk}-{application.cv_name}", cv.read()
                )
    AuditEntry.record(user, AuditEntry.Action.DATA_EXPORTED, f"user {user.pk}")
    return buffer.getvalue()


class AccountDeletionBlocked(Exception):
    """The user is the only owner of an employer; the message names it."""


def delete_account(user):
    """Delete the user; their applications and CV files go with them. The moderation trail
    and the audit log keep their entries with the person removed (on_delete=SET_NULL)."""
    for membership in user.memberships.filter(role="owner").select_related("employer"):
        if membership.employer.memberships.filter(role="owner").count() == 1:
            raise AccountDeletionBlocked(membership.employer.name)
    cv_files = [(a.cv.storage, a.cv.name) for a in user.applications.exclude(cv="")]
    with transaction.atomic():
        AuditEntry.record(None, AuditEntry.Action.ACCOUNT_DELETED, f"user {user.pk}")
        user.delete()
        for storage, name in cv_files:
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
