"""The jobs' demo data: the jobs each demo employer posts, in every state, with the event
trails real ones have (they go through make_job and so the model methods); and, for
benchmarks, open jobs in bulk (seed_demo --jobs N)."""

import random
from datetime import timedelta

from django.utils import timezone

from employers.models import Employer
from nelinvoimaa.models import Sector

from .demo_content import EMPLOYERS, REJECTION_REASONS, hiring_now, job_dates
from .factories import make_job
from .models import ApplyMethod, Job, JobEvent

# The state of each demo job, by its place in the list of all demo jobs: most are open, and
# every other state shows too.
STATES = [
    Job.Status.PUBLISHED,
    Job.Status.PUBLISHED,
    Job.Status.DRAFT,
    Job.Status.PUBLISHED,
    Job.Status.SUBMITTED,
    Job.Status.PUBLISHED,
    Job.Status.REJECTED,
    Job.Status.PUBLISHED,
    Job.Status.CLOSED,
]
CONTENT_FIELDS = [
    "title",
    "description",
    "language",
    "employment_type",
    "working_time",
    "housing_offered",
    "housing_details",
    "pay_min",
    "pay_max",
    "pay_unit",
    "pay_description",
    "positions",
    "languages",
    "driving_licence",
    "hygiene_passport",
    "first_aid_card",
    "safety_card",
    "other_requirements",
]


def state_of(n, employer, season, today):
    """The state of the n-th demo job: a season too far ahead to hire for shows as last
    year's closed run; a verified employer's job is never waiting for review."""
    state = STATES[n % len(STATES)]
    if state != Job.Status.DRAFT and not hiring_now(season, today):
        return Job.Status.CLOSED
    if state == Job.Status.SUBMITTED and employer.is_verified:
        return Job.Status.PUBLISHED
    return state


def how_to_apply(n, employer):
    """Most demo jobs take applications here; some by a link or by e-mail."""
    if n % 5 == 3:
        return {"apply_method": ApplyMethod.LINK, "apply_url": "https://example.com/rekry"}
    if n % 5 == 4 and employer.contact_email:
        return {"apply_method": ApplyMethod.EMAIL, "apply_email": employer.contact_email}
    return {"apply_method": ApplyMethod.HERE}


def add_arguments(parser):
    parser.add_argument(
        "--jobs",
        type=int,
        default=0,
        help="For benchmarks: add open jobs in bulk until there are this many in all.",
    )


def seed(options):
    created = 0 if Job.objects.exists() else seed_content()
    bulk = seed_bulk(options.get("jobs") or 0)
    return [f"{created} new jobs" + (f", {bulk} in bulk." if bulk else ".")]


def seed_content():
    today = timezone.localdate()
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    employers = {employer.name: employer for employer in Employer.objects.all()}
    n = 0
    for data in EMPLOYERS:
        employer = employers.get(data["name"])
        if employer is None:
            continue
        for job in data["jobs"]:
            state = state_of(n, employer, job["season"], today)
            start, end, deadline = job_dates(
                job["season"], today, closed=state == Job.Status.CLOSED, offset=n
            )
            make_job(
                employer,
                state,
                reason=REJECTION_REASONS[n % len(REJECTION_REASONS)],
                sector=sectors[job["sector"]],
                municipality=None if job["remote"] else employer.municipality,
                is_remote=job["remote"],
                start_date=start,
                end_date=end,
                deadline=deadline,
                contact_name="Rekrytointi",
                contact_email=employer.contact_email,
                **{name: job[name] for name in CONTENT_FIELDS},
                **how_to_apply(n, employer),
            )
            n += 1
    return n


def seed_bulk(total):
    """Open jobs copied from the demo's own, spread over every employer, until there are
    `total` in all: for benchmarks. Bulk inserts (JobQuerySet.bulk_create derives what save()
    does), each with the one event of a verified employer's publishing."""
    missing = total - Job.objects.count()
    models = list(Job.objects.open().order_by("pk"))
    employers = list(Employer.objects.order_by("pk"))
    if missing <= 0 or not models or not employers:
        return 0
    rng = random.Random(total)
    now = timezone.now()
    batch = []
    for n in range(missing):
        job = Job.objects.model(
            **{
                field.attname: getattr(models[n % len(models)], field.attname)
                for field in Job._meta.concrete_fields
                if not field.primary_key
            }
        )
        employer = employers[n % len(employers)]
        job.employer_id = employer.pk
        if not job.is_remote:
            job.municipality_id = employer.municipality_id
        job.published_at = job.submitted_at = now - timedelta(
            days=rng.randint(0, 30), hours=rng.randint(0, 23)
        )
        job.copied_from_id = None
        batch.append(job)
        if len(batch) == 5000 or n == missing - 1:
            created = Job.objects.bulk_create(batch)
            JobEvent.objects.bulk_create(
                JobEvent(job=job, action=JobEvent.Action.PUBLISHED, status=job.status)
                for job in created
            )
            batch = []
    return missing
