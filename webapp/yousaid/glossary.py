"""Plain words for the terms services use, for the "you said, we did" pages.

Action descriptions, updates and theme names are written by staff, who use
their services' words ("IDVA", "trauma-informed"). The page lists, under
"What some words mean", every term from this glossary that appears on it, so
no jargon goes unexplained. The explanations are translated; the terms stay as
written, since that is how they appear in the text above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Term:
    term: str
    pattern: re.Pattern[str]
    meaning: object  # a lazy translated string


def _term(term: str, pattern: str, meaning) -> Term:
    return Term(term, re.compile(pattern, re.IGNORECASE), meaning)


GLOSSARY = (
    _term("IDVA", r"\bIDVAs?\b|independent domestic (?:violence|abuse) advis[eo]rs?",
          _l("An independent domestic violence adviser: a trained specialist who supports people at high "
             "risk of harm, helps them plan how to stay safe and speaks up for them with other services.")),
    _term("ISVA", r"\bISVAs?\b|independent sexual violence advis[eo]rs?",
          _l("An independent sexual violence adviser: a trained specialist who supports people after rape "
             "or sexual assault, including through the police and the courts.")),
    _term("MARAC", r"\bMARACs?\b",
          _l("A regular meeting where the police, health, housing, children's services and specialist "
             "workers share information to make a plan to protect people at the highest risk.")),
    _term("Trauma-informed", r"\btrauma[- ]informed\b",
          _l("Working in a way that understands how abuse affects people: being patient, not making "
             "people repeat their story, and giving them choice and control.")),
    _term("Refuge", r"\brefuges?\b",
          _l("A safe house where women, men and children escaping abuse can stay, at an address kept secret.")),
    _term("Front-door staff", r"\bfront[- ]door staff\b",
          _l("The staff people meet first: whoever answers the phone, the door or the first message.")),
    _term("Disclosure scheme", r"\bdisclosure scheme\b|\bClare'?s Law\b",
          _l("The Domestic Violence Disclosure Scheme (also called Clare's Law): you can ask the police "
             "whether a partner has a record of abuse.")),
    _term("Protection order", r"\bprotection orders?\b|\bnon-molestation orders?\b|\bDVPOs?\b",
          _l("A court order that stops someone contacting or coming near the person they abused.")),
)


def terms_in(texts: list[str]) -> list[Term]:
    """The glossary's terms that appear in any of `texts`, in glossary order."""
    joined = "\n".join(texts)
    return [term for term in GLOSSARY if term.pattern.search(joined)]
