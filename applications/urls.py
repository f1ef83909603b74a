from django.urls import path

from . import views

# Mounted under jobs/ (before the jobs app's own URLs, whose job page would take "apply").
app_name = "applications"
urlpatterns = [
    path("<id:job_id>/apply/", views.apply, name="apply"),
    path("<id:job_id>/applicants/", views.applicants, name="applicants"),
    path("<id:job_id>/applicants/status/", views.bulk_status, name="bulk_status"),
    path(
        "<id:job_id>/applicants/<id:application_id>/",
        views.application_detail,
        name="detail",
    ),
    path(
        "<id:job_id>/applicants/<id:application_id>/status/",
        views.change_status,
        name="status",
    ),
    path("applications/<id:application_id>/cv/", views.download_cv, name="download_cv"),
    path("applications/<id:application_id>/withdraw/", views.withdraw, name="withdraw"),
]
