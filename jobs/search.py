"""Finding jobs by words, the same on PostgreSQL and SQLite (nelinvoimaa/words.py says how a
word becomes the terms it is found by).

When a job is saved its terms are stored: `search_title` (the title's), `search_head` (also
the employer's, the municipality's, the employment type's, the requirements' and the
sector's) and `search_words` (also the description's), each a space-separated list with a
space at both ends.
PostgreSQL also gets them as a weighted tsvector (title A; employer, municipality and
employment type B; requirements and sector C; description D) in a table of its own with a GIN
index (JobSearchVector), beside copies of the columns the list filters and orders by, so that
a search by words (and places, and sectors) reads that table alone; SQLite matches the same
terms in `search_words` with LIKE, so `make run` finds what production finds.

Every word of a query must match. A match in the title ranks first, then one in the job's
facts (employer, place, type, requirements, sector), then one that needs the description; the
newest first within each. A query word that names one of the municipalities ("Sysmässä",
"Hartolasta") narrows the list to it (jobs/filters.py), and a search that finds nothing
suggests the closest words the site has.
"""

import difflib
import itertools
import re
from collections import Counter
from typing import NamedTuple

from django.contrib.postgres.search import SearchQuery
from django.core.cache import caches
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, transaction
from django.db.models import IntegerField, Q, Value
from django.db.models.expressions import RawSQL
from django.utils import timezone

from nelinvoimaa.page_cache import generation, invalidate
from nelinvoimaa.words import MAX_QUERY, query_word, text_terms, voikko_analyses, words

from .lexemes import ID_BUCKET, Plan

MAX_TERMS = 8
MAX_POSITION = 16383  # PostgreSQL's largest position in a tsvector
VOCABULARY_JOBS = 1000  # suggestions come from the titles of the newest open jobs
MAX_SUGGESTED_WORDS = 3
MAX_TEXT_WORDS = 2000  # a description's words analysed: bounded work and tsvector per job

# What Finnish jobseekers type for each employment type (GLOSSARY.md).
EMPLOYMENT_TYPE_WORDS = {
    "permanent": "vakituinen",
    "fixed_term": "määräaikainen",
    "seasonal": "kausityö sesonki",
    "summer": "kesätyö",
    "part_time": "osa-aikainen",
    "gig": "keikkatyö kevytyrittäjyys",
    "apprenticeship": "oppisopimus",
    "internship": "harjoittelu",
}
# Municipality names take Finnish case endings: Sysmässä, Hartolasta, Joutsaan, Pertunmaalla;
# the illative doubles a name's last vowel (Sysmään, Hartolaan), or adds -h-n after a long one
# (Pertunmaahan). Not the genitive ("Sysmän"): employers' names begin with it ("Sysmän Sähkö")
# and are searched. Compared without diacritics: "sysmassa" is typed too.
PLACE_ENDINGS = {"", "ssa", "sta", "lla", "lta", "lle", "na", "ksi", "han"}


def terms(query):
    """The words of a query, at most MAX_TERMS."""
    return words((query or "")[:MAX_QUERY])[:MAX_TERMS]


def searched_words(query):
    """The words of a query that a search matches: those with a term. A word cut to its
    longest length after a hyphen has none; a query of only such words searches nothing."""
    return [word for word in terms(query) if any(query_word(word))]


def uses_full_text_search():
    return connection.vendor == "postgresql"


# Storing ------------------------------------------------------------------------------------


def weighted_terms(job):
    """{weight: terms} of a job: what it is found by, and how much each part weighs."""
    language = job.language
    places = job.municipality
    place_names = f"{places.name_fi} {places.name_sv}" if places else ""
    sector = job.sector
    return {
        "A": text_terms(job.title, language, joined=True),
        "B": text_terms(
            f"{job.employer.name} {place_names} "
            f"{EMPLOYMENT_TYPE_WORDS.get(job.employment_type, '')}",
            "fi",
        ),
        "C": text_terms(f"{job.languages} {job.other_requirements}", language)
        + text_terms(sector.name_fi, "fi")
        + text_terms(sector.name_sv, "sv")
        + text_terms(sector.name_en, "en"),
        # Unknown compounds not read as two words: bounded work for up to 2,000 words.
        "D": text_terms(job.description, language, limit=MAX_TEXT_WORDS, split=False),
    }


def spaced(terms_):
    """Terms as stored: separated and surrounded by spaces, so LIKE '% term' finds a term's
    beginning and LIKE '% term %' a whole term."""
    return " " + " ".join(dict.fromkeys(terms_)) + " "


def tsvector(weighted):
    """A tsvector literal of weighted terms. Terms are letters, digits and hyphens only
    (nelinvoimaa.words.WORD), so they need no escaping."""
    entries, position = {}, 0
    for weight, terms_ in weighted.items():
        for term in terms_:
            position = min(position + 1, MAX_POSITION)
            entries.setdefault(term, []).append(f"{position}{weight}")
    return " ".join(f"'{term}':{','.join(spots)}" for term, spots in entries.items())


def derive_search_fields(job):
    """Set the job's stored terms from its fields (save() and bulk_create() call this)."""
    weighted = weighted_terms(job)
    job.search_title = spaced(weighted["A"])
    job.search_head = spaced(weighted["A"] + weighted["B"] + weighted["C"])
    job.search_words = spaced(term for terms_ in weighted.values() for term in terms_)
    return weighted


LISTING_COLUMNS = "open_until, published_at, municipality_id, sector_id"


def store_vectors(weighted_by_id, batch_size=1000):
    """PostgreSQL's tsvectors of jobs just saved, {pk: weighted terms}, written or replaced
    (SQLite needs only the stored terms): one statement per batch."""
    if not uses_full_text_search():
        return
    _in_batches(
        # With the job's columns that the list filters and orders by (JobSearchVector).
        f"INSERT INTO jobs_jobsearchvector (job_id, vector, {LISTING_COLUMNS}) "  # noqa: S608
        "SELECT j.id, v.vector, CASE WHEN j.status = 'published' THEN j.deadline END, "
        "j.published_at, j.municipality_id, j.sector_id "
        "FROM (VALUES {values}) AS v(id, vector) JOIN jobs_job AS j ON j.id = v.id "
        # An existing row's copies are the trigger's (migration 0012): read here, they could be
        # older than a change another transaction has just made to the job.
        "ON CONFLICT (job_id) DO UPDATE SET vector = EXCLUDED.vector",
        "(%s::bigint, %s::tsvector)",
        [(pk, tsvector(weighted)) for pk, weighted in weighted_by_id.items()],
        batch_size,
    )


def _update_jobs(columns, rows, batch_size=1000):
    """UPDATE jobs_job from (id, value, …) rows, in batches: one statement per batch.
    `columns` maps each column, in the rows' order, to the type its value is cast to."""
    assignments = ", ".join(f"{column} = v.{column}" for column in columns)
    names = ", ".join(["id", *columns])
    _in_batches(
        f"UPDATE jobs_job AS j SET {assignments} "  # noqa: S608 - our own column names
        f"FROM (VALUES {{values}}) AS v({names}) WHERE j.id = v.id",
        "(" + ", ".join(["%s", *(f"%s::{cast}" for cast in columns.values())]) + ")",
        rows,
        batch_size,
    )


def _in_batches(statement, row, rows, batch_size):
    """Run `statement` once per batch of `rows`, its {values} the batch's rows, each written
    as `row` (its placeholders)."""
    for start in range(0, len(rows), batch_size):
        batch = rows[start : start + batch_size]
        sql = statement.format(values=", ".join([row] * len(batch)))
        with connection.cursor() as cursor:
            cursor.execute(sql, [value for values in batch for value in values])


def refresh_search_vectors(job_ids=None, batch_size=1000, **filters):
    """Compute the stored terms (and on PostgreSQL the vectors) of jobs again: these ids, or
    those matching `filters` (e.g. sector_id=3), or all. After a change to a name they are
    found by, or to how words are analysed."""
    from .models import Job  # the model calls this module as it saves

    jobs = Job.objects.filter(**filters).order_by("pk")
    if job_ids is not None:
        ids = list(job_ids)
        for start in range(0, len(ids), batch_size):  # SQLite limits a query's parameters
            _refresh(jobs.filter(pk__in=ids[start : start + batch_size]))
    else:
        last = 0
        while batch := list(jobs.filter(pk__gt=last).values_list("pk", flat=True)[:batch_size]):
            _refresh(jobs.filter(pk__in=batch))
            last = batch[-1]
    invalidate()


SEARCH_FIELDS = ["search_title", "search_head", "search_words"]


def _refresh(jobs):
    jobs = list(jobs.select_related("employer", "municipality", "sector"))
    weighted = {job.pk: derive_search_fields(job) for job in jobs}
    if not jobs:
        return
    if not uses_full_text_search():
        type(jobs[0]).objects.bulk_update(jobs, SEARCH_FIELDS)
        return
    _update_jobs(
        dict.fromkeys(SEARCH_FIELDS, "text"),
        [(job.pk, *(getattr(job, field) for field in SEARCH_FIELDS)) for job in jobs],
    )
    store_vectors(weighted)


def fill_missing_search_terms(apps=None, **kwargs):
    """The terms of every job that has none yet (after the migration that added them); a
    post_migrate receiver, so nothing when the database was migrated back before them (or
    before the vectors' table as it is written now)."""
    from .models import Job

    try:
        state = apps.get_model("jobs", "Job") if apps else Job
        state._meta.get_field("search_head")
        if apps:  # the vectors' table as store_vectors() writes it (0012)
            apps.get_model("jobs", "JobSearchVector")._meta.get_field("open_until")
    except (LookupError, FieldDoesNotExist):
        return

    if Job.objects.filter(search_words="").exists():
        refresh_search_vectors(search_words="")


def refresh_search_words_of(sender, instance, created, update_fields=None, **kwargs):
    """After an employer, sector or municipality is saved (renamed, perhaps), its jobs'
    search words are computed again: in the background, after the commit, as a sector may
    have thousands of jobs (a post_save receiver)."""
    if created:
        return
    if update_fields is not None and not {"name", "name_fi", "name_sv", "name_en"} & set(
        update_fields
    ):
        return
    from .tasks import refresh_search_terms

    relation = {"Employer": "employer_id", "Sector": "sector_id"}.get(
        sender.__name__, "municipality_id"
    )
    transaction.on_commit(lambda: refresh_search_terms.enqueue(relation, instance.pk), robust=True)


# Finding ------------------------------------------------------------------------------------


# What a tsquery made by tsquery() holds: terms (letters, digits, hyphens), their quotes, the
# prefix mark, the weights (letters) and the operators.
TSQUERY = re.compile(r"(?:[^\W_]|[-':*|&() ])+")


class TsQueryLiteral(SearchQuery):
    """A tsquery written as a literal (cast with ::tsquery, not parsed by to_tsquery): its
    quoted lexemes stay whole, as the stored tsvector's do ("'kuorma-auto':*" is one lexeme,
    not the phrase to_tsquery would make of it), so PostgreSQL matches what SQLite does.

    It is written into the SQL, not sent as a value: a statement run a few times on a
    connection is prepared (DATABASE_PREPARE_THRESHOLD), and PostgreSQL may then keep one
    plan for any tsquery, estimated at a few hundred matches. For a common word that plan
    fetched and sorted every match: 40–85 ms instead of 5 (measured). Each query's own text
    keeps a plan made for its words."""

    def as_sql(self, compiler, connection, function=None, template=None):
        return tsquery_sql(self.source_expressions[0].value), []


def tsquery_sql(raw):
    """A tsquery made by tsquery() as an SQL literal."""
    if not TSQUERY.fullmatch(raw):
        raise ValueError(f"not a tsquery of terms: {raw!r}")
    return "'" + raw.replace("'", "''") + "'::tsquery"


def tsquery(query_words, weights=""):
    """The tsquery of jobs that have every query word (each with a term that matches it),
    those terms in a part of the job of these `weights` ("A": the title) or in any."""
    return " & ".join(f"({_tsquery_of(word, weights)})" for word in query_words)


def _tsquery_of(word, weights=""):
    prefixes, exact = query_word(word)
    weighted = f":{weights}" if weights else ""
    return " | ".join([f"'{p}':*{weights}" for p in prefixes] + [f"'{e}'{weighted}" for e in exact])


def _matches(field, word):
    condition = Q()
    for part in _contained(word):
        condition |= Q(**{f"{field}__contains": part})
    return condition


def _contained(word):
    """What stored terms (spaced) contain when one of them matches `word`: a term beginning
    with one of its prefixes, or one of its exact terms whole."""
    prefixes, exact = query_word(word)
    return [f" {prefix}" for prefix in prefixes] + [f" {term} " for term in exact]


def matching(field, query_words, on_postgresql=None):
    """The jobs whose `field` (search_words, search_head or search_title) has every query
    word (of searched_words(): each has a term)."""
    if on_postgresql is None:
        on_postgresql = uses_full_text_search()
    if on_postgresql and field == "search_words":
        return Q(search_vector__vector=TsQueryLiteral(tsquery(query_words)))
    condition = Q()
    for word in query_words:
        condition &= _matches(field, word)
    return condition


def newest_matches(query_words, limit, municipalities=(), sectors=(), plan=None):
    """PostgreSQL only: the SQL of the `limit` newest open jobs that have every query word (of
    searched_words(): each has a term), in these municipalities and sectors (any when none
    are given), as rows (pk, rank, published_at, municipality_id, sector_id), read from the
    vectors' table alone (JobSearchVector): what count_matches() reads when no other filter
    needs the job's own columns. The rank is ranked()'s, told by the terms' weights: the
    title's are A, the job's facts' B and C.

    `plan` (jobs/lexemes.py): newest first, or every match (of the newest buckets of ids)
    fetched through the full-text index. The planner's other ways are then turned off for
    this statement alone (set_config(…, true), in the statements' own transaction, and back
    to the session's value after it, should the caller's transaction go on); the rows are
    those of the second of the statements.

    Written by hand, every value in the text (tsquery literals of validated terms, a date,
    integers): building and compiling it as a queryset cost 0.4 ms of each search never asked
    before (measured), and with no parameter its plan is always made for its own values."""
    if not query_words:  # the caller passes searched_words(), never empty
        raise ValueError("no query word")
    plan = plan or Plan()
    found, title, head = (tsquery_sql(tsquery(query_words, w)) for w in ("", "A", "ABC"))
    conditions = [f"open_until >= '{timezone.localdate().isoformat()}'::date", f"vector @@ {found}"]
    if plan.from_bucket is not None:  # the search index's second column (migration 0013)
        conditions.append(f"(job_id / {ID_BUCKET})::integer >= {int(plan.from_bucket)}")
    for column, ids in (("municipality_id", municipalities), ("sector_id", sectors)):
        if ids:
            conditions.append(f"{column} IN ({', '.join(str(int(pk)) for pk in ids)})")
    select = (
        "SELECT job_id, "  # noqa: S608 - nothing from the request but validated terms and ints
        f"CASE WHEN vector @@ {title} THEN 2 WHEN vector @@ {head} THEN 1 ELSE 0 END, "
        "published_at, municipality_id, sector_id FROM jobs_jobsearchvector "
        f"WHERE {' AND '.join(conditions)} ORDER BY job_id DESC LIMIT {int(limit)}"
    )
    if not plan.every_match:
        return select
    # A SELECT first: the first statement of a request checks the pooled connection it runs
    # on, and a read is run again on a new one if that was dead (nelinvoimaa/postgresql).
    return (
        "SELECT set_config('enable_seqscan', 'off', true), "
        f"set_config('enable_indexscan', 'off', true); {select}; "
        "RESET enable_seqscan; RESET enable_indexscan"
    )


def search(queryset, query):
    """Filter `queryset` to jobs matching `query`, with a `rank` alias to order by."""
    query_words = searched_words(query)
    if not query_words:
        return queryset
    return ranked(queryset.filter(matching("search_words", query_words)), query)


def ranked(queryset, query):
    """`queryset` with the `rank` alias of `query`: 2 when the title has every word, 1 when
    the title, employer, place, type, requirements and sector have them, 0 when only the
    description completes them (the list then orders the newest first). Written as SQL: as
    When(Q(…)) expressions, resolving and compiling them cost a search never asked before a
    quarter of a millisecond (measured); it is the same LIKE test as matching()'s."""
    query_words = searched_words(query)
    if not query_words:
        return queryset.alias(rank=Value(0, output_field=IntegerField()))
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    title, title_params = _has_every_word(f"{table}.search_title", query_words)
    head, head_params = _has_every_word(f"{table}.search_head", query_words)
    return queryset.alias(
        rank=RawSQL(  # noqa: S611 - our column names and placeholders; the words are values
            f"CASE WHEN {title} THEN 2 WHEN {head} THEN 1 ELSE 0 END",
            title_params + head_params,
            output_field=IntegerField(),
        )
    )


def _has_every_word(column, query_words):
    """(SQL, params): the stored terms in `column` have every query word, as matching() tests
    them without a full-text index (LIKE on the spaced terms)."""
    conditions, params = [], []
    for word in query_words:
        patterns = [f"%{part}%" for part in _contained(word)]  # terms have no % or _
        conditions.append("(" + " OR ".join([f"{column} LIKE %s"] * len(patterns)) + ")")
        params += patterns
    return "(" + " AND ".join(conditions) + ")", params


# Places and suggestions ------------------------------------------------------------------


def place_of(word, places):
    """The pk of the municipality a query word names in any case ("Sysmässä", "Sysmään"), or
    None. `places` is [(pk, Finnish name, Swedish name), …]."""
    word = word.translate(FOLDED)
    for pk, *names in places:
        for name in names:
            name = (name or "").lower().translate(FOLDED)
            if name and " " not in name and word.startswith(name):
                ending = word[len(name) :]
                if ending in PLACE_ENDINGS or ending == f"{name[-1]}n":  # Hartola-an
                    return pk
    return None


# A word typed without its diacritics ("mokki", "kesatyo") is the site's word that has them.
FOLDED = str.maketrans("äöå", "aoa")
VOCABULARY_TERMS = 5000  # the commonest stored terms a suggestion may be, besides title words
TITLE_WORD_BONUS = 0.05  # how much closer a term must be to be offered before a title word


class Vocabulary(NamedTuple):
    """What a suggestion can be (vocabulary()). `words`: the titles' words as typed, real
    words, tried first; `terms`: the commonest of the stored terms (base forms, the parts of
    compounds: "kuljettaja" of "Kuorma-autonkuljettaja"), tried when no title word is close;
    `folded`: each of them without diacritics, to the word; `known`: every word and term, by
    which a word typed in another form ("kokiksi") is no typo."""

    words: list
    terms: list
    folded: dict
    known: frozenset


def vocabulary(name, rows):
    """The Vocabulary of `rows()`, (title, stored terms) pairs: kept per `name` for as long as
    the public pages are (page_cache's generation)."""
    pages = caches["pages"]
    key = f"search-vocabulary:{name}:{generation()}"
    found = pages.get(key)
    if found is None:
        title_words, counts = set(), Counter()
        for title, stored in rows():
            title_words.update(words(title))
            counts.update(set(stored.split()))
        terms_ = sorted(
            term for term, _n in counts.most_common(VOCABULARY_TERMS) if term not in title_words
        )
        ordered = sorted(title_words)
        folded = {}
        for word in [*ordered, *terms_]:  # a title word before a term of the same letters
            folded.setdefault(word.translate(FOLDED), word)
        found = Vocabulary(ordered, terms_, folded, frozenset(title_words | set(counts)))
        pages.set(key, found, 3600)
    return found


def job_vocabulary():
    """The words of the newest open jobs' titles and their terms (vocabulary())."""
    from .models import Job

    jobs = Job.objects.open().order_by("-published_at")
    return vocabulary("jobs", lambda: jobs.values_list("title", "search_title")[:VOCABULARY_JOBS])


def suggested_query(query, vocabulary_of, finds):
    """(words, query string) of a list's query (a QueryDict) that found nothing, its words
    replaced by the closest of `vocabulary_of()` (a Vocabulary), when `finds(query)` says
    that finds something; None otherwise. The other filters stay, the page number goes."""
    words_ = query.get("q", "")
    if not words_:
        return None
    query = query.copy()
    query.pop("page", None)

    def finds_with(better):
        query["q"] = better
        return finds(query)

    better = suggestion(words_, vocabulary_of(), finds_with)
    if not better:
        return None
    query["q"] = better
    return better, query.urlencode()


def suggestion(query, known, finds=None):
    """The query with each word the site does not have (nor its base form) replaced by the
    closest one it has, of `known` (a Vocabulary); None when there is nothing closer to offer,
    or when `finds(suggested query)` says that it would find nothing either."""
    query_words = terms(query)
    if len(query_words) > MAX_SUGGESTED_WORDS:
        return None  # bounded work for a search that found nothing (it has no page cache)
    changed, suggested = False, []
    for word in query_words:
        prefixes, exact = query_word(word)
        if word in known.known or not known.known.isdisjoint((*prefixes, *exact)):
            suggested.append(word)  # a form of a word the site has: not a typo
            continue
        close = (
            known.folded.get(word.translate(FOLDED))
            or _dotted(word, known)
            or _closest(word, known)
        )
        changed = changed or close is not None
        suggested.append(close or word)
    better = " ".join(suggested)
    if not changed or (finds is not None and not finds(better)):
        return None
    return better


# Letters a word typed without its dots may have had them on.
DOTS = {"a": "ä", "o": "ö"}
MAX_DOTTED = 16  # forms tried for a word (one call to Voikko each, about a millisecond)


def _dotted(word, known):
    """The word with the dots it was typed without, in the form typed ("kesatoita":
    kesätöitä, "tyontekijoita": työntekijöitä), when that is a Finnish word whose base form or
    parts the site has: the forms with the fewest dots first, at most MAX_DOTTED of them."""
    if not set(word).isdisjoint(DOTS.values()):
        return None
    places = [n for n, letter in enumerate(word) if letter in DOTS]
    tried = 0
    for count in range(1, len(places) + 1):
        for chosen in itertools.combinations(places, count):
            if tried == MAX_DOTTED:
                return None
            tried += 1
            letters = list(word)
            for n in chosen:
                letters[n] = DOTS[letters[n]]
            dotted = "".join(letters)
            if voikko_analyses(dotted) and not known.known.isdisjoint(
                itertools.chain(*query_word(dotted))
            ):
                return dotted
    return None


def _closest(word, known):
    """The word or term closest to `word`, if any is close enough: a title's word (a real
    word) unless a term is clearly closer ("lähihoitja": the term "lähihoitaja" rather than
    the title's "lähihoitajaksi"; "kesätyötekiä": the title's "kesätyöntekijä" rather than
    a term such as "kesätyötekijä", should a posting have that typo)."""
    if not 3 <= len(word) <= 20:
        return None
    best = (0.0, None)
    for bonus, candidates in ((TITLE_WORD_BONUS, known.words), (0.0, known.terms)):
        for close in difflib.get_close_matches(word, candidates, n=1, cutoff=0.75):
            best = max(best, (difflib.SequenceMatcher(None, word, close).ratio() + bonus, close))
    return best[1]
