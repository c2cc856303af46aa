"""What both moderation queues share for free text Heard cannot read (issue 16, part 3):
the note that marks it ("Written in Polish: needs a reader") and staff's English
working translation, redacted like everything written into Heard and audited without
its text. The original is always kept; theming reads the translation instead."""

from __future__ import annotations

from analysis.language import english_name, needs_reader
from analysis.redaction import redact
from webapp.audit import record_event


def language_note(code: str, translated: bool) -> str:
    """ "Written in Polish: needs a reader" until staff add a working translation; "" for
    text Heard can read."""
    if not needs_reader(code):
        return ""
    return f"Written in {english_name(code)}: " + ("working translation added" if translated else "needs a reader")


def working_translation(translation: str, code: str, target: str, detail: str) -> str:
    """The translation as stored (redacted), with its audit row (which never holds the text)."""
    record_event("free_text.translate", target=target, detail=f"{detail}, from {english_name(code)}")
    return redact(translation.strip()).text
