app_name = "jobseekers"

urlpatterns = []
