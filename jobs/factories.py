"""Building jobs through their model methods (draft, submit, approve, reject, close,
expire), so each has the event trail a real one has; for the tests and the demo data."""

from datetime import timedelta

from django.utils import timezone

from nelinvoimaa.models import Sector

from .models import Job

# Fields the workflow sets; given to make_job, they are written after it, as they were.
WORKFLOW_FIELDS = {"submitted_at", "published_at", "closed_at"}


def job_values(employer, **fields):
    today = timezone.localdate()
    values = {
        "title": "Kesätyöntekijä lomakylään",
        "description": "Mökkien vaihtosiivous.",
        "sector": Sector.objects.get(slug="tourism"),
        "employment_type": "permanent",
        "municipality": employer.municipality,
        "deadline": today + timedelta(days=20),
    }
    return values | fields


def make_job(
    employer,
    status=Job.Status.DRAFT,
    *,
    by=None,
    moderator=None,
    reason="Kuvaus on liian suppea.",
    **fields,
):
    """A job of `employer` brought to `status` the way members and moderators do it. A
    deadline in the past is set once the job has been through review (closed jobs of the
    demo, tests of expiry); a "closed" job whose deadline has passed expired."""
    workflow = {name: fields.pop(name) for name in WORKFLOW_FIELDS & fields.keys()}
    values = job_values(employer, **fields)
    today = timezone.localdate()
    deadline = values["deadline"]
    if deadline < today and status != Job.Status.DRAFT:
        values["deadline"] = today
    if by is None:
        by = employer.memberships.filter(role="owner").select_related("user").first().user
    job = Job(**values).start_draft(employer, by)
    if status != Job.Status.DRAFT:
        job.submit(by)
    if status == Job.Status.SUBMITTED and job.status != Job.Status.SUBMITTED:
        raise ValueError("A verified employer's job is published at once, never submitted.")
    if status in {Job.Status.PUBLISHED, Job.Status.CLOSED} and job.status == Job.Status.SUBMITTED:
        job.approve(moderator)
    if status == Job.Status.REJECTED:
        if job.status == Job.Status.PUBLISHED:
            job.unpublish(moderator, reason)
        else:
            job.reject(moderator, reason)
    if deadline != job.deadline:
        Job.objects.filter(pk=job.pk).update(deadline=deadline)
        job.refresh_from_db()
    if status == Job.Status.CLOSED:
        if job.deadline < today:
            job.expire()
        else:
            job.close(by)
    if workflow:
        Job.objects.filter(pk=job.pk).update(**workflow)
        job.refresh_from_db()
    return job
