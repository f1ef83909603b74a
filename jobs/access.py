"""Who may reach which job's tools."""

from django.shortcuts import get_object_or_404

from .models import Job

# What a job's pages show besides the job itself.
DETAIL_RELATED = ["employer", "employer__municipality", "municipality", "sector"]


def member_job_or_404(user, job_id):
    """The job if `user` is a member of its employer; else 404."""
    return get_object_or_404(
        Job.objects.for_member(user).select_related(*DETAIL_RELATED), pk=job_id
    )
