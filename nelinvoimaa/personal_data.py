"""Everything the portal holds about a person: export it, or delete the account.

Models that refer to the user are found by introspection, so a model added later is exported
(and its rows deleted or anonymised by its own on_delete) without anyone remembering to. What
is not a row (files, a blocker, clean-up) each app contributes through its `personal_data`
module (nelinvoimaa/contributions.py).
"""

import io
import json
import zipfile

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .contributions import contributed
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
    """A zip: data.json with every row that refers to the user, the apps' files (CVs, summaries)
    and README.txt, which says in words what is there."""
    data = {"user": _serialize(get_user_model().objects.filter(pk=user.pk))}
    for model, field in user_relations():
        label = f"{model._meta.label}.{field}"
        data[label] = _serialize(model._default_manager.filter(**{field: user}).distinct())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        )
        names = []
        for part in contributed("personal_data"):
            for name, content in getattr(part, "export_files", lambda user: [])(user):
                archive.writestr(name, content)
                names.append(name)
        archive.writestr("README.txt", readme(user, data, names))
    AuditEntry.record(user, AuditEntry.Action.DATA_EXPORTED, f"user {user.pk}")
    return buffer.getvalue()


def readme(user, data, names):
    """The archive explained to a person, in their language: what each file is, and how many
    rows of each kind data.json holds."""
    counts = []
    for label, rows in data.items():
        if rows and label != "user":
            model = apps.get_model(label.rsplit(".", 1)[0])
            counts.append((str(model._meta.verbose_name_plural), len(rows)))
    with translation.override(user.language):
        return render_to_string(
            "nelinvoimaa/export_readme.txt",
            {"user": user, "counts": sorted(counts), "names": names},
        )


class AccountDeletionBlocked(Exception):
    """The account cannot be deleted yet; the message says why and what to do."""


def delete_account(user, session=None):
    """Delete the user and everything of theirs; what each app keeps (moderation trails, the
    audit log) keeps its entries with the person removed (on_delete=SET_NULL). Files go after
    the commit. Raises AccountDeletionBlocked while, e.g., they are an employer's only owner."""
    parts = list(contributed("personal_data"))
    with transaction.atomic():
        for part in parts:
            if reason := getattr(part, "deletion_blocker", lambda user: None)(user):
                raise AccountDeletionBlocked(reason)
        for part in parts:
            getattr(part, "delete", lambda user, session: None)(user, session)
        AuditEntry.record(None, AuditEntry.Action.ACCOUNT_DELETED, f"user {user.pk}")
        user.delete()
