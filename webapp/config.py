"""Configuration classes. Nothing here is read at import time of the app factory;
`create_app` picks a class and `Config.from_env` reads the environment once."""

from __future__ import annotations

import math
import os
from datetime import timedelta
from pathlib import Path

from argon2 import profiles
from cryptography.fernet import Fernet

INSTANCE_DIR = Path(__file__).resolve().parent.parent / "instance"
KEY_ENV = "HEARD_ENCRYPTION_KEYS"
GENERATE_COMMAND = ('.venv/bin/python -c "from cryptography.fernet import Fernet; '
                    'print(Fernet.generate_key().decode())"')


class ConfigurationError(RuntimeError):
    """Raised when the app is started without settings it cannot run safely without."""


def parse_keys(value: str) -> list[str]:
    """HEARD_ENCRYPTION_KEYS: comma-separated Fernet keys, newest first."""
    return [key.strip() for key in (value or "").split(",") if key.strip()]


def key_problem(keys) -> str | None:
    """Why these encryption keys cannot be used, or None."""
    if not keys:
        return f"no encryption key is set ({KEY_ENV})"
    for position, key in enumerate(keys, 1):
        try:
            Fernet(key)
        except (ValueError, TypeError):
            return (f"encryption key {position} in {KEY_ENV} is not a Fernet key "
                    "(32 url-safe base64-encoded bytes)")
    return None


SECRET_KEY_MIN_BITS = 256  # 32 random bytes
SECRET_KEY_COMMAND = '.venv/bin/python -c "import secrets; print(secrets.token_urlsafe(32))"'  # nosec B105 # how to make one, not a key
HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
URL_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=")
# Values published in this repository or in examples everywhere: never secret.
PUBLISHED_SECRET_KEYS = frozenset({"development-only-not-secret", "test-only-not-secret", "change-me",
                                   "changeme", "secret", "secret-key", "your-secret-key"})


def secret_key_problem(value: str | None) -> str | None:
    """Why SECRET_KEY cannot sign production sessions, or None. The entropy is
    an upper estimate from the key's length and alphabet (hex 4 bits a
    character, url-safe base64 6, anything else 6.5), so a long run of a few
    repeated characters is refused too: it needs 10 different characters."""
    if not value:
        return "SECRET_KEY is not set"
    if value.strip().lower() in PUBLISHED_SECRET_KEYS:
        return "SECRET_KEY is a published value (the development or test key, or an example)"
    if set(value) <= HEX_DIGITS:
        bits_each = 4.0
    elif set(value) <= URL_SAFE:
        bits_each = 6.0
    else:
        bits_each = 6.5
    if len(set(value)) < 10 or math.floor(len(value) * bits_each) < SECRET_KEY_MIN_BITS:
        return f"SECRET_KEY is too weak (it needs at least {SECRET_KEY_MIN_BITS // 8} random bytes)"
    return None


def public_base_url_problem(value: str | None) -> str | None:
    """Production links, QR codes and posters use PUBLIC_BASE_URL, never the
    Host header a request brings."""
    if not value:
        return "PUBLIC_BASE_URL is not set (e.g. https://feedback.example.org)"
    scheme, _, rest = value.partition("://")
    host = rest.split("/", 1)[0]
    if scheme not in ("https", "http") or not host or any(ch in value for ch in " ?#\\"):
        return "PUBLIC_BASE_URL must be the site's scheme and host, like https://feedback.example.org"
    return None


class Config:
    """Settings shared by every environment. Values come from the environment."""

    SECRET_KEY: str | None = None
    SQLALCHEMY_DATABASE_URI: str | None = None
    # hide_parameters: a failed statement must not print free text into a log.
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "hide_parameters": True}
    REDIS_URL: str | None = None

    PARTNERSHIP_NAME = "Northshire Partnership"
    # The Government Security Classification marking printed at the top and
    # foot of every page of the board pack (PROTECTIVE_MARKING).
    PROTECTIVE_MARKING = "OFFICIAL"
    SERVICE_NAME = "Share your experience"
    # Colours must keep 4.5:1 contrast with white text; checked in tests.
    BRAND_COLOUR = "#1d4f6e"
    BRAND_ACCENT = "#0f7a52"
    EXIT_URL = "https://www.bbc.co.uk/weather"
    # Languages the public site offers, the first the default (LANGUAGES=cy,en puts Welsh first).
    LANGUAGES: tuple[str, ...] = ("en",)
    # Scheme and host of the public site, for share links and posters
    # (e.g. https://feedback.example.org). Unset: the host staff are using.
    PUBLIC_BASE_URL: str | None = None
    # `flask seed-demo` plants demo data (and, with DEMO, staff with a published
    # password): never in production.
    SEED_DEMO_ALLOWED = True
    RETENTION_MONTHS = 12
    # Fernet keys for free text at rest, newest first (HEARD_ENCRYPTION_KEYS; see webapp/crypto.py).
    ENCRYPTION_KEYS: list[str] = []
    ENCRYPTION_KEY_FILE: Path | None = None

    # Sessions exist only while a form is being filled: server-side, short-lived,
    # one cookie with no Expires (SESSION_PERMANENT False).
    SESSION_COOKIE_NAME = "heard"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Strict"
    SESSION_COOKIE_SECURE = False
    SESSION_PERMANENT = False
    SESSION_KEY_PREFIX = "heard:session:"
    PERMANENT_SESSION_LIFETIME = timedelta(minutes=30)
    # A staff session ends 30 minutes after its last request (STAFF_IDLE_TIMEOUT)
    # and, however busy, this long after signing in.
    STAFF_SESSION_MAX_AGE = timedelta(hours=10)
    # Answers in a journey left alone this long (a tab closed without exiting)
    # are forgotten: shorter than the session, which staff pages share. The
    # journeys say so near their start and near Send.
    JOURNEY_IDLE_MINUTES = 20

    WTF_CSRF_TIME_LIMIT = 60 * 60
    # Flask-WTF's HTTPS check wants a same-origin Referer, which no browser sends
    # under Heard's `Referrer-Policy: no-referrer`: it refused every POST behind
    # TLS. The session-bound token and SameSite=Strict still protect every form,
    # and `security.refuse_cross_site_posts` checks Sec-Fetch-Site and Origin.
    WTF_CSRF_SSL_STRICT = False
    MAX_CONTENT_LENGTH = 64 * 1024

    # Argon2id for staff passwords: RFC 9106's second recommended option (64 MiB,
    # 3 passes, 4 lanes), argon2-cffi's default. Deliberately slow; only tests lower it.
    ARGON2_PARAMETERS = profiles.RFC_9106_LOW_MEMORY

    RATELIMIT_HEADERS_ENABLED = False
    # Per address: journeys started and answers sent (access codes count apart), not
    # every page. 30 people an hour finishing both journeys from one refuge
    # Wi-Fi is 120 of these; a script is also capped at JOURNEY_STEP_LIMIT
    # pages per visit (counted in the session, free).
    FEEDBACK_RATE_LIMIT = "150 per hour"
    JOURNEY_STEP_LIMIT = 300
    # Staff sign-in and two-factor tries per address (on top of each account's
    # lockout): enough for an office behind one address, too few to spray guesses.
    STAFF_SIGN_IN_RATE_LIMIT = "30 per 10 minutes"
    # Wrong access codes per address (right ones are free: a group in one room
    # shares an address). Each code also stops after 10 wrong tries in a row.
    ACCESS_CODE_RATE_LIMIT = "10 per 10 minutes"
    RATELIMIT_STRATEGY = "moving-window"

    COMPRESS_MIMETYPES = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"]
    COMPRESS_ALGORITHM = ["br", "gzip"]
    COMPRESS_MIN_SIZE = 256
    # HTML pages that carry a CSRF token beside reflected input are never compressed (BREACH).

    TRUST_PROXY_HOPS = 0
    DEMO = False

    # Staff email alerts (webapp/staff/alerts.py) go through the partnership's SMTP
    # server. No MAIL_SERVER: no alerts are sent (and the alert settings say so).
    MAIL_SERVER: str | None = None
    MAIL_PORT = 25
    MAIL_FROM = "heard@localhost"
    # STARTTLS before sending (MAIL_USE_TLS=1), and a login when MAIL_USERNAME is set.
    MAIL_USE_TLS = False
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_TIMEOUT_SECONDS = 10

    @classmethod
    def from_env(cls) -> dict:
        """Environment overrides, read once when the app is created."""
        env = os.environ
        values: dict = {}
        for key in ("SECRET_KEY", "REDIS_URL", "PARTNERSHIP_NAME", "PROTECTIVE_MARKING", "SERVICE_NAME",
                    "BRAND_COLOUR", "BRAND_ACCENT", "EXIT_URL", "FEEDBACK_RATE_LIMIT", "STAFF_SIGN_IN_RATE_LIMIT",
                    "ACCESS_CODE_RATE_LIMIT",
                    "PUBLIC_BASE_URL", "MAIL_SERVER", "MAIL_FROM", "MAIL_USERNAME", "MAIL_PASSWORD"):
            if env.get(key):
                values[key] = env[key]
        if env.get("DATABASE_URL"):
            values["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(env["DATABASE_URL"])
        if env.get(KEY_ENV):
            values["ENCRYPTION_KEYS"] = parse_keys(env[KEY_ENV])
        if env.get("LANGUAGES"):
            values["LANGUAGES"] = tuple(code.strip() for code in env["LANGUAGES"].split(",") if code.strip())
        for key in ("RETENTION_MONTHS", "TRUST_PROXY_HOPS", "MAIL_PORT"):
            if env.get(key):
                values[key] = int(env[key])
        if env.get("MAIL_USE_TLS"):
            values["MAIL_USE_TLS"] = env["MAIL_USE_TLS"].lower() in ("1", "true", "yes")
        return values


class DevelopmentConfig(Config):
    """`make run`: embedded SQLite with demo data, a fixed throwaway key."""

    SQLALCHEMY_DATABASE_URI = f"sqlite:///{INSTANCE_DIR / 'heard.sqlite3'}"
    SECRET_KEY = "development-only-not-secret"  # nosec B105 # dev config only, production refuses it
    # Made on first start and kept (mode 0600) unless HEARD_ENCRYPTION_KEYS is set.
    ENCRYPTION_KEY_FILE = INSTANCE_DIR / "heard-dev.key"
    DEMO = True


class TestConfig(Config):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    SECRET_KEY = "test-only-not-secret"  # nosec B105 # tests only
    ENCRYPTION_KEYS = ["6svifmZPPbWG7yDml-PO2sSYbVssD5VdcATTimnUlVo="]  # tests only
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False
    # Hashing a test password must not cost a fifth of a second, nor an access code 40 ms.
    ARGON2_PARAMETERS = profiles.CHEAPEST
    ACCESS_CODE_SCRYPT_N = 2**4


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    TRUST_PROXY_HOPS = 1
    SEED_DEMO_ALLOWED = False

    @staticmethod
    def validate(settings: dict) -> None:
        missing = [name for name, key in (("DATABASE_URL", "SQLALCHEMY_DATABASE_URI"),
                                          ("SECRET_KEY", "SECRET_KEY"))
                   if not settings.get(key)]
        if missing:
            raise ConfigurationError(
                "Heard will not start in production without " + " and ".join(missing)
                + ". Set them in the environment (see README, Configuration).")
        problem = secret_key_problem(settings.get("SECRET_KEY"))
        if problem:
            raise ConfigurationError(
                f"Heard will not start in production: {problem}. Generate one with {SECRET_KEY_COMMAND} "
                "(see README, Configuration).")
        problem = public_base_url_problem(settings.get("PUBLIC_BASE_URL"))
        if problem:
            raise ConfigurationError(f"Heard will not start in production: {problem} (see README, Configuration).")
        problem = key_problem(settings.get("ENCRYPTION_KEYS"))
        if problem:
            raise ConfigurationError(
                f"Heard will not start in production: {problem}. Free text is encrypted at rest; "
                f"generate a key with {GENERATE_COMMAND} and set {KEY_ENV} to it "
                "(see README, Encryption and retention).")


CONFIGS = {
    "development": DevelopmentConfig,
    "test": TestConfig,
    "production": ProductionConfig,
}


def normalise_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs written the common way."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url
