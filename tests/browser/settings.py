"""Values shared by the conftest and the tests. Imported as `tests.browser.settings`
from both, so there is one copy per run (conftest itself is imported under another name)."""

from __future__ import annotations

import base64
import hashlib
import os
import secrets

from cryptography.fernet import Fernet

PHONE = {"width": 390, "height": 844}
NARROW = {"width": 320, "height": 640}

# One run's identifying probes, sent by every browser context: a documentation-range
# address as X-Forwarded-For and a unique user agent. They must never reach a log or
# the database.
PROBE_IP = f"203.0.113.{secrets.randbelow(250) + 2}"
PROBE_UA = f"Mozilla/5.0 (Linux; Android 14) HeardProbe/{secrets.token_hex(6)} Mobile"


def _run_key() -> str:
    """One run's encryption key, shared by every server (they copy one seeded database,
    made by whichever pytest-xdist worker needed it first) and by the tests that read
    what a server stored: under pytest-xdist, derived from the run's random id, which
    every worker of the run has; otherwise random."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if not run:
        return Fernet.generate_key().decode()
    return base64.urlsafe_b64encode(hashlib.sha256(f"heard-browser-tests:{run}".encode()).digest()).decode()


ENCRYPTION_KEY = _run_key()

# How long a browser waits for an action, a page load and an expectation. A passing
# test never waits this long; the margin is for a slow or busy machine, where a
# themed summary page alone can take several seconds, and the first answer sent to
# a fresh server loads the danger, redaction and language models (2.7 CPU-s alone):
# with four workers on two cores it passed 15 s in CI, and took under 4 s alone.
ACTION_TIMEOUT = 30_000
NAVIGATION_TIMEOUT = 60_000
EXPECT_TIMEOUT = 30_000
