"""Redact identifying details from survivors' free text before it is stored.

``redact(text)`` replaces people's names, phone numbers, emails, social media
handles, postal addresses, places, postcodes, specific dates, vehicle
registrations, links and long reference numbers with a label in brackets:

| label | what |
|---|---|
| ``[name]`` | a person's name or nickname, in any script (``names.py``) |
| ``[phone]`` | a phone number of any country (public helplines are kept) |
| ``[email]`` | an email address, also spoken ("sarah dot k at gmail dot com") |
| ``[handle]`` | a social media handle, with or without "@" ("on snap as dazzaboy_99") |
| ``[link]`` | a web address (public service sites are kept) |
| ``[address]`` | a house or flat number with its street, in English, Welsh, Polish or Romanian |
| ``[place]`` | a street, school, GP surgery, workplace, estate, named refuge, pub, venue or hospital, or a town |
| ``[postcode]`` | a full UK postcode, or a district in context ("LS6 area") |
| ``[date]`` | a specific calendar date, or a month and year of birth |
| ``[vehicle]`` | a vehicle registration |
| ``[number]`` | a reference: crime, CAD, log, case, NHS or NI number, a code ("FD24P00567", "II K 123/24") |

Policy decisions (see PRODUCT.md section 2):

- Dates: every specific calendar date (a day with a month, with or without a
  year) is redacted, not only dates of birth: any exact date can tie a
  response to an incident or a person. That is every shape ("3rd March",
  "March 3rd 1985", "12.03.85", "03/04/1985", "2024-05-13", "the twelfth of
  March", "14th-15th June", "Christmas Day 2019") and the month names of Welsh,
  Polish, Romanian, Urdu, Bengali and Gurmukhi ("3 Mawrth", "5ed o Fehefin",
  "12 marca 2023", "5 martie", "১২ মার্চ"). A day of the month written as an
  ordinal where it names a day is a date too, the month being the writer's
  ("on the 14th", "Tuesday the 9th", "Monday 18th", "incident 0456 of 12th"):
  only the ordinal is replaced ("on the [date]"), and an ordinal that counts
  stays ("the 2nd floor", "the 3rd time", "the 1st and 15th of each month").
  A day and month without a year is a date in slashes anywhere ("12/03") and with a dot after
  "on" and its Polish, Romanian and Welsh words ("on 03.04", "dnia 5.06", "pe 17.07"), where a
  time has minutes that are no month ("on 9.30"); so is the day of a police log ("log 678 of
  3/4"). Two digits after a day and month are its year ("4 Jan 23"); a year alone is no date,
  even a birth year ("born in 85", "born in 1985"): it narrows no one down to a person.
  Months, years, month-and-year, days of the week, feasts without a year and
  relative phrases ("last week", "in March 2019", "on Christmas Day") stay,
  except a month-and-year after "born"/"DOB", which is a date of birth. A range
  of days is one date ("From [date] I stayed...").
- Public service numbers identify nobody and are kept: 999, 101, 111, 112,
  the Silent Solution 55, Samaritans 116 123, Childline and the national
  helplines of the support directory. Public service web sites (gov.uk,
  nhs.uk, police.uk and the national charities) are kept too, and so are
  stations, courts and services ("Victoria station", "IDVA Service", "NHS", "Citizens Advice").
- Towns: a town, village or city where someone lives, works or comes from
  ("near Accrington", "born in Lahore", "the Tesco in Bury", "Wigan is where he
  grew up", "moved to rochdale", "w Manchesterze", "din Oldham") is ``[place]``,
  in any case and after any word: a small town can identify someone, and the rule
  is the same for every town. A local service's town goes and the service stays
  ("[place] police", "[place] Crown Court", round 35); a station or a national
  service stays ("Accrington bus station", "Citizens Advice in" keeps "Citizens
  Advice"). In lower case, a town that is also an English word ("bath", "bury")
  needs a capital or a cue only a town takes ("court at bury").
- A prison by its name ("HMP Kelsford", "HMYOI Brinlow") is ``[place]`` (round 15): it tells where one
  person, often the abuser, is held and will come out.
- Postcodes: any full postcode shape is ``[postcode]``, whatever its area, so an invented or
  mistyped area ("KL4 9RT", "kl49rt") goes too; a capitalised word just before one is its town.
- A place found inside a capitalised run takes the rest of the run ("Kelsford Homes", "Pelham Road
  Women's Refuge"), unless the run names a service or public building ("Leeds Women's Aid").
- Romanised Bengali, Urdu and Panjabi ("Amar shami amake marto"): in an answer with two or more of their
  everyday words (``romanised_words.txt``), those words are no names, and kinship words stay outside.
- Named refuges, GP surgeries, family centres, care homes, pubs and venues are
  ``[place]`` whatever words name them ("Hope House", "the Golden Lion", "Ridgeway
  Surgery"): a refuge's name tells where someone stays. A venue's generic name
  stays ("the family centre", "my GP surgery", "Crown Court").
- Round 16: a centre, nursery, academy, hub or surgery by its own name is ``[place]`` in any case
  ("Sunflower Centre", "little acorns nursery", "Kelsby Women's Centre"), a kind alone stays ("the Rape
  Crisis Centre"), and so does "the Hope Centre" whose words are all English; a hotel chain with its town
  is one place ("Premier Inn in Reading"). Titles of several words in ``keep_words.txt`` ("Coronation
  Street", "Jack Russell", "Freedom Programme"), as written, and a club after "supports" or "plays for"
  are never redacted. No span starts or ends inside a letter with its vowel signs or accents.
- Round 17: an initial after a title or a relation is a name ("Mr K", "his cousin T."); an address may
  start with "number"/"no." ("no. 14 on Elm Grove"), a Scottish flat position ("flat 2/1, 88 Dumbarton
  Road", "3/2 14 Kelvin Street") or name its street by its kind ("18 The Crescent"); a year is no house
  number; Chinese answers lose listed UK places, named schools and pet names after a relation ("我女儿小美").
- Round 18: a name beside its role is a name, even a word ("Dawn the family support worker", "Grace on
  reception", "the lady at housing, carol,"; "Will the court let him..." stays a question), and so is a
  nickname after "goes by", "known as", "knew him as", "nickname is" ("they call him Mad Dog"); East Asian
  names that are words ("Long", "Sang", "Young") only after a relation or before "and his brother" or what a
  person does. Laws named after a person ("Clare's Law", "sarah's law"), Welsh months after "mis"/"fis",
  "Marks and Spencer" and "refuge" written in Urdu, Gurmukhi or Bengali stay; "a Costa in Bolton" loses the
  town only ("the Tesco in Bury" is one workplace); "the Harbour Centre" after "at", "into" or "to" is a place,
  and so is a pub named with a public building's word ("the Crown and Anchor").
- Round 19 (issue 12, two independent reviewers): a local public building by its own name locates a person and
  is ``[place]``, the whole name: a hospital or infirmary ("St Helier Hospital", "Leeds General Infirmary",
  "the Royal Gwent"), a town hall, library, jobcentre, civic or leisure centre ("Ashton Town Hall", "Leigh
  Library", "Bolton Jobcentre"). The kind alone stays ("the hospital", "A&E", "the General Hospital", "the
  Royal", "the library", "Jobcentre Plus", "the walk in centre"), and so does a ward number ("Ward 7": many
  hospitals have one). Contractions typed without an apostrophe ("theres", "hes", "wont") are never names;
  "Dr" with its capital makes the next capitalised word a name even when it is a word ("Dr Whitfield"); a
  word after Urdu, Panjabi or Bengali "any", "some" or "every" ("کوئی نور", no light) is no name, nor "ہیلپ
  لائن" (helpline); "vitória" (victory) is a name only with a name's context.
- Round 20: a town before "refuge" is a place ("Stockport refuge": where she stays); a hospital by its town alone
  or its founder's name ("the Northern General", "Leeds General", "salford royal", "Addenbrooke's", "Queen
  Elizabeth's") and a named hospital, library or town hall in lower case ("wythenshawe hospital") are ``[place]``;
  a shop in a named shopping centre is one place ("Costa in the Trafford Centre"); a pub in lower case ("at the
  red lion", "down the kings arms"); a place named for someone by the land's shape ("Robin Hood's Bay"); a flat
  number in the Scottish form is an address before any date ("on 3/4 Station Road"). A verb opening a sentence
  names no venue ("Leaving Hospital was hard", "Moving House"). Surnames that are words after a first name or a
  title ("Darren Law", "Mr Law"); a modal opening a question is no first name ("Will [name] be there?"); a
  nickname in quotes after a relation ('my ex "Tank"'); lower-case names after "of", "left", "married", kin said
  as a title ("nana joy"), between commas, after slang relations ("boyf", "bae", "baby father"), family names that
  are no word of any list ("nguyen hit me"); names after a relation in Vietnamese ("Chồng tôi là Hùng"). Everyday
  Portuguese, Polish and Romanian words that are names elsewhere ("dia", "sem", "sair") and Welsh "Mae" (is)
  before a name are names only with a name's context; a court by its town stays ("Manchester Civil Justice
  Centre").
- Round 21 (issue 12 part 2): a first name's initial is part of the name, with its dot unless the dot ends the
  sentence ("Sarah P from outreach", "Wiktoria N. was"); after a relation and a first name, the family name
  even when it is a word ("my ex Gary Whitfield"); a word-name opening a sentence before a role or the service
  or team where the person works ("Will at the jobcentre", "May in the housing team", "Sunny the interpreter");
  a capitalised nickname after a relation before what a person does ("his mate Tank came round"); a lower-case
  word that is no English word before a service ("caz from the recovery cafe"); a word-name before "'s" and a
  relative ("Dean's mum"). A home named "The <plural>" after "at" ("The Willows"), a farm by its name, a
  church by its saint in any case ("St Mary's church"), Welsh "Rhes", "Teras", "Cwrt", "Llwybr" streets, and a
  mosque or gurdwara by its name in Arabic, Urdu, Gurmukhi or Bengali are places; a word after an Urdu,
  Panjabi or Bengali title ("ڈاکٹر ملک") and "بی بی" after a name are the name.
- Round 33 (other scripts): after a title in Urdu, Bengali, Gurmukhi, Devanagari, Arabic or Persian ("پی سی",
  "মিস", "ਪੀਸੀ", "डॉक्टर", "الدكتور", "خانم") the next word, and the one after it unless it is an everyday word, is
  the name ("پی سی [name]"). A listed name that is an everyday word of its script ("نور" light, "أمل" hope, "मन" mind,
  "بهار" spring) is a name only with a person's cue (a relation or title before it, "ने"/"نے"/"ਨੇ" or an
  honorific after it); days, months and feasts in those scripts never are, nor a committee or a solicitor before
  "ਨੇ". Towns in Devanagari and Persian spellings, with an Arabic prefix ("لبرمنغهام") or a Bengali genitive, and
  dates of the Persian solar calendar after a day ("۱۸ آبان") are redacted.
- Round 35 (other languages): first names that are everyday words ("Kalina" viburnum, "Aydın" bright, "Omid"
  hope, "Barwaaqo" prosperity) are names only with a person's cue, and not after "but" or after "and" beside a word
  ("Fé e Esperança"); a name is a word before a feast's word ("Ramazan Bayramı"), as a devotion before "do"
  ("Simran karna") or before Somali "I am not" ("Hodan ma ihi"); feasts typed in English letters ("Pohela Boishakh",
  "Yalda"), Welsh days, countries as their languages write them ("Türkiye'de") and God ("Alle") never are, nor
  everyday Turkish, Spanish and Portuguese words that name lists hold ("Kocam beni dövdü", "hasta", "durante"), nor
  romanised Bengali, Arabic or Persian words ("amare jaiga dise", "Bil Eid"). A name takes a South Asian honorific
  after it ("Bally veer"), a naming word of another language before it ("al que llaman [name]"), a Lithuanian genitive
  before kin ("[name] mama"); a Bengali or Somali case ending after a hyphen stays outside ("[name]-er"); "أبو" or
  "أم" with a name is one name. A house number after its street is an address ("na [address] w [place]"); a hospital
  or school named after a foreign kind is a place without the kind ("no hospital [place]", "școala [place]",
  "مدرسة [place]", "مستشفى [place]"); a town before an Arabic comma is found ("کلانتری [place]،").
- Round 35 (English, much of it typed in lower case): a local service's town is a place and the service stays, in
  any case and even when the town is also a word ("[place] police", "[place] council", "[place] Crown Court", "sale
  police station" -> "[place] police station", "leeds general" -> "[place] general"): every stranger since round
  32 marked it so, and it says where the writer lives; a regional force ("Greater Manchester Police") and a station
  stay. A town that is also a word where only a town stands ("court at bury", "magistrates in stoke", "moved from
  reading to"); local authority districts no town names ("kirklees"), "mcr" and "brum". Police ranks in lower case
  before a family name ("pc dunne", "dc r jones"; not "my pc", "pc games"); lower-case streets by their short forms
  ("albert rd"); a word that is also a name where only a person stands ("i told will everything", "me and sky
  stayed", "ray next door had to", "social worker precious made me"); and a service with a Somali ending ("GP-ga")
  is no name.
- Round 39 (a stranger's set): a family name after a title that wordfreq holds as a word ("Mrs Lau", Cantonese
  names), "Mr and Mrs" before a family name ("Mr and [name]"), initials after a title's initial ("Ms R.K."), a word as
  family name after a word only a person follows ("about Gary Pemberton"), a word-name praised before "who" ("esp rose
  who"), Portuguese and Spanish short titles ("Sra.", "Dra."); a pub after a part of it ("the car park of the Crown and
  Anchor"), a town before a local group or area even after "the" ("the Kirkby community", "the Leeds area"); Tamil
  dates, a day before the word for "date" ("5 tareekh ko", "5 تاریخ"), a lettered reference with five digits
  ("BHM/H/99321"); a Chinese name spelt by sound before a title ("史密斯警官"), a school named for a saint and a plate
  touching Chinese characters; neighbourhoods in Urdu and Bengali script, "-town" joined in Arabic ("غرانجتاون"). A
  law named after a person without its "'s" ("Clare law") and a Persian word GeoNames holds as a town ("اوست") stay.
- Round 40 (a stranger's set), other languages: Gujarati towns as Devanagari spells them, letter for letter ("લેસ્ટરમાં",
  the ending stays) and "-ben"/"-bhai" joined to a name ("કોકિલાબેન"); a capitalised Russian or Ukrainian word inside a
  sentence, a place after "в", "из", "до" ("в Питерборо") and otherwise a name ("Мій спонсор Гарет"), not a country,
  "You", God, an app or an organisation's adjective ("в Женский центр"); "former" between a relation and the name
  (Sorani "پێشووم", Tigrinya "ነበር"); Arabic "and" joined to a title ("والشرطي جونز"); a Tamil school by its name
  ("ஓக்ஃபீல்ட் பள்ளியில்") and more Tamil first names; a Chinese family name between a role and its title ("社工陈小姐"), a
  restaurant or shop by its name ("工作的金龙酒家"), a handle touching Chinese characters ("微信号是zhangq_1985");
  Persian "استریت" (Street) in an address. English: a hall by its own name ("Nevill Hall"; "Sarah Hall" is a person), a
  university by its town ("Cardiff University", as "Bradford College"), a supermarket's branch ("at Asda Spytty"), the
  last of a list of places even when a word ("Ringland then Bettws then Pill"), a word-name opening a sentence before
  "used to" and a pronoun ("Mark used to go through my phone ... he'd"), lower-case first names before "and their mum";
  a building's word that is a common family name after a title ("Mrs Hall", "Sgt Ward").
- Round 41 (a stranger's set), other languages: Ukrainian and Russian months after a day ("15 березня"); Pashto's own
  letters read as Urdu's ("مانچسټر", "ګل") and a word before "my" and a relation ("X زما خور ده", X is my sister); a
  listed first name before a Gujarati ending of a person ("પ્રિયાએ", the ending stays); a town Ge'ez spells with other
  vowels ("ሼፊልድ"), a word-name before what a person does to "me" ("መሰረት ... ረዳችኝ"); a Welsh hospital by its name
  ("Ysbyty Gwynedd"). English: a word-name followed by its own word ("Will will not"), "'s been my carer", a neighbour
  seeing or hearing ("Bob next door saw"), debt taken out "in my name" with a pronoun after; a relation typed without
  its apostrophe ("my husbands brother") and a word before a family name after a relation ("Paddy Joyce"); "Deal" as
  a town named by a common word, a town that is a word ending an address ("12 the crescent, wool"), a common by its
  name ("Christmas Common"), pubs named for sailors and sportsmen ("the Jolly Sailor").
- Digits of other scripts (Bengali, Urdu, Gurmukhi...) are read as digits, so
  phone numbers, postcodes and dates are found whatever the language.
- Staff names are names: the board sees only redacted quotes.

Patterns compile on first use (``lazy.py``), and ``regex`` and ``phonenumbers`` are imported then:
the web app imports this package when it starts.

Detectors run in a fixed order on a working copy of the text in which each
accepted span is masked, so a later detector never re-reads redacted text and
the result is idempotent. Offsets always refer to the original text.

The writer may put back a word Heard removed that does not identify anyone
(``Redaction.restore``); which ones were put back is for the caller to record.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from analysis.redaction.names import find_names, kept_titles
from analysis.redaction.patterns import (
    dates,
    emails,
    handles,
    links,
    numbers,
    phones,
    postcodes,
    spoken_emails,
    spoken_phones,
    vehicles,
)
from analysis.redaction.places import find_addresses, find_places

KINDS = ("name", "phone", "email", "handle", "address", "place", "postcode", "date", "vehicle", "link", "number")

# Masked characters are neither word characters nor spaces, so later
# detectors see a hard boundary where redacted text was.
_MASK = "\x00"

# Digits of other scripts ("০৭৭০০", "۰۷۷۰۰", "੦੭੭੦੦") read as ASCII digits, one character for
# one, so phone numbers, postcodes and dates are found whatever the language and offsets hold.
_DIGIT_ZEROS = (0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
                0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10)
_ASCII_DIGITS = {zero + n: str(n) for zero in _DIGIT_ZEROS for n in range(10)}

Span = tuple[int, int]


@dataclass(frozen=True)
class Replacement:
    kind: str
    start: int  # offsets in the original text
    end: int
    original: str  # the words replaced: shown to the writer so they can put them back

    @property
    def label(self) -> str:
        return f"[{self.kind}]"


@dataclass(frozen=True)
class Redaction:
    text: str
    replacements: tuple[Replacement, ...]

    @property
    def changed(self) -> bool:
        return bool(self.replacements)

    def restore(self, indexes: Iterable[int]) -> Redaction:
        """The same redaction with the chosen replacements (by index) put back as
        written; the other labels stay, and offsets still refer to the original."""
        chosen = set(indexes)
        if not chosen <= set(range(len(self.replacements))):
            raise IndexError("no such replacement")
        pieces: list[str] = []
        kept: list[Replacement] = []
        for index, (before, replacement) in enumerate(zip(self._between(), self.replacements, strict=False)):
            pieces.append(before)
            if index in chosen:
                pieces.append(replacement.original)
            else:
                pieces.append(replacement.label)
                kept.append(replacement)
        pieces.append(self._between()[-1])
        return Redaction(text="".join(pieces), replacements=tuple(kept))

    def _between(self) -> list[str]:
        """The unredacted stretches of text around the labels (one more than replacements)."""
        stretches, position, previous_end = [], 0, None
        for replacement in self.replacements:
            length = replacement.start - (previous_end if previous_end is not None else 0)
            stretches.append(self.text[position:position + length])
            position += length + len(replacement.label)
            previous_end = replacement.end
        stretches.append(self.text[position:])
        return stretches


# --- assembly ----------------------------------------------------------------------------------

# Order matters: each detector sees the text with earlier findings masked.
_DETECTORS: tuple[tuple[str, Callable[[str], Iterable[Span]]], ...] = (
    ("email", emails),
    ("link", links),
    ("handle", handles),
    ("email", spoken_emails),
    # Before dates: a flat in Scottish form is no day and month ("3/4 Station Road").
    ("address", find_addresses),
    ("date", dates),
    ("phone", phones),
    ("phone", spoken_phones),
    ("postcode", postcodes),
    ("vehicle", vehicles),
    ("number", numbers),
    ("place", find_places),
    ("name", find_names),
)


def _splits_a_letter(text: str, start: int, end: int) -> bool:
    """A span that begins or ends inside a letter with its vowel signs or accents (a grapheme cluster):
    Bengali "মিনিটে" must not lose "নিটে"; a combining mark belongs to the letter before it."""
    def mark(index: int) -> bool:
        return 0 <= index < len(text) and unicodedata.category(text[index]).startswith("M")
    return mark(start) or mark(end) or (mark(start - 1) and text[start].isalpha())


def _joined(spans: Iterable[Span]) -> list[Span]:
    """One detector's overlapping spans as one: "Sarah Street St" and "St Sarah Street" are one place, and
    keeping only the longer left the rest to a second redaction (which must change nothing)."""
    joined: list[Span] = []
    for start, end in sorted(set(spans)):
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


# Kinds whose overlapping finds are one item; two overlapping dates are two readings ("on 4 May 23 people").
_JOINED_KINDS = frozenset({"place"})


def _names_carried_on(spans: Iterable[Span]) -> list[Span]:
    """A name found longest first, carried on over a shorter find that starts inside it and ends after it: "Mrs Khan
    Sarah" and "Sarah Sarah" are one person, and keeping the longer alone left "Sarah" to a second redaction (which
    must change nothing; round 41). A find that starts before it stays out ("pc gareth" beside "gareth jones")."""
    kept: list[Span] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        for index, (kept_start, kept_end) in enumerate(kept):
            if start < kept_end and kept_start < end:
                if kept_start <= start and end > kept_end:
                    kept[index] = (kept_start, end)
                break
        else:
            kept.append((start, end))
    return kept


def _accept(spans: Iterable[Span], occupied: bytearray, text: str) -> list[Span]:
    """Longest spans first; skip any span that overlaps one already accepted or splits a letter."""
    accepted: list[Span] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if end > start and not any(occupied[start:end]) and not _splits_a_letter(text, start, end):
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
    masked = text.replace(_MASK, " ").translate(_ASCII_DIGITS)
    occupied = bytearray(len(text))
    # Titles that look like a street or a name ("Coronation Street", "Jack Russell") are held back first.
    _accept(kept_titles(masked), occupied, text)
    found: list[Replacement] = []
    for kind, detector in _DETECTORS:
        spans = _joined(detector(masked)) if kind in _JOINED_KINDS else detector(masked)
        if kind == "name":
            spans = _names_carried_on(spans)
        accepted = _accept(spans, occupied, text)
        found.extend(Replacement(kind, start, end, text[start:end]) for start, end in accepted)
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
