from html import escape as html_escape

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from employers.access import member_employer_or_404
from employers.models import Membership
from nelinvoimaa.contributions import sections
from nelinvoimaa.page_cache import cache_public_page, cached_public, public_version

from .access import DETAIL_RELATED, member_job_or_404
from .filters import LIST_RELATED, open_jobs_filter, reference_choices
from .forms import CloseForm, JobForm
from .models import Job, TransitionError
from .results import FACETS, count_matches, job_page
from .search import job_vocabulary, suggested_query
from .structured_data import as_script_content, job_posting
from .viewer import read_list_with_user, read_with_user

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
        "q": params.get("q", ""),  # typed_query() made it fit to show again
        "groups": checkbox_groups(
            (name, form.fields[name].label, options(name))
            for name in ("municipality", "sector", "employment_type", "month")
        ),
        "toggles": [
            {
                "name": name,
                "label": form.fields[name].label,
                "checked": params.get(name) in {"on", "true"},
            }
            for name in ("remote", "housing")
        ],
        "selects": selects(
            (
                name,
                form.fields[name].label,
                options(name),
                _("Any time") if name == "posted" else None,
            )
            for name in ("posted", "sort")
        ),
    }


def escape(value):
    """The value as HTML text: what django.utils.html.escape gives, without its check for a
    lazy translation on each call, which cost more than the escaping on the filter's some
    150 values (measured)."""
    return html_escape(str(value))


def checkbox_groups(groups):
    """The filter's groups of checkboxes, (name, legend, [(value, label, checked)]) each, as
    HTML: some fifty boxes, which Django's template loop took a millisecond to draw, more than
    the rest of the form (measured); a search never asked before draws them anew."""
    html = []
    for name, legend, options in groups:
        name = escape(name)
        html.append(f'<fieldset class="field">\n<legend>{escape(legend)}</legend>\n')
        for value, label, checked in options:
            value, ticked = escape(value), " checked" if checked else ""
            html.append(
                f'<div><input type="checkbox" name="{name}" value="{value}" '
                f'id="id_{name}_{value}"{ticked}> '
                f'<label for="id_{name}_{value}">{escape(label)}</label></div>\n'
            )
        html.append("</fieldset>\n")
    return mark_safe("".join(html))  # noqa: S308 - every value escaped above


def selects(fields):
    """The filter's drop-down lists, (name, label, [(value, label, selected)], empty label or
    None) each, as HTML, drawn like the checkboxes."""
    html = []
    for name, label, options, empty_label in fields:
        name = escape(name)
        html.append(
            f'<div class="field">\n<label for="id_{name}">{escape(label)}</label>\n'
            f'<select name="{name}" id="id_{name}">\n'
        )
        if empty_label:
            html.append(f'<option value="">{escape(empty_label)}</option>\n')
        for value, option, selected in options:
            chosen = " selected" if selected else ""
            html.append(f'<option value="{escape(value)}"{chosen}>{escape(option)}</option>\n')
        html.append("</select>\n</div>\n")
    return mark_safe("".join(html))  # noqa: S308 - every value escaped above


@require_safe
@cache_public_page(signed_in=True, before_personal=read_list_with_user)
def job_list(request):
    params = request.GET
    version = public_version(request)
    # What every user sees the same is read once per change in each worker: the choices,
    # and the counts of a query (a query never asked before is counted, then kept).
    reference = cached_public(f"job-choices:{get_language()}", reference_choices, version)
    job_filter = open_jobs_filter(params, reference)
    counts = cached_public(
        f"job-counts:{counted_query(job_filter.data)}", lambda: count_matches(job_filter), version
    )
    page = job_page(job_filter, counts, params.get("page"), PAGE_SIZE, LIST_RELATED, version)
    form = job_filter.form
    understood = job_filter.data  # the query as applied: a place named in the words is chosen
    chips = active_filters(understood, form)
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
            "controls": filter_controls(form, understood),
            "page": page,
            "counts": counts,
            "chips": chips,
            # Active filters besides the words: the count on the "Filter (n)" disclosure.
            "filter_count": len(chips) - bool(understood.get("q")),
            "feed_query": feed_query.urlencode(),
            "suggestion": None
            if counts.total
            else suggested_query(
                understood,
                job_vocabulary,
                lambda query: open_jobs_filter(query, reference).qs.exists(),
            ),
        },
    )


def counted_query(data):
    """The part of a query that decides its counts: not the page nor the order."""
    if data is None:
        return ""
    return urlencode(
        sorted(
            (name, value)
            for name, values in data.lists()
            if name not in ("page", "sort")
            for value in values
        )
    )


@require_safe
@cache_public_page(signed_in=True, before_personal=read_with_user)
def detail(request, job_id, slug):
    jobs = Job.objects.select_related(*DETAIL_RELATED)
    if request.user.is_authenticated:  # whether the viewer is a member, in the same query
        members = Membership.objects.filter(employer=OuterRef("employer"), user=request.user)
        jobs = jobs.annotate(viewer_is_member=Exists(members))
    job = get_object_or_404(jobs, pk=job_id)
    is_member = getattr(job, "viewer_is_member", False)
    if job.status not in {Job.Status.PUBLISHED, Job.Status.CLOSED} and not is_member:
        raise Http404
    if slug != job.slug:
        return redirect(job, permanent=True)
    other_jobs = cached_public(
        f"other-jobs:{job.pk}",
        lambda: list(
            Job.objects.open()
            .filter(employer=job.employer_id)
            .exclude(pk=job.pk)
            .select_related("municipality")[:5]
        ),
        public_version(request),
    )
    return render(
        request,
        "jobs/detail.html",
        {
            "job": job,
            "other_jobs": other_jobs,
            "job_sections": sections("job_sections", request, job),
            # Only an open job is offered to search engines as a posting.
            # (a callable: made only when the page's head is not cached already)
            "job_posting": (lambda: as_script_content(job_posting(job))) if job.is_open else None,
        },
    )


@login_required
def create(request, slug):
    employer, _membership = member_employer_or_404(request.user, slug)
    form = JobForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        job = form.save(commit=False).start_draft(employer, request.user)
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
        try:
            job = form.save(commit=False).save_edit(request.user)
        except TransitionError:  # sent for review or closed a moment ago
            messages.error(request, _("A job that is awaiting review or closed cannot be edited."))
            return redirect("jobs:manage", job.pk)
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
            "apply_sections": sections("job_apply_sections", request, job),
            "manage_sections": sections("job_manage_sections", request, job),
            "rejection": job.latest_rejection() if job.status == Job.Status.REJECTED else None,
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
    if job.status == Job.Status.PUBLISHED:
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
