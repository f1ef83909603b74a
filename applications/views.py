from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from jobs.access import member_job_or_404
from jobs.models import Job, TransitionError
from nelinvoimaa.contributions import contributed
from nelinvoimaa.ids import understood_ids
from nelinvoimaa.models import AuditEntry

from .forms import ApplicationForm, NotesForm, StatusForm
from .models import AlreadyApplied, Application, NotTakingApplications
from .uploads import drop_pending_cv, keep_pending_cv, open_pending_cv, pending_cv


def member_application_or_404(user, job_id, application_id):
    """The job and one of ITS applications, if `user` is a member of the job's employer: an
    application of another job (of any employer) is a 404 under this job's URL."""
    job = member_job_or_404(user, job_id)
    return job, get_object_or_404(job.applications.select_related("applicant"), pk=application_id)


@login_required
def apply(request, job_id):
    """Apply with a cover letter and CV (Application.objects.submit holds the rules)."""
    job = get_object_or_404(Job.objects.public().select_related("employer"), pk=job_id)
    if not job.takes_applications_here:
        messages.info(request, _("This job does not take applications here."))
        return redirect(job)
    if Application.objects.has_applied(job, request.user):
        return already_applied(request, job)
    form = ApplicationForm(
        request.POST or None,
        request.FILES or None,
        initial=apply_initial(request.user),
        pending_cv=pending_cv(request.session, job.pk) or stored_cv(request.user),
    )
    if request.method != "POST":
        return render(request, "applications/apply.html", {"job": job, "form": form})
    if not form.is_valid():
        return apply_again(request, job, form)
    cv = form.cleaned_data["cv_file"]
    if form.attaches_pending_cv():
        cv = open_pending_cv(form.pending_cv)
    try:
        Application.objects.submit(
            job,
            request.user,
            cover_letter=form.cleaned_data["cover_letter"],
            phone=form.cleaned_data["phone"],
            availability=form.cleaned_data["availability"],
            cv=cv,
        )
    except AlreadyApplied:
        return already_applied(request, job)
    except NotTakingApplications:
        messages.info(request, _("This job does not take applications here."))
        return redirect(job)
    except DatabaseError:
        # Nothing was stored (the transaction rolled back): say so, keep what was typed.
        form.add_error(
            None,
            _(
                "Your application could not be saved because of a technical "
                "problem, and nothing was sent. Please try again in a "
                "moment."
            ),
        )
        return render(request, "applications/apply.html", {"job": job, "form": form}, status=503)
    drop_pending_cv(request.session, job.pk)
    messages.success(
        request,
        _("Your application has been sent. You will get an e-mail whenever its status changes."),
    )
    return redirect("dashboard")


def apply_initial(user):
    """The form's first values: the account's phone, then what higher apps contribute (a
    jobseeker's profile)."""
    initial = {"phone": user.phone}
    for contribute in contributed("apply_initial"):
        initial |= {name: value for name, value in contribute(user).items() if value}
    return initial


def stored_cv(user):
    """A CV the person keeps for applying (a higher app's, e.g. their profile's), offered as
    the CV of this application: {"name": private storage name, "original", "stored": True}."""
    for contribute in contributed("apply_stored_cv"):
        if found := contribute(user):
            return found
    return None


def already_applied(request, job):
    drop_pending_cv(request.session, job.pk)
    messages.info(request, _("You have already applied for this job."))
    return redirect("dashboard")


def apply_again(request, job, form):
    """The form again after an error, with all that was typed. A valid CV that was just
    chosen is kept for the next try: the browser cannot send the file again."""
    new_cv = form.cleaned_data.get("cv_file")
    if new_cv:
        form = ApplicationForm(
            request.POST, pending_cv=keep_pending_cv(request.session, job.pk, new_cv)
        )
        form.is_valid()  # the same errors, shown beside the kept CV
    return render(request, "applications/apply.html", {"job": job, "form": form}, status=400)


@login_required
@require_safe
def applicants(request, job_id):
    job = member_job_or_404(request.user, job_id)
    status = request.GET.get("status")
    applications = job.applications.select_related("applicant")
    if status in Application.Status.values:
        applications = applications.filter(status=status)
    return render(
        request,
        "applications/applicants.html",
        {
            "job": job,
            "applications": applications,
            "status": status,
            "statuses": Application.Status.choices,
            "status_form": StatusForm(),
        },
    )


@login_required
def application_detail(request, job_id, application_id):
    job, application = member_application_or_404(request.user, job_id, application_id)
    notes_form = NotesForm(request.POST or None, instance=application, prefix="notes")
    if request.method == "POST" and notes_form.is_valid():
        notes_form.save()
        messages.success(request, _("The notes have been saved."))
        return redirect("applications:detail", job.pk, application.pk)
    return render(
        request,
        "applications/application.html",
        {
            "job": job,
            "application": application,
            "notes_form": notes_form,
            "status_form": StatusForm(initial={"status": application.status}),
            "events": application.events.select_related("actor"),
        },
    )


@login_required
@require_POST
def change_status(request, job_id, application_id):
    job, application = member_application_or_404(request.user, job_id, application_id)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            application.change_status(request.user, form.cleaned_data["status"])
        except TransitionError:
            messages.error(request, _("This application's status can no longer be changed."))
        else:
            messages.success(
                request, _("The status has been changed and the applicant has been told by e-mail.")
            )
    return redirect("applications:detail", job.pk, application.pk)


@login_required
@require_POST
def bulk_status(request, job_id):
    """Change the status of several applicants of a job at once."""
    job = member_job_or_404(request.user, job_id)
    form = StatusForm(request.POST)
    ids = understood_ids(request.POST.getlist("application"))
    if not form.is_valid() or not ids:
        messages.error(request, _("Choose the applicants and the new status."))
        return redirect("applications:applicants", job.pk)
    done = skipped = 0
    for application in job.applications.filter(pk__in=ids).select_related("applicant"):
        try:
            application.change_status(request.user, form.cleaned_data["status"])
            done += 1
        except TransitionError:
            skipped += 1
    if done:
        messages.success(
            request,
            ngettext(
                "%(count)d status changed; the applicant has been told by e-mail.",
                "%(count)d statuses changed; the applicants have been told by e-mail.",
                done,
            )
            % {"count": done},
        )
    if skipped:
        messages.warning(
            request,
            ngettext(
                "%(count)d application could not be changed (already final).",
                "%(count)d applications could not be changed (already final).",
                skipped,
            )
            % {"count": skipped},
        )
    return redirect("applications:applicants", job.pk)


@login_required
@require_safe
def download_cv(request, application_id):
    """The CV, to the applicant and the members of the job's employer only; never a URL."""
    application = get_object_or_404(Application.objects.visible_to(request.user), pk=application_id)
    if not application.cv:
        raise Http404
    AuditEntry.record(request.user, AuditEntry.Action.CV_VIEWED, f"application {application.pk}")
    if settings.CV_X_ACCEL_PREFIX:
        # The web server (nginx: an `internal` location) sends the file; Django only decides.
        response = HttpResponse(content_type="application/octet-stream")
        response["X-Accel-Redirect"] = settings.CV_X_ACCEL_PREFIX + application.cv.name
        response["Content-Disposition"] = content_disposition_header(
            True, application.cv_name or "cv"
        )
        return response
    return FileResponse(
        application.cv.open("rb"), as_attachment=True, filename=application.cv_name or "cv"
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request, application_id):
    """Asks first (GET), withdraws on POST; the person may apply again while the job is open."""
    application = get_object_or_404(
        Application.objects.select_related("job", "job__employer"),
        pk=application_id,
        applicant=request.user,
    )
    if request.method != "POST":
        return render(request, "applications/withdraw.html", {"application": application})
    try:
        application.withdraw(request.user)
    except TransitionError:
        messages.error(request, _("This application can no longer be withdrawn."))
    else:
        messages.success(request, _("Your application has been withdrawn."))
    return redirect("dashboard")
