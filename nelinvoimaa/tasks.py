"""Background tasks of the core: sending e-mail, retried while the mail server is away."""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.utils import timezone

logger = logging.getLogger(__name__)

# Pauses between tries while the mail server cannot be reached: about a day in all, then the
# task fails and stays in the admin's task results (superusers) with its error.
RETRY_PAUSES = [60, 120, 300, 600, 1200, 1800] + [3600] * 22


def temporary(error):
    """Whether trying again later may help: the server unreachable, gone away mid-way, or
    answering with a 4xx code. A refused address (5xx) will be refused again."""
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _message in error.recipients.values())
    return isinstance(error, (OSError, smtplib.SMTPServerDisconnected))


@task
def send_email(subject, body, to, from_email, html="", attempt=0):
    message = EmailMultiAlternatives(subject=subject, body=body, from_email=from_email, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    try:
        message.send()
    except (OSError, smtplib.SMTPException) as error:
        if (
            not temporary(error)
            or attempt >= len(RETRY_PAUSES)
            or not send_email.get_backend().supports_defer
        ):
            raise
        pause = RETRY_PAUSES[attempt]
        logger.warning("Mail server unavailable (%s); trying again in %d s.", error, pause)
        send_email.using(run_after=timezone.now() + timedelta(seconds=pause)).enqueue(
            subject=subject, body=body, to=to, from_email=from_email, html=html, attempt=attempt + 1
        )
