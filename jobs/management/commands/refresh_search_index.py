"""Recompute every job's search words (PostgreSQL). Safe to run any number of times."""

from django.core.management.base import BaseCommand

from jobs.search import refresh_search_vectors, uses_full_text_search


class Command(BaseCommand):
    help = "Recompute the full-text search vectors of all jobs."

    def handle(self, *args, **options):
        if not uses_full_text_search():
            self.stdout.write("Not PostgreSQL: the plain search needs no index.")
            return
        refresh_search_vectors()
        self.stdout.write("Search index refreshed.")
