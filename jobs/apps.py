from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = _("Jobs")

    # What the app contributes to the core and to employers (nelinvoimaa/contributions.py).
    navigation = [("jobs:list", _("Jobs"), 10)]
    public_models = ["jobs.Job"]
    staff_permissions = ["view_job", "moderate_job", "view_jobevent"]
    sitemaps = ["jobs.sitemaps.SITEMAPS"]
    home_sections = ["jobs.sections.home_search", "jobs.sections.home"]
    dashboard_sections = ["jobs.sections.employer_jobs"]
    employer_sections = ["jobs.sections.employer_open_jobs"]
    employer_tools = [("employer_jobs:create", _("New job"), 10)]
    employer_annotations = ["jobs.sections.employer_annotations"]
    employer_filters = ["jobs.sections.employer_filters"]
    employer_badges = ["jobs/_employer_open_count.html"]
    review_queues = ["jobs.sections.review_queue"]
    figures = ["jobs.figures.job_figures"]
    demo_data = ["jobs.demo"]

    def ready(self):
        from .search import fill_missing_search_terms, refresh_search_words_of

        # Jobs saved before their terms were stored get them (idempotent, a no-op when none).
        post_migrate.connect(fill_missing_search_terms, sender=self)

        # A job is found by its employer's, sector's and municipality's names too.
        for label in ("employers.Employer", "nelinvoimaa.Sector", "nelinvoimaa.Municipality"):
            post_save.connect(
                refresh_search_words_of,
                sender=label,
                dispatch_uid=f"job-search-words-{label}",
            )
