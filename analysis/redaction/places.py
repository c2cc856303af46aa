"""Where someone lives, works or takes their children: addresses and places.

- ``addresses``: a house or flat number with its street, in English or Welsh
  ("12 Acacia Avenue", "flat 3, 45 High Street", "5 Maes yr Haf", "no. 14 on Elm Grove",
  "flat 2/1, 88 Dumbarton Road", "18 The Crescent", "21 Kingsway") -> ``[address]``.
- ``places``: a street without a number ("on Station Road", "Heol y Felin"),
  a school ("St Mary's Primary", "Bradwell Primary"), a workplace ("Tesco on the
  High Street", "a bouncer at Pryzm") -> ``[place]``.

- ``places`` also: a town, village or city after "in", "at", "near", "from"...
  ("near Accrington", "in Great Harwood", "born in Lahore"; the gazetteer
  ``towns.txt``), with a shop or venue just before it ("Morrisons in Burnley",
  "Primark in Merry Hill"); a named estate ("the Beeches estate"); a named venue
  ("Nightingale House", "Blackburn Shopping Centre"); a hospital, infirmary, town hall, library,
  jobcentre, civic or leisure centre by its own name ("St Helier Hospital", "the Royal Gwent", "Leigh
  Library", "Bolton Jobcentre") -> ``[place]``.

- ``places`` also, wherever they stand: a gazetteer town ("Wigan is where he grew up",
  "left Oldham", in lower case "moved to rochdale", after Polish, Romanian and Welsh
  prepositions, "w Manchesterze", "din Oldham", "o Bontypridd"); a street, school,
  surgery or estate in lower case ("on brook street", "at broadfield primary", "the
  langley estate", "at st josephs"); a venue by its kind whatever words name it (a GP
  surgery, family centre, care home, pub, refuge's house: "Ridgeway Surgery", "the Golden
  Lion", "Hope House", "a refuge called the Haven", "Rosa's Place"); in Urdu, Panjabi and
  Bengali answers the place someone lives in ("بریڈفورڈ میں رہتے ہیں").

- ``places`` also: a neighbourhood or estate from the hand-kept list ("Harehills", "Small Heath"), a
  town in lower case wherever it stands when it is no word or name ("bingley is too small"), two
  capitalised words after "in", "near", "from"... that name no service ("in Fitton Hill"), a venue
  after "at" ("met him at Flares"); a Welsh-medium or Catholic school by its name ("Ysgol y Graig",
  "Our Lady of Lourdes"); a workplace after any work word, a chain too ("works at Asda", "drives for
  Amber Cars", "does the doors at Revolution"), but not a public body ("works for the NHS"); a pub
  "the X and Y", a community centre ("the Irish Centre"), a place of worship by its name ("Jamia
  Masjid"); in Urdu, Panjabi and Bengali, the place before "in" or "from" and a verb of living,
  working or coming ("ہم میرپور سے ہیں", "ਜਲੰਧਰ ਤੋਂ ਹਾਂ", "সিলেট থেকে এসেছি") and listed places in those
  scripts.

- Polish and Romanian streets, schools and villages by the word that names their kind ("ul. Długiej",
  "na osiedlu Piastów", "strada Florilor", "Szkoła Podstawowa nr 12", "Școala Gimnazială nr. 5", "satul
  Vulturești"), with a house number an ``[address]`` ("ulicy Kościuszki 5", "strada Mihai Eminescu nr. 14");
  a place by name after "a village called", "a town called" ("Little Snoring").

Stations, courts and services are kept: they are public and shared by many people
("Victoria station", "Citizens Advice", "Bolton police", "Day Surgery", "the family centre");
so are a hospital, library or jobcentre by its kind alone ("the hospital", "the Royal", "Ward 7").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from analysis.redaction.lazy import lazy_re, lazy_regex
from analysis.redaction.lexicon import (
    POLICE_RANKS,
    SCRIPT_CALENDAR,
    SCRIPT_RELATIONS,
    SCRIPT_WORDS,
    STOPWORDS,
    Lexicon,
    key,
    lexicon,
)
from analysis.redaction.names import CYRILLIC_NOT_NAMES, cyrillic_adjective_before_noun
from analysis.redaction.patterns import TURKISH_CASE_ENDING

Span = tuple[int, int]

_STREET_TYPE = (
    r"(?:street|st|road|rd|avenue|ave|lane|ln|close|drive|way|crescent|cres|court|ct|gardens|gdns|"
    r"place|pl|terrace|grove|hill|park|rise|view|walk|mews|square|sq|row|green|parade|vale|"
    r"boulevard|wharf|yard|croft|fold|meadows?|heights|brow|bank|path|lea|dene|estate|house|"
    r"tower|lodge|flats|mansions|villas|cottages|gate|mount)"
)
# Welsh street words that come before the name: "Maes yr Haf", "Heol y Felin", "Ffordd Pentre", "Rhes y Capel"
# (terrace), "Teras Gwalia", "Cwrt y Felin" (court), "Llwybr" (path).
_WELSH_STREET = r"(?:Maes|Heol|Ffordd|Stryd|L[oô]n|Clos|Cilgant|Rhodfa|Llys|Rhes|Teras|Cwrt|Llwybr)"
# Words that are also names or English words ("Bryn", "Ty", "Pen") only with "y"/"yr": "Bryn yr Eglwys".
_WELSH_PLACE_WORD = r"(?:Bryn|Cae|Tan|Pen|Plas|Parc|Coed|Ty|Tŷ|Tyn|Tyddyn|Hafod|Llwyn|Glan|Bron|Rhiw|Nant|Cwm|Pant)"
_WELSH_NAME = (
    rf"(?:{_WELSH_STREET}(?:\s+(?:y|yr|'r|r|y'r))?|{_WELSH_PLACE_WORD}\s+(?:y|yr|'r))"
    r"(?:\s+[A-Z\u00C0-\u017F][\w'’-]*){1,2}"
)
_STREET_WORD = r"[^\W\d_][\w'’-]*"
# A flat before the house number: "flat 3b", "unit 4", a Scottish position "flat 2/1" or "3/2" alone.
# "flat 4 at 19 Castle Street" too.
_FLAT = (r"(?:(?i:flat|fflat|apartment|apt|unit)\s*\d{1,4}[a-z]?(?:/\d{1,2})?(?:\s+(?i:at|in|of))?"
         r"|\d{1,2}/\d{1,2})\b\s*,?\s*")
# The house number, also after "number" or "no." with "on" before the street: "no. 14 on Elm Grove";
# a year alone is none ("in 2019 Station Road was shut").
_HOUSE = r"(?:(?i:number|no\.?|rhif)\s*\d{1,4}[a-z]?\b(?:,?\s+(?i:on|in|off))?|(?!(?:19|20)\d\d\b)\d{1,4}[a-z]?\b)"
# Not a day before romanised Urdu "date" ("14 tarikh ko court jana hai", on the 14th I go to court; round 39).
_ADDRESS_NUMBERED = lazy_re(
    rf"(?<![\w/.])(?:{_FLAT}(?:{_HOUSE},?\s+)?|{_HOUSE},?\s+)(?!(?:tareekh|tareek|tarikh|tarik|taareekh|tarekh)\b)"
    rf"(?P<street>(?:{_STREET_WORD}\s+){{1,3}}){_STREET_TYPE}\b",
    re.I,
)
# After a house number a Welsh place word needs no "y": "3 Bryn Teg", "7 Cae Mawr", "9 Pant Glas".
_ADDRESS_WELSH = lazy_re(rf"(?<![\w/.])(?:{_FLAT})?{_HOUSE},?\s+"
                         rf"(?:{_WELSH_NAME}|{_WELSH_PLACE_WORD}(?:\s+[A-Z\u00C0-\u017F][\w'’-]*){{1,2}})")
# A one-word street by its ending after a house number: "21 Kingsway", "4 Northgate", "33 Broadway".
_ADDRESS_ONE_WORD = lazy_re(rf"(?<![\w/.])(?:{_FLAT})?{_HOUSE},?\s+[A-Z][a-z]{{2,}}(?:way|gate|gait)\b")
# In lower case after living somewhere: "i live at 44b kingsway", "moved to 9 clarence rd" (round 36).
_ADDRESS_LOWER = lazy_re(
    r"\b(?i:live[sd]?|living|stay(?:s|ed|ing)?|moved|move|moving)\s+(?:at|to|in)\s+(?P<addr>\d{1,4}[a-z]?,?\s+"
    r"(?:[a-z]{3,}\s+)?(?:[a-z]{3,}(?:way|gate|gait)|[a-z]{3,}\s+(?:road|rd|street|st|lane|ln|avenue|ave|close|drive|"
    r"crescent|cres|grove|terrace|gardens|place|court|walk|view|rise|mews|row|square)))\b")
_ADDRESS_NUMBER_ONLY = lazy_re(
    r"\b(?:live[sd]?|living|stay(?:s|ed|ing)?) at (?P<addr>(?:number|no\.?) ?\d{1,4}[a-z]?)\b", re.I)

# Street types as abbreviated in addresses; the residential ones name a street whatever words precede them.
_STREET_ABBREVIATION = r"(?:St|Rd|Ave|Ln|Cl|Dr|Cres|Gdns|Sq|Terr?|Gr|Pde|Ct|Pl)"
_RESIDENTIAL_ABBREVIATIONS = ("St", "Rd", "Ave", "Ln", "Cl", "Dr", "Cres", "Terr", "Ter", "Gr")
# A named street without a house number: "lives on Acacia Avenue", "the refuge is on Station Road".
_STREET_NAMED = lazy_re(
    r"\b(?i:on|in|at|off|near|along|to|from|down|up|by|round|around|behind|past|outside|of|"
    # The same in Portuguese, Spanish, Polish, Romanian and Lithuanian (round 35): "Morei na Lincoln Road".
    r"na|em|pe|în|w|we|przy|en|ant|prie)\s+(?:the\s+)?"
    r"(?P<street>(?:[A-Z][a-z'’-]+\s+){1,2}"
    r"(?:(?:Street|Road|Avenue|Lane|Close|Drive|Way|Crescent|Court|Gardens|Place|Terrace|Grove|Mews|"
    r"Rise|Walk|Square|Parade|Estate|Heights|Row|Hill|Green|Range|Top|Fold|Brow|Mount|Gate|Vale|Croft|Bank|"
    r"Park|Fields|Meadows|Side|End|Wharf|Quay|Circus|Precinct)\b"
    # Abbreviated, as typed on a phone ("parked on Church St now", "past Rose Cl"); not a title before a
    # name ("St Mary's", "Dr Khan"): no capitalised word may follow.
    rf"|{_STREET_ABBREVIATION}\b(?!\.?\s*[A-Z])))(?!\s+of\b)"  # not "Royal Bank of Scotland"
)
# The same street types anywhere ("Station Road is where...", "the Station Road refuge"),
# when the street's own words are capitalised and not a sentence's first word alone.
_STREET_ANYWHERE = lazy_re(
    r"(?<![\w'’])(?P<street>(?:[A-Z][a-z'’-]+\s+){1,2}"
    r"(?:Street|Road|Avenue|Lane|Close|Drive|Crescent|Gardens|Terrace|Grove|Mews|Parade)\b)"
)
_STREET_WELSH = lazy_re(rf"\b(?P<street>{_WELSH_NAME})")
# Shopping streets shared by a whole town name no one's home.
_GENERIC_STREETS = frozenset({"high", "main", "the"})

# Schools and nurseries: "St Mary's Primary", "Bradwell Primary, year 2", "Oakfield Academy".
_SCHOOL = lazy_re(
    r"\b(?P<school>(?:(?:St\.?|Saint)\s+)?(?:[A-Z][\w'’-]*\s+){1,3}"
    r"(?:(?:C of E|CofE|CE|RC|Catholic|Church of England|Church in Wales|Community|Junior|Infants?|Primary|Secondary|"
    r"High|Grammar|Nursery|Academy|College|School|Sixth Form)\b\s*)*"
    r"(?:Primary|Juniors?|Infants?|Nursery|Academy|School|College|Grammar|Secondary|High School|Sixth Form|"
    r"High(?!\s+(?:Street|Road|Court|Lane|Park|Town|Wycombe)))\b"
    r"(?:(?<=Academy)(?:\s+(?!(?:Trust|The|I|He|She|They|We)\b)[A-Z][\w'’-]*){1,2})?)"
)
_GENERIC_SCHOOL_WORDS = frozenset(
    """the a my his her their our st saint primary junior infant infants nursery academy school college high
    secondary grammar sixth form c of e cofe ce rc catholic church england community special new local
    free private state boarding further education university""".split()
)
# Work: "works at Pryzm", "a bouncer at Pryzm", "her job at Greggs".
_WORK_BEFORE = lazy_re(
    r"\b(?:work(?:s|ed|ing)?(?:\s+(?:the\s+door|nights|days|weekends|shifts|there|part[- ]time|full[- ]time))?|"
    r"(?:drives?|drove|driving)(?:\s+(?:a|the)\s+(?:cab|taxi|van|lorry|bus|truck))?(?=\s+for)|(?:do(?:es)?|did|doing|on)\s+the\s+doors?|tills|checkouts?|"
    r"operative|labourer|picker|packer|engineer|technician|electrician|plumber|builder|apprentice|"
    r"job|shifts?|employed|bouncer|cleaner|manager|cashier|barman|barmaid|bartender|"
    r"waiter|waitress|chef|cook|driver|guard|security|staff|supervisor|assistant|mechanic|porter|receptionist|"
    r"nurse|carer|drinks?|drinking|drank|pub|club)\s+(?:is\s+|was\s+)?(?:at|for|in)\s+(?:the\s+)?$"
    # Polish and Romanian: "pracuję w Greenfold Foods", "pracuje w firmie Harlow Fresh", "lucrez la Fairway Packing".
    r"|\b(?:pracuj\w*|pracowa\w*|zatrudnion\w*)\s+(?:w|we|dla|u|na)\s+(?:firmie\s+|fabryce\s+|sklepie\s+)?$"
    r"|\b(?:lucrez|lucreaz[ăa]|lucram|lucra|lucrat|lucrezi|angajat[ăa]?)\s+(?:la|pentru|[îi]n)\s+"
    r"(?:firma\s+|fabrica\s+|magazinul\s+)?$"
    # Welsh: "gweithio yn Tesco", "yn gweithio i Asda", "swydd yn Greggs".
    r"|\b(?:gweithio|weithio|gweithiodd|swydd|job)\s+(?:yn|yng|ym|i|gyda|efo)\s+$",
    re.I,
)
# The same after the name, where the verb comes last: Urdu and Shahmukhi Punjabi "Tesco میں کام"
# (works at Tesco), "Asda کے لیے کام"; Gurmukhi Punjabi "Tesco ਵਿੱਚ ਕੰਮ"; Bengali "Tesco তে কাজ"
# and "Tesco-তে কাজ".
_WORK_AFTER = lazy_re(
    r"\s*(?:(?:میں|پر|مے|وچ|تے|کے\s+لیے|کیلئے|ਵਿੱਚ|ਵਿਚ|ਤੇ|’ਤੇ|'ਤੇ|ਲਈ)\s+(?:کام|نوکری|ملازمت|جاب|ڈیوٹی|شفٹ|ਕੰਮ|ਨੌਕਰੀ|ਜੌਬ|ਡਿਊਟੀ)"
    r"|-?\s*(?:তে|এ|য়|এর\s+জন্য|র\s+জন্য)\s*(?:কাজ|চাকরি|চাকুরি|জব))"
)
# A name's letters stop where Arabic, Bengali or Gurmukhi script starts ("Tesco-তে": the suffix is no part of it).
_OTHER_SCRIPT = "\u0600-\u06FF\u0980-\u0A7F"
_NAME_CHAR = rf"(?:(?![{_OTHER_SCRIPT}])[\w'’&]|-(?![{_OTHER_SCRIPT}]))"
# Up to four words: "Dog and Partridge".
_CAPITALISED_RUN = lazy_re(rf"[A-Z]{_NAME_CHAR}*(?:\s+(?:(?:&|and)\s+)?[A-Z]{_NAME_CHAR}*){{0,3}}")
_BRANCH_PLACE = lazy_re(r"\s+(?:in|on|at)\s+(?:the\s+)?(?P<where>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)")
# A shop or business with its street: "Tesco on the High Street", "the Costa in Market Square".
_BRANCH = lazy_re(
    r"\b(?P<branch>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)?\s+(?:on|in|at|off)\s+(?:the\s+)?"
    r"(?:[A-Z][a-z'’-]+\s+){1,2}(?:Street|Road|Avenue|Lane|Parade|Square|Retail Park|Shopping Centre|Way)\b)"
)


# Polish and Romanian street words, before the street's name: "ul. Długa", "ulicy Kościuszki", "al. Jana
# Pawła", "os. Piastów", "strada Florilor", "str. Unirii", "bd. Decebal", "calea Victoriei", "aleea Teilor".
_FOREIGN_STREET = (
    r"(?:(?i:ul\.|ulic[aąeęyi]|al\.|alej[aęi]|aleja|os\.|osiedl[eua]|osiedlem|plac(?:u|em)?|"
    r"strada|str\.|str[aă]zii|bulevardul|bulevardului|bd\.|b-dul|calea|c[aă]ii|aleea|[șsş]oseaua|intrarea|splaiul|"
    # Portuguese and Spanish, with "das", "do", "de" inside: "Rua das Flores", "Avenida da Liberdade".
    r"rua|avenida|travessa|largo|pra[çc]a|estrada|alameda|calle)"
    r"\s+(?:\d{1,2}\s+)?(?:(?-i:d[aeo]s?|del)\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:(?-i:d[aeo]s?|del)\s+)?\p{Lu}[\p{L}'’-]*){0,2})"
)
# The house number after it, with Romanian block, staircase and flat ("nr. 14", "5/3", "nr 7, bl. 4, sc. B, ap. 12").
_FOREIGN_HOUSE = (
    r"(?:,?\s*(?i:nr\.?|numer|num[aă]rul)?\s*\d{1,4}[a-zA-Z]?(?:/\d{1,4})?(?![\w/.]\d)"
    r"(?:\s*,?\s*(?i:bl|sc|et|ap|m)\.?\s*[\dA-Z]{1,4}\b)*)"
)
_FOREIGN_ADDRESS = lazy_regex(rf"\b{_FOREIGN_STREET}{_FOREIGN_HOUSE}")
_FOREIGN_STREET_ALONE = lazy_regex(rf"\b{_FOREIGN_STREET}")
_FOREIGN_HINT = lazy_re(
    r"\b(?:ul\.|ulic|al\.|alej|os\.|osiedl|plac|strad|str\.|str[aă]zii|bulevard|bd\.|b-dul|calea|c[aă]ii|aleea|"
    r"rua|avenida|travessa|largo|pra[çc]a|estrada|alameda|calle|"
    r"[șsş]osea|intrarea|splaiul|szko|liceu|gimnazj|przedszkol|technikum|zesp[oó]|[șsş]coal|[șsş]colii|colegiu|"
    r"gr[aă]dini|called|named|satul|comun|ora[șsş]|municipi|jude[țţt]|cartier|wsi|wie[śs]|wiosk|miejscow|"
    r"miasteczk|gmin|powiec|dzielnic|pentref)", re.I)
# Polish and Romanian schools by their kind and number or patron: "Szkoły Podstawowej nr 12", "Liceum im.
# Kopernika", "Școala Gimnazială nr. 5", "Colegiul Național Mihai Eminescu". The kind alone stays.
_FOREIGN_SCHOOL = lazy_regex(
    r"\b(?i:szko[lł][aęyo]|szkole|liceum|gimnazjum|przedszkol[eua]|przedszkolu|technikum|zesp[oó][lł]u?\s+szk[oó][lł]|"
    r"[șsş]coal[aăe]|[șsş]colii|liceul|liceului|colegiul|colegiului|gr[aă]dini[țţt][aei]|gr[aă]dini[țţt]ei)"
    r"(?:\s+(?i:podstawow\w*|[śs]redni\w*|specjaln\w*|og[oó]lnokszta[lł]c\w*|zawodow\w*|publiczn\w*|"
    r"integracyjn\w*|katolick\w*|muzyczn\w*|sportow\w*|gimnazial[aă]|primar[aă]|profesional[aă]|na[țţt]ional|"
    r"tehnic|tehnologic|teoretic|economic|pedagogic|cu program prelungit))*"
    r"(?:\s+(?i:nr|numer|num[aă]rul)\.?\s*\d{1,3}\b|\s+(?i:im\.|imienia)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}"
    r"|\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})"
    r"(?:\s+(?i:nr|numer)\.?\s*\d{1,3}\b)?"
)
# A place by its name after the word for its kind: "a village called Little Snoring", Romanian "satul
# Vulturești", "comuna Todirești", Polish "we wsi Zalesie", "w miejscowości Brzeziny", Welsh "pentref Llan".
_CALLED_PLACE = lazy_regex(
    r"\b(?:(?i:village|town|hamlet|estate|street|road|area|place|city|suburb)\s+(?i:called|named)"
    r"|(?i:satul|satului|comuna|comunei|ora[șsş]ul|ora[șsş]ului|municipiul|municipiului|jude[țţt]ul|jude[țţt]ului|"
    r"cartierul|cartierului|wsi|wie[śs]|wioska|wiosce|wioski|miejscowo[śs]ci|miejscowo[śs][ćc]|miasteczku|"
    r"miasteczka|gminie|gminy|powiecie|dzielnicy|pentref))"
    r"\s+(?P<place>\p{Lu}[\p{L}'’-]*(?:[\s-]+(?:(?:upon|on|le|de|din|pod|nad)[\s-]+)?\p{Lu}[\p{L}'’-]*){0,3})"
)


# A street of one word by its ending, after a word that places someone: "on Briggate", "down Deansgate",
# "the Spar on Kingsway", "along Northgate" (Northern and Welsh high streets). Not an ordinary word
# ("on the motorway", "Broadway" is a word) or a listed shop.
_ONE_WORD_STREET = lazy_re(
    r"\b(?i:on|off|along|down|up|near|outside|in|at|from|to|past|by)\s+(?:the\s+)?"
    r"(?P<street>[A-Za-z][a-z]{2,}(?:gate|way|gait))\b")


def _one_word_streets(text: str) -> Iterator[Span]:
    lex = lexicon()
    for match in _ONE_WORD_STREET.finditer(text):
        street = key(match.group("street"))
        if not lex.is_ordinary(street) and street not in lex.keep:
            yield match.span("street")


def _foreign_places(text: str) -> Iterator[Span]:
    if not _FOREIGN_HINT.search(text):
        return
    for pattern in (_FOREIGN_STREET_ALONE, _FOREIGN_SCHOOL):
        for match in pattern.finditer(text):
            yield match.span()
    for match in _CALLED_PLACE.finditer(text):
        yield match.span("place")


# A house number and a street in Urdu, Bengali, Gurmukhi or Arabic script, in any digits (read as ASCII
# by then): "۱۲ کنگ روڈ", "২৪ গ্রিন রোড", "١٢ شارع الملك" (Arabic puts the street word first).
# A word in Arabic (Urdu, Persian), Devanagari, Gurmukhi, Bengali or Ge'ez (Tigrinya, Amharic) script, with the
# zero-width non-joiner Persian writes inside a word ("استاک‌پورت"), and without the danda that ends a Hindi or
# Bengali sentence, nor the Arabic
# comma, semicolon, question mark and Urdu full stop ("کلانتری نیوکاسل،", Newcastle police station, is a town).
_SCRIPT_LETTERS = (r"\u0600-\u060b\u060d-\u061a\u061c-\u061e\u0620-\u06d3\u06d5-\u06ff"
                   r"\u0900-\u0963\u0966-\u097f\u0a00-\u0a7f\u0980-\u09ff\u200c\u1200-\u135a\u0b80-\u0bff")
# (Tamil since round 38: "லெஸ்டர்", "ஈஸ்ட் ஹாம்".)
_SCRIPT_WORD = rf"[{_SCRIPT_LETTERS}]+"
_SCRIPT_ADDRESS = lazy_re(
    rf"(?<![\w/.])\d{{1,4}}\s+(?:(?:{_SCRIPT_WORD}\s+){{1,2}}"
    # Persian spells "Street", "Avenue", "Drive" with its own letters ("۱۲ کوئین استریت", 12 Queen Street; round 40).
    r"(?:روڈ|رود|سٹریٹ|اسٹریٹ|استریت|استريت|لین|ایونیو|اونیو|کلوز|ڈرائیو|درایو|টেরেস|রোড|স্ট্রিট|স্ট্রীট|লেন|এভিনিউ|ক্লোজ|"
    r"ਰੋਡ|ਸਟ੍ਰੀਟ|ਸਟਰੀਟ|ਲੇਨ|ਐਵੇਨਿਊ)(?:ে|এ)?(?![\w\u0980-\u09ff])"  # Bengali "রোডে" at ... Road
    rf"|(?:شارع|طريق)\s+{_SCRIPT_WORD}(?:\s+(?:ال){_SCRIPT_WORD})?)")


def find_addresses(text: str) -> Iterator[Span]:
    if not text.isascii():
        for match in _SCRIPT_ADDRESS.finditer(text):
            yield match.span()
    if _FOREIGN_HINT.search(text):
        for match in _FOREIGN_ADDRESS.finditer(text):
            yield match.span()
    for match in _ADDRESS_NUMBERED.finditer(text):
        if _street_words_ok(match.group("street")) or _THE_STREET.fullmatch(text, match.start("street"), match.end()):
            yield _without_portuguese_no(text, *match.span())
    for pattern in (_ADDRESS_WELSH, _ADDRESS_ONE_WORD):
        for match in pattern.finditer(text):
            yield _without_portuguese_no(text, *match.span())
    for pattern in (_ADDRESS_NUMBER_ONLY, _ADDRESS_LOWER):
        for match in pattern.finditer(text):
            yield match.span("addr")
    for match in _ADDRESS_NUMBER_AFTER.finditer(text):
        yield _foreign_verb_before_street(text, match.start(), match.group("street")), match.end()


# A house number after its street, as Polish, Lithuanian, Portuguese and Somali answers write an English address (round
# 35): "na Lime Street 14", "Gyvenau Lincoln Road 221, PE1 2PE". Not a count, a year, a time, an ordinal or a range
# after a street ("Station Road 3 times", "on Elm Grove 10 years", "Mill Lane 2019", "King Street 9:30").
_ADDRESS_NUMBER_AFTER = lazy_re(
    r"(?<![\w'’-])(?P<street>(?:[A-Z][a-z'’-]+\s+){1,2}"
    r"(?:Street|Road|Avenue|Lane|Close|Drive|Crescent|Gardens|Terrace|Grove|Mews|Rise|Walk|Square|Parade|Row|Croft))"
    r"\s+(?:(?i:nr|no|numer|number)\.?\s*)?(?!(?:19|20)\d\d\b)\d{1,4}[a-zA-Z]?\b(?![.:/-]\d|['’])"
    r"(?!\s*(?i:st|nd|rd|th|years?|yrs?|mins?|minutes?|hours?|hrs?|days?|weeks?|wks?|months?|times?|miles?|metres?|"
    r"meters?|yards?|km|am|pm|o['’]clock|bus|buses|percent|people|of|or|to|and|x|"
    # The same counts in Polish, Portuguese, Spanish, Romanian, Lithuanian, Turkish and Somali ("na Station Road 20
    # minut", twenty minutes on Station Road).
    r"minut|minuty|lat|lata|godzin|godziny|dni|razy|minutos|anos|horas|dias|días|vezes|veces|años|minute|ani|ore|"
    r"zile|ori|minučių|metų|valandų|dienų|kartų|dakika|yıl|saat|gün|kez|daqiiqo|sano|saacadood)\b|\s*%)")


def _foreign_verb_before_street(text: str, start: int, street: str) -> int:
    """Where a street of two words and its kind starts: after a first word that opens the sentence and is in no list,
    when the next word can name a street alone ("Gyvenau Lincoln Road", I lived on Lincoln Road)."""
    words = street.split()
    if len(words) != 3 or not _sentence_start(text, start):
        return start
    lex = lexicon()
    first, second = key(words[0]), key(words[1])
    unknown = not (lex.is_ordinary(first) or first in lex.towns or lex.is_first_name(first) or lex.is_surname(first)
                   or lex.is_ambiguous(first) or first in lex.welsh_words or first in STOPWORDS)
    named = second in lex.towns or lex.is_first_name(second) or lex.is_surname(second) or lex.is_ordinary(second)
    return start + len(words[0]) + 1 if unknown and named else start


# Portuguese "no" (in the) after a verb of living or working is no "number": "Eu morava no 14 London Road".
_PORTUGUESE_NO = lazy_re(r"no\s+(?=\d)")
_PORTUGUESE_VERB_BEFORE = lazy_re(r"\b(?:mor\w*|viv\w*|fic\w*|est\w*|trabalh\w*|fui|foi|era|casa)\s+$", re.I)


def _without_portuguese_no(text: str, start: int, end: int) -> Span:
    no = _PORTUGUESE_NO.match(text, start)
    if no and _PORTUGUESE_VERB_BEFORE.search(text, max(0, start - 20), start):
        return no.end(), end
    return start, end


# A street named by its kind alone, capitalised: "18 The Crescent", "no 12 on the Crescent" (not "at 10 the house").
_THE_STREET = lazy_re(r"[Tt]he [A-Z][a-z]+")


def _street_words_ok(street: str) -> bool:
    words = street.lower().split()
    return bool(words) and not any(word in STOPWORDS for word in words)


# Cheap checks that let most texts skip the costlier patterns.
_SCHOOL_HINT = lazy_re(r"Primary|Junior|Infant|Nursery|Academy|School|College|Grammar|Secondary|Sixth|High")
_WORK_HINT = lazy_re(
    r"work|pracuj|pracowa|zatrudni|lucr|angajat|job|shift|employ|bouncer|cleaner|manager|cashier|bar|wait|chef|cook|drive|drove|guard|security|staff|"
    r"door|till|checkout|operative|labourer|picker|packer|engineer|technician|electrician|plumber|builder|apprentice|"
    r"supervisor|assistant|mechanic|porter|reception|nurse|carer|drink|drank|pub|club|"
    r"weithio|swydd|کام|نوکری|ملازمت|جاب|ڈیوٹی|شفٹ|ਕੰਮ|ਨੌਕਰੀ|ਜੌਬ|ਡਿਊਟੀ|কাজ|চাকরি|চাকুরি|জব", re.I)
_STREET_HINT = lazy_re(
    r"Street|Road|Avenue|Lane|Close|Drive|Way|Crescent|Court|Gardens|Place|Terrace|Grove|Mews|Rise|Walk|"
    r"Square|Parade|Estate|Heights|Row|Hill|Green|Park|Centre|Range|Top|Fold|Brow|Mount|Gate|Vale|Croft|Bank|"
    rf"Fields|Meadows|Side|End|Wharf|Quay|Circus|Precinct|{_WELSH_STREET}|{_WELSH_PLACE_WORD}|"
    rf"\b{_STREET_ABBREVIATION}\b")


# A town or a place that is in no list, after "in", "at", "to"... ("at Rampton", "near Peterlee"):
# a place, not a person, unless it is a listed name. Small towns can identify someone, so it goes.
_TOWN = lazy_re(
    r"\b(?:in|at|to|from|near|around|outside|of)\s+(?P<town>[A-Z][a-z]+(?:-[a-z]+-[A-Za-z]+|-[A-Z][a-z]+)?)\b"
    r"(?!['’-])")


# A place from the gazetteer after a word that places someone there: up to four words,
# joined by spaces or hyphens, with "upon", "on", "under", "le" inside ("Newcastle upon Tyne").
_GAZETTEER_CUE = lazy_re(
    r"\b(?i:in|at|to|from|near|around|round|outside|of|into|towards|via|through|past|nr|on|over|between|"
    r"leave|leaving|left|visit|visited|visiting|across|beyond|"
    # Polish, Romanian and Welsh words for "in", "to", "from", "near": "w Bradford", "din Oldham", "yn Llanelli".
    r"w|we|do|z|ze|ko[łl]o|pod|niedaleko|[îi]n|din|l[âa]ng[ăa]|spre|yn|ym|yng|o|i|ger)\s+"
    # A lookahead, so "at Morrisons in Burnley" still offers "in Burnley".
    r"(?=(?P<place>[A-Z][\w'’]*(?:[\s-]+(?:upon|on|under|le|en|by|in|the|[A-Z][\w'’]*)){0,3}))")
# Words after a town that make it a public place everyone shares ("Victoria station").
_PUBLIC_AFTER = frozenset(
    """station stations hospital hospitals infirmary airport police council court courts crown magistrates
    university college library cathedral general royal city county town fc united rovers ambulance memorial
    ward wards prison hospice nhs fire district a&e civil justice combined coroner's coroners sheriff""".split())
_TRANSPORT = frozenset("bus coach train railway tram central".split())
# Services and charities: "Citizens Advice in Blackburn" keeps the service.
_SERVICE_WORDS = frozenset(
    """advice aid refuge refuges police council hub centre center support services service outreach housing
    helpline court courts hospital probation team office jobcentre nhs mind samaritans shelter women's womens
    social crisis idva idvas marac victim victims cafcass school college university library church mosque
    temple gurdwara surgery gp clinic trust project charity group groups network programme program course a&e
    toolkit barnardo barnardo's barnardos nspcc galop respect""".split())
# Kinds of lodging, not a venue's name: "a B&B on Preston New Road" (the road is the place).
_LODGING = frozenset("b&b hostel hotel flat house refuge room".split())
# "Morrisons in Burnley": a shop or venue before "in"/"at"/"on" a place is that place.
_ANY_ONE_BEFORE = lazy_re(r"\b(?i:an?)\s+$")
_VENUE_BEFORE = lazy_re(r"(?<![\w'’&-])(?P<venue>[A-Z][\w'’&-]*)\s+(?:in|at|on)\s+(?:the\s+)?$")
# A named estate: "the Beeches estate", "Shadsworth Estate". Patterns that open on a capital start at a word's
# start (the look-behind), so one long capitalised word costs a linear scan, not a quadratic one.
_ESTATE = lazy_re(r"(?<![\w'’&-])(?P<estate>(?:[A-Z][\w'’-]*\s+){1,3}(?i:estate))\b")
_GENERIC_ESTATE = frozenset("the a council housing new old local big industrial his her my our their".split())
# A named venue: "Nightingale House", "Blackburn Shopping Centre", "Cedar Court".
_VENUE = lazy_re(
    r"(?<![\w'’&-])(?P<venue>(?:[A-Z][\w'’-]*\s+){1,3}(?:Shopping Centre|Retail Park|Leisure Centre|Business Park|"
    r"Industrial Estate|Trading Estate|House|Court|Lodge|Mill|Mills|Hotel|Tower|Towers|Flats|Apartments)\b)")
# A local public building by its own name locates a person (round 19): "St Helier Hospital", "Leeds General
# Infirmary", "Ashton Town Hall", "Leigh Library", "Bolton Jobcentre". Up to four capitalised words before the kind.
_PUBLIC_BUILDING = lazy_re(
    r"(?<![\w'’&-])(?P<name>(?:(?:St|Saint)\.?\s+)?(?:[A-Z][\w'’&-]*\s+){1,4})"
    r"(?P<kind>(?i:hospital|infirmary|town\s+hall|library|jobcentre|job\s+centre|civic\s+centre|leisure\s+centre))\b")
# A general hospital by its town alone: "North Manchester General", "the Northern General", "Leeds General"
# (not "the General", "the Attorney General").
_TOWN_GENERAL = lazy_re(r"(?<![\w'’&-])(?P<name>(?:[A-Z][\w'’-]*\s+){1,3}General)\b(?!\s+(?i:hospital|infirmary))")
# A hospital or pub by a royal patron alone, where someone is or goes: "in the Queen Elizabeth", "at the King George".
_PATRON_BUILDING = lazy_re(
    r"\b(?:at|in|to|into|from|outside|near)\s+the\s+(?P<place>(?:Queen|King|Prince|Princess)\s+[A-Z][a-z]+"
    r"(?:\s+[A-Z][a-z]+)?)\b")
_COMPASS = frozenset("north south east west northern southern eastern western central".split())
# "the Royal Gwent", "the Royal Albert Edward": a hospital by its name alone; not "the Royal" or a national body.
_ROYAL = lazy_re(
    r"\b(?:[Tt]he|at|At)\s+(?P<building>Royal\s+(?P<name>[A-Z][\w'’-]+)(?:\s+(?P<more>[A-Z][a-z][\w'’-]*))?)")
_ROYAL_BODIES = frozenset("""mail navy air marines society legion family families mint opera ballet academy college
    colleges courts exchange variety british national free hospital infirmary hospitals""".split())
# Words that say what kind of building it is, not which: "the General Hospital", "Central Library".
_GENERIC_BUILDING = frozenset("""general royal district university community central public local main city county
    children's childrens women's womens maternity mental health teaching nhs new old big private eye st saint
    memorial psychiatric""".split())


# "Ysgol Gymraeg Bro Ogwr", "ysgol y graig": a Welsh school by its name. "Our Lady of Lourdes",
# "Our Lady and St Anselm's": a Catholic school or parish by its name.
_YSGOL = lazy_re(
    r"\b(?P<place>Ysgol(?:\s+(?:(?:y|yr|'r|ar)\b|[A-ZÂÊÎÔÛŴŶ][\w'’-]*)){1,4}"
    # A Welsh hospital by its name (round 41): "Ysbyty Gwynedd", "Ysbyty Glan Clwyd"; "yr ysbyty" stays.
    r"|Ysbyty(?:\s+[A-ZÂÊÎÔÛŴŶ][\w'’-]*){1,3}"
    r"|ysgol\s+(?:(?:y|yr)\s+)?[a-zâêîôûŵŷ][\w'’-]+)")
_OUR_LADY = lazy_re(
    r"\b(?P<place>Our\s+Lady(?:['’]s(?![\w'’]))?(?:\s+(?:of|Queen\s+of|and|&|Star\s+of)(?:\s+(?:the|St\.?))?\s+[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*)?)?(?:\s+(?:RC|Catholic|Primary|High|School|Academy|College|Juniors?|Infants?))*)")
# Places of worship and community centres by their name: "Jamia Masjid", "Masjid-e-Noor", "Ramgarhia
# Gurdwara", "Gurdwara Guru Nanak", "the Irish Centre", "the Polish Club": where a community meets.
_WORSHIP = lazy_re(
    r"(?<![\w'’&-])(?P<place>(?:[A-Z][\w'’-]*\s+){1,3}(?:(?i:masjid|mosque|gurdwara|mandir)|Temple|Jamatkhana|Madrasa|Madrassa)\b"
    r"|(?:Masjid|Gurdwara|Mandir|Madrasa|Madrassa)(?:[- ]e)?[- ][A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")
# A church or chapel by its saint, in any case: "St Mary's church", "st peters chapel".
_SAINT_CHURCH = lazy_re(
    r"(?<![\w'’])(?P<place>(?i:st\.?|saint)\s+[A-Za-z][a-z]+(?:['’]s|s)?\s+(?i:church|chapel|cathedral|mosque)"
    r"(?:\s+(?i:hall))?)\b")
# A house or home named "The <plural>" after a word that goes there: "the counsellor at The Willows".
_THE_PLURAL_VENUE = lazy_re(
    r"(?<=[a-z,] )(?i:at|to|outside|inside|near|from)\s+(?P<place>The\s+(?P<plural>[A-Z][a-z]+s))\b(?!['’])")
_COMMUNITY = lazy_re(
    r"\b(?i:the)\s+(?P<place>(?:Irish|Polish|Romanian|Somali|Bangladeshi|Pakistani|Kashmiri|Sikh|Hindu|Muslim|"
    r"Islamic|Caribbean|African|Chinese|Vietnamese|Kurdish|Afghan|Eritrean|Ukrainian|Lithuanian|Latvian|Yemeni|"
    r"Sudanese|Nigerian|Ghanaian|Punjabi|Gujarati|Tamil|Jamaican|West Indian|Asian|Italian|Portuguese|Welsh)"
    r"\s+(?:Community\s+)?(?:Centre|Center|Club|Association|Society|Church|Mission|Social Club)\b)")
_GENERIC_WORSHIP = frozenset("""the a an our my his her their local central main big new old sikh hindu muslim
    islamic jain buddhist catholic christian polish bengali pakistani somali community""".split())
# Pubs named "the X and Y": "the Dog and Gun", "the Fox & Hounds", after a word that goes somewhere, or a part of a
# pub ("the car park of the Crown and Anchor", round 39; not "a portrait of the King and Queen").
_PUB_AND = lazy_re(
    r"\b(?i:at|to|in|from|outside|near|behind|opposite|by|into|past|"
    r"(?:car\s+park|beer\s+garden|toilets|bar|landlord|landlady)\s+of)\s+the\s+"
    r"(?P<place>[A-Z][a-z]+\s+(?:and|&)\s+[A-Z][a-z]+)\b(?!\s+[A-Z])")


_LOWER_KIND_SCHOOL = lazy_re(
    r"(?<=[a-z,] )(?:at|to|from|outside|attends|attend)\s+(?:the\s+)?"
    r"(?P<place>(?:[A-Z][\w'’-]*\s+){1,3}(?:school|primary|academy|nursery|college|juniors|infants))\b")


_STREET_AFTER = lazy_re(
    r"\s+(?:on|off)\s+(?:the\s+)?(?:[A-Z][a-z'’-]+\s+){1,2}(?:Street|Road|Lane|Avenue|Way|Parade|Square|Hill)\b")


def _named_communities(text: str) -> Iterator[Span]:
    for start, end in _named_communities_alone(text):
        street = _STREET_AFTER.match(text, end)
        yield start, street.end() if street else end


def _named_communities_alone(text: str) -> Iterator[Span]:
    lex = lexicon()
    for match in _LOWER_KIND_SCHOOL.finditer(text):
        naming = [key(word).rstrip("'’s") for word in match.group("place").split()[:-1]]
        if not all(word in _GENERIC_SCHOOL_WORDS or (word in lex.keep and word not in lex.towns) for word in naming):
            yield match.span("place")
    for pattern in (_YSGOL, _OUR_LADY, _COMMUNITY, _SAINT_CHURCH):
        for match in pattern.finditer(text):
            yield match.span("place")
    for match in _THE_PLURAL_VENUE.finditer(text):
        if key(match.group("plural")) not in lex.keep and key(match.group("plural")) not in _SERVICE_WORDS:
            yield match.span("place")  # not "at The Samaritans"
    for match in _WORSHIP.finditer(text):
        words = [key(word) for word in re.findall(r"[\w'’]+", match.group("place"))]
        if any(word not in _GENERIC_WORSHIP and word not in _WORSHIP_KINDS for word in words):
            yield match.span("place")
    for match in _PUB_AND.finditer(text):
        words = [key(word) for word in match.group("place").split() if word not in ("and", "&")]
        if not any(word in _SERVICE_WORDS or word in lex.keep and word not in _PUB_WORDS
                   or word in _PUBLIC_VENUE_WORDS and word not in _PUB_WORDS for word in words):
            yield match.span("place")


# Words of public buildings that name pubs beside another word: "the Crown and Anchor", "the King and Queen".
_PUB_WORDS = frozenset("crown king queen".split())
_WORSHIP_KINDS = frozenset("masjid mosque gurdwara mandir temple jamatkhana madrasa madrassa e".split())


def find_places(text: str) -> Iterator[Span]:
    """Every place found, each carried on over the capitalised words that finish its name."""
    lex = lexicon()
    # A Turkish case ending after an apostrophe is read as spaces and stays after the place it ends, as "'s" does
    # ("[place]'deki" for "Haringey'deki", "Green Lanes'teki").
    original = text
    if _TURKISH_HINT.search(text):
        text = _TURKISH_PLACE_ENDING.sub(lambda m: " " * len(m.group()), text)
    found = []
    for start, end in _places(text):
        # "at Mrs Mrs [name]", "at Khan Khan [name]" (a text redacted again): a person's title or the rest
        # of a name already taken is no place, so a second redaction changes nothing.
        if not _PERSON_TITLE.match(text, start) and not _NAME_LABEL_AFTER.match(text, end) \
                and not _TITLE_JUST_BEFORE.search(text, max(0, start - 12), start):
            end = _hyphened_town_end(text, start, _whole_run(text, end, lex), lex)
            found.append((_after_foreign_school_word(text, start, end), end))
    yield from found
    yield from _last_of_a_list_of_places(text, found, lex)
    if original is not text:
        # A listed town with a Turkish case ending is a place wherever it stands ("Manchester'daki sığınma evi").
        for match in _TURKISH_TOWN.finditer(original):
            if _TURKISH_PLACE_ENDING.match(original, match.end()) \
                    and _longest_town(match.group("town"), lex) == len(match.group("town")):
                yield match.span("town")
    yield from _turkish_joined_towns(original, lex, turkish=bool(_TURKISH_HINT.search(original)))
    if _FOREIGN_SCHOOL_HINT.search(text):
        for match in _FOREIGN_SCHOOL_WORD.finditer(text):
            words = [key(word.rstrip("'’s")) for word in match.group("name").split()]
            if words[0] in _TITLES_NOT_PLACES or (len(words) == 1 and lex.is_first_name(words[0])):
                continue  # "hastanede Doktor Ahmet", "okulda Ahmet ile konuştum": a person, for names.py
            # Two capitalised words after the kind are a name ("mokykla Cedar Mount"), and so are English words after
            # one in another script ("مدرسة Cedar Mount").
            if len(words) > 1 or "\u0600" <= match.group("kind")[0] <= "\u06ff" or any(
                    not lex.is_ordinary(k) and k not in lex.foreign_words for k in words):
                yield match.span("name")
    if not text.isascii():
        yield from _script_hospitals(text, lex)


# A Turkish case ending typed onto a town without the apostrophe, in any case (round 38): "beni manchesterdan o aldı"
# (he picked me up from Manchester), "boltonda", "leedsteki". The whole word goes.
_TURKISH_JOINED_ENDINGS = ("daki", "deki", "taki", "teki", "dan", "den", "tan", "ten", "nın", "nin", "da", "de", "ta",
                           "te", "ya", "ye", "yı", "yi", "ın", "in", "a", "e", "ı", "i")
_TURKISH_WORD = lazy_re(r"(?<![\w'’-])[A-Za-zçğıöşüÇĞİÖŞÜ]{6,}(?![\w'’-])")
_TURKISH_ENDING_HINT = lazy_re(r"[a-z]{5}(?:[dt][ae]n?|[dt][ae]ki)\b", re.I)
# A town of five letters or more, which is no town named by an English word ("bath", "sale").
_TURKISH_TOWN_LENGTH = 5


# Without Turkish letters in the answer, only the endings of place and origin that begin with "d" or "t" ("eskiden
# prestondan geldik"), on a word of no list: "banana" and "arabia" end as "banan" and "arabi" would.
_TURKISH_PLACE_ONLY_ENDINGS = ("daki", "deki", "taki", "teki", "dan", "den", "tan", "ten", "da", "de", "ta", "te")


def _turkish_joined_towns(text: str, lex: Lexicon, turkish: bool) -> Iterator[Span]:
    if not turkish and not _TURKISH_ENDING_HINT.search(text):
        return
    for match in _TURKISH_WORD.finditer(text):
        k = key(match.group())
        if k in lex.towns or lex.is_first_name(k) or k in lex.keep or (not turkish and (
                k in lex.ordinary or k in lex.foreign_words or lex.is_surname(k))):
            continue
        for ending in _TURKISH_JOINED_ENDINGS if turkish else _TURKISH_PLACE_ONLY_ENDINGS:
            stem = k[:-len(ending)]
            if k.endswith(ending) and len(stem) >= _TURKISH_TOWN_LENGTH and stem in lex.towns \
                    and stem not in lex.town_words and not lex.is_first_name(stem):
                yield match.span()
                break


# The word for "school" in Polish, Somali, Spanish, Portuguese, Turkish, Lithuanian and Romanian, and for "hospital" in
# those languages and in Arabic, Persian and Urdu script (round 35), before an English school's or hospital's own name
# is no part of it: "Szkoła [St Mary's Primary]", "Iskuulka [Firth Park Academy]", "el colegio [Archbishop Tenison's]",
# "lângă școala [St Joseph's Primary]", "no hospital [Queen Elizabeth]", "مدرسة [Cedar Mount]". (A Polish school named
# in Polish keeps its kind: "Szkoła Podstawowa nr 12".) Portuguese and Spanish "hospital" only after an article.
_FOREIGN_SCHOOL_HINT = lazy_re(r"(?i:szko[lł]|iskuul|dugsi|colegio|escuela|escola|col[ée]gio|okul|mokykl|[șşs]coal|"
                               r"[șşs]colii|szpital|spital|ligonin|hastane|isbitaal|cusbitaal|hospital)"
                               r"|مدرس|مستشف|مشفى|بیمارستان|ہسپتال|اسپتال|اسکول|سکول")
_FOREIGN_SCHOOL_WORD = lazy_re(
    r"\b(?P<kind>(?i:szko[lł][aęyo]|szkole|iskuulka|iskuulkii|dugsiga|colegio|escuela|escola|col[ée]gio|okulu|okula|"
    r"okulda|mokykla|mokykloje|mokyklą|[șşs]coala|[șşs]coal[aă]|[șşs]colii|szpital[ua]?|spitalul(?:ui)?|"
    r"ligonin[eė](?:je|s)?|hastane(?:si|sinde|de|ye)?|isbitaalka|isbitaalkii|cusbitaalka|cusbitaalkii|"
    r"(?:no|do|ao|um|num|pelo|el|al|del|un|en)\s+hospital)"
    r"|مدرسة|المدرسة|مدرسه|مستشفى|المستشفى|مشفى|بیمارستان|بيمارستان|ہسپتال|اسپتال|اسکول|سکول)"
    r"\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")
# Titles after which the capitalised words are a person, not a school's or hospital's name.
_TITLES_NOT_PLACES = frozenset("""dr doktor doctor mr mrs ms miss pc pani pan doamna domnul dona doña senhora señora
    senhor señor bay bayan ponia ponas""".split())
# A hospital by its name in Arabic, Persian or Urdu script, after the word for hospital: a saint's name ("مستشفى سانت
# ماري", St Mary's) or a word that is no everyday word of the language ("مستشفى رويال"); not "مستشفى كبير" (a big
# hospital) nor "المستشفى العام" (the general hospital). The kind stays beside the place.
_SCRIPT_HOSPITAL = lazy_re(
    r"(?<![\u0600-\u06ff])(?:مستشفى|المستشفى|مشفى|بیمارستان|بيمارستان|ہسپتال|اسپتال)\s+"
    r"(?P<name>(?P<saint>(?:سانت|سان|سينت|سنت|سینٹ)\s+)?(?P<first>[\u0621-\u064a\u067e-\u06d3]+)"
    r"(?P<second>\s+[\u0621-\u064a\u067e-\u06d3]+)?)")


def _script_hospitals(text: str, lex: Lexicon) -> Iterator[Span]:
    def naming(word: str) -> bool:  # a word no list holds: "ستيبينغ هيل" (Stepping Hill), not "ساعدتني" (helped me)
        k = key(word.strip())
        return not (k.startswith("ال") or k.endswith("ني") or k in lex.foreign_words or k in SCRIPT_WORDS
                    or k in _ARABIC_FUNCTION_WORDS or k in _SCRIPT_NOT_PLACE or k in SCRIPT_CALENDAR
                    or lex.is_first_name(k) or k in lex.script_word_names)
    for match in _SCRIPT_HOSPITAL.finditer(text):
        if match.group("saint"):
            yield match.start("name"), match.end("first")  # "سانت ماري": the saint's one name
        elif naming(match.group("first")):
            second = match.group("second")
            yield match.start("name"), match.end("second") if second and naming(second) else match.end("first")
_ENGLISH_SCHOOL_KIND = lazy_re(r"\b(?:Primary|Junior|Infants?|Nursery|Academy|School|College|Grammar|High)\b")


def _after_foreign_school_word(text: str, start: int, end: int) -> int:
    match = _FOREIGN_SCHOOL_WORD.match(text, start)
    if match and match.end("name") <= end and _ENGLISH_SCHOOL_KIND.search(text, match.start("name"), end):
        return match.start("name")
    return start


_TURKISH_TOWN = lazy_re(r"(?<![\w'’-])(?P<town>[A-Z]\w*(?:\s+[A-Z]\w*){0,2})(?=['’])")
_TURKISH_HINT = lazy_re(r"[ğıİşöüâ]|['’][dt][ae]ki\b")
_TURKISH_PLACE_ENDING = lazy_re(r"(?<=[A-Za-z])['’](?:n?[dt][ae]n?|n?[dt][ae]ki|n?[ıiuü]n|y?[ıiuü]|y?[ae]|n[ae]|"
                                r"y?l[ae]|"
                                r"[dt][ae]y\w*)(?!\w)")


_PERSON_TITLE = lazy_re(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\b")
# A title or rank just before a word: the word is a surname, not a shop ("Dr Patel at Moss Side").
_TITLED = lazy_re(r"\b(?i:mr|mrs|ms|miss|mx|dr|prof|" + "|".join(POLICE_RANKS) + r")\.?\s+$")
# An officer's rank before a town's name makes it a surname: "PC Haworth", "DC Settle".
_TITLE_JUST_BEFORE = lazy_re(r"\b(?:" + "|".join(POLICE_RANKS) + r")\s+$")
_NAME_LABEL_AFTER = lazy_re(r"\s+\[name\]")


# The words that end a capitalised run after a place, which a longer name never takes in: a service or
# public building keeps the place as it was ("Leeds Women's Aid", "Kelsford Magistrates' Court").
_RUN_PUBLIC = frozenset("""advice aid police council helpline service services support court courts crown
    magistrates magistrates' station hospital infirmary airport university college library cathedral
    ward wards prison nhs a&e fire ambulance idva idvas marac mash cafcass probation jobcentre samaritans
    citizens victim victims witness""".split())
_RUN_WORD = lazy_re(r" ([A-Z][\w'’&-]*)")


def _whole_run(text: str, end: int, lex: Lexicon) -> int:
    """A place found inside a capitalised run takes the rest of the run: "Kelsford Homes", "Pelham Road
    Women's Refuge", "Kelsford Road Travelodge", "Glenmoor Court Hostel"; not a service or public building
    named after it, a month, a day or a person's name."""
    words: list[re.Match[str]] = []
    position = end
    while len(words) < 3 and (following := _RUN_WORD.match(text, position)):
        k = key(following.group(1)).rstrip(".,;:!?")
        if k in STOPWORDS or k in _CALENDAR_WORDS or lex.is_first_name(k) or k in lex.places \
                or following.group(1).isupper() and len(k) > 1 and "&" not in k:  # "IDVA", but "Lodge B&B"
            break
        words.append(following)
        position = following.end()
    if not words or any(key(word.group(1)).rstrip(".,;:!?'’s") in _RUN_PUBLIC for word in words):
        return end
    return _strip_trailing(text, end, words[-1].end())


def _strip_trailing(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".,;:!?'’":
        end -= 1
    return end


# A town just before a postcode (found and masked before places): "Kelsford KL4 9RT", "Brackwell, JX4 7PL".
# A postcode is five to eight characters; the mask is a NUL character, never typed.
_BEFORE_POSTCODE = lazy_re(r"(?<![\w'’-])(?P<town>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?),? (?=\x00{5,8}(?![\x00\w]))")


def _towns_before_postcodes(text: str) -> Iterator[Span]:
    lex = lexicon()
    for match in _BEFORE_POSTCODE.finditer(text):
        words = [key(word) for word in match.group("town").split()]
        if re.search(r"(?:^|[.!?:;]\s*)$", text[:match.start()]):
            continue  # a sentence's first word: "Tablice WE 123AB" (Polish "plates")
        if any(word in lex.towns or not (lex.is_ordinary(word) or word in STOPWORDS or lex.is_first_name(word)
                                         or lex.is_ambiguous(word) or word in lex.foreign_words) for word in words):
            yield match.span("town")


# Romanised Urdu and Panjabi, as in their scripts: a capitalised place before "in" and a verb of living,
# working or being born ("Hum Bradford mein rehte the", "Asi Ballowfield vich rehnde haan").
_ROMANISED_PLACE = lazy_re(
    r"(?<![\w'’-])(?P<place>[A-Z][a-z'’-]+)\s+(?:mein|main|me|vich|wich|ch|se|ton|to)\s+"
    r"(?:reh|rah|rhe|kaam|kam|paida|pale|pal|aaye|aye|aa\b|shift|move)", re.I)


def _romanised_places(text: str) -> Iterator[Span]:
    lex = lexicon()
    for match in _ROMANISED_PLACE.finditer(text):
        word = key(match.group("place"))
        if match.group("place")[0].isupper() and word not in lex.romanised and word not in STOPWORDS \
                and not lex.is_first_name(word) and word not in lex.places \
                and (word in lex.towns or not lex.is_ordinary(word)):
            yield match.span("place")


# A list of places joined by "then", "and", "or" or commas: "Ringland then Bettws then Pill." The last, capitalised
# where a sentence does not start and ending the list, is a place too, even an English word ("Pill"), when two places
# came before it joined the same way (round 40).
_LIST_JOINER = lazy_re(r"\s*(?:,\s*(?:and\s+|then\s+)?|\s(?:then|and|or|&)\s+)")
_LIST_ITEM = lazy_re(r"(?P<item>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)*)(?=\s*(?:[.,;:!?)]|$|\s(?:then|and)\b))")


def _last_of_a_list_of_places(text: str, found: list[Span], lex: Lexicon) -> Iterator[Span]:
    ends = {end: start for start, end in found}
    for start, end in sorted(found):
        joiner = _LIST_JOINER.match(text, end)
        item = joiner and _LIST_ITEM.match(text, joiner.end())
        if not item or any(s <= item.start() < e for s, e in found):
            continue
        # Two places before, joined the same way: "[place] then [place] then Pill".
        before = text[max(0, start - 30):start]
        previous = _LIST_JOINER.search(before + "\x00")
        joined = [m for m in _LIST_JOINER.finditer(before) if m.end() == len(before)]
        if not joined or joined[0].group().strip() != joiner.group().strip() or previous is None:
            continue
        if not any(e == start - len(joined[0].group()) for e in ends):
            continue
        k = key(item.group("item"))
        if k in STOPWORDS or lex.is_first_name(k) or lex.is_ambiguous(k) or k in _CALENDAR_WORDS or k in lex.places:
            continue
        yield item.span("item")


# A hall, a university or a supermarket's branch by its own name (round 40): "the hospital was Nevill Hall", "first year
# at Pollock Halls", "at Cardiff University" (as "Bradford College" is a place), "at Asda Spytty", "Tesco Llansamlet";
# not "Sarah Hall" (a person), "the Town Hall", "the Open University", "at Tesco Extra", "my Tesco Clubcard" (a branch
# is where someone is: after "at", "in", "outside"...).
_NAMED_HALL = lazy_re(r"(?<![\w'’&-])(?P<venue>(?:[A-Z][\w'’-]*\s+){1,2}Halls?)\b")
_UNIVERSITY = lazy_re(r"(?<![\w'’&-])(?P<venue>(?:[A-Z][\w'’-]*\s+){1,3}University)\b(?!\s+(?i:hospital|of)\b)")
_CHAIN_BRANCH = lazy_re(r"\b(?i:at|in|from|outside|near|to|by|opposite|behind)\s+(?:the\s+)?"
                        r"(?P<venue>(?:Asda|Tesco|Sainsbury['’]?s|Morrisons|Lidl|Aldi|Iceland|Co-op|Greggs|Boots|Costa|"
                        r"Primark|Argos|Wilko|Matalan|Farmfoods|B&M|Home Bargains|Poundland|KFC|McDonald['’]?s)"
                        r"\s+(?P<where>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?))\b")
_NOT_A_UNIVERSITY_NAME = frozenset("the a an my his her our their open national metropolitan city state".split())


def _halls_universities_and_branches(text: str) -> Iterator[Span]:
    lex = lexicon()
    if "Hall" in text:
        for match in _NAMED_HALL.finditer(text):
            words = [key(word) for word in match.group("venue").split()[:-1]]
            while words and words[0] in STOPWORDS:
                words = words[1:]
            if words and all(_own_name(word, lex) for word in words):
                yield match.end("venue") - len(" ".join(match.group("venue").split()[-len(words) - 1:])), \
                    match.end("venue")
    if "University" in text:
        for match in _UNIVERSITY.finditer(text):
            words = [key(word) for word in match.group("venue").split()[:-1]]
            naming = [word for word in words if word not in _NOT_A_UNIVERSITY_NAME and word not in STOPWORDS]
            if naming and words[-1] not in _NOT_A_UNIVERSITY_NAME:
                yield match.end("venue") - len(" ".join(match.group("venue").split()[-len(naming) - 1:])), \
                    match.end("venue")
    for match in _CHAIN_BRANCH.finditer(text):
        words = [key(word) for word in match.group("where").split()]
        if all(word in lex.towns or _own_name(word, lex) for word in words):
            yield match.span("venue")


def _own_name(word: str, lex: Lexicon) -> bool:
    """A word that only names this one thing: no English word, no first name, no service or month."""
    return len(word) > 2 and not (lex.is_ordinary(word) or word in STOPWORDS or lex.is_first_name(word)
                                  or lex.is_ambiguous(word) or word in lex.keep or word in _CALENDAR_WORDS)


def _places(text: str) -> Iterator[Span]:
    yield from _romanised_places(text)
    yield from _halls_universities_and_branches(text)
    if "\x00" in text:
        yield from _towns_before_postcodes(text)
    yield from _foreign_places(text)
    yield from _prisons(text)
    if "'s" in text or "’s" in text:
        for match in _POSSESSIVE_LANDMARK.finditer(text):
            yield match.span()
        yield from _possessive_places(text, lexicon())
    if "Inn" in text or "Travelodge" in text or "Ibis" in text or "Hotel" in text:
        yield from _hotel_branches(text)
    if " Common" in text:
        yield from _commons(text)
    yield from _organisations(text)
    yield from _after_strong_cues(text)
    if "gate" in text or "way" in text or "gait" in text:
        yield from _one_word_streets(text)
    yield from _named_communities(text)
    yield from _estates_and_venues(text)
    yield from _public_buildings(text)
    yield from _named_venues(text)
    yield from _lower_case_places(text)
    yield from _script_places(text)
    yield from _with_venue_before(text, _gazetteer_places(text))
    yield from _with_venue_before(text, _towns(text))
    if _SCHOOL_HINT.search(text):
        yield from _schools(text)
    if "st" in text:
        yield from _lower_saint_schools(text, lexicon())
    if _STREET_HINT.search(text):
        yield from _branches(text)
        yield from _with_venue_before(text, _streets(text))
    if _WORK_HINT.search(text):
        yield from _workplaces(text)


# A place named for someone, by the land's shape: "Robin Hood's Bay", "St Mary's Island", "Bishop's Wood"
# (not a law or a person's name pair: "Clare's Law", "Robin Hood").
_POSSESSIVE_LANDMARK = lazy_re(
    r"(?<![\w'’-])(?:[A-Z][\w-]*\s+)?[A-Z][\w-]*['’]s\s+"
    r"(?:Bay|Cove|Head|Point|Island|Isle|Wood|Green|Cross|Hill|Bridge|Moor|Heath|Well|Common|Field|Vale)\b")


# Round 41: a common by its name, which is a village or a part of a town wherever it stands ("Christmas Common is
# tiny", "Tooting Common"); not a law, a room or a prayer named after it ("Common Law", "the Common Room"), nor
# "Very Common" or "The Common" in a heading.
_COMMON = lazy_re(r"(?<![\w'’-])(?P<place>(?P<first>[A-Z][a-z]+)\s+Common)(?![\w'’-]|\s+[A-Z])")


def _commons(text: str) -> Iterator[Span]:
    for match in _COMMON.finditer(text):
        first = key(match.group("first"))
        if first not in STOPWORDS and not first.endswith("ly") and first not in _NOT_COMMONS:
            yield match.span("place")


_NOT_COMMONS = frozenset("very quite so too more most less least fairly pretty really not".split())


# A place called by its founder's name alone: "at Addenbrooke's", "to Queen Elizabeth's", "at St James's for"
# (not "at Sarah's", a person's home, nor a chain kept as a word: "to McDonald's").
_POSSESSIVE_PLACE = lazy_re(
    r"\b(?:at|to|in|into|from|outside|near|behind)\s+(?P<place>(?P<saint>(?:St\.?|Saint|Queen|King|Prince|Princess|"
    r"Lady)\s+)?(?P<owner>[A-Z][\w-]*)['’]s)(?=\s*$|\s*[.,;:!?)]|\s+(?:for|and|in|on|at|with|after|before|last|"
    r"this|when|where|because|until|till|today|yesterday|now|again|then|but|so|to|was|were|is)\b)")


def _possessive_places(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _POSSESSIVE_PLACE.finditer(text):
        owner = key(match.group("owner"))
        if match.group("saint") or not (owner in lex.keep or owner + "s" in lex.keep or lex.is_first_name(owner)
                                        or lex.is_ambiguous(owner) or owner in STOPWORDS):
            yield match.span("place")


# A prison by its name: "HMP Kelsford", "HMYOI Brinlow", "HMP Wealdstone Park".
_PRISON = lazy_re(r"\b(?:HMP|HMYOI|HMP/YOI|HMP & YOI)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")


# A hotel chain's branch by its town, which tells where someone was put up: "Premier Inn in Reading",
# "the Travelodge at Thurrock", Portuguese "Premier Inn de Reading". The chain alone stays ("a Travelodge"),
# and any capitalised word after it is the town, even one that is also a word ("Reading").
_HOTEL_BRANCH = lazy_re(
    r"\b(?:Premier Inn|Travelodge|Holiday Inn(?: Express)?|Ibis(?: Budget| Styles)?|Days Inn|Jurys Inn|Best Western|"
    r"Britannia Hotel|Hilton|Novotel|Mercure|Motel One)\s+(?:in|at|on|near|outside|de|din|em|w|yn)\s+"
    r"[A-Z][\w'’-]*(?:[\s-]+(?:upon|on|under|le)?\s*[A-Z][\w'’-]*)?")


def _hotel_branches(text: str) -> Iterator[Span]:
    for match in _HOTEL_BRANCH.finditer(text):
        yield match.span()


def _prisons(text: str) -> Iterator[Span]:
    if "HM" in text:
        for match in _PRISON.finditer(text):
            yield match.span()


# A business or landlord by the word for its trade: "Kelsford Homes", "Dunmore Logistics", "Ashcombe
# Haulage", "Moorside Foster Care", when a word before it names one (not "Social Care", "Foster Care").
_TRADES = (
    r"(?:Homes|Housing|Care|Logistics|Motors|Haulage|Foods|Packing|Packaging|Carpets|Recycling|Meats|Solutions|"
    r"Ltd|Limited|Transport|Construction|Builders|Cars|Taxis|Recruitment|Cleaning|Catering|Farms|Textiles|Supplies|"
    r"Plastics|Engineering|Removals|Roofing|Joinery|Warehousing|Distribution|Freight|Couriers|Kitchens|Developments|"
    r"Properties|Lettings|Fostering|Nurseries)\b")
_ORGANISATION = lazy_re(rf"(?<![\w'’-])(?P<org>(?:[A-Z][\w'’&-]*\s+){{1,3}}{_TRADES})")


_ORGANISATION_HINT = lazy_re(rf" {_TRADES}")


# Trades that also name a public service or a kind of place ("Social Care", "Council Housing", "Private
# Cars"): a firm only when a word before them is no English word ("Kelsford Homes"). The other trades
# make a firm of any capitalised word before them ("Larkspur Fostering", "Tollgate Recycling").
_GENERIC_TRADES = frozenset("""homes housing care transport construction cleaning catering engineering solutions
    supplies cars taxis nurseries properties developments recruitment distribution""".split())


def _organisations(text: str) -> Iterator[Span]:
    if not _ORGANISATION_HINT.search(text):
        return
    lex = lexicon()
    for match in _ORGANISATION.finditer(text):
        trade = key(match.group("org").split()[-1])
        words = [key(word) for word in match.group("org").split()[:-1]]
        start = match.start("org")
        while words and (words[0] in STOPWORDS or words[0] in _GENERIC_PLACE_WORDS):
            start = text.index(" ", start) + 1  # "the", "a local": not part of the name
            words = words[1:]
        if not words or any(word in _RUN_PUBLIC or word in _SERVICE_WORDS for word in words):
            continue
        if trade not in _GENERIC_TRADES or any(_names_a_firm(word, lex) for word in words):
            yield start, match.end("org")


def _names_a_firm(word: str, lex: Lexicon) -> bool:
    """A word that names a firm before a generic trade: a town or no English word or first name."""
    return word in lex.towns or not (lex.is_ordinary(word) or lex.is_first_name(word) or lex.is_ambiguous(word))


# After being born, living, moving or coming from somewhere, one to three capitalised words that name no
# service, month, country or person are a place, listed or not: "born in Port Haddon", "live in Wexley
# Cross", "moved to Thornwick", "from Ashbury Vale", Romanian "locuiesc în Kelsford", "născută în Brăila".
_STRONG_PLACE_CUE = lazy_re(
    r"\b(?:(?i:born|grew up|brought up|raised|live[sd]?|living|moved|move|moving|relocated|housed|placed|"
    r"come|comes|came|is|am|are|was|were|originally|locuiesc|locuim|locuie[șsş]te|stau|n[ăa]scut[ăa]?|"
    r"mutat[ăa]?|venit[ăa]?)\s+(?:(?i:up|back|down|over|out)\s+)?(?i:in|to|from|near|[îi]n|la|din)"
    r"|(?i:near|from|leave|left|leaving))\s+"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+(?:upon\s+|on\s+|le\s+)?[A-Z][\w'’-]*){0,2})(?!['’]s)")


def _after_strong_cues(text: str) -> Iterator[Span]:
    lex = lexicon()
    for match in _STRONG_PLACE_CUE.finditer(text):
        words = [re.sub(r"['’]s?$", "", key(word)) for word in match.group("place").split()]  # "Council's"
        if any(word in _RUN_PUBLIC or word in _SERVICE_WORDS or word in _NOT_A_NEIGHBOURHOOD
               or word in _CALENDAR_WORDS or word in STOPWORDS or word in lex.places for word in words):
            continue
        place_end = len(words) > 1 and (words[-1] in _PLACE_NAME_ENDS or words[-1] in _PLACE_KIND_AFTER)
        if (lex.is_first_name(words[0]) or lex.is_ambiguous(words[0])) and not place_end:
            continue  # "a text from Sarah", "from Will": a person, for names.py; but "leave Brenton Vale"
        if all(lex.is_ordinary(word) and word not in lex.towns for word in words):
            continue  # "from Social Care", "moved to England"
        if _public_after(text, match.end("place")) or _hospital_after(text, match.end("place")):
            continue  # "from Leeds station", "from Accrington bus station"
        yield match.span("place")


_SAINT_BEFORE = lazy_re(r"\b(?:St|Saint|St\.)\s+$")


# A school or church by its saint, in lower case, where schools are spoken of: "my kids go to oakwood primary
# and st bedes" (round 36). Saints that are no listed first name:
_SAINTS = frozenset("""bede cuthbert dunstan john alban chad hilda oswald aidan columba ninian brigid kentigern mungo
    wilfrid edmund augustine anselm thomas gregory benedict bernard dominic ignatius pius vincent teresa monica
    bernadette winefride illtyd teilo dyfrig peter paul""".split())
_LOWER_SAINT = lazy_re(r"(?<![\w'’])(?:st\.?|saint)\s+(?P<saint>[a-z]+?)(?:['’]?s)?\b")
_SCHOOL_TALK = lazy_re(
    r"\b(?:school|schools|primary|secondary|academy|nursery|college|high|catholic|rc|parish|church)\b", re.I)


def _lower_saint_schools(text: str, lex: Lexicon) -> Iterator[Span]:
    if not _SCHOOL_TALK.search(text):
        return
    for match in _LOWER_SAINT.finditer(text):
        saint = match.group("saint")
        if saint in _SAINTS or (lex.is_first_name(saint) and not lex.is_ambiguous(saint)):
            yield match.span()


def _with_venue_before(text: str, spans: Iterator[Span]) -> Iterator[Span]:
    """A place with the shop or venue just before it: "Primark in Merry Hill" is one place."""
    lex = lexicon()
    for start, end in spans:
        venue = _VENUE_BEFORE.search(text, max(0, start - 30), start)
        # "a Costa in Bolton": any of a chain's shops, so the town alone is the place ("the Tesco in Bury" is one).
        chain_in_town = venue and key(venue.group("venue")) in lex.keep and key(text[start:end]) in lex.towns \
            and _ANY_ONE_BEFORE.search(text, 0, venue.start())
        if venue and not chain_in_town and _is_venue(venue.group("venue"), lex, text, venue.start()):
            saint = _SAINT_BEFORE.search(text, max(0, venue.start() - 7), venue.start())
            start = saint.start() if saint else venue.start()  # "St James's in Leeds" is one place
        yield start, end


def _gazetteer_places(text: str) -> Iterator[Span]:
    lex = lexicon()
    for match in _GAZETTEER_CUE.finditer(text):
        span = _longest_town(match.group("place"), lex) or _inflected_town(match, lex)
        if span is None:
            continue
        start, end = match.start("place"), match.start("place") + span
        if _public_after(text, end) and not _force_station_after(text, start, end):
            continue  # "at Victoria station", "Blackburn police", "Accrington bus station"
        end = _rest_of_name(text, end, lex)
        if not _public_after(text, end) or _force_station_after(text, start, end):  # "at Oxford Road station"
            yield start, end
    yield from _lower_case_towns(text, lex)
    yield from _towns_of_services(text, lex)
    yield from _branch_towns(text, lex)
    yield from _word_towns_by_cue(text, lex)
    yield from _towns_anywhere(text, lex)
    yield from _lower_towns_anywhere(text, lex)
    yield from _lower_unknown_places(text, lex)
    yield from _misspelt_towns(text, lex)
    yield from _after_an_address(text, lex)
    yield from _two_word_places(text, lex)
    yield from _venues_after_at(text, lex)


def _public_after(text: str, end: int) -> bool:
    after = [key(word.strip(".,;:!?()\"'")) for word in text[end:end + 30].split()[:2]]
    # "Accrington bus station", "Cardiff Central station"
    # "Derby Family Court", "Leeds County Court": a court's kind before "court"
    return bool(after) and (after[0] in _PUBLIC_AFTER or (after[0] in _TRANSPORT and after[1:] == ["station"])
                            or (after[0] in _PUBLIC_VENUE_WORDS and after[1:] == ["court"]))


# A local service by its town ("Salford police", "kirklees council", "Bury Magistrates", "sale police station"):
# the town says where the writer lives, so it is a place and the service stays. Strangers writing three rounds
# of test answers all marked it so, and a hospital by its town ("leeds general") too; stations and clubs stay.
_LOCAL_SERVICE = lazy_re(
    r"(?<![\w'’-])(?P<town>[A-Za-z][\w'’]*(?:[ -][A-Za-z][\w'’]*){0,2})\s+(?=(?i:police\b|(?:city |borough |"
    r"county |district |metropolitan )?council\b|magistrates\b|(?:crown|county|family|combined|coroner'?s|sheriff) "
    r"court\b|civil justice\b|social services\b|children'?s services\b|general\b(?! (?:election|practice|public))|"
    r"infirmary\b|hospital\b|cid\b|refuge\b|outreach\b|women'?s aid\b|"
    # The police in Lithuanian, Polish, Romanian, Spanish, Portuguese and Turkish: "Lincoln policija" (round 36).
    r"policija\b|policj\w+|poli[țţt]i\w*|polic[íi]a\b|polis\w*))")
# "Of" in romanised Urdu, Hindi and Panjabi between a town and its service: "bradford ki police" (round 38).
_ROMANISED_OF = frozenset("ki ka ke di da".split())
# Words before a service that are no town, though a gazetteer may hold one of that name.
_SERVICE_QUALIFIERS = frozenset("""local city county town parish district borough new old british national transport
    military metropolitan community neighbourhood youth family crown high civil county's council's adult adults
    children's childrens specialist secret armed traffic railway royal military the""".split())


# A town that is also a word, where only a town stands (round 35): a court or station in it ("court at bury",
# "magistrates in stoke"), or a move from or to it ("moved from reading to a refuge").
_WORD_TOWN_CUE = lazy_re(
    r"\b(?i:courts?|magistrates'?|police\s+station|station|nick|refuge|hostel|hospital|council|jobcentre|police|"
    # A police officer works in a town (round 38: "a cop in hull"), as a court stands in one.
    r"prison|cops?|coppers?|(?:police\s+)?officers?|detectives?)\s+(?:at|in)\s+(?P<served>[A-Za-z][a-z'’]+)\b"
    r"|\b(?i:moved|move|moving|relocated|fled)\s+(?:from|to)\s+(?P<moved>[A-Za-z][a-z'’]+)"
    r"(?=\s+(?:to|and|for|with|because|but|last|when|after|in\s+(?:19|20)\d\d)\b|\s*[,.;!?]|\s*$)")


def _word_towns_by_cue(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _WORD_TOWN_CUE.finditer(text):
        group = match.lastgroup
        k = key(match.group(group))
        if k in lex.towns and k not in STOPWORDS and k not in _SERVICE_QUALIFIERS:
            yield match.span(group)


_REGION_WORDS = frozenset("greater west east north south mid central".split())
# The rest of a hyphened town after its first word: "Ashton-under-Lyne", "Stoke-on-Trent", "Weston-super-Mare".
_HYPHENED_REST = lazy_re(r"(?:-(?i:under|on|upon|le|in|by|super|cum|en|the|next|over|with)(?:-the)?-[A-Z][\w'’]+)+")


def _hyphened_town_end(text: str, start: int, end: int, lex: Lexicon) -> int:
    rest = _HYPHENED_REST.match(text, end)
    return rest.end() if rest and key(text[start:rest.end()]) in lex.towns else end



# A national charity's local branch named after it: "Women's Aid Dundee", "Victim Support Leeds" (round 36).
_BRANCH_TOWN_AFTER = lazy_re(
    r"\b(?:Women['’]?s\s+Aid|Citizens\s+Advice|Victim\s+Support|Barnardo['’]?s|Mind|Relate|Shelter)\s+"
    r"(?P<town>[A-Z][\w'’]+(?:[ -][A-Z][\w'’]+)?)")


def _branch_towns(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _BRANCH_TOWN_AFTER.finditer(text):
        length = _longest_town(match.group("town"), lex)
        if length:
            yield match.start("town"), match.start("town") + length


def _towns_of_services(text: str, lex: Lexicon) -> Iterator[Span]:
    """The town of a local service, in any case, even one that is also a word ("Bury council", "sale police")."""
    for match in _LOCAL_SERVICE.finditer(text):
        words = re.split(r"[ -]", match.group("town"))
        town_end = match.end("town")
        if len(words) > 1 and words[-1] in _ROMANISED_OF:
            town_end -= len(words.pop()) + 1  # "bradford ki police": the town before "of"
        for count in range(len(words), 0, -1):  # the longest town that ends just before the service
            tail = words[-count:]
            name = " ".join(key(word) for word in tail)
            if name in lex.towns and key(tail[0]) not in STOPWORDS and key(tail[0]) not in _SERVICE_QUALIFIERS:
                region = count < len(words) and key(words[-count - 1]) in _REGION_WORDS
                # "Sarah Street Street police": a word-town ending another name is part of that name.
                inside = count < len(words) and words[-count - 1][:1].isupper() and name in lex.town_words \
                    and key(words[-count - 1]) not in STOPWORDS
                if not region and not inside:  # "Greater Manchester Police": a force of a region
                    yield town_end - len(" ".join(tail)), town_end
                break


# Polish case endings on a town ("w Manchesterze", "do Bradfordu", "z Londynu"), longest first.
_POLISH_TOWN_ENDINGS = ("iem", "em", "ze", "ie", "iu", "u", "a", "y")
_POLISH_CUES = frozenset("w we do z ze koło kolo pod niedaleko".split())
# Welsh mutations undone: "o Bontypridd" (Pontypridd), "ym Mangor" (Bangor), "i Gaerdydd".
_WELSH_CUES = frozenset("yn ym yng o i ger".split())
_WELSH_UNMUTATE = (("ngh", "c"), ("mh", "p"), ("nh", "t"), ("ng", "g"), ("b", "p"), ("d", "t"), ("g", "c"),
                   ("f", "b"), ("dd", "d"), ("l", "ll"), ("r", "rh"), ("m", "b"), ("n", "d"), ("", "g"))


def _inflected_town(match: re.Match[str], lex: Lexicon) -> int | None:
    """A town with a Polish case ending or a Welsh mutation: the length of its first word."""
    cue = key(match.group().split()[0])
    word = re.match(r"[^\s-]+", match.group("place")).group()
    k = key(word.strip(".,;:!?"))
    candidates: list[str] = []
    if cue in _POLISH_CUES:
        candidates = [k[:-len(ending)] for ending in _POLISH_TOWN_ENDINGS if k.endswith(ending)]
        candidates += [stem + "k" for stem in candidates if stem.endswith("c")]  # "Lubliniec" forms aside
    elif cue in _WELSH_CUES:
        candidates = [old + k[len(new):] for new, old in _WELSH_UNMUTATE if k.startswith(new)]
    if any(len(c) > 3 and c in lex.towns for c in candidates):
        return len(word.rstrip(".,;:!?"))
    if cue in ("w", "we") and not lex.is_first_name(k) and not lex.is_ambiguous(k) \
            and not (k.isascii() and lex.is_ordinary(k)):  # "w Citizens Advice": an English service
        return len(word.rstrip(".,;:!?"))  # Polish "w" before a capitalised word: always a place
    return None


# A town in lower case after a word that places someone there: "moved to rochdale", "in barnard castle".
_LOWER_CUE = lazy_re(
    r"\b(?:in|at|to|from|near|around|round|outside|into|towards|past|over|leave|leaving|left|visit|visiting|"
    r"between|and)\s+(?=(?P<place>[a-z][a-z'’]+(?:[ -][a-z]+){0,2})\b)")


# Endings of English place names: an unknown lower-case word with one after "in", "from"... is a place.
_PLACE_ENDING = lazy_re(
    r"(?:thorpe|ton|ley|field|ford|bury|by|ham|worth|wick|don|den|dale|well|moor|borough|bridge|burn|caster|"
    r"chester|cester|hurst|wood|stead|holme|mouth|port|pool|thwaite|combe|cliffe|shaw|haugh|hall|heath|mere|"
    r"ing|ington|sall|wich|side|stow)$")
_LOWER_UNKNOWN_CUE = lazy_re(r"\b(?:in|from|near|outside|around|round|to)\s+(?P<place>[a-z]{6,})\b(?!['’])")


def _lower_unknown_places(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _LOWER_UNKNOWN_CUE.finditer(text):
        k = match.group("place")
        if _PLACE_ENDING.search(k) and not (k in lex.ordinary or k in lex.foreign_words or lex.is_first_name(k)
                                             or lex.is_ambiguous(k) or k in lex.keep or _one_edit_from_a_word(k, lex)):
            yield match.span("place")


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _one_edit(word: str) -> set[str]:
    """Every spelling one letter away: one left out, added, changed, or two swapped."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    candidates = {a + b[1:] for a, b in splits if b}
    candidates |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    candidates |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    candidates |= {a + c + b for a, b in splits for c in _LETTERS}
    return candidates - {word}


def _one_edit_from_a_word(word: str, lex: Lexicon) -> bool:
    """A misspelt English word ("anywere", "childern"), not a place: one letter left out, added,
    changed or swapped."""
    return any(candidate in lex.ordinary for candidate in _one_edit(word))


# A word after a place cue, typed fast: "refuge in birmigham", "at manchster magistrates" (round 38).
_MISSPELT_CUE = lazy_re(r"\b(?i:in|at|to|from|near|outside|around)\s+(?P<place>[A-Za-z][a-z]{5,})\b(?!['’])")
# A misspelt town is one letter from a town of seven letters or more, which few words are.
_MISSPELT_TOWN_LENGTH = 7


def _misspelt_towns(text: str, lex: Lexicon) -> Iterator[Span]:
    """A word one letter from a listed town, after a place cue, that is no word, name or town itself and no
    misspelt English word; not before a bus or train station."""
    for match in _MISSPELT_CUE.finditer(text):
        k = key(match.group("place"))
        if k in lex.ordinary or k in lex.foreign_words or k in lex.towns or k in lex.keep or lex.is_first_name(k) \
                or lex.is_surname(k) or lex.is_ambiguous(k) or k in lex.romanised:
            continue
        near = _one_edit(k)
        towns = {town for town in near & lex.towns if len(town) >= _MISSPELT_TOWN_LENGTH and town not in lex.town_words}
        # Frequent English words hold big towns ("birmingham"): a word one letter from another word is that word.
        if towns and not any(word in lex.ordinary and word not in lex.towns for word in near) \
                and not _TRANSPORT_STATION_AFTER.match(text, match.end("place")):
            yield match.span("place")


_FORCE = r"\b(?:PSNI|GMP|WMP|RUC|[Tt]he Met|Police Scotland|Garda[ií]?)\b"
_TRANSPORT_STATION_AFTER = lazy_re(r"\s+(?i:bus|coach|train|tram|railway)\s+station\b")
# Police spoken of earlier in the sentence: a town's "station" after it is the police station (round 38: "a cop in
# hull so i went to grimsby station"). A train is no police ("the police met me at Leeds station" stays).
_POLICE_TALK_BEFORE = lazy_re(r"(?:\b(?i:police|cops?|coppers?|officers?|detectives?|sarge|sergeant|pc|dc)"
                              rf"|{_FORCE})\b[^.!?\n]*$")
# A capitalised town before "station" is its police station when a force is named by its short name in the sentence
# (round 38b: "PSNI were grand but the wee fella on the desk at Lisburn station"; "the Met", "GMP", "Police
# Scotland"): "police" alone is not enough there ("the police met me at Victoria station"), nor the British Transport
# Police, whose stations are the railway's.
_FORCE_NAMED = lazy_re(_FORCE)
_SENTENCE_BREAK = lazy_re(r"[.!?\n]")
_STATION_AFTER = lazy_re(r"\s+(?i:station)\b")
_TRAIN_TALK = lazy_re(r"\b(?i:trains?|platforms?|railway|rail|tickets?|bus|coach)\b")


def _police_station_after(text: str, start: int, end: int) -> bool:
    return bool(_STATION_AFTER.match(text, end) and _POLICE_TALK_BEFORE.search(text, max(0, start - 200), start)
                and not _TRAIN_TALK.search(text))


def _force_station_after(text: str, start: int, end: int) -> bool:
    """"at Lisburn station" in a sentence that names the force ("PSNI were grand..."), before or after the town."""
    if not _STATION_AFTER.match(text, end) or _TRAIN_TALK.search(text):
        return False
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, start)]
    following = _SENTENCE_BREAK.search(text, end)
    return bool(_FORCE_NAMED.search(text, breaks[-1] if breaks else 0, following.start() if following else len(text)))


def _lower_case_towns(text: str, lex: Lexicon) -> Iterator[Span]:
    """A gazetteer town written in lower case after a cue; one word only when no English word ("in leigh",
    but not "in bath" or "to reading")."""
    for match in _LOWER_CUE.finditer(text):
        words = match.group("place").split()
        for count in range(len(words), 0, -1):
            name = " ".join(key(w) for w in words[:count])
            if name not in lex.towns or words[0] in STOPWORDS:
                continue
            # "in ashton" (also a name, but no word) is a place; "in hope", "to reading" are not.
            if count == 1 and (name in lex.town_words or (lex.is_ambiguous(name) and name in lex.ordinary)
                               or name in lex.places):
                break
            start = match.start("place")
            end = start + len(" ".join(words[:count]))
            if not _public_after(text, end) or _police_station_after(text, start, end):
                yield start, end
            break


_LOWER_RUN = lazy_re(r"(?<![\w'’-])[a-z]{5,}(?:[ -][a-z]+){0,2}(?![\w'’-])")


def _lower_towns_anywhere(text: str, lex: Lexicon) -> Iterator[Span]:
    """A town in lower case wherever it stands ("bingley is too small"), when it is no English or foreign
    word, name or country: "keighley", "great harwood", but not "bath", "reading" or "chester"."""
    for match in _LOWER_RUN.finditer(text):
        words = re.split(r"[ -]", match.group())
        for count in range(len(words), 0, -1):
            name = " ".join(words[:count])
            if name in lex.towns and _unmistakable_town(words[:count], lex):
                end = match.start() + len(" ".join(words[:count]))
                if not _public_after(text, end):
                    yield match.start(), end
                break


def _unmistakable_town(words: list[str], lex: Lexicon) -> bool:
    """No word of it is an English word, a foreign word, a person's name or a country (for one word),
    or at least one word is none of these (for several: "great harwood")."""
    def plain(word: str) -> bool:  # also a word of romanised Arabic, Urdu or Bengali ("7akatni abadan", never)
        return (word in lex.ordinary or word in lex.foreign_words or word in lex.town_words or word in STOPWORDS
                or lex.is_first_name(word) or lex.is_ambiguous(word) or word in lex.places or word in lex.romanised)
    return not plain(words[0]) if len(words) == 1 else not all(plain(word) for word in words)


# After an address and a comma, a street or a town in any case is the rest of it: "[address], mill lane",
# "[address], darlington [postcode]" (round 38). (An address is found, and hidden, before places.)
_AFTER_ADDRESS = lazy_re(
    r"\x00,\s+(?P<street>(?:[a-z][a-z'’-]+\s+){1,2}(?:street|road|lane|avenue|close|drive|way|crescent|grove|terrace|"
    r"gardens|place|court|walk|rise|mews|row|square|rd|st|ave|ln)\b)?(?:,\s+)?"
    r"(?P<town>[A-Za-z][a-z'’-]+(?:[ -][A-Za-z][a-z'’-]+){0,2})?")


# The end of a clause after a town: the end of the text or a sentence, or a postcode already hidden.
_CLAUSE_END = lazy_re(r"\s*(?:$|[.!?\n]|,?\s*\x00)")


def _after_an_address(text: str, lex: Lexicon) -> Iterator[Span]:
    if "\x00," not in text:
        return
    for match in _AFTER_ADDRESS.finditer(text):
        if match.group("street"):
            yield match.span("street")
        town = match.group("town")
        if town and (match.group("street") or match.start("town") == match.end() - len(town)):
            words = re.split(r"[ -]", town)
            for count in range(len(words), 0, -1):
                name = " ".join(key(word) for word in words[:count])
                # Not a town that is an English word: a date is hidden the same way ("On [date], reading it..."),
                # unless the town ends the clause ("12 the crescent, wool": round 41).
                if name in lex.towns and name not in STOPWORDS and (
                        name not in lex.town_words or (count == len(words) and _CLAUSE_END.match(
                            text, match.start("town") + len(town)))):
                    yield match.start("town"), match.start("town") + len(" ".join(words[:count]))
                    break


# Two capitalised words after a word that places someone, neither a service, a public building or a
# month ("in Moss Side", "from Alum Rock", "near Fitton Hill"): a neighbourhood the gazetteer lacks.
_TWO_WORD_PLACE = lazy_re(
    r"\b(?i:in|near|outside|round|around|from|to|at|on)\s+(?P<place>[A-Z][a-z]+\s+[A-Z][a-z]+)\b(?![\s-]+[A-Z])(?!['’])")
_NOT_A_NEIGHBOURHOOD = frozenset("""help start steps services service health aid advice crisis support centre
    court court's hospital station police council team hub unit ward year class reception foundation trust
    university college school academy primary group programme project charity line phoneline helpline
    matters together recovery change family care social housing credit universal justice services management
    measures accommodation assessment awareness course courses therapy counselling education training
    intervention emergency accident benefits tax pay leave contact order orders injunction protection therapies
    talking
    prosecution service safeguarding mental domestic abuse violence victims victim witness""".split())


# A capitalised word after "at" in mid-sentence names a venue even when it is also a word ("met him at
# Flares", "a doorman at Revolution"), unless it is a service, a public building, a holiday or family.
_AT_VENUE = lazy_re(r"(?<=[a-z,] )(?i:at|outside|inside)\s+(?:the\s+)?(?P<place>[A-Z][a-z]+)\b"
                       r"(?![\s-]+[A-Z])(?!['’-])(?!\s+(?:and|&)\s+[A-Z])")
_FAMILY_WORDS = frozenset("mum mam mom dad nan nana gran grandma grandad home work school church court night".split())


def _venues_after_at(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _AT_VENUE.finditer(text):
        k = key(match.group("place"))
        if k in lex.keep or k in _FAMILY_WORDS or k in _NOT_A_NEIGHBOURHOOD or k in _SERVICE_WORDS \
                or k in _GENERIC_SCHOOL_WORDS \
                or k in _PUBLIC_VENUE_WORDS or k in _PUBLIC_AFTER or k in STOPWORDS or k in lex.places:
            continue
        if lex.is_first_name(k) or lex.is_ambiguous(k) or _public_after(text, match.end("place")):
            continue  # a person, for names.py; "at Victoria station"
        yield match.span("place")


_FEAST_ENDS = frozenset("day eve night".split())


def _two_word_places(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _TWO_WORD_PLACE.finditer(text):
        words = [key(word) for word in match.group("place").split()]
        if any(word in _NOT_A_NEIGHBOURHOOD or word in _SERVICE_WORDS or word in _PUBLIC_VENUE_WORDS
               or word in _PUBLIC_AFTER or word in STOPWORDS or word in lex.places for word in words):
            continue
        if any(word in lex.keep and word not in lex.towns for word in words):
            continue  # "Women's Aid", "Jobcentre Plus", "in May"
        if lex.is_first_name(words[0]) or lex.is_ambiguous(words[0]):
            continue  # a person, for names.py: "with Sarah Jones"
        if words[-1] in _FEAST_ENDS:
            continue  # "came on Boxing Day", "Bonfire Night": a day of the year (round 38b)
        end = match.end("place")
        if not _public_after(text, end):
            yield match.start("place"), end


# A whole word: "Pisał" (Polish "wrote") holds no "Pisa".
# With "and" inside: "Elephant and Castle"; "-en-" only hyphened, as Spanish "en" (in) is no part of a name
# ("Vivo en Leeds").
_CAPITALISED_WORDS = lazy_re(
    r"(?<![\w'’-])[A-Z][a-z'’]+(?:[ -](?:upon|on|under|le|by|and|[A-Z][a-z'’]+)|-en){0,3}(?![\w])")
# Words after a town that make it a street or a venue of that name: "Moss Lane", "Trafford Centre".
_PLACE_KIND_AFTER = frozenset("""street road avenue lane close drive way crescent court gardens place terrace grove
    mews rise walk square parade estate heights row hill green fold brow mount gate vale croft bank fields
    meadows side wharf quay centre arena retail shopping""".split())
_WORKPLACE_KINDS = frozenset("depot branch plant site warehouse factory store office yard works".split())
# People or ground a town names, even after "the": "the Kirkby community facebook group", "the Leeds area" (round 39).
_LOCAL_KINDS = frozenset("area areas community communities lads girls mums dads gang gangs".split())
_TITLE_BEFORE = lazy_re(r"\b(?:(?i:mr|mrs|ms|miss|dr|the|a|an)\.?|HMP|HMYOI|HMS|RAF)\s+$")
# Spanish and Portuguese "a" (to) after going or moving, not the English article: "me mudé a Brixton" (round 36).
_SPANISH_TO_BEFORE = lazy_re(r"\b(?i:mud[ée]|mudamos|mudou|mudei|fui|fue|fuimos|voy|vou|vamos|llegu[ée]|lleg[óo]|"
                             r"cheguei|vine|vino|volv[íi]|regres[ée]|voltei|envi[óo]|mandaron|mandaram)\s+a\s+$")


_COLOUR_BEFORE = lazy_re(r"\b(?i:black|white|grey|gray|silver|red|blue|green|yellow|orange|purple|gold|maroon|navy|"
                         r"dark|light|old|new|battered|clapped)\s+$")


def _towns_anywhere(text: str, lex: Lexicon) -> Iterator[Span]:
    """A capitalised gazetteer town wherever it stands ("Wigan is where he grew up", "left Oldham"),
    unless it names a public building or service ("Bolton police"), follows "the" or a title, or is a
    person's first name (names.py labels those)."""
    position = 0
    while match := _CAPITALISED_WORDS.search(text, position):
        position = match.end()
        start, words = match.start(), match.group()
        if " and " in words:  # "Nelson and Colne": the words after "and" are read again
            position = start + words.index(" and ") + 1
        span = _longest_town(words, lex) or _inflected_town_word(words, lex)
        if span is None:
            # A chain's branch by its town ("Tesco Caerfyrddin", "Asda Pontypridd"): the town is a place; so is a
            # town after a word of another language ("Booliska Bristol", the Bristol police; "Policija Bostone").
            head = re.match(r"[^\W\d_][\w'’]*\s+", words)
            foreign_head = bool(head) and _foreign_word(key(head.group().strip()), lex)
            if not head or (key(head.group().strip()) not in lex.keep and not foreign_head):
                continue
            start, words = start + head.end(), words[head.end():]
            span = _longest_town(words, lex) or (_inflected_town_word(words, lex) if foreign_head else None)
            if span is None or (key(words[:span]) in lex.keep and not foreign_head) \
                    or key(words[:span]) in _SERVICE_WORDS or key(words[:span]) in lex.town_words:
                continue  # "the Family Hub": a service, though Hub is a town too; "the High Street"
        first = key(words.split()[0])
        end = start + span
        one_word = " " not in words[:span]
        if one_word and (lex.is_first_name(first) or lex.is_ambiguous(first) or first in lex.places):
            continue
        if _COLOUR_BEFORE.search(text, max(0, start - 12), start):
            continue  # "a grey Vauxhall", "his black Mercedes": a car
        following = re.match(r" ([A-Za-z][\w'’]*)", text[end:end + 30])
        after = key(following.group(1)) if following else ""
        if (after in _SERVICE_WORDS and after not in _LODGING) or after in _PUBLIC_VENUE_WORDS or after == "park":
            continue  # "Leeds Women's Aid", "Wigan council", "Ewood Park"; but "Stockport refuge" is where she is
        kind_after = bool(following and following.group(1)[0].isupper() and after in _PLACE_KIND_AFTER)
        if after in _WORKPLACE_KINDS:
            position = min(position, end)
            yield start, end  # "out of the Wakefield depot", "the Leeds branch"
            continue
        before = text[max(0, start - 30):start]
        if one_word and (first in lex.town_words or first in lex.foreign_words) \
                and re.search(r"(?:^|[.!?\n]\s*)$", before):
            continue  # a sentence's first word that is also a word ("Bath", "Sale", Portuguese "Moro", I live)
        previous = re.search(r"(\[name\]|[A-Z][\w'’-]*)\s+$", before)
        if previous and (previous.group(1) == "[name]" or lex.is_first_name(key(previous.group(1)))) \
                and key(previous.group(1)) not in lex.romanised:  # "Hum Bradford mein": "we", no first name
            continue  # a surname: "Sarah Preston", or after a name redacted before (redaction is idempotent)
        if (_TITLE_BEFORE.search(before) and not kind_after and after not in _LOCAL_KINDS
                and not _SPANISH_TO_BEFORE.search(before)) \
                or _public_after(text, end):
            continue  # "Mr Preston", "the Reading festival", but "the Trafford Centre"
        if kind_after:
            end += following.end()  # "Moss Lane", "Trafford Centre", "Bolton Arena"
            if _public_after(text, end):
                continue  # "Oxford Road station"
        # The words after the town are read again: "Scunthorpe Scunthorpe", "Leeds Bradford".
        position = min(position, end)
        yield start, end


_NEXT_WORD = lazy_re(r"[ -]([A-Z][\w'’]*)")


def _foreign_word(k: str, lex: Lexicon) -> bool:
    """A word of another language before a town, no English word, name or service: Somali "Booliska" (the police),
    "Maxkamadda" (the court), Lithuanian "Policija"."""
    return len(k) > 3 and k not in lex.keep and k not in STOPWORDS and not lex.is_ordinary(k) \
        and not lex.is_first_name(k) and not lex.is_ambiguous(k) and not lex.is_surname(k) and k not in lex.towns


# Lithuanian case endings on a town: "Bostone" (in Boston), "Londono" (of London), "Londoną".
_LITHUANIAN_TOWN_ENDINGS = ("e", "o", "ą", "ui", "as", "ų")


def _inflected_town_word(words: str, lex: Lexicon) -> int | None:
    """The length of a first word that is a listed town with a Lithuanian case ending and no word or name itself."""
    word = re.match(r"[^\s-]+", words).group()
    k = key(word)
    if not k.isalpha() or lex.is_ordinary(k) or lex.is_first_name(k) or lex.is_ambiguous(k) or k in lex.foreign_words:
        return None
    for ending in _LITHUANIAN_TOWN_ENDINGS:
        stem = k[:-len(ending)]
        if k.endswith(ending) and len(stem) > 3 and stem in lex.towns and stem not in lex.town_words:
            return len(word)
    return None


def _rest_of_name(text: str, end: int, lex: Lexicon) -> int:
    """A listed place can start a longer name: "Queens Park", "Audley Range" (two more words at most)."""
    for _ in range(2):
        following = _NEXT_WORD.match(text, end)
        if not following:
            break
        k = key(following.group(1))
        if (k in lex.keep and k not in _PLACE_NAME_ENDS) or k in STOPWORDS or lex.is_first_name(k):
            break  # "in Leeds on Monday", "from Leeds Women's Aid"
        end = following.end()
    return end


# Kept words that end place names: "Newton Heath", "Ellesmere Port", "Moss Side", "Colwyn Bay".
_PLACE_NAME_ENDS = frozenset("heath port bay side vale cross green end moor bridge hall common marsh moss wood".split())


# Feasts that are also towns: Portuguese "Natal" (Christmas) is no Brazilian city in "Passei o Natal no abrigo".
_FEAST_TOWNS = frozenset({"natal"})


def _longest_town(words: str, lex: Lexicon) -> int | None:
    """Length of the longest run of ``words`` (from the first) that is a listed place."""
    parts = list(re.finditer(r"[^\s-]+", words))
    for count in range(len(parts), 0, -1):
        end = parts[count - 1].end()
        if not parts[count - 1].group()[:1].isupper():
            continue  # a place ends on a capitalised word: "Newcastle upon Tyne", not "Newcastle upon"
        name = " ".join(key(part.group()) for part in parts[:count])
        if name in lex.towns and name not in STOPWORDS and name not in _FEAST_TOWNS:
            return end
    return None


def _is_venue(word: str, lex: Lexicon, text: str, start: int) -> bool:
    """A shop or venue's name ("Morrisons", "Primark"), not a service, a person or a sentence's first word."""
    k = key(word)
    if k in _SERVICE_WORDS or k in STOPWORDS or k in _LODGING or (k in lex.ordinary and k not in lex.keep) \
            or lex.is_first_name(k) or lex.is_ambiguous(k):
        return False  # "Citizens Advice in", "House in", "Sarah in"
    if _TITLED.search(text, max(0, start - 12), start):
        return False  # "Dr Patel at Moss Side": a person, for names.py
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
        if len(words) > 2 and lex.is_ordinary(words[0]) and _proper(words[1], lex) \
                and re.search(r"(?:^|[.!?]\s*)$", text[:start]):
            start += text[start:].index(" ") + 1  # "Finding Bolton House was luck": the sentence's first word
            words = words[1:]
        naming = words[:-2] if match.group("venue").endswith(("Centre", "Park", "Estate")) else words[:-1]
        # "Blackburn Crown Court": a public building everyone shares ("Preston Town Hall" is _public_buildings').
        if any(_proper(word, lex) for word in naming) and not set(naming) & _PUBLIC_VENUE_WORDS:
            yield start, match.end("venue")


def _public_buildings(text: str) -> Iterator[Span]:
    lex = lexicon()
    for match in _PUBLIC_BUILDING.finditer(text):
        words = list(re.finditer(r"\S+", match.group("name")))
        while words and key(words[0].group()) in STOPWORDS:  # "The", "At", "My"
            words.pop(0)
        # An ordinary word opening the sentence is not the name: "Yesterday Sandwell Hospital rang", and
        # nor is a verb alone: "Leaving Hospital was hard" (but "Sandwell Hospital rang", "Hope Hospital").
        start = match.start("name") + words[0].start() if words else 0
        if words and (_opening_verb(text, start, words[0].group(), lex) or len(words) > 1 and _sentence_start(
                text, start) and _opening_word(key(words[0].group()), lex)):
            words.pop(0)
        if any(key(word.group()).rstrip(".") not in _GENERIC_BUILDING for word in words):
            yield match.start("name") + words[0].start(), match.end("kind")
    for match in _PATRON_BUILDING.finditer(text):
        yield match.span("place")
    for match in _TOWN_GENERAL.finditer(text) if "General" in text else ():
        if any(key(word) in lex.towns or key(word) in _COMPASS for word in match.group("name").split()):
            yield match.span("name")
    for match in _ROYAL.finditer(text):
        if key(match.group("name")) in _ROYAL_BODIES or key(match.group("name")) in STOPWORDS:
            continue
        more = match.group("more") and key(match.group("more"))
        # "the Royal Albert Edward", but not "the Royal Gwent Tuesday" or "the Royal Oldham Today".
        ordinary = more and (more in _CALENDAR_WORDS or more in STOPWORDS or lex.is_ordinary(more))
        yield match.start("building"), match.start("more") - 1 if ordinary else match.end("building")


def _sentence_start(text: str, position: int) -> bool:
    return not text[:position].strip() or text[:position].rstrip()[-1] in ".!?"


def _opening_verb(text: str, start: int, word: str, lex: Lexicon) -> bool:
    """A verb opening the sentence ("Leaving", "Moved") is no part of the name after it."""
    k = key(word)
    return k.endswith(("ing", "ed")) and _sentence_start(text, start) and _opening_word(k, lex)


def _opening_word(word: str, lex: Lexicon) -> bool:
    return lex.is_ordinary(word) and word not in _GENERIC_BUILDING and word not in _PATRONS and word not in lex.towns


# A name's first word that is also a word: "Queen Elizabeth Hospital", "King's Mill Hospital".
_PATRONS = frozenset("queen queen's queens king king's kings prince princess lady".split())


# Courts and public buildings everyone shares: "Crown Court", "County Court", "Town Hall".
_PUBLIC_VENUE_WORDS = frozenset("county crown family magistrates magistrates' high supreme youth combined civic "
                                "town city coroner's coroners sheriff justice".split())


def _proper(word: str, lex: Lexicon) -> bool:
    """A word that names a venue ("Shadsworth", "Blackburn"): a town, or no English word, service or
    public building's word ("Cedar Court" is a place, "Crown Court" stays; a refuge's house, "Hope
    House", is found by ``_named_venues`` whatever its words)."""
    if word in lex.towns:
        return True
    return not (lex.is_ordinary(word) or word in STOPWORDS or word in _SERVICE_WORDS
                or word in _PUBLIC_VENUE_WORDS or lex.is_ambiguous(word))


# Venues whose kind says they are somewhere people can be found, whatever words name them: a GP
# surgery, a family or community centre, a care home, a pub, a refuge's house ("Hope House",
# "Bluebell Care Home", "Woodlands Health Centre").
_VENUE_KIND = (
    r"Surgery|Medical Centre|Medical Practice|Health Centre|Family Practice|Practice|Family Centre|"
    r"Community Centre|Children['’]s Centre|Childrens Centre|Resource Centre|Care Home|Nursing Home|Leisure Centre|"
    # A centre, nursery, academy or hub by its own name ("Sunflower Centre", "Rainbow Nursery", "Hope Hub",
    # "Kelsby Women's Centre"); a kind of centre alone ("Women's Centre", "Citizens Advice Centre") stays.
    r"Women['’]s Centre|Womens Centre|Centre|Nursery|Academy|Hub|"
    r"Sports Centre|Arms|Inn|Tavern|House|Lodge|Social Club|Working Men['’]s Club|Arena|"
    # Clubs and gyms where someone can be found every week: "Heaton Mersey Football Club", "Levenshulme Golf Club".
    r"(?:Football|Rugby|Cricket|Golf|Boxing|Bowling|Bowls|Tennis|Snooker|Sports|Conservative|Labour|Liberal|"
    r"Cycling|Running|Swimming|Athletic|Athletics|Sailing|Angling|Darts|Squash|Rowing|Hockey|Netball|Judo|"
    r"Karate|Dance|Youth|Boys|Girls|Lads|Working Men['’]s|Cricket and Bowling)\s+Club|"
    r"FC|AFC|ARLFC|RUFC|ABC|Harriers|Boxing Gym|Gym|"
    r"Farm|Farms|"  # a workplace and a home: "worked at Brookside Farm"
    # Where someone sleeps (round 36): a hospital ward named for someone, halls, a Traveller site.
    r"Ward|Halls|[Ss]ite"
)
_NAMED_VENUE = lazy_re(rf"(?<![\w'’&-])(?P<venue>(?:[A-Z][\w'’-]*\s+){{1,3}}(?P<kind>{_VENUE_KIND})\b)")
# Pub names: "the Golden Lion", "the Royal Oak", "the Black Horse"; round 41: the seafarers and sportsmen of inn
# signs ("the Jolly Sailor", "the Cricketers"; not "the Little Mermaid").
_PUB = lazy_re(
    r"\b(?i:the)\s+(?P<venue>(?:[A-Z][\w'’-]*\s+){0,2}(?:Lion|Oak|Horse|Bull|Swan|Anchor|Plough|Hart|Stag|"
    r"Bell|Ship|Eagle|Fox|Hound|Hounds|Feathers|Wheatsheaf|Dragon|Angel|Tree|Sailor|Sailors|Mariner|Mariners|"
    r"Huntsman|Cricketers|Smugglers|Pheasant)\b)")
# A pub as phones type it, after a word that goes somewhere: "at the red lion", "down the kings arms",
# "the nags head" ("in the upper arms" is a body: a head or arms needs a possessive before it).
_LOWER_PUB = lazy_re(
    r"\b(?:at|to|in|from|outside|near|down|behind|opposite|into|past|up|round)\s+the\s+"
    r"(?P<place>(?P<first>[a-z][a-z'’-]+)\s+(?:lion|oak|horse|bull|swan|anchor|plough|hart|stag|bell|ship|eagle|"
    r"fox|hounds|feathers|wheatsheaf|dragon|angel|sailor|mariners|cricketers|(?<=s\s)arms|(?<=s\s)head|"
    r"tavern))\b")
_BODY_SIDES = frozenset("upper lower left right both front back top".split())
# Pubs named "the X's Head" or "the X's Arms": "the Stag's Head", "the Queen's Head", "the Farmer's Arms".
_PUB_POSSESSIVE = lazy_re(r"\b(?i:the)\s+(?P<venue>[A-Z][\w-]*['’]s\s+(?:Head|Arms|Rest|Nest|Inn|Tavern))\b")
# "a refuge called the Haven", "the hostel was called Brighter Futures".
_CALLED_VENUE = lazy_re(
    r"\b(?i:refuge|shelter|hostel|project|house|centre|center|home|charity|place|pub|club|bar|school|"
    r"surgery|flats?|estate|hotel|church|mosque|temple|gurdwara|nursery|academy|practice|takeaway|"
    r"restaurant|shop|cafe|café|salon|barbers?|business|company|firm|garage|factory|warehouse|gym)\s+"
    r"(?i:(?:was\s+|is\s+)?called|named|known as|is|was)\s+"
    r"(?:the\s+)?(?P<venue>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")
# "Rosa's Place", "Sarah's House": a person's name on a venue names the venue.
_POSSESSIVE_VENUE = lazy_re(
    r"(?<![\w'’&-])(?P<venue>[A-Z][\w-]*['’]s\s+(?:Place|House|Project|Centre|Lodge|Haven|Refuge))\b")
# "Bellingham's Bakery", "Patel's Newsagents": a family's name on a shop names one shop (a workplace).
_POSSESSIVE_BUSINESS = lazy_re(
    r"(?<![\w'’&-])(?P<venue>[A-Z][\w-]*['’]s\s+(?:Bakery|Bakers|Butchers|Cafe|Café|Salon|Barbers|Garage|Kitchen|"
    r"Diner|Takeaway|Restaurant|Hairdressers|Deli|Newsagents?|Florists?|Cleaners|Launderette|Motors|Farm|Stores?|"
    r"Pharmacy|Chemists?))\b")
# Naming words that leave a venue public and shared: "the Town House", "the Court House".
_GENERIC_VENUE_WORDS = frozenset("""the a an my his her our their your this that local new old main central general
    gp nhs doctors doctor's doctors' town city county crown court family community public council big little
    same other white""".split())
# Kinds of operation, not a surgery's name: "Day Surgery", "Eye Surgery", "Hip Surgery".
# Words that say which kind of centre or hub, not which one: a name needs another word beside them.
_KIND_OF_CENTRE = frozenset("""women's womens children's childrens crisis rape referral contact day job visitor
    garden advice citizens sexual assault leisure sports health medical resource call test testing vaccination
    walk-in drop-in dental mental wellbeing recovery treatment rehab asylum immigration assessment sure start
    shopping arts training learning skills careers family community youth support specialist domestic abuse
    violence safeguarding police council nhs gp doctors doctors' doctor's sports day-care daycare baby
    toddler play soft nursery primary secondary""".split())
_BARE_KINDS = frozenset("Centre Hub Nursery Academy".split())
_THE_BEFORE = lazy_re(r"\b(?i:the)\s+$")
# Where someone is or goes: "met at the Brookfield Centre", "ran into the Harbour Centre" is one building.
_GO_TO_THE_BEFORE = lazy_re(r"\b(?i:at|into|to|outside|near|inside|behind|opposite)\s+the\s+$")
_OPERATIONS = frozenset("""day eye dental minor major plastic cosmetic keyhole emergency elective hand knee hip heart
    cardiac weight bariatric laser oral foot podiatric orthopaedic orthopedic vascular breast brain back spinal
    ambulatory outpatient inpatient same-day""".split())


# Churches and the schools named after them, by their dedication: "at Holy Trinity", "Sacred Heart RC",
# "Christ the King", "English Martyrs"; and a Welsh house or farm by its name: "Tŷ Gwyn", "Plas Newydd".
_DEDICATION = lazy_re(
    r"\b(?P<venue>(?:Holy\s+(?:Trinity|Family|Cross|Name|Rosary|Spirit|Ghost|Redeemer|Innocents|Angels|Child|Saviour)|"
    r"Sacred\s+Heart|Christ\s+the\s+King|Christ\s+Church|Corpus\s+Christi|English\s+Martyrs|Good\s+Shepherd|"
    r"Immaculate\s+Conception|Blessed\s+Sacrament|Precious\s+Blood|All\s+Saints|All\s+Souls|"
    r"T[ŷy]\s+(?=[A-Z])(?![A-Z][a-z]*\s+(?:Street|Road))[A-Z][\w'’-]*|Plas\s+[A-Z][\w'’-]*)"
    r"(?:\s+(?:RC|CE|C of E|Catholic|Primary|High|School|Academy|College|Juniors?|Infants?|Nursery|Church|"
    r"Parish|Sixth Form))*)(?!['’])")


def _plain_english(word: str, lex: Lexicon) -> bool:
    """An English word that says no kind of centre ("Hope", "Rose"; not "Community")."""
    return key(word) in lex.ordinary and key(word) not in _KIND_OF_CENTRE


def _named_venues(text: str) -> Iterator[Span]:
    lex = lexicon()
    for match in _DEDICATION.finditer(text):
        if not match.group("venue").startswith("Ty ") or not lex.is_first_name(key(match.group("venue").split()[1])):
            yield match.span("venue")
    for match in _PUB_POSSESSIVE.finditer(text):
        yield match.span("venue")
    yield from _venues_by_kind(text, lex)
    for pattern in (_PUB, _CALLED_VENUE, _POSSESSIVE_VENUE, _POSSESSIVE_BUSINESS):
        for match in pattern.finditer(text):
            words = match.group("venue").split()
            if pattern is _POSSESSIVE_VENUE and not _person_owns(words[0], lex):
                continue  # "Women's Centre", "Children's House"
            if pattern is _POSSESSIVE_BUSINESS and not _family_owns(words[0], lex):
                continue  # "Sainsbury's Cafe", "Women's Kitchen": a chain or a kind
            if _names_a_venue(words):
                yield match.span("venue")


def _venues_by_kind(text: str, lex: Lexicon) -> Iterator[Span]:
    """A venue by its own name before its kind ("Ridgeway Surgery", "Sunflower Centre", "Hope House")."""
    for match in _NAMED_VENUE.finditer(text):
        start = match.start("venue")
        words = match.group("venue").split()
        while words and key(words[0]) in _GENERIC_VENUE_WORDS:  # "the", "Our"
            start += len(words[0]) + 1
            words = words[1:]
        if words and _opening_verb(text, start, words[0], lex):  # "Moving House was hard", "Finding Hope House"
            start += len(words[0]) + 1
            words = words[1:]
        kind = match.group("kind")
        naming = words[:-len(kind.split())]
        if not naming or (kind == "Surgery" and key(naming[-1]) in _OPERATIONS):
            continue  # "The Surgery"; "Day Surgery": an operation, not a GP's surgery
        if kind in _BARE_KINDS:
            if _THE_BEFORE.search(text, 0, start) and all(_plain_english(word, lex) for word in naming) \
                    and not (kind == "Centre" and _GO_TO_THE_BEFORE.search(text, 0, start)):
                continue  # "the Hope Centre runs a drop-in": a service's name; "at Sunflower Centre" is one place
            # "Bridges Family Centre", "Kelsby Women's Centre": the words of the kind are no name; the kind
            # alone ("the Rape Crisis Centre", "Women's Centre") is no place.
            naming = [word for word in naming if key(word) not in _KIND_OF_CENTRE]
        if kind.title() in _SLEEPING_KINDS and all(key(word) in _KIND_OF_WARD or key(word) in lex.keep
                                                   for word in naming):
            continue  # "Labour Ward", "the Building Site": a kind, not a name ("Jenner Ward", "Lower Moss site")
        if _names_a_venue(naming):
            yield start, match.end("venue")


_SLEEPING_KINDS = frozenset("Ward Halls Site".split())
_KIND_OF_WARD = frozenset("""children's childrens maternity labour surgical medical acute assessment psychiatric mental
    health day elderly stroke cardiac orthopaedic trauma burns neonatal postnatal antenatal building caravan camp
    construction camping traveller travellers gypsy council main new old student university uni web""".split())


def _person_owns(word: str, lex: Lexicon) -> bool:
    """'Rosa's Place': a person's name before a venue's kind, not 'Women's'."""
    owner = key(re.sub(r"['’]s$", "", word))
    return lex.is_first_name(owner) or lex.is_ambiguous(owner)


# Chains whose name is a possessive: every town has one, so it locates nobody.
_CHAIN_OWNERS = frozenset("mcdonald macdonald sainsbury morrison tesco nando domino wetherspoon asda".split())


def _family_owns(word: str, lex: Lexicon) -> bool:
    """'Patel's Newsagents', 'Bellingham's Bakery': a name before a shop's kind, not a chain or a
    word ('Children's')."""
    owner = key(re.sub(r"['’]s$", "", word))
    return owner not in _CHAIN_OWNERS and (not lex.is_ordinary(owner) or owner in lex.towns
                                           or _person_owns(word, lex) or lex.is_surname(owner))


def _names_a_venue(naming: list[str]) -> bool:
    """Words that name one venue: none says it is public ("Town House") or is a function word."""
    return bool(naming) and not any(key(word) in _PUBLIC_VENUE_WORDS or key(word) in STOPWORDS for word in naming)


# Places written in lower case: a street ("on brook street"), a school or surgery ("at broadfield
# primary", "oakhill surgery"), an estate ("the langley estate"), a saint's school ("at st josephs").
_LOWER_STREET = lazy_re(
    r"\b(?:on|off|in|at|near|along|to|from|down|up|by|round|around|behind|past|outside|onto|into)\s+"
    r"(?P<place>(?:(?!(?:on|off|in|at|near|to|from|down|up|by|the|a|and|of|onto|into|live|lives|lived)\s)"
    r"[a-z][a-z'’-]+\s+){1,3}(?:street|road|avenue|lane|crescent|terrace|grove|gardens|drive|rd|st|ave|ln|cres)\b"
    r"(?:\s+(?:east|west|north|south|upper|lower)\b)?)")
_LOWER_SCHOOL = lazy_re(
    r"\b(?P<place>(?:[A-Za-z][a-z'’-]+\s+){1,3}(?:primary|academy|high school|secondary|infants|juniors|nursery|"
    r"medical centre|medical practice|health centre|family centre|care home|surgery|children's centre)\b)")
_LOWER_ESTATE = lazy_re(r"\bthe\s+(?P<place>(?:[a-z][a-z'’-]+\s+){1,2}estate)\b")
_SAINT = lazy_re(
    # The word for a school in Portuguese, Romanian, Polish, Vietnamese, Somali and Welsh too: "na escola
    # Saint Mary's", "trường St Anne's"; or after "school," or "(": "my daughter's school, St Teilo's,".
    r"(?<![\w'’])(?:(?:at|to|from|in|attends|attend|escola|[șşs]coala|szko[lł][aey]|szkole|trường|dugsiga|ysgol)\s+"
    r"|(?:school|primary|church|parish|nursery)\s*[,(:]\s*)"
    r"(?P<place>(?i:st\.?|saint)\s+[A-Za-z][a-z]+(?:['’]s|s)?(?![\w'’])"
    r"(?:\s+(?:and|&)\s+(?:(?i:st\.?|saint)\s+[A-Za-z][a-z]+(?:['’]s|s)?(?![\w'’])|All\s+(?:Angels|Saints)\b))?"
    r"(?:(?:\s+[a-z]+)?\s+(?i:school|primary|academy|college|high|juniors|infants|rc|catholic|c of e|ce|cofe)\b)?)"
    r"(?!\s+(?i:hospital|church))")
# Words before a street, school or estate that say which kind, not which one: "the main road", "a
# local primary", "the council estate", "my doctor's surgery".
_GENERIC_PLACE_WORDS = frozenset("""main high same back busy next quiet little long big old new other wrong right
    dark empty private public side country ring slip dual bus one two whole entire local nearest narrow wide
    muddy dead short straight front residential different every each council housing industrial trading
    business rough posh nice lovely horrible awful good bad catholic special primary secondary junior infant
    school gp doctor's doctors doctors' doctor dentist dental vets vet's vet kids' kids children's childrens
    his her my our their your a an the this that its nearby village town city outpatient walk-in
    health family care usual regular own mum's mums dad's nan's gran's friend's sister's
    brother's first last previous current""".split())
_TWO_WORD_KINDS = ("school", "centre", "practice", "home")
_STREET_INNER = frozenset("new old lower upper higher little great north south east west".split())


def _generic_place_word(word: str) -> bool:
    """A word before a street, school or estate that says whose or which kind, not which one."""
    k = key(word)
    return k in _GENERIC_PLACE_WORDS or k in STOPWORDS or k.endswith(("'s", "’s", "s'"))


# A hospital, infirmary, library or town hall by its own name as phones type it: "they took me to wythenshawe
# hospital", "tameside general hospital"; not its kind ("the general hospital", "a mental hospital").
# "salford royal", "the royal oldham": a hospital by its town and "royal", as phones type it.
_TOWN_ROYAL = lazy_re(r"(?<![\w'’-])(?P<town>(?:[a-z]+\s+)?[a-z]+)\s+royal\b")
_ROYAL_TOWN = lazy_re(r"\broyal\s+(?P<town>[a-z]+(?:\s+[a-z]+)?)(?![\w'’-])")
_LOWER_BUILDING_HINT = lazy_re(r"hospital|infirmary|library|town\s+hall|jobcentre")
_LOWER_BUILDING = lazy_re(
    r"\b(?P<place>(?P<naming>(?:[a-z][a-z'’-]+\s+){1,3})(?:hospital|infirmary|library|town\s+hall|jobcentre))\b")


def _lower_public_buildings(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _LOWER_BUILDING.finditer(text):
        words = list(re.finditer(r"\S+", match.group("naming")))
        # "they took me to wythenshawe": the name is the last words; none is a function word of another language or
        # of romanised Urdu or Panjabi ("estuvo en el hospital", "ne mainu hospital pahunchaya").
        cuts = [index for index, word in enumerate(words) if key(word.group()) in STOPWORDS
                or key(word.group()) in _FOREIGN_FUNCTION_WORDS or _romanised_word(word.group())]
        naming = words[cuts[-1] + 1:] if cuts else words
        if naming and any(_names_a_building(key(word.group()), lex) for word in naming):
            yield match.start("naming") + naming[0].start(), match.end("place")


def _lower_royal_hospitals(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _TOWN_ROYAL.finditer(text):
        town = _town_at_edge(match.group("town").split(), lex, last=True)
        if town:
            yield match.end("town") - len(town), match.end()
    for match in _ROYAL_TOWN.finditer(text):
        town = _town_at_edge(match.group("town").split(), lex, last=False)
        if town:
            yield match.start(), match.start("town") + len(town)


def _town_at_edge(words: list[str], lex: Lexicon, last: bool) -> str | None:
    """The listed town of one or two words at the end (or start) of ``words`` that is no English word."""
    for size in range(len(words), 0, -1):
        town = " ".join(words[-size:] if last else words[:size])
        if town in lex.towns and town not in lex.town_words:
            return town
    return None


def _names_a_building(word: str, lex: Lexicon) -> bool:
    return word in lex.towns or not (lex.is_ordinary(word) or word in _GENERIC_BUILDING)


# Articles and prepositions of Spanish, Portuguese, Romanian, Polish, Lithuanian and Welsh: no part of a place's name.
_FOREIGN_FUNCTION_WORDS = frozenset("""el la los las en del al un una o os as um uma no na nos nas do da dos das em ao
    pe în cu din de w we z ze i ir į iš y yr ar""".split())


def _romanised_word(word: str) -> bool:
    lex = lexicon()
    k = key(word)
    return k in lex.romanised and not lex.is_ordinary(k)


def _lower_case_places(text: str) -> Iterator[Span]:
    for pattern in (_LOWER_STREET, _LOWER_SCHOOL, _LOWER_ESTATE):
        for match in pattern.finditer(text):
            words = match.group("place").split()
            kind = 2 if words[-1] in _TWO_WORD_KINDS else 1
            naming = words[:-kind]
            # "my kids go to ladybarn primary": the name starts after the last word that names none, also a word of
            # romanised Urdu, Panjabi or Bengali ("Small Heath wali surgery", the surgery in Small Heath).
            cuts = [index for index, word in enumerate(naming) if key(word) in STOPWORDS or _romanised_word(word)]
            if cuts:
                naming = naming[cuts[-1] + 1:]
            # "little acorns nursery": "little" or "new" before a name belongs to it.
            while naming and _generic_place_word(naming[0]) and not (
                    naming[0] in _STREET_INNER and len(naming) > 1 and not _generic_place_word(naming[1])):
                naming = naming[1:]  # "the", "a local", "my daughter's": only a name may come first
            # After the name, "new" or "old" can still be part of it: "chorley new road".
            if naming and not any(_generic_place_word(word) and word not in _STREET_INNER for word in naming):
                yield match.end("place") - len(" ".join(naming + words[-kind:])), match.end("place")
    for match in _SAINT.finditer(text):
        yield match.span("place")
    if _LOWER_BUILDING_HINT.search(text):
        yield from _lower_public_buildings(text, lexicon())
    if "royal" in text:
        yield from _lower_royal_hospitals(text, lexicon())
    for match in _LOWER_PUB.finditer(text):
        if key(match.group("first")) not in STOPWORDS and match.group("first") not in _BODY_SIDES:
            yield match.span("place")


# Where someone lives, works or comes from in Urdu, Panjabi, Hindi and Bengali: the word or two before "in"
# or "from" and a verb of living, working, studying or coming ("بریڈفورڈ میں رہتے ہیں", "ہم میرپور سے ہیں",
# "ਲੈਸਟਰ ਵਿੱਚ ਕੰਮ", "ਜਲੰਧਰ ਤੋਂ ਹਾਂ", "लेस्टर में रहती हूँ", "ওল্ডহ্যামে থাকি", "সিলেট থেকে এসেছি"; Bengali comes "to" a
# place with its locative ending, "দোভাষী আসেনি" is the interpreter not coming); and a listed place in those
# scripts wherever it stands ("لیڈز", "ਸਾਊਥਾਲ", "সিলেট").
_SCRIPT_PLACE = lazy_re(
    rf"(?P<place>(?:{_SCRIPT_WORD}\s+)?{_SCRIPT_WORD})\s+"
    r"(?:(?:میں|سے|کے\s+(?:قریب|پاس))\s+(?:رہ|مقیم|کام|منتقل|شفٹ|پیدا|پل|بڑ|اسکول|سکول|نوکری|ملازمت|ہیں|ہوں|ہے|آئ|آی|آ\b|تعلق|تھ)"
    r"|(?:ਵਿੱਚ|ਵਿਚ|ਚ|ਤੋਂ|ਤੇ|'ਤੇ|’ਤੇ|ਦੇ\s+ਨੇੜੇ)\s+(?:ਰਹਿ|ਕੰਮ|ਪੜ੍ਹ|ਸਕੂਲ|ਜੰਮ|ਪਲ|ਸ਼ਿਫਟ|ਚਲੇ|ਚਲੀ|ਆ|ਹਾਂ|ਹੈ|ਹਨ|ਸੀ|ਨੌਕਰੀ)"
    r"|(?:में|से|के\s+पास)\s+(?:रह|काम|पढ़|पैदा|पल|बड़|शिफ़्ट|शिफ्ट|हूँ|हूं|हैं|है|आ|था|थी|थे)"
    r"|(?:থেকে\s+)?(?:থাক|বাস\s+কর|কাজ|পড়|চাকরি|স্কুল|জন্ম|বড়)|(?:থেকে\s+|(?<=[েয়়]\s))(?:এসেছ|আস|এসে))")
# Persian puts "in" or "from" before the place: "در استاک‌پورت زندگی می‌کنم", "از مشهد آمدم".
_PERSIAN_PLACE = lazy_re(
    rf"(?<![\u0600-\u06ff])(?:در|از)\s+(?P<place>{_SCRIPT_WORD})\s+"
    r"(?:زندگی|کار|بزرگ|متولد|به\s+دنیا|آمد|اومد|هستم|هستیم|هستند|بودم|بودیم|درس|ساکن)")
# Locative endings of Bengali ("ওল্ডহ্যামে" in Oldham, "লিডসে"), left on the place.
# and the genitive ("টাওয়ার হ্যামলেটসের একটি ফ্ল্যাট", a flat in Tower Hamlets).
_BENGALI_PLACE_ENDINGS = ("তে", "য়ে", "ে", "য়", "এ", "ের", "র")
_SCRIPT_NOT_PLACE = frozenset("""گھر شہر علاقے علاقہ ملک پاکستان انگلینڈ برطانیہ یہاں وہاں اب ابھی پہلے بعد ہمیشہ کل آج
    سکول اسکول کالج دفتر فیکٹری دکان ہسپتال پناہ گاہ
    ਘਰ ਸ਼ਹਿਰ ਇੱਥੇ ਉੱਥੇ ਇੰਗਲੈਂਡ ਹੁਣ ਪਹਿਲਾਂ ਸਕੂਲ ਦੁਕਾਨ ਫੈਕਟਰੀ ਦਫ਼ਤਰ ਭਾਰਤ ਪੰਜਾਬ
    করে হয়ে নিয়ে দিয়ে গিয়ে ফিরে দেরি তাড়াতাড়ি একা একসাথে ভেঙে ধরে রেখে খেয়ে বসে পেয়ে চলে উঠে কেঁদে হেসে
    এলাকায় এলাকা এলাকার এলাকাতে ਕੇ ਕਰਕੇ ਜਾ ਆ ਲੈ ਦੇ
    বাড়িতে শহরে এখানে সেখানে দেশে বাসায় ইংল্যান্ডে বাড়ি দেশ কাজ কাজে এখন আগে স্কুলে দোকানে অফিসে বাংলাদেশ এ তে
    ਕੰਮ کام ہم وہ میں ਮੈਂ ਉਹ ਅਸੀਂ আমি সে আমরা
    মিনিটে মিনিটের ঘণ্টায় ঘণ্টা দিনে সপ্তাহে মাসে বছরে এক দুই তিন চার পাঁচ ছয় সাত আট নয় দশ
    منٹ منٹوں گھنٹے گھنٹوں دنوں ہفتے مہینے سال ایک دو تین چار پانچ دس
    اپنے اپنی اپنا ਆਪਣੇ ਆਪਣੀ ਆਪਣਾ নিজের নিজেদের ہمارے ਸਾਡੇ আমাদের
    ਪਿੰਡ ਇਲਾਕੇ ਮੁਹੱਲੇ ਬੱਚਿਆਂ ਕੁੜੀਆਂ ਮੁੰਡਿਆਂ ਸਾਡੇ ਉਨ੍ਹਾਂ ਉਸ ਇਸ ਸਿੱਖਾਂ گاؤں محلے بچوں ہمارے ان اس مسلمانوں
    ফ্ল্যাট ফ্ল্যাটে বাসা ঘর ঘরে রুম রুমে হোস্টেল শেল্টার শেল্টারে জায়গা জায়গায় পাড়া পাড়ায় গ্রাম গ্রামে
    فلیٹ کمرے کمرہ جگہ گھروں شیلٹر
    घर फ्लैट फ़्लैट कमरे कमरा शहर गाँव गांव देश यहाँ यहां वहाँ वहां जगह इलाके मोहल्ले भारत इंग्लैंड डर जेल
    خانه شهر روستا اینجا آنجا ایران انگلیس ترس
    मायका मायके ससुराल ਪੇਕੇ ਪੇਕਿਆਂ ਸਹੁਰੇ میکے میکہ سسرال বাপের শ্বশুরবাড়ি বাপেরবাড়ি""".split())


# A saint's school or church in Gurmukhi, Urdu, Bengali or Devanagari: "ਸੇਂਟ ਪੌਲਜ਼ ਸਕੂਲ", "سینٹ میریز اسکول",
# "সেন্ট জনস প্রাইমারিতে" (at St John's Primary, with the Bengali locative), "सेंट मेरीज़ स्कूल".
_SCRIPT_SAINT = lazy_re(
    rf"(?:ਸੇਂਟ|سینٹ|সেন্ট|सेंट)\s+{_SCRIPT_WORD}(?:\s+(?:ਸਕੂਲ|ਚਰਚ|ਪ੍ਰਾਇਮਰੀ|اسکول|سکول|چرچ|پرائمری|স্কুল|চার্চ|প্রাইমারি|"
    rf"প্রাইমারী|स्कूल|चर्च|प्राइमरी)(?:তে|ে|এ)?(?![{_SCRIPT_LETTERS}])){{0,2}}")


# A town before "of" and a gurdwara, mosque, temple, school or hospital: "ਗ੍ਰੇਵਜ਼ੈਂਡ ਦੇ ਗੁਰਦੁਆਰੇ" (Gravesend's
# gurdwara), "بریڈفورڈ کی مسجد", "লুটনের মসজিদ" is found by the list.
_SCRIPT_OF_PLACE = lazy_re(
    rf"(?P<place>{_SCRIPT_WORD})\s+(?:ਦੇ|ਦੀ|ਦਾ|کے|کی|کا)\s+"
    r"(?:ਗੁਰਦੁਆਰ|ਮੰਦਰ|ਮਸਜਿਦ|ਸਕੂਲ|ਕਾਲਜ|ਸ਼ਹਿਰ|ਪਿੰਡ|ਇਲਾਕ|گوردوارہ|گوردوارے|مسجد|مندر|اسکول|سکول|کالج|شہر|گاؤں|علاق)")


# A neighbourhood before the word "area": "لانگسائٹ علاقے میں", "ਹੈਂਡਸਵਰਥ ਇਲਾਕੇ ਵਿੱਚ", "হোয়াইটচ্যাপেল এলাকায়".
_SCRIPT_AREA = lazy_re(rf"(?P<place>{_SCRIPT_WORD})\s+(?:علاقے|علاقہ|محلے|ਇਲਾਕੇ|ਇਲਾਕਾ|এলাকায়|এলাকা|এলাকার)")


# A school by its name in Urdu, Bengali or Arabic script: "گرین لین پرائمری اسکول", "গ্রিন লেন প্রাইমারি স্কুল",
# "مدرسة النور الابتدائية". The kind alone ("اسکول", "المدرسة") stays.
_SCRIPT_SCHOOL = lazy_re(
    rf"(?P<named>(?:{_SCRIPT_WORD}\s+){{1,3}})(?:پرائمری|ہائی|سیکنڈری|جونیئر|گرامر|প্রাইমারি|প্রাইমারী|হাই|"
    r"সেকেন্ডারি|ਪ੍ਰਾਇਮਰੀ|ਹਾਈ)\s+(?:اسکول|سکول|স্কুল|ਸਕੂਲ)"
    rf"|(?<![\u0600-\u06ff])(?:مدرسة|مدرسه|ثانوية|روضة)\s+(?:سانت\s+)?{_SCRIPT_WORD}(?:\s+(?:الابتدائية|الإبتدائية|الثانوية|الإعدادية|الاعدادية|"
    r"المتوسطة|للبنات|للبنين))?")


def _script_schools(text: str) -> Iterator[Span]:
    for match in _SCRIPT_SCHOOL.finditer(text):
        start = match.start()
        if match.group("named"):
            # The name is the run of words before the kind that are no everyday words ("میرا بیٹا").
            words = list(re.finditer(r"\S+", match.group("named")))
            kept = [w for w in words if key(w.group()) in SCRIPT_WORDS or key(w.group()) in SCRIPT_RELATIONS]
            if kept:
                start = match.start("named") + kept[-1].end() + 1
        elif match.group().split()[1].startswith("ال") and len(match.group().split()) == 2:
            continue  # "مدرسة الحي" a neighbourhood school, no name
        yield start, match.end()


# A mosque or gurdwara by its name: "مسجد النور" (Arabic and Urdu put the name after the kind), "ਗੁਰੂ ਨਾਨਕ
# ਗੁਰਦੁਆਰਾ", "বায়তুল আমান মসজিদ" (Gurmukhi and Bengali before it). "مسجد میں" (in the mosque) names none.
_SCRIPT_WORSHIP = lazy_re(
    rf"(?<![\u0600-\u06ff])(?:مسجد|مسجدِ)\s+(?P<after>{_SCRIPT_WORD})"
    rf"|(?P<named>(?:{_SCRIPT_WORD}\s+){{1,3}})(?:ਗੁਰਦੁਆਰਾ|ਗੁਰਦੁਆਰੇ|ਗੁਰਦਵਾਰਾ|ਮਸਜਿਦ|ਮੰਦਰ|মসজিদ|মন্দির|গুরুদুয়ারা|گوردوارہ|گوردوارے)(?:ে|এ)?"
    r"(?![\u0980-\u09ff\u0a00-\u0a7f\u0600-\u06ff])")
_ARABIC_FUNCTION_WORDS = frozenset("في من إلى الى على مع عن هو هي کے کی کا میں سے پر تک کو".split())


def _script_worship(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _SCRIPT_WORSHIP.finditer(text):
        if match.group("after") is not None:
            k = key(match.group("after"))
            if k.startswith("ال") or not (k in SCRIPT_WORDS or k in _ARABIC_FUNCTION_WORDS or k in lex.foreign_words
                                          or k in _SCRIPT_NOT_PLACE):
                yield match.span()
            continue
        words = list(re.finditer(r"\S+", match.group("named")))
        everyday = [w for w in words if _everyday_script_word(w.group())]
        naming = words[words.index(everyday[-1]) + 1:] if everyday else words
        if any(key(w.group()) not in lex.foreign_words for w in naming):
            yield match.start("named") + naming[0].start(), match.end()


def _everyday_script_word(word: str) -> bool:
    k = key(word)
    return k in SCRIPT_WORDS or k in SCRIPT_RELATIONS or k in _SCRIPT_NOT_PLACE or k in _SCRIPT_WEEKDAYS


# "every Sunday at the gurdwara" names no gurdwara: days of the week in Gurmukhi, Urdu and Bengali.
_SCRIPT_WEEKDAYS = frozenset("""ਐਤਵਾਰ ਸੋਮਵਾਰ ਮੰਗਲਵਾਰ ਬੁੱਧਵਾਰ ਵੀਰਵਾਰ ਸ਼ੁੱਕਰਵਾਰ ਸ਼ਨੀਵਾਰ ਐਤਵਾਰੀ
    اتوار پیر منگل بدھ جمعرات جمعہ ہفتہ ہفتے রবিবার সোমবার মঙ্গলবার বুধবার বৃহস্পতিবার শুক্রবার শনিবার
    রোজ প্রতি""".split())


def _script_places(text: str) -> Iterator[Span]:
    if text.isascii():
        return
    lex = lexicon()
    yield from _script_schools(text)
    yield from _script_worship(text, lex)
    for match in _SCRIPT_SAINT.finditer(text):
        yield match.span()
    for match in _SCRIPT_AREA.finditer(text):
        if _script_place_word(match.group("place")) and not lex.is_first_name(key(match.group("place"))):
            yield match.span("place")
    for match in _SCRIPT_OF_PLACE.finditer(text):
        if _script_place_word(match.group("place")) and not lex.is_first_name(key(match.group("place"))):
            yield match.span("place")
    for match in _SCRIPT_PLACE.finditer(text):
        words = list(re.finditer(r"\S+", match.group("place")))
        # The word before "in" or "from" names the place unless it is an everyday word ("گھر میں" at home);
        # the word before it joins ("ہیلی فیکس", "টাওয়ার হ্যামলেটসে") unless it is one too ("میں", "وہ", "بیٹا").
        if len(words) == 2 and not _script_place_word(words[0].group()) and key(words[0].group()) in SCRIPT_RELATIONS:
            continue  # "মেয়ে ফারহানা স্কুলে": a name after a relation, for names.py
        if _script_place_word(words[-1].group()):
            first = words[0] if len(words) == 2 and _script_place_word(words[0].group()) else words[-1]
            if not _frequent_words(text[match.start("place") + first.start():match.end("place")], lex):
                yield match.start("place") + first.start(), match.start("place") + words[-1].end()
    for match in _PERSIAN_PLACE.finditer(text):
        place = match.group("place")
        if _script_place_word(place) and not _frequent_words(place, lex) and not lex.is_first_name(key(place)):
            yield match.span("place")
    for match in _han_towns().finditer(text):
        yield match.span()  # "我住在曼彻斯特" (I live in Manchester)
    for match in _HAN_SCHOOL.finditer(text):
        yield match.span(match.lastgroup)
    for match in _HAN_EATERY.finditer(text):
        yield match.span("place")
    yield from _gujarati_towns(text, lex)
    yield from _cyrillic_places(text)
    for match in _TAMIL_SCHOOL.finditer(text):
        word = key(match.group("place"))
        # "ஆரம்பப் பள்ளி" (primary school): a Tamil word doubles the "p" of "school" onto its end; a name does not.
        if word not in lex.foreign_words and not lex.is_first_name(word) and word not in SCRIPT_RELATIONS \
                and not word.endswith("ப்"):
            yield match.span("place")
    for word in re.finditer(_SCRIPT_WORD, text):
        if _listed_script_place(word.group(), lex):
            yield word.span()
    # Every word with the next, overlapping: "আমি টাওয়ার হ্যামলেটস-এ থাকি" is no pair from "আমি".
    for pair in _SCRIPT_PAIR.finditer(text):
        if _listed_script_place(pair.group(1), lex):
            yield pair.span(1)


# Two words of another script, starting at every word (never inside one): lookahead, so pairs overlap.
_SCRIPT_PAIR = lazy_re(rf"(?<![{_SCRIPT_LETTERS}])(?=({_SCRIPT_WORD}\s+{_SCRIPT_WORD}))")


# A school by its name in Chinese, after "at", "to" or "study at": "在圣约翰小学上学" (at St John's Primary).
# Not "这个学校" (this school): a name starts with no pronoun or number, and has no "的" ("孩子的學校", the child's
# school). In traditional characters too, and a school named for a saint wherever it stands ("學校聖瑪利小學門口", at
# the gate of St Mary's Primary; round 39), not Christmas ("圣诞节").
_HAN_SCHOOL_KIND = r"(?:小学|小學|中学|中學|学校|學校|幼儿园|幼兒園|幼稚园|幼稚園|学院|學院)"
_HAN_NAME_CHAR = r"(?:(?!的)[\u4e00-\u9fff])"
_HAN_SCHOOL = lazy_re(
    rf"(?:在|去|到|读|讀|上)(?P<place>(?![这那這我你他她一]){_HAN_NAME_CHAR}{{2,6}}?{_HAN_SCHOOL_KIND})"
    rf"|(?P<saint>[圣聖](?![诞誕]){_HAN_NAME_CHAR}{{1,5}}?{_HAN_SCHOOL_KIND})")


# A restaurant, takeaway or shop by its name in Chinese, after "the ... of" or "at", "in", "to": "我工作的金龙酒家" (the
# Golden Dragon restaurant where I work), "在好运超市" (round 40). Not "这家饭店" (this restaurant), "中餐馆" alone.
_HAN_EATERY_KIND = (r"(?:酒家|酒楼|酒樓|饭店|飯店|餐厅|餐廳|餐馆|餐館|茶餐厅|茶餐廳|外卖店|外賣店|"
                    r"超市|商店|美发店|美髮店|美甲店)")
_HAN_EATERY = lazy_re(
    rf"(?:的|在|去|到|从|從)(?P<place>(?![这那這我你他她一家间間个個]){_HAN_NAME_CHAR}{{2,4}}?{_HAN_EATERY_KIND})")


# Gujarati, which no gazetteer writes: a town as Devanagari writes it, letter for letter in Gujarati's block
# ("લેસ્ટર" is "लेस्टर", Leicester), alone, of two words, or with an ending joined ("વેમ્બલીમાં", in Wembley; the
# ending stays) (round 40).
_GUJARATI_WORD = lazy_re(r"[\u0a80-\u0aff]+")
_GUJARATI_PAIR = lazy_re(r"(?<![\u0a80-\u0aff])(?=([\u0a80-\u0aff]+\s+[\u0a80-\u0aff]+))")
_GUJARATI_PLACE_ENDINGS = ("માંથી", "માં", "થી", "નું", "ની", "ના", "નો", "ને", "એ")


def _as_devanagari(word: str) -> str:
    return "".join(chr(ord(c) - 0x180) if "\u0a80" <= c <= "\u0aff" else c for c in word)


def _gujarati_towns(text: str, lex: Lexicon) -> Iterator[Span]:
    if not _GUJARATI_WORD.search(text):
        return
    spans = [m.span() for m in _GUJARATI_WORD.finditer(text)]
    spans += [m.span(1) for m in _GUJARATI_PAIR.finditer(text)]
    for start, end in spans:
        word = text[start:end]
        if key(_as_devanagari(word)) in lex.script_towns:
            yield start, end
            continue
        for ending in _GUJARATI_PLACE_ENDINGS:
            if word.endswith(ending) and key(_as_devanagari(word[:-len(ending)])) in lex.script_towns:
                yield start, end - len(ending)
                break


# Russian and Ukrainian write common nouns in lower case: a capitalised word after "in", "from", "to", "near"
# ("в Питерборо", "з Лідса", "до Лондона") is a place, unless a country ("в Англии") or an app ("в Телеграмі"), or an
# organisation's first word, an adjective ("в Женский центр") (round 40).
_CYRILLIC_PLACE = lazy_regex(
    r"(?<![\p{L}\p{M}'’-])(?i:в|во|из|изо|з|із|зі|до|под|около|возле|біля|поблизу)\s+"
    r"(?P<place>\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*(?:\s+\p{Lu}[\p{Ll}\p{M}'’]+)?)")


def _cyrillic_places(text: str) -> Iterator[Span]:
    for match in _CYRILLIC_PLACE.finditer(text):
        place = match.group("place")
        if "\u0400" <= place[0] <= "\u04ff" and not CYRILLIC_NOT_NAMES.match(key(place)) \
                and not cyrillic_adjective_before_noun(text, match.start("place"), match.end("place")):
            yield match.span("place")


# A school by its name in Tamil, the word before "school" with its ending ("ஓக்ஃபீல்ட் பள்ளியில்", at Oakfield school)
# when it is no frequent Tamil word ("அரசு பள்ளி", a state school) (round 40).
_TAMIL_SCHOOL = lazy_re(r"(?<![\u0b80-\u0bff])(?P<place>[\u0b80-\u0bff]{3,})\s+பள்ளி[\u0b80-\u0bff]*")


@cache
def _han_towns() -> re.Pattern[str]:
    """The listed places in Chinese characters, longest first: Chinese has no spaces to find words by."""
    towns = sorted((town for town in lexicon().script_towns if "\u4e00" <= town[0] <= "\u9fff"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, towns)))


def _script_place_word(word: str) -> bool:
    k = key(word)
    # A relation is a person's: "আমার মেয়ে ফারহানা স্কুলে যায়" (my daughter goes to school), "আমার ছেলের স্কুল".
    if k in SCRIPT_RELATIONS or any(k.endswith(ending) and k[:-len(ending)] in SCRIPT_RELATIONS
                                    for ending in ("ের", "র", "কে", "ے", "ی")):
        return False
    return k not in _SCRIPT_NOT_PLACE and k not in SCRIPT_WORDS and k not in SCRIPT_CALENDAR \
        and not _bengali_everyday_with_ending(k)


# Bengali case endings on an everyday noun, with the plural genitive of people ("-দের", of the children).
_BENGALI_NOUN_ENDINGS = ("দের", "েরা", "রা", "ের", "র", "কে", "তে", "ে")


def _bengali_everyday_with_ending(k: str) -> bool:
    """"আমার বাচ্চাদের স্কুলে" (to my children's school): an everyday word with a case ending names no place
    (round 38); a town with one still does ("ওল্ডহ্যামের"), its stem being no everyday word."""
    return any(k.endswith(ending) and len(k) - len(ending) > 1
               and (k[:-len(ending)] in SCRIPT_WORDS or k[:-len(ending)] in _SCRIPT_NOT_PLACE)
               for ending in _BENGALI_NOUN_ENDINGS if "\u0980" <= k[:1] <= "\u09ff")


def _frequent_words(words: str, lex: Lexicon) -> bool:
    """Only everyday words of the language, none a listed place: "مسجد کمیٹی میں" (in the mosque committee),
    "خوف میں رہتی ہوں" (I live in fear). (Gurmukhi has no list of frequent words; Bengali's holds the district
    towns of Sylhet, "সুনামগঞ্জ থেকে এসেছি", so one Bengali word is never vetoed.)"""
    split = words.split()
    if len(split) == 1 and "\u0980" <= words[:1] <= "\u09ff":
        return False
    return all(key(word) in lex.foreign_words and not _listed_script_place(word, lex) for word in split)


def _listed_script_place(word: str, lex: Lexicon) -> bool:
    k = key(word)
    if k in lex.script_towns:
        return True
    if any(k.endswith(ending) and k[:-len(ending)] in lex.script_towns for ending in _BENGALI_PLACE_ENDINGS):
        return True
    if _tamil_place_with_ending(k, lex):
        return True
    if _GEEZ_WORD.fullmatch(k) and len(k) >= _GEEZ_SKELETON_LENGTH and _geez_skeleton(k) in _geez_town_skeletons():
        return True  # "ሼፊልድ" as "ሸፊልድ" (Sheffield): Ge'ez writes a foreign town's vowels either way (round 41)
    if _ARABIC_TOWN_END.search(k) and k not in lex.foreign_words:
        return True  # "غرانجتاون" (Grangetown), "بوتتاون": a town's "-town" written onto its name (round 39)
    # Arabic joins "to", "in", "and", "so", "like" and "the" to the word: "لبرمنغهام" (to Birmingham), "وبرادفورد";
    # not a frequent word that only looks so ("المشهد" the scene, Urdu "لکھنا" to write).
    return k[:1] in _ARABIC_PREFIX_LETTERS and k not in lex.foreign_words and any(
        k.startswith(prefix) and len(k) - len(prefix) > 3 and k[len(prefix):] in lex.script_towns
        for prefix in _ARABIC_PREFIXES)


# A Ge'ez syllable is its consonant and a vowel, eight to a row of the block; a town spelt with other vowels has the
# same consonants. Only words of four syllables or more, which no everyday word shares with a town.
_GEEZ_WORD = lazy_re(r"[\u1200-\u135a]+")
_GEEZ_SKELETON_LENGTH = 4


def _geez_skeleton(word: str) -> tuple[int, ...]:
    return tuple((ord(c) - 0x1200) // 8 for c in word)


@cache
def _geez_town_skeletons() -> frozenset[tuple[int, ...]]:
    return frozenset(_geez_skeleton(town) for town in lexicon().script_towns
                     if _GEEZ_WORD.fullmatch(town) and len(town) >= _GEEZ_SKELETON_LENGTH)


# English "-town" as Arabic and Persian join it to a place's name: "غرانجتاون", "جورجتاون".
_ARABIC_TOWN_END = lazy_re(r"^[\u0621-\u064a\u067e-\u06cc]{3,}(?:تاون|تاؤن)$")


# Tamil endings of place: in ("-இல்"), from ("-இலிருந்து"), to ("-உக்கு", "-இற்கு"), of ("-இன்"). After a final
# consonant its mark "்" gives way to the ending's vowel ("லண்டன்" -> "லண்டனில்"); after a vowel a glide comes between
# ("ஹாரோவில்", in Harrow) (round 38).
_TAMIL_PLACE_ENDINGS = ("ிலிருந்து", "ில்", "ுக்கு", "ிற்கு", "ின்")


def _tamil_place_with_ending(k: str, lex: Lexicon) -> bool:
    if not "\u0b80" <= k[:1] <= "\u0bff":
        return False
    for ending in _TAMIL_PLACE_ENDINGS:
        if k.endswith(ending) and len(k) > len(ending) + 1:
            stem = k[:-len(ending)]
            if stem + "்" in lex.script_towns or (stem.endswith(("வ", "ய")) and stem[:-1] in lex.script_towns):
                return True
    return False


_ARABIC_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_ARABIC_PREFIX_LETTERS = frozenset("وفبلكا")


_HOSPITAL_WORDS = frozenset("hospital infirmary station airport university prison police magistrates magistrates' "
                            "court courts crown county coroners coroner's".split())


def _hospital_after(text: str, end: int) -> bool:
    """'Rampton Prison', 'Accrington station': the word before a public building is no town or street on its
    own (a named hospital is found whole by _public_buildings)."""
    after = text[end:end + 20].split()
    return bool(after) and key(after[0].strip(".,;:!?")) in _HOSPITAL_WORDS


def _towns(text: str) -> Iterator[Span]:
    lex = lexicon()
    for match in _TOWN.finditer(text):
        word = key(match.group("town"))
        if word in STOPWORDS or lex.is_ordinary(word) or lex.is_first_name(word) or lex.is_ambiguous(word):
            continue
        if lex.is_surname(word) or word in lex.places or _hospital_after(text, match.end("town")) \
                or re.match(r"\s+(?:bus|coach|train|tram)\s+station\b", text[match.end("town"):], re.I):
            continue  # "from Kelmore bus station"
        yield match.span("town")
    for match in _SUFFIXED_TOWN.finditer(text):
        if key(match.group("town")) in lex.towns:
            yield match.span("town")


# A listed town with a Turkish case ending after an apostrophe: "Enfield'deki belediye", "Luton'da".
_SUFFIXED_TOWN = lazy_re(rf"(?<![\w'’])(?P<town>[A-Z][a-z]+){TURKISH_CASE_ENDING}")


# Street types no public building takes: a town or service word before one still names a street.
_RESIDENTIAL = ("Street", "Road", "Avenue", "Lane", "Close", "Drive", "Way", "Crescent", "Terrace", "Grove", "Mews")


def _streets(text: str) -> Iterator[Span]:
    keep = lexicon().keep
    for match in _STREET_NAMED.finditer(text):
        words = [key(word).rstrip("'’") for word in match.group("street").split()[:-1]]
        # A town or service word names a street too ("Moss Lane", "Bolton Road") when the street
        # follows a word that places someone ("on", "behind"); not a court or park ("Crown Court",
        # "the Magistrates' Court").
        residential = match.group("street").endswith(_RESIDENTIAL + _RESIDENTIAL_ABBREVIATIONS)
        public = bool(set(words) & _PUBLIC_VENUE_WORDS)
        if _hospital_after(text, match.end("street")):
            continue  # "Oxford Road station"; "Stepping Hill Hospital" is found whole by _public_buildings
        if not set(words) & _GENERIC_STREETS and (residential or not (public or all(word in keep for word in words))):
            yield match.span("street")
    for match in _STREET_ANYWHERE.finditer(text):
        words = [key(word) for word in match.group("street").split()[:-1]]
        start = match.start("street")
        if words[0] in STOPWORDS:  # "The Station Road refuge": the street starts after "The"
            start += len(match.group("street").split()[0]) + 1
            words = words[1:]
        elif _foreign_verb_before_street(text, start, match.group("street")) != start:
            # "Gyvenau Lincoln Road" (I lived on Lincoln Road): the street after the verb, whatever its name.
            yield start + len(match.group("street").split()[0]) + 1, match.end("street")
            continue
        if words and not set(words) & _GENERIC_STREETS and not all(word in keep or word in STOPWORDS
                                                                  for word in words) \
                and not _hospital_after(text, match.end("street")):
            yield start, match.end("street")
    for match in _STREET_WELSH.finditer(text):
        yield match.span("street")


def _schools(text: str) -> Iterator[Span]:
    lex = lexicon()
    for match in _SCHOOL.finditer(text):
        words = [key(word).rstrip("'’s") for word in re.findall(r"[\w'’]+", match.group("school"))]
        naming = [word for word in words if word not in _GENERIC_SCHOOL_WORDS]
        # A school named for its town is one place too ("Bradford College"); one named for a service is not.
        if naming and not all(word in lex.keep and word not in lex.towns for word in naming):
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


# Employers of thousands, in many places: working for one tells no one where.
_PUBLIC_EMPLOYERS = frozenset("""nhs police council army navy raf government civil jobcentre dwp hmrc probation prison
    prisons royal mail post office amazon uber deliveroo hospital university college school station airport
    national county city borough a&e mash cafcass cps""".split())


# Workplaces shared by thousands that the policy keeps ("a porter at the station"); a hospital by its name is
# found whole by _public_buildings ("a nurse at Wythenshawe Hospital").
_PUBLIC_WORKPLACES = frozenset("hospital hospitals infirmary royal general station airport university prison police "
                               "council jobcentre hmrc dwp nhs".split())
# A chain in lower case after a work word: "works at kfc", "a cashier at tesco".
_LOWER_CHAIN = lazy_re(r"\b(?:at|for)\s+(?:the\s+)?(?P<chain>[a-z][a-z'’&-]+)(?![\w'’])")
_CALENDAR_WORDS = frozenset("""january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday christmas easter weekends night nights home""".split())


# A shopping centre or market by its name: "the Trafford Centre", "Kirkgate Market", "Meadowhall Retail Park".
_MALL_KINDS = frozenset("centre park market arcade mall precinct".split())


def _names_a_branch(where: list[str], lex: Lexicon) -> bool:
    """"Asda in Hunslet", "Costa in the Trafford Centre"; not "Asda in the Morning"."""
    words = [key(word) for word in where]
    if len(words) == 2 and words[1] in _MALL_KINDS and words[0] not in _CALENDAR_WORDS:
        return True
    return not all(lex.is_ordinary(word) for word in words)


def _workplaces(text: str) -> Iterator[Span]:
    lex = lexicon()
    for match in _LOWER_CHAIN.finditer(text):
        k = key(match.group("chain"))
        if (k in lex.keep and k not in _PUBLIC_EMPLOYERS and k not in _SERVICE_WORDS and k not in STOPWORDS
                and k not in _CALENDAR_WORDS and k not in lex.places and not lex.is_ambiguous(k)
                and _WORK_BEFORE.search(text, max(0, match.start("chain") - 40), match.start("chain"))):
            yield match.span("chain")
    for match in _CAPITALISED_RUN.finditer(text):
        if not (_WORK_BEFORE.search(text, max(0, match.start() - 40), match.start())
                or _WORK_AFTER.match(text, match.end())):
            continue
        # A chain's branch is a workplace even though the chain is a keep word: "Asda in Hunslet".
        branch = _BRANCH_PLACE.match(text, match.end())
        if branch and _names_a_branch(branch.group("where").split(), lex):
            yield match.start(), branch.end()
            continue
        words = [key(word) for word in match.group().split()]
        if words[-1] in _PUBLIC_WORKPLACES:
            continue  # stations and prisons are kept; a named hospital is _public_buildings
        # A chain is a workplace too ("works at Asda", "at the Nissan plant"); a public body is not
        # one place ("works for the NHS", "works at the council").
        public = "".join(words) in _PUBLIC_EMPLOYERS  # "the Job Centre" is the jobcentre
        if not public and not all(word in _PUBLIC_EMPLOYERS or word in _SERVICE_WORDS or word in STOPWORDS
                                  for word in words):
            yield match.span()
