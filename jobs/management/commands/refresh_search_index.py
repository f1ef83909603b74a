"""Compute every job's search terms (and PostgreSQL's vectors) again, and the other apps'
stored terms (trainings'). Safe to run any number of times: after restoring a database, a bulk
import, or a change to how words are analysed."""

from django.core.management.base import BaseCommand

from jobs.search import refresh_search_vectors
from nelinvoimaa.contributions import contributed


class Command(BaseCommand):
    help = "Recompute the search terms of all jobs, and of what other apps make searchable."

    def handle(self, *args, **options):
        refresh_search_vectors()
        # The other apps' stored terms (search_refreshers), e.g. the trainings'.
        for refresh in contributed("search_refreshers"):
            refresh()
        self.stdout.write("Search index refreshed.")
