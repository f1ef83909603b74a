from contextlib import suppress

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from jobs.models import TransitionError

from .forms import ContactForm, ListingForm, MentoringForm
from .models import ContactMessage, MentoringEntry, SuccessorListing


@require_safe
def index(request):
    """Successors wanted (published listings) and the way to mentoring."""
    listings = SuccessorListing.objects.published().select_related("municipality")
    return render(request, "entrepreneurship/index.html", {"listings": listings})


def listing(request, listing_id):
    """A published listing; its owner sees theirs in any status. Signed-in people write to
    the owner here (once each)."""
    found = get_object_or_404(
        SuccessorListing.objects.select_related("municipality", "owner"), pk=listing_id
    )
    is_owner = request.user.is_authenticated and found.owner_id == request.user.pk
    if found.status != SuccessorListing.Status.PUBLISHED and not is_owner:
        raise Http404
    can_write = request.user.is_authenticated and not is_owner
    already = can_write and found.messages.filter(sender=request.user).exists()
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        if not can_write or already:
            raise Http404
        if form.is_valid():
            with suppress(IntegrityError):  # sent twice at once: one is kept
                ContactMessage.send(found, request.user, form.cleaned_data["message"])
            messages.success(request, _("Your message was sent to the owner."))
            return redirect(found)
    context = {
        "listing": found,
        "is_owner": is_owner,
        "can_write": can_write,
        "already": already,
        "form": form,
    }
    return render(request, "entrepreneurship/listing.html", context)


@login_required
def create_listing(request):
    form = ListingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = form.save(commit=False)
        created.owner = request.user
        created.save()
        messages.success(
            request, _("Thank you. A moderator reviews the listing before it is public.")
        )
        return redirect(created)
    return render(request, "entrepreneurship/listing_form.html", {"form": form})


@login_required
@require_POST
def close_listing(request, listing_id):
    found = get_object_or_404(SuccessorListing, pk=listing_id, owner=request.user)
    with suppress(TransitionError):  # closed already (another tab)
        found.close()
    messages.success(request, _("The listing is closed."))
    return redirect(found)


@login_required
def mentoring(request):
    """Offer to mentor or ask for a mentor; the person's own entries are listed."""
    form = MentoringForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.person = request.user
        entry.save()
        messages.success(request, _("Thank you. Staff of the municipality will be in touch."))
        return redirect("entrepreneurship:mentoring")
    entries = MentoringEntry.objects.filter(person=request.user).select_related("municipality")
    listings = SuccessorListing.objects.filter(owner=request.user)
    return render(
        request,
        "entrepreneurship/mentoring.html",
        {"form": form, "entries": entries, "listings": listings},
    )
