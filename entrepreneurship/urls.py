app_name = "entrepreneurship"

urlpatterns = []
