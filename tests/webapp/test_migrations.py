"""The models and the migrations agree: `flask db check` on a database built by
`flask db upgrade` finds nothing to migrate. A model change without its
reviewed migration fails here."""

from __future__ import annotations

import flask_migrate
import pytest

from webapp import create_app


def test_models_match_the_migrations(tmp_path):
    app = create_app("test", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'check.sqlite3'}"})
    with app.app_context():
        flask_migrate.upgrade()
        try:
            flask_migrate.check()
        except SystemExit:  # Flask-Migrate exits 1 when autogenerate finds a difference
            pytest.fail("The models differ from the migrations: run `flask db migrate -m ...`, review, commit.")
