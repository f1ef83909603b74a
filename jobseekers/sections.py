"""What the jobseekers app shows on pages of the core and of lower apps (see
nelinvoimaa/contributions.py)."""

from django.db.models import Exists, OuterRef

from jobs.viewer import viewer_state
from nelinvoimaa.auth import load_user_along
from nelinvoimaa.contributions import Section

from .alerts import with_descriptions
from .buttons import save_button, save_search_form
from .models import Alert, Profile, SavedJob, saved_ids, saved_ids_row
from .planner import recommendations

DASHBOARD_SAVED = 5


def save_job_button(request, job):
    """On a job's page: save it for later, or remove it from the saved ones."""
    if job.status not in {job.Status.PUBLISHED, job.Status.CLOSED}:
        return None  # a member's preview of a draft
    saved = viewer_state(request, job).get("saved", False)
    return Section("", {"saved": saved}, order=10, draw=save_button)


def job_saved(user_id):
    """For a job's page (jobs.viewer): whether the person saved it."""
    return {"saved": Exists(SavedJob.objects.filter(job=OuterRef("pk"), user_id=user_id))}


def save_job_buttons(request, jobs):
    """Beside each job of the job list: the same, from one query for the whole page. A
    visitor gets none (save_button offers them nothing in a list)."""
    if not request.user.is_authenticated:
        return None
    saved_ids = SavedJob.objects.ids_for(request.user, jobs)
    return Section("", {"saved_ids": saved_ids}, draw=save_button)


def read_saved_along(request):
    """Before a signed-in job list's personal parts: the person's saved jobs, read with their
    user in one round trip (the save buttons need both; SavedJob.objects.ids_for)."""
    row = load_user_along(request, saved_ids_row, {})
    if row is not None:  # {} when they saved none
        request.user.saved_job_ids = saved_ids(row)


def save_search(request, params):
    """Above the job list's results: save this search as a job alert."""
    return Section("", {"alert": _alert_form(params, Alert.Kind.JOBS)}, draw=save_search_form)


def save_training_search(request, params):
    """Above the training list's results: save this search as a training alert."""
    # Its own ids: the training list's filters have a "kind" (of training) too.
    alert = _alert_form(params, Alert.Kind.TRAININGS, "alert-frequency")
    return Section("", {"alert": alert}, draw=save_search_form)


def _alert_form(params, kind, field_id="id_frequency"):
    """What the form of a new alert (AlertForm) needs of this page (buttons.save_search_form
    draws it): the search's query, the kind of alert, the id of its frequency's field."""
    return {"query": params.urlencode(), "kind": kind, "id": field_id}


def my_saved_jobs(request):
    saved = SavedJob.objects.filter(user=request.user).select_related(
        "job", "job__employer", "job__municipality"
    )[: DASHBOARD_SAVED + 1]
    saved = list(saved)
    return Section(
        "jobseekers/_dashboard_saved.html",
        {"saved_jobs": saved[:DASHBOARD_SAVED], "more_saved": len(saved) > DASHBOARD_SAVED},
        order=20,
    )


def my_alerts(request):
    alerts = with_descriptions(Alert.objects.filter(user=request.user))
    return Section("jobseekers/_dashboard_alerts.html", {"alerts": alerts}, order=30)


def apply_initial(user):
    """The apply form's phone from the jobseeker's profile."""
    profile = Profile.objects.filter(user=user).only("phone").first()
    return {"phone": profile.phone} if profile else {}


def apply_stored_cv(user):
    """The CV of the jobseeker's profile, offered on the apply form."""
    profile = Profile.objects.filter(user=user).exclude(cv="").only("cv", "cv_name").first()
    if profile is None:
        return None
    return {"name": profile.cv.name, "original": profile.cv_name, "stored": True}


def my_profile(request):
    """A pointer to the jobseeker profile, told apart from the account's details."""
    profile = profile_of(request)
    # Requests can come only to a card that is, or was, visible.
    waiting = (
        profile.contact_requests.filter(status="pending").count()
        if profile and profile.visible_to_employers
        else 0
    )
    return Section(
        "jobseekers/_dashboard_profile.html",
        {"jobseeker_profile": profile, "waiting": waiting},
        order=5,
    )


def profile_of(request):
    """The signed-in user's jobseeker profile or None, asked once per request."""
    if not hasattr(request, "_jobseeker_profile"):
        request._jobseeker_profile = Profile.objects.filter(user=request.user).first()
    return request._jobseeker_profile


def jobs_for_you(request):
    """Open jobs that fit the jobseeker's profile, each with its reasons."""
    profile = profile_of(request)
    if profile is None:
        return None  # its own section says how to begin
    found = recommendations(profile)
    return Section("jobseekers/_dashboard_for_you.html", {"recommended": found}, order=8)
