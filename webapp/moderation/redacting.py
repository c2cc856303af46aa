"""Redacting more words of a stored free text: both moderation pages offer it
(consultation answers, and feedback texts whose writer put words back). Once
staff redact a word the writer had put back, the "put back by the writer"
note stops listing it (`still_restored`)."""

from __future__ import annotations

import hashlib
import re

from webapp.putting_back import KIND_LABELS

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


def _still_in(text: str, word: str) -> bool:
    """True when `word` is still in `text` as a whole word (or words)."""
    return bool(word) and re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text) is not None


def still_restored(lines: str, text: str, field: str | None = None) -> str:
    """The put-back note (tab-separated lines ending in the word put back) without
    the words no longer in `text` because staff redacted them. With `field`, the
    lines start with their field and only that field's lines are checked."""
    kept = []
    for line in (lines or "").splitlines():
        parts = line.split("\t")
        if (field is None or parts[0] == field) and not _still_in(text, parts[-1]):
            continue
        kept.append(line)
    return "\n".join(kept)


def restored_labels(lines: str) -> list[str]:
    """ "kind<TAB>word" lines as "Will (a name)": the words the writer put back."""
    found = []
    for line in (lines or "").splitlines():
        kind, _, word = line.partition("\t")
        found.append(f"{word} ({KIND_LABELS.get(kind, kind)})")
    return found
