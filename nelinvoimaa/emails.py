"""E-mail goes out from a background task, and only once the transaction has committed."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email


def enqueue_message(message):
    """Queue an EmailMessage (with an optional HTML alternative) to be sent after commit."""
    html = next(
        (
            content
            for content, mimetype in getattr(message, "alternatives", [])
            if mimetype == "text/html"
        ),
        "",
    )
    send_after_commit(
        str(message.subject),
        message.body,
        list(message.to),
        message.from_email or settings.DEFAULT_FROM_EMAIL,
        html,
    )


def send_templated(to, template, context, language):
    """Render <template>_subject.txt and _body.txt in `language`; send after commit."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    send_after_commit(subject, body, [to], settings.DEFAULT_FROM_EMAIL)


_suppressed = ContextVar("emails_suppressed", default=False)


@contextmanager
def suppressed():
    """No e-mail is sent from inside this block (demo data: its addresses are made up)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def send_after_commit(subject, body, to, from_email, html=""):
    """Enqueue the sending task once the current transaction commits (at once outside one)."""
    if _suppressed.get():
        return
    # robust: what the e-mail tells of is committed; a failure to queue it is logged (ERROR,
    # django.db.backends.base) and must not turn the user's success into an error page, nor
    # stop the other e-mails of the same change.
    transaction.on_commit(
        lambda: send_email.enqueue(
            subject=subject, body=body, to=to, from_email=from_email, html=html
        ),
        robust=True,
    )
