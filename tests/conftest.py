"""Shared fixtures. Every database test runs on SQLite and, when TEST_DATABASE_URL
is set (as in CI), on PostgreSQL too, each schema built by the real migrations."""

from __future__ import annotations

import os

import pytest
from flask_migrate import upgrade
from hypothesis import settings
from sqlalchemy import text

from webapp import create_app
from webapp.config import normalise_database_url
from webapp.extensions import db, limiter

# CI runs the same generated examples every time, so a landing never depends on luck;
# local runs keep exploring new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request, tmp_path_factory) -> str:
    """A database built from empty by `flask db upgrade`, once per backend."""
    if request.param == "postgresql":
        url = normalise_database_url(os.environ["TEST_DATABASE_URL"])
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'heard-test.sqlite3'}"
    app = create_app("test", {"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        if request.param == "postgresql":
            db.session.execute(text("DROP SCHEMA public CASCADE"))
            db.session.execute(text("CREATE SCHEMA public"))
            db.session.commit()
        upgrade()
        db.engine.dispose()
    return url


@pytest.fixture
def app_overrides() -> dict:
    """Tests override this to change settings for one app."""
    return {}


@pytest.fixture
def app(database_url, app_overrides):
    app = create_app("test", {"SQLALCHEMY_DATABASE_URI": database_url, **app_overrides})
    with app.app_context():
        _empty_tables()
        yield app
        db.session.remove()
        _empty_tables()
        db.engine.dispose()


def _empty_tables() -> None:
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def demo_data(app):
    from webapp.demo import seed_if_empty

    seed_if_empty()
    return app


@pytest.fixture
def default_limit_for_one_test():
    """Flask-Limiter keeps a configured default limit on its shared Limiter for
    every later app, so it is cleared after a test that sets one."""
    yield
    limiter.limit_manager.set_default_limits([])
