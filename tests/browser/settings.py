"""Values shared by the conftest and the tests. Imported as `tests.browser.settings`
from both, so there is one copy per run (conftest itself is imported under another name)."""

from __future__ import annotations

import secrets

from cryptography.fernet import Fernet

PHONE = {"width": 390, "height": 844}
NARROW = {"width": 320, "height": 640}

# One run's identifying probes, sent by every browser context: a documentation-range
# address as X-Forwarded-For and a unique user agent. They must never reach a log or
# the database.
PROBE_IP = f"203.0.113.{secrets.randbelow(250) + 2}"
PROBE_UA = f"Mozilla/5.0 (Linux; Android 14) HeardProbe/{secrets.token_hex(6)} Mobile"

# One run's encryption key, shared by every server (they copy one seeded database)
# and by the tests that read what a server stored.
ENCRYPTION_KEY = Fernet.generate_key().decode()

# How long a browser waits for an action, a page load and an expectation. A passing
# test never waits this long; the margin is for a slow or busy machine, where a
# themed summary page alone can take several seconds.
ACTION_TIMEOUT = 30_000
NAVIGATION_TIMEOUT = 60_000
EXPECT_TIMEOUT = 15_000
