"""Words as the portal finds them: each word of a text, and of a query, turned into the terms
it is found by, the same way on PostgreSQL and SQLite.

Finnish is analysed with Voikko (pyvoikko): a word is found by its base forms ("kesätöitä" is
kesätyö), the parts of a compound ("lähihoitajan" is lähihoitaja = lähi + hoitaja, so
"hoitaja" finds it) and the compounds inside it, as written ("kesätyöntekijä" has kesätyö and
työntekijä). A compound Voikko does not know whole is read as two words it knows. Every word
also keeps its own form; a word Voikko does not know (a name, a typo) keeps its Snowball stem
instead of an analysis. Text in Swedish or English is stemmed with its own language's Snowball
stemmer.

A query word matches a term that begins with the word as typed or with one of its base forms
(the word being typed still finds: "tarjoil" finds "tarjoilija"), or that equals one of its
stems in the three languages.
"""

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer

# Letters and digits, and words joined by hyphens ("kuorma-auto"); nothing else reaches a query.
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
MAX_WORD = 40
STEMMERS = {"fi": "finnish", "sv": "swedish", "en": "english"}


def is_term(term):
    """Whether `term` is letters and digits (joined by hyphens) only: what may be stored and
    put in a query, where a quote or a colon would break PostgreSQL's tsquery syntax."""
    return bool(term) and WORD.fullmatch(term) is not None


# Control characters (a NUL, a line break pasted in) and Unicode's noncharacters: none may
# stand in an HTML page.
CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\ufdd0-\ufdef"
    + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
    + "]"
)
MAX_QUERY = 200  # characters of a search box: its maxlength, and what a search reads


def typed_query(text):
    """A search box's text as it is searched and shown again: control characters as spaces,
    at most MAX_QUERY characters."""
    return CONTROL.sub(" ", (text or "")[:MAX_QUERY])


def words(text):
    """The words of a text: composed (NFC: text pasted from a PDF may come decomposed),
    lower-cased before it is split ("İ" lower-cases to two characters), at most MAX_WORD long."""
    text = unicodedata.normalize("NFC", (text or "").lower())
    return [match.group(0)[:MAX_WORD] for match in WORD.finditer(text)]


@cache
def _voikko():
    import pyvoikko  # loads the Finnish morphology (about a second), once per process

    return pyvoikko


# A compound Voikko does not know as a whole ("kevytyrittäjyys", "lyhytkoulutus") is read as
# two words it knows: a first part of at least MIN_PART letters and a head of at least
# MIN_HEAD, tried for words of letters only, SPLIT_LENGTH long, the longest head first, at
# most MAX_CUTS places: at most 2 * MAX_CUTS calls to Voikko (about a millisecond each), nearly
# always MAX_CUTS for a word that is no compound (its heads are unknown).
MIN_PART, MIN_HEAD, SPLIT_LENGTH, MAX_CUTS = 3, 4, range(8, 21), 8


@lru_cache(maxsize=50_000)
def analyses(word):
    """((base forms, parts' base forms, inner compounds, tails), …) of a Finnish word; () when
    unknown. A compound's tails are its last parts as written in the word ("kesäkerhon":
    kerhon). A compound Voikko does not know whole is analysed as its two parts, when it knows them
    ("kevytyrittäjyydestä": kevytyrittäjyys = kevyt + yrittäjyys)."""
    return voikko_analyses(word) or _split(word)


@lru_cache(maxsize=50_000)
def voikko_analyses(word):
    """analyses() of a word Voikko knows; () otherwise.

    A compound's base forms are Voikko's and the compound as written with its last part's base
    form ("sairaanhoitajia": Voikko's "sairashoitaja", and "sairaanhoitaja"). Its inner
    compounds are its runs of two or more parts, written as they are in the compound, the
    last in its base form: "kesätyöntekijöitä" has kesätyö and työntekijä (not "työtekijä"),
    "kuorma-autonkuljettajan" has kuorma-auto and autonkuljettaja."""
    found = []
    for analysis in _voikko().analyse(word):
        base = (analysis.BASEFORM or "").lower().replace("--", "-")
        if not base:
            continue
        parts = [(part.FORM, part.BASEFORM) for part in analysis.COMPOUND_PARTS or []]
        if len(parts) < 2 or not all(form and base_ for form, base_ in parts):
            found.append(((base,), (), (), ()))
            continue
        forms = [form.lower() for form, _base in parts]
        bases = [base_.lower() for _form, base_ in parts]
        runs = {
            "".join(forms[start : end - 1]) + bases[end - 1]
            for start in range(len(parts))
            for end in range(start + 2, len(parts) + 1)
        }
        written = "".join(forms[:-1]) + bases[-1]
        tails = tuple("".join(forms[start:]) for start in range(1, len(forms)))
        found.append(
            (tuple(dict.fromkeys((base, written))), tuple(bases), tuple(runs - {written}), tails)
        )
    return tuple(found)


def _split(word):
    """analyses() of an unknown compound read as a first part and a head Voikko knows."""
    if len(word) not in SPLIT_LENGTH or not word.isalpha():
        return ()
    last = min(len(word) - MIN_HEAD, MIN_PART + MAX_CUTS - 1)
    for cut in range(MIN_PART, last + 1):
        first, head = word[:cut], word[cut:]
        heads = voikko_analyses(head)
        if not heads or not (firsts := voikko_analyses(first)):
            continue
        part = firsts[0][1][-1:] or firsts[0][0][:1]  # the first part's own base form
        return tuple(
            dict.fromkeys(
                (
                    tuple(first + base for base in bases),
                    (*part, *(parts or bases[:1])),
                    (*bases, *inner),
                    (head,),
                )
                for bases, parts, inner, _tails in heads
            )
        )
    return ()


@cache
def _stemmer(language):
    return snowballstemmer.stemmer(STEMMERS[language])


@lru_cache(maxsize=50_000)
def stem(word, language):
    return _stemmer(language).stemWord(word)


@lru_cache(maxsize=50_000)
def word_terms(word, language="fi", split=True):
    """The terms a word of a text in `language` is found by; without `split`, an unknown
    compound is not read as two words (a description's, for bounded work on saving)."""
    pieces = [word, *word.split("-")] if "-" in word else [word]
    found = set()
    finnish = language == "fi"
    for piece in pieces:
        found.add(piece)
        known = (analyses if split else voikko_analyses)(piece) if finnish else ()
        for bases, parts, inner, _tails in known:
            found.update(bases)
            found.update(parts)
            found.update(inner)
        if not (finnish and voikko_analyses(piece)):  # a word read as two keeps its stem too
            found.add(stem(piece, language if language in STEMMERS else "fi"))
    return tuple(sorted(term for term in found if is_term(term)))


def text_terms(text, language="fi", limit=None, joined=False, split=True):
    """The terms of a text (of its first `limit` words), each once, in order of first
    appearance; `split` as word_terms(). With `joined` (a title), Finnish also joins each
    genitive to the word after it, a compound that is written either way ("Kesäkerhon
    ohjaaja": kerhonohjaaja), within the parts of the text between punctuation."""
    seen = {}
    for word in words(text)[:limit]:
        for term in word_terms(word, language, split):
            seen.setdefault(term, None)
    if joined and language == "fi":
        for clause in PUNCTUATION.split(text or ""):
            clause_words = words(clause)
            for first, second in zip(clause_words, clause_words[1:], strict=False):
                for term in joined_terms(first, second):
                    seen.setdefault(term, None)
    return list(seen)


PUNCTUATION = re.compile(r"[,;:.!?()\[\]/–—]")


@lru_cache(maxsize=20_000)
def joined_terms(first, second):
    """A genitive and the word after it as one compound, whole and from each of the first
    word's last parts ("kesäkerhon ohjaajaksi": kesäkerhonohjaaja, kerhonohjaaja), when
    Voikko knows both words; () otherwise."""
    if not first.endswith("n") or "-" in first + second or not _genitive(first):
        return ()
    firsts, heads = analyses(first), analyses(second)
    if not firsts or not heads:
        return ()
    starts = {first} | {tail for *_rest, tails in firsts for tail in tails}
    return tuple(
        sorted(
            start + base
            for start in starts
            for bases, *_rest in heads
            for base in bases
            if is_term(start + base)
        )
    )


@lru_cache(maxsize=20_000)  # a genitive begins many titles, each pair with another word
def _genitive(word):
    """Whether Voikko reads `word` as a genitive ("kerhon"; not "iloinen", "kotiin")."""
    return any(analysis.SIJAMUOTO == "omanto" for analysis in _voikko().analyse(word))


@lru_cache(maxsize=20_000)
def query_word(word):
    """(prefixes, exact terms) a query word matches: the word as typed and its Finnish base
    forms as prefixes; exactly, its Swedish and English stems, and its Finnish stem when
    Voikko does not know it (as texts are stemmed). A hyphenated word is matched whole
    ("osa-aikainen", not "osa" or "aikainen"), as texts keep their hyphenated words whole too;
    a single letter only matches exactly."""
    known = analyses(word)
    candidates = {word} | {base for bases, *_rest in known for base in bases}
    prefixes = {term for term in candidates if len(term) > 1}
    languages = ["sv", "en"] if voikko_analyses(word) else ["fi", "sv", "en"]
    exact = {stem(word, language) for language in languages} | candidates
    if word.endswith("et") and len(word) > 5:
        # A Swedish noun's definite form ("sommarjobbet", "köket"), which Snowball keeps
        # whole, finds the noun a posting has ("sommarjobb"): exactly, so nothing else.
        exact.add(stem(word[:-2], "sv"))
    exact -= prefixes
    return (
        tuple(sorted(term for term in prefixes if is_term(term))),
        tuple(sorted(term for term in exact if is_term(term))),
    )


def warm_up():
    """Load Voikko now: in gunicorn's master before it forks, so workers share it."""
    _voikko()
