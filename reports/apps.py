from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Figures and moderation")

    review_queues = ["reports.sections.figures_link"]
    moderation_reasons = ["reports.models.reason_templates"]
    staff_permissions = [
        "view_reasontemplate",
        "add_reasontemplate",
        "change_reasontemplate",
    ]
