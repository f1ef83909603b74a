from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import FileResponse, Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from employers.access import member_employer_or_404
from jobs.models import Job
from nelinvoimaa.emails import send_templated

from .alerts import with_descriptions
from .cards import find_cards
from .forms import (
    AlertForm,
    CardSearchForm,
    ContactRequestForm,
    FrequencyForm,
    PresenceForm,
    ProfileForm,
)
from .models import (
    CONTACT_REQUESTS_PER_DAY,
    MAX_ALERTS,
    Alert,
    ContactBlock,
    ContactRequest,
    PresencePeriod,
    Profile,
    SavedJob,
    alert_query,
)
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
    return render(
        request,
        "jobseekers/alerts.html",
        {
            "alerts": found,
            "job_alerts": [alert for alert in found if not alert.is_for_trainings],
            "training_alerts": [alert for alert in found if alert.is_for_trainings],
        },
    )


@login_required
@require_POST
def create_alert(request):
    form = AlertForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how often to send the new jobs."))
        return redirect("jobs:list")
    kind = form.cleaned_data["kind"]
    for_trainings = kind == Alert.Kind.TRAININGS
    search_list = "trainings:list" if for_trainings else "jobs:list"
    query = alert_query(QueryDict(form.cleaned_data["query"]), kind)
    if len(query) > Alert._meta.get_field("query").max_length:
        messages.error(request, _("This search is too long to save. Use fewer words or choices."))
        return redirect(search_list)
    mine = Alert.objects.filter(user=request.user)
    if mine.count() >= MAX_ALERTS and not mine.filter(kind=kind, query=query).exists():
        messages.error(
            request,
            _("You have %(count)s alerts, the most there can be. Delete one first.")
            % {"count": MAX_ALERTS},
        )
        return redirect("jobseekers:alerts")
    alert, created = Alert.objects.get_or_create(
        user=request.user,
        kind=kind,
        query=query,
        defaults={"frequency": form.cleaned_data["frequency"]},
    )
    if not created:
        alert.frequency = form.cleaned_data["frequency"]
        alert.save(update_fields=["frequency"])
    if for_trainings:
        messages.success(
            request,
            _(
                "The training alert has been saved. New trainings of this search will come to "
                "your e-mail."
            ),
        )
    else:
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
        if alert.is_for_trainings:
            messages.success(request, _("The training alert has been changed."))
        else:
            messages.success(request, _("The job alert has been changed."))
    else:
        messages.error(request, _("Choose how often to send the new jobs."))
    return redirect("jobseekers:alerts")


@login_required
@require_POST
def delete_alert(request, alert_id):
    alert = get_object_or_404(Alert, user=request.user, pk=alert_id)
    alert.delete()
    if alert.is_for_trainings:
        messages.success(request, _("The training alert has been deleted."))
    else:
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


def contacting_employer_or_404(user, slug):
    """The employer, if `user` is its member; whether it may search cards: verified by staff
    and not blocked for abuse."""
    employer, _membership = member_employer_or_404(user, slug)
    allowed = employer.is_verified and not ContactBlock.objects.filter(employer=employer).exists()
    return employer, allowed


@login_required
@require_safe
def cards(request, slug):
    """A verified employer finds anonymous cards of people who chose to be found."""
    employer, allowed = contacting_employer_or_404(request.user, slug)
    if not allowed:
        return render(request, "jobseekers/cards.html", {"employer": employer}, status=403)
    form = CardSearchForm(request.GET or None)
    found = find_cards(**form.cleaned_data) if form.is_valid() else find_cards()
    asked = set(
        ContactRequest.objects.filter(employer=employer, profile__in=found).values_list(
            "profile_id", flat=True
        )
    )
    sent = employer.contact_requests.select_related("profile__user")[:50]
    return render(
        request,
        "jobseekers/cards.html",
        {
            "employer": employer,
            "allowed": True,
            "form": form,
            "cards": found,
            "asked": asked,
            "sent": sent,
            "contact_form": ContactRequestForm(),
            "left_today": CONTACT_REQUESTS_PER_DAY
            - ContactRequest.objects.sent_today_by(employer).count(),
        },
    )


@login_required
@require_POST
def request_contact(request, slug, profile_id):
    employer, allowed = contacting_employer_or_404(request.user, slug)
    profile = get_object_or_404(Profile, pk=profile_id, visible_to_employers=True)
    form = ContactRequestForm(request.POST)
    if not allowed:
        raise Http404
    if not form.is_valid():
        messages.error(request, _("Write a message of at most 1000 characters."))
    elif ContactRequest.objects.sent_today_by(employer).count() >= CONTACT_REQUESTS_PER_DAY:
        messages.error(
            request,
            _("Your employer has sent %(count)s contact requests today, the most in a day.")
            % {"count": CONTACT_REQUESTS_PER_DAY},
        )
    else:
        try:
            with transaction.atomic():
                contact = ContactRequest.objects.create(
                    employer=employer,
                    sent_by=request.user,
                    profile=profile,
                    message=form.cleaned_data["message"],
                )
                send_templated(
                    profile.user.email,
                    "jobseekers/emails/contact_request",
                    {"request": contact, "site_url": settings.SITE_URL},
                    profile.user.language,
                )
        except IntegrityError:
            messages.info(request, _("Your employer has already asked this person."))
        else:
            messages.success(request, _("The request has been sent."))
    return redirect("jobseekers:cards", employer.slug)


@login_required
@require_safe
def contact_requests(request):
    found = ContactRequest.objects.filter(profile__user=request.user).select_related("employer")
    return render(request, "jobseekers/contact_requests.html", {"requests": found})


@login_required
@require_POST
def answer_contact(request, request_id):
    contact = get_object_or_404(ContactRequest, pk=request_id, profile__user=request.user)
    accept = request.POST.get("answer") == "accept"
    if contact.answer(accept):
        messages.success(
            request,
            _("Accepted: the employer now sees your name and contact details.")
            if accept
            else _("Declined: the employer sees only that you declined."),
        )
    return redirect("jobseekers:contact_requests")
