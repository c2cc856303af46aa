"""The group's comments as staff check them before the board reads them: like
answers in moderation, each shows the words its writer put back after redaction
("put back by the writer"), and staff can redact more. A word redacted again
leaves that note (`webapp.moderation.redacting.still_restored`)."""

from __future__ import annotations

from sqlalchemy import select

from webapp.extensions import db
from webapp.moderation.redacting import redact_words, still_restored
from webapp.reports.models import GroupComment


def comments_for(scope_key: str) -> list[GroupComment]:
    """A summary's comments, oldest first, as the board's table lists them."""
    return list(db.session.scalars(select(GroupComment).where(GroupComment.scope == scope_key)
                                   .order_by(GroupComment.submitted_on, GroupComment.id)))


def redact(comment: GroupComment, indexes: set[int]) -> None:
    """Replace the chosen words (`redacting.words` indexes) with [redacted]; words put back
    that are no longer there leave the note."""
    comment.text = redact_words(comment.text, indexes)
    comment.restored_words = still_restored(comment.restored_words, comment.text)
