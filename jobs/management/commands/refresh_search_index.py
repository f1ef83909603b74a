"""Compute every job's search terms (and PostgreSQL's vectors) again. Safe to run any number
of times: after restoring a database, a bulk import, or a change to how words are analysed."""

from django.core.management.base import BaseCommand

from jobs.search import refresh_search_vectors


class Command(BaseCommand):
    help = "Recompute the search terms of all jobs."

    def handle(self, *args, **options):
        refresh_search_vectors()
        self.stdout.write("Search index refreshed.")
