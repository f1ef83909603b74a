"""What the person looking at a job has to do with it, from one query however many parts of
the page ask."""

from django.db.models import Exists, OuterRef

from employers.models import Membership
from nelinvoimaa.auth import load_user_along
from nelinvoimaa.contributions import contributed
from nelinvoimaa.prepared import Prepared

from .models import Job


def _state_query(job_id, user_id):
    members = Membership.objects.filter(employer=OuterRef("employer"), user_id=user_id)
    annotations = {"is_member": Exists(members)}
    for make in contributed("job_viewer_annotations"):
        annotations |= make(user_id)
    # Unordered: an ORDER BY (the model's) would cost the planner more than the query.
    return Job.objects.filter(pk=job_id).order_by().values(**annotations)[:1]


# Compiled once per process: building it took four times as long as running it.
_state = Prepared(_state_query, "job_id", "user_id")


def viewer_state(request, job):
    """{name: value} for the signed-in person looking at `job` (empty for a visitor): whether
    they are a member of its employer (`is_member`) and what the apps annotate through
    `job_viewer_annotations` (e.g. whether they saved it, when they applied). Made once per
    request and job."""
    memo = _memo(request)
    if job.pk not in memo:
        user = request.user
        state = {}
        if user.is_authenticated:
            state = next(iter(_state(job_id=job.pk, user_id=user.pk)), {})
        memo[job.pk] = state
    return memo[job.pk]


def read_with_user(request, job_id, slug=None):
    """Before a job page's personal parts: what the person has to do with the job, read with
    their user in one round trip (the page's personal parts need both)."""
    state = load_user_along(request, _state, {"job_id": job_id})
    if state is not None:
        _memo(request)[job_id] = state


def read_list_with_user(request):
    """Before a job list's personal parts: what the apps read with the user
    (`job_list_user_along`, e.g. the person's saved jobs for the save buttons)."""
    for read in contributed("job_list_user_along"):
        read(request)


def _memo(request):
    """{job pk: state} of this request."""
    return request.__dict__.setdefault("_job_viewer_state", {})
