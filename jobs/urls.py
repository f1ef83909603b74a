from django.urls import path

from nelinvoimaa.page_cache import cache_public_page

from . import feeds, views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("feed/", cache_public_page(feeds.JobFeed()), name="feed"),
    path("<int:job_id>/manage/", views.manage, name="manage"),
    path("<int:job_id>/edit/", views.edit, name="edit"),
    path("<int:job_id>/submit/", views.submit, name="submit"),
    path("<int:job_id>/close/", views.close, name="close"),
    path("<int:job_id>/post-again/", views.post_again, name="post_again"),
    path("<int:job_id>/apply/", views.apply, name="apply"),
    path("<int:job_id>/applicants/", views.applicants, name="applicants"),
    path("<int:job_id>/applicants/status/", views.bulk_status, name="bulk_status"),
    path(
        "<int:job_id>/applicants/<int:application_id>/",
        views.application_detail,
        name="application",
    ),
    path(
        "<int:job_id>/applicants/<int:application_id>/status/",
        views.change_application_status,
        name="application_status",
    ),
    path("applications/<int:application_id>/cv/", views.download_cv, name="download_cv"),
    path("applications/<int:application_id>/withdraw/", views.withdraw, name="withdraw"),
    # Last: the words above are never a job's slug (see Job.slug).
    path("<int:job_id>/<slug:slug>/", views.detail, name="detail"),
]
