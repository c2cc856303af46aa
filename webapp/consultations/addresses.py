"""Consultations' web addresses (`/c/<slug>`): short, random and neutral by
default, because an address stays in the browser history of everyone who
answers (`7kq2`, never "leaving-a-refuge"); staff may choose another before it
opens (`rules.check_slug`), and every address it had keeps working by
redirecting to the current one. The redirect only ever names the current
address, which is neutral too, so following an old link adds nothing telling."""

from __future__ import annotations

from flask import abort, redirect, request, url_for
from sqlalchemy import select

from webapp.audit import record_event
from webapp.consultations import rules
from webapp.consultations.models import Consultation, OldSlug
from webapp.consultations.rules import RuleError
from webapp.extensions import db

ADDRESS_EDITABLE_STATUSES = ("draft", "review", "scheduled")


def slug_taken(slug: str, consultation: Consultation | None = None) -> bool:
    """Whether another consultation has, or had, this address (old ones redirect, so stay taken)."""
    current = db.session.scalar(select(Consultation.id).where(Consultation.slug == slug))
    old = db.session.scalar(select(OldSlug.consultation_id).where(OldSlug.slug == slug))
    mine = consultation.id if consultation is not None else None
    return (current is not None and current != mine) or (old is not None and old != mine)


def new_slug() -> str:
    """A short random address (`7kq2`) that says nothing about the consultation:
    addresses sit in a phone's history. Longer when the short ones run out."""
    length = rules.SHORT_SLUG_LENGTH
    while True:
        for _ in range(20):
            slug = rules.random_slug(length)
            if not slug_taken(slug):
                return slug
        length += 1


def change_slug(consultation: Consultation, slug: str) -> None:
    """Give the consultation a new address; the old one is kept so it redirects.
    Only before it opens: reports, the board pack and the group's view name a
    consultation by its address once people can answer."""
    if consultation.status not in ADDRESS_EDITABLE_STATUSES:
        raise RuleError("The web address can only change before the consultation opens.")
    slug = rules.normalise_slug(slug)
    rules.check_slug(slug)
    if slug == consultation.slug:
        return
    if slug_taken(slug, consultation):
        raise RuleError("Another consultation uses that address. Choose a different one.")
    previous = consultation.slug
    for old in [old for old in consultation.old_slugs if old.slug == slug]:  # taking back an old address
        consultation.old_slugs.remove(old)
    consultation.old_slugs.append(OldSlug(slug=previous))
    consultation.slug = slug
    record_event("consultation.address", target=slug, detail=f"was {previous}")


def consultation_for_old_slug(slug: str) -> Consultation | None:
    """The consultation that used to be at `slug`, for a redirect to where it is now."""
    return db.session.scalar(select(Consultation).join(OldSlug).where(OldSlug.slug == slug))


def redirect_if_moved(slug: str, endpoint: str) -> None:
    """404, unless `slug` is an address the consultation used to have: then
    send the visitor to the same page at its current address (303 after a
    POST, so what was posted is not sent again)."""
    consultation = consultation_for_old_slug(slug)
    if consultation is None:
        abort(404)
    abort(redirect(url_for(endpoint, slug=consultation.slug), code=303 if request.method == "POST" else 302))
