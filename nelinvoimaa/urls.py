from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from . import accounts, views
from .page_cache import cache_public_page
from .sitemaps import sitemaps

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        cache_public_page(sitemap_views.sitemap),
        {"sitemaps": sitemaps()},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("favicon.ico", views.favicon, name="favicon"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("pages/<slug:slug>/", views.page, name="page"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/my-data/", views.my_data, name="my_data"),
    path("dashboard/profile/", views.profile, name="profile"),
    path("employers/", include("employers.urls")),
    path("employers/", include("jobs.employer_urls")),
    # Applications live under jobs/<id>/…; their URLs come first, before the job page's.
    path("jobs/", include("applications.urls")),
    path("jobs/", include("jobs.urls")),
    path("trainings/", include("trainings.urls")),
    path("stories/", include("stories.urls")),
    path("entrepreneurship/", include("entrepreneurship.urls")),
    path("staff/", include("reports.urls")),
    # A jobseeker's own pages: saved jobs, alerts, profile, year of work.
    path("", include("jobseekers.urls")),
    # allauth's e-mail confirmation, which also leads another browser on to `next`.
    re_path(
        r"^accounts/confirm-email/(?P<key>[-:\w]+)/$",
        accounts.confirm_email,
        name="account_confirm_email",
    ),
    path("accounts/", include("allauth.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler500 = "nelinvoimaa.views.server_error"
