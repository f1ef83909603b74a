from django.urls import path

from . import views

# A job is posted on its employer's pages (mounted under employers/).
app_name = "employer_jobs"
urlpatterns = [
    path("<slug:slug>/jobs/new/", views.create, name="create"),
]
