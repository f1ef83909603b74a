from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task
def send_email(subject, body, to, from_email, html=""):
    message = EmailMultiAlternatives(subject=subject, body=body, from_email=from_email, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
