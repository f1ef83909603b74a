from django.contrib.syndication.views import Feed
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import truncatewords
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .filters import upcoming_filter

FEED_SIZE = 50


class TrainingFeed(Feed):
    """Upcoming trainings as Atom, with the list's filters (?sector=…&q=…)."""

    feed_type = Atom1Feed

    def get_object(self, request):
        return request.GET

    def title(self, params):
        return _("Nelinvoimaa – trainings")

    def subtitle(self, params):
        return _("Trainings in Sysmä, Hartola, Joutsa and Pertunmaa")

    def link(self, params):
        query = params.urlencode()
        return reverse("trainings:list") + (f"?{query}" if query else "")

    def feed_url(self, params):
        query = params.urlencode()
        return reverse("trainings:feed") + (f"?{query}" if query else "")

    def items(self, params):
        return upcoming_filter(params).qs.order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, training):
        return f"{training.title} – {training.provider.name}"

    def item_description(self, training):
        starts = (
            date_filter(timezone.localtime(training.starts_at), "SHORT_DATE_FORMAT")
            if training.starts_at
            else ""
        )
        return f"{training.location} · {training.get_kind_display()} · {starts}\n\n" + (
            truncatewords(training.description, 60)
        )

    def item_link(self, training):
        return training.get_absolute_url()

    def item_pubdate(self, training):
        return training.published_at

    def item_updateddate(self, training):
        return training.updated_at

    def item_author_name(self, training):
        return training.provider.name
