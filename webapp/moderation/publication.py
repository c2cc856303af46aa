"""Quotes marked for publication: the only free text the service-user group
and the public "you said, we did" pages ever show. A mark is a PublishedQuote
row keyed by the item's ref (``f:<id>:<field>`` or ``a:<answer id>``); marking
and unmarking are audited, and the audit row never holds the text."""

from __future__ import annotations

from sqlalchemy import select

from webapp.audit import record_event
from webapp.extensions import db
from webapp.moderation.models import PublishedQuote


def published_refs(refs: list[str] | None = None) -> set[str]:
    """The refs marked for publication (of `refs`, or all of them)."""
    query = select(PublishedQuote.ref)
    if refs is not None:
        if not refs:
            return set()
        query = query.where(PublishedQuote.ref.in_(refs))
    return set(db.session.scalars(query))


def toggle_publication(ref: str, user) -> bool:
    """Mark `ref` for publication, or unmark it if it is marked; audited.
    Returns True when it is now marked."""
    quote = db.session.scalar(select(PublishedQuote).where(PublishedQuote.ref == ref))
    if quote is None:
        db.session.add(PublishedQuote(ref=ref, marked_by_id=getattr(user, "id", None)))
        record_event("quote.publish", target=ref)
        return True
    db.session.delete(quote)
    record_event("quote.unpublish", target=ref)
    return False


def publication_message(marked: bool) -> str:
    return ("Marked for publication: the group and the public pages can show it."
            if marked else "No longer marked for publication.")
