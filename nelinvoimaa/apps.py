from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NelinvoimaaConfig(AppConfig):
    default = True
    name = "nelinvoimaa"
    verbose_name = _("Portal")

    def ready(self):
        from nelinvoimaa.staff import ensure_staff_group

        # Without a sender: it runs after each app's permissions exist, and is idempotent.
        post_migrate.connect(ensure_staff_group, dispatch_uid="ensure_staff_group")


class AdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "nelinvoimaa.sites.NelinvoimaaAdminSite"
