"""Redacting what someone typed, and letting them put back words redaction
took out by mistake, for every journey whose check page shows their own words
(feedback, and the group's comments on a summary).

The redacted text goes in the session as it will be stored. The words taken
out are kept beside it only encrypted (`webapp.crypto`), one entry per word
(`[field, kind, start, end, encrypted original]`), so the check page can list
them (`templates/journeys/check.html`, `#put-back`) and the writer can put back
any that identify nobody; each word put back is remembered
(`[field, kind, word]`) so staff can check it in moderation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from analysis.redaction import Redaction, Replacement, redact
from webapp.crypto import decrypt, encrypt

REMOVED = "removed"  # [field, kind, start, end, encrypted original] per redacted word
RESTORED = "restored"  # [field, kind, word] per word the writer put back
# How the check page names what a label stood for.
KIND_LABELS = {
    "name": "a name", "phone": "a phone number", "email": "an email address", "handle": "a social media name",
    "address": "an address", "place": "a place", "postcode": "a postcode", "date": "a date",
    "vehicle": "a car registration", "link": "a web link", "number": "a reference number",
}
# Only kinds where redaction guesses can be put back: a word taken for a name or place,
# a day taken for a date, a word taken for a handle. Numbers, emails, addresses and
# postcodes are found by their shape, are never ordinary words, and are not listed.
# Named in the writer's language on the check page ("Tomek (a name)" was English in Urdu).
PUT_BACK_LABELS = {"name": _l("a name"), "place": _l("a place"), "date": _l("a date"),
                   "handle": _l("a social media name")}
PUT_BACK_KINDS = frozenset(PUT_BACK_LABELS)


@dataclass(frozen=True)
class RemovedWord:
    index: int
    field: str
    kind: str
    words: str

    @property
    def label(self) -> str:
        return f"{self.words} ({PUT_BACK_LABELS[self.kind]})"


def removed_entries(field: str, redaction: Redaction) -> list[list]:
    """What redaction took out of one answer, for the session (the words encrypted)."""
    return [[field, r.kind, r.start, r.end, encrypt(r.original)] for r in redaction.replacements]


def redact_texts(texts: Mapping[str, str]) -> dict:
    """Each field's text redacted, and REMOVED: what was taken out (encrypted);
    RESTORED starts afresh, since these are new words."""
    values: dict = {REMOVED: [], RESTORED: []}
    for field, text in texts.items():
        result = redact(text)
        values[field] = result.text
        values[REMOVED] += removed_entries(field, result)
    return values


def removed_words(answers: Mapping) -> list[RemovedWord]:
    """What redaction took out that the writer may put back."""
    return [RemovedWord(index, field, kind, decrypt(token))
            for index, (field, kind, _start, _end, token) in enumerate(answers.get(REMOVED) or [])
            if kind in PUT_BACK_KINDS]


def put_back(answers: dict, indexes: set[int]) -> int:
    """Put the chosen removed words back into the answers (the rest stay redacted); returns
    how many. Each is remembered (in RESTORED) so staff can check it in moderation. The
    caller marks its session modified."""
    removed = answers.get(REMOVED) or []
    chosen = {index for index in indexes if 0 <= index < len(removed)}
    for field in dict.fromkeys(entry[0] for entry in removed):
        entries = [(index, entry) for index, entry in enumerate(removed) if entry[0] == field]
        redaction = Redaction(answers.get(field, ""), tuple(
            Replacement(kind, start, end, decrypt(token)) for _, (_, kind, start, end, token) in entries))
        picked = [position for position, (index, _) in enumerate(entries) if index in chosen]
        if picked:
            answers[field] = redaction.restore(picked).text
            answers.setdefault(RESTORED, []).extend(
                [field, redaction.replacements[position].kind, redaction.replacements[position].original]
                for position in picked)
    answers[REMOVED] = [entry for index, entry in enumerate(removed) if index not in chosen]
    return len(chosen)


def restored_lines(answers: Mapping, field: str | None = None) -> str:
    """The words put back, as stored: "field<TAB>kind<TAB>word" a line (one field's "kind<TAB>word")."""
    entries = answers.get(RESTORED) or []
    if field is None:
        return "\n".join("\t".join(entry) for entry in entries)
    return "\n".join(f"{kind}\t{word}" for name, kind, word in entries if name == field)
