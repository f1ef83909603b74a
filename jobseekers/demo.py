"""The jobseekers' demo data: the demo jobseeker has saved a few open jobs and has a job alert."""

from django.http import QueryDict

from jobs.models import Job
from nelinvoimaa.models import Municipality, User

from .models import Alert, SavedJob, alert_query

DEMO_JOBSEEKER = "tyonhakija@example.com"


def seed(options):
    jobseeker = User.objects.filter(email=DEMO_JOBSEEKER).first()
    if jobseeker is None or jobseeker.saved_jobs.exists():
        return []
    jobs = list(Job.objects.open().exclude(applications__applicant=jobseeker).order_by("pk")[:3])
    for job in jobs:
        SavedJob.objects.save_for(jobseeker, job)
    sysma = Municipality.objects.get(code="781")
    search = QueryDict(f"employment_type=summer&employment_type=seasonal&municipality={sysma.pk}")
    Alert.objects.get_or_create(user=jobseeker, query=alert_query(search))
    return [f"{len(jobs)} saved jobs and a job alert of the demo jobseeker."]
