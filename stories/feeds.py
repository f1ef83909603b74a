from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import Story

FEED_SIZE = 30


class StoryFeed(Feed):
    """The newest stories and news as Atom."""

    feed_type = Atom1Feed

    def title(self):
        return _("Nelinvoimaa – stories and news")

    def subtitle(self):
        return _("Stories and news of Sysmä, Hartola, Joutsa and Pertunmaa")

    def link(self):
        return reverse("stories:list")

    def feed_url(self):
        return reverse("stories:feed")

    def items(self):
        return Story.objects.published().select_related("employer")[:FEED_SIZE]

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.lead

    def item_link(self, story):
        return story.get_absolute_url()

    def item_pubdate(self, story):
        return story.published_at

    def item_updateddate(self, story):
        return story.updated_at

    def item_categories(self, story):
        return story.tag_list
