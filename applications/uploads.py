"""CV uploads: judged by their content, never by their name or declared type."""

import io
import os
import re
import uuid
import zipfile
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.private_files import files_in

from .models import private_storage

MAX_CV_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # a DOCX/ODT that unpacks to more is a zip bomb
MAX_ZIP_ENTRIES = 2000
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
HTML_MARKERS = (b"<html", b"<script", b"<!doctype", b"<body", b"<iframe")


def _is_pdf(data):
    head, tail = data[:1024].lower(), data[-2048:]
    return (
        data.startswith(b"%PDF-")
        and b"%%EOF" in tail
        and not any(marker in head for marker in HTML_MARKERS)
    )


def _zip_kind(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except Exception:  # noqa: BLE001 - any way a damaged archive fails: not a document
        return None
    if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        raise ValidationError(
            _("The document is damaged or too large when unpacked."), code="zip_bomb"
        )
    names = {e.filename for e in entries}
    if "word/document.xml" in names and "[Content_Types].xml" in names:
        return "docx"
    if "mimetype" in names and _member(archive, "mimetype").strip() == ODT_MIMETYPE:
        return "odt"
    return None


def _member(archive, name):
    """A member's bytes; b"" when the archive is damaged (a bad CRC, an unknown compression
    method, a truncated entry): such a file is not a document we accept."""
    try:
        return archive.read(name)
    except Exception:  # noqa: BLE001 - zipfile, zlib, bz2 and lzma each fail their own way
        return b""


def clean_cv(upload):
    """Return (file to store under a random name, the original file name made safe)."""
    if upload.size > MAX_CV_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s). The largest allowed is %(max)s."),
            params={"size": filesizeformat(upload.size), "max": filesizeformat(MAX_CV_BYTES)},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read()
    kind = "pdf" if _is_pdf(data) else _zip_kind(data) if data.startswith(b"PK") else None
    if kind is None:
        raise ValidationError(
            _("Upload your CV as a PDF, Word (DOCX) or OpenDocument (ODT) file."), code="type"
        )
    original = os.path.basename((upload.name or "").replace("\\", "/")).strip() or "cv"
    stem = os.path.splitext(original)[0][:80] or "cv"
    safe = "".join(c for c in stem if c.isalnum() or c in " ._-()").strip(" .") or "cv"
    upload.seek(0)
    return File(io.BytesIO(data), name=f"{uuid.uuid4().hex}.{kind}"), f"{safe}.{kind}"


# A CV kept across a failed submit. The browser cannot send a chosen file again, so when the
# rest of the form has an error, a valid CV waits here, named in the user's own session, until
# the application is sent. Stale ones are deleted daily.
PENDING_DIR = "pending"
PENDING_HOURS = 24
_PENDING_NAME = re.compile(rf"^{PENDING_DIR}/[0-9a-f]{{32}}\.(pdf|docx|odt)$")


_SESSION_PREFIX = "pending_cv:"


def _session_key(job_id):
    return f"{_SESSION_PREFIX}{job_id}"


def keep_pending_cv(session, job_id, cv):
    """Keep `cv` (as returned by clean_cv) for this user's next try at applying for the job."""
    stored, original = cv
    stored.seek(0)
    drop_pending_cv(session, job_id)
    name = private_storage().save(f"{PENDING_DIR}/{stored.name}", stored)
    session[_session_key(job_id)] = {"name": name, "original": original}
    return session[_session_key(job_id)]


def pending_cv(session, job_id):
    """The kept CV ({"name", "original"}) for this job, if there is one and its file is there."""
    pending = session.get(_session_key(job_id))
    if (
        pending
        and _PENDING_NAME.match(pending.get("name", ""))
        and private_storage().exists(pending["name"])
    ):
        return pending
    return None


def open_pending_cv(pending):
    """The kept CV as clean_cv returns it: (file under a new random name, original name)."""
    with private_storage().open(pending["name"]) as kept:
        data = kept.read()
    kind = pending["name"].rsplit(".", 1)[1]
    return File(io.BytesIO(data), name=f"{uuid.uuid4().hex}.{kind}"), pending["original"]


def drop_pending_cv(session, job_id):
    pending = session.pop(_session_key(job_id), None)
    if pending and _PENDING_NAME.match(pending.get("name", "")):
        private_storage().delete(pending["name"])


def take_all_pending_cvs(session):
    """The storage names of every CV kept in this session, forgotten by it (the account is
    being deleted; the caller deletes the files once that is committed)."""
    keys = list(session.keys())  # noqa: SIM118 - a session has keys() but cannot be iterated
    names = []
    for key in [key for key in keys if key.startswith(_SESSION_PREFIX)]:
        pending = session.pop(key, None)
        if pending and _PENDING_NAME.match(pending.get("name", "")):
            names.append(pending["name"])
    return names


def delete_stale_pending_cvs(now=None):
    """Delete kept CVs older than PENDING_HOURS (their sessions may be long gone)."""
    storage = private_storage()
    cutoff = (now or timezone.now()) - timedelta(hours=PENDING_HOURS)
    deleted = 0
    for path in files_in(storage, PENDING_DIR):
        if storage.get_modified_time(path) < cutoff:
            storage.delete(path)
            deleted += 1
    return deleted
