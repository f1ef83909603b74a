from nelinvoimaa.sitemaps import LocalizedSitemap, NamedPagesSitemap

from .models import Training


class TrainingListSitemap(NamedPagesSitemap):
    names = ["trainings:list"]


class TrainingSitemap(LocalizedSitemap):
    changefreq = "daily"
    priority = 0.8
    limit = 5000

    def items(self):
        return Training.objects.upcoming().order_by("pk").only("pk", "title", "updated_at")

    def lastmod(self, training):
        return training.updated_at


SITEMAPS = {"training_lists": TrainingListSitemap, "trainings": TrainingSitemap}
