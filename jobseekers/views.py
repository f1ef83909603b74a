from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from jobs.models import Job

from .alerts import with_descriptions
from .forms import AlertForm, FrequencyForm, PresenceForm, ProfileForm
from .models import MAX_ALERTS, Alert, PresencePeriod, Profile, SavedJob, alert_query
from .planner import year_of_work


def back(request, default):
    """Where the form came from (a job, the list, the saved jobs), if it is on this site."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(default)


@login_required
@require_safe
def saved_jobs(request):
    saved = SavedJob.objects.filter(user=request.user).select_related(
        "job", "job__employer", "job__municipality"
    )
    return render(request, "jobseekers/saved.html", {"saved_jobs": saved})


@login_required
@require_POST
def save_job(request, job_id):
    job = get_object_or_404(Job.objects.public(), pk=job_id)
    SavedJob.objects.save_for(request.user, job)
    messages.success(request, _("The job has been saved."))
    return back(request, job)


@login_required
@require_POST
def unsave_job(request, job_id):
    SavedJob.objects.filter(user=request.user, job_id=job_id).delete()
    messages.success(request, _("The job has been removed from your saved jobs."))
    return back(request, "jobseekers:saved")


@login_required
@require_POST
def saved_job_reminder(request, job_id):
    saved = get_object_or_404(SavedJob, user=request.user, job_id=job_id)
    saved.remind = request.POST.get("remind") == "on"
    saved.save(update_fields=["remind"])
    messages.success(request, _("Your choice has been saved."))
    return redirect("jobseekers:saved")


@login_required
@require_safe
def alerts(request):
    found = with_descriptions(Alert.objects.filter(user=request.user))
    for alert in found:
        alert.form = FrequencyForm(instance=alert, prefix=f"alert-{alert.pk}")
    return render(request, "jobseekers/alerts.html", {"alerts": found})


@login_required
@require_POST
def create_alert(request):
    form = AlertForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how often to send the new jobs."))
        return redirect("jobs:list")
    query = alert_query(QueryDict(form.cleaned_data["query"]))
    mine = Alert.objects.filter(user=request.user)
    if mine.count() >= MAX_ALERTS and not mine.filter(query=query).exists():
        messages.error(
            request,
            _("You have %(count)s job alerts, the most there can be. Delete one first.")
            % {"count": MAX_ALERTS},
        )
        return redirect("jobseekers:alerts")
    alert, created = Alert.objects.get_or_create(
        user=request.user, query=query, defaults={"frequency": form.cleaned_data["frequency"]}
    )
    if not created:
        alert.frequency = form.cleaned_data["frequency"]
        alert.save(update_fields=["frequency"])
    messages.success(
        request,
        _("The job alert has been saved. New jobs of this search will come to your e-mail."),
    )
    return redirect("jobseekers:alerts")


@login_required
@require_POST
def change_alert(request, alert_id):
    alert = get_object_or_404(Alert, user=request.user, pk=alert_id)
    form = FrequencyForm(request.POST, instance=alert, prefix=f"alert-{alert.pk}")
    if form.is_valid():
        form.save()
        messages.success(request, _("The job alert has been changed."))
    else:
        messages.error(request, _("Choose how often to send the new jobs."))
    return redirect("jobseekers:alerts")


@login_required
@require_POST
def delete_alert(request, alert_id):
    get_object_or_404(Alert, user=request.user, pk=alert_id).delete()
    messages.success(request, _("The job alert has been deleted."))
    return redirect("jobseekers:alerts")


# Mail programs post here without a session or a CSRF token (RFC 8058 one-click); the signed
# link is the proof. A GET only asks, so a link scanner opening it unsubscribes no one.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    alert = Alert.from_token(token)
    if request.method == "POST":
        if alert is not None:
            alert.delete()
        return render(request, "jobseekers/unsubscribed.html")
    if alert is None:
        return render(request, "jobseekers/unsubscribed.html")
    words = with_descriptions([alert])[0].words
    return render(request, "jobseekers/unsubscribe.html", {"alert": alert, "words": words})


def own_profile(user):
    return Profile.objects.get_or_create(user=user)[0]


@login_required
def profile(request):
    """What I want and can do; private, used to prefill applications and to find jobs."""
    mine = Profile.objects.filter(user=request.user).first() or Profile(user=request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=mine)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your jobseeker profile has been saved."))
        return redirect("jobseekers:profile")
    return render(
        request,
        "jobseekers/profile.html",
        {
            "form": form,
            "profile": mine,
            "presence": mine.presence.select_related("municipality") if mine.pk else [],
            "presence_form": PresenceForm(prefix="presence"),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_safe
def profile_cv(request):
    mine = get_object_or_404(Profile, user=request.user)
    if not mine.cv:
        raise Http404
    return FileResponse(mine.cv.open("rb"), as_attachment=True, filename=mine.cv_name or "cv")


@login_required
@require_POST
def add_presence(request):
    mine = own_profile(request.user)
    form = PresenceForm(request.POST, prefix="presence")
    if form.is_valid():
        form.instance.profile = mine
        form.save()
        messages.success(request, _("The period has been added."))
        return redirect("jobseekers:profile")
    return render(
        request,
        "jobseekers/profile.html",
        {
            "form": ProfileForm(instance=mine),
            "profile": mine,
            "presence": mine.presence.select_related("municipality"),
            "presence_form": form,
        },
        status=400,
    )


@login_required
@require_POST
def delete_presence(request, period_id):
    get_object_or_404(PresencePeriod, profile__user=request.user, pk=period_id).delete()
    messages.success(request, _("The period has been removed."))
    return redirect("jobseekers:profile")


@login_required
@require_safe
def year(request):
    """A year of work: my jobs month by month, and open jobs for the gaps."""
    months, gaps, undated, mine = year_of_work(request.user, timezone.localdate())
    return render(
        request,
        "jobseekers/year.html",
        {"months": months, "gaps": gaps, "undated": undated, "profile": mine},
    )
