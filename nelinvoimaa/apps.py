from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class NelinvoimaaConfig(AppConfig):
    default = True
    name = "nelinvoimaa"
    verbose_name = _("Portal")

    def ready(self):
        from nelinvoimaa.staff import ensure_staff_group

        # Without a sender: it runs after each app's permissions exist, and is idempotent.
        post_migrate.connect(ensure_staff_group, dispatch_uid="ensure_staff_group")
        self.invalidate_public_pages_on_change()

    def invalidate_public_pages_on_change(self):
        from django.apps import apps

        from nelinvoimaa.page_cache import invalidate

        shown = [
            "jobs.Job",
            "employers.Employer",
            "employers.Photo",
            "nelinvoimaa.Municipality",
            "nelinvoimaa.Sector",
            "nelinvoimaa.Page",
        ]
        for label in shown:
            model = apps.get_model(label)
            post_save.connect(invalidate, sender=model, dispatch_uid=f"pages-save-{label}")
            post_delete.connect(invalidate, sender=model, dispatch_uid=f"pages-delete-{label}")
        sectors = apps.get_model("employers.Employer").sectors.through
        m2m_changed.connect(invalidate, sender=sectors, dispatch_uid="pages-employer-sectors")


class AdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "nelinvoimaa.sites.NelinvoimaaAdminSite"
