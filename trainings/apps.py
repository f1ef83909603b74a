from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "trainings"
    verbose_name = _("Trainings")

    # What the app contributes to the core and to lower apps (nelinvoimaa/contributions.py).
    navigation = [("trainings:list", _("Trainings"), 15)]
    # An enrolment changes the places left that public pages show.
    public_models = ["trainings.Training", "trainings.TrainingSession", "trainings.Enrolment"]
    staff_permissions = [
        "view_training",
        "moderate_training",
        "view_trainingevent",
        "view_demand",
    ]
    sitemaps = ["trainings.sitemaps.SITEMAPS"]
    home_sections = ["trainings.sections.home"]
    dashboard_sections = ["trainings.sections.my_enrolments"]
    employer_tools = [
        ("trainings:create", _("New training"), 20),
        ("trainings:provider", _("Trainings"), 21),
    ]
    job_sections = ["trainings.sections.job_trainings"]
    review_queues = ["trainings.sections.review_queue"]
    personal_data = ["trainings.personal_data"]
    demo_data = ["trainings.demo"]
    figures = ["trainings.figures.training_figures"]
    search_refreshers = ["trainings.search.refresh_search_words"]

    def ready(self):
        from django.db.models.signals import m2m_changed

        from .models import Training

        # A training is found by its sectors' names: stored again when they change.
        m2m_changed.connect(
            _sectors_changed, sender=Training.sectors.through, dispatch_uid="training-sectors"
        )


def _sectors_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and hasattr(instance, "refresh_derived"):
        instance.refresh_derived()
