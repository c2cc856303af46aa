"""Where someone lives, works or takes their children: addresses and places.

- ``addresses``: a house or flat number with its street, in English or Welsh
  ("12 Acacia Avenue", "flat 3, 45 High Street", "5 Maes yr Haf") -> ``[address]``.
- ``places``: a street without a number ("on Station Road", "Heol y Felin"),
  a school ("St Mary's Primary", "Bradwell Primary"), a workplace ("Tesco on the
  High Street", "a bouncer at Pryzm") -> ``[place]``.

- ``places`` also: a town, village or city after "in", "at", "near", "from"...
  ("near Accrington", "in Great Harwood", "born in Lahore"; the gazetteer
  ``towns.txt``), with a shop or venue just before it ("Morrisons in Burnley",
  "Primark in Merry Hill"); a named estate ("the Beeches estate"); a named venue
  ("Nightingale House", "Blackburn Shopping Centre"); a numbered hospital ward
  ("Ward 12") -> ``[place]``.

Hospitals, stations and services are kept: they are public and shared by many
people ("Victoria station", "Queen Elizabeth Hospital", "Citizens Advice").
A town named on its own, without a word that places someone there, is kept too
("Blackburn police were brilliant").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from analysis.redaction.lexicon import STOPWORDS, Lexicon, key, lexicon

Span = tuple[int, int]

_STREET_TYPE = (
    r"(?:street|st|road|rd|avenue|ave|lane|ln|close|drive|way|crescent|cres|court|ct|gardens|gdns|"
    r"place|pl|terrace|grove|hill|park|rise|view|walk|mews|square|sq|row|green|parade|vale|"
    r"boulevard|wharf|yard|croft|fold|meadows?|heights|brow|bank|path|lea|dene|estate|house|"
    r"tower|lodge|flats|mansions|villas|cottages)"
)
# Welsh street words that come before the name: "Maes yr Haf", "Heol y Felin", "Ffordd Pentre".
_WELSH_STREET = r"(?:Maes|Heol|Ffordd|Stryd|L[oô]n|Clos|Cilgant|Rhodfa|Llys)"
# Words that are also names or English words ("Bryn", "Ty", "Pen") only with "y"/"yr": "Bryn yr Eglwys".
_WELSH_PLACE_WORD = r"(?:Bryn|Cae|Tan|Pen|Plas|Parc|Coed|Ty|Tŷ|Nant|Cwm|Pant)"
_WELSH_NAME = (
    rf"(?:{_WELSH_STREET}(?:\s+(?:y|yr|'r|r|y'r))?|{_WELSH_PLACE_WORD}\s+(?:y|yr|'r))"
    r"(?:\s+[A-Z\u00C0-\u017F][\w'’-]*){1,2}"
)
_STREET_WORD = r"[^\W\d_][\w'’-]*"
_ADDRESS_NUMBERED = re.compile(
    rf"\b(?:(?:flat|apartment|apt|unit)\s*\d{{1,4}}[a-z]?\b\s*,?\s*)?"
    rf"\d{{1,4}}[a-z]?\b,?\s+(?P<street>(?:{_STREET_WORD}\s+){{1,3}}){_STREET_TYPE}\b",
    re.I,
)
_ADDRESS_FLAT = re.compile(
    rf"\b(?:flat|apartment|apt)\s*\d{{1,4}}[a-z]?\b\s*,?\s+(?P<street>(?:{_STREET_WORD}\s+){{1,3}}){_STREET_TYPE}\b",
    re.I,
)
_ADDRESS_WELSH = re.compile(rf"\b(?:(?:flat|fflat)\s*\d{{1,4}}[a-z]?\s*,?\s*)?\d{{1,4}}[a-z]?,?\s+{_WELSH_NAME}")
_ADDRESS_NUMBER_ONLY = re.compile(
    r"\b(?:live[sd]?|living|stay(?:s|ed|ing)?) at (?P<addr>(?:number|no\.?) ?\d{1,4}[a-z]?)\b", re.I)

# A named street without a house number: "lives on Acacia Avenue", "the refuge is on Station Road".
_STREET_NAMED = re.compile(
    r"\b(?i:on|in|at|off|near|along|to|from|down|up|by|round|around|behind|past|outside)\s+(?:the\s+)?"
    r"(?P<street>(?:[A-Z][a-z'’-]+\s+){1,2}"
    r"(?:Street|Road|Avenue|Lane|Close|Drive|Way|Crescent|Court|Gardens|Place|Terrace|Grove|Mews|"
    r"Rise|Walk|Square|Parade|Estate|Heights|Row|Hill|Green|Range|Top|Fold|Brow|Mount|Gate|Vale|Croft|Bank|"
    r"Park|Fields|Meadows|Side|End|Wharf|Quay|Circus|Precinct)\b)(?!\s+of\b)"  # not "Royal Bank of Scotland"
)
# The same street types anywhere ("Station Road is where...", "the Station Road refuge"),
# when the street's own words are capitalised and not a sentence's first word alone.
_STREET_ANYWHERE = re.compile(
    r"(?<![\w'’])(?P<street>(?:[A-Z][a-z'’-]+\s+){1,2}"
    r"(?:Street|Road|Avenue|Lane|Close|Drive|Crescent|Gardens|Terrace|Grove|Mews|Parade)\b)"
)
_STREET_WELSH = re.compile(rf"\b(?P<street>{_WELSH_NAME})")
# Shopping streets shared by a whole town name no one's home.
_GENERIC_STREETS = frozenset({"high", "main", "the"})

# Schools and nurseries: "St Mary's Primary", "Bradwell Primary, year 2", "Oakfield Academy".
_SCHOOL = re.compile(
    r"\b(?P<school>(?:(?:St\.?|Saint)\s+)?(?:[A-Z][\w'’-]*\s+){1,3}"
    r"(?:(?:C of E|CofE|CE|RC|Catholic|Church of England|Church in Wales|Community|Junior|Infants?|Primary|Secondary|"
    r"High|Grammar|Nursery|Academy|College|School|Sixth Form)\b\s*)*"
    r"(?:Primary|Junior|Infants?|Nursery|Academy|School|College|Grammar|Secondary|High School|Sixth Form)\b)"
)
_GENERIC_SCHOOL_WORDS = frozenset(
    """the a my his her their our st saint primary junior infant infants nursery academy school college high
    secondary grammar sixth form c of e cofe ce rc catholic church england community special new local
    free private state boarding further education university""".split()
)
# Work: "works at Pryzm", "a bouncer at Pryzm", "her job at Greggs".
_WORK_BEFORE = re.compile(
    r"\b(?:work(?:s|ed|ing)?|job|shifts?|employed|bouncer|cleaner|manager|cashier|barman|barmaid|bartender|"
    r"waiter|waitress|chef|cook|driver|guard|security|staff|supervisor|assistant|mechanic|porter|receptionist|"
    r"nurse|carer|drinks?|drinking|drank|pub|club)\s+(?:is\s+|was\s+)?(?:at|for|in)\s+(?:the\s+)?$",
    re.I,
)
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’&-]*(?:\s+(?:(?:&|and)\s+)?[A-Z][\w'’&-]*){0,3}")  # "Dog and Partridge"
_BRANCH_PLACE = re.compile(r"\s+(?:in|on|at)\s+(?:the\s+)?(?P<where>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)")
# A shop or business with its street: "Tesco on the High Street", "the Costa in Market Square".
_BRANCH = re.compile(
    r"\b(?P<branch>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)?\s+(?:on|in|at|off)\s+(?:the\s+)?"
    r"(?:[A-Z][a-z'’-]+\s+){1,2}(?:Street|Road|Avenue|Lane|Parade|Square|Retail Park|Shopping Centre|Way)\b)"
)


def find_addresses(text: str) -> Iterator[Span]:
    for pattern in (_ADDRESS_NUMBERED, _ADDRESS_FLAT):
        for match in pattern.finditer(text):
            if _street_words_ok(match.group("street")):
                yield match.span()
    for match in _ADDRESS_WELSH.finditer(text):
        yield match.span()
    for match in _ADDRESS_NUMBER_ONLY.finditer(text):
        yield match.span("addr")


def _street_words_ok(street: str) -> bool:
    words = street.lower().split()
    return bool(words) and not any(word in STOPWORDS for word in words)


# Cheap checks that let most texts skip the costlier patterns.
_SCHOOL_HINT = re.compile(r"Primary|Junior|Infant|Nursery|Academy|School|College|Grammar|Secondary|Sixth")
_WORK_HINT = re.compile(
    r"work|job|shift|employ|bouncer|cleaner|manager|cashier|bar|wait|chef|cook|driver|guard|security|staff|"
    r"supervisor|assistant|mechanic|porter|reception|nurse|carer|drink|drank|pub|club", re.I)
_STREET_HINT = re.compile(
    r"Street|Road|Avenue|Lane|Close|Drive|Way|Crescent|Court|Gardens|Place|Terrace|Grove|Mews|Rise|Walk|"
    r"Square|Parade|Estate|Heights|Row|Hill|Green|Park|Centre|Range|Top|Fold|Brow|Mount|Gate|Vale|Croft|Bank|"
    r"Fields|Meadows|Side|End|Wharf|Quay|Circus|Precinct|Maes|Heol|Ffordd|Stryd|L[oô]n|Cae|Clos|Cilgant|"
    r"Rhodfa|Llys|Bryn|Tan|Pen|Plas|Parc|Coed|Ty|Tŷ")


# A town or a place that is in no list, after "in", "at", "to"... ("at Rampton", "near Peterlee"):
# a place, not a person, unless it is a listed name. Small towns can identify someone, so it goes.
_TOWN = re.compile(
    r"\b(?:in|at|to|from|near|around|outside|of)\s+(?P<town>[A-Z][a-z]+(?:-[a-z]+-[A-Za-z]+|-[A-Z][a-z]+)?)\b"
    r"(?!['’-])")


# A place from the gazetteer after a word that places someone there: up to four words,
# joined by spaces or hyphens, with "upon", "on", "under", "le" inside ("Newcastle upon Tyne").
_GAZETTEER_CUE = re.compile(
    r"\b(?i:in|at|to|from|near|around|outside|of|into|towards|via|through|past|nr)\s+"
    # A lookahead, so "at Morrisons in Burnley" still offers "in Burnley".
    r"(?=(?P<place>[A-Z][\w'’]*(?:[\s-]+(?:upon|on|under|le|en|by|in|the|[A-Z][\w'’]*)){0,3}))")
# Words after a town that make it a public place everyone shares ("Victoria station").
_PUBLIC_AFTER = frozenset(
    """station stations hospital hospitals infirmary airport police council court courts crown magistrates
    university college library cathedral general royal city county town fc united rovers""".split())
_TRANSPORT = frozenset("bus coach train railway tram".split())
# Services and charities: "Citizens Advice in Blackburn" keeps the service.
_SERVICE_WORDS = frozenset(
    """advice aid refuge refuges police council hub centre center support services service outreach housing
    helpline court courts hospital probation team office jobcentre nhs mind samaritans shelter women's womens
    social crisis idva idvas marac victim victims cafcass school college university library church mosque
    temple gurdwara surgery gp clinic trust project charity group groups network""".split())
# Kinds of lodging, not a venue's name: "a B&B on Preston New Road" (the road is the place).
_LODGING = frozenset("b&b hostel hotel flat house refuge room".split())
# "Morrisons in Burnley": a shop or venue before "in"/"at"/"on" a place is that place.
_VENUE_BEFORE = re.compile(r"(?P<venue>[A-Z][\w'’&-]*)\s+(?:in|at|on)\s+(?:the\s+)?$")
# A named estate: "the Beeches estate", "Shadsworth Estate".
_ESTATE = re.compile(r"(?P<estate>(?:[A-Z][\w'’-]*\s+){1,3}(?i:estate))\b")
_GENERIC_ESTATE = frozenset("the a council housing new old local big industrial his her my our their".split())
# A named venue: "Nightingale House", "Blackburn Shopping Centre", "Cedar Court".
_VENUE = re.compile(
    r"(?P<venue>(?:[A-Z][\w'’-]*\s+){1,3}(?:Shopping Centre|Retail Park|Leisure Centre|Business Park|"
    r"Industrial Estate|Trading Estate|House|Court|Lodge|Mill|Mills|Hotel|Tower|Towers|Flats|Apartments)\b)")
# A numbered hospital ward, or a numbered flat block: "Ward 12", "ward 4B".
_WARD = re.compile(r"\b(?i:ward)\s+\d{1,3}[A-Za-z]?\b")


def find_places(text: str) -> Iterator[Span]:
    yield from _estates_and_venues(text)
    yield from _with_venue_before(text, _gazetteer_places(text))
    yield from _with_venue_before(text, _towns(text))
    if _SCHOOL_HINT.search(text):
        yield from _schools(text)
    if _STREET_HINT.search(text):
        yield from _branches(text)
        yield from _with_venue_before(text, _streets(text))
    if _WORK_HINT.search(text):
        yield from _workplaces(text)


def _with_venue_before(text: str, spans: Iterator[Span]) -> Iterator[Span]:
    """A place with the shop or venue just before it: "Primark in Merry Hill" is one place."""
    lex = lexicon()
    for start, end in spans:
        venue = _VENUE_BEFORE.search(text, max(0, start - 30), start)
        if venue and _is_venue(venue.group("venue"), lex, text, venue.start()):
            start = venue.start()
        yield start, end


def _gazetteer_places(text: str) -> Iterator[Span]:
    lex = lexicon()
    for match in _GAZETTEER_CUE.finditer(text):
        span = _longest_town(match.group("place"), lex)
        if span is None:
            continue
        start, end = match.start("place"), match.start("place") + span
        after = [key(word.strip(".,;:!?")) for word in text[end:end + 30].split()[:2]]
        if after and (after[0] in _PUBLIC_AFTER or (after[0] in _TRANSPORT and after[1:] == ["station"])):
            continue  # "at Victoria station", "Blackburn police", "Accrington bus station"
        yield start, _rest_of_name(text, end, lex)


_NEXT_WORD = re.compile(r"[ -]([A-Z][\w'’]*)")


def _rest_of_name(text: str, end: int, lex: Lexicon) -> int:
    """A listed place can start a longer name: "Queens Park", "Audley Range" (two more words at most)."""
    for _ in range(2):
        following = _NEXT_WORD.match(text, end)
        if not following:
            break
        k = key(following.group(1))
        if k in lex.keep or k in STOPWORDS or lex.is_first_name(k):
            break  # "in Leeds on Monday", "from Leeds Women's Aid"
        end = following.end()
    return end


def _longest_town(words: str, lex: Lexicon) -> int | None:
    """Length of the longest run of ``words`` (from the first) that is a listed place."""
    parts = list(re.finditer(r"[^\s-]+", words))
    for count in range(len(parts), 0, -1):
        end = parts[count - 1].end()
        if not parts[count - 1].group()[:1].isupper():
            continue  # a place ends on a capitalised word: "Newcastle upon Tyne", not "Newcastle upon"
        name = " ".join(key(part.group()) for part in parts[:count])
        if name in lex.towns and name not in STOPWORDS:
            return end
    return None


def _is_venue(word: str, lex: Lexicon, text: str, start: int) -> bool:
    """A shop or venue's name ("Morrisons", "Primark"), not a service, a person or a sentence's first word."""
    k = key(word)
    if k in _SERVICE_WORDS or k in STOPWORDS or k in _LODGING or (k in lex.ordinary and k not in lex.keep) \
            or lex.is_first_name(k) or lex.is_ambiguous(k):
        return False  # "Citizens Advice in", "House in", "Sarah in"
    return not re.search(r"(?:^|[.!?]\s*)$", text[:start])


def _estates_and_venues(text: str) -> Iterator[Span]:
    lex = lexicon()
    if "state" in text:
        for match in _ESTATE.finditer(text):
            words = [key(word) for word in match.group("estate").split()[:-1]]
            start = match.start("estate")
            while words and words[0] in _GENERIC_ESTATE:  # "the Beeches estate": leave "the"
                start += text[start:].index(" ") + 1
                words = words[1:]
            if words:
                yield start, match.end("estate")
    for match in _VENUE.finditer(text):
        words = [key(word) for word in match.group("venue").split()]
        start = match.start("venue")
        while words and words[0] in STOPWORDS:
            start += text[start:].index(" ") + 1
            words = words[1:]
        naming = words[:-2] if match.group("venue").endswith(("Centre", "Park", "Estate")) else words[:-1]
        # "Blackburn Crown Court", "Preston Town Hall": public buildings everyone shares.
        if any(_proper(word, lex) for word in naming) and not set(naming) & _PUBLIC_VENUE_WORDS:
            yield start, match.end("venue")
    for match in _WARD.finditer(text):
        yield match.span()


# Courts and public buildings everyone shares: "Crown Court", "County Court", "Town Hall".
_PUBLIC_VENUE_WORDS = frozenset("county crown family magistrates magistrates' high supreme youth combined civic "
                                "town city coroner's coroners sheriff justice".split())


def _proper(word: str, lex: Lexicon) -> bool:
    """A word that names a venue ("Shadsworth", "Blackburn"): a town, or no English word, service or
    public building's word ("Hope House" and "Crown Court" stay: a refuge's or a court's name)."""
    if word in lex.towns:
        return True
    return not (lex.is_ordinary(word) or word in STOPWORDS or word in _SERVICE_WORDS
                or word in _PUBLIC_VENUE_WORDS or lex.is_ambiguous(word))


def _towns(text: str) -> Iterator[Span]:
    lex = lexicon()
    for match in _TOWN.finditer(text):
        word = key(match.group("town"))
        if word in STOPWORDS or lex.is_ordinary(word) or lex.is_first_name(word) or lex.is_ambiguous(word):
            continue
        if lex.is_surname(word) or word in lex.places:
            continue
        yield match.span("town")


def _streets(text: str) -> Iterator[Span]:
    keep = lexicon().keep
    for match in _STREET_NAMED.finditer(text):
        words = [key(word) for word in match.group("street").split()[:-1]]
        if not set(words) & _GENERIC_STREETS and not all(word in keep for word in words):
            yield match.span("street")
    for match in _STREET_ANYWHERE.finditer(text):
        words = [key(word) for word in match.group("street").split()[:-1]]
        start = match.start("street")
        if words[0] in STOPWORDS:  # "The Station Road refuge": the street starts after "The"
            start += len(match.group("street").split()[0]) + 1
            words = words[1:]
        if words and not set(words) & _GENERIC_STREETS and not all(word in keep or word in STOPWORDS
                                                                  for word in words):
            yield start, match.end("street")
    for match in _STREET_WELSH.finditer(text):
        yield match.span("street")


def _schools(text: str) -> Iterator[Span]:
    keep = lexicon().keep
    for match in _SCHOOL.finditer(text):
        words = [key(word).rstrip("'’s") for word in re.findall(r"[\w'’]+", match.group("school"))]
        naming = [word for word in words if word not in _GENERIC_SCHOOL_WORDS]
        if naming and not all(word in keep for word in naming):
            start = match.start("school")
            # "The Hope Primary": leave a leading article.
            if text.startswith(("The ", "the "), start):
                start += 4
            yield start, match.end("school")


def _branches(text: str) -> Iterator[Span]:
    for match in _BRANCH.finditer(text):
        first_word = key(match.group("branch").split()[0])
        if first_word not in {"the", "a", "we", "i", "he", "she", "they", "it", "you", "my"} | _LODGING:
            yield match.span("branch")


def _workplaces(text: str) -> Iterator[Span]:
    lex = lexicon()
    keep = lex.keep
    for match in _CAPITALISED_RUN.finditer(text):
        if not _WORK_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue
        # A chain's branch is a workplace even though the chain is a keep word: "Asda in Hunslet".
        branch = _BRANCH_PLACE.match(text, match.end())
        if branch and not all(lex.is_ordinary(key(word)) for word in branch.group("where").split()):
            yield match.start(), branch.end()
            continue
        words = [key(word) for word in match.group().split()]
        if not all(word in keep for word in words):
            yield match.span()
