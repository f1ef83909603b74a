from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nelinvoimaa.contributions import merged, sections, values
from nelinvoimaa.page_cache import cache_public_page

from .access import member_employer_or_404
from .filters import EmployerFilter
from .forms import EmployerForm, InvitationForm, NotifyForm, PhotoForm, RoleForm
from .models import Employer, Invitation, InvitationError, LastOwnerError

PAGE_SIZE = 20


def directory_queryset():
    """The employers, with what the apps above count for each (e.g. open jobs)."""
    annotations = merged("employer_annotations")
    return Employer.objects.select_related("municipality").annotate(**annotations).order_by("name")


@require_safe
@cache_public_page
def directory(request):
    employer_filter = EmployerFilter(request.GET, queryset=directory_queryset())
    page = Paginator(employer_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "employers/directory.html",
        {
            "filter": employer_filter,
            "page": page,
            "employer_badges": values("employer_badges"),
        },
    )


@require_safe
@cache_public_page
def detail(request, slug):
    employer = get_object_or_404(
        Employer.objects.select_related("municipality").prefetch_related("sectors", "photos"),
        slug=slug,
    )
    return render(
        request,
        "employers/detail.html",
        {
            "employer": employer,
            "sections": sections("employer_sections", request, employer),
            "membership": employer.membership_of(request.user),
        },
    )


@login_required
def register(request):
    form = EmployerForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "sectors"}
        try:
            employer = Employer.register(request.user, **fields)
        except IntegrityError:  # registered by someone else a moment ago
            form.add_error(
                "business_id",
                _(
                    "This Business ID was just registered by someone "
                    "else. Ask its owner to invite you as a member."
                ),
            )
        else:
            employer.sectors.set(form.cleaned_data["sectors"])
            messages.success(request, _("The employer has been registered. You can now post jobs."))
            return redirect("dashboard")
    return render(request, "employers/form.html", {"form": form, "is_new": True})


@login_required
def edit(request, slug):
    employer, membership = member_employer_or_404(request.user, slug)
    form = EmployerForm(request.POST or None, request.FILES or None, instance=employer)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The employer profile has been saved."))
        return redirect("employers:edit", employer.slug)
    return render_edit_page(request, membership, form, PhotoForm(employer=employer))


@login_required
@require_POST
def add_photo(request, slug):
    employer, membership = member_employer_or_404(request.user, slug)
    photo_form = PhotoForm(request.POST, request.FILES, employer=employer)
    if photo_form.is_valid():
        photo_form.save()
        messages.success(request, _("The photo has been added."))
        return redirect("employers:edit", employer.slug)
    return render_edit_page(
        request, membership, EmployerForm(instance=employer), photo_form, status=400
    )


def render_edit_page(request, membership, form, photo_form, status=200):
    """The profile form and the photos, one of them possibly with errors."""
    employer = membership.employer
    return render(
        request,
        "employers/form.html",
        {
            "form": form,
            "employer": employer,
            "membership": membership,
            "photo_form": photo_form,
            "photos": employer.photos.all(),
        },
        status=status,
    )


@login_required
@require_POST
def delete_photo(request, slug, photo_id):
    employer, _membership = member_employer_or_404(request.user, slug)
    photo = get_object_or_404(employer.photos, pk=photo_id)
    photo.image.delete(save=False)
    photo.delete()
    messages.success(request, _("The photo has been removed."))
    return redirect("employers:edit", employer.slug)


@login_required
def members(request, slug):
    employer, membership = member_employer_or_404(request.user, slug)
    form = InvitationForm(request.POST or None, employer=employer)
    if request.method == "POST":
        if not membership.is_owner:
            raise Http404
        if form.is_valid():
            invitation = form.save(commit=False).send(employer, request.user, request.LANGUAGE_CODE)
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("employers:members", employer.slug)
    return render(
        request,
        "employers/members.html",
        {
            "employer": employer,
            "membership": membership,
            "form": form,
            "memberships": employer.memberships.select_related("user"),
            "notify_form": NotifyForm(instance=membership),
            "invitations": [
                i for i in employer.invitations.filter(accepted_at__isnull=True) if i.is_pending
            ],
        },
    )


@login_required
@require_POST
def change_notify(request, slug):
    """Each member chooses their own e-mails about new applications."""
    _employer, membership = member_employer_or_404(request.user, slug)
    form = NotifyForm(request.POST, instance=membership)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your choice has been saved."))
    return redirect("employers:members", slug)


@login_required
@require_POST
def change_role(request, slug, membership_id):
    employer, _own = member_employer_or_404(request.user, slug, owner=True)
    target = get_object_or_404(employer.memberships, pk=membership_id)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            target.change_role(form.cleaned_data["role"])
        except LastOwnerError:
            messages.error(request, _("An employer must always have at least one owner."))
        else:
            messages.success(request, _("The role has been changed."))
    return redirect("employers:members", employer.slug)


@login_required
@require_POST
def remove_member(request, slug, membership_id):
    employer, own = member_employer_or_404(request.user, slug)
    target = get_object_or_404(employer.memberships, pk=membership_id)
    # Owners remove anyone; every member may leave.
    leaving = target.pk == own.pk
    if not own.is_owner and not leaving:
        raise Http404
    try:
        target.remove()
    except LastOwnerError:
        messages.error(request, _("An employer must always have at least one owner."))
        return redirect("employers:members", employer.slug)
    messages.success(request, _("The member has been removed."))
    if leaving:
        return redirect("dashboard")
    return redirect("employers:members", employer.slug)


@login_required
@require_POST
def cancel_invitation(request, slug, invitation_id):
    employer, _own = member_employer_or_404(request.user, slug, owner=True)
    get_object_or_404(employer.invitations, pk=invitation_id, accepted_at__isnull=True).delete()
    messages.success(request, _("The invitation has been cancelled."))
    return redirect("employers:members", employer.slug)


@login_required
def accept_invitation(request, token):
    invitation = get_object_or_404(Invitation.objects.select_related("employer"), token=token)
    error = None
    if request.method == "POST":
        try:
            invitation.accept(request.user)
        except InvitationError as exc:
            error = str(exc)
        else:
            messages.success(
                request,
                _("You are now a member of %(employer)s.") % {"employer": invitation.employer.name},
            )
            return redirect("dashboard")
    return render(
        request,
        "employers/accept_invitation.html",
        {
            "invitation": invitation,
            "error": error,
        },
    )
