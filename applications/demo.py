"""The applications' demo data: the demo jobseeker has applied for a few open jobs (the demo
employer's first), and they have moved on (through the model methods, e-mails and all)."""

from jobs.models import ApplyMethod, Job
from nelinvoimaa.models import User

from .factories import make_application
from .models import Application

DEMO_JOBSEEKER = "tyonhakija@example.com"
DEMO_EMPLOYER = "tyonantaja@example.com"
STATES = [Application.Status.RECEIVED, Application.Status.IN_REVIEW, Application.Status.INTERVIEW]


def seed(options):
    jobseeker = User.objects.filter(email=DEMO_JOBSEEKER).first()
    if jobseeker is None or jobseeker.applications.exists():
        return []
    here = Job.objects.open().filter(apply_method=ApplyMethod.HERE).order_by("pk")
    own = list(here.filter(employer__memberships__user__email=DEMO_EMPLOYER))
    jobs = (own + [job for job in here[: len(STATES) * 2] if job not in own])[: len(STATES)]
    for job, state in zip(jobs, STATES, strict=False):
        make_application(
            job,
            jobseeker,
            state,
            cover_letter="Hei! Olen tehnyt kausitöitä matkailussa kolme kesää ja asun "
            "Sysmässä. Pääsen aloittamaan joustavasti.",
            availability="Kesäkuusta elokuuhun",
        )
    return [f"{len(jobs)} demo applications."]
