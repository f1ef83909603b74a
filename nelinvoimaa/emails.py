"""E-mail goes out from a background task, and only once the transaction has committed."""

from django.conf import settings
from django.db import transaction

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
    kwargs = {
        "subject": str(message.subject),
        "body": message.body,
        "to": list(message.to),
        "from_email": message.from_email or settings.DEFAULT_FROM_EMAIL,
        "html": html,
    }
    transaction.on_commit(lambda: send_email.enqueue(**kwargs))
