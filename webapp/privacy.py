"""Keeping what Heard learns about a visitor to the minimum.

Rate limiting needs *some* key per visitor. We use a salted hash of the client
address; the salt is random, rotates daily and lives only in memory (or in Redis
with a one-day expiry when Redis is configured, so gunicorn workers share it).
The address itself is never stored or logged.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
import threading
from datetime import date

from flask import current_app, request

SALT_TTL_SECONDS = 24 * 60 * 60


class DailySalt:
    """A random salt per calendar day, kept in process memory or Redis."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._day: date | None = None
        self._salt = b""

    def current(self, redis_client=None) -> bytes:
        """Today's salt. With Redis, every worker adopts the first salt stored
        there today and then keeps it in memory until the date changes, so a
        request costs no Redis round trip for it."""
        today = date.today()
        with self._lock:
            if self._day != today:
                salt = (self._from_redis(redis_client, today) if redis_client is not None
                        else secrets.token_bytes(32))
                self._day, self._salt = today, salt
            return self._salt

    @staticmethod
    def _from_redis(client, today: date) -> bytes:
        key = f"heard:ratelimit-salt:{today.isoformat()}"
        client.set(key, secrets.token_bytes(32), nx=True, ex=SALT_TTL_SECONDS)
        return client.get(key)


daily_salt = DailySalt()


def rate_limit_key() -> str:
    """Flask-Limiter key: a salted hash of the address, never the address."""
    redis_client = current_app.extensions.get("heard_redis")
    salt = daily_salt.current(redis_client)
    address = (request.remote_addr or "").encode()
    return hashlib.blake2b(address, key=salt, digest_size=16).hexdigest()


# IPv4, full IPv6, and compressed IPv6 (anything with "::"): enough to catch any
# client address a library might put in a log line, without eating clock times.
_IP_PATTERN = re.compile(
    r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])"
    r"|(?<![\w:])(?:(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}"
    r"|[0-9a-fA-F:]*::[0-9a-fA-F:.]*)(?![\w:])"
)


class ScrubAddressesFilter(logging.Filter):
    """Removes anything shaped like an IP address from every log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = _IP_PATTERN.sub("[address]", message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, ()
        return True
