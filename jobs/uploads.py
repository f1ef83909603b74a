"""CV uploads: judged by their content, never by their name or declared type."""

import io
import os
import uuid
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

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
    except (zipfile.BadZipFile, ValueError):
        return None
    if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        raise ValidationError(
            _("The document is damaged or too large when unpacked."), code="zip_bomb"
        )
    names = {e.filename for e in entries}
    if "word/document.xml" in names and "[Content_Types].xml" in names:
        return "docx"
    if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
        return "odt"
    return None


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
