from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("figures/", views.figures, name="figures"),
]
