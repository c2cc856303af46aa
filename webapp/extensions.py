"""Extensions are created unbound here and bound in `create_app`."""

import secrets
from datetime import UTC, datetime

from flask_compress import Compress
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_session import Session
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import BigInteger, Integer
from sqlalchemy.orm import DeclarativeBase

from webapp.privacy import rate_limit_key


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
server_session = Session()
compress = Compress()
limiter = Limiter(key_func=rate_limit_key)
login_manager = LoginManager()


def utcnow() -> datetime:
    """Naive UTC, how every timestamp column stores time (the same on SQLite and PostgreSQL)."""
    return datetime.now(UTC).replace(tzinfo=None)


# Responses and answers get random ids, not the next number: consecutive ids keep
# the order people answered in, and with anything timed (a log) the time of day.
# 2**31 and up, so never one of the consecutive ids rows stored before had, and
# under 2**53, so JSON exports and JavaScript read them exactly. SQLite's INTEGER
# already holds 64 bits; PostgreSQL needs BIGINT.
RandomId = BigInteger().with_variant(Integer(), "sqlite")
RANDOM_ID_FLOOR = 2**31
RANDOM_ID_CEILING = 2**53


def random_id() -> int:
    return RANDOM_ID_FLOOR + secrets.randbelow(RANDOM_ID_CEILING - RANDOM_ID_FLOOR)
