from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EntrepreneurshipConfig(AppConfig):
    name = "entrepreneurship"
    verbose_name = _("Entrepreneurship")

    # What the app contributes to the core (nelinvoimaa/contributions.py).
    navigation = [("entrepreneurship:index", _("Entrepreneurship"), 50)]
    public_models = ["entrepreneurship.SuccessorListing"]
    staff_permissions = [
        "view_successorlisting",
        "moderate_successorlisting",
        "view_mentoringentry",
        "view_mentoringpair",
        "add_mentoringpair",
        "change_mentoringpair",
    ]
    review_queues = ["entrepreneurship.sections.review_queue"]
