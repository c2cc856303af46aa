"""People's names, in any script and any case.

How a word becomes ``[name]`` (Latin script):

1. After a title: "Mrs Khan", "PC Smith", "mrs begum".
2. A listed first name ("Łukasz", "Jaspreet", "Zoltán", "Darren"), capitalised,
   anywhere; in lower case only in a name-like context: after a relation or role
   ("my ex darren", "my son kacper"), after "told", "called", "named", "and",
   "with", before a verb ("dazza hit me") or before a surname ("darren smith").
3. A first name that is also a word ("Will", "May", "Grace", "Sue") only with a
   name-like context: a relation or role before it, a comma and a role after it
   ("Will, my caseworker"), what a person does after it ("May was my IDVA",
   "Grace said"), or capitalised in the middle of a sentence not after "the",
   "in", "on"... ("I told Frank", but "in May").
4. Any other capitalised word in the middle of a sentence that is not an
   ordinary English word or a service, place or month ("Pryzm", "Wiśniewska").
   At the start of a sentence, only with what a person does after it.
5. Following surnames join the name: "Sarah Jones", "Nguyen Van An", "darren smith".

Other scripts: in an answer written mostly in Latin letters, any run of words in
another script (Arabic, Urdu, Bengali, Gurmukhi, Devanagari, Chinese, Cyrillic...)
is taken for a name unless it is a common religious phrase; in an answer written
mostly in another script, listed names in that script are redacted (those that are everyday words,
``script_word_names.txt``, only with a person's cue), and so are the words after a relation or a title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple

from analysis.redaction.lazy import lazy_re, lazy_regex
from analysis.redaction.lexicon import (
    POLICE_RANKS,
    SCRIPT_CALENDAR,
    SCRIPT_RELATIONS,
    SCRIPT_WORDS,
    STOPWORDS,
    Lexicon,
    fold,
    key,
    lexicon,
)
from analysis.redaction.patterns import vehicles

Span = tuple[int, int]

# Capitalised words after a name that end a name: the name is part of a place or organisation.
_FACILITY = frozenset(
    """hospital house centre center road street avenue lane close drive way park school academy
    college court infirmary hall ward unit clinic surgery station square gardens place trust
    foundation project service services line team hub estate church mosque temple gurdwara library
    university health practice medical primary nursery refuge scheme programme bridge shopping
    retail market magistrates magistrates'""".split()
)
# Facility words that make a place even in lower case: "Victoria station", "Amber ward", "Clare's law".
_LOWER_FACILITY = frozenset(
    "station hospital library park church mosque ward lodge house centre hub court surgery clinic unit road "
    "street lane avenue".split())
# Words before a capitalised word that make it part of a place name ("St Mary's", "Queen Elizabeth").
_PLACE_PREFIX = frozenset("st saint queen king prince princess royal lady lord".split())
# Common surnames that are also words: after a first name in lower case ("darren smith").
_WORD_SURNAMES = frozenset(
    """smith brown green white black wood hill king ward baker cook turner walker wright taylor hall young
    clarke clark bell moore price lee rose marsh fox bird mason carter cooper fisher hunter parker
    porter shaw stone webb west wells day little long law hood frost lamb bishop knight booth banks holmes
    mills burns cross reed page steel ford rice""".split()
)
# In an English answer, words in another script that are religious phrases, not names.
_SCRIPT_KEEP = frozenset(
    """الله الحمد لله الحمدلله الحمد_لله ان إن شاء انشاءالله إن_شاء_الله ماشاءالله ما بسم سبحان اللہ
    انشاء خدا ਵਾਹਿਗੁਰੂ ਸਤਿ ਸ੍ਰੀ ਅਕਾਲ ਜੀ राम हरे कृष्ण ॐ নমস্কার আল্লাহ""".split()
)

# A word in any script: letters, with the combining marks of Indic and Arabic scripts and
# accents ("न", "ि" in "निशा"). The plain re module is several times faster here than regex.
# Not the danda that ends a Hindi or Bengali sentence (U+0964, U+0965): "দোভাষী আসেনি।" is the word "আসেনি" and a
# full stop, and with the danda inside it the verb was looked up as no word and taken for a name (round 38).
_LETTER = r"[^\W\d_]"
_MARK = (r"[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
         r"\u0900-\u0963\u0966-\u0dff]")
# "husband", "wife", "brother", "sister", "son", "daughter" in Urdu, Arabic, Bengali, Gurmukhi, Hindi:
# the next word is a name.
_RELATIONS_OTHER_SCRIPTS = SCRIPT_RELATIONS
# The ergative after a name in Urdu, Panjabi and Hindi: a person did something ("کاشف نے", "ਹਰਜੀਤ ਨੇ", "सोफ़ी ने").
# The word before is a name unless it is an everyday word (a committee or a solicitor acts too: SCRIPT_WORDS).
# (The dative "ਨੂੰ", "کو", "को" marks things and days as well: "ਮਨ ਨੂੰ" to the mind, "ਮੰਗਲਵਾਰ ਨੂੰ" on Tuesday.)
_ERGATIVES = frozenset("نے ਨੇ ने".split())
# Honorifics after a name ("زاہد صاحب", "রুমানা আপা", "दीपक भैया", "مریم جان"): the word before is a name unless
# it is a frequent word of the language ("بڑی باجی" elder sister, "बड़े भैया").
_HONORIFICS_AFTER = frozenset("""صاحب صاحبہ باجی آپا ਜੀ ਭੈਣਜੀ ਵੀਰਜੀ সাহেব আপা দিদি जी दीदी भैया साहब جان
    அக்கா அண்ணா அண்ணன் அம்மா ஐயா சார் மேடம்""".split())
# Tamil (round 38): "லக்ஷ்மி அக்கா" (elder sister Lakshmi), "ரவி அண்ணா", "கமலா அம்மா"; "என் அம்மா" (my mother)
# stays, "என்" being a frequent word.
# Tigrinya and Amharic "called" after a name (round 36): "ሳባ ዝተባህለት ሰራሕተኛ" (a worker called Saba).
_CALLED_AFTER_SCRIPT = frozenset("ዝተባህለ ዝተባህለት ዝበሃል የተባለ የተባለች የሚባል የምትባል".split())
_PERSON_MARKERS_AFTER = _ERGATIVES | _HONORIFICS_AFTER | _CALLED_AFTER_SCRIPT
# "me" and "my" in Urdu, Bengali and Panjabi.
_ME_WORDS = frozenset("مجھے میرا میری میرے مجھ আমাকে আমার আমায় ਮੈਨੂੰ ਮੇਰਾ ਮੇਰੀ ਮੇਰੇ".split())
# "ਬੀਬੀ" and "बीबी" (lady, Mrs) stand before a name or for a woman nobody names ("ਹੈਲਪਲਾਈਨ ਵਾਲੀ ਬੀਬੀ ਨੇ", the helpline
# lady did) (round 38b).
_HONORIFICS = _HONORIFICS_AFTER | frozenset("جی بی ਸਾਹਿਬ साहिब ਬੀਬੀ बीबी".split())
# "-wala" in Urdu, Panjabi and Hindi: "ਹੈਲਪਲਾਈਨ ਵਾਲੀ" (the helpline one); the word after is what the person is ("ਵਾਲੀ
# ਕੁੜੀ ਨੇ", the girl did), named only when it is a listed name (round 38b).
_WALA = frozenset("والی والا والے ਵਾਲੀ ਵਾਲਾ ਵਾਲੇ वाली वाला वाले".split())
# "This", "that", "a" in Urdu, Gurmukhi and Devanagari: before a word and "نے", a person described, not named.
_DEMONSTRATIVES = frozenset("اس اُس یہ وہ ان ایک ਇਸ ਉਸ ਇਹ ਉਹ ਇੱਕ इस उस यह वह एक".split())
# Titles in Urdu, Gurmukhi, Bengali, Devanagari, Arabic and Persian ("Dr", "Mrs", "Mr", "Miss", "PC", "Sgt"): the
# next word is a name even when it is a word ("ڈاکٹر ملک", Dr Malik, though "ملک" is "country"), and so is the
# word after it unless it is an everyday word ("پی سی ایما ہیرس بہت اچھی تھیں").
_SCRIPT_TITLES = frozenset("""ڈاکٹر مسز مسٹر مس محترمہ سارجنٹ انسپکٹر
    ਡਾਕਟਰ ਡਾ ਮਿਸਿਜ਼ ਮਿਸਜ਼ ਮਿਸੇਜ਼ ਮਿਸਟਰ ਮਿਸ ਸ੍ਰੀਮਤੀ ਸ਼੍ਰੀਮਤੀ ਪੀਸੀ ਡੀਸੀ ਸਾਰਜੈਂਟ ਇੰਸਪੈਕਟਰ
    ডাক্তার ডা ডঃ মিসেস মিস্টার মিস পিসি ডিসি সার্জেন্ট ইন্সপেক্টর জনাব
    पीसी डीसी मिस मिसेज़ मिसेज मिस्टर डॉक्टर डॉ डा श्रीमती श्री सार्जेंट इंस्पेक्टर
    الدكتور الدكتورة دكتور دكتورة د السيد السيدة سيد سيدة الأستاذ الأستاذة الاستاذ الاستاذة أستاذ أستاذة الشرطي
    الشرطية الضابط الضابطة المحقق المحققة الرقيب المفتش
    خانم آقای آقا دکتر مهندس سروان ستوان
    الشيخ الشيخة الحاج الحاجة الإمام الامام الملا ملا مولانا
    مامۆستا کاک خاتوو دکتۆر مەلا
    ኣቶ አቶ ወይዘሮ ወይዘሪት ዶክተር
    திரு திருமதி செல்வி டாக்டர் டாக்டர்""".split())
# Round 38: Tamil "Mr", "Mrs", "Miss", "Dr" ("திருமதி கவிதா").
# Round 36: Arabic religious titles and the Hajj ("الشيخ عبد الرحمن", "الحاجة"), Kurdish Sorani "teacher" or mullah,
# "Mr", "Mrs", "Dr" ("مامۆستا هێمن", "کاک ئازاد", "خاتوو"), and Tigrinya and Amharic "Mr", "Mrs", "Miss", "Dr" ("ኣቶ"):
# the title stays outside the label.
# "PC", "DC", "DS" written as two letters: "پی سی", "পি সি", "पी सी".
_SCRIPT_TITLE_PAIRS = frozenset({("پی", "سی"), ("ڈی", "سی"), ("ڈی", "ایس"), ("পি", "সি"), ("ডি", "সি"), ("ਪੀ", "ਸੀ"),
                                 ("ਡੀ", "ਸੀ"), ("पी", "सी"), ("डी", "सी")})
# Second names that are no everyday word ("খান" is also "eat", "হক" "right"): the word before is a first name.
_SECOND_NAMES = frozenset("বেগম খাতুন চৌধুরী আক্তার আখতার উদ্দিন উদ্দীন بیگم خاتون چوہدری چودھری قریشی صدیقی".split())
# Gurmukhi family names that follow a first name ("ਗੁਰਮੀਤ ਕੌਰ", "ਬਲਵਿੰਦਰ ਸਿੰਘ").
_SIKH_NAMES = frozenset("ਕੌਰ ਸਿੰਘ".split())
# Common family and second names in Bengali, Urdu and Gurmukhi script ("জাহিদ হাসান", "عرفان احمد",
# "ਬਲਦੇਵ ਸਿੰਘ ਸੰਧੂ"), names wherever they stand; not those that are also words (ملک "country", ਮਾਨ "pride").
_SCRIPT_FAMILY_NAMES = frozenset("""হাসান হোসেন হুসেন আহমেদ আহমদ ইসলাম উদ্দিন উদ্দীন বেগম খাতুন চৌধুরী মিয়া রহমান
    আলী আলি শেখ খান সরকার তালুকদার মোল্লা হক
    احمد علی خان حسین شاہ بیگم اقبال رحمان چوہدری چودھری بٹ قریشی اعوان راجہ مرزا بخاری صدیقی انصاری
    ਸੰਧੂ ਗਿੱਲ ਸਿੱਧੂ ਢਿੱਲੋਂ ਗਰੇਵਾਲ ਬਾਜਵਾ ਸੰਘਾ ਬੈਂਸ ਜੌਹਲ ਅਟਵਾਲ ਰੰਧਾਵਾ ਔਜਲਾ ਸਹੋਤਾ ਧਾਲੀਵਾਲ ਬਰਾੜ ਚੀਮਾ ਕੰਗ""".split())
# Endings of Sikh Punjabi first names (-preet, -deep, -jeet, -inder, -bir, -jot, -meet).
_GURMUKHI_NAME_ENDING = lazy_re("(?:ਪ੍ਰੀਤ|ਦੀਪ|ਜੀਤ|ਿੰਦਰ|ਬੀਰ|ਵੀਰ|ਜੋਤ|ਮੀਤ)$")
# Bengali case endings on a name: "তানভীরের" (Tanvir's), "শিউলিকে" (to Shiuli).
_BENGALI_ENDINGS = ("েরা", "ের", "কে", "র", "রা")
_HAN_RELATION = lazy_re("丈夫|老公|前夫|男朋友|女朋友|儿子|女儿|哥哥|弟弟|姐姐|妹妹|婆婆|公公|朋友")
# Characters that end a Chinese name: verbs and particles that follow one ("王伟打我").
_HAN_FUNCTION = frozenset("打说是在把对和不要会让给也就又都很了的我你他她们来去")
_CONTRACTION = lazy_re(r"(?:['’](?:m|ve|d|ll|re)|n['’]t)$", re.I)
# Chinese characters are a word of their own beside letters of another script: "避难所的Emma对我" holds the name
# "Emma", which inside one run of characters no rule saw (round 38).
_HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_NOT_HAN_LETTER = rf"[^\W\d_{_HAN_CHARS}]"
_WORD = lazy_re(rf"[{_HAN_CHARS}]+|{_NOT_HAN_LETTER}(?:{_NOT_HAN_LETTER}|{_MARK})*"
                rf"(?:['’-]{_NOT_HAN_LETTER}(?:{_NOT_HAN_LETTER}|{_MARK})*)*")
_POSSESSIVE = lazy_regex(r"['’]s$", re.I)
_LATIN = lazy_regex(r"[\p{Latin}\p{M}'’-]+")
_OTHER_LETTER = lazy_regex(r"[^\P{L}\p{Latin}]")
_LABEL = lazy_re(r"\[[a-z]+\]")
_HAN = lazy_regex(r"\p{Han}")
_ARABIC_SCRIPT = lazy_re(r"[\u0600-\u06ff]")
_NAME_WORDS = frozenset("نام ਨਾਮ ਨਾਂ নাম नाम اسمه اسمها اسمش ناوی ስሙ ስማ ስሟ பெயர்".split())  # "his name is": a name follows
# Arabic "servant of" before one of God's names makes one name ("عبد الرحمن", Abd al-Rahman) (round 36).
_COMPOUND_FIRST = frozenset("عبد".split())

# The plain re module: these scan every text, and re scans several times faster than regex.
_MISS_VERB_BEFORE = lazy_re(r"\b(?:i|we|you|they|he|she|still|really|so|do|don'?t|will|would|'ll)\s+$", re.I)
_LOWER_TITLE = lazy_re(r"\b(?:mr|mrs|ms|miss|dr|sgt|insp|cllr)\.?\s+(?P<first>(?=[^\W\d_])[^\W\d_A-Z][\w'’-]+)")
_TITLE = lazy_re(
    r"\b(?:(?i:mr|mrs|ms|miss|mx|dr|prof)\.?|" + "|".join(POLICE_RANKS) + r"|DCs|Detective|Officer|Judge|Cllr|"
    r"Councillor|Nurse|Sister|Father|Rev|Reverend|Auntie|Aunty|Uncle|Imam|Pastor|"
    # Round 36: the titles of other languages, taken with the name as English ones are (in lower case they stay,
    # see _titled), but not "pan" (a frying pan) or "seu" (Portuguese "his"). Polish, Romanian, Portuguese,
    # Spanish, Lithuanian and Turkish: "Pani Ania", "Doamna Popescu", "Dona Fátima", "Doña Maruja", "Ponia Rasa".
    r"(?P<foreign>Pani|Pan|Pana|Panią|Panem|Doamna|Doamnei|Domnul|Domnului|Doamnă|Domni[șş]oara|Domnisoara|"
    r"Dona|Seu|Senhora|Senhor|Doña|Señora|Señor|Ponia|Ponas|Panelė|Bayan|Doktor|Doktorka|Mecenas|Avukat|"
    r"Hemşire|Hemsire|Komiser|Daktaras|Daktarė|Doutor|Doutora|"
    # Round 39: the short forms of Portuguese and Spanish, with or without the dot ("a Sra. Fernandes", "Dra Costa").
    r"Sra\.?|Srta\.?|Sr\.?|Dra\.?|"
    r"pani|panią|pana|panem|doamna|doamnei|domnul|domnului|domni[șş]oara|domnisoara|dona|senhora|senhor|doña|"
    r"señora|señor|ponia|ponas|panelė|doktor|mecenas|avukat))"
    r"\s+(?P<first>[^\W\d_][\w'’-]*)(?:\s+(?P<second>[^\W\d_][\w'’-]*))?"
)
# The same titles, to tell a title from a name that opens a sentence ("Dona Fátima": "Dona" is no name there).
_FOREIGN_TITLE_WORDS = frozenset(key(word) for word in """pani pan pana panią panem doamna doamnei domnul domnului
    doamnă domnișoara domnisoara dona seu senhora senhor doña señora señor ponia ponas panelė bayan doktor doktorka
    mecenas avukat hemşire komiser daktaras daktarė doutor doutora sra srta sr dra""".split())
_ROLE_WORDS = (
    r"ex|ex-partner|ex-husband|ex-wife|ex-boyfriend|ex-girlfriend|partner|husband|hubby|wife|boyfriend|bf|"
    r"girlfriend|gf|fianc[eé]e?|son|daughter|baby|child|kid|brother|sister|mum|mam|dad|mother|father|stepdad|"
    r"stepfather|stepmum|stepson|stepdaughter|cousin|uncle|aunt|auntie|nan|nana|gran|grandad|grandson|"
    r"granddaughter|niece|nephew|friend|mate|neighbour|abuser|perpetrator|worker|caseworker|advocate|idva|"
    r"isva|counsellor|counselor|therapist|officer|doctor|gp|nurse|visitor|midwife|solicitor|barrister|"
    r"manager|teacher|volunteer|coordinator|co-ordinator|mentor|navigator|practitioner|lady|woman|man|guy|"
    r"bloke|receptionist|caretaker|interpreter|translator|cleaner|warden|janitor|handyman|"
    r"chaplain|pastor|vicar|imam|priest|rabbi|"
    r"facilitator|landlady|landlord|adviser|advisor|"
    r"keyworker|psychologist|psychiatrist|paralegal|refuge|centre|council|police|hub|helpline|team|charity|aid|called|in-law|"
    r"mother-in-law|father-in-law|youngest|eldest|oldest|carer"
)
# "my ex jay", "my daughter's dad lee", "his mate tommo".
_RELATION_BEFORE = lazy_regex(
    # "my husbands brother paddy": the possessive typed without its apostrophe too (round 41).
    r"(?:\b(?:my|his|her|our|their)\s+(?:[\w-]+['’]?s\s+)?(?:ex\s+(?=husband|wife|partner|boyfriend|girlfriend))?"
    # "my little boy jack", "her baby girl", "my eldest son"
    r"(?:(?:little|baby|eldest|youngest|oldest|middle|big)\s+(?=boy|girl|lad|son|daughter|brother|sister))?(?:boy|girl|lad|ex|ex-partner|ex-husband|ex-wife|ex-boyfriend|ex-girlfriend|partner|"
    r"husband|hubby|hubs|wife|wifey|missus|fella|other half|boyfriend|girlfriend|bf|gf|boyf|bae|fianc[eé]e?|"
    r"baby\s?(?:father|daddy|dad|mother|mum|mom)|bd|bm|son|daughter|brother|sister|"
    r"cousin|friend|mate|neighbour|worker|idva|"
    r"abuser|dad|father|mum|mam|mom|mother|boss|uncle|aunt|auntie|aunty|nan|nana|nanna|gran|granny|grandma|grandad|"
    r"grandpa|niece|nephew|caseworker|step-?(?:dad|father|mum|mother|son|daughter|brother|sister)|"
    r"(?:brother|sister|mother|father|son|daughter)[- ]in[- ]law)"
    # "ex-husband lee kept the car": a hyphenated ex names one person without "my".
    r"|(?<![\w-])ex-(?:partner|husband|wife|boyfriend|girlfriend|bf|gf|fianc[eé]e?))"
    r"\s+$",
    re.I)
_STOP_AFTER = lazy_regex(r"^\s*(?:[.,;:!?)]|$)")
# Words that carry a sentence on after a name: "i told my worker jo about it".
_LINK_AFTER = lazy_regex(
    r"^\s+(?:about|from|and|&|to|with|on|at|in|who|again|too|that|when|because|but|so|then)\b")
_MODALS = frozenset("may might must can did does do had has said says is was kept".split())
_ROLE_BEFORE = lazy_regex(rf"\b(?:{_ROLE_WORDS})(?:'s)?,?\s+$", re.I)
# A post someone holds: "Bev on the front desk", "Grace on reception", "May on the helpline".
_POST = r"^,?\s+on\s+(?:the\s+)?(?:front\s+desk|desk|reception|helpline|switchboard|phones|door|duty)\b"
_POST_AFTER = lazy_regex(_POST, re.I)
_ROLE_AFTER = lazy_regex(
    rf"^,?\s+(?:(?:my|our|the|his|her|their|a)\s+)(?:[\w'’-]+\s+){{0,2}}(?:{_ROLE_WORDS})\b|(?P<team>{_POST})", re.I)
# A role and where it is done, then the name between commas: "the lady at housing, carol, was lovely".
_ROLE_AT_BEFORE = lazy_regex(
    rf"\b(?:{_ROLE_WORDS}|girl|boy|fella|chap|person)\s+(?:at|on|from|in)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?,\s+$",
    re.I)
# A law or scheme named after a person: "Clare's Law", "sarah's law", "Helen's Law"; a capitalised name typed without
# its "'s" before "law" in lower case ("Clare law", round 39), as "Darren Law" and "my ex darren law" are family names.
_LAW_AFTER = lazy_re(r"(?:['’]s|s)\s+(?i:law)\b")
_BARE_LAW_AFTER = lazy_re(r"\s+law\b")
# Welsh "mis" (month, "fis" after "o" or "y") before a month's name: "ym mis Mai", "fis Mai diwethaf".
_MONTH_WORD_BEFORE = lazy_re(r"\b(?i:mis|fis)\s+$")
# East Asian given and family names that are English words ("Long", "Sang", "Young"): names only at a
# sentence's start before what a person does or "and his brother", or after a relation.
_EAST_ASIAN_WORD_NAMES = frozenset("long sang hung young dong thi mai lan tam binh kim".split())
_AND_RELATION_AFTER = lazy_regex(
    r"^\s+(?:and|&)\s+(?:his|her|their)\s+(?:brother|brothers|sister|sisters|cousin|cousins|mum|mother|dad|father|"
    r"mate|mates|friend|friends|son|sons|uncle|wife|husband|family)\b", re.I)
_NAMING_BEFORE = lazy_regex(
    r"\b(?:named|name is|name was|name's|names are|nickname is|nickname was|nickname's|known as|aka|"
    r"(?:calls?|call|calling) (?:him|her|himself|herself)|"
    # A nickname: "he goes by Tiny", "everyone knows him as Tank", "they called her Bunny".
    r"(?:goes|go|went|going) by|kn(?:ow|ows|ew) (?:him|her) as|called (?:him|her)|"
    r"(?:they|we|everyone|everybody|people|the lads|the girls) (?:call|called|calls)|"  # "his mate they call Tank"
    r"tên là|"  # Vietnamese "is named": "Chồng tôi tên là Long"
    r"(?:man|woman|lady|guy|bloke|girl|boy|someone|somebody|worker|officer|he's|she's|was|is) called)\s+$", re.I)
# Naming words of Spanish, Portuguese, Polish, Romanian, Turkish, Lithuanian, Somali and Welsh (round 35), before a
# capitalised word only ("Me llaman del ayuntamiento" is a call from the council): "al que llaman Chino", "o chamam de
# Russo", "mówią na niego Bolo", "îl cheamă Florin", "adı Murat", "vardu Tomas".
_FOREIGN_NAMING_BEFORE = lazy_regex(
    r"(?<![\w'’])(?:(?:se|le|lo|la|les)\s+(?:llaman?|llamaba|dicen|decían|apodan)|llaman|llamado|llamada|apodado|"
    r"apodada|apodo\s+es|conocid[oa]\s+como|se\s+chama|se\s+chamava|chamam(?:\s+de)?|chamado|chamada|apelidado|"
    r"apelidada|apelido\s+(?:é|era)|nome\s+(?:dele|dela)\s+(?:é|era)|nazywa\s+się|nazywał\s+się|nazywała\s+się|"
    r"ma\s+na\s+imię|miał\s+na\s+imię|miała\s+na\s+imię|mówią\s+na\s+(?:niego|nią)|mówili\s+na\s+(?:niego|nią)|"
    r"ksywa|ksywka|(?:îl|il|o)\s+(?:cheamă|cheama)|se\s+nume[șsş]te|poreclit|poreclită|porecla|adı|ismi|lakabı|"
    r"vardu|pravarde|pravardė|vadina|magaciisu\s+waa|magaceedu\s+waa|loo\s+yaqaan|o'r\s+enw)\s+$", re.I)
_CALLED_BEFORE = lazy_regex(
    # Round 38 review: thanks said to someone ("thanks to mohammed", "shout out to jo").
    r"\b(?:ask for|asked for|thanks|thank you|thank|(?:thanks|thank you|thank|shout ?out|grateful|cheers) to|"
    r"in front of|and|&|told|tell|with|me and|ring|rang|text|texted|"
    r"spoke to|spoken to|speak to|speaking to|talked to|talk to|talking to|"
    r"message|"
    r"messaged|saw|see|met|from|pe|lui)\s+$", re.I)
# Before a person in lower case (listed first names and family names only): "scared of ifeanyi", "left bogdan".
_PERSON_OBJECT_BEFORE = lazy_regex(
    r"\b(?:of|about|for|left|leave|leaving|married|marry|love|loved|miss|missed|hate|hated|blocked|reported|"
    r"divorced|divorcing|by)\s+$", re.I)
# Kin said as a title, without "my": "stayed with nana joy", "auntie pat took us in".
_KIN_TITLE_BEFORE = lazy_regex(
    r"\b(?:auntie|aunty|aunt|uncle|nana|nanna|nan|gran|granny|grandma|grandad|grandpa|cousin)\s+$", re.I)
# Polish and Romanian relations before a name: "mój mąż mariusz", "fostul meu sot ionut", "soția mea Ana".
_FOREIGN_ROLE_BEFORE = lazy_regex(
    r"\b(?:mąż|maz|męża|meza|mężem|żona|zona|syn|syna|córka|corka|córki|brat|brata|siostra|siostry|"
    r"(?:mój|moj|moja|mojego)\s+(?:były|byly|była|byla)|chłopak|chlopak|partner|teściowa|tesciowa|teść|tesc|szwagier|kolega|koleżanka|sąsiad|sasiad|"
    r"so[țţt]ul|so[țţt]|so[țţt]ia|fostul|fosta|iubitul|prietenul|prietena|fratele|sora|fiul|fiica|soacra|"
    r"cumnatul|vecinul|"
    # Portuguese ("meu filho davi", "minha filha ana", "o meu ex-marido") and Somali, whose "my" is an ending
    # ("wiilkayga" my son, "ninkayga" my husband).
    r"filho|filha|marido|ex-marido|esposa|namorado|namorada|companheiro|irm[aã]o|irm[aã]|cunhado|cunhada|"
    r"sogra|sogro|vizinho|vizinha|enteado|enteada|"
    r"wiilkayga|wiilkeyga|gabadhayda|gabadheyda|inantayda|inanteyda|ninkayga|ninkeyga|seygayga|seygeyga|xaaskayga|"
    r"xaaskeyga|walaalkay|walaalkey|walaashay|walaashey|hooyaday|hooyadey|aabahay|aabahey|ilmahayga|ilmaheyga|"
    r"ninkaygii|ninkeygii|saygii|seygii|xaaskaygii|"  # "my (former) husband": the past form
    # "his brother", "his sister", "his mother": walaalkiis Faarax.
    r"walaalkiis|walaashiis|hooyadiis|aabihiis|"
    # Somali roles with the article ending ("Tarjumaanka Xaliimo", the interpreter Xaliimo), and relations in Persian
    # and Arabic typed in English letters ("shoharam Omid", my husband Omid; "jozi Sami") (round 35).
    r"tarjumaanka|turjumaanka|turjubaanka|dhakhtarka|dhakhtarkii|dhakhtaradda|kalkaalisada|kalkaaliyaha|"
    r"macallinka|macallimadda|macalinka|qareenka|sarkaalka|hawlwadeenka|la-taliyaha|"
    r"shoharam|hamsaram|pesaram|dokhtaram|baradaram|khaharam|madaram|pedaram|dustam|doostam|madarshoharam|"
    r"jozi|zawji|zoji|ibni|akhi|ukhti|ikhti|"
    # Spanish ("mi hija Valentina", "mi ex pareja Jorge"), Turkish, whose "my" is an ending ("Oğlum Emre",
    # "kocam Murat", "eski eşim"), and Lithuanian ("mano vyras Tomas", "sūnus Jonas").
    r"(?:mi|mis)\s+(?:ex\s+)?(?:hija|hijo|marido|esposo|esposa|pareja|novio|novia|hermana|hermano|madre|padre|"
    r"vecina|vecino|suegra|suegro|cuñada|cuñado|amiga|amigo|sobrina|sobrino|prima|primo)|"
    r"oğlum|oglum|kızım|kizim|kocam|eşim|esim|eski\s+eşim|eski\s+kocam|annem|babam|kardeşim|kardesim|ablam|"
    r"ağabeyim|abim|kayınvalidem|arkadaşım|komşum|"
    r"(?:mano\s+)?(?:buvęs\s+)?(?:vyras|vyro|sūnus|sūnui|duktė|dukra|dukrai|brolis|sesuo|draugas|draugė|partneris)|"
    # Vietnamese, whose "my" follows: "chồng tôi là Hùng" (my husband is Hùng), "bạn trai cũ của tôi".
    r"(?:chồng|vợ|bạn\s+trai|bạn\s+gái|con\s+trai|con\s+gái|anh\s+trai|em\s+trai|mẹ\s+chồng)(?:\s+cũ)?"
    r"(?:\s+(?:của\s+)?tôi)(?:\s+là)?)(?:\s+(?:meu|mea|mój|moj|moja))?,?\s+$", re.I)
# What a person does, after their name: "Grace said", "dazza hit me", "May was my IDVA".
_VERBS = (
    r"said|says|told|tells|helped|helps|asked|rang|phoned|texted|called|listened|explained|came|comes|kept|"
    r"keeps|believed|sorted|arranged|referred|shouted|hit|hits|threatened|threatens|punched|kicked|pushed|"
    r"grabbed|strangled|choked|raped|followed|stalks|stalked|tracked|broke|smashed|took|takes|left|found|"
    r"turned|went|goes|knows|knew|got|gets|made|makes|wants|wanted|tried|tries|would|will|won't|wont|can|"
    r"can't|could|never|always|has|had|hasn't|was|is|isn't|wasn't|and me|did|does|didn't|doesn't|used|"
    r"started|stopped|lives|lived|works|worked|put|puts|sent|sends|messaged|messages|controls|controlled|"
    r"abused|beat|beats|drinks|drank|gave|gives|still|just|from|at|split|cheated|lied|lies|moved|died|screamed|"
    r"set|burnt|burned|watches|watched|waits|waited|knocked|banged|bit|dragged|locked|stole|threw|sold|"
    r"yelled|swore|slapped|spat|attacked|assaulted|harassed|blamed|isn't|wasn't|won't|let|lets|drove|drives|"
    r"picked|paid|pays|bought|buys"
)
_VERB_AFTER = lazy_regex(rf"^\s+(?:{_VERBS})\b", re.I)
# What only a person does to someone, after a lower-case word that is also a name: "dean threw my phone".
_ACTION_AFTER = lazy_regex(
    r"^\s+(?:said|told|rang|phoned|texted|messaged|hit|threw|punched|kicked|pushed|grabbed|strangled|choked|"
    r"slapped|raped|threatened|stalked|followed|smashed|broke|locked|took|stole|shouted|screamed)\s+"
    r"(?:me|my|her|his|us|our|the|at|him|them)\b"
    # "mark said id never get the kids": what someone said to the writer ("mark said it was fine" stays).
    r"|^\s+(?:said|told)\s+(?:i|id|i'd|i'll|i'm|im|we|you)\b"
    # "Dawn met me at dawn": only a person meets or fetches someone (but "Summer met my needs").
    r"|^\s+(?:met|hugged|visited|collected|drove|walked|picked)\s+(?:me|us|her|him|them)\b")
# What only a person does, after a word that is also a name: "Will said", "Grace rang me".
_SPEECH_AFTER = lazy_regex(
    r"^\s+(?:said|says|told|tells|rang|rings|phoned|texted|emailed|messaged|asked|explained|promised|replied)\b",
    re.I)
# What follows a person at the start of a sentence: "Grace from Women's Aid", "Amber was my worker".
# Services and workplaces where a person is found: "Grace from the refuge", "Will at the jobcentre".
_SERVICE_PLACES = (
    r"outreach|support|children's|family|housing|council|advice|aid|police|refuge|hub|centre|center|school|office|"
    r"team|drop|helpline|service|charity|group|desk|hospital|surgery|court|nursery|church|mosque|temple|gurdwara|"
    r"mandir|project|shop|salon|bar|cafe|café|takeaway|restaurant|pharmacy|chemist|clinic|library|gym|bank|factory|"
    r"warehouse|jobcentre|job\s+centre|probation|dwp|benefits|recovery|programme|program|course"
)
# A team or desk someone works in: "May in the housing team", "Sunny on the front desk".
_IN_TEAM = r"(?P<team>(?:in|on)\s+the\s+(?:[\w'’]+\s+)?(?i:team|office|department|unit|reception|desk|helpline)\b)"
# A service or workplace someone comes from or is at: "from Women's Aid", "at the jobcentre".
_FROM_SERVICE = rf"(?:from|at)\s+(?:the\s+)?(?:[\w'’]+\s+)?(?:\p{{Lu}}|(?i:{_SERVICE_PLACES})\b)"
_PERSON_AFTER = lazy_regex(
    rf"\s+(?:{_FROM_SERVICE}|{_IN_TEAM}"
    rf"|(?i:is|was)\s+(?i:my|our|the|a|an)\s+(?:\w+\s+){{0,2}}?(?i:{_ROLE_WORDS})\b"
    r"|(?:said|told|helped|rang|phoned|listened|explained|believed|sorted|arranged|referred|hit|threatened)\b"
    # A neighbour, then what a person does: "Dawn next door heard everything" (not "Hope next door is empty").
    r"|(?:from\s+)?(?:next\s+door|over\s+the\s+road|across\s+the\s+road|upstairs|downstairs)\s+"
    r"(?:heard|rang|called|came|said|told|saw|helped|phoned|took|let|knocked|shouted|had\s+to))"
)
# What a person does for someone, with its object, after a word that is also a name at the start of a
# sentence: "Rose helped me", "Grace ran the group", "Faith drove me" (not "Faith kept me going").
_CARE_AFTER = lazy_regex(
    r"^\s+(?:helped|helps|supported|supports|encouraged|reassured|comforted|believed)\s+"
    r"(?:me|us|the|my|our|her|him|them|to|with|for)\b")
# Only a person is "who", and praised bare at the start of a sentence: "Jo who does my mornings
# noticed", "Jo was amazing" (a thing praised takes "the": "The bill was huge").
_WHO_AFTER = lazy_regex(r"^,?\s+who\b", re.I)
# A lower-case word-name straight after a role and before what a person does: "the youth worker sky was".
# Narrower than _ROLE_BEFORE, whose services and people words take "the helpline lady said" for a name.
_ROLE_JUST_BEFORE = lazy_regex(r"\b(?:worker|caseworker|keyworker|advocate|idva|isva|officer|counsellor|"
                               r"therapist|nurse|teacher|landlady|facilitator|mentor|volunteer)\s+$", re.I)
_PERSON_VERB_AFTER = lazy_regex(
    r"^\s+(?:was|is|has|had|said|told|rang|helped|came|listened|got|gave|took|called|sorted|made|asked|spoke|"
    r"treated|kept)\b")
# "It was Sky who got me through it": the one a cleft sentence names before "who" is a person.
_IT_WAS_BEFORE = lazy_regex(r"\b(?:it|that)\s*(?:was|is|['’]s)\s+(?:really\s+|only\s+|just\s+)?$", re.I)
_PRAISED_AFTER = lazy_regex(
    r"^(?:'s|\s+(?:was|is|has\s+been))\s+(?:(?:so|really|absolutely|just|honestly|very|incredibly)\s+)?"
    r"(?:amazing|brilliant|lovely|fantastic|wonderful|kind|incredible|outstanding|excellent|superb|great|helpful|"
    r"supportive|awesome|fab|a\s+(?:rock|gem|star|diamond|lifeline|godsend|legend|superstar|saint)|"
    r"an\s+(?:angel|absolute\s+star))\b", re.I)
# Praise only a person earns, which also makes a virtue a name: "Joy was a gem", "Grace is a star".
_PERSON_PRAISED_AFTER = lazy_regex(
    r"^(?:'s|\s+(?:was|is|has\s+been))\s+(?:(?:such|an?\s+absolute|an?\s+total)\s+)?"
    r"(?:an?\s+)?(?:star|gem|legend|angel|saint|superstar|diamond)\b(?!['’])", re.I)
# Words for a person that are also first names: "Man who answered the phone was rude", "Son who is 12".
_PERSON_NOUNS = frozenset("""man guy lad lady son boss lawyer friend mentor imam pastor captain doc gang
    bloke chap mate""".split())
# What no virtue does: "Grace ran the group", "Hope listened to me", "Faith drove me".
_PERSON_ONLY_AFTER = lazy_regex(
    r"^\s+(?:ran|runs|listened|drove|visited|visits|welcomed|introduced|organised|organized|collected|hugged|"
    r"advised|represented|accompanied|referred|phoned|emailed|texted|messaged)\s+"
    r"(?:me|us|the|my|our|her|him|them|to|with|for)\b")
# A visit and a pronoun later in the sentence, after a word-name opening it: "Dawn came out ... rang her".
# Round 40: a habit of someone's, then a pronoun: "Mark used to go through my phone ... he'd smash it" (not "used to
# be").
_VISIT_THEN_PRONOUN = lazy_re(
    r"\s+(?:(?:came|comes|went|goes)\s+(?:out|round|over|back|with|to\s+(?:see|the|my|our))"
    r"|used\s+to\s+(?!be\b)[a-z]+\s+(?:me|my|us|our|through|round|over|at|on|to|with|in)\b"
    # Round 41: debt taken out in the writer's name: "Sky took out loans in my name, she..." (a firm does not).
    r"|(?:took|takes|has\s+taken|had\s+taken)\s+out\s+[^.!?\n]{0,40}?\bin\s+(?:my|our)\s+names?\b)"
    r"[^.!?\n]*\b(?:she|her|he|him)\b")
# Names that are virtues, which help and comfort as words do: "Hope helped me through it", "Faith kept me going".
_VIRTUES = frozenset("hope faith joy grace patience charity love mercy trust peace comfort harmony honour unity "
                     "liberty serenity felicity prudence constance verity bliss temperance".split())
# Virtues said of a service far more than they name someone in it: "Patience in the housing office is thin",
# "Faith in the police team is gone" (but "Grace on reception", "Comfort on the helpline" are people).
_ABSTRACT_VIRTUES = _VIRTUES - frozenset("grace joy comfort felicity constance verity serenity".split())
_AND_NAME_AFTER = lazy_regex(
    r"^\s+(?:and|&)\s+(?:\p{Lu}\p{Ll}|I\b|me\b"
    r"|(?:his|her|their)\s+(?:colleague|partner|mate|manager|boss|sergeant)s?\b)")
# The clear part of _PERSON_AFTER: "Grace from Women's Aid", "Hope was my worker".
# Round 41: also "Frank's been my carer", "has been my", and a neighbour doing what a person does ("Bob next door
# saw it all").
_PLACE_OR_ROLE_AFTER = lazy_regex(
    rf"(?:\s+(?:{_FROM_SERVICE}|{_IN_TEAM}"
    r"|(?:from\s+)?(?:next\s+door|over\s+the\s+road|across\s+the\s+road|upstairs|downstairs)\s+"
    r"(?:heard|rang|called|came|said|told|saw|helped|phoned|took|let|knocked|shouted|had\s+to))"
    rf"|(?:\s+(?i:is|was|has\s+been)|['’]s\s+been)\s+(?i:my|our|the|a|an|his|her|their)\s+(?:\w+\s+){{0,2}}?"
    rf"(?i:{_ROLE_WORDS})\b)"
)
_DETERMINER_BEFORE = lazy_regex(
    r"\b(?:the|a|an|my|his|her|our|their|your|this|that|(?<!front )(?<!behalf )(?<!instead )of|in|on|for|by|since|"
    r"until|till|last|next|every|"
    r"early|late|mid)\s+$", re.I)
# "Big Al", "Little Mo": a name that is also a word after a nickname's first word.
_NICKNAME_BEFORE = lazy_regex(r"\b(?:Big|Little|Lil|Young|Wee)\s+$")
# "Will the receptionist walked me out", "Mark the officer who came out": a role, then a past verb, after a
# modal or a verb: a name, not a question or a wish.
_ROLE_THEN_PAST = lazy_regex(
    rf"^\s+the\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_ROLE_WORDS})\s+(?:(?:at|from|in|on)\s+(?:the\s+)?[\w'’-]+\s+"
    r"(?:[\w'’-]+\s+)??)?(?:who\s+)?(?:\w+ed|was|came|took|told|said|gave|rang|sat|got|kept|"
    r"made|saw|drove|stood|found|brought|bought|held)\b", re.I)
_SENTENCE_END = lazy_regex(r"(?:^|[.!?\n:;\"“(•*-]\s*|\s[-–—]\s*)$")


class _Token(NamedTuple):  # a tuple: made for every word, so kept cheap
    start: int
    end: int  # without a possessive 's
    word: str
    key: str
    latin: bool

    @property
    def capitalised(self) -> bool:
        return self.word[:1].isupper()

    @property
    def shouted(self) -> bool:
        return len(self.word) > 1 and self.word.isupper()


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _WORD.finditer(text):
        if text[match.start() - 1:match.start()] == "[" and text[match.end():match.end() + 1] == "]":
            continue  # a label such as [name], from an earlier redaction
        word = match.group()
        if _CONTRACTION.search(word):
            continue  # "I'm", "Don't", "I’ve": never a name
        if match.start() and text[match.start() - 1].isdigit() and word[0].islower():
            continue  # Arabic typed with digits for letters ("2alli", he told me; "3ali"), "9am", "4th": no word
        while word[-2:] in ("'s", "’s", "'S", "’S"):
            word = word[:-2]
        hyphen_ending = _HYPHEN_CASE_ENDING.search(word)
        if hyphen_ending:
            word = word[:hyphen_ending.start()]  # "Sakib-er school": the name, its case ending beside the label
        if word:
            # Superscripts and other marks are no script: "A¹¹" is a Latin word.
            latin = word.isascii() or bool(_LATIN.fullmatch(word)) or not _OTHER_LETTER.search(word)
            # A Turkish case ending after an apostrophe goes with the word but is looked up without it:
            # "Mehmet'in" (Mehmet's), "Instagram'da" (on Instagram), "Bayramı'nda".
            turkish = _TURKISH_ENDING.search(word) if word[:1].isupper() else None
            word_key = key(word[:turkish.start()]) if turkish else key(word)
            tokens.append(_Token(match.start(), match.start() + len(word), word, word_key, latin))
    return tokens


# A Bengali or Somali case ending after a hyphen, typed in English letters, stays beside the name as it does beside a
# place ("[place]-এর"): "Sakib-er school" (Sakib's school), "Cabdi-ga", "Xaliimo-da" (round 35).
_HYPHEN_CASE_ENDING = lazy_re(r"(?<=[a-z]{2})-(?:er|ke|ra|der|re|te|ka|ga|ta|da|ha|kii|gii|tii|dii)$")
_TURKISH_ENDING = lazy_re(r"['’](?:n?[dt][ae]n?|n?[dt][ae]ki|n?[ıiuü]n|y?[ıiuü]|y?[ae]|n[ae]|y?l[ae]|[dt][ae]y\w*|"
                          r"l[ae]r\w*|[ıiuü]m\w*)$")


# A team after "supports" or "plays for" is a club, not the town it shares a name with ("supports
# Liverpool", "plays for Everton under-16s").
_TEAM = lazy_re(
    r"\b(?i:supports?|supporting|supported|supporter of|fan of|fans of|plays? for|played for|playing for|"
    r"signed for|season ticket at)\s+(?P<team>[A-Z][\w'’]*(?:\s+(?:City|United|Utd|Rovers|Town|Athletic|"
    r"Wanderers|Albion|County|Villa|Forest|Hotspur|Wednesday|Rangers|Celtic|Argyle|Alexandra|Orient))?)"
    r"(?![\w'’])(?!\s+[A-Z])")  # not a local club's full name ("plays for Heaton Mersey Football Club")


@cache
def _kept_phrase_pattern() -> re.Pattern[str]:
    phrases = sorted(lexicon().keep_phrases, key=len, reverse=True)
    # As written, capitals and all: "live on coronation street" in lower case is a street.
    return re.compile(r"(?<![\w'’])(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
                      + r")(?![\w'’])")


def kept_titles(text: str) -> Iterator[Span]:
    """Stretches nothing may redact: titles of several words from the keep list ("Coronation Street",
    "Jack Russell", "Freedom Programme"), a football club after "supports", a kept word of another language after
    a Polish "in" ("w Wigilię") and a car by its model beside its colour, make or registration ("czarny Passat")."""
    for match in _kept_phrase_pattern().finditer(text):
        yield match.span()
    for match in _TEAM.finditer(text):
        yield match.span("team")
    if not text.isascii():
        yield from _kept_after_polish_cue(text)
    if _CAR_HINT.search(text):
        yield from _cars(text)


# Polish "w", "we", "do", "z", "ze" before a capitalised word make it a town (places.py), unless the word is a kept
# English one ("w Citizens Advice"); a kept word with Polish letters is no town either: "infolinia w Wigilię"
# (on Christmas Eve), "w Święta" (round 36).
_POLISH_CUE_WORD = lazy_re(r"(?<![\w'’-])(?:[Ww]e?|[Dd]o|[Zz]e?)\s+(?P<word>[^\W\d_][\w'’-]*)")


def _kept_after_polish_cue(text: str) -> Iterator[Span]:
    lex = lexicon()
    for match in _POLISH_CUE_WORD.finditer(text):
        k = key(match.group("word"))
        if match.group("word")[0].isupper() and not k.isascii() and k in lex.keep and k not in lex.towns:
            yield match.span("word")


# Cars by their makes and models (round 36): "czarny Passat WX16 LPO" (a black Passat) was a town before a
# registration, "a silver Leon" a town, "Seat Leon negro" a name. A make or model is kept beside a colour written in
# lower case ("Black Leon" may be a nickname), a make or another model, after a word for a car, or before a
# registration; Polish endings are read off ("białym Golfem", "czarną Octavię").
_CAR_MAKES = frozenset("""vauxhall ford volkswagen vw skoda škoda seat audi bmw mercedes toyota nissan honda kia hyundai
    peugeot renault citroen citroën fiat dacia volvo mazda suzuki mitsubishi opel lexus porsche jeep subaru chevrolet
    lada mini""".split())
_CAR_MODELS = frozenset("""corsa astra insignia zafira mokka meriva vectra fiesta focus mondeo kuga puma transit golf
    polo passat tiguan touran sharan caddy transporter octavia fabia superb kodiaq karoq yeti leon ibiza arona ateca
    alhambra toledo clio megane mégane scenic captur kangoo twingo laguna qashqai juke micra note almera navara yaris
    aygo corolla auris avensis prius hilux civic jazz sportage picanto ceed rio sorento tucson kona logan sandero
    duster punto panda berlingo picasso swift vitara jimny outlander shogun freelander evoque cayenne sprinter vito
    cooper""".split())
_CAR_WORDS = _CAR_MAKES | _CAR_MODELS
_CAR_HINT = lazy_re(r"(?i:vauxhall|ford|volkswagen|vw|[sš]koda|seat|audi|bmw|mercedes|toyota|nissan|honda|kia|hyundai|"
                    r"peugeot|renault|citro[eë]n|fiat|dacia|volvo|mazda|suzuki|mitsubishi|opel|lexus|porsche|jeep|"
                    r"subaru|chevrolet|lada|mini|corsa|astr|insignia|zafir|mokk|meriv|vectr|fiest|focus|mondeo|kug|"
                    r"puma|transit|golf|polo|passat|tiguan|touran|sharan|caddy|octavi|fabi|superb|kodiaq|karoq|yeti|"
                    r"leon|ibiz|aron|ateca|alhambr|toled|clio|m[eé]gane|scenic|captur|kangoo|twingo|lagun|qashqai|"
                    r"juke|micr|note|almer|navar|yaris|aygo|corolla|auris|avensis|prius|hilux|civic|jazz|sportage|"
                    r"picanto|ceed|rio|sorento|tucson|kon|logan|sandero|duster|punto|pand|berlingo|picasso|swift|"
                    r"vitar|jimny|outlander|shogun|freelander|evoque|cayenne|sprinter|vito|cooper)")
# Polish case endings on a car ("Golfem", "Octavię", "Skodą", "Passatem"), with the ending of the name as listed.
_CAR_ENDINGS = (("em", ""), ("a", ""), ("u", ""), ("ie", ""), ("ę", "a"), ("ą", "a"), ("y", "a"), ("i", "a"),
                ("ze", "a"))
# Colours in English, Polish (stems, every case), Romanian, Lithuanian (stems), Spanish, Portuguese and Turkish.
_CAR_COLOUR = lazy_re(
    r"(?:black|white|grey|gray|silver|red|blue|green|yellow|orange|purple|gold|maroon|navy|dark|light|"
    r"(?:czarn|biał|srebrn|szar|czerwon|niebiesk|granatow|zielon|żółt|złot|bordow|grafitow|juod|balt|pilk|sidabrin|"
    r"raudon|mėlyn|žali)\w*|negru|neagră|neagra|alb|albă|gri|roșu|roșie|rosu|rosie|argintiu|argintie|albastru|"
    r"albastră|negro|negra|blanco|blanca|gris|rojo|roja|plateado|plateada|azul|verde|preto|preta|branco|branca|"
    r"cinza|cinzento|cinzenta|prata|prateado|vermelho|vermelha|siyah|beyaz|gümüş|kırmızı|mavi|lacivert)$")
# A word for a car a few words before the model: "O mașină neagră, un Logan", "samochód marki Opel".
_CAR_NOUN_BEFORE = lazy_re(r"(?i:\b(?:car|van|samoch[oó]d\w*|aut(?:o|em|a)|ma[șşs]in\w*|coche|carro|araba\w*|"
                           r"automobil\w*|ma[šs]in\w*)[\s,]+(?:\w+[\s,]+){0,2}$)")


def _car_word(word: str, kinds: frozenset[str] = _CAR_WORDS) -> str | None:
    """The make or model a word names, also with a Polish ending, or None."""
    k = key(word)
    if k in kinds:
        return k
    for ending, base in _CAR_ENDINGS:
        if k.endswith(ending) and len(k) > len(ending) + 2 and k[:-len(ending)] + base in kinds:
            return k[:-len(ending)] + base
    return None


def _cars(text: str) -> Iterator[Span]:
    lex = lexicon()
    words = list(_WORD.finditer(text))
    registrations: list[Span] | None = None
    for index, word in enumerate(words):
        car = _car_word(word.group()) if word.group()[:1].isupper() else None
        if car is None:
            continue
        before = words[index - 1] if index else None
        after = words[index + 1] if index + 1 < len(words) else None
        beside = [w for w in (before, after) if w is not None and text[min(w.end(), word.end()):
                                                                        max(w.start(), word.start())].strip() == ""]
        # A make beside a model ("Seat Leon"), never two models: "Leon Logan" is a person.
        partner = _CAR_MODELS if car in _CAR_MAKES else _CAR_MAKES
        # A model that is also a name is a car only beside a colour, a make or a registration ("my car and Logan").
        person = lex.is_first_name(car) or lex.is_ambiguous(car) or lex.is_surname(car)
        if any(_CAR_COLOUR.match(w.group()) or (w.group()[:1].isupper() and _car_word(w.group(), partner))
               for w in beside) or (not person and _CAR_NOUN_BEFORE.search(text, max(0, word.start() - 40),
                                                                            word.start())):
            yield word.span()
            continue
        if registrations is None:
            registrations = list(vehicles(text))
        if any(0 < start - word.end() <= 2 for start, _ in registrations):
            yield word.span()  # "Passat WX16 LPO", "Hyundai Tucson KX70 ZZZ"


# Initials with their dots stand for a person ("J.B. from the council", "my ex (D.M.)"), except these abbreviations.
_DOTTED_INITIALS = lazy_re(r"(?<![\w.])[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?(?![\w.])")
_DOTTED_ABBREVIATIONS = frozenset("""UK US USA EU UN AM PM GP ID NB PS EG IE TV DV DA MP OK RE AE BC AD QC KC JP
    PC DC DS DI OT AA BA MA RN SS NI DOB NFA RIP AKA ASB ETA FYI NHS BBC""".split())


# Initials named as such: "please only use my kids initials, TJ and MJ".
_NAMED_INITIALS = lazy_re(r"\binitials?\b[,:]?\s+(?:are\s+|is\s+)?(?P<first>[A-Z]{2,3})\b"
                          r"(?:,?\s+(?:and|&)\s+(?P<second>[A-Z]{2,3})\b)?")


def _dotted_initials(text: str) -> Iterator[Span]:
    for match in _DOTTED_INITIALS.finditer(text):
        if re.sub(r"[.\s]", "", match.group()) not in _DOTTED_ABBREVIATIONS:
            yield match.span()
    for match in _NAMED_INITIALS.finditer(text):
        yield from (match.span(group) for group in ("first", "second") if match.group(group))


# Relatives after a person's possessive ("Dean's mum", "kayleighs nan").
_POSSESSED_KIN = (r"mum|mam|mom|mother|dad|father|brother|sister|nan|nana|gran|grandma|grandad|auntie|aunty|uncle|"
                  r"cousin|wife|husband|girlfriend|boyfriend|partner|missus|ex|family|mates?|friends?")
# A possessive typed without its apostrophe, before a relative or a home: "kayleighs mum", "Jades house".
_BARE_POSSESSIVE = lazy_re(rf"\b(?P<name>[^\W\d_]{{3,}})s\s+(?:{_POSSESSED_KIN}|house|flat|place)\b")


def _bare_possessives(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _BARE_POSSESSIVE.finditer(text):
        k = key(match.group("name"))
        if lex.is_first_name(k) and not lex.is_ordinary(k) and k not in lex.keep:
            yield match.span("name")


# A word that is also a name, in lower case where only a person stands (round 35): told before what was told
# ("i told will everything"), "me and" before what people do together, a neighbour who did something; one of the staff
# praised before "who" ("the staff were lovely esp rose who sorted my claim", round 39).
_LOWER_WORD_NAME = lazy_re(
    r"\btold\s+(?P<told>[a-z]+)(?=\s+(?:everything|that|about|what|i|he|she|we|they|my|it|him|her|when|how)\b)"
    r"|\bme\s+and\s+(?P<with>[a-z]+)(?=\s+(?:stayed|went|moved|were|lived|got|left|ran|hid|slept|came)\b)"
    r"|(?<![\w'’-])(?P<neighbour>[a-z]+)(?=\s+(?:from\s+)?next\s+door\s+(?:heard|rang|called|came|said|told|saw|"
    r"helped|phoned|took|let|knocked|shouted|had\s+to)\b)"
    r"|\b(?:esp|especially|particularly|specially)\s+(?P<praised>[a-z]+)(?=\s+who\b)")


_MODALS_NOT_NAMES = frozenset({"can", "shall"})


# Lower-case first names listed before "and their mum", "and his dad" (round 40): "tom, lisa and their mum were in the
# refuge". Every item a first name (also one that is a word, "tom"), and one at least no word.
_PEOPLE_LIST = lazy_re(r"(?<![\w'’-])(?P<list>[a-z][a-z'’-]+(?:\s*,\s*[a-z][a-z'’-]+)+)\s*,?\s+(?:and|&)\s+"
                       r"(?:their|his|her)\s+(?:mum|mam|mom|mother|dad|father|nan|nana|gran|kids|children|family)\b")


def _listed_people(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _PEOPLE_LIST.finditer(text):
        items = list(re.finditer(r"[a-z][a-z'’-]+", match.group("list")))
        keys = [item.group() for item in items]
        if all((lex.is_first_name(k) or lex.is_ambiguous(k)) and k not in STOPWORDS and k not in _MODALS
               and k not in _CALENDAR for k in keys) and any(lex.is_first_name(k) and not lex.is_ambiguous(k)
                                                             for k in keys):
            for item in items:
                yield match.start("list") + item.start(), match.start("list") + item.end()


def _lower_word_names(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _LOWER_WORD_NAME.finditer(text):
        group = match.lastgroup
        k = match.group(group)
        if k in STOPWORDS and k not in _QUESTION_MODALS or k in _MODALS_NOT_NAMES \
                or not (lex.is_ambiguous(k) or lex.is_first_name(k) or k in lex.keep and lex.is_ordinary(k)):
            continue
        yield match.span(group)


# "Mother of" and "father of" with a son's name, typed in English letters: "Um Khalid", "Umm Ahmed", "Abu Sami" are one
# name, as "أم خالد" is (round 36). Portuguese "Um" (a) before a listed name is rare enough ("Um Carlos qualquer").
_LATIN_KUNYA = lazy_re(r"(?<![\w'’-])(?:Umm?|Om|Oum|Abu|Abou|Abo)\s+(?P<name>[A-Z][\w'’-]+)")


def _latin_kunyas(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _LATIN_KUNYA.finditer(text):
        k = key(match.group("name"))
        if lex.is_first_name(k) and k not in lex.keep and not lex.is_ordinary(k):
            yield match.start(), match.end() - (2 if _POSSESSIVE.search(match.group()) else 0)


def find_names(text: str) -> Iterator[Span]:
    lex = lexicon()
    yield from _titled(text, lex)
    if "U" in text or "O" in text or "A" in text:
        yield from _latin_kunyas(text, lex)
    yield from _dotted_initials(text)
    yield from _bare_possessives(text, lex)
    yield from _lower_word_names(text, lex)
    if "," in text:
        yield from _listed_people(text, lex)
    tokens = _tokens(text)
    latin_letters = sum(len(t.word) for t in tokens if t.latin)
    # A label left by an earlier redaction counts as a word of another script, so redacting a text
    # again never tips it into "mostly Latin" and takes more words (redaction is idempotent).
    labels = 4 * len(_LABEL.findall(text))
    mostly_latin = latin_letters * 2 >= sum(_letters_worth(t) for t in tokens) + labels
    romanised = _romanised_answer(tokens, lex)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if romanised and token.key in lex.romanised and not _named_here(token, text):
            i += 1  # "Amar shami amake marto": "amar" is "my", "shami" is "husband"
            continue
        if not token.latin:
            end = _other_script_run(tokens, i, text)
            if mostly_latin:
                if not all(t.key in _SCRIPT_KEEP for t in tokens[i:end]):
                    yield token.start, tokens[end - 1].end
            else:
                yield from _listed_in_script(tokens, i, end, lex, text)
            i = end
            continue
        if _asks(tokens, i, text) or not _is_name(tokens, i, text, lex):
            i += 1
            continue
        end_index = _nickname_after(tokens, i, text, _surnames_after(tokens, i, text, lex))
        yield _family_name_before(tokens, i, text, lex), _with_initial_dot(tokens[end_index], text)
        i = end_index + 1


def _letters_worth(token: _Token) -> int:
    """A Chinese character says as much as a short word: "我在Tesco工作" is a Chinese answer, not a Latin one."""
    return len(token.word) * (_HAN_WEIGHT if _HAN.match(token.word) else 1)


_HAN_WEIGHT = 4


_QUESTION_MODALS = frozenset("will may can shall".split())
_QUESTION_AHEAD = lazy_re(r"[^.!\n]*\?")


def _asks(tokens: list[_Token], i: int, text: str) -> bool:
    """"Will Sarah be there?", "May Grace come too?": a modal opening a question before a name is no name."""
    token = tokens[i]
    return token.key in _QUESTION_MODALS and i + 1 < len(tokens) and tokens[i + 1].capitalised \
        and bool(_SENTENCE_END.search(text, max(0, token.start - 3), token.start)) \
        and bool(_QUESTION_AHEAD.match(text, token.end))


def _nickname_after(tokens: list[_Token], i: int, text: str, end_index: int) -> int:
    """A nickname of capitalised words after a naming word is one name: "they call him Mad Dog"."""
    if not tokens[i].capitalised or not _NAMING_BEFORE.search(text, max(0, tokens[i].start - 40), tokens[i].start):
        return end_index
    while end_index < i + 2 and end_index + 1 < len(tokens):
        following = tokens[end_index + 1]
        if not following.capitalised or following.key in STOPWORDS or not _adjacent(tokens[end_index], following, text):
            break
        end_index += 1
    return end_index


def _east_asian_name_here(tokens: list[_Token], i: int, text: str) -> bool:
    """'Long and his brother came', 'Sang shouted at me', 'my partner Sang': the name, not the word."""
    token = tokens[i]
    before = text[max(0, token.start - 40):token.start]
    if _RELATION_BEFORE.search(before) or _ROLE_BEFORE.search(before):
        return True
    after = text[token.end:token.end + 40]
    return bool(_SENTENCE_END.search(before) and (_AND_RELATION_AFTER.match(after) or _ACTION_AFTER.match(after)))


def _romanised_answer(tokens: list[_Token], lex: Lexicon) -> bool:
    """An answer in Bengali, Urdu or Panjabi typed in Latin letters: two or more of their everyday
    words that are no English words ("Mera shohar mujhe...", "Ami khub bhoy pai")."""
    count = 0
    for token in tokens:
        if token.key in lex.romanised and token.key not in lex.ordinary:
            count += 1
            if count == 2:
                return True
    return False


def _named_here(token: _Token, text: str) -> bool:
    """A naming word, a title or an English relation just before: "my friend Amar", "called Sada"; not a service or
    body ("Women's Aid amare jaiga dise", Women's Aid gave me a place; "refuge wale")."""
    before = text[max(0, token.start - 40):token.start]
    role = _ROLE_BEFORE.search(before)
    person_role = bool(role) and re.match(r"[\w-]*", role.group()).group().lower() not in _SERVICE_ROLES
    return bool(_NAMING_BEFORE.search(before) or _RELATION_BEFORE.search(before) or person_role)


# Services and bodies among the role words, after which an everyday word of a romanised answer stays a word.
_SERVICE_ROLES = frozenset("refuge centre council police hub helpline team charity aid".split())


# Chinese, Vietnamese and Korean family names of two letters, written before the given name
# ("Xu Ming", "Li Na"): too short to be listed as surnames, so taken only just before a name.
_SHORT_FAMILY_NAMES = frozenset("li xu wu hu ma lu yu du qi fu ng ho ko gu lê lý võ vũ đỗ hồ ngô".split())
# Vietnamese middle names: the given name follows, even one that is a word ("Lê Văn Nam", "Trần Thị Lan").
_MIDDLE_NAMES = frozenset("văn thị".split())


def _family_name_before(tokens: list[_Token], i: int, text: str, lex: Lexicon) -> int:
    """Where the name at ``i`` starts: at a family name written first just before it ("Xu Ming",
    "Liu Yang"): a short one, or a listed surname that is no English word."""
    if i > 0:
        prev = tokens[i - 1]
        family = prev.key in _SHORT_FAMILY_NAMES or (lex.is_surname(prev.key) and not lex.is_ordinary(prev.key)
                                                     and prev.key not in STOPWORDS
                                                     and prev.key not in _FOREIGN_TITLE_WORDS  # "Dona Fátima"
                                                     and not _welsh_before_name(prev, tokens[i], text, lex))
        if family and prev.capitalised and not prev.shouted and text[prev.end:tokens[i].start] == " ":
            return prev.start
    return tokens[i].start


# After these a capitalised word is a name even when it is a word too ("PC Dobbs", "Sister Iman", "Auntie Joy").
_NAMING_TITLES = frozenset(POLICE_RANKS) | {"Dr", "Sister", "Father", "Auntie", "Aunty", "Uncle", "Imam", "Pastor",
                                           "Rev", "Reverend"}


def _title_matches(text: str) -> Iterator[re.Match[str]]:
    """Each title with the words after it, the next search starting after the title: in "Mr and Mrs Chowdhury" the
    words after "Mr" ("and Mrs") are no name, and "Mrs Chowdhury" is still found (round 39)."""
    position = 0
    while match := _TITLE.search(text, position):
        yield match
        position = match.start("first")


def _titled(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _title_matches(text):
        first = match.group("first")
        # After a police rank any capitalised word is the officer's name, even a word ("PC Dobbs", "DC Fox"),
        # and so after "Dr" with its capital ("Dr Whitfield", "Dr Bright").
        rank = text[match.start():match.start("first")].strip().rstrip(".") in _NAMING_TITLES
        initial = len(first) == 1 and first.isupper()  # "Mr K", "Mrs B": a name the writer shortened
        if not initial and (not first[0].isupper()
                            or (_plain_word(key(first), lex) and key(first) not in lex.keep and not rank)):
            continue  # "dr. However"; a kept proper noun can be a family name ("Sgt Parkinson")
        if not initial and _ends_a_name(key(first), lex) and not _titled_surname(key(first), lex):
            continue
        second = match.group("second")
        capitalised_second = second and second[0].isupper() and not _ends_a_name(key(second), lex)
        end = match.end("second") if capitalised_second else match.end("first")
        if initial:
            end = _surname_after_initials(text, match.end("first"), lex) or _initials_end(text, match.end("first")) \
                or end
        # The title goes with the name ("PC Hughes", "Dona Fátima"), but another language's title in lower case
        # stays, as earlier rounds' sets mark it ("pani [name]", "doamna [name]").
        foreign = match.group("foreign")
        start = match.start("first") if foreign and foreign[0].islower() else match.start()
        yield start, end - (2 if _POSSESSIVE.search(text[start:end]) else 0)
    for match in _LOWER_TITLE.finditer(text):
        first = key(match.group("first"))
        # "miss" is also a verb: a name after it only when no word ("the teacher miss okafor", not "i miss home").
        miss = match.group().lower().startswith("miss") and (lex.is_ordinary(first) or lex.is_ambiguous(first)
                                                             or _MISS_VERB_BEFORE.search(text, 0, match.start()))
        # "the dr said": what a doctor or officer did is no name ("said" is a family name too).
        word = first in _TITLE_VERBS
        if match.group("first")[0].islower() and not _ends_a_name(first, lex) and not miss and not word:
            yield match.start(), match.end()
    yield from _lower_ranks(text, lex)


# A police rank in lower case before a family name: "pc dunne", "ds patel", "dc r jones" (round 35). "pc" is a
# computer too ("my pc", "pc games"), so the word after must be a family name or no English word.
_LOWER_RANK = lazy_re(r"(?<![\w'’-])(?P<rank>pc|pcso|dc|ds|di|dci|dsi|dsgt|det)\s+"
                      r"(?:(?P<initial>[a-z])\.?\s+)?(?P<surname>[a-z][a-z'’-]+)\b")
_OWNED_BEFORE = lazy_re(r"\b(?:my|the|a|an|his|her|our|your|their|new|old|work|home|gaming|on|this|that)\s+$")


def _lower_ranks(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in _LOWER_RANK.finditer(text):
        surname = key(match.group("surname"))
        if _OWNED_BEFORE.search(text, max(0, match.start() - 12), match.start()) or surname in _TITLE_VERBS \
                or _ends_a_name(surname, lex):
            continue
        if lex.is_surname(surname) or lex.is_first_name(surname) or not lex.is_ordinary(surname):
            yield match.start(), match.end()


_TITLE_VERBS = frozenset("""said says told tells asked asks gave gives sent rang called came come wrote thinks thought
    reckons reckoned put referred prescribed was is and who at from""".split())


# More initials and a family name after a title's initial: "Dr. A. Khan", "Dr I. Khan", "Dr A.B. Khan".
_INITIALS_THEN_SURNAME = lazy_re(r"\.(?:\s?[A-Z]\.)*\s+(?P<surname>[A-Z][\w'’-]+)")


# Initials alone after a title's first initial: "Ms R.K.", "Mr J. P." (round 39).
_MORE_INITIALS = lazy_re(r"\.(?:\s?[A-Z]\.)+")


def _initials_end(text: str, position: int) -> int | None:
    match = _MORE_INITIALS.match(text, position)
    return match.end() if match else None


def _surname_after_initials(text: str, position: int, lex: Lexicon) -> int | None:
    """The end of the family name after a title's initials and their dots, or None when none follows."""
    match = _INITIALS_THEN_SURNAME.match(text, position)
    if match and not _ends_a_name(key(match.group("surname")), lex):
        return match.end()
    return None


# Months and days that are also family names ("May", "Friday"): after a title still a date's word.
_CALENDAR = frozenset("""january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    jan feb mar apr jun jul aug sep sept oct nov dec christmas xmas easter""".split())
# Seasons come round as months do: "Summer came round and she finally got a flat".
_SEASONS = frozenset("spring summer autumn winter".split())


def _titled_surname(word_key: str, lex: Lexicon) -> bool:
    """A kept word that is a family name after a title ("Sgt Parkinson", "Mr Preston"), unless it is a
    month or day, or names a service ("Dr Barnardo's" aside, no one is called "Mrs Refuge"). A building's word that
    is a common family name is one after a title ("Mrs Hall", "Sgt Ward", "Cllr Church"; round 40)."""
    return word_key not in STOPWORDS and (word_key not in _FACILITY or word_key in _FACILITY_SURNAMES) \
        and word_key not in _CALENDAR and word_key not in _SERVICE_NAMES


_FACILITY_SURNAMES = frozenset("hall lane ward church park bridge house court street".split())


# Kept words that name services or bodies, never a person after a title.
_SERVICE_NAMES = frozenset("""advice aid refuge police council services support helpline hub centre center team nhs
    gp gps idva idvas isva marac mash cafcass probation jobcentre samaritans shelter mind relate respect office
    court courts hospital home housing outreach recovery scheme programme universal credit""".split())


def _plain_word(word_key: str, lex: Lexicon) -> bool:
    """An ordinary word that is no name or surname ("dr. However")."""
    return lex.is_ordinary(word_key) and word_key not in _WORD_SURNAMES and not (
        lex.is_first_name(word_key) or lex.is_ambiguous(word_key) or lex.is_surname(word_key))


def _ends_a_name(word_key: str, lex: Lexicon) -> bool:
    return word_key in lex.keep or word_key in STOPWORDS or word_key in _FACILITY


def _in_apposition(before: str, after: str) -> bool:
    """A name between commas after a role: "the worker, sue, was lovely", "the lady at housing, carol,"."""
    return after.startswith(",") and bool(
        _ROLE_AT_BEFORE.search(before) or before.rstrip().endswith(",") and _ROLE_BEFORE.search(before))


_WELSH_AFTER = lazy_re(r"\s+(?:yn|wedi|ddim|i|a|o|fy|ei|gyda)\b")


def _welsh_before_name(word: _Token, name: _Token, text: str, lex: Lexicon) -> bool:
    """"Mae Llinos yn...", "Mae Cymorth i...": a Welsh word ("mae", is) before a name or a word in a Welsh
    sentence is no part of a name ("Thi Lan at the nail bar" is)."""
    return word.key in lex.welsh_words and bool(_WELSH_AFTER.match(text, name.end))

_QUOTES = frozenset("\"“‘'")
_CLOSING_QUOTES = frozenset("\"”’'")


def _quoted_after_relation(token: _Token, text: str) -> bool:
    opening = token.start - 1
    return opening > 0 and text[opening] in _QUOTES and text[token.end:token.end + 1] in _CLOSING_QUOTES \
        and bool(_RELATION_BEFORE.search(text, max(0, opening - 40), opening))


_ACRONYM_WITH_ENDING = lazy_re(r"[A-Z]{2,}[-‑][a-z]{1,5}")


# A relation in brackets after a word makes it a name: "Dean (my ex)", "Tash (his sister)".
_RELATION_IN_BRACKETS_AFTER = lazy_re(
    r"\s*\((?i:my|his|her|our|the kids['’]?|the children['’]?s?)\s+(?i:ex|partner|husband|wife|boyfriend|girlfriend|"
    r"son|daughter|mum|dad|mother|father|brother|sister|sister-in-law|brother-in-law|friend|neighbour|cousin|"
    r"uncle|aunt|auntie|nan|nana|gran|grandad|step-?dad|step-?mum|mate|boss|manager|landlord|abuser|worker|idva)\b")
# Words for a person that are also first names: "lady at the council was rude" is no Lady.
_PERSON_WORD_NAMES = frozenset("lady man woman girl guy lad bloke fella gentleman".split())


def _is_name(tokens: list[_Token], i: int, text: str, lex: Lexicon) -> bool:
    token = tokens[i]
    k = token.key
    if _LAW_AFTER.match(text, token.end) or (token.capitalised and _BARE_LAW_AFTER.match(text, token.end)) \
            or _MONTH_WORD_BEFORE.search(text, max(0, token.start - 8), token.start):
        return False  # "Clare's Law", "sarah's law", "Clare law"; "ym mis Mai"
    if k in _FOREIGN_TITLE_WORDS and (i + 1 < len(tokens) and tokens[i + 1].capitalised
                                      or text.startswith(" [name]", token.end)):
        return False  # "Dona Fátima", "la señora Rosa", "Dona [name]": the title, no name itself (round 36)
    if _ACRONYM_WITH_ENDING.fullmatch(token.word):
        return False  # Somali "GP-ga", "NHS-ta": a service with the article ending, even after a role
    if _quoted_after_relation(token, text):
        return True  # my ex "Tank": a nickname, even a word
    if k in _DEVOTIONS and _LIGHT_VERB_AFTER.match(text, token.end) and not _named_here(token, text):
        return False  # "Simran karna nahi chhadeya" (I never stopped meditating), "pooja karti hoon"
    if not token.capitalised:
        # The common case, kept cheap: a lower-case word is a name only if listed, with context.
        if lex.is_ambiguous(k):
            before = text[max(0, token.start - 40):token.start]
            # "my ex jay", but not "my ex will" or "my son may".
            after = text[token.end:token.end + 30]
            if k not in _MODALS and k not in STOPWORDS and _SENTENCE_END.search(before) and _ACTION_AFTER.match(after):
                return True  # "dean threw my phone", "grace rang me"
            if _in_apposition(before, after) or (_KIN_TITLE_BEFORE.search(before) and k not in _MODALS
                                                 and k not in STOPWORDS):
                return True  # "the officer, will, took my statement"; "stayed with nana joy"
            if k in STOPWORDS or k in _MODALS:
                return bool(_NAMING_BEFORE.search(before))
            if _ROLE_JUST_BEFORE.search(before) and _PERSON_VERB_AFTER.match(after):
                # "the youth worker sky was the only adult", "the social worker hope was alright": a role, then
                # what a person does (after a singular role a verb would take -s: "hopes", "wills").
                return True
            if _FOREIGN_ROLE_BEFORE.search(before):
                return True  # "fiica mea maria", "minha filha ana"
            if (_CALLED_BEFORE.search(before) or _ROLE_BEFORE.search(before)
                    or (_SENTENCE_END.search(before) and k not in _PERSON_WORD_NAMES)) \
                    and _works_there(_PLACE_OR_ROLE_AFTER, token, text):
                return True  # "thank jade from the hub", "jade at citizens advice sorted it"
            return bool(_NAMING_BEFORE.search(before)) or (
                bool(_RELATION_BEFORE.search(before))
                and bool(_VERB_AFTER.match(after) or _STOP_AFTER.match(after) or _LINK_AFTER.match(after)))
        if k in STOPWORDS or k in lex.keep or k in lex.welsh_words or k in _FOREIGN_FUNCTION_WORDS:
            return False  # Welsh "tîm" (team) is no "Tim"; Spanish "ella" (she), Portuguese "uma" (a)
        if k in _FOREIGN_LOWER_WORDS and not (_named_here(token, text) or _KIN_TITLE_BEFORE.search(
                text, max(0, token.start - 40), token.start)):
            return False
        if not lex.is_first_name(k):
            return _unlisted_after_relation(token, text, lex) or _lower_family_name(token, text, lex) \
                or _unlisted_before_service(token, text, lex) or _turkish_name_after_kin(token, text, lex)
        return _lower_case_name_context(tokens, i, text, lex)
    if len(token.word) > 3 and token.word.endswith("s") and token.word[:-1].isupper():
        return False  # an acronym's plural: "GCSEs", "IDVAs", "PCSOs"
    if len(token.word) == 1 and token.word not in "IA" \
            and _RELATION_BEFORE.search(text, max(0, token.start - 40), token.start):
        return True  # an initial after a relation: "his cousin T.", "my ex J" ("I" and "A" are words)
    if _FOREIGN_ROLE_BEFORE.match(token.word + " "):
        return False  # "Ninkeyga Cabdi" (my husband Cabdi): the relation starts the sentence
    if token.shouted:
        # Acronyms ("IDVA", "GP") are services; a name in capitals is still a name, and so is a
        # word-name between a role and what a person does ("THE SOCIAL WORKER DAWN TOLD MY EX").
        before = text[max(0, token.start - 40):token.start]
        if len(token.word) == 2 and token.word not in _DOTTED_ABBREVIATIONS and k not in lex.keep \
                and _works_there(_PLACE_OR_ROLE_AFTER, token, text):
            return True  # initials for a person: "JB from the freedom programme was fab"
        return (lex.is_first_name(k) and len(k) > 3 and k not in lex.keep) or (
            lex.is_ambiguous(k) and k not in _VERB_NAMES and bool(_ROLE_JUST_BEFORE.search(before))
            and bool(_PERSON_VERB_AFTER.match(text[token.end:token.end + 30].lower())))
    if _opens_an_everyday_sentence(tokens, i, text, lex):
        return False  # Lithuanian "Tai buvo" (that was), Portuguese "Ela falava" (she spoke), Welsh "Mae Cyngor"
    if k not in STOPWORDS and k not in lex.keep and (
            _RELATION_IN_BRACKETS_AFTER.match(text, token.end)
            or _KIN_TITLE_BEFORE.search(text, max(0, token.start - 12), token.start)):
        return True  # "Dean (my ex) smashed", "Nanna Pat we called her"
    if _in_place_name(tokens, i, text) or _in_title_case_phrase(tokens, i, text, lex):
        return False
    if k in _EAST_ASIAN_WORD_NAMES and _east_asian_name_here(tokens, i, text):
        return True
    if _word_by_its_use(tokens, i, text, lex):
        return False
    if lex.is_ambiguous(k):
        return _ambiguous_is_name(tokens, i, text, lex)
    if k in lex.keep or k in STOPWORDS:
        return False
    before = text[max(0, token.start - 40):token.start]
    if lex.is_first_name(k) or _inflected_first_name(k):
        return True
    if lex.is_ordinary(k):  # "Chồng tôi là Hùng": after a relation in another language, even a word
        return bool(_NAMING_BEFORE.search(before) or _FOREIGN_ROLE_BEFORE.search(before)
                    or _FOREIGN_NAMING_BEFORE.search(before)
                    or _nickname_after_relation(token, before, text)
                    or _word_before_family_name_after_relation(tokens, i, before, text, lex))
    if k in lex.welsh_words:
        # An everyday Welsh word, capitalised ("Roedd", "Cymorth i Ferched"): a name only after a naming word.
        # (Polish and Romanian frequent words are not used so: their lists hold surnames and inflected names.)
        return bool(_NAMING_BEFORE.search(before) or _FOREIGN_NAMING_BEFORE.search(before))
    if not _SENTENCE_END.search(before):
        return True  # an unknown capitalised word mid-sentence
    return _person_follows(tokens, i, text, lex)


# Words of the language an answer is in, besides the one looked at, that make it that language's answer (round 38b).
_LANGUAGE_EVIDENCE = 3


def _opens_an_everyday_sentence(tokens: list[_Token], i: int, text: str, lex: Lexicon) -> bool:
    """A capitalised word opening a sentence of an answer in Welsh, Lithuanian, Portuguese, Polish, Romanian, Spanish
    or Turkish that is one of that language's commonest words, though a first name elsewhere ("Tai buvo pirmas
    kartas", that was the first time; "Ela falava português", she spoke Portuguese; "Mae Cyngor Sir Gâr", the council
    is; "Dywedodd Heddlu", the police said): a word, unless a naming word comes before (round 38b). The answer is in
    the language when three other words of it, which are no English words, are in the answer."""
    token = tokens[i]
    start = max(0, token.start - 40)
    if not _SENTENCE_END.search(text, start, token.start) or _NAMING_BEFORE.search(text, start, token.start):
        return False
    k = token.key
    if k in lex.welsh_words and _answer_in(tokens, i, lex.welsh_words, lex):
        return True
    folded = fold(k)
    return any((k in names or folded in names) and _answer_in(
        tokens, i, lex.language_words.get(language, frozenset()), lex, _LANGUAGE_LETTERS.get(language))
        for language, names in lex.everyday_word_names.items())


# Letters only one of these languages writes: a word with one is of that language, however rare ("atvažiavo").
_LANGUAGE_LETTERS = {language: lazy_re(f"[{letters}]") for language, letters in (
    ("lt", "ąčęėįšųūž"), ("pt", "ãõâêôà"), ("pl", "ąćęłńśźż"), ("ro", "ăâîșț"), ("es", "ñ¿¡"), ("tr", "ğış"))}


def _answer_in(tokens: list[_Token], i: int, words: frozenset[str], lex: Lexicon, letters=None) -> bool:
    found: set[str] = set()
    for j, other in enumerate(tokens):
        if j == i or not other.latin or other.key in found or lex.is_ordinary(other.key):
            continue
        if other.key in words or (letters is not None and letters.search(other.key)):
            found.add(other.key)
            if len(found) >= _LANGUAGE_EVIDENCE:
                return True
    return False


# Round 35: words that are names elsewhere, used here as words. Devotions that are also names, before "do" in
# romanised Panjabi, Hindi, Urdu or Bengali ("Simran karna", "Pooja karti hoon", "Dua mangna", "Namaz parhna").
_DEVOTIONS = frozenset("""simran pooja puja aarti arti archana sadhna sadhana bhakti seva sewa ibadat ibaadat dua duaa
    prarthana kirtan ardas ardaas bandagi tapasya vandana aradhana upasana jaap smaran dhyan dhyaan namaz zikr sabar
    sabr shukar shukr tauba""".split())
_LIGHT_VERB_AFTER = lazy_re(
    r"\s+(?i:kar(?:na|ni|ne|o|te|ti|ta|di|da|de|diyaa?n|ke|i|e|ein|en|u|un|oon|ungi|unga|enge|egi|ega|an)?|"
    r"ki(?:ya|ye|ti|tti|ta|tta|tte)|kor(?:i|e|te|chi|chhi|tam|tesi|bo|lam|echi)|"
    r"pa(?:dh|rh)(?:na|ni|ne|ti|te|ta|i)|mang(?:na|ni|ne|ti|te|ta|i)|rakh(?:na|ni|ne|ti|te|ta|i|o))\b")
# The word that makes the one before it a feast's name: "Ramazan Bayramı'nda" (at the Ramadan feast, though
# Ramazan is a man's name), "Kadir Gecesi", "Durga Puja", "Boishakhi Mela", "Guru Nanak Jayanti".
_FEAST_HEADS = frozenset("bayram bayramı bayramında bayramda kandili gecesi puja pujo mela jayanti gurpurab".split())
# Somali "I am not", "you are not", "we are not" after a word: "Hodan ma ihi" (I am not rich) says what, not who.
_SOMALI_NOT_AFTER = lazy_re(r"\s+ma\s+(?:ihi|ahi|ihid|ihin|ahin)\b")


def _word_by_its_use(tokens: list[_Token], i: int, text: str, lex: Lexicon) -> bool:
    """A capitalised word that names someone elsewhere, here a word by what stands around it: before a feast's word
    ("Ramazan Bayramı'nda"), before Somali "I am not" ("Hodan ma ihi"), or a Portuguese verb in the first person
    opening a sentence, whose "-ei" only looks like the Romanian dative of a name ("Morei em Boston", I lived in
    Boston; "Mariei i-am spus", I told Maria)."""
    token = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt and nxt.key in _FEAST_HEADS and text[token.end:nxt.start] == " ":
        return True
    if _SOMALI_NOT_AFTER.match(text, token.end):
        return True
    return token.key.endswith("ei") and not lex.is_first_name(token.key) \
        and bool(_SENTENCE_END.search(text, max(0, token.start - 40), token.start)) \
        and bool(_PORTUGUESE_AFTER_VERB.match(text, token.end)) and _inflected_first_name(token.key)


# What follows a Portuguese verb opening a sentence ("Morei em Boston", "Morei lá dois anos"), where a Romanian dative
# name takes a clitic ("Mariei i-am spus", to Maria I said).
_PORTUGUESE_AFTER_VERB = lazy_re(r"\s+(?:em|no|na|nos|nas|num|numa|com|lá|ali|aqui|para|pra|por|até|dois|duas|três|"
                                 r"muito|muitos|muitas|sozinha|sozinho|anos|meses)\b", re.I)


# Pronouns and articles of Spanish, Portuguese and Polish that are first names elsewhere ("Ella", "Uma", "Una", "Ela"):
# in lower case never a name ("ella tiene mi número", "vi uma luz").
_FOREIGN_FUNCTION_WORDS = frozenset("ella ellas uma una ela elas".split())
# Turkish "ama" (but), "sana" (to you), "bana" (to me), Lithuanian "tai" (that), "kai" (when), Romanian "mari" (big),
# also names: in lower case a name only after an English relation, title or naming word ("Eşim ama hiç yardım etmedi",
# my husband never helped though; "my aunty ama let me stay") (round 35). Somali "ima" (not... me) and "soo"
# (towards the speaker), also a first name and a family name: "qofna ima soo wicin" (nobody called me) (review 39).
_FOREIGN_LOWER_WORDS = frozenset("ama sana bana tai kai mari ima soo".split())
# First names that are everyday words of Spanish, Portuguese, Turkish, Romanian, Lithuanian, Somali, Polish and Welsh
# (also in sources/ambiguous_names.txt, so names only with a person's cue): hope, peace, grace, dawn, sea, sun, star.
# Looked up by key, so Turkish "ş" is found as the Romanian "ș" that keys are written with ("Barış").
_FOREIGN_WORD_NAMES = frozenset(key(word) for word in """soledad paz luz esperanza consuelo dolores milagros estrella
    cielo rocío aurora glória graça esperança umut ümit deniz barış bahar güneş yıldız gül speranța doina floarea aušra
    laima nimco ramazan kuba eira seren heulwen kalina jagoda róża malina aydın dilek sevgi omid barwaaqo""".split())
# Articles and prepositions of Spanish, Portuguese, Romanian, Lithuanian and Welsh before a capitalised word that is a
# name and a word ("pela Graça de Deus", "la Paz", "yr Haf"): the word, as after "the".
_FOREIGN_DETERMINER_BEFORE = lazy_re(
    r"(?<![\w'’])(?:o|os|as|um|uma|pela|pelo|pelas|pelos|na|nas|da|das|do|dos|la|el|los|las|un|una|del|al|yr|y|"
    r"ar|ir|per|prieš|po|iki|în|pe|cu|din|de)\s+$", re.I)
# Respect words South Asian families put after a name, typed in Latin letters ("Shahana apa", "Rubina baji").
_KIN_HONORIFIC_AFTER = lazy_re(r"\s+(?:apa|aapa|baji|baaji|bhaji|bhabhi|bhai|bhaiya|didi|sahib|sahab|ji|begum|khala|"
                               r"chachi|mami|phupho|bibi|"
                               # Panjabi and Hindi (round 35): "Bally veer", "Sukhi paaji", "Rano bhenji".
                               r"veer|veerji|paaji|paji|praji|bhenji|behenji|bhainji|penji|bhaiyya|bhayya)\b")
# Romanised Urdu and Panjabi after a name: "imran ne mujhe mara", "harjeet nu dassya".
_ROMANISED_MARKER_AFTER = lazy_re(r"\s+(?:ne|nay|nu|nuu|ko|sahib|sahab|ji)\b")
# Romanised Urdu and Hindi "with", "at the home of", "towards" after a person (round 38b): "asif ke paas", "zara ke
# ghar", "imran ke saath"; a listed name there is one unless it is an everyday word ("sab ke paas", everyone has).
_ROMANISED_POSTPOSITION_AFTER = lazy_re(r"\s+(?:ke|kay)\s+(?:paas|pass|pas|saath|sath|ghar|gher)\b|\s+ki\s+taraf\b")
# Polish and Romanian case endings on a first name, with the ending of the name as listed:
# "Mariusza" (Mariusz), "Kasię" (Kasia), "Agnieszce" (Agnieszka), "Piotrze" (Piotr), "Mariei" (Maria).
_NAME_ENDINGS = (
    ("owi", ""), ("iem", ""), ("em", ""), ("ie", ""), ("ze", ""), ("a", ""), ("u", ""), ("y", "a"), ("ę", "a"),
    ("ą", "a"), ("i", "a"), ("ie", "a"), ("ce", "ka"), ("dze", "ga"), ("rze", "ra"), ("cie", "ta"), ("u", "a"),
    ("o", "a"), ("ię", "ia"), ("ią", "ia"), ("iu", "ia"), ("i", "ia"), ("ei", "a"), ("ei", ""), ("ule", ""),
)


# Letters Polish and Romanian never write: a Spanish, Portuguese or Turkish word ("Vivía", I lived) has no
# Polish ending.
_NOT_POLISH_OR_ROMANIAN = lazy_re(r"[áéíúñãõàèìòùçêôğıüö]")


@lru_cache(maxsize=8192)
def _inflected_first_name(k: str) -> bool:
    """A Polish or Romanian first name with a case ending, when the word is no English word."""
    lex = lexicon()
    if (len(k) < 3 or lex.is_ordinary(k) or lex.is_ambiguous(k) or k in lex.foreign_words
            or _NOT_POLISH_OR_ROMANIAN.search(k)):
        return False
    for ending, base in _NAME_ENDINGS:
        if not k.endswith(ending):
            continue
        stem = k[:-len(ending)]
        candidates = [stem + base]
        if not base and len(stem) > 2 and stem[-1] in "kłlcń":
            candidates.append(stem[:-1] + "e" + stem[-1])  # "Tomka" (Tomek), "Pawła" (Paweł)
        # A word-name of another language is a name when inflected as one ("Kubę zostawił", he left Kuba).
        if any(len(c) > 2 and (lex.is_first_name(c) and not lex.is_ambiguous(c) or c in _FOREIGN_WORD_NAMES)
               for c in candidates):
            return True
    return False


def _in_title_case_phrase(tokens: list[_Token], i: int, text: str, lex: Lexicon) -> bool:
    """'Men's Advice Line', 'Respect Phoneline': a capitalised word after a capitalised
    ordinary word is part of an organisation's name, not a person's."""
    prev = tokens[i - 1] if i > 0 else None
    if not (prev and prev.capitalised and tokens[i].capitalised and _adjacent(prev, tokens[i], text)):
        return False
    if len(prev.word) == 1 or _NICKNAME_BEFORE.search(text, max(0, tokens[i].start - 8), tokens[i].start):
        return False  # "Z Tomkiem", "I Sarah", "Big Al"
    if _FOREIGN_ROLE_BEFORE.search(text, max(0, tokens[i].start - 40), tokens[i].start):
        return False  # "Wiilkayga Cabdi" (my son Cabdi), "Fiul meu Andrei"
    if lex.is_first_name(tokens[i].key) or prev.shouted:  # "My IDVA Leanne"
        return False
    k = prev.key
    if lex.is_first_name(k) or lex.is_ambiguous(k) or lex.is_surname(k) and not lex.is_ordinary(k):
        return False
    return k in lex.keep or lex.is_ordinary(k)


def _person_follows(tokens: list[_Token], i: int, text: str, lex: Lexicon) -> bool:
    token = tokens[i]
    after = text[token.end:token.end + 40]
    if _VERB_AFTER.match(after) or _ROLE_AFTER.match(after) or _PERSON_AFTER.match(text, token.end, token.end + 60):
        return True
    if _KIN_HONORIFIC_AFTER.match(after):
        return True  # "Shahana apa at the women's centre", "Rubina baji": a respectful word a name takes
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt and nxt.key in _LITHUANIAN_KIN and _lithuanian_genitive(token.key, lex):
        return True  # "Ramuno mama ir sesuo mane seka" (Ramūnas's mother and sister follow me)
    if nxt and not nxt.latin and (nxt.key in _ME_WORDS or nxt.key in _PERSON_MARKERS_AFTER):
        return True  # "Rima আমার বন্ধু" (Rima is my friend), "Saima نے کہا": a Latin name in another script's sentence
    # "Nguyen Van An", but not "Roedd Gwenllian" or "Dear Sarah": before a first name, a word is a word; before a
    # title, too ("Avukatım Bayan Taylor", my lawyer Ms Taylor; round 38b).
    return bool(nxt and nxt.capitalised and _adjacent(token, nxt, text) and _name_part(nxt, lex)
                and not lex.is_first_name(nxt.key) and nxt.key not in _FOREIGN_TITLE_WORDS)


# Lithuanian genitive endings on a first name, with the ending as listed: "Ramūno" (Ramūnas), "Dariaus" (Darius),
# "Rasos" (Rasa), "Gintarės" (Gintarė); before a relative or a home it is that person's (round 35).
_LITHUANIAN_GENITIVES = (("o", "as"), ("io", "is"), ("io", "ys"), ("iaus", "ius"), ("aus", "us"), ("os", "a"),
                         ("ės", "ė"))
_LITHUANIAN_KIN = frozenset("""mama mamą motina tėtis tėvas brolis broliai sesuo sesė sesers žmona vyras draugas draugė
    draugai šeima namai namuose automobilis mašina vaikai vaikas sūnus duktė dukra pusbrolis pusseserė uošvė uošvis
    anyta dėdė teta močiutė senelis""".split())


def _lithuanian_genitive(k: str, lex: Lexicon) -> bool:
    return any(k.endswith(ending) and len(k) > len(ending) + 2 and lex.is_first_name(k[:-len(ending)] + base)
               for ending, base in _LITHUANIAN_GENITIVES)


# A possessive and a relative after a word that is also a name: "Dean's mum", "Will's dad".
_KIN_AFTER_POSSESSIVE = lazy_re(rf"['’]s\s+(?:{_POSSESSED_KIN})\b", re.I)


def _works_there(pattern, token: _Token, text: str) -> bool:
    """A service, team, post or role after a word-name (``_ROLE_AFTER``, ``_PERSON_AFTER``...); after an abstract
    virtue, a team, office or post only when what a person does follows: "Patience in the housing office is
    thin" is the virtue, "Faith on the helpline rang me" a person."""
    after = text[token.end:token.end + 60]
    match = pattern.match(after)
    if not match or not match.group("team") or token.key not in _ABSTRACT_VIRTUES:
        return bool(match)
    rest = after[match.end():]
    rest = rest[len(_WORKPLACE.match(rest).group()):]  # "Faith on reception at the GP spotted my bruises"
    return any(p.match(rest) for p in (_SPEECH_AFTER, _ACTION_AFTER, _CARE_AFTER, _PERSON_ONLY_AFTER, _DID_TO_SOMEONE))


_WORKPLACE = lazy_re(r"(?:\s+(?:at|from|in)\s+(?:the\s+)?[\w'’-]+)?")
_DID_TO_SOMEONE = lazy_re(r"\s+\w+ed\s+(?:me|my|us|our|her|him|them)\b")


# Word-names that are also verbs opening a question or a wish before "the <role>": "Will the interpreter be
# there?", "Hope the interpreter comes", "Love the new counsellor". A name there only with a past verb after.
_VERB_NAMES = _MODALS | frozenset("will hope love trust pat rob sue mark bill".split())
# Words for a child that are also names: before a relative they are the child, not a name ("Baby's dad").
_CHILD_NOUNS = frozenset("baby babe kid child bub bubba".split())
# Roles that are also names or family names, said without "the" at a sentence's start.
_ROLE_NOUNS = frozenset("""doctor nurse judge officer sister matron vicar constable sergeant inspector pastor imam
    priest rabbi chaplain""".split())


def _who_or_praised(key: str, after: str, lex: Lexicon) -> bool:
    """A name that is also a word, at the start of a sentence, before "who" or praised bare
    (a common word only before "who": "Art was amazing" is the class)."""
    if key in _PERSON_NOUNS or key in _CHILD_NOUNS:
        return False
    if _WHO_AFTER.match(after):
        return True  # "May who runs the art group": only a person is "who", kept word or not
    if key in _VIRTUES and _PERSON_PRAISED_AFTER.match(after):
        return True  # "Joy was a gem": a feeling is never "a gem"
    return key not in lex.common and key not in lex.keep and key not in lex.places \
        and bool(_PRAISED_AFTER.match(after))


def _ambiguous_is_name(tokens: list[_Token], i: int, text: str, lex: Lexicon) -> bool:
    token = tokens[i]
    before = text[max(0, token.start - 40):token.start]
    if _NAMING_BEFORE.search(before) or _in_apposition(before, text[token.end:token.end + 1]) \
            or (token.capitalised and _FOREIGN_NAMING_BEFORE.search(before)):
        return True  # "known as Tiny"; "the lady from housing, Joy, rang"; "al que llaman Paz"
    if token.key in _FOREIGN_WORD_NAMES and _ARTICLE_APPOSITION_BEFORE.search(before) \
            and text[token.end:token.end + 1] == ",":
        return True  # "A moça do Jobcentre, a Graça, falou comigo": a person, named with the article
    if _KIN_AFTER_POSSESSIVE.match(text, token.end) and token.key not in _CHILD_NOUNS:
        return True  # "Dean's mum keeps turning up": only a person has a mum ("Baby's dad" is anyone's)
    if not token.capitalised:
        return False
    if _SENTENCE_END.search(before) and text[token.end:token.end + len(token.word) + 1] == " " + token.key:
        return True  # "Will will not let me see them" (round 41): the name, then its word; no question says so
    if token.key in _ROLE_NOUNS and _SENTENCE_END.search(before):
        return False  # "Doctor said the bruises were old": the role, without "the"
    if _NICKNAME_BEFORE.search(before):
        return True
    if _ROLE_BEFORE.search(before) or (_CALLED_BEFORE.search(before) and token.key not in lex.places) \
            or _FOREIGN_ROLE_BEFORE.search(before):
        return True  # "my ex Will", "told Grace", "Chồng tôi là Hùng"
    if before.endswith("(") and text[token.end:token.end + 1] == ")":
        return True
    after = text[token.end:token.end + 40]
    # "Will my ex find out?": a question's modal before "my ex"; "Will, my caseworker" has a comma.
    question = token.key in _VERB_NAMES and not after.startswith(",") and not _POST_AFTER.match(after) \
        and (not _ROLE_THEN_PAST.match(after) or bool(_QUESTION_AHEAD.match(text, token.end)))
    if (_works_there(_ROLE_AFTER, token, text) and not question) or _works_there(_PLACE_OR_ROLE_AFTER, token, text):
        return True
    if _SENTENCE_END.search(before) and _AND_NAME_AFTER.match(after):  # "Tom and Aisha", "Jade and I"
        return True
    if _ACTION_AFTER.match(after):  # "Rob stole my bank card": what a person does to someone
        return True
    if _SPEECH_AFTER.match(after):  # "Will said", "May told me": only a person says or rings
        return True
    if _SENTENCE_END.search(before) and token.key not in _MODALS and token.key not in _CALENDAR \
            and token.key not in _SEASONS and _VISIT_THEN_PRONOUN.match(text, token.end):
        return True  # "Dawn came out at dawn when the police rang her": she comes round and is "her"
    if _SENTENCE_END.search(before) and (_PERSON_ONLY_AFTER.match(after) or (
            token.key not in _VIRTUES and _CARE_AFTER.match(after))):
        return True  # "Rose helped me", "Grace ran the group"; but "Hope helped me through it"
    if _IT_WAS_BEFORE.search(before) and _WHO_AFTER.match(after) and token.key not in _PERSON_NOUNS:
        return True  # "it was Sky who got me through it"
    if _SENTENCE_END.search(before) and _who_or_praised(token.key, after, lex):
        return True  # "Jo who does my mornings noticed", "Pat was a star"; not "Summer was lovely", "Art is great"
    if i and _asks(tokens, i - 1, text) and token.key not in lex.keep:
        return True  # "Will Grace still be my worker?": who the question is about
    if token.key in lex.common:  # "Made me feel", "Doctor rang back": only the clear context above
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        return bool(nxt and nxt.capitalised and _adjacent(token, nxt, text) and _surname_part(nxt, lex))
    if _works_there(_PERSON_AFTER, token, text):
        return True
    at_start = _SENTENCE_END.search(before)
    if at_start and _AND_NAME_AFTER.match(after):
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt and nxt.capitalised and _adjacent(token, nxt, text) and _name_part(nxt, lex) \
            and not _welsh_before_name(token, nxt, text, lex):
        return True
    if token.key in lex.keep or token.key in lex.places:  # months and places: only with the context above
        return False
    if not at_start and _VERB_AFTER.match(after) and not _DETERMINER_BEFORE.search(before):
        return True
    # Capitalised in mid-sentence ("I told Frank"), unless after "the", "in"... ("the Sky box"), or its word in
    # another language ("pela Graça de cada dia").
    return not at_start and not _DETERMINER_BEFORE.search(before) \
        and not (token.key in _FOREIGN_WORD_NAMES and (_FOREIGN_DETERMINER_BEFORE.search(before)
                                                      or _opens_a_clause(tokens, i, before, lex)))


# A comma and a Portuguese or Spanish article before a name in apposition: "a moça do Jobcentre, a Graça, falou".
_ARTICLE_APPOSITION_BEFORE = lazy_re(r",\s+(?:a|o|la|el)\s+$")
# "But" and "and" in Somali, Spanish, Portuguese, Polish, Romanian, Lithuanian, Turkish, Welsh, romanised Urdu, Hindi
# and Bengali, and Persian: a word-name after one opens a clause as after a full stop ("laakiin Barwaaqo Alle ha ina
# siiyo", but may God give us prosperity; "Fé e Esperança", faith and hope).
_FOREIGN_BUT_BEFORE = lazy_re(r"(?<![\w'’])(?i:laakiin|laakin|balse|pero|mas|porém|ale|lecz|dar|însă|insa|iar|bet|"
                              r"tačiau|ama|fakat|ancak|ond|lekin|magar|kintu|vali|amma)\s+$")
_FOREIGN_AND_BEFORE = lazy_re(r"(?<![\w'’])(?i:e|y|i|a|ir|ve|și|si|iyo|oo|ac|aur|ar|va)\s+$")


def _opens_a_clause(tokens: list[_Token], i: int, before: str, lex: Lexicon) -> bool:
    """A word-name of another language after "but", or after "and" with a word before it that is no person's name
    ("Fé e Esperança"; "Maria e Graça" are two people)."""
    if _FOREIGN_BUT_BEFORE.search(before):
        return True
    if not (i > 1 and _FOREIGN_AND_BEFORE.search(before)):
        return False
    prev = tokens[i - 2]  # the word before "and"
    return prev.capitalised and not prev.shouted and (prev.key in _FOREIGN_WORD_NAMES or not (
        lex.is_first_name(prev.key) or lex.is_ambiguous(prev.key) or lex.is_surname(prev.key)))


def _word_before_family_name_after_relation(tokens: list[_Token], i: int, before: str, text: str,
                                            lex: Lexicon) -> bool:
    """"my husbands brother Paddy Joyce": a capitalised word after a relation and before a family name is the first
    name, though also a word (round 41); "my son Sunday" stays for the nickname rule to judge."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return bool(nxt and nxt.capitalised and not nxt.shouted and _adjacent(tokens[i], nxt, text)
                and text[tokens[i].end:nxt.start] == " " and lex.is_surname(nxt.key) and nxt.key not in lex.keep
                and nxt.key not in STOPWORDS and _RELATION_BEFORE.search(before))


def _nickname_after_relation(token: _Token, before: str, text: str) -> bool:
    """"his mate Tank came round": a capitalised word after a relation, before what a person does, is a
    nickname ("my son Autistic and ADHD" is not)."""
    return bool(_RELATION_BEFORE.search(before) and _VERB_AFTER.match(text[token.end:token.end + 30]))


def _unlisted_after_relation(token: _Token, text: str, lex: Lexicon) -> bool:
    """A lower-case word in no list, just after a relation: "my husband shamim", "his mate tommo"; not one
    before "me", "us", "him"...: a verb misspelt, what the relation did ("my ex strangeld me")."""
    if len(token.key) < 3 or lex.is_ordinary(token.key) or not token.latin or token.key in lex.foreign_words:
        return False
    if _OBJECT_AFTER.match(text, token.end):
        return False
    return bool(_RELATION_BEFORE.search(text, max(0, token.start - 40), token.start))


_OBJECT_AFTER = lazy_re(r"\s+(?:me|us|him|her|them)\b", re.IGNORECASE)


# Turkish case endings on a name typed without the apostrophe (round 38): "kardeşim emreyi aradım" (I rang my brother
# Emre), "ablamın", "kocama"; the object, to, of, from, with, at.
_TURKISH_NAME_ENDINGS = ("yı", "yi", "yu", "yü", "ya", "ye", "nın", "nin", "nun", "nün", "yla", "yle", "la", "le",
                         "dan", "den", "tan", "ten", "da", "de", "ı", "i", "u", "ü", "a", "e", "ın", "in", "un", "ün")
# Turkish kin, whose "my" is an ending: "kardeşim", "abim", "kocam".
_TURKISH_KIN = (r"\b(?i:oğlum|oglum|kızım|kizim|kocam|eşim|esim|annem|babam|kardeşim|kardesim|ablam|ağabeyim|abim|"
                r"kayınvalidem|arkadaşım|arkadasim|komşum|komsum|kuzenim|eniştem|yengem|teyzem|halam|dayım|amcam|"
                r"sevgilim|nişanlım)")
_TURKISH_KIN_BEFORE = lazy_re(_TURKISH_KIN + r"\s+$")
# "me", "you", "him", "us" with their cases: "Kocam beni kilitliyordu" ("ben" is also Ben).
_TURKISH_PRONOUNS = frozenset("""beni bana benim bende benden seni sana senin sende senden onu ona onun onda ondan
    bizi bize bizim sizi size sizin onları onlara onların""".split())
_TURKISH_ANSWER = lazy_re(r"[ğıİşŞĞ]|" + _TURKISH_KIN + r"\b")
# An answer in Turkish (its letters or its kin): its unlisted lower-case words are verbs and nouns with their endings
# ("kardeşim emre aradı", "mehmeti okuldan aldım"), never a family name after a first name.


def _turkish_name_after_kin(token: _Token, text: str, lex: Lexicon) -> bool:
    """A listed first name with a Turkish case ending after Turkish kin ("kardeşim emreyi"); not an ambiguous one."""
    k = token.key
    if k in _TURKISH_PRONOUNS or not _TURKISH_KIN_BEFORE.search(text, max(0, token.start - 40), token.start):
        return False
    return any(k.endswith(ending) and len(k) - len(ending) >= 3 and lex.is_first_name(k[:-len(ending)])
               and not lex.is_ambiguous(k[:-len(ending)]) for ending in _TURKISH_NAME_ENDINGS)


def _unlisted_before_service(token: _Token, text: str, lex: Lexicon) -> bool:
    """A lower-case word that is no English word, opening a sentence before an English service: "caz from the
    recovery cafe" (a Romanian word too, but not in an English phrase)."""
    if len(token.key) < 3 or lex.is_ordinary(token.key) or not token.latin:
        return False
    return bool(_SENTENCE_END.search(text, max(0, token.start - 3), token.start)
                and _PLACE_OR_ROLE_AFTER.match(text, token.end, token.end + 60))


def _lower_case_name_context(tokens: list[_Token], i: int, text: str, lex: Lexicon) -> bool:
    token = tokens[i]
    before = text[max(0, token.start - 40):token.start]
    if len(token.key) > 3 and _SENTENCE_END.search(before):
        return True  # a listed first name starting a sentence: "wojtek pił codziennie", "zubair and his cousins"
    if _NAMING_BEFORE.search(before) or _ROLE_BEFORE.search(before) or _CALLED_BEFORE.search(before) \
            or _RELATION_BEFORE.search(before) or _in_apposition(before, text[token.end:token.end + 1]):
        return True
    if _FOREIGN_ROLE_BEFORE.search(before) or _ROMANISED_MARKER_AFTER.match(text, token.end):
        return True
    if _ROMANISED_POSTPOSITION_AFTER.match(text, token.end) and token.key not in lex.romanised \
            and token.key not in lex.foreign_words:
        return True  # "purana number asif ke paas hai" (Asif has the old number), "main zara ke ghar thi"
    if _PERSON_OBJECT_BEFORE.search(before) or _KIN_TITLE_BEFORE.search(before):
        return True  # "i'm scared of ifeanyi", "auntie nasreen"
    if before.rstrip().endswith(",") and text[token.end:token.end + 1] == ",":
        return True  # "the lad i was seeing, callum, hit me"
    if len(token.key) > 2 and text[token.end:token.end + 2] in ("'s", "’s") and not _DETERMINER_BEFORE.search(before):
        return True  # "went round to jess's", "stayed at shannon's": a listed name's house
    if _VERB_AFTER.match(text[token.end:token.end + 30]) or _ROLE_AFTER.match(text[token.end:token.end + 40]):
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    # Not before a frequent Polish or Romanian word: "cel mai rău" (the worst) is no "Mai Rau".
    return bool(nxt and _adjacent(token, nxt, text) and _lower_surname(nxt, lex) and nxt.key not in lex.foreign_words)


def _lower_family_name(token: _Token, text: str, lex: Lexicon) -> bool:
    """A family name that is no word of English or of the other languages, as a person: "i met xiang",
    "nguyen hit me again", "scared of kowalski"."""
    k = token.key
    if len(k) < 3 or not lex.is_surname(k) or lex.is_ordinary(k) or k in lex.foreign_words or k in lex.welsh_words:
        return False
    before = text[max(0, token.start - 40):token.start]
    return bool(_CALLED_BEFORE.search(before) or _PERSON_OBJECT_BEFORE.search(before)
                or _SENTENCE_END.search(before) and _ACTION_AFTER.match(text[token.end:token.end + 30]))


def _unknown_word(token: _Token, lex: Lexicon) -> bool:
    """A lower-case word in no list at all: after a first name, the rest of the name ("abdul hannan")."""
    k = token.key
    return len(k) > 2 and not (lex.is_ordinary(k) or k in STOPWORDS or k in lex.foreign_words or lex.is_ambiguous(k))


def _lower_surname(token: _Token, lex: Lexicon) -> bool:
    k = token.key
    if k in STOPWORDS or k in lex.keep:
        return False
    return k in _WORD_SURNAMES or (lex.is_surname(k) and not lex.is_ordinary(k))


# A family name with a capital inside: "MacLeod", "McAllister", "O'Driscoll", "FitzGerald", "DeSouza".
_INNER_CAPITAL = lazy_re(r"(?:Ma?c|O['’]|Fitz|De|Di|La)[A-Z][a-z]")


def _name_part(token: _Token, lex: Lexicon) -> bool:
    """A capitalised word that can be part of a full name ("Van" in "Nguyen Van An", though a van is a word)."""
    k = token.key
    if _INNER_CAPITAL.match(token.word):
        return True
    if lex.is_ambiguous(k) and not token.shouted:  # "An" too: ambiguous stopwords are listed by hand
        return True
    if token.shouted or k in STOPWORDS or k in _FACILITY or k in lex.places:
        return False
    return k not in lex.keep and (lex.is_first_name(k) or lex.is_surname(k) or k in _WORD_SURNAMES
                                  or not lex.is_ordinary(k))


def _surname_part(token: _Token, lex: Lexicon) -> bool:
    k = token.key
    if token.shouted or k in lex.keep or k in STOPWORDS or k in _FACILITY:
        return False
    return lex.is_surname(k) or lex.is_first_name(k) or not lex.is_ordinary(k)


def _surnames_after(tokens: list[_Token], i: int, text: str, lex: Lexicon) -> int:
    """Index of the last token of the name starting at ``i``: "Sarah Jones", "Nguyen Van An"."""
    end_index = i
    lower = not tokens[i].capitalised
    while end_index + 1 < len(tokens) and end_index - i < 3:
        nxt = tokens[end_index + 1]
        if not nxt.latin or text[tokens[end_index].end:nxt.start] != " ":
            break
        if lower:
            fits = not nxt.capitalised and (_lower_surname(nxt, lex)
                                            or (_unknown_word(nxt, lex) and not _TURKISH_ANSWER.search(text)))
        else:
            # After a short family name written first the given name follows, even one that is a word: "Li Jun".
            given = (tokens[end_index].key in _SHORT_FAMILY_NAMES or tokens[end_index].key in _MIDDLE_NAMES) \
                and nxt.key not in STOPWORDS
            fits = nxt.capitalised and (given or _name_part(nxt, lex) or _initial(nxt, text)
                                        or _surname_after_relation(tokens, i, end_index + 1, text, lex)) \
                and not _in_place_name(tokens, end_index + 1, text)
        if not fits and _joins_names(tokens, end_index + 1, text, lex):
            end_index += 1  # "Dafydd ap Iorwerth", "Ahmed bin Saleh": the joining word and the name after it
            fits = True
        if not fits:
            break
        end_index += 1
    return end_index


def _initial(token: _Token, text: str) -> bool:
    """A surname shortened to its initial: "Sarah P from outreach", "Wiktoria N. was" ("I" and "A" are words)."""
    return len(token.word) == 1 and token.word not in "IA" and bool(_INITIAL_END.match(text, token.end))


_INITIAL_END = lazy_re(r"\.?(?:[\s,;:!?)]|$)")


def _with_initial_dot(token: _Token, text: str) -> int:
    """The end of a name, with the dot of a closing initial unless the dot also ends the sentence."""
    if len(token.word) == 1 and text[token.end:token.end + 1] == "." and not _SENTENCE_AFTER_DOT.match(text, token.end):
        return token.end + 1
    return token.end


_SENTENCE_AFTER_DOT = lazy_re(r"\.(?:\s*$|\s+[A-Z])")


def _surname_after_relation(tokens: list[_Token], first: int, i: int, text: str, lex: Lexicon) -> bool:
    """After a relation and a first name, the next capitalised word is the family name even when it is
    also a word: "my ex Gary Whitfield", "her husband Dean Marsh"; so after a word only a person follows
    ("a disclosure about Gary Pemberton", "scared of Dean Marsh"; round 39)."""
    if i != first + 1:
        return False
    k = tokens[i].key
    if tokens[i].shouted or k in STOPWORDS or k in lex.keep or k in _FACILITY or k in lex.places or k in _CALENDAR:
        return False
    before = text[max(0, tokens[first].start - 40):tokens[first].start]
    return bool(_RELATION_BEFORE.search(before) or _PERSON_OBJECT_BEFORE.search(before))


# Words that join a first name to a family name: Welsh "ap", "ab", "ferch", Arabic "bin", "bint", "ibn",
# Irish "Ó", "Mac", "Nic", "Ní" ("Dafydd ap Iorwerth", "Ciarán Ó Súilleabháin").
_NAME_JOINERS = frozenset("ap ab ferch verch bin bint binti ibn ó ní nic mac".split())


def _joins_names(tokens: list[_Token], i: int, text: str, lex: Lexicon) -> bool:
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return bool(tokens[i].key in _NAME_JOINERS and following and following.capitalised and following.latin
                and text[tokens[i].end:following.start] == " " and _name_part(following, lex))


def _in_place_name(tokens: list[_Token], i: int, text: str) -> bool:
    """'St Mary's', 'Queen Elizabeth Hospital', 'Victoria station': a place, not a person."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if tokens[i].key in _PLACE_PREFIX and nxt and nxt.capitalised:
        return True
    if prev and prev.key.rstrip(".") in _PLACE_PREFIX and prev.capitalised and _adjacent(prev, tokens[i], text):
        return True
    if nxt and nxt.key == "day" and tokens[i].key in _FEASTS and text[tokens[i].end:tokens[i].end + 1] in ("'", "’"):
        return True  # "Valentine's Day", "St Patrick's Day": a feast, not a person's day
    if nxt and nxt.key in ("bus", "coach", "train", "tram") and text[nxt.end:nxt.end + 8].lower() == " station":
        return True  # "Kelmore bus station"
    if not (nxt and nxt.key in _FACILITY and _adjacent(tokens[i], nxt, text)):
        return False
    if nxt.word == "Hall" and lexicon().is_first_name(tokens[i].key) and not (prev and (
            prev.capitalised or prev.key in ("the", "at", "in"))) and text[tokens[i].end:nxt.start] == " ":
        return False  # "my solicitor Sarah Hall": Hall is a family name (round 40); "the Albert Hall" a venue
    if nxt.capitalised:
        return True
    # "Victoria station", "Clare's law", but "Kerry's house" is Kerry's.
    possessive = text[tokens[i].end:tokens[i].end + 1] in ("'", "’")
    return nxt.key in _LOWER_FACILITY and (not possessive or nxt.key == "law")


_FEASTS = frozenset("valentine patrick david andrew george stephen swithin".split())


def _adjacent(left: _Token, right: _Token, text: str) -> bool:
    gap = text[left.end:right.start]
    return gap.strip(" .'’s") == "" and len(gap) <= 4


def _other_script_run(tokens: list[_Token], i: int, text: str) -> int:
    """End index of the run of non-Latin words starting at ``i`` (separated by spaces only)."""
    end = i + 1
    while end < len(tokens) and not tokens[end].latin and text[tokens[end - 1].end:tokens[end].start].isspace():
        end += 1
    return end


def _listed_in_script(tokens: list[_Token], start: int, end: int, lex: Lexicon, text: str) -> Iterator[Span]:
    """Names in an answer written in another script: listed names, the word after a
    relation ("میرا شوہر عمران", "আমার স্বামী রাকিব"), one or two words after a title ("پی سی ایما ہیرس"),
    and Chinese names inside runs of characters (a family name with a listed given name, or after a relation)."""
    index, phrase_start = start, _phrase_start(text, tokens[start].start)
    while index < end:
        token = tokens[index]
        if _HAN.match(token.word):
            yield from _han_names(token, lex)
        elif _never_a_script_name(token.key) or _TANWEEN_FATH in token.word:
            pass  # an Arabic word with nunation is an adverb or an indefinite noun: "كريماً" (kind), not Karima
        elif token.key in _KUNYA:
            # "أبو سامي", "أم خالد": one name, as "Abu Sami" is; alone a word ("أبو أطفالي", my children's father).
            if index + 1 < end and lex.is_first_name(tokens[index + 1].key) \
                    and tokens[index + 1].key not in lex.script_word_names:
                yield token.start, tokens[index + 1].end
                index += 1
        elif _after_script_title(tokens, index, start) and not _bengali_verb(token.key, lex):
            last = _titled_script_name_end(tokens, _compound_end(tokens, index, end), end, lex)
            yield token.start, tokens[last].end
            index = last
        elif stem := _gujarati_name_with_case(token.word, lex):
            yield token.start, token.start + stem  # "પ્રિયાએ પોલીસને ફોન કર્યો": "[name]એ" (round 41)
        elif _script_name(tokens, index, start, end, lex, phrase_start):
            last = _compound_end(tokens, index, end)
            yield token.start, _with_bibi(tokens, last, end)
            index = last
        elif _CYRILLIC.match(token.key) and _cyrillic_capital_name(tokens, index, text):
            last = index  # a family name after it is capitalised too: "Гарет Джонс"
            while last + 1 < end and tokens[last + 1].capitalised and _CYRILLIC.match(tokens[last + 1].key) \
                    and not CYRILLIC_NOT_NAMES.match(tokens[last + 1].key):
                last += 1
            yield token.start, tokens[last].end
            index = last
        index += 1


# Arabic nunation with "a" ("كثيراً" a lot, "كريماً" kind): the keys leave it out as wordfreq does (round 38b), and a
# word that has it is an adverb or an indefinite noun or adjective, not a name.
_TANWEEN_FATH = "\u064b"


def _compound_end(tokens: list[_Token], index: int, end: int) -> int:
    """The last word of a name of two words that are one: "عبد الرحمن" after "عبد"."""
    return index + 1 if tokens[index].key in _COMPOUND_FIRST and index + 1 < end else index


# "Father of" and "mother of" before a son's name make one name, a kunya ("أبو خالد", "أم سامي", "ابو علی").
_KUNYA = frozenset("أبو ابو أم ام بو".split())


def _never_a_script_name(k: str) -> bool:
    """Everyday words, days, months and feasts, honorifics, titles and relations ("ਸੌਲਿਸਟਰ ਨੇ", the solicitor did),
    also with a Bengali case ending ("পুলিশে খবর দিয়েছে", told the police); a relation that is also a second name
    ("فاطمہ بیگم") stays one."""
    if k in SCRIPT_WORDS or k in _SCRIPT_KEEP or k in _HONORIFICS or k in SCRIPT_CALENDAR or k in _SCRIPT_TITLES \
            or (k in _RELATIONS_OTHER_SCRIPTS and k not in _SCRIPT_FAMILY_NAMES):
        return True
    return _BENGALI.match(k) is not None and any(
        k.endswith(ending) and (k[:-len(ending)] in SCRIPT_WORDS or k[:-len(ending)] in SCRIPT_CALENDAR)
        for ending in _BENGALI_CASE_ENDINGS)


_BENGALI = lazy_re(r"[\u0980-\u09ff]")
_BENGALI_CASE_ENDINGS = ("ের", "কে", "র", "ে", "তে", "এ", "য়")


# Persian titles that also follow a name as an honorific ("علی آقا", Mr Ali; "مریم خانم"): after a name they are
# no title of the next word ("علی آقا توی منچستر", Ali Agha in Manchester).
_TITLES_AFTER_NAMES = frozenset("آقا خانم".split())


def _after_script_title(tokens: list[_Token], index: int, start: int) -> bool:
    """After "ڈاکٹر", "خانم", "পিসি" or "پی سی" (PC); "میرا پی سی" is my computer. Arabic joins "and" to the title
    ("والشرطي جونز", and the policeman Jones; round 40)."""
    before = tokens[index - 1].key if index > start else ""
    if before in _TITLES_AFTER_NAMES and index - 2 >= start and lexicon().is_first_name(tokens[index - 2].key):
        return False
    if before.startswith("وال") and before[1:] in _SCRIPT_TITLES:
        return True
    return before in _SCRIPT_TITLES or (index - 2 >= start and (tokens[index - 2].key, before) in _SCRIPT_TITLE_PAIRS
                                        and (index - 3 < start or tokens[index - 3].key not in _ME_WORDS))


def _titled_script_name_end(tokens: list[_Token], index: int, end: int, lex: Lexicon) -> int:
    """The index of the last word of a name after a title: the next word too when it is a name, or no everyday word
    of a language with a word list, or stands before "نے"/"ਨੇ"/"ने" ("ਪੀਸੀ ਜੈਨੀਫ਼ਰ ਵਾਕਰ ਨੇ")."""
    if index + 1 >= end:
        return index
    k = tokens[index + 1].key
    if _never_a_script_name(k) or _TANWEEN_FATH in tokens[index + 1].word \
            or k in _ME_WORDS or k in _ANY_WORDS or k in lex.script_word_names \
            or _bengali_verb(k, lex):
        return index
    following = tokens[index + 2].key if index + 2 < end else ""
    listed = lex.is_first_name(k) or lex.is_surname(k) or k in _SCRIPT_FAMILY_NAMES
    # Gurmukhi has no list of frequent words; an Arabic verb with "me" is none ("السيدة تومسون ساعدتني"); Tamil joins
    # so much to a word that a rare form is most often a verb or a noun with its case ("திருமதி கவிதா உதவினார்").
    unknown = not _GURMUKHI.match(k) and not _GEEZ.match(k) and not _TAMIL.match(k) and k not in lex.foreign_words \
        and not _everyday_script_form(k, lex)
    return index + 1 if listed or unknown or following in _PERSON_MARKERS_AFTER else index


_GURMUKHI = lazy_re(r"[\u0a00-\u0a7f]")
# Ge'ez script (Tigrinya, Amharic), which has no list of frequent words either (round 36).
_GEEZ = lazy_re(r"[\u1200-\u137f]")
# Where a phrase starts: a run of words in another script after a redacted number or a Latin word is none.
_PHRASE_END = lazy_re(r"(?:^|[.!?।॥۔؟:;,،\"“(•*\n-])\s*$")


def _phrase_start(text: str, position: int) -> bool:
    return bool(_PHRASE_END.search(text, max(0, position - 10), position))


def _with_bibi(tokens: list[_Token], index: int, end: int) -> int:
    """The end of a name in another script, with the honorific "بی بی" after it ("فاطمہ بی بی")."""
    if index + 2 < end and tokens[index + 1].key == tokens[index + 2].key == "بی":
        return tokens[index + 2].end
    return tokens[index].end


def _script_name(tokens: list[_Token], index: int, start: int, end: int, lex: Lexicon, phrase_start: bool) -> bool:
    """A word of an answer in another script that is a name: listed (also with a Bengali case
    ending), after a relation or title, before a marker of a person ("نے", "ਨੇ", "صاحب") or a Sikh
    family name, or shaped as a Sikh first name. A listed name that is an everyday word ("मन" mind, "نور" light)
    only with such a cue."""
    k = tokens[index].key
    if index > start and tokens[index - 1].key in _ANY_WORDS:
        return False  # "امید کا کوئی نور" (no light of hope): "any" or "some" comes before no name
    if _gujarati_honoured_name(k):
        return True  # "મારી સાસુ કોકિલાબેન" (my mother-in-law Kokilaben) (round 40)
    if _CYRILLIC.match(k) and CYRILLIC_NOT_NAMES.match(k):
        return False  # "и Бог мне помог" (and God helped me), though "Бог" is a family name somewhere
    if k in lex.script_word_names or _word_name_with_ending(k, lex) or _frequent_arabic_name(k, lex):
        return _person_cue(tokens, index, start, end, lex)
    if lex.is_first_name(k) or lex.is_surname(k) or k in _SIKH_NAMES or k in _SCRIPT_FAMILY_NAMES:
        return True
    if any(k.endswith(ending) and lex.is_first_name(k[:-len(ending)]) for ending in _BENGALI_ENDINGS):
        return True
    if _tamil_name_with_ending(k, lex):
        return True
    if _arabic_prefixed_name(k, lex):
        return True  # "اشتكيت لسارة" (I complained to Sara), "يوسف وليلى" (Yusuf and Layla)
    if _second_name_after_and(tokens, index, start, lex):
        return True  # "ليلى ومنى" (Layla and Mona), though "منى" is also a word
    # After a relation, an unlisted word is a name unless it is a frequent word in Arabic script: Arabic
    # "زوجي السابق" (my former husband), "ابني يدرس" (my son studies), Urdu "بیٹا اسکول" (son... school).
    # (Not Bengali: a name no list holds, "জামাল", is among its frequent words.)
    # An Arabic verb with "me" attached ("أختي ساعدتني", my sister helped me) is no name either, nor a frequent
    # Bengali verb ("দোভাষী আসেনি", the interpreter did not come).
    following = tokens[index + 1].key if index + 1 < end else ""
    if _after_former_relation(tokens, index, start) and not _everyday_script_form(k, lex):
        return True  # "مێردەکەی پێشووم هێمن", "ሰብኣየይ ነበር ተስፋይ" (my former husband ...) (round 40)
    if index > start and tokens[index - 1].key in _RELATIONS_OTHER_SCRIPTS:
        # ... unless what a person does follows: "میری بہن عظمت نے کہا" (Azmat, though "عظمت" is greatness).
        return tokens[index - 1].key in _NAME_WORDS or not _everyday_script_form(k, lex) or following in _ERGATIVES
    if following in _ERGATIVES and index > start and tokens[index - 1].key in _WALA | _DEMONSTRATIVES:
        return False  # "ہیلپ لائن والی باجی نے": the helpline one; "اس خاتون نے": that lady; nobody named
    if following in _ERGATIVES or following in _SIKH_NAMES or following in _CALLED_AFTER_SCRIPT:
        return True
    if following in _HONORIFICS_AFTER and k not in lex.foreign_words:
        return True  # "রুমানা আপা", but "بڑی باجی" (elder sister)
    if following in _SECOND_NAMES and len(k) > 2 and k not in lex.foreign_words:
        return True  # "শাহানা বেগম": the unlisted first name before a second name no word shares
    # The first word of a phrase, before "me" or "my", is who did it ("রুহুল আমার ফোন...", "طاہر مجھے..."),
    # unless it is an everyday word of the language.
    if index == start and phrase_start and following in _ME_WORDS and k not in lex.foreign_words:
        return True
    # Pashto "X زما خور ده" (X is my sister): a word of more than three letters opening the phrase before "my" and a
    # relation; "دا زما خور ده" (this is my sister) stays (round 41).
    if index == start and phrase_start and following == "زما" and index + 2 < end \
            and tokens[index + 2].key in _PASHTO_RELATIONS and len(k) > 3 and k not in lex.foreign_words:
        return True
    # Bengali -কে, Urdu کو and Hindi को mark a person as object ("নাদিয়াকে বলেছি", "رضوانہ کو بتایا"): a rare
    # word there is a name.
    if following in ("کو", "को") and k not in lex.foreign_words and len(k) > 2:
        return True
    if k.endswith("কে") and len(k) > 4 and k not in lex.foreign_words and k[:-2] not in lex.foreign_words:
        return True
    return len(k) > 4 and bool(_GURMUKHI_NAME_ENDING.search(k))


# Pashto sister, brother, husband, wife, mother, father, daughter, son, friend (keys: Pashto letters as Urdu's).
_PASHTO_RELATIONS = frozenset(key(word) for word in "خور ورور میړه ښځه مور پلار لور زوی ملګری ملګرې".split())


# "Former" after a relation, before the name: Kurdish Sorani "پێشووم" (my former: "مێردەکەی پێشووم", my former husband,
# the relation with the linking "-ی" where "my" would end it), Tigrinya "ነበር" ("ሰብኣየይ ነበር", my husband that was). Only
# after a relation: Amharic "ነበር" is also "was" (round 40).
_FORMER_AFTER_RELATION = frozenset("پێشووم پێشوو ነበር".split())


def _after_former_relation(tokens: list[_Token], index: int, start: int) -> bool:
    if index - 2 < start or tokens[index - 1].key not in _FORMER_AFTER_RELATION:
        return False
    relation = tokens[index - 2].key
    return relation in _RELATIONS_OTHER_SCRIPTS or (relation.endswith("ی") and relation[:-1] + "م"
                                                     in _RELATIONS_OTHER_SCRIPTS)


# Gujarati "-ben" (sister) and "-bhai" (brother) joined to a first name as respect ("કોકિલાબેન", "રમેશભાઈ"); not to
# "elder" or "younger" ("મોટાભાઈ", elder brother) (round 40).
_GUJARATI_HONORIFIC_ENDINGS = ("બેન", "ભાઈ", "ભાઇ")
_GUJARATI_KIN_STEMS = frozenset("મોટા મોટી મોટાં નાના નાની નાનાં મોટો નાનો".split())


# Gujarati endings of a person who does or is given something: "પ્રિયાએ" (Priya did), "પ્રિયાને" (to Priya).
_GUJARATI_PERSON_ENDINGS = ("એ", "ને")


def _gujarati_name_with_case(word: str, lex: Lexicon) -> int:
    """The length of a listed first name (as Devanagari spells it) before a Gujarati ending of a person; 0 if none."""
    if not "\u0a80" <= word[:1] <= "\u0aff":
        return 0
    for ending in _GUJARATI_PERSON_ENDINGS:
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            k = key("".join(chr(ord(c) - 0x180) for c in stem))
            if lex.is_first_name(k) and k not in lex.script_word_names and not lex.is_ambiguous(k):
                return len(stem)
    return 0


def _gujarati_honoured_name(k: str) -> bool:
    if not "\u0a80" <= k[:1] <= "\u0aff":
        return False
    return any(k.endswith(ending) and len(k) - len(ending) >= 3 and k[:-len(ending)] not in _GUJARATI_KIN_STEMS
               for ending in _GUJARATI_HONORIFIC_ENDINGS)


# Russian and Ukrainian write every common noun in lower case: a capitalised word inside a sentence is a name or a
# place. Not the words people capitalise all the same: countries (Ukraine, Britain: "Homes for Ukraine" in Cyrillic),
# "You" written politely, God, the feasts, and the apps people name (round 40).
_CYRILLIC = lazy_re(r"[\u0400-\u04ff]")
CYRILLIC_NOT_NAMES = lazy_re(
    r"(?:англи|великобритани|британи|украин|україн|росси|росі|шотланди|шотланді|уэльс|уельс|ирланди|ірланді|европ|"
    r"європ|польш|польщ|литв|латви|латві|молдов|молдав|беларус|белорус|білорус|казахстан|грузи|грузі|америк|сша|"
    r"герман|німеч|франци|франці|румын|румун|вы$|вас$|вам$|вами$|ваш|ви$|вами$|бог|бож|господ|рождеств|різдв|пасх|"
    r"великдень|великодн|новый|новий|телеграм|вайбер|ватсап|вотсап|вацап|фейсбук|инстаграм|інстаграм|скайп|гугл|"
    r"ютуб|тикток|тікток|интернет|інтернет|мвд|нхс|бибиси|бі-бі-сі)")
# Before a town: "в Питерборо", "из Лондона", "до Лідса" (in, from, to, near); the word after one is for places.py.
_CYRILLIC_PLACE_CUES = frozenset("в во из изо з із зі до под около возле біля поблизу через".split())
_CYRILLIC_SENTENCE_END = lazy_re(r"(?:^|[.!?…:;\n\"«(—-])\s*$")


# An organisation's name capitalises only its first word, an adjective: "в Женский центр" (to the Women's Centre),
# "Кризисный центр помог". A capitalised word with an adjective's ending before a lower-case word is none of a place's
# or a person's (a family name so ended is listed: "Ковальский") (round 40).
_CYRILLIC_ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ую",
                               "юю", "ых", "их", "ым", "им", "ими", "ыми")
_CYRILLIC_NEXT_LOWER = lazy_re(r"\s+[\u0430-\u045f]")


def cyrillic_adjective_before_noun(text: str, start: int, end: int) -> bool:
    return text[start:end].lower().endswith(_CYRILLIC_ADJECTIVE_ENDINGS) and bool(_CYRILLIC_NEXT_LOWER.match(text, end))


def _cyrillic_capital_name(tokens: list[_Token], index: int, text: str) -> bool:
    """A capitalised Russian or Ukrainian word inside a sentence that no list holds ("Мій спонсор Гарет кричав", my
    sponsor Gareth shouted): a name. Not after a word of place ("в Питерборо" is places.py's town)."""
    token = tokens[index]
    if not token.capitalised or token.shouted or len(token.key) < 3 or CYRILLIC_NOT_NAMES.match(token.key) \
            or cyrillic_adjective_before_noun(text, token.start, token.end):
        return False
    if index > 0 and tokens[index - 1].key in _CYRILLIC_PLACE_CUES and tokens[index - 1].end < token.start:
        return False
    return not _CYRILLIC_SENTENCE_END.search(text, max(0, token.start - 10), token.start)


# Arabic joins "and", "to", "for", "with", "so", "like" to the next word: "وليلى" (and Layla), "لسارة" (to Sara).
_ARABIC_NAME_PREFIXES = ("ول", "وب", "فل", "و", "ل", "ب", "ف", "ك")
_ARABIC_LETTERS = lazy_re(r"[\u0621-\u064a]+$")


def _arabic_prefixed_name(k: str, lex: Lexicon) -> bool:
    """A listed name with an Arabic prefix, when the whole is no frequent word ("ولي" guardian, "بسمة" aside) and
    the name no everyday word ("لأمل" for hope)."""
    if not _ARABIC_LETTERS.match(k) or k in lex.foreign_words or k in lex.script_word_names:
        return False
    for prefix in _ARABIC_NAME_PREFIXES:
        rest = k[len(prefix):]
        if k.startswith(prefix) and len(rest) >= 3 and lex.is_first_name(rest) and rest not in lex.script_word_names \
                and not _never_a_script_name(rest) and rest not in lex.foreign_words:
            return True
    return False


def _second_name_after_and(tokens: list[_Token], index: int, start: int, lex: Lexicon) -> bool:
    """Arabic "و" (and) joined to a listed name, even one that is a word, just after a name: the name before is the
    person's cue (round 39)."""
    k = tokens[index].key
    before = tokens[index - 1].key if index > start else ""
    return k.startswith("و") and lex.is_first_name(k[1:]) and lex.is_first_name(before) \
        and before not in lex.script_word_names


# Endings of Bengali verbs (negative past, perfect, past, habitual): "আসেনি", "বলেছে", "করতেন", "মারলাম".
_BENGALI_VERB_ENDINGS = ("েনি", "য়নি", "ছে", "ছিল", "ছিলো", "ছেন", "লেন", "তেন", "বেন", "েছি", "তাম", "লাম", "তো", "লো")


def _everyday_script_form(k: str, lex: Lexicon) -> bool:
    """A frequent word in Arabic script, also with a Persian "my" ("سابقم"), or an Arabic verb with "me" attached
    ("ساعدتني"), or a frequent Bengali verb: no name after a relation or as the second word after a title."""
    if _GEEZ.match(k):
        return k.endswith("ኒ") and len(k) > 2  # a Tigrinya verb with "me" ("ሓጊዛትኒ", she helped me) (round 36)
    if _TAMIL.match(k):
        # "மருத்துவர் மிகவும் அன்பாக" (the doctor was very kind), "என் கணவர் அடித்தார்" (my husband hit) (round 38)
        return k in lex.foreign_words or k.endswith(_TAMIL_VERB_ENDINGS)
    if _ARABIC_SCRIPT.match(k):
        return k in lex.foreign_words or k.endswith("ني") or _persian_verb(k, lex) or any(
            k.endswith(mine) and len(k) - len(mine) > 2 and k[:-len(mine)] in lex.foreign_words
            for mine in _PERSIAN_ENCLITICS)
    return _bengali_verb(k, lex)


# Persian verbs take "not" ("ن", "نمی") and the continuous "می" in front (round 38b): "مترجم نیامد" (the interpreter did
# not come; "آمد" with "ن" is written "نیامد"), "نمی‌خواست", "نرفت".
_PERSIAN_VERB_PREFIXES = ("نمی", "می", "ن")


def _persian_verb(k: str, lex: Lexicon) -> bool:
    """A frequent word with a Persian verb's prefix: no name after a role."""
    for prefix in _PERSIAN_VERB_PREFIXES:
        rest = k[len(prefix):]
        if k.startswith(prefix) and len(rest) > 2 and (
                rest in lex.foreign_words or (rest.startswith("یا") and "آ" + rest[2:] in lex.foreign_words)):
            return True
    return False


_TAMIL = lazy_re(r"[\u0b80-\u0bff]")
# Endings of Tamil verbs (past, present, future with a person, the negative): "உதவினார்" (helped), "வந்தான்" (came),
# "அடிக்கிறான்" (hits), "வரவில்லை" (did not come), "போவாள்" (will go).
_TAMIL_VERB_ENDINGS = ("ினார்", "ினான்", "ினாள்", "ந்தார்", "ந்தான்", "ந்தாள்", "த்தார்", "த்தான்", "த்தாள்", "ட்டார்",
                       "ட்டான்", "ட்டாள்", "ன்னார்", "ன்னான்", "ன்னாள்", "கிறார்", "கிறான்", "கிறாள்", "கிறேன்",
                       "கிறது", "வில்லை", "ார்கள்", "வார்", "வான்", "வாள்", "டார்", "டான்", "டாள்")
# Tamil case endings on a name: to or with ("-இடம்"), to ("-உக்கு"), the object ("-ஐ"), of ("-இன்", "-உடைய"), with
# ("-ஓடு", "-உடன்"), by ("-ஆல்"). After a final consonant its mark "்" gives way to the ending's vowel sign
# ("ராஜேஷ்" -> "ராஜேஷிடம்"); after a vowel a glide comes between ("லக்ஷ்மியிடம்", "கமலாவுக்கு") (round 38).
_TAMIL_ENDINGS = ("ிடம்", "ுக்கு", "ை", "ின்", "ுடைய", "ோடு", "ுடன்", "ால்")
_TAMIL_GLIDES = ("ய", "வ")


def _tamil_name_with_ending(k: str, lex: Lexicon) -> bool:
    """A listed Tamil name with a case ending: "நான் ராஜேஷிடம் பேசக் கூடாது" (I must not speak to Rajesh)."""
    if not _TAMIL.match(k) or k in lex.foreign_words:
        return False
    for ending in _TAMIL_ENDINGS:
        if k.endswith(ending) and len(k) > len(ending) + 1:
            stem = k[:-len(ending)]
            stems = [stem + "்", stem[:-1]] if stem.endswith(_TAMIL_GLIDES) else [stem + "்"]
            if ending == "ுக்கு" and stem.endswith("க்க"):
                stems.append(stem[:-3])  # "லக்ஷ்மிக்கு": after a vowel, "-க்கு"
            if any(lex.is_first_name(candidate) and candidate not in lex.foreign_words for candidate in stems):
                return True
    return k.endswith("க்கு") and lex.is_first_name(k[:-4]) and k[:-4] not in lex.foreign_words


# Persian "my" and "our" joined to a word: "شوهر سابقم" (my former husband). (Not "-ت", "-ش": Urdu names end so,
# "عظمت", "شوکت".)
_PERSIAN_ENCLITICS = ("م", "ام", "مان")


def _bengali_verb(k: str, lex: Lexicon) -> bool:
    """"ডাক্তার বলেছেন" (the doctor said), "দোভাষী আসেনি": a frequent word with a Bengali verb's ending."""
    return k in lex.foreign_words and k.endswith(_BENGALI_VERB_ENDINGS)


def _frequent_arabic_name(k: str, lex: Lexicon) -> bool:
    """A listed name that is also among the frequent words of Arabic script ("هادئ" calm, "أفضل" better, "أكبر"
    bigger): a word-name, so a name only with a person's cue ("رجل هادئ" is a calm man; round 38)."""
    return _ARABIC_SCRIPT.match(k) is not None and k in lex.foreign_words and lex.is_first_name(k)


def _word_name_with_ending(k: str, lex: Lexicon) -> bool:
    """A Bengali case ending on a name that is a word: "শিউলির গন্ধ" (the flower's scent)."""
    return any(k.endswith(ending) and k[:-len(ending)] in lex.script_word_names for ending in _BENGALI_ENDINGS)


def _person_cue(tokens: list[_Token], index: int, start: int, end: int, lex: Lexicon) -> bool:
    """What makes an everyday word a name: a relation, role or title before it ("میری بہن نور", "صديقتي أمل"), a
    first name before it ("محمد نور"), or after it the ergative, an honorific, a family name ("दीपक भैया", "आशा
    शर्मा"), or a Bengali case ending of a person."""
    before = tokens[index - 1].key if index > start else ""
    if before in _RELATIONS_OTHER_SCRIPTS or _after_script_title(tokens, index, start) \
            or _after_former_relation(tokens, index, start):
        return True
    if before and lex.is_first_name(before) and before not in lex.script_word_names:
        return True
    following = tokens[index + 1].key if index + 1 < end else ""
    if following in _PERSON_MARKERS_AFTER or following in _SIKH_NAMES or following in _SECOND_NAMES \
            or following in _SCRIPT_FAMILY_NAMES:
        return True
    if following and lex.is_surname(following) and following not in lex.script_word_names \
            and not _never_a_script_name(following):
        return True  # "आशा शर्मा", but "ज्योति सी" (like a light): "सी" is a surname elsewhere
    k = tokens[index].key
    if index == start and any(_geez_deed_to_me(tokens[j].key) for j in range(index + 1, min(index + 3, end))):
        return True  # "መሰረት በጣም ረዳችኝ" (Meseret helped me a lot), though "መሰረት" is a foundation (round 41)
    # Bengali "-কে" of a person as object ("শিউলিকে বলেছি"), "-এর" before a relative ("মিলনের মা", Milon's mother).
    return k.endswith("কে") or (k.endswith("র") and following in _RELATIONS_OTHER_SCRIPTS)


# Amharic and Tigrinya verbs of what a person does to the writer, "me" ("-ኝ") ending them: helped, beat, hit, rang,
# told, insulted, threatened. Not what a thing does ("ሕይወት ከበደችኝ", life grew hard for me).
_GEEZ_DEEDS = ("ረዳ", "ረድ", "ደበደብ", "ደበደበ", "መታ", "ደወለ", "ደወለች", "ነገረ", "ሰደበ", "ዛተ", "አስፈራራ")


def _geez_deed_to_me(k: str) -> bool:
    return k.endswith("ኝ") and k.startswith(_GEEZ_DEEDS)


# "Any", "some", "every" in Urdu, Panjabi and Bengali.
_ANY_WORDS = frozenset("کوئی کسی ہر ਕੋਈ ਕਿਸੇ ਹਰ কোনো কোন কোনও প্রতি".split())


# Words that often follow a name as its sentence goes on ("我前夫李强一直用...", my ex Li Qiang always used...): their
# first character is no part of the given name (round 38).
_HAN_WORDS_AFTER_NAME = frozenset("""一直 一起 一定 一般 一再 一向 经常 总是 老是 已经 常常 每天 天天 从来
    从不 还是 突然 今天 昨天 现在 以前 后来 根本 竟然 居然 不停 马上 曾经 终于 仍然 依然""".split())
# Titles written after a family name: "王警官" (Officer Wang), "张医生" (Dr Zhang), "李老师", "陈律师", "刘女士".
_HAN_TITLE_WORDS = ("警官|警察|医生|大夫|老师|律师|先生|女士|小姐|太太|阿姨|社工|法官|护士|探长|主任|经理|师傅|"
                    "醫生|老師|律師|護士|探長|經理|師傅")  # and in traditional characters (round 39)
_HAN_TITLES = lazy_re(_HAN_TITLE_WORDS)
# A role before the family name and its title: "社工陈小姐" (the social worker, Miss Chen) (round 40).
_HAN_ROLE_ENDINGS = tuple(_HAN_TITLE_WORDS.split("|"))
# Characters that spell foreign names by their sound ("史密斯" Smith, "琼斯" Jones, "布朗" Brown): two to four of them
# before a title are a name ("史密斯警官", Officer Smith; round 39), unless they spell a nation ("苏格兰警察").
_HAN_SOUNDS = frozenset("".join("""阿埃艾爱安奥巴芭拜班鲍贝本比宾波伯博布查达戴丹道德迪蒂丁杜顿多厄恩尔法菲费芬弗福盖
    高戈格葛根古哈海汉豪赫亨洪胡华霍基吉加贾简杰金卡凯坎康考柯科克肯库奎拉莱赖兰朗劳勒雷蕾黎里丽利莉琳林伦罗洛马玛
    迈麦曼梅蒙米密敏莫姆穆纳娜奈尼妮纽诺欧帕潘佩彭皮珀普奇齐乔琼丘萨塞赛桑森沙莎尚舍史斯苏索塔泰坦汤唐特提汀托瓦
    威韦维温沃乌伍西希夏谢辛休雅亚扬耶伊因英尤约詹珍朱兹佐愛奧鮑貝賓達爾費蓋賈簡傑凱賴蘭勞麗倫羅瑪邁麥納紐諾歐喬
    瓊薩賽蘇湯韋維溫烏謝亞揚約""".split()))
_HAN_NATIONS = frozenset("英格兰 苏格兰 威尔士 爱尔兰 北爱尔兰 英格蘭 蘇格蘭 威爾士 愛爾蘭".split())
# What may stand before a family name with its title: a function word, a verb of meeting or asking, "位" (a
# person's measure word: "一位王医生").
_HAN_BEFORE_TITLED = frozenset(_HAN_FUNCTION) | frozenset("跟找叫问被见向与谢位")


def _han_titled(token: _Token, lex: Lexicon) -> Iterator[Span]:
    """A family name before a title is a name, the title stays: "王警官很耐心" -> "[name]警官" (round 38). Not a
    family name that is also a function word ("和医生谈了", talked with the doctor) or inside a word ("那位医生")."""
    word = token.word
    for title in _HAN_TITLES.finditer(word, 1):
        family = title.start() - 1
        sounded = _sounded_name_start(word, title.start())
        if sounded is not None:
            yield token.start + sounded, token.start + title.start()
        elif word[family] in lex.surnames and word[family] not in _HAN_FUNCTION \
                and (family == 0 or word[family - 1] in _HAN_BEFORE_TITLED
                     or word[:family].endswith(_HAN_ROLE_ENDINGS)):
            yield token.start + family, token.start + title.start()


def _sounded_name_start(word: str, end: int) -> int | None:
    """Where a foreign name spelt by sound ends at ``end`` starts, if two to four such characters stand there after
    a function word or nothing: "负责我案子的史密斯警官" (Officer Smith, who had my case)."""
    start = end
    while start > 0 and end - start < 4 and word[start - 1] in _HAN_SOUNDS:
        start -= 1
    if end - start < 2 or word[start:end] in _HAN_NATIONS or (start > 0 and word[start - 1] not in _HAN_BEFORE_TITLED):
        return None
    return start


def _han_names(token: _Token, lex: Lexicon) -> Iterator[Span]:
    word = token.word
    for cue in _HAN_RELATION.finditer(word):
        # After "my husband" (丈夫) a family name starts a name of two or three characters.
        after = cue.end()
        if after + 1 < len(word) and word[after] in "小阿":  # a pet name: "我女儿小美", "我老公阿强"
            yield token.start + after, token.start + after + 2
        elif after < len(word) and word[after] in lex.surnames:
            length = 3 if after + 2 < len(word) and word[after + 2] not in _HAN_FUNCTION \
                and word[after + 2:after + 4] not in _HAN_WORDS_AFTER_NAME else 2
            yield token.start + after, token.start + min(after + length, len(word))
    yield from _han_titled(token, lex)
    position = 0
    while position < len(word):
        for given in (2, 1):
            family, first = word[position], word[position + 1:position + 1 + given]
            if len(first) == given and family in lex.surnames and first in lex.first_names:
                yield token.start + position, token.start + position + 1 + given
                position += given
                break
        position += 1
