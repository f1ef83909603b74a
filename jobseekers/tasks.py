"""E-mails a person subscribed to (job alerts): the core's send_email with the List-Unsubscribe
headers it has no place for, the same retries, and queued the same way."""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task, task_backends
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend

from nelinvoimaa.tasks import RETRY_PAUSES, temporary

logger = logging.getLogger(__name__)


@task
def send_list_email(subject, body, to, from_email, headers, attempt=0):
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=from_email, to=to, headers=headers
    )
    try:
        message.send()
    except (OSError, smtplib.SMTPException) as error:
        if (
            not temporary(error)
            or attempt >= len(RETRY_PAUSES)
            or not send_list_email.get_backend().supports_defer
        ):
            raise
        pause = RETRY_PAUSES[attempt]
        logger.warning("Mail server unavailable (%s); trying again in %d s.", error, pause)
        send_list_email.using(run_after=timezone.now() + timedelta(seconds=pause)).enqueue(
            subject=subject,
            body=body,
            to=to,
            from_email=from_email,
            headers=headers,
            attempt=attempt + 1,
        )


def queue_with_change(**message):
    """Queue the e-mail with the change it tells of, as nelinvoimaa.emails does: in the same
    transaction when the queue is a table of the same database, else after the commit."""
    in_database = isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)
    if in_database and transaction.get_connection().in_atomic_block:
        send_list_email.enqueue(**message)
    else:
        transaction.on_commit(lambda: send_list_email.enqueue(**message), robust=True)
