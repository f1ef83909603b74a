from django.contrib.syndication.views import Feed
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import truncatewords
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .filters import open_jobs_filter

FEED_SIZE = 50


class JobFeed(Feed):
    """The newest open jobs as Atom, with the job list's filters (?municipality=…&q=…)."""

    feed_type = Atom1Feed

    def get_object(self, request):
        return request.GET

    def title(self, params):
        return _("Nelinvoimaa – open jobs")

    def subtitle(self, params):
        return _("Jobs in Sysmä, Hartola, Joutsa and Pertunmaa")

    def link(self, params):
        query = params.urlencode()
        return reverse("jobs:list") + (f"?{query}" if query else "")

    def feed_url(self, params):
        query = params.urlencode()
        return reverse("jobs:feed") + (f"?{query}" if query else "")

    def items(self, params):
        queryset = open_jobs_filter(params).qs
        return queryset.order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, job):
        return f"{job.title} – {job.employer.name}"

    def item_description(self, job):
        return "{location} · {kind} · {deadline} {date}\n\n{text}".format(
            location=job.location,
            kind=job.get_employment_type_display(),
            deadline=_("Application deadline"),
            date=date_filter(job.deadline, "SHORT_DATE_FORMAT"),
            text=truncatewords(job.description, 60),
        )

    def item_link(self, job):
        return job.get_absolute_url()

    def item_pubdate(self, job):
        return job.published_at

    def item_updateddate(self, job):
        return job.updated_at

    def item_author_name(self, job):
        return job.employer.name
