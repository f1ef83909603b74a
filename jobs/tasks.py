from django.tasks import task

from .search import refresh_search_vectors

RELATIONS = {"employer_id", "sector_id", "municipality_id"}


@task
def refresh_search_terms(relation, pk):
    """The search terms of the jobs of one employer, sector or municipality (`relation` is
    one of RELATIONS), after its name changed."""
    if relation not in RELATIONS:
        raise ValueError(relation)
    refresh_search_vectors(**{relation: pk})
