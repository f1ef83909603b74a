from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = _("Applications")

    dashboard_sections = ["applications.sections.my_applications"]
    job_apply_sections = ["applications.sections.apply_button"]
    job_viewer_annotations = ["applications.sections.applied_on"]
    sign_in_sections = ["applications.sections.applying_for"]
    job_manage_sections = ["applications.sections.applicants_link"]
    member_job_annotations = ["applications.sections.new_application_counts"]
    member_job_badges = ["applications/_new_applications_badge.html"]
    personal_data = ["applications.personal_data"]
    figures = ["applications.figures.application_figures"]
    demo_data = ["applications.demo"]
