from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployersConfig(AppConfig):
    name = "employers"
    verbose_name = _("Employers")

    # What the app contributes to the core (nelinvoimaa/contributions.py).
    navigation = [("employers:directory", _("Employers"), 20)]
    public_models = ["employers.Employer", "employers.Photo"]
    staff_permissions = ["view_employer", "verify_employer", "view_membership", "view_photo"]
    sitemaps = ["employers.sitemaps.SITEMAPS"]
    dashboard_sections = ["employers.sections.hiring"]
    personal_data = ["employers.personal_data"]
    demo_data = ["employers.demo"]
