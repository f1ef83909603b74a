from nelinvoimaa.sitemaps import LocalizedSitemap, NamedPagesSitemap

from .models import Story


class StoryListSitemap(NamedPagesSitemap):
    names = ["stories:list"]


class StorySitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Story.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, story):
        return story.updated_at


SITEMAPS = {"story-list": StoryListSitemap, "stories": StorySitemap}
