from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task
def send_list_email(subject, body, to, from_email, headers):
    """An e-mail a person subscribed to (a job alert), with its List-Unsubscribe headers
    (the core's send_email takes none)."""
    EmailMultiAlternatives(
        subject=subject, body=body, from_email=from_email, to=to, headers=headers
    ).send()
