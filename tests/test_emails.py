import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction

from nelinvoimaa.emails import enqueue_message


def message():
    msg = EmailMultiAlternatives("Aihe", "Teksti", "from@example.com", ["to@example.com"])
    msg.attach_alternative("<p>Teksti</p>", "text/html")
    return msg


@pytest.mark.django_db(transaction=True)
def test_an_email_goes_out_after_the_transaction_commits():
    with transaction.atomic():
        enqueue_message(message())
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert (sent.subject, sent.body, sent.to) == ("Aihe", "Teksti", ["to@example.com"])
    assert sent.alternatives[0].content == "<p>Teksti</p>"


@pytest.mark.django_db(transaction=True)
def test_no_email_goes_out_when_the_transaction_fails():
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_message(message())
        raise RuntimeError("database failure")
    assert mail.outbox == []
