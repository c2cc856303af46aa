"""Redact identifying details from survivors' free text before it is stored.

``redact(text)`` replaces people's names, phone numbers, emails, postal
addresses, postcodes, specific dates, vehicle registrations, links and long
reference numbers with ``[name]``, ``[phone]``, ``[email]``, ``[address]``,
``[postcode]``, ``[date]``, ``[vehicle]``, ``[link]`` and ``[number]``.

Policy decisions (see PRODUCT.md section 2):

- Dates: every specific calendar date (a day with a month, with or without a
  year) is redacted, not only dates of birth: any exact date can tie a
  response to an incident or a person. Months, years, month-and-year, days of
  the week and relative phrases ("last week", "in March 2019") stay, except a
  month-and-year after "born"/"DOB", which is a date of birth.
- Public service numbers identify nobody and are kept: 999, 101, 111, 112,
  the Silent Solution 55, Samaritans 116 123, Childline and the national
  helplines of the support directory. Public service web sites (gov.uk,
  nhs.uk, police.uk and the national charities) are kept too.
- ``number`` is an extra kind: a run of six or more digits that is not a
  phone number, date or amount of money (crime, case, NHS or National
  Insurance numbers), or a code after "ref"/"crime number" etc. Such
  references lead straight to a person.
- Staff names are names: the board sees only redacted quotes.

Detectors run in a fixed order on a working copy of the text in which each
accepted span is masked, so a later detector never re-reads redacted text and
the result is idempotent. Offsets always refer to the original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

KINDS = ("name", "phone", "email", "address", "postcode", "date", "vehicle", "link", "number")

# Masked characters are neither word characters nor spaces, so later
# detectors see a hard boundary where redacted text was.
_MASK = "\x00"


@dataclass(frozen=True)
class Replacement:
    kind: str
    start: int  # offsets in the original text
    end: int


@dataclass(frozen=True)
class Redaction:
    text: str
    replacements: tuple[Replacement, ...]

    @property
    def changed(self) -> bool:
        return bool(self.replacements)


Span = tuple[int, int]


# --- word lists ---------------------------------------------------------------------------


def _read_list(filename: str) -> frozenset[str]:
    raw = resources.files("analysis").joinpath("data", filename).read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True)
class _Lexicon:
    names: frozenset[str]  # names redacted wherever they appear, in any case
    ambiguous: frozenset[str]  # names that are also words: redacted only with name context
    keep: frozenset[str]  # service, place, day and month words: never a name on their own
    any_name: frozenset[str]  # names | ambiguous
    not_surname: frozenset[str]  # words that end a title or a name: keep, stopwords, facilities


@cache
def _lexicon() -> _Lexicon:
    names = _read_list("redaction_first_names.txt")
    keep = _read_list("redaction_keep_words.txt")
    ambiguous = _read_list("redaction_ambiguous_names.txt") | (names & keep)
    return _Lexicon(
        names=names - ambiguous,
        ambiguous=ambiguous,
        keep=keep,
        any_name=names | ambiguous,
        not_surname=keep | _STOPWORDS | _FACILITY,
    )


# Function words and common sentence words that are never a surname or street name.
_STOPWORDS = frozenset(
    """a an and are as at be been but by can could did do does for from had has have he her him his
    how i if in into is it its me my no not of off on or our out she so than that the their them
    then there they this to too up us was we were what when where which while who why will with
    would you your down over back just very all any some about after before again also am been
    being both each few more most other own same such only once here now never always still yet
    times time mins minutes hours days weeks months years miles kids children people things
    lovely kind really great amazing rude helpful brilliant good bad nice""".split()
)

# Capitalised words after a name that end a name: the name is part of a place or organisation.
_FACILITY = frozenset(
    """hospital house centre center road street avenue lane close drive way park school academy
    college court infirmary hall ward unit clinic surgery station square gardens place trust
    foundation project service services line team hub estate church mosque temple library
    university health practice medical primary nursery refuge law scheme programme""".split()
)
# Words before a capitalised word that make it part of a place name ("St Mary's", "Queen Elizabeth").
_PLACE_PREFIX = frozenset("st saint queen king prince princess royal lady lord".split())


# --- emails, links -------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
_EMAIL_SPOKEN = re.compile(
    r"(?<![\w.])[\w+-]{1,40}(?:\s*(?:\.|\bdot\b)\s*[\w+-]{1,40}){0,3}\s*(?:\(at\)|\[at\]|\bat\b)\s*[\w-]+\s*(?:\.|\(dot\)|\[dot\]|\bdot\b)\s*"
    r"(?:com|co\s*(?:\.|\bdot\b)\s*uk|org|net|uk)\b",
    re.I,
)
# Cheap checks that let most texts skip the costlier link and email patterns.
_TLD_WORD = re.compile(r"\b(?:com|uk|org|net)\b", re.I)
_LINK_HINT = re.compile(r"\.[a-z]{2}|@", re.I)
_TLD = r"(?:com|co\.uk|org\.uk|org|net|uk|io|me|ly|info|biz|tv|gov\.uk|nhs\.uk|police\.uk|ac\.uk)"
_URL = re.compile(
    r"(?:\b(?:https?://|www\.)[^\s<>\"'\x00]+"
    r"|(?<![\w@.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\." + _TLD + r"\b(?:/[^\s<>\"'\x00]*)?)",
    re.I,
)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
_PUBLIC_HOSTS = (
    "gov.uk", "nhs.uk", "police.uk", "refuge.org.uk", "womensaid.org.uk", "nationaldahelpline.org.uk",
    "samaritans.org", "mensadviceline.org.uk", "galop.org.uk", "respectphoneline.org.uk",
    "stalkinghelpline.org", "citizensadvice.org.uk", "victimsupport.org.uk", "safelives.org.uk",
)
_URL_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/:?#]+)", re.I)


def _is_public_link(url: str) -> bool:
    match = _URL_HOST.match(url)
    host = match.group(1).lower() if match else ""
    return any(host == public or host.endswith("." + public) for public in _PUBLIC_HOSTS)


def _strip_trailing_punctuation(start: int, end: int, text: str) -> Span:
    while end > start and text[end - 1] in ".,;:!?)]}'\"":
        end -= 1
    return start, end


def _emails(text: str) -> Iterator[Span]:
    for match in _EMAIL.finditer(text):
        yield match.span()


def _spoken_emails(text: str) -> Iterator[Span]:
    """"sarah dot k at gmail dot com": run after links so "profile at instagram.com" is a link."""
    if not _TLD_WORD.search(text):
        return
    for match in _EMAIL_SPOKEN.finditer(text):
        yield match.span()


def _links(text: str) -> Iterator[Span]:
    if not _LINK_HINT.search(text):
        return
    for match in _URL.finditer(text):
        start, end = _strip_trailing_punctuation(*match.span(), text)
        if end > start and not _is_public_link(text[start:end]):
            yield start, end
    for match in _HANDLE.finditer(text):
        yield match.span()


# --- phone numbers and reference numbers -----------------------------------------------------

# A phone number starts with +, 00, 0 or a bracket, then digits with spaces,
# dots, dashes or brackets between them. The digit count is checked after
# matching because it depends on how the number starts.
_PHONE = re.compile(r"(?<![\w+])(?:\+|\(\+?)?\d[\d ().\-]{6,24}\d\)?")
_PHONE_GROUP = re.compile(r"\d+")
# Public numbers that identify nobody (digits only; +44 already turned into 0).
_PUBLIC_NUMBERS = frozenset(
    {
        "999", "112", "101", "111", "55", "116123", "116006", "08001111", "0800555111",
        "08082000247", "08009995428", "08088010327", "08088020321", "08088020300",
    }
)


def _national_digits(candidate: str) -> str:
    digits = re.sub(r"\D", "", candidate)
    if candidate.lstrip("( ").startswith("+44"):
        return "0" + digits[2:]
    if digits.startswith("0044"):
        return "0" + digits[4:]
    return digits


def _is_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    stripped = candidate.lstrip("(")
    if stripped.startswith("+") or digits.startswith("00"):
        return 9 <= len(digits) <= 15
    return digits.startswith("0") and len(digits) in (10, 11)


def _phones(text: str) -> Iterator[Span]:
    for match in _PHONE.finditer(text):
        start, end = match.span()
        # Greedy matching can swallow a following number ("07700 900123 3 times"):
        # drop trailing digit groups until the rest is a valid phone number.
        groups = list(_PHONE_GROUP.finditer(text, start, end))
        while groups:
            last = groups[-1].end()
            candidate = text[start:last]
            if _is_phone(candidate):
                if candidate.count("(") > candidate.count(")") and text[last:last + 1] == ")":
                    last += 1
                if _national_digits(text[start:last]) not in _PUBLIC_NUMBERS:
                    yield start, last
                break
            groups.pop()


_MONEY_BEFORE = re.compile(r"[£$€]\s*$")
_LONG_NUMBER = re.compile(r"(?<![\w£$€.,/:])\d(?:[ -]?\d){5,}(?![\w/:])")
_REFERENCE = re.compile(
    r"\b(?:ref(?:erence)?|crime (?:ref(?:erence)?|number|no)|case (?:ref(?:erence)?|number|no)|"
    r"incident (?:number|no)|log (?:number|no)|NI (?:number|no)|national insurance(?: number)?|"
    r"NHS (?:number|no))\.?(?:\s*(?:is|was|number|no|:|#))*\s*"
    # Spaced digit groups belong to the same reference ("0808 2000 247"); taking
    # only the first group would leave digits that a second pass redacts.
    r"(?P<ref>[A-Za-z]{0,4}[/ -]?\d[\dA-Za-z/-]{2,20}(?: \d[\dA-Za-z/-]{2,20})*)",
    re.I,
)


def _numbers(text: str) -> Iterator[Span]:
    for match in _LONG_NUMBER.finditer(text):
        if _MONEY_BEFORE.search(text, max(0, match.start() - 3), match.start()):
            continue
        if re.sub(r"\D", "", match.group()) not in _PUBLIC_NUMBERS:
            yield match.span()
    for match in _REFERENCE.finditer(text):
        yield match.span("ref")


# --- dates --------------------------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May)|may(?=\s*\d)|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:(?:19|20)\d\d|'\d\d)"
_DATE_PATTERNS = (
    # 12/03/1985, 1.2.88, 3-4-2021
    re.compile(r"(?<![\d./-])(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})(?![\d./-])"),
    # 1985-03-12
    re.compile(r"(?<![\d-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])"),
    # 3rd March 1990, 3 of March, 12 Jan '89
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?(?![\w'])", re.I),
    # March 3rd, 1990 / March 3
    re.compile(rf"\b{_MONTH}\s+(?:the\s+)?{_DAY}(?!\s*(?:[:.]\d|am\b|pm\b|%))(?:,?\s+{_YEAR})?\b", re.I),
)
# Day/month without a year, or month and year, count only as a date of birth or after "on".
_DATE_CONTEXT = re.compile(
    rf"\b(?:born|dob|d\.o\.b\.?|date of birth|birthday)(?:\s+(?:is|was|on|in|:))*:?\s*"
    rf"(?P<date>{_MONTH}\s+(?:19|20)\d\d|(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))\b"
    rf"|\bon\s+(?P<onDate>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))(?![\d/])",
    re.I,
)


def _dates(text: str) -> Iterator[Span]:
    if not _DIGIT.search(text):
        return
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            yield match.span()
    for match in _DATE_CONTEXT.finditer(text):
        group = "date" if match.group("date") else "onDate"
        if match.group(group) != "24/7":
            yield match.span(group)


# --- postcodes and vehicle registrations --------------------------------------------------------

# Every UK postcode area; a match must start with one, which rules out most words.
_POSTCODE_AREAS = frozenset(
    """AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E
    EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN
    LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO
    SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE""".split()
)
_POSTCODE_FULL = re.compile(r"\b(?P<area>[A-Z]{1,2})\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b", re.I)
_POSTCODE_OUTWARD = re.compile(r"\b(?P<area>[A-Z]{1,2})\d[A-Z\d]?\b")
_POSTCODE_CONTEXT_BEFORE = re.compile(r"(?:post\s?code|postal code)(?:\s+(?:is|was|of|:))*[\s:]*$", re.I)
_LOCATION_BEFORE = re.compile(r"\b(?:in|from|near|around|live in|lived in|moved to|area)\s+$", re.I)
_AREA_AFTER = re.compile(r"^\s+(?:area|postcode|district)\b", re.I)


def _postcodes(text: str) -> Iterator[Span]:
    for match in _POSTCODE_FULL.finditer(text):
        if match.group("area").upper() in _POSTCODE_AREAS:
            yield match.span()
    for match in _POSTCODE_OUTWARD.finditer(text):
        area = match.group("area")
        if area not in _POSTCODE_AREAS:
            continue
        before = text[max(0, match.start() - 30):match.start()]
        after = text[match.end():match.end() + 12]
        if (
            _POSTCODE_CONTEXT_BEFORE.search(before)
            or _AREA_AFTER.match(after)
            or (len(area) == 2 and _LOCATION_BEFORE.search(before))
        ):
            yield match.span()


_VEHICLE_COMMON = frozenset(
    "the and for was not but you his her she are had has can did got off out all any now too two one who why how "
    "our day way yet see say saw".split())
_VEHICLE_CURRENT = re.compile(r"\b[A-Z]{2}\d{2}\s?(?P<tail>[A-Z]{3})\b", re.I)
_VEHICLE_OLD = re.compile(r"\b(?:[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])\b")
_VEHICLE_CONTEXT = re.compile(
    r"\b(?:reg(?:istration)?(?: number| no\.?| plate)?|number ?plate|plate)(?:\s+(?:is|was|:))*[\s:]*"
    r"(?P<reg>(?=[A-Z0-9 ]{4,9}\b)(?=[A-Z ]*\d)(?=[\d ]*[A-Z])[A-Z0-9]+(?: [A-Z0-9]+)?)\b",
    re.I,
)


def _vehicles(text: str) -> Iterator[Span]:
    for match in _VEHICLE_CURRENT.finditer(text):
        if match.group().isupper() or match.group("tail").lower() not in _VEHICLE_COMMON:
            yield match.span()
    for match in _VEHICLE_OLD.finditer(text):
        yield match.span()
    for match in _VEHICLE_CONTEXT.finditer(text):
        yield match.span("reg")


# --- addresses ---------------------------------------------------------------------------------

_STREET_TYPE = (
    r"(?:street|st|road|rd|avenue|ave|lane|ln|close|drive|way|crescent|cres|court|ct|gardens|gdns|"
    r"place|pl|terrace|grove|hill|park|rise|view|walk|mews|square|sq|row|green|parade|vale|"
    r"boulevard|wharf|yard|croft|fold|meadows?|heights|brow|bank|path|lea|dene|estate|house|"
    r"tower|lodge|flats|mansions|villas|cottages)"
)
_STREET_WORD = r"[^\W\d_][\w'’-]*"
_ADDRESS_NUMBERED = re.compile(
    rf"\b(?:(?:flat|apartment|apt|unit)\s*\d{{1,4}}[a-z]?\b\s*,?\s*)?"
    rf"\d{{1,4}}[a-z]?\b,?\s+(?P<street>(?:{_STREET_WORD}\s+){{1,3}}){_STREET_TYPE}\b\.?",
    re.I,
)
_ADDRESS_FLAT = re.compile(
    rf"\b(?:flat|apartment|apt)\s*\d{{1,4}}[a-z]?\b\s*,?\s+(?P<street>(?:{_STREET_WORD}\s+){{1,3}}){_STREET_TYPE}\b\.?",
    re.I,
)
_ADDRESS_NUMBER_ONLY = re.compile(
    r"\b(?:live[sd]?|living|stay(?:s|ed|ing)?) at (?P<addr>(?:number|no\.?) ?\d{1,4}[a-z]?)\b", re.I)
# A named street without a house number, after a preposition: "lives on Acacia Avenue".
_ADDRESS_NAMED = re.compile(
    r"\b(?:on|in|at|off|near|along|to|from)\s+(?P<street>(?:[A-Z][a-z'’-]+\s+){1,2})"
    r"(?:Street|Road|Avenue|Lane|Close|Drive|Way|Crescent|Court|Gardens|Place|Terrace|Grove|Mews|"
    r"Rise|Walk|Square|Parade|Estate|Heights)\b"
)
# Generic shopping streets name no one's home.
_GENERIC_STREETS = frozenset({"high", "main", "church", "station", "market", "the"})


def _street_words_ok(street: str) -> bool:
    words = street.lower().split()
    return bool(words) and not any(word in _STOPWORDS for word in words)


def _addresses(text: str) -> Iterator[Span]:
    for pattern in (_ADDRESS_NUMBERED, _ADDRESS_FLAT):
        for match in pattern.finditer(text):
            if _street_words_ok(match.group("street")):
                yield match.span()
    for match in _ADDRESS_NUMBER_ONLY.finditer(text):
        yield match.span("addr")
    for match in _ADDRESS_NAMED.finditer(text):
        words = match.group("street").lower().split()
        if not (set(words) & _GENERIC_STREETS) and not (set(words) & _lexicon().keep):
            yield match.start("street"), match.end()


# --- names ------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$", re.I)
_LOWER_TITLE = re.compile(r"\b(?:mr|mrs|ms)\.?\s+(?P<first>[a-z][a-z'’-]+)")
_TITLE = re.compile(
    r"\b(?:(?i:mr|mrs|ms|miss|mx|dr|prof)\.?|PC|DC|DS|DI|DCI|DCs|Sgt|Sergeant|Detective|Inspector|"
    r"Constable|Officer|Judge|Cllr|Councillor|Nurse|Sister|Father|Rev|Reverend|Auntie|Aunty|Uncle)"
    r"\s+(?P<first>[A-Z][\w'’-]*)(?:\s+(?P<second>[A-Z][\w'’-]*))?"
)
# Relations and roles that are followed by a name: "my ex Will", "my worker Jo".
_ROLE_BEFORE = re.compile(
    r"\b(?:ex|ex-partner|ex-husband|ex-wife|ex-boyfriend|ex-girlfriend|partner|husband|wife|boyfriend|"
    r"girlfriend|fianc[eé]e?|son|daughter|brother|sister|mum|dad|mother|father|stepdad|stepfather|"
    r"stepmum|cousin|uncle|aunt|auntie|nan|nana|gran|grandad|friend|neighbour|abuser|perpetrator|"
    r"worker|caseworker|advocate|idva|isva|counsellor|counselor|therapist|officer|doctor|gp|nurse|"
    r"visitor|midwife|solicitor|barrister|manager|teacher|volunteer|coordinator|co-ordinator|"
    r"mentor|navigator|practitioner|lady|woman|man|guy|bloke|receptionist|housing officer)"
    r",?\s+$",
    re.I,
)
_NAMING_BEFORE = re.compile(r"\b(?:named|name is|name was|name's|names are|known as|aka)\s+$", re.I)
_CALLED_BEFORE = re.compile(r"\b(?:called|ask for|asked for|thanks|thank you|and|&)\s+$", re.I)
# Verbs that follow a person but not the word ("Grace said", but not "Hope was all I had").
_NAME_VERB_AFTER = re.compile(
    r"^\s+(?:said|says|told|tells|helped|helps|asked|rang|phoned|texted|called|listened|explained|"
    r"came|kept|believed|sorted|arranged|referred|shouted|hit|threatened)\b"
)
# What follows a person at the start of a sentence: "Grace from Women's Aid", "Amber was my worker".
_PERSON_AFTER = re.compile(
    r"\s+(?:(?:from|at)\s+(?:the\s+)?(?:[A-Z]|(?:housing|council|police|refuge|hub|centre|center|"
    r"school|office|team|drop|helpline|service|charity|group|desk|hospital|surgery|court|nursery)\b)"
    r"|(?:is|was)\s+(?:my|our|the|a)\s+(?:\w+\s+){0,2}?(?:worker|idva|isva|advocate|counsellor|"
    r"officer|nurse|doctor|solicitor|volunteer|manager|caseworker|midwife|visitor|teacher)\b)"
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|my|his|her|our|their|your|this|that|of|in|on|for)\s+$", re.I)
_SENTENCE_END = re.compile(r"(?:^|[.!?\n:;\"“(]\s*)$")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int  # without a possessive 's
    word: str

    @property
    def lower(self) -> str:
        return self.word.lower()

    @property
    def capitalised(self) -> bool:
        return self.word[:1].isupper()


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _WORD.finditer(text):
        word = _POSSESSIVE.sub("", match.group())
        if word:
            tokens.append(_Token(match.start(), match.start() + len(word), word))
    return tokens


def _is_name_word(lower: str, names: frozenset[str]) -> bool:
    """A word, or every part of a hyphenated word, is a listed name."""
    return lower in names or ("-" in lower and all(part in names for part in lower.split("-")))


def _surname_like(token: _Token, lex: _Lexicon) -> bool:
    lower = token.lower
    return (
        token.capitalised
        and not token.word.isupper()
        and lower not in lex.keep
        and lower not in _STOPWORDS
        and lower not in _FACILITY
        and lower not in lex.ambiguous
    )


def _in_place_name(tokens: list[_Token], i: int, text: str) -> bool:
    """'St Mary's', 'Queen Elizabeth Hospital', 'Grace House': a place, not a person."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev and prev.lower.rstrip(".") in _PLACE_PREFIX and prev.capitalised and _adjacent(prev, tokens[i], text):
        return True
    return bool(nxt and nxt.capitalised and nxt.lower in _FACILITY and _adjacent(tokens[i], nxt, text))


def _adjacent(left: _Token, right: _Token, text: str) -> bool:
    gap = text[left.end:right.start]
    return gap.strip(" .'’s") == "" and len(gap) <= 4


def _has_name_context(tokens: list[_Token], i: int, text: str, lex: _Lexicon) -> bool:
    token = tokens[i]
    before = text[max(0, token.start - 40):token.start]
    after = text[token.end:token.end + 20]
    if _NAMING_BEFORE.search(before):
        return True
    if not token.capitalised:
        return False
    if _ROLE_BEFORE.search(before) or _CALLED_BEFORE.search(before):
        return True
    if before.endswith("(") and text[token.end:token.end + 1] == ")":
        return True
    if _NAME_VERB_AFTER.match(after) or _PERSON_AFTER.match(text, token.end, token.end + 60):
        return True
    # A capitalised ambiguous word mid-sentence is a name ("I told Frank"), unless it is a
    # month or place or follows a determiner ("the Sky box").
    if _plain_ambiguous(token, lex) and not _SENTENCE_END.search(before) and not _DETERMINER_BEFORE.search(before):
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return bool(nxt and _adjacent(token, nxt, text) and _surname_like(nxt, lex) and text[token.end] == " ")


def _plain_ambiguous(token: _Token, lex: _Lexicon) -> bool:
    return token.lower in lex.ambiguous and token.lower not in lex.keep and not token.word.isupper()


def _unknown_name_context(tokens: list[_Token], i: int, text: str, lex: _Lexicon) -> bool:
    """A capitalised word that is in no list is a name only right after a role or "named"."""
    token = tokens[i]
    if not token.capitalised or token.word.isupper() or token.lower in lex.keep or token.lower in _STOPWORDS:
        return False
    before = text[max(0, token.start - 40):token.start]
    if _SENTENCE_END.search(before):
        return False
    return bool(_NAMING_BEFORE.search(before) or _ROLE_BEFORE.search(before))


def _names(text: str) -> Iterator[Span]:
    lex = _lexicon()
    for match in _TITLE.finditer(text):
        first = match.group("first")
        if first.lower() in lex.not_surname:
            continue
        second = match.group("second")
        end = match.end("second") if second and second.lower() not in lex.not_surname else match.end("first")
        yield match.start(), end - (2 if _POSSESSIVE.search(text[match.start():end]) else 0)
    for match in _LOWER_TITLE.finditer(text):
        if match.group("first") not in lex.not_surname:
            yield match.start(), match.end()
    tokens = _tokens(text)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        lower = token.lower
        listed = _is_name_word(lower, lex.any_name)
        if not listed and not token.capitalised:
            is_name = False  # the common case: a lower-case word that no rule makes a name
        elif _in_place_name(tokens, i, text):
            is_name = False
        elif listed and _is_name_word(lower, lex.names):
            is_name = True
        elif listed:
            is_name = _has_name_context(tokens, i, text, lex)
        else:
            is_name = _unknown_name_context(tokens, i, text, lex)
        if not is_name:
            i += 1
            continue
        # Take following surnames ("Sarah Jones", "Will Smith") into the same span.
        end_index = i
        while (
            end_index + 1 < len(tokens)
            and end_index - i < 2
            and _adjacent(tokens[end_index], tokens[end_index + 1], text)
            and text[tokens[end_index].end:tokens[end_index + 1].start] == " "
            and (
                _surname_like(tokens[end_index + 1], lex)
                or _is_name_word(tokens[end_index + 1].lower, lex.names)
            )
            and tokens[end_index + 1].capitalised
        ):
            end_index += 1
        yield token.start, tokens[end_index].end
        i = end_index + 1


# --- assembly ----------------------------------------------------------------------------------

# Order matters: each detector sees the text with earlier findings masked.
_DETECTORS: tuple[tuple[str, Callable[[str], Iterable[Span]]], ...] = (
    ("email", _emails),
    ("link", _links),
    ("email", _spoken_emails),
    ("date", _dates),
    ("phone", _phones),
    ("address", _addresses),
    ("postcode", _postcodes),
    ("vehicle", _vehicles),
    ("number", _numbers),
    ("name", _names),
)


def _accept(spans: Iterable[Span], occupied: bytearray) -> list[Span]:
    """Longest spans first; skip any span that overlaps one already accepted."""
    accepted: list[Span] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if end > start and not any(occupied[start:end]):
            occupied[start:end] = b"\x01" * (end - start)
            accepted.append((start, end))
    return accepted


def _mask(text: str, spans: list[Span]) -> str:
    pieces, position = [], 0
    for start, end in sorted(spans):
        pieces += [text[position:start], _MASK * (end - start)]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def redact(text: str) -> Redaction:
    """Replace identifying details in ``text``; never raises on any str."""
    if not isinstance(text, str):
        raise TypeError("redact() takes a str")
    masked = text.replace(_MASK, " ")
    occupied = bytearray(len(text))
    found: list[Replacement] = []
    for kind, detector in _DETECTORS:
        accepted = _accept(detector(masked), occupied)
        found.extend(Replacement(kind, start, end) for start, end in accepted)
        if accepted:
            masked = _mask(masked, accepted)
    found.sort(key=lambda r: r.start)
    pieces: list[str] = []
    position = 0
    for replacement in found:
        pieces.append(text[position:replacement.start])
        pieces.append(f"[{replacement.kind}]")
        position = replacement.end
    pieces.append(text[position:])
    return Redaction(text="".join(pieces), replacements=tuple(found))
