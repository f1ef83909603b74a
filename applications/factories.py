"""Building applications through their model methods, for the tests and the demo data."""

from django.core.files.base import ContentFile

from .models import Application

# The smallest file the CV check accepts as a PDF.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# The way an employer moves an application forward, step by step.
STEPS = [
    Application.Status.IN_REVIEW,
    Application.Status.INTERVIEW,
    Application.Status.OFFERED,
    Application.Status.HIRED,
]


def make_application(
    job,
    applicant,
    status=Application.Status.RECEIVED,
    *,
    member=None,
    cv=None,
    cover_letter="Hei! Olen kiinnostunut tehtävästä.",
    phone="040 123 4567",
    availability="",
):
    """An application sent by `applicant` and moved to `status` by a member of the job's
    employer (or withdrawn by the applicant). `cv=True` attaches a small PDF."""
    if cv is True:
        cv = (ContentFile(PDF, name="cv.pdf"), "CV.pdf")
    application = Application.objects.submit(
        job,
        applicant,
        cover_letter=cover_letter,
        phone=phone,
        availability=availability,
        cv=cv,
    )
    if status == Application.Status.WITHDRAWN:
        application.withdraw(applicant)
        return application
    if member is None:
        member = job.employer.memberships.select_related("user").first().user
    if status == Application.Status.REJECTED:
        application.change_status(member, status)
    elif status != Application.Status.RECEIVED:
        for step in STEPS[: STEPS.index(status) + 1]:
            application.change_status(member, step)
    return application
