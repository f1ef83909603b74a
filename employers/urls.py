from django.urls import path

from . import views

app_name = "employers"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("new/", views.register, name="register"),
    path("invitations/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/photos/", views.add_photo, name="add_photo"),
    path("<slug:slug>/photos/<id:photo_id>/delete/", views.delete_photo, name="delete_photo"),
    path("<slug:slug>/members/", views.members, name="members"),
    path("<slug:slug>/members/notify/", views.change_notify, name="change_notify"),
    path("<slug:slug>/members/<id:membership_id>/role/", views.change_role, name="change_role"),
    path(
        "<slug:slug>/members/<id:membership_id>/remove/", views.remove_member, name="remove_member"
    ),
    path(
        "<slug:slug>/invitations/<id:invitation_id>/cancel/",
        views.cancel_invitation,
        name="cancel_invitation",
    ),
]
