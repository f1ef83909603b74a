from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("figures/", views.figures, name="figures"),
    # An employer's answer from the halfway e-mail: no sign-in, the signed token names the job.
    path("job-check/<str:token>/<slug:answer>/", views.job_check, name="job_check"),
]
