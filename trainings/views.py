import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from employers.access import member_employer_or_404
from jobs.models import Job
from jobs.search import suggested_query
from jobs.structured_data import as_script_content
from nelinvoimaa.contributions import sections
from nelinvoimaa.page_cache import cache_public_page
from nelinvoimaa.staff import staff_only

from . import calendar
from .access import DETAIL_RELATED, member_training_or_404, own_enrolment_or_404
from .demand import summary
from .filters import upcoming_filter
from .forms import DemandForm, EnrolForm, MarkForm, SessionFormSet, TrainingForm
from .models import CalendarFeed, Demand, Enrolment, EnrolmentError, Training, TransitionError
from .search import training_vocabulary
from .structured_data import course

PAGE_SIZE = 20
RELATED_JOBS = 5


@require_safe
@cache_public_page
def training_list(request):
    training_filter = upcoming_filter(request.GET)
    page = Paginator(training_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    feed_query = request.GET.copy()
    feed_query.pop("page", None)
    return render(
        request,
        "trainings/list.html",
        {
            "filter": training_filter,
            "page": page,
            "feed_query": feed_query.urlencode(),
            "suggestion": None
            if page.object_list
            else suggested_query(
                feed_query,
                training_vocabulary,
                lambda query: upcoming_filter(query, training_filter.reference).qs.exists(),
            ),
            "list_sections": sections("training_list_sections", request, request.GET),
        },
    )


def _visible_training_or_404(request, training_id):
    training = get_object_or_404(Training.objects.select_related(*DETAIL_RELATED), pk=training_id)
    is_member = training.provider.membership_of(request.user) is not None
    public = {Training.Status.PUBLISHED, Training.Status.CLOSED, Training.Status.CANCELLED}
    if training.status not in public and not is_member:
        raise Http404
    return training, is_member


@require_safe
@cache_public_page
def detail(request, training_id, slug):
    training, is_member = _visible_training_or_404(request, training_id)
    if slug != training.slug:
        return redirect(training, permanent=True)
    sessions = list(training.sessions.all())
    sectors = list(training.sectors.all())
    jobs = (
        Job.objects.open()
        .filter(sector__in=sectors)
        .select_related("employer", "municipality")
        .order_by("deadline", "pk")[:RELATED_JOBS]
    )
    enrolment = None
    if request.user.is_authenticated:
        enrolment = Enrolment.objects.filter(training=training, user=request.user).first()
    taken = training.seats_taken()
    return render(
        request,
        "trainings/detail.html",
        {
            "training": training,
            "is_member": is_member,
            "sessions": sessions,
            "sectors": sectors,
            "placements": list(training.placement_employers.all()),
            "jobs": list(jobs) if sectors else [],
            "seats_left": max(training.capacity - taken, 0),
            "enrolment": enrolment,
            "problem": training.enrolment_problem(),
            "course": as_script_content(course(training, sessions))
            if training.status == Training.Status.PUBLISHED
            else None,
        },
    )


@require_safe
def training_ics(request, training_id):
    training, _is_member = _visible_training_or_404(request, training_id)
    cal = calendar.calendar(training.title)
    calendar.add_sessions(cal, training, training.sessions.all())
    response = HttpResponse(calendar.to_bytes(cal), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="training-{training.pk}.ics"'
    return response


# Enrolment ----------------------------------------------------------------------------------


@login_required
def enrol(request, training_id):
    training = get_object_or_404(
        Training.objects.public().select_related(*DETAIL_RELATED), pk=training_id
    )
    existing = Enrolment.objects.filter(training=training, user=request.user).first()
    if existing and existing.is_active:
        messages.info(request, _("You have already enrolled in this training."))
        return redirect("dashboard")
    if problem := training.enrolment_problem():
        messages.error(request, problem)
        return redirect(training)
    form = EnrolForm(request.POST or None, training=training)
    full = training.seats_taken() >= training.capacity
    context = {"training": training, "form": form, "full": full}
    if request.method != "POST" or not form.is_valid():
        return render(request, "trainings/enrol.html", context)
    try:
        enrolment = Enrolment.enrol(
            training,
            request.user,
            answers=form.answers(),
            consent=form.cleaned_data["consent"],
            placements=form.cleaned_data.get("placements", []),
            wants_visit=form.cleaned_data.get("wants_visit", False),
        )
    except EnrolmentError as exc:
        form.add_error(None, str(exc.args[0]))
        return render(request, "trainings/enrol.html", context)
    except DatabaseError:  # e.g. the lock was not had in time: nothing was saved
        form.add_error(None, _("Your enrolment could not be saved just now. Please try again."))
        return render(request, "trainings/enrol.html", context, status=503)
    if enrolment.status == Enrolment.Status.WAITLISTED:
        messages.success(
            request,
            _(
                "The training is full, so you are on the waitlist, number %(n)d. "
                "We will e-mail you if a place frees up."
            )
            % {"n": enrolment.waitlist_position()},
        )
    else:
        messages.success(request, _("You have enrolled. A confirmation is on its way by e-mail."))
    return redirect("dashboard")


@login_required
@require_POST
def cancel_enrolment(request, enrolment_id):
    enrolment = own_enrolment_or_404(request.user, enrolment_id)
    try:
        enrolment.cancel()
    except EnrolmentError as exc:
        messages.error(request, str(exc.args[0]))
    else:
        messages.success(request, _("Your enrolment has been cancelled."))
    return redirect("dashboard")


# Calendar -----------------------------------------------------------------------------------


@require_safe
def my_calendar(request, token):
    """A person's enrolments as a calendar, at a secret address (calendar apps cannot sign in)."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    cal = calendar.calendar(_("My trainings – Nelinvoimaa"))
    enrolments = (
        Enrolment.objects.filter(user=feed.user, status=Enrolment.Status.ENROLLED)
        .exclude(training__status=Training.Status.CANCELLED)
        .select_related("training", "training__provider", "training__municipality")
        .prefetch_related("training__sessions")
    )
    for enrolment in enrolments:
        calendar.add_sessions(cal, enrolment.training, enrolment.training.sessions.all())
    response = HttpResponse(calendar.to_bytes(cal), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"  # a person's own, at a secret address
    return response


@login_required
@require_POST
def renew_calendar(request):
    feed = CalendarFeed.of(request.user)
    if request.POST.get("renew"):
        feed.renew()
        messages.success(
            request, _("Your calendar has a new address; the old one no longer works.")
        )
    return redirect("dashboard")


# Organisers ---------------------------------------------------------------------------------


@login_required
@require_safe
def provider(request, slug):
    employer, _membership = member_employer_or_404(request.user, slug)
    trainings = (
        Training.objects.filter(provider=employer)
        .select_related("municipality")
        .order_by("-created_at")
    )
    return render(
        request,
        "trainings/provider.html",
        {"employer": employer, "trainings": trainings.with_seats()},
    )


def _save_training(request, form, sessions, save):
    """The training, its sectors and placements, and its sessions, together or not at all."""
    with transaction.atomic():
        training = save(form.save(commit=False))
        form.save_m2m()
        sessions.instance = training
        sessions.save()
        training.refresh_derived()
    return training


@login_required
def create(request, slug):
    employer, _membership = member_employer_or_404(request.user, slug)
    form = TrainingForm(request.POST or None)
    sessions = SessionFormSet(request.POST or None, prefix="sessions")
    if request.method == "POST" and form.is_valid() and sessions.is_valid():
        training = _save_training(
            request, form, sessions, lambda t: t.start_draft(employer, request.user)
        )
        messages.success(request, _("The training has been saved as a draft."))
        return redirect("trainings:manage", training.pk)
    return render(
        request, "trainings/form.html", {"form": form, "sessions": sessions, "employer": employer}
    )


@login_required
def edit(request, training_id):
    training = member_training_or_404(request.user, training_id)
    if not training.is_editable:
        messages.error(
            request, _("A training that is awaiting review, closed or cancelled cannot be edited.")
        )
        return redirect("trainings:manage", training.pk)
    form = TrainingForm(request.POST or None, instance=training)
    sessions = SessionFormSet(request.POST or None, instance=training, prefix="sessions")
    if request.method == "POST" and form.is_valid() and sessions.is_valid():
        try:
            _save_training(request, form, sessions, lambda t: t.save_edit(request.user))
        except TransitionError:
            messages.error(
                request,
                _("A training that is awaiting review, closed or cancelled cannot be edited."),
            )
            return redirect("trainings:manage", training.pk)
        messages.success(request, _("The training has been saved."))
        return redirect("trainings:manage", training.pk)
    return render(
        request,
        "trainings/form.html",
        {"form": form, "sessions": sessions, "employer": training.provider, "training": training},
    )


@login_required
@require_safe
def manage(request, training_id):
    training = member_training_or_404(request.user, training_id)
    return render(
        request,
        "trainings/manage.html",
        {
            "training": training,
            "sessions": training.sessions.all(),
            "events": training.events.select_related("actor"),
            "seats_taken": training.seats_taken(),
            "waiting": training.enrolments.waitlist().count(),
            "rejection": training.latest_rejection()
            if training.status == Training.Status.REJECTED
            else None,
        },
    )


@login_required
@require_POST
def submit(request, training_id):
    training = member_training_or_404(request.user, training_id)
    try:
        training.submit(request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("trainings:manage", training.pk)
    except TransitionError:
        messages.error(request, _("This training has already been sent."))
        return redirect("trainings:manage", training.pk)
    if training.status == Training.Status.PUBLISHED:
        messages.success(request, _("The training has been published."))
    else:
        messages.success(
            request,
            _(
                "The training has been sent for review. You will get an e-mail "
                "when a moderator has looked at it."
            ),
        )
    return redirect("trainings:manage", training.pk)


@login_required
@require_POST
def close(request, training_id):
    training = member_training_or_404(request.user, training_id)
    try:
        training.close(request.user)
    except TransitionError:
        messages.error(request, _("Only a published training can be closed."))
    else:
        messages.success(request, _("Enrolment to the training has been closed."))
    return redirect("trainings:manage", training.pk)


@login_required
@require_POST
def cancel(request, training_id):
    training = member_training_or_404(request.user, training_id)
    reason = request.POST.get("reason", "")[:500]
    try:
        training.cancel(request.user, reason)
    except TransitionError:
        messages.error(request, _("This training cannot be cancelled any more."))
    else:
        messages.success(
            request, _("The training has been cancelled. Those enrolled have been told by e-mail.")
        )
    return redirect("trainings:manage", training.pk)


def _enrolees(training):
    return (
        training.enrolments.exclude(user=None)
        .select_related("user")
        .prefetch_related("placement_wishes")
        .order_by("created_at", "pk")
    )


@login_required
@require_safe
def enrolees(request, training_id):
    training = member_training_or_404(request.user, training_id)
    rows = list(_enrolees(training))
    return render(
        request,
        "trainings/enrolees.html",
        {
            "training": training,
            "enrolled": [e for e in rows if e.status not in {"waitlisted", "cancelled"}],
            "waitlist": [e for e in rows if e.status == "waitlisted"],
            "cancelled": [e for e in rows if e.status == "cancelled"],
            "mark_choices": MarkForm.base_fields["status"].choices,
        },
    )


def _cell(value):
    """A CSV cell a spreadsheet will not run as a formula."""
    value = str(value)
    return "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


@login_required
@require_safe
def enrolees_csv(request, training_id):
    training = member_training_or_404(request.user, training_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="enrolees-{training.pk}.csv"'
    response.write("\ufeff")  # so that a spreadsheet reads ä and ö right
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Name"),
            _("E-mail"),
            _("Phone"),
            _("Status"),
            _("Enrolled"),
            *training.question_list,
            _("Placement wishes"),
            _("Wants to visit first"),
        ]
    )
    for enrolment in _enrolees(training):
        writer.writerow(
            _cell(value)
            for value in [
                enrolment.user.get_full_name(),
                enrolment.user.email,
                enrolment.user.phone,
                enrolment.get_status_display(),
                enrolment.created_at.strftime("%d.%m.%Y"),
                *_answers_in_order(enrolment, training.question_list),
                ", ".join(e.name for e in enrolment.placement_wishes.all()),
                _("yes") if enrolment.wants_visit else "",
            ]
        )
    return response


def _answers_in_order(enrolment, questions):
    """The enrolment's answers in the columns of the training's questions now."""
    given = {item.get("question"): item.get("answer", "") for item in enrolment.answers}
    return [given.get(question, "") for question in questions]


@login_required
@require_POST
def mark(request, training_id, enrolment_id):
    training = member_training_or_404(request.user, training_id)
    enrolment = get_object_or_404(training.enrolments.exclude(user=None), pk=enrolment_id)
    form = MarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return redirect("trainings:enrolees", training.pk)
    try:
        enrolment.mark(form.cleaned_data["status"])
    except EnrolmentError as exc:
        messages.error(request, str(exc.args[0]))
    else:
        messages.success(request, _("Saved."))
    return redirect("trainings:enrolees", training.pk)


# Demand -------------------------------------------------------------------------------------


@login_required
def demand(request):
    form = DemandForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        demand = form.save(commit=False)
        demand.user = request.user
        demand.save()
        messages.success(
            request,
            _("Thank you. We will e-mail you when a matching training is published."),
        )
        return redirect("trainings:demand")
    mine = Demand.objects.filter(user=request.user).select_related("sector", "municipality")
    return render(request, "trainings/demand.html", {"form": form, "mine": mine})


@require_safe
@staff_only(permission="trainings.view_demand")
def demand_summary(request):
    return render(request, "trainings/demand_summary.html", {"rows": summary()})
