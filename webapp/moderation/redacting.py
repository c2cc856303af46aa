"""Redacting more words of a stored free text: both moderation pages offer it
(consultation answers, and feedback texts whose writer put words back)."""

from __future__ import annotations

import hashlib
import re

REDACTED = "[redacted]"
# A word a moderator may choose: letters and digits, with the joins of emails and handles.
_WORD = re.compile(r"[\w][\w'’.@+\-]*[\w]|[\w]")


def words(text: str) -> list[tuple[int, str]]:
    """(index, word) for each word a moderator may redact, skipping markers like [name]."""
    found = []
    for index, match in enumerate(_WORD.finditer(text)):
        before, after = text[match.start() - 1:match.start()], text[match.end():match.end() + 1]
        if before == "[" and after == "]":
            continue
        found.append((index, match.group()))
    return found


def redact_words(text: str, indexes: set[int]) -> str:
    """`text` with the chosen words (by index from `words`) replaced by [redacted];
    neighbouring chosen words separated only by spaces become one marker."""
    spans = [match.span() for index, match in enumerate(_WORD.finditer(text)) if index in indexes]
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1][1] = end
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + REDACTED + text[end:]
    return text


def text_version(text: str) -> str:
    """A short fingerprint so a redact form refers to the text it was made from."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]
