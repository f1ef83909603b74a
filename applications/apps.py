from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = _("Applications")

    dashboard_sections = ["applications.sections.my_applications"]
    personal_data = ["applications.personal_data"]
    demo_data = ["applications.demo.seed"]
