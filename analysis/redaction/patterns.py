"""Identifiers with a shape: emails, links, social handles, phone numbers, reference
numbers, dates, postcodes and vehicle registrations.

Each detector takes the working text (earlier findings masked) and yields
``(start, end)`` spans; ``analysis.redaction`` decides the order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from analysis.redaction.lazy import lazy_re
from analysis.redaction.lexicon import Lexicon, key, lexicon

Span = tuple[int, int]

# A word character that is no Chinese character: Chinese has no spaces, so a code, handle or address may touch its
# characters and still be one.
_NOT_HAN_WORD = r"[^\W\u3400-\u9fff]"

# --- emails, links -------------------------------------------------------------------------

# Not Chinese characters before the address's name: "我的邮箱是li@qq.com" keeps "我的邮箱是" (round 38).
_EMAIL = lazy_re(rf"(?<![.%+-])(?<!{_NOT_HAN_WORD})(?:{_NOT_HAN_WORD}|[.%+-])+@[\w-]+(?:\.[\w-]+)+")
_EMAIL_SPOKEN = lazy_re(
    r"(?<![\w.])[\w+-]{1,40}(?:\s*(?:\.|\bdot\b)\s*[\w+-]{1,40}){0,3}\s*(?:\(at\)|\[at\]|\bat\b)\s*[\w-]+\s*(?:\.|\(dot\)|\[dot\]|\bdot\b)\s*"
    r"(?:com|co\s*(?:\.|\bdot\b)\s*uk|org|net|uk)\b",
    re.I,
)
# Cheap checks that let most texts skip the costlier link and email patterns.
_TLD_WORD = lazy_re(r"\b(?:com|uk|org|net)\b", re.I)
_LINK_HINT = lazy_re(r"\.[a-z]{2}|@", re.I)
_TLD = r"(?:com|co\.uk|org\.uk|org|net|uk|io|me|ly|info|biz|tv|gov\.uk|nhs\.uk|police\.uk|ac\.uk)"
_URL = lazy_re(
    r"(?:\b(?:https?://|www\.)[^\s<>\"'\x00]+"
    r"|(?<![\w@.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\." + _TLD + r"\b(?:/[^\s<>\"'\x00]*)?)",
    re.I,
)
# Chinese, which has no spaces, runs a handle on from its characters ("用@liqiang_uk在网上", round 38): a Han
# character before "@" is no part of an email's name.
_HANDLE = lazy_re(r"(?:(?<![\w@.\]])|(?<=[\u3400-\u9fff]))@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
_PUBLIC_HOSTS = (
    "gov.uk", "nhs.uk", "police.uk", "refuge.org.uk", "womensaid.org.uk", "nationaldahelpline.org.uk",
    "samaritans.org", "mensadviceline.org.uk", "galop.org.uk", "respectphoneline.org.uk",
    "stalkinghelpline.org", "citizensadvice.org.uk", "victimsupport.org.uk", "safelives.org.uk",
)
_URL_HOST = lazy_re(r"^(?:https?://)?(?:www\.)?([^/:?#]+)", re.I)


def _is_public_link(url: str) -> bool:
    match = _URL_HOST.match(url)
    host = match.group(1).lower() if match else ""
    return any(host == public or host.endswith("." + public) for public in _PUBLIC_HOSTS)


def _strip_trailing_punctuation(start: int, end: int, text: str) -> Span:
    while end > start and text[end - 1] in ".,;:!?)]}'\"":
        end -= 1
    return start, end


def emails(text: str) -> Iterator[Span]:
    for match in _EMAIL.finditer(text):
        yield match.span()


def spoken_emails(text: str) -> Iterator[Span]:
    """"sarah dot k at gmail dot com": run after links so "profile at instagram.com" is a link."""
    if not _TLD_WORD.search(text):
        return
    for match in _EMAIL_SPOKEN.finditer(text):
        yield match.span()


def links(text: str) -> Iterator[Span]:
    if not _LINK_HINT.search(text):
        return
    for match in _URL.finditer(text):
        start, end = _strip_trailing_punctuation(*match.span(), text)
        if end > start and not _is_public_link(text[start:end]):
            yield start, end


# A handle written without "@" after the network's name: "on snap as dazzaboy_99",
# "his insta is jay.b.x", "tiktok: dazza4life".
_NETWORK_HANDLE = lazy_re(
    # Polish and Romanian endings and words for "as": "na facebooku jako marek.z.1985", "pe instagram ca x".
    r"\b(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tiktok|tik tok|fb|facebook|twitter|telegram|kik|discord|"
    r"threads|youtube|twitch|reddit|x)(?:u|ie|ul)?(?:\s+(?:account|name|handle|username|page|profile|id))?"
    r"(?:\s*(?:is|was|as|called|under|jako|ca|:|-|=))+\s*@?(?P<handle>[\w.]{1,30}\w)",
    re.I,
)
# Right after the network's name, a handle with a dot, an underscore or digits: "facebook jamal.uddin.92",
# "snap shaz.b.99", "fb kerry_ann_88" (not "on facebook all night").
_NETWORK_HANDLE_BARE = lazy_re(
    r"\b(?:snap(?:chat)?|insta(?:gram)?|ig|tiktok|tik tok|fb|facebook|twitter|telegram|kik|discord|threads|"
    r"youtube|twitch|reddit)\s+@?(?P<handle>(?=[\w.]*(?:[._]\w|[a-z]\d))[a-z][\w.]{1,30}\w)(?![\w@])",
    re.I,
)
# Anywhere: letters joined to digits or underscores the way usernames are ("dazzaboy_99").
# After a word for a user name, on any network: "his username is x.danny.x", "gamertag: KingKev".
_USERNAME_HANDLE = lazy_re(
    r"\b(?:user ?names?|gamertag|gamer tag|handle|screen ?name|profile name)(?:\s+(?:is|was))?\s*[:=-]?\s*"
    r"@?(?P<handle>[\w.]{2,30}\w)", re.I)
# Also letters joined by dots and ending in a year or digits: "jess.x.o2003".
# Chinese characters touch it without a space ("微信号是zhangq_1985，", my WeChat ID is...; round 40): they are no
# part of it.
_HANDLE_SHAPE = lazy_re(r"(?<![@.])(?<![^\W\u3400-\u9fff])(?=[\w.]*[a-z])"
                        r"(?=[\w.]*(?:_|[a-z]{3}\d{2}|[a-z]\.[a-z][\w.]*\d{2}))"
                        r"[a-z](?:(?![\u3400-\u9fff])[\w.]){3,29}(?<![._])(?![^\W\u3400-\u9fff]|@)",
                           re.I)


_NETWORK_HINT = lazy_re(r"snap|sc\b|insta|ig\b|tik|fb|face|twit|tele|kik|disc|thread|tube|twitch|redd|\bx\b", re.I)
_USERNAME_HINT = lazy_re(r"user ?name|gamer ?tag|handle|screen ?name|profile name", re.I)
_HANDLE_HINT = lazy_re(r"_|[a-z]{3}\d\d|[a-z]\.[a-z][\w.]*\d\d", re.I)


def handles(text: str) -> Iterator[Span]:
    if "@" in text:
        for match in _HANDLE.finditer(text):
            yield match.span()
    ordinary = lexicon()
    if _NETWORK_HINT.search(text):
        yield from _network_handles(text, ordinary)
    for match in _USERNAME_HANDLE.finditer(text) if _USERNAME_HINT.search(text) else ():
        handle = match.group("handle")
        if not handle.isalpha() or not ordinary.is_ordinary(key(handle)):
            yield match.span("handle")
    if not _HANDLE_HINT.search(text):
        return
    for match in _HANDLE_SHAPE.finditer(text):
        letters = match.group().rstrip("0123456789")
        if "_" in letters or "." in letters or not ordinary.is_ordinary(key(letters)):  # not "covid19"
            yield match.span()


def _network_handles(text: str, ordinary: Lexicon) -> Iterator[Span]:
    for match in _NETWORK_HANDLE.finditer(text):
        handle = match.group("handle")
        if len(handle) < 3 and not re.search(r"[._]", handle):
            continue  # "insta: x_y" is a handle, "fb: me" is not
        if handle.isdigit() and text[match.start("handle") - 1:match.start("handle")] == "-":
            continue  # "SC-0098231": a reference joined to its letters, for numbers(), not a Snapchat name
        if _hyphen_compound(text, match.start("handle")) and handle.isalpha():
            continue  # "x-rayed", "x-rays", "snap-happy": one word, not a network and its user (round 38)
        if not handle.isalpha() or not ordinary.is_ordinary(key(handle)):
            yield match.span("handle")
    for match in _NETWORK_HANDLE_BARE.finditer(text):
        yield match.span("handle")


def _hyphen_compound(text: str, handle_start: int) -> bool:
    """A hyphen with a letter on each side and no space joins one word: "x-rayed" is no "x - rayed"."""
    return handle_start >= 2 and text[handle_start - 1] == "-" and text[handle_start - 2].isalpha()


# --- phone numbers and reference numbers -----------------------------------------------------

# A phone number starts with +, 00, 0 or a bracket, then digits with spaces,
# dots, dashes or brackets between them. The digit count is checked after
# matching because it depends on how the number starts.
# Not after "/": "CR/0098765/26" is a reference, not a number starting 00.
# After a letter it may start: "Sarah07700 900123" typed without a space is a
# name and a phone, and once the name is "[name]" the number would be found
# anyway, so redacting twice gives what redacting once did.
_PHONE = lazy_re(r"(?<![\d_+/])(?:\+|\(\+?)?\d[\d ().\-]{6,24}\d\)?")
_PHONE_GROUP = lazy_re(r"\d+")
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


_SEVEN_DIGITS = lazy_re(r"(?:\d\D{0,3}){7}")


def phones(text: str) -> Iterator[Span]:
    if not _SEVEN_DIGITS.search(text):
        return
    yield from _international_phones(text)
    yield from _grouped_mobiles(text)
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


# A number said aloud, as people type what they told a call handler: "oh seven seven double oh nine hundred four
# five six". Nine or more digits in six or more number words ("double" and "triple" repeat the next, "hundred"
# adds two noughts) make a phone number; a count ("one two three") is too short to be one.
_NUMBER_WORD = r"(?:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|triple|treble|hundred)"
_SPOKEN_NUMBER = lazy_re(rf"\b{_NUMBER_WORD}(?:[\s,-]+{_NUMBER_WORD}){{5,}}\b", re.I)
_EXTRA_DIGITS = {"double": 1, "triple": 2, "treble": 2, "hundred": 2}


def _spoken_digits(words: list[str]) -> int:
    return sum(_EXTRA_DIGITS.get(word, 1) for word in words)


def spoken_phones(text: str) -> Iterator[Span]:
    for match in _SPOKEN_NUMBER.finditer(text):
        if _spoken_digits(re.findall(r"[a-z]+", match.group().lower())) >= 9:
            yield match.span()


# A mobile number as Poland and Romania write it, nine digits in threes, after a word for a phone or its number
# ("z numeru 512 345 678", "numărul lui este 745 123 456", "tel. 600-100-200").
_GROUPED_MOBILE = lazy_re(
    r"\b(?:phone|mobile|tel|telefon\w*|kom[oó]rk\w*|numer\w*|num[aă]r\w*|nr|rhif|ffôn|whatsapp|number)\b\W{0,3}"
    r"(?:\w+\W{1,3}){0,3}?(?P<phone>(?<![\d+])\d{3}[ -]\d{3}[ -]\d{3})(?!\d|[ -]\d)", re.I)


def _grouped_mobiles(text: str) -> Iterator[Span]:
    for match in _GROUPED_MOBILE.finditer(text):
        yield match.span("phone")


def _international_phones(text: str) -> Iterator[Span]:
    """Numbers of any country that libphonenumber knows: "+48 512 345 678", "0092 300 1234567"."""
    import phonenumbers  # imported on first use: it costs a sixth of a second at start-up

    for match in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
        # UK numbers are found by the pattern below, which knows reference numbers from phones.
        if not match.raw_string.lstrip("(").startswith(("+", "00")) or text[match.start - 1:match.start] == "/":
            continue
        if _national_digits(match.raw_string) not in _PUBLIC_NUMBERS and len(re.sub(r"\D", "", match.raw_string)) >= 9:
            yield match.start, match.end


_MONEY_BEFORE = lazy_re(r"[£$€]\s*$")
# No sum of money in feedback runs to ten digits: after a currency sign, that many are
# a number that only followed it ("$ 0808 2000 247 07700 900123" hid a mobile).
_MONEY_DIGITS_MAX = 9
# A label stands for a word, so "[" and "]" count as letters beside a number:
# what was glued to a name stays glued to its "[name]" when redacted again.
_LONG_NUMBER = lazy_re(r"(?<![\w£$€.,/:\]])\d(?:[ -]?\d){5,}(?![\w/:\[])")
_REFERENCE = lazy_re(
    r"\b(?:ref(?:erence)?|crime (?:ref(?:erence)?|number|no)|case (?:ref(?:erence)?|number|no)|"
    r"incident(?: (?:number|no|ref(?:erence)?))?|(?:police )?log(?: (?:number|no))?|"
    r"CAD(?: (?:number|no|ref(?:erence)?))?|NI (?:number|no)|national insurance(?: number)?|"
    r"NHS (?:number|no)|occurrence(?: number)?|URN|claim (?:number|no|ref(?:erence)?)|"
    r"(?:housing )?application(?: (?:number|no|ref(?:erence)?))?|tenancy (?:number|no|ref(?:erence)?)|"
    # "case number at court is BL25P00981": a few words may stand between the cue and the number.
    r"account (?:number|no)|CRN|"
    # Polish, Romanian and Welsh: "numer sprawy", "sygn. akt", "numărul dosarului", "dosar nr.", "cyfeirnod".
    r"numer(?:em)? (?:sprawy|referencyjny|zgłoszenia|zgloszenia)|nr (?:sprawy|zgłoszenia|zgloszenia)|"
    r"sygn(?:atura)?(?:\. ?| )akt|"
    r"sygnatur\w*|num[aă]rul (?:dosarului|de dosar|de referin[țţt][aă]|de [îi]nregistrare)|dosar(?:ul)?(?: nr)?|"
    r"cyfeirnod|rhif (?:achos|trosedd|cyfeirnod))\.?"
    r"(?:\s*(?:is|was|number|no|:|#|,|to|jest|este|yw|ydy|"
    r"(?:at|from|for|with|in) (?:the )?\w+(?: \w+)?(?= is| was)))*\s*"
    # Spaced digit groups belong to the same reference ("0808 2000 247"); taking
    # only the first group would leave digits that a second pass redacts.
    # Letters before the digits are a prefix in capitals ("HA/2024/00789"), never a word ("in 2019").
    # A Polish court's signature starts with its division in Roman numerals ("II K 123/24").
    # A last short group that ends the sentence is part of it ("UC 7765 4432 1.").
    r"(?P<ref>(?:(?-i:[IVX]{1,4} [A-Z]{1,3}) |(?-i:[A-Z]{1,4})[/ -]?|[A-Za-z]{1,4}[/-])?\d[\dA-Za-z/-]{2,20}"
    r"(?: \d[\dA-Za-z/-]{2,20}| \d{1,2}(?=\s*$|[.,;!?](?:\s|$)))*)",
    re.I,
)


# A word for a case, file or reference number in other languages, before a code with a prefix in capitals or five
# digits or more: Lithuanian "bylos numeris BN-77412", Portuguese "número do processo", Spanish "expediente", Turkish
# "dosya numarası", Somali "lambarka", Chinese "案件号是MA24P00318" (round 38). A short number after "número" is
# often a helpline's ("o número 190"), so a code needs its letters or its length.
_FOREIGN_REFERENCE = lazy_re(
    r"(?:(?<![\w])(?i:numer(?:is|io|iu)|nr\.?|n[úu]mero(?: (?:do|de|da) (?:processo|expediente|caso|refer[êe]ncia))?|"
    r"processo|expediente|refer[êe]ncia|referencia|dosya(?: numaras[ıi]| no)?|numaras[ıi]|lambarka|tixraaca)"
    r"(?:\s*(?:yra|buvo|é|es|era|est[aá]|:|#|º|°))*\s*"
    r"|(?:案件号|案件编号|案号|编号|报案号|参考号|档案号|文件号)\s*(?:是|为|：|:)?\s*)"
    rf"(?P<ref>(?-i:[A-Z]{{1,4}})[/ -]?\d[\dA-Z/-]{{2,20}}|\d[\d/-]{{3,20}}\d)(?![/-])(?!{_NOT_HAN_WORD})")


# A Polish court's signature wherever it stands: division in Roman numerals, register letters, number and
# year ("III RC 456/23", "II K 123/24").
_POLISH_SIGNATURE = lazy_re(r"\b[IVX]{1,4} [A-Z][A-Za-z]{0,3} \d{1,6}/\d{2,4}\b")
# National Insurance numbers: "QQ 12 34 56 C" (QQ is the prefix of examples).
_NI_NUMBER = lazy_re(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", re.I)
# Slashed references wherever they stand: crime numbers "06/12345/25", "HA/2024/00789", "CR/0098765/26",
# a force's prefixes before the number ("MPS/CR/3345672", "WY-2024-118876"); dates were taken before,
# so "12/03/2024" is not here.
# Letters may stand between or after the numbers too: "2231/P/2023", "55/2024/KPP".
_SLASHED_REFERENCE = lazy_re(r"(?<![\w/-])(?:(?:[A-Z]{1,4}[/-]){1,3}\d{1,10}(?:[/-](?:\d{1,8}|[A-Z]{1,5}))*"
                             r"|\d{1,8}(?:[/-](?:[A-Z]{1,5}[/-])?\d{1,8}){1,3}(?:[/-][A-Z]{1,5})?)(?![\w/])")
_YEAR_ONLY = lazy_re(r"(?:19|20)\d\d")
_YEAR_SPAN = lazy_re(r"(?:19|20)\d\d-(?:19|20)\d\d")
# A number must be long enough to name one case: "06/12345/25" but not "2/3" or "24/7"; with letters between its
# slashes, five digits do ("BHM/H/99321", a council's housing case; round 39).
_REFERENCE_DIGITS = 6
_LETTERED_REFERENCE_DIGITS = 5


# A reference code in capitals with five digits or more wherever it stands: "FD24P00567", "MA23P01234",
# "ZE12345" (a court's case number, a claim's code); a postcode or plate has fewer digits.
# Chinese characters may touch it on either side ("案件号是MA24P00318，", round 38).
_CODE = lazy_re(rf"(?<![/-])(?<!{_NOT_HAN_WORD})(?=[A-Z\d]{{6,16}}(?![/-])(?!{_NOT_HAN_WORD}))(?=(?:[A-Z]*\d){{5}})"
                rf"[A-Z]{{1,4}}\d[A-Z\d]*(?![/-])(?!{_NOT_HAN_WORD})")


def _is_slashed_reference(candidate: str) -> bool:
    """Enough digits to name one case, joined by "/" or behind a prefix in capitals; not a span of years
    ("1990-2005")."""
    groups = re.findall(r"\d+", candidate)
    lettered = "/" in candidate and any(c.isalpha() for c in candidate)
    if sum(len(group) for group in groups) < (_LETTERED_REFERENCE_DIGITS if lettered else _REFERENCE_DIGITS):
        return False
    if all(_YEAR_ONLY.fullmatch(group) for group in groups):
        return False
    return "/" in candidate or candidate[0].isalpha()


def numbers(text: str) -> Iterator[Span]:
    for match in _CODE.finditer(text):
        yield match.span()
    for match in _NI_NUMBER.finditer(text):
        yield match.span()
    if "/" in text:
        for match in _POLISH_SIGNATURE.finditer(text):
            yield match.span()
    if "/" in text or "-" in text:
        for match in _SLASHED_REFERENCE.finditer(text):
            if _is_slashed_reference(match.group()):
                yield match.span()
    for match in _LONG_NUMBER.finditer(text):
        if _MONEY_BEFORE.search(text, max(0, match.start() - 3), match.start()) \
                and len(re.sub(r"\D", "", match.group())) <= _MONEY_DIGITS_MAX:
            continue
        if _YEAR_SPAN.fullmatch(match.group()):
            continue  # "from 1990-2005": two years, no reference
        if re.sub(r"\D", "", match.group()) not in _PUBLIC_NUMBERS:
            yield match.span()
    for match in _REFERENCE.finditer(text):
        if not _YEAR_ONLY.fullmatch(match.group("ref")):  # "the incident 2019", not a reference
            yield match.span("ref")
    for match in _FOREIGN_REFERENCE.finditer(text):
        yield match.span("ref")


# --- dates --------------------------------------------------------------------------------------

# What counts as a date (see the package's docstring): a day with a month, in any shape and in
# English, Welsh, Polish, Romanian, Urdu, Bengali or Gurmukhi ("3rd March", "12.03.85", "3 Mawrth",
# "12 marca 2023", "5 martie", "১২ মার্চ"); a day of the month written as an ordinal where it names
# a day ("on the 14th", "Tuesday the 9th", "between the 3rd and the 10th": the month is the one the
# writer is in); a month and year after "born". Not a year, a month or a weekday alone.

_DIGIT = lazy_re(r"\d")
_MONTH_EN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May)|may(?=\s*\d)|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Welsh (with the soft mutation after "o": "5ed o Fehefin"), Polish (the genitive, after a day, with and
# without accents), Romanian; English month names as Urdu, Bengali and Gurmukhi write them.
_MONTH_LT = (r"(?:sausio|vasario|kovo|baland[žz]io|gegu[žz][ėe]s|bir[žz]elio|liepos|rugpj[ūu][čc]io|rugs[ėe]jo|"
             r"spalio|lapkri[čc]io|gruod[žz]io)")
_MONTH_TA = r"(?:ஜனவரி|பிப்ரவரி|மார்ச்|ஏப்ரல்|மே|ஜூன்|ஜூலை|ஆகஸ்ட்|ஆகஸ்டு|செப்டம்பர்|அக்டோபர்|நவம்பர்|டிசம்பர்)"
_MONTH_OTHER = (
    r"(?:ionawr|chwefror|mawrth|fawrth|ebrill|mai|fai|mehefin|fehefin|gorffennaf|orffennaf|awst|medi|fedi|hydref|"
    r"tachwedd|dachwedd|rhagfyr|ragfyr|"
    r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[sś]nia|pa[zź]dziernika|listopada|grudnia|"
    r"ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|"
    r"جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر|"
    r"জানুয়ারি|জানুয়ারী|ফেব্রুয়ারি|ফেব্রুয়ারী|মার্চ|এপ্রিল|মে|জুন|জুলাই|আগস্ট|আগষ্ট|সেপ্টেম্বর|অক্টোবর|নভেম্বর|ডিসেম্বর|"
    r"ਜਨਵਰੀ|ਫ਼ਰਵਰੀ|ਫਰਵਰੀ|ਮਾਰਚ|ਅਪ੍ਰੈਲ|ਅਪਰੈਲ|ਮਈ|ਜੂਨ|ਜੁਲਾਈ|ਅਗਸਤ|ਸਤੰਬਰ|ਅਕਤੂਬਰ|ਨਵੰਬਰ|ਦਸੰਬਰ|"
    # Portuguese and Spanish ("14 de novembro"), Somali ("12 Oktoobar"), Arabic as the Levant writes the
    # months ("٥ أيار", "تشرين الثاني") and as Egypt and the Gulf do ("٣ مايو"), Urdu spellings beside
    # the ones above, and the months of the Bengali calendar ("১২ বৈশাখ").
    r"janeiro|fevereiro|mar[çc]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|"
    r"enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|"
    r"jann?aayo|febraayo|febarwari|maarso|abriil|maajo|meey|juun|luulyo|agoosto|se[bp]tembar|oktoobar|"
    r"noo?fembar|di?se?embar|"
    r"كانون الثاني|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|تشرين الأول|تشرين الاول|"
    r"تشرين الثاني|كانون الأول|كانون الاول|"
    r"يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|"
    r"نوفمبر|ديسمبر|"
    r"مئ|جولائ|ستمبر|"
    r"বৈশাখ|জ্যৈষ্ঠ|জৈষ্ঠ্য|আষাঢ়|আষাঢ়|শ্রাবণ|ভাদ্র|আশ্বিন|কার্তিক|অগ্রহায়ণ|অগ্রহায়ণ|পৌষ|মাঘ|ফাল্গুন|চৈত্র|"
    # Turkish ("3 Mart", "14 Şubat'ta"), Lithuanian genitives ("kovo 3"), Hindi in Devanagari.
    r"ocak|[şs]ubat|mart|nisan|may[ıi]s|haziran|temmuz|a[ğg]ustos|eyl[üu]l|ekim|kas[ıi]m|aral[ıi]k|"
    rf"{_MONTH_LT}|"
    r"जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर|"
    # Round 36: Kurdish Sorani ("9ی ئازار", 9 March), and Tigrinya and Amharic in Ge'ez script, their own month
    # names ("3 ሰነ", "3 ሰኔ", 3 June) and the English ones as Amharic writes them.
    r"کانوونی دووەم|کانوونی یەکەم|تشرینی یەکەم|تشرینی دووەم|شوبات|ئازار|نیسان|ئایار|حوزەیران|تەممووز|ئاب|ئەیلوول|"
    r"ጥሪ|ለካቲት|መጋቢት|ሚያዝያ|ግንቦት|ሰነ|ሓምለ|ነሓሰ|መስከረም|ጥቅምቲ|ሕዳር|ታሕሳስ|ጥር|የካቲት|ሰኔ|ሐምሌ|ነሐሴ|ጥቅምት|"
    r"ኅዳር|ህዳር|ታኅሣሥ|ታህሳስ|ጳጉሜን|ጳጉሜ|ጃንዩወሪ|ጃንዋሪ|ፌብሩወሪ|ፌብሩዋሪ|ማርች|ኤፕሪል|ሜይ|ጁን|ጁላይ|ኦገስት|ሴፕቴምበር|"
    r"ኦክቶበር|ኖቬምበር|ዲሴምበር|"
    # Round 39: the English months as Tamil writes them ("14 மார்ச்").
    rf"{_MONTH_TA}|"
    # Round 41: Ukrainian and Russian months in the genitive a date takes ("15 березня", "3 марта").
    r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
)
_MONTH = rf"(?:{_MONTH_EN}|{_MONTH_OTHER})"
# Persian writes the Gregorian months too ("۲۳ نوامبر"), without "مه"/"می" (fog, a verb's prefix).
_MONTH_FA = (r"(?:فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند|"
             r"ژانویه|فوریه|مارس|آوریل|ژوئن|ژوئیه|جولای|اوت|آگوست|سپتامبر|اکتبر|نوامبر|دسامبر)")
# English, Welsh and Polish ordinal endings: "3rd", "5ed", "1af", "2il", "3ydd", "8fed", "11eg", "21ain".
# Polish writes a day as an ordinal with "-go" ("3-go marca", "21go maja").
# Kurdish joins "-ی" to the day: "9ی ئازار"; Bengali writes the day's ordinal as "১লা", "২রা", "৪ঠা", "৫ই", "১৯শে"
# ("৫ই ফেব্রুয়ারি", 5 February; round 38).
_ORDINAL_END = r"(?:st|nd|rd|th|af|il|ydd|fed|ed|eg|ain|-?go|-?ego|ی|ই|লা|রা|ঠা|শে)"
_DAY = rf"(?:[12]\d|3[01]|0?[1-9]){_ORDINAL_END}?"
_DAY_WORD = (
    r"(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
    r"|twentieth|thirtieth"
)
# Welsh days of the month in words, before "o" and a month (round 38b): "y trydydd o Ebrill", "yr ail o Fai", "y
# pymthegfed o Fawrth", "yr unfed ar hugain o Ragfyr"; the eleventh to the nineteenth and the twenty-first and on
# add "ar ddeg", "ar bymtheg" or "ar hugain".
_DAY_WORD_CY = (
    r"(?:(?:cyntaf|unfed|ail|trydydd|pedwerydd|pumed|chweched|seithfed|wythfed|nawfed|degfed)"
    r"(?:\s+ar\s+(?:ddeg|bymtheg|hugain))?|deuddegfed|pymthegfed|deunawfed|ugeinfed)"
)
_YEAR = r"(?:(?:19|20)\d\d|'\d\d)"
# A month and a day of the month in Chinese, in digits or characters ("3", "三"; "5", "五", "二十一").
_HAN_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_HAN_DAY = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九十]"
# After a day and a month, two digits that end the phrase are its year ("4 Jan 23", "3 marca 21."),
# not a count that goes on ("on 4 May 23 people came").
_SHORT_YEAR = (r"(?:\d\d(?=[\s,;!?)]|\.(?!\d)|$)"
               r"(?!\s*(?:%|years?|yrs?|people|times|days|weeks|months|hours|mins?|minutes)\b))")
# Not inside a word of any script: a month name ends before a letter or a combining mark.
# Turkish writes a case ending after an apostrophe: "14 Şubat'ta", "Enfield'deki", "3 Nisan'daydı" ("was on").
TURKISH_CASE_ENDING = r"['’](?:[dt][ae]n?|[dt][ae]ki|[dt][ae]y(?:d[ıiuü]|m[ıiuü][şs]|ken)|n?[ıiuü]n|y?[ae])(?!\w)"
# A danda (U+0964) may end the sentence.
_END = rf"(?:(?![\w'\u0900-\u0963\u0966-\u0dff])|(?={TURKISH_CASE_ENDING}))"
_DATE_PATTERNS = (
    # 12/03/1985, 1.2.88, 3-4-2021
    # (a full stop after it ends the sentence: "on 04.02.27.")
    lazy_re(r"(?<![\d./-])(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})(?![\d/-]|\.\d)"),
    # 1985-03-12
    lazy_re(r"(?<![\d-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])"),
    # Persian solar-calendar months, only after a day ("۱۸ آبان", "۳ اسفند ۱۴۰۲"): "تیر", "مهر", "دی" are also
    # words (arrow, kindness); a solar year (13xx, 14xx) or a Gregorian one may follow.
    lazy_re(rf"(?<![\w.,/])(?:[12]\d|3[01]|0?[1-9])(?:\s*ام)?\s+{_MONTH_FA}(?:\s*ماه)?(?:\s+(?:13|14|19|20)\d\d)?"
            r"(?![\w\u200c])"),
    # The year first with slashes, as Arabic and Persian answers write it, in either calendar: "2024/01/09",
    # "۱۴۰۲/۸/۱۸".
    lazy_re(r"(?<![\d./-])(?:13|14|19|20)\d\d/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\d/]|\.\d)"),
    # 3rd March 1990, the 3rd of March, 12 Jan '89, 3 Mawrth, 5ed o Fehefin, 12 marca 2023, ১২ মার্চ ১৯৮৯
    # Portuguese and Spanish join day, month and year with "de" ("3 de março de 2024").
    lazy_re(rf"(?<![\w.,/])(?:{_DAY}|(?:{_DAY_WORD}|{_DAY_WORD_CY})(?=\s+(?:of|o)\s))(?:\s+(?:of|o|de))?\s+{_MONTH}"
               rf"(?:,?\s+(?:de\s+)?(?:{_YEAR}|{_SHORT_YEAR}))?{_END}", re.I),
    # A range of days: "14th-15th June", "3 to 7 April", "the 1st and 2nd of May", Polish "z 7 na 8
    # listopada", "od 3 do 5 maja", Romanian "între 3 și 5 martie", "de 14 spre 15 mai", Welsh "3 a 4 Mawrth".
    # A night across two days: "the night of 4/5 Jan", "4th/5th January".
    lazy_re(rf"(?<![\w.,/])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|-?go)?\s*(?:-|–|/|to|and|&|na|do|i|și|si|spre|la|a|ac|hyd)\s*"
            rf"(?:the\s+)?{_DAY}(?:\s+(?:of|o))?\s+{_MONTH}(?:,?\s+{_YEAR})?{_END}", re.I),
    # "the 2nd of may", "5th may" in lower case (elsewhere "may" is a month only before a number or
    # capitalised), unless "may" goes on as a verb ("the 2nd may be better").
    lazy_re(r"\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\s+(?:of\s+)?may\b(?:,?\s+(?:19|20)\d\d)?"
            r"(?!\s+(?:be|have|not|well|need|want|help|come|go|get|take|find|feel|seem|look|also|still|just|never|only)\b)",
            re.I),
    # A feast with its year: "Christmas Day 2019", "New Year's Eve 2021".
    lazy_re(r"\b(?:(?:Christmas|Xmas|X-mas) (?:Day|Eve)|Eid(?: al-Fitr| al-Adha| ul-Fitr| ul-Adha)?|Diwali|"
            r"Boxing Day|New Year['’]?s (?:Day|Eve)|Valentine['’]?s Day|Bonfire Night|"
            r"Hallowe['’]?en|Mother['’]?s Day|Father['’]?s Day)\s+(?:19|20)\d\d\b", re.I),
    # Lithuanian puts the month first, the day after it, often with "d." or an ordinal ending, and the
    # year before both: "kovo 12 d.", "2024 m. sausio 5-ąją".
    lazy_re(rf"(?<![\w.,/])(?:(?:19|20)\d\d\s*m\.\s*)?{_MONTH_LT}\s+(?:[12]\d|3[01]|0?[1-9])"
            rf"(?:\s*d\.|-(?:ąją|ą|oji|osios|ąja|ji|ios))?(?![\d\w])", re.I),
    # Tamil puts the month first too ("மார்ச் 14 அன்று", on March 14; "மே 3ஆம் தேதி", round 39).
    lazy_re(rf"(?<![\u0b80-\u0bff]){_MONTH_TA}\s+(?:[12]\d|3[01]|0?[1-9])(?:\s*-?\s*ஆம்(?:\s+தேதி)?)?(?!\d)"),
    # A day of the month before the word for "date" in romanised Urdu and Hindi, Urdu, Hindi, Panjabi, Bengali and
    # Tamil: "5 tareekh ko" (on the 5th), "5 تاریخ کو", "৫ তারিখে", "5ஆம் தேதி" (round 39).
    lazy_re(r"(?<![\w.,/])(?:[12]\d|3[01]|0?[1-9])\s*(?:(?i:tareekh|tareek|tarikh|tarik|taareekh|tarekh)\b|"
            r"تاریخ|तारीख़|तारीख|ਤਾਰੀਖ਼|ਤਾਰੀਖ|ਤਰੀਕ|তারিখে|তারিখ|-?\s*ஆம்\s+தேதி)"),
    # March 3rd, 1990 / March 3 / March the 3rd
    lazy_re(rf"\b{_MONTH_EN}\s+(?:the\s+)?{_DAY}(?!\s*(?:[:.]\d|am\b|pm\b|%))(?:,?\s+{_YEAR})?\b", re.I),
    # Chinese writes month, day and a word for "day" after a year or none: "2024年3月5日", "3月5号", "三月五日"
    # (round 38). A month with its year alone ("2024年3月") stays.
    lazy_re(rf"(?<!\d)(?:(?:19|20)\d\d\s*年\s*)?(?:{_HAN_MONTH})\s*月\s*(?:{_HAN_DAY})\s*(?:日|号|號)"),
)
# A day of the month alone where it names a day: after "on", "since", "until", a weekday..., or
# before "of" a month: "on the 14th", "Tuesday the 9th", "Monday 18th", "by the 3rd". Not when a noun
# follows ("on the 3rd floor", "the 2nd time").
_ORDINAL_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
_WEEKDAY = r"(?:mon|tues?|weds?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_DAY_ALONE = lazy_re(
    rf"\b(?:on|since|until|till|til|by|from|between|before|after|of|and|to|or|was|is|it's|{_WEEKDAY})\s+"
    rf"(?:the\s+)?(?P<date>{_ORDINAL_DAY})\b(?!['’-])",
    re.I,
)
# After a day alone, a word that carries on the sentence, not a noun the ordinal counts.
_AFTER_DAY_ALONE = lazy_re(
    r"\s*(?:$|[^\w\s]|(?:and|he|she|i|we|they|it|at|in|on|when|but|so|then|to|till|until|about|around|after|"
    r"before|or|because|as|my|his|her|the|a|was|is|where|which|that|there|this|from|for|with|by|me|him|us|"
    r"last|next|again|too|just|night|morning|afternoon|evening|while|whilst|if|though|although|once|cos|please|"
    r"we|you|they|someone|everyone|nobody|of\s+(?:this|that|last|next)\s+month|"
    rf"{_MONTH_EN}|{_WEEKDAY})\b)",
    re.I,
)
# "born" (and "date of birth") with a month and year, or a day and month: a date of birth.
_DATE_CONTEXT = lazy_re(
    rf"\b(?:born|dob|d\.o\.b\.?|date of birth|birthday)(?:\s+(?:is|was|on|in|:))*:?\s*"
    rf"(?P<date>{_MONTH}\s+(?:19|20)\d\d|(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))\b"
    # "on 03.04", "since 12/3": a day and month without a year after a word that dates; a time
    # ("on 9.30") has minutes that are no month.
    # Polish "dnia 5.06", Romanian "pe 5.06", Welsh "ar 5.06" say "on".
    # A police log's day: "log 678 of 3/4", "incident 0612 of 14/2".
    rf"|(?<=\d)\s+of\s+(?P<ofDate>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))(?![\d/])"
    rf"|\b(?:on|since|until|till|between|dnia|pe|ar)\s+(?P<onDate>(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2]))"
    r"(?![\d/]|\.\d)(?!\s*(?:am|pm|h|hrs|o'?clock)\b)"
    # Other languages' words for "on", "from", "until", "only on" before a day and a month of two digits: Polish
    # "dopiero 14.03", "od 3.04", Lithuanian "iki 05.11", Romanian "din 14.03", Portuguese and Spanish "em 14.03",
    # "desde el 14.03", Welsh "ers 14.03" (round 38). A time ("o 14.03", "od 10.05 do 12.30") is none.
    rf"|\b(?:dopiero|od|przed|po|na|dniu|nuo|iki|din|până|pana|p[aâ]n[aă] la|[îi]nainte de|em|desde|at[ée]|"
    rf"hasta|el|dia|día|tan|ers)\s+(?P<foreignDate>(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2]))"
    r"(?![\d/]|\.\d)(?!\s*(?:am|pm|h|hrs|godz\w*|rano|wieczorem|horas?|val|ora|[-–]|do|a|até|hasta|%|zł|z[lł]otych|"
    r"lei|eur|euro|€|£)(?![^\W\d_]))",
    re.I,
)
# A day and month without a year anywhere ("12/03", "3/11"): a specific date. Not a score or a
# fraction ("10/10", "7/10", "1/2"): a day of one digit needs a month of two, and "/10" is a score.
_DAY_MONTH = lazy_re(r"(?<![\d/.,£$€])(?P<day>[0-2]?\d|3[01])/(?P<month>0[1-9]|1[0-2]|[1-9])(?![\d/])")
# "on the 1st and 15th of each month": a day that comes back every month names no day.
_EVERY_MONTH = lazy_re(r"(?:\s+(?:and|&|or)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th))?\s+of\s+(?:each|every|the)\s+month",
                          re.I)
_ORDINAL_HINT = lazy_re(r"\d(?:st|nd|rd|th)\b", re.I)
_DATE_WORD_HINT = lazy_re(rf"\b(?:{_DAY_WORD}|{_DAY_WORD_CY})\b", re.I)


def dates(text: str) -> Iterator[Span]:
    if not _DIGIT.search(text) and not _DATE_WORD_HINT.search(text) and "月" not in text:
        return
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            yield match.span()
    for match in _DAY_ALONE.finditer(text) if _ORDINAL_HINT.search(text) else ():
        if _AFTER_DAY_ALONE.match(text, match.end()) and not _EVERY_MONTH.match(text, match.end()):
            yield match.span("date")
    for match in _DATE_CONTEXT.finditer(text):
        group = next(name for name in ("date", "ofDate", "onDate", "foreignDate") if match.group(name))
        if match.group(group) != "24/7":
            yield match.span(group)
    if "/" in text:
        for match in _DAY_MONTH.finditer(text):
            if _is_day_month(match.group("day"), match.group("month")):
                yield match.span()


def _is_day_month(day: str, month: str) -> bool:
    if int(day) == 0 or month == "10" or (day, month) == ("24", "7"):
        return False
    return len(day) == 2 or len(month) == 2


# --- postcodes and vehicle registrations --------------------------------------------------------

# Every UK postcode area; a match must start with one, which rules out most words.
_POSTCODE_AREAS = frozenset(
    """AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E
    EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN
    LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO
    SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE""".split()
)
_POSTCODE_FULL = lazy_re(r"\b(?P<area>[A-Z]{1,2})\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b", re.I)
_POSTCODE_OUTWARD = lazy_re(r"\b(?P<area>[A-Z]{1,2})\d[A-Z\d]?\b")
_POSTCODE_CONTEXT_BEFORE = lazy_re(
    r"(?:post\s?codes?|postal codes?)(?:\s+(?:is|was|of|like|such\s+as|:))*[\s:]*$", re.I)
# After a town's name: "Ashton-under-Lyne OL6", "Cardiff CF24" (round 36).
_POSTCODE_AFTER_ADDRESS = lazy_re(r"\x00,?\s+(?P<code>(?P<area>[A-Za-z]{1,2})\d[A-Za-z\d]?)\b")
_PLATE_TAIL = lazy_re(r"\s?[A-Z]{3}\b")
_TOWN_JUST_BEFORE = lazy_re(r"(?<![\w'’-])(?P<town>[A-Z][a-z'’]+(?:-[a-zA-Z]+)*),?\s+$")
_LOCATION_BEFORE = lazy_re(r"\b(?:in|from|near|around|live in|lived in|moved to|area)\s+$", re.I)
_AREA_AFTER = lazy_re(r"^\s+(?:area|postcode|district)\b", re.I)


# Inward parts that are units ("PS5 2TB") or, in lower case, ordinals ("x2 4th"), not postcodes;
# "PX2 9RD" in capitals is a postcode.
_UNITS = frozenset("gb tb mb kb".split())
_ORDINALS = frozenset("st nd rd th".split())


def _after_a_town(before: str) -> bool:
    town = _TOWN_JUST_BEFORE.search(before)
    return bool(town) and key(town.group("town")) in lexicon().towns


def postcodes(text: str) -> Iterator[Span]:
    # A full postcode's shape is enough whatever its area: an invented or mistyped area ("KL4 9RT",
    # "kl49rt") still tells where someone lives.
    for match in _POSTCODE_FULL.finditer(text):
        inward = match.group()[-2:]
        if match.group("area").upper() in _POSTCODE_AREAS or not (
                inward.lower() in _UNITS or (inward.islower() and inward in _ORDINALS)):
            yield match.span()
    for match in _POSTCODE_AFTER_ADDRESS.finditer(text):
        if match.group("area").upper() in _POSTCODE_AREAS:
            yield match.span("code")  # "[address] m19": an outward code in any case after an address
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
            or (len(area) == 2 and match.group().isupper() and _after_a_town(before)
                and not _PLATE_TAIL.match(after))  # "a silver Leon AB12 CDE" is a car
        ):
            yield match.span()


_VEHICLE_COMMON = frozenset(
    "the and for was not but you his her she are had has can did got off out all any now too two one who why how "
    "our day way yet see say saw".split())
# Chinese characters may touch a plate ("車牌是LK70 HXC。", the plate is; round 39).
_VEHICLE_CURRENT = lazy_re(rf"(?<!{_NOT_HAN_WORD})[A-Z]{{2}}\d{{2}}\s?(?P<tail>[A-Z]{{3}})(?!{_NOT_HAN_WORD})", re.I)
# Spaced as on the plate, in capitals only: "KX 19 ABC" ("ok 10 min" is no plate).
_VEHICLE_SPACED = lazy_re(rf"(?<!{_NOT_HAN_WORD})[A-Z]{{2}} \d{{2}} [A-Z]{{3}}(?!{_NOT_HAN_WORD})")
_VEHICLE_OLD = lazy_re(r"\b(?:[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])\b")
# Northern Ireland's plates: two letters, then I or Z, then up to four digits ("LXZ 4521").
_VEHICLE_NI = lazy_re(r"\b[A-Z]{2}[IZ]\s?\d{1,4}\b")
_VEHICLE_CONTEXT = lazy_re(
    r"\b(?:reg(?:istration)?(?: number| no\.?| plate)?|number ?plate|plate)\b(?:\s+(?:is|was|:))*[\s:]*"
    r"(?P<reg>(?=[A-Z0-9 ]{4,9}\b)(?=[A-Z ]*\d)(?=[\d ]*[A-Z])[A-Z0-9]+(?: [A-Z0-9]+)?)\b",
    re.I,
)


# A plate of any country after a word for it, in English, Polish or Romanian: "numărul B 123 XYZ",
# "rejestracja WX 12345", "tablice WE 123AB", "the numberplate was a Polish one, WGM 55T1", Irish
# "191-D-12345". A few words may come between; the plate is in capitals and has a digit.
_VEHICLE_ANY_COUNTRY = lazy_re(
    r"\b(?i:reg(?:istration)?|(?:number ?)?plates?|numberplate|rejestracj\w*|rejestracyjn\w*|tablic\w*|"
    r"num[aă]r(?:ul)?(?: de [îi]nmatriculare| ma[șsş]inii)?|[îi]nmatriculare|numerach)\b[:\s]+"
    r"(?:(?i:is|was|este|era|jest|to|a|an|one|the|from|of|cu|z|na)\b[,\s]+|[A-Z][a-z]+[,\s]+){0,4}?"
    r"(?P<reg>(?<![\w-])(?:[A-Z]{1,3}[ -]?\d[A-Z\d]{0,5}(?:[ -](?=[A-Z\d]*[A-Z])[A-Z\d]{1,4})?"
    r"|\d{2,3}-[A-Z]{1,2}-\d{1,6}))(?![\w-])")
_VEHICLE_HINT = lazy_re(r"reg|plate|rejestr|tablic|num[aă]r|[îi]nmatricul|numerach", re.I)


def vehicles(text: str) -> Iterator[Span]:
    if _VEHICLE_HINT.search(text):
        for match in _VEHICLE_ANY_COUNTRY.finditer(text):
            yield match.span("reg")
    for match in _VEHICLE_CURRENT.finditer(text):
        if match.group().isupper() or match.group("tail").lower() not in _VEHICLE_COMMON:
            yield match.span()
    for match in _VEHICLE_SPACED.finditer(text):
        yield match.span()
    for match in _VEHICLE_OLD.finditer(text):
        yield match.span()
    for match in _VEHICLE_NI.finditer(text):
        yield match.span()
    for match in _VEHICLE_CONTEXT.finditer(text):
        yield match.span("reg")


