import sys

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .accounts import ProfileForm
from .contributions import sections
from .models import Page
from .page_cache import cache_public_page
from .personal_data import AccountDeletionBlocked, delete_account, export_user_data


@require_safe
@cache_public_page
def home(request):
    """The front page: an introduction, then what each app shows there (its home_sections)."""
    return render(
        request, "nelinvoimaa/home.html", {"sections": sections("home_sections", request)}
    )


@require_safe
@cache_public_page
def page(request, slug):
    return render(request, "pages/page.html", {"page": get_object_or_404(Page, slug=slug)})


@never_cache
@require_safe
def healthz(request):
    """The process answers; touches no database, so a database outage does not restart it."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_safe
def readyz(request):
    """Ready for traffic: the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"database": "unavailable"}, status=503)
    return JsonResponse({"database": "ok"})


def server_error(request):
    """The 500 page; 503 with Retry-After when the database cannot be reached (an outage, or
    no pooled connection within DATABASE_POOL_TIMEOUT), so a user and a load balancer know to
    try again. Both stand alone: no query, no session."""
    exception = sys.exc_info()[1]
    if isinstance(exception, (OperationalError, InterfaceError)):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)


@require_safe
def favicon(request):
    return redirect(static("nelinvoimaa/favicon.svg"), permanent=True)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/accounts/",
        "Disallow: /*/dashboard/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@login_required
@require_safe
def dashboard(request):
    """The signed-in user's own page: what each app shows there (its dashboard_sections)."""
    return render(
        request,
        "nelinvoimaa/dashboard.html",
        {"sections": sections("dashboard_sections", request)},
    )


@login_required
def my_data(request):
    """Download everything the portal holds about me, or delete my account."""
    error = None
    if request.method == "POST" and request.POST.get("action") == "export":
        response = HttpResponse(export_user_data(request.user), content_type="application/zip")
        response["Content-Disposition"] = 'attachment; filename="nelinvoimaa-data.zip"'
        return response
    if request.method == "POST" and request.POST.get("action") == "delete":
        if not request.user.check_password(request.POST.get("password", "")):
            error = _("The password is not correct.")
        else:
            try:
                delete_account(request.user, request.session)
            except AccountDeletionBlocked as blocked:
                error = str(blocked)
            else:
                logout(request)
                messages.success(request, _("Your account and your data have been deleted."))
                return redirect("home")
    return render(
        request, "nelinvoimaa/my_data.html", {"error": error}, status=400 if error else 200
    )


@login_required
def profile(request):
    """Name, phone and the language of the portal's e-mails."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details have been saved."))
        return redirect("profile")
    return render(
        request, "nelinvoimaa/profile.html", {"form": form}, status=400 if form.errors else 200
    )
