from django.urls import path

from . import views

app_name = "entrepreneurship"

urlpatterns = [
    path("", views.index, name="index"),
    path("successors/new/", views.create_listing, name="create_listing"),
    path("successors/<id:listing_id>/", views.listing, name="listing"),
    path("successors/<id:listing_id>/close/", views.close_listing, name="close_listing"),
    path("mentoring/", views.mentoring, name="mentoring"),
]
