"""`/healthz` for the load balancer and uptime checks: ok or not, nothing more.

The answer never carries error text, hostnames or versions: a probe from the
internet learns only whether the service is up."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from webapp.extensions import db, limiter

bp = Blueprint("health", __name__)
limiter.exempt(bp)


@bp.get("/healthz")
def healthz():
    if database_answers() and redis_answers():
        return _reply({"status": "ok"}, 200)
    return _reply({"status": "unavailable"}, 503)


def database_answers() -> bool:
    try:
        db.session.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError:
        current_app.logger.warning("Health check: the database did not answer")
        db.session.rollback()
        return False
    finally:
        db.session.remove()


def redis_answers() -> bool:
    """True when Redis pings, or when Heard runs without Redis."""
    client = current_app.extensions.get("heard_redis")
    if client is None:
        return True
    import redis  # loaded only where REDIS_URL is set (the client already is)

    try:
        return bool(client.ping())
    except redis.RedisError:
        current_app.logger.warning("Health check: Redis did not answer")
        return False


def _reply(body: dict, status: int):
    response = jsonify(body)
    response.status_code = status
    return response
