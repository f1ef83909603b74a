from django.urls import path

from . import views

# Mounted at the language root: /fi/saved/, /fi/alerts/, ...
app_name = "jobseekers"
urlpatterns = [
    path("saved/", views.saved_jobs, name="saved"),
    path("saved/<id:job_id>/save/", views.save_job, name="save"),
    path("saved/<id:job_id>/remove/", views.unsave_job, name="unsave"),
    path("saved/<id:job_id>/reminder/", views.saved_job_reminder, name="reminder"),
    path("alerts/", views.alerts, name="alerts"),
    path("alerts/new/", views.create_alert, name="create_alert"),
    path("alerts/<id:alert_id>/", views.change_alert, name="change_alert"),
    path("alerts/<id:alert_id>/delete/", views.delete_alert, name="delete_alert"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("year/", views.year, name="year"),
    path("contact-requests/", views.contact_requests, name="contact_requests"),
    path("contact-requests/<id:request_id>/answer/", views.answer_contact, name="answer_contact"),
    path("find-jobseekers/<slug:slug>/", views.cards, name="cards"),
    path(
        "find-jobseekers/<slug:slug>/<id:profile_id>/contact/",
        views.request_contact,
        name="request_contact",
    ),
    path("my-profile/", views.profile, name="profile"),
    path("my-profile/cv/", views.profile_cv, name="profile_cv"),
    path("my-profile/presence/", views.add_presence, name="add_presence"),
    path(
        "my-profile/presence/<id:period_id>/delete/",
        views.delete_presence,
        name="delete_presence",
    ),
]
