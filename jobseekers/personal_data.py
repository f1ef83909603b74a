"""The jobseekers' part of a person's data (nelinvoimaa/personal_data.py): the rows (profile,
saved jobs, alerts; presence periods and contact requests with the profile) are found by
introspection or go with the profile; here the stored CV file, and a summary a person can read
(which has the presence periods and contact requests data.json does not reach)."""

from django.db import transaction
from django.template.loader import render_to_string

from .alerts import with_descriptions
from .models import Profile, private_storage


def export_files(user):
    profile = Profile.objects.filter(user=user).first()
    if profile and profile.cv:
        with profile.cv.open("rb") as cv:
            yield f"files/profile-cv-{profile.cv_name}", cv.read()
    yield (
        "jobseeker.txt",
        render_to_string(
            "jobseekers/export_summary.txt",
            {
                "profile": profile,
                "presence": profile.presence.select_related("municipality") if profile else [],
                "saved_jobs": user.saved_jobs.select_related("job", "job__employer"),
                "alerts": with_descriptions(user.job_alerts.all()),
                "contact_requests": profile.contact_requests.select_related("employer")
                if profile
                else [],
            },
        ).encode(),
    )


def delete(user, session):
    """The stored CV goes once the account's rows are gone for good."""
    profile = Profile.objects.filter(user=user).exclude(cv="").first()
    if profile:
        name = profile.cv.name
        transaction.on_commit(lambda: private_storage().delete(name))
