"""Services the partnership asks about and lists in its support directory."""

from __future__ import annotations

from sqlalchemy import select

from webapp.extensions import db
from webapp.feedback.models import Service


def services_taking_feedback() -> list[Service]:
    return list(db.session.scalars(
        select(Service).where(Service.accepting_feedback.is_(True))
        .order_by(Service.position, Service.name)))


def local_directory() -> list[Service]:
    return list(db.session.scalars(
        select(Service).where(Service.listed_in_directory.is_(True))
        .order_by(Service.position, Service.name)))


def service_by_slug(slug: str) -> Service | None:
    return db.session.scalar(select(Service).where(Service.slug == slug))


def is_taking_feedback(slug: str) -> bool:
    service = service_by_slug(slug)
    return bool(service and service.accepting_feedback)
