"""Finding trainings by words: the terms of a training's title, organiser, place, kind,
sectors and description are stored on it (nelinvoimaa/words.py makes them) and matched as
the jobs' stored terms are on SQLite (jobs/search.py), the same way on both databases. A
few hundred trainings need no full-text index."""

from jobs.search import matching, searched_words, spaced, vocabulary
from nelinvoimaa.words import text_terms

MAX_TEXT_WORDS = 2000

# What Finnish speakers type for each kind of training (GLOSSARY.md).
KIND_WORDS = {
    "degree": "tutkinto",
    "short_course": "kurssi lyhytkoulutus",
    "apprenticeship": "oppisopimus",
    "entrepreneurship": "yrittäjyys yrittäjä",
    "info_session": "infotilaisuus",
    "mentoring": "mentorointi mentori",
}


def training_terms(training):
    """The stored terms of a training (its sectors once it has been saved)."""
    parts = [
        text_terms(training.title, training.language, joined=True),
        text_terms(KIND_WORDS.get(training.kind, ""), "fi"),
    ]
    if training.provider_id:
        parts.append(text_terms(training.provider.name, "fi"))
    if training.municipality_id:
        municipality = training.municipality
        parts.append(text_terms(f"{municipality.name_fi} {municipality.name_sv}", "fi"))
    if training.pk:
        for sector in training.sectors.all():
            parts.append(text_terms(sector.name_fi, "fi"))
            parts.append(text_terms(sector.name_sv, "sv"))
            parts.append(text_terms(sector.name_en, "en"))
    parts.append(
        text_terms(training.description, training.language, limit=MAX_TEXT_WORDS, split=False)
    )
    return spaced(term for terms_ in parts for term in terms_)


def search(queryset, query):
    """Trainings whose stored terms have every word of `query`."""
    query_words = searched_words(query)
    if not query_words:
        return queryset
    return queryset.filter(matching("search_words", query_words, on_postgresql=False))


def training_vocabulary():
    """The words of the upcoming trainings' titles, and the commonest of their stored terms
    (jobs.search.vocabulary)."""
    from .models import Training  # the model calls this module as it saves

    trainings = Training.objects.upcoming()
    return vocabulary("trainings", lambda: trainings.values_list("title", "search_words"))


def refresh_search_words():
    """Store every training's terms again: after a change to how words are analysed
    (`manage.py refresh_search_index`, contributed as a `search_refreshers`)."""
    from .models import Training  # the model calls this module as it saves

    changed = []
    for training in Training.objects.select_related("provider", "municipality").prefetch_related(
        "sectors"
    ):
        terms_ = training_terms(training)
        if terms_ != training.search_words:
            training.search_words = terms_
            changed.append(training)
    Training.objects.bulk_update(changed, ["search_words"], batch_size=500)
    return len(changed)
