from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobseekersConfig(AppConfig):
    name = "jobseekers"
    verbose_name = _("Jobseekers")

    # What the app contributes to the core and to the lower apps (nelinvoimaa/contributions.py).
    dashboard_sections = [
        "jobseekers.sections.my_profile",
        "jobseekers.sections.jobs_for_you",
        "jobseekers.sections.my_saved_jobs",
        "jobseekers.sections.my_alerts",
    ]
    job_actions = ["jobseekers.sections.save_job_button"]
    job_viewer_annotations = ["jobseekers.sections.job_saved"]
    job_list_actions = ["jobseekers.sections.save_job_buttons"]
    job_list_user_along = ["jobseekers.sections.read_saved_along"]
    job_list_sections = ["jobseekers.sections.save_search"]
    training_list_sections = ["jobseekers.sections.save_training_search"]
    apply_initial = ["jobseekers.sections.apply_initial"]
    apply_stored_cv = ["jobseekers.sections.apply_stored_cv"]
    employer_tools = [("jobseekers:cards", _("Find jobseekers"), 30)]
    # Staff see contact requests and block an employer that abuses them; unblocking and
    # deleting are for superusers.
    staff_permissions = ["view_contactrequest", "view_contactblock", "add_contactblock"]
    personal_data = ["jobseekers.personal_data"]
    demo_data = ["jobseekers.demo"]
    figures = ["jobseekers.figures.jobseeker_figures"]
