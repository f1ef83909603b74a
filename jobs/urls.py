from django.urls import path

from nelinvoimaa.page_cache import cache_public_page

from . import feeds, views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("feed/", cache_public_page(feeds.JobFeed()), name="feed"),
    path("<id:job_id>/manage/", views.manage, name="manage"),
    path("<id:job_id>/edit/", views.edit, name="edit"),
    path("<id:job_id>/submit/", views.submit, name="submit"),
    path("<id:job_id>/close/", views.close, name="close"),
    path("<id:job_id>/post-again/", views.post_again, name="post_again"),
    # Its address without the slug (typed, or cut short in a message): to its page.
    path("<id:job_id>/", views.detail, {"slug": ""}, name="short"),
    # Last: the words above are never a job's slug (see Job.slug).
    path("<id:job_id>/<slug:slug>/", views.detail, name="detail"),
]
