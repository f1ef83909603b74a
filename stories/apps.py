from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")

    # What the app contributes to the core and to employers (nelinvoimaa/contributions.py).
    navigation = [("stories:list", _("Stories"), 40)]
    public_models = ["stories.Story"]
    # A story is unpublished, not deleted: staff delete nothing.
    staff_permissions = ["view_story", "add_story", "change_story"]
    sitemaps = ["stories.sitemaps.SITEMAPS"]
    home_sections = ["stories.sections.home"]
    employer_sections = ["stories.sections.employer_stories"]
    demo_data = ["stories.demo"]
