from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from employers.views import member_employer_or_404

from .forms import CloseForm, JobForm
from .models import Action, Job, JobEvent, TransitionError

DETAIL_RELATED = ["employer", "employer__municipality", "municipality", "sector"]


def member_job_or_404(user, job_id):
    """The job if `user` is a member of its employer; else 404."""
    return get_object_or_404(
        Job.objects.for_member(user).select_related(*DETAIL_RELATED), pk=job_id
    )


@require_safe
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
