from django.urls import path

from nelinvoimaa.page_cache import cache_public_page

from . import feeds, views

app_name = "stories"

urlpatterns = [
    path("", views.story_list, name="list"),
    path("feed/", cache_public_page(feeds.StoryFeed()), name="feed"),
    path("<slug:slug>/", views.detail, name="detail"),
]
