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

# One run's encryption key, shared by every server (they copy one seeded database,
# seeded by whichever pytest-xdist worker needs it first) and by the tests that read
# what a server stored. Workers derive it from their run's random id, so all of them
# hold the same key.
RUN_ID = os.environ.get("PYTEST_XDIST_TESTRUNUID")
ENCRYPTION_KEY = (base64.urlsafe_b64encode(hashlib.sha256(RUN_ID.encode()).digest()).decode() if RUN_ID
                  else Fernet.generate_key().decode())
