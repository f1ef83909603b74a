from django.urls import path

from nelinvoimaa.page_cache import cache_public_page

from . import feeds, views

app_name = "trainings"
urlpatterns = [
    path("", views.training_list, name="list"),
    path("feed/", cache_public_page(feeds.TrainingFeed()), name="feed"),
    path("calendar/<str:token>.ics", views.my_calendar, name="my_calendar"),
    path("calendar/renew/", views.renew_calendar, name="renew_calendar"),
    path("enrolments/<id:enrolment_id>/cancel/", views.cancel_enrolment, name="cancel_enrolment"),
    path("wishes/", views.demand, name="demand"),
    path("wishes/summary/", views.demand_summary, name="demand_summary"),
    path("for/<slug:slug>/", views.provider, name="provider"),
    path("for/<slug:slug>/new/", views.create, name="create"),
    path("<id:training_id>.ics", views.training_ics, name="ics"),
    path("<id:training_id>/enrol/", views.enrol, name="enrol"),
    path("<id:training_id>/manage/", views.manage, name="manage"),
    path("<id:training_id>/edit/", views.edit, name="edit"),
    path("<id:training_id>/submit/", views.submit, name="submit"),
    path("<id:training_id>/close/", views.close, name="close"),
    path("<id:training_id>/cancel/", views.cancel, name="cancel"),
    path("<id:training_id>/enrolees/", views.enrolees, name="enrolees"),
    path("<id:training_id>/enrolees.csv", views.enrolees_csv, name="enrolees_csv"),
    path("<id:training_id>/enrolees/<id:enrolment_id>/mark/", views.mark, name="mark"),
    # Its address without the slug (typed, or cut short in a message): to its page.
    path("<id:training_id>/", views.detail, {"slug": ""}, name="short"),
    # Last: the words above are never a training's slug (see Training.slug).
    path("<id:training_id>/<slug:slug>/", views.detail, name="detail"),
]
