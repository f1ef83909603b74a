from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from employers.models import Notify
from employers.views import member_employer_or_404
from nelinvoimaa.emails import send_templated
from nelinvoimaa.models import AuditEntry
from nelinvoimaa.page_cache import cache_public_page

from .filters import JobFilter, reference_choices
from .forms import ApplicationForm, CloseForm, JobForm, NotesForm, StatusForm
from .listing import FACETS, count_matches, job_page
from .models import (
    Action,
    Application,
    ApplicationEvent,
    ApplicationStatus,
    ApplyMethod,
    Job,
    JobEvent,
    TransitionError,
)
from .structured_data import as_script_content, job_posting
from .uploads import drop_pending_cv, keep_pending_cv, open_pending_cv, pending_cv

DETAIL_RELATED = ["employer", "employer__municipality", "municipality", "sector"]
LIST_RELATED = ["employer", "municipality"]
PAGE_SIZE = 20
# Filters shown as removable chips, in this order.
CHIP_FIELDS = [
    "q",
    "municipality",
    "sector",
    "employment_type",
    "month",
    "remote",
    "housing",
    "posted",
]


def filtered_jobs(params, reference=None):
    """The open jobs matching the query parameters, and the filter set (for its form)."""
    job_filter = JobFilter(
        params, queryset=Job.objects.open().select_related(*LIST_RELATED), reference=reference
    )
    return job_filter.qs, job_filter


def active_filters(params, form):
    """(label, query without it) for each active filter value, for removable chips."""
    chips = []
    for name in CHIP_FIELDS:
        values = [v for v in params.getlist(name) if v]
        if not values:
            continue
        field = form.fields[name]
        if name == "q":
            labels = {values[0]: f"“{values[0][:60]}”"}
        elif name in {"remote", "housing"}:
            labels = {"on": field.label, "true": field.label}
        else:
            labels = {str(key): label for key, label in field.choices if key}
        for value in values:
            if value not in labels:
                continue  # not understood, so not applied either
            rest = params.copy()
            rest.setlist(name, [v for v in values if v != value])
            rest.pop("page", None)
            chips.append((labels[value], rest.urlencode()))
    return chips


def filter_controls(form, params):
    """The filter form as plain data for a hand-written template: Django's per-option widget
    templates cost more than the rest of the page together (measured with cProfile)."""

    def options(name):
        chosen = set(params.getlist(name))
        return [
            (str(value), label, str(value) in chosen)
            for value, label in form.fields[name].choices
            if value != ""
        ]

    return {
        "q": params.get("q", "")[:200],
        "groups": [
            {"name": name, "label": form.fields[name].label, "options": options(name)}
            for name in ("municipality", "sector", "employment_type", "month")
        ],
        "toggles": [
            {
                "name": name,
                "label": form.fields[name].label,
                "checked": params.get(name) in {"on", "true"},
            }
            for name in ("remote", "housing")
        ],
        "selects": [
            {
                "name": name,
                "label": form.fields[name].label,
                "options": options(name),
                "empty_label": _("Any time") if name == "posted" else None,
            }
            for name in ("posted", "sort")
        ],
    }


@require_safe
@cache_public_page
def job_list(request):
    params = request.GET
    reference = reference_choices()
    _queryset, job_filter = filtered_jobs(params, reference)
    counts = count_matches(job_filter)
    page = job_page(job_filter, counts, params.get("page"), PAGE_SIZE, LIST_RELATED)
    form = job_filter.form
    chips = active_filters(params, form)
    for name in FACETS:
        if counts.facets is not None:
            facet = counts.facets[name]
            form.fields[name].choices = [
                (pk, f"{label} ({facet.get(int(pk), 0)})") for pk, label in reference[name]
            ]
    feed_query = params.copy()
    feed_query.pop("page", None)
    return render(
        request,
        "jobs/list.html",
        {
            "filter": job_filter,
            "controls": filter_controls(form, params),
            "page": page,
            "counts": counts,
            "chips": chips,
            "feed_query": feed_query.urlencode(),
        },
    )


def member_job_or_404(user, job_id):
    """The job if `user` is a member of its employer; else 404."""
    return get_object_or_404(
        Job.objects.for_member(user).select_related(*DETAIL_RELATED), pk=job_id
    )


@require_safe
@cache_public_page
def detail(request, job_id, slug):
    job = get_object_or_404(Job.objects.select_related(*DETAIL_RELATED), pk=job_id)
    is_member = job.employer.membership_of(request.user) is not None
    if job.status not in {"published", "closed"} and not is_member:
        raise Http404
    if slug != job.slug:
        return redirect(job, permanent=True)
    other_jobs = (
        Job.objects.open()
        .filter(employer=job.employer)
        .exclude(pk=job.pk)
        .select_related("municipality")[:5]
    )
    return render(
        request,
        "jobs/detail.html",
        {
            "job": job,
            "is_member": is_member,
            "other_jobs": other_jobs,
            # Only an open job is offered to search engines as a posting.
            "job_posting": as_script_content(job_posting(job)) if job.is_open else None,
        },
    )


@login_required
def create(request, slug):
    employer, _membership = member_employer_or_404(request.user, slug)
    form = JobForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        job = form.save(commit=False)
        job.employer = employer
        job.created_by = request.user
        job.save()
        JobEvent.objects.create(
            job=job, action=Action.CREATED, actor=request.user, status=job.status
        )
        return after_save(request, job)
    return render(request, "jobs/form.html", {"form": form, "employer": employer})


@login_required
def edit(request, job_id):
    job = member_job_or_404(request.user, job_id)
    if not job.is_editable:
        messages.error(request, _("A job that is awaiting review or closed cannot be edited."))
        return redirect("jobs:manage", job.pk)
    form = JobForm(request.POST or None, instance=job)
    if request.method == "POST" and form.is_valid():
        job = form.save()
        job.record_edit(request.user)
        return after_save(request, job)
    return render(request, "jobs/form.html", {"form": form, "employer": job.employer, "job": job})


def after_save(request, job):
    if request.POST.get("next") == "preview":
        return redirect("jobs:manage", job.pk)
    messages.success(request, _("The job has been saved."))
    return redirect("jobs:manage", job.pk)


@login_required
@require_safe
def manage(request, job_id):
    """The member's view of a job: a preview, its status and trail, and what to do next."""
    job = member_job_or_404(request.user, job_id)
    return render(
        request,
        "jobs/manage.html",
        {
            "job": job,
            "events": job.events.select_related("actor"),
            "rejection": job.latest_rejection() if job.status == "rejected" else None,
            "close_form": CloseForm(),
        },
    )


@login_required
@require_POST
def submit(request, job_id):
    job = member_job_or_404(request.user, job_id)
    try:
        job.submit(request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("jobs:edit", job.pk)
    except TransitionError:
        messages.error(request, _("This job has already been sent."))
        return redirect("jobs:manage", job.pk)
    if job.status == "published":
        messages.success(request, _("The job has been published."))
    else:
        messages.success(
            request,
            _(
                "The job has been sent for review. You will get an e-mail "
                "when a moderator has looked at it."
            ),
        )
    return redirect("jobs:manage", job.pk)


@login_required
@require_POST
def close(request, job_id):
    job = member_job_or_404(request.user, job_id)
    form = CloseForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        job.close(request.user, reason)
    except TransitionError:
        messages.error(request, _("Only a published job or one awaiting review can be closed."))
    else:
        messages.success(request, _("The job has been closed."))
    return redirect("jobs:manage", job.pk)


@login_required
@require_POST
def post_again(request, job_id):
    job = member_job_or_404(request.user, job_id)
    try:
        copy = job.post_again(request.user)
    except TransitionError:
        messages.error(request, _("Only a closed job can be posted again."))
        return redirect("jobs:manage", job.pk)
    messages.success(
        request, _("A new draft has been made, its dates a year later. Check it and send it.")
    )
    return redirect("jobs:edit", copy.pk)


# Applications ---------------------------------------------------------------------------


@login_required
def apply(request, job_id):
    """Apply with a cover letter and CV. One application per job and person, however often
    the form is sent (double click, back button, two tabs)."""
    job = get_object_or_404(Job.objects.select_related("employer"), pk=job_id)
    if not job.is_open or job.apply_method != ApplyMethod.HERE:
        messages.info(request, _("This job does not take applications here."))
        return redirect(job)
    existing = Application.objects.filter(job=job, applicant=request.user).first()
    if existing:
        messages.info(request, _("You have already applied for this job."))
        return redirect("dashboard")
    form = ApplicationForm(
        request.POST or None,
        request.FILES or None,
        initial={"phone": request.user.phone},
        pending_cv=pending_cv(request.session, job.pk),
    )
    if request.method == "POST" and not form.is_valid():
        return apply_again(request, job, form)
    if request.method == "POST":
        cv = form.cleaned_data["cv_file"]
        if form.attaches_pending_cv():
            cv = open_pending_cv(form.pending_cv)
        try:
            with transaction.atomic():
                application = form.save(commit=False)
                application.job = job
                application.applicant = request.user
                application.consent_at = timezone.now()
                if cv:
                    stored, original = cv
                    application.cv.save(stored.name, stored, save=False)
                    application.cv_name = original
                application.save()
                ApplicationEvent.objects.create(
                    application=application, status=application.status, actor=request.user
                )
                notify_application(application)
        except IntegrityError:  # the same application sent twice at once: one is kept
            if application.cv:
                application.cv.delete(save=False)
            drop_pending_cv(request.session, job.pk)
            messages.info(request, _("You have already applied for this job."))
            return redirect("dashboard")
        except DatabaseError:
            # Nothing was stored (the transaction rolled back): say so, keep what was typed.
            if application.cv:
                application.cv.delete(save=False)
            form.add_error(
                None,
                _(
                    "Your application could not be saved because of a technical "
                    "problem, and nothing was sent. Please try again in a "
                    "moment."
                ),
            )
            return render(request, "jobs/apply.html", {"job": job, "form": form}, status=503)
        drop_pending_cv(request.session, job.pk)
        messages.success(
            request,
            _(
                "Your application has been sent. You will get an e-mail "
                "whenever its status changes."
            ),
        )
        return redirect("dashboard")
    return render(request, "jobs/apply.html", {"job": job, "form": form})


def apply_again(request, job, form):
    """The form again after an error, with all that was typed. A valid CV that was just
    chosen is kept for the next try: the browser cannot send the file again."""
    new_cv = form.cleaned_data.get("cv_file")
    if new_cv:
        form = ApplicationForm(
            request.POST, pending_cv=keep_pending_cv(request.session, job.pk, new_cv)
        )
        form.is_valid()  # the same errors, shown beside the kept CV
    return render(request, "jobs/apply.html", {"job": job, "form": form}, status=400)


def notify_application(application):
    """Tell the applicant it arrived, and the job's contact and the members who asked for an
    e-mail for each application that it is there (others get the daily summary or nothing)."""
    job = application.job
    context = {"application": application, "job": job, "site_url": settings.SITE_URL}
    send_templated(
        application.applicant.email,
        "jobs/emails/application_received",
        context,
        application.applicant.language,
    )
    recipients = {job.contact_email: "fi"} if job.contact_email else {}
    for membership in job.employer.memberships.filter(notify=Notify.EACH).select_related("user"):
        recipients.setdefault(membership.user.email, membership.user.language)
    for email, language in recipients.items():
        send_templated(email, "jobs/emails/application_new", context, language)


@login_required
@require_safe
def applicants(request, job_id):
    job = member_job_or_404(request.user, job_id)
    status = request.GET.get("status")
    applications = job.applications.select_related("applicant")
    if status in ApplicationStatus.values:
        applications = applications.filter(status=status)
    return render(
        request,
        "jobs/applicants.html",
        {
            "job": job,
            "applications": applications,
            "status": status,
            "statuses": ApplicationStatus.choices,
            "status_form": StatusForm(),
        },
    )


def member_application_or_404(user, job_id, application_id):
    job = member_job_or_404(user, job_id)
    return job, get_object_or_404(job.applications.select_related("applicant"), pk=application_id)


@login_required
def application_detail(request, job_id, application_id):
    job, application = member_application_or_404(request.user, job_id, application_id)
    notes_form = NotesForm(request.POST or None, instance=application, prefix="notes")
    if request.method == "POST" and notes_form.is_valid():
        notes_form.save()
        messages.success(request, _("The notes have been saved."))
        return redirect("jobs:application", job.pk, application.pk)
    return render(
        request,
        "jobs/application.html",
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
def change_application_status(request, job_id, application_id):
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
    return redirect("jobs:application", job.pk, application.pk)


@login_required
@require_POST
def bulk_status(request, job_id):
    """Change the status of several applicants of a job at once."""
    job = member_job_or_404(request.user, job_id)
    form = StatusForm(request.POST)
    ids = [value for value in request.POST.getlist("application") if value.isdigit()]
    if not form.is_valid() or not ids:
        messages.error(request, _("Choose the applicants and the new status."))
        return redirect("jobs:applicants", job.pk)
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
    return redirect("jobs:applicants", job.pk)


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
@require_POST
def withdraw(request, application_id):
    application = get_object_or_404(Application, pk=application_id, applicant=request.user)
    try:
        application.withdraw(request.user)
    except TransitionError:
        messages.error(request, _("This application can no longer be withdrawn."))
    else:
        messages.success(request, _("Your application has been withdrawn."))
    return redirect("dashboard")
