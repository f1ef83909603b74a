from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.core import checks
from django.db.models.signals import post_migrate
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _


class NelinvoimaaConfig(AppConfig):
    default = True
    name = "nelinvoimaa"
    verbose_name = _("Portal")

    # The core contributes as every app does (nelinvoimaa/contributions.py).
    public_models = ["nelinvoimaa.Municipality", "nelinvoimaa.Sector", "nelinvoimaa.Page"]
    staff_permissions = [
        "view_page",
        "change_page",
        "view_municipality",
        "view_sector",
        "add_sector",
        "change_sector",
    ]

    def ready(self):
        from django.apps import apps

        from .contributions import values
        from .ids import IdConverter
        from .page_cache import check_public_querysets, watch
        from .private_files import check_cv_delivery
        from .staff import ensure_staff_group

        register_converter(IdConverter, "id")
        public = [apps.get_model(label) for label in values("public_models")]
        for model in public:
            watch(model)
        checks.register(lambda **kwargs: check_public_querysets(public), "models")
        checks.register(check_cv_delivery)
        # Without a sender: it runs after each app's permissions exist, and is idempotent.
        post_migrate.connect(ensure_staff_group, dispatch_uid="ensure_staff_group")


class AdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "nelinvoimaa.sites.NelinvoimaaAdminSite"
