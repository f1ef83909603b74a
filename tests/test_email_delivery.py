"""E-mail is not lost when things fail: the queue row commits with the change it tells of, a
mail server that is away is tried again until it returns, and a task whose worker died is
queued again (production's database task queue, run here with its worker)."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nelinvoimaa.emails import send_after_commit
from nelinvoimaa.tasks import send_email, temporary
from tests.servers import free_port

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def mail_server_away(settings):
    """SMTP at a port where nothing listens (connection refused, as when the server is down);
    returns a function that brings the server back (the test mailbox)."""
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 2},
        }
    }

    def back():
        settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

    return back


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)


def send(subject="Hakemuksesi on vastaanotettu"):
    send_after_commit(subject, "Kiitos hakemuksestasi.", ["hakija@example.com"], "from@example.com")


def test_the_queued_email_commits_and_rolls_back_with_its_change(database_queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        send("Ei lähde")
        raise RuntimeError("the change fails")
    assert not DBTaskResult.objects.exists()

    with transaction.atomic():
        send()
        # Queued inside the transaction: the same commit keeps the change and its e-mail.
        assert DBTaskResult.objects.count() == 1
    run_worker()
    assert [message.subject for message in mail.outbox] == ["Hakemuksesi on vastaanotettu"]


def test_an_email_waits_while_the_mail_server_is_away_and_goes_when_it_returns(
    database_queue, mail_server_away
):
    send()
    run_worker()
    run_worker()  # the retry waits its turn: nothing is tried again at once
    assert mail.outbox == []
    waiting = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert waiting.args_kwargs["kwargs"]["attempt"] == 1
    assert waiting.run_after > timezone.now() + timedelta(seconds=30)

    mail_server_away()  # the server is back ...
    DBTaskResult.objects.filter(pk=waiting.pk).update(
        run_after=timezone.now()
    )  # ... and time passed
    run_worker()
    run_worker()
    assert [message.subject for message in mail.outbox] == ["Hakemuksesi on vastaanotettu"]
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


def test_after_a_day_of_trying_the_email_fails_where_superusers_see_it(
    database_queue, mail_server_away, admin_client
):
    send_email.enqueue(
        subject="Aihe", body="Teksti", to=["a@example.com"], from_email="f@example.com", attempt=28
    )
    run_worker()
    failed = DBTaskResult.objects.get()
    assert failed.status == TaskResultStatus.FAILED
    page = admin_client.get("/admin/django_tasks_database/dbtaskresult/?status__exact=FAILED")
    assert page.status_code == 200 and str(failed.id) in page.content.decode()


@pytest.mark.parametrize(
    ("error", "again"),
    [
        (ConnectionRefusedError(), True),
        (TimeoutError(), True),
        (smtplib.SMTPServerDisconnected(), True),
        (smtplib.SMTPResponseException(421, b"try later"), True),
        (smtplib.SMTPResponseException(550, b"no such user"), False),
        (smtplib.SMTPRecipientsRefused({"a@example.com": (550, b"unknown")}), False),
        (smtplib.SMTPRecipientsRefused({"a@example.com": (450, b"greylisted")}), True),
    ],
)
def test_only_temporary_mail_errors_are_tried_again(error, again):
    assert temporary(error) is again


def test_a_task_whose_worker_died_is_queued_again_and_sent_once(database_queue):
    send()
    task = DBTaskResult.objects.get()
    task.claim("killed-worker")  # what a worker killed mid-task leaves: running for ever
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=timezone.now() - timedelta(hours=1))
    fresh = DBTaskResult.objects.get(
        pk=send_email.enqueue(
            subject="Toinen", body="", to=["b@example.com"], from_email="f@example.com"
        ).id
    )
    fresh.claim("live-worker")  # running now, in a worker that is alive: left alone

    call_command("requeue_stalled_tasks", verbosity=0)
    call_command("requeue_stalled_tasks", verbosity=0)  # safe to run again
    run_worker()
    assert [message.subject for message in mail.outbox] == ["Hakemuksesi on vastaanotettu"]
    assert DBTaskResult.objects.get(pk=fresh.pk).status == TaskResultStatus.RUNNING
