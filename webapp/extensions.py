"""Extensions are created unbound here and bound in `create_app`."""

from datetime import UTC, datetime

from flask_compress import Compress
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_session import Session
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
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
