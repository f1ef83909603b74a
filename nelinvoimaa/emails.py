"""E-mail goes out from a background task, and only once the transaction has committed."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks_db.backend import DatabaseBackend

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
    """Queue the sending task so that it goes out only if the current transaction commits."""
    if _suppressed.get():
        return

    def enqueue():
        send_email.enqueue(subject=subject, body=body, to=to, from_email=from_email, html=html)

    in_database = isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)
    if in_database and transaction.get_connection().in_atomic_block:
        # The queue is a table of the same database: the task row commits or rolls back with
        # the change it tells of, so neither can be kept without the other (an outage right
        # after the commit cannot lose the e-mail).
        enqueue()
        return
    # Another backend runs or queues at once: only after commit. robust: what the e-mail tells
    # of is committed; a failure to queue it is logged (ERROR, django.db.backends.base) and must
    # not turn the user's success into an error page, nor stop the other e-mails of the change.
    transaction.on_commit(enqueue, robust=True)
