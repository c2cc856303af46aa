"""The models and the migrations agree: `flask db check` on a database built by
`flask db upgrade` finds nothing to migrate. A model change without its
reviewed migration fails here."""

from __future__ import annotations

import flask_migrate
import pytest

from webapp import create_app
from webapp.consultations.models import Answer, ConsultationResponse
from webapp.extensions import db


def test_models_match_the_migrations(tmp_path):
    app = create_app("test", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'check.sqlite3'}"})
    with app.app_context():
        flask_migrate.upgrade()
        try:
            flask_migrate.check()
        except SystemExit:  # Flask-Migrate exits 1 when autogenerate finds a difference
            pytest.fail("The models differ from the migrations: run `flask db migrate -m ...`, review, commit.")


def test_upgrading_encrypts_choices_risk_categories_and_emergent_themes_already_stored(tmp_path):
    """Issue 11: these were plain text. Migration 0009 encrypts the rows it finds."""
    app = create_app("test", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'old.sqlite3'}"})
    with app.app_context():
        flask_migrate.upgrade(revision="0008")
        with db.engine.begin() as connection:
            for statement in (
                "INSERT INTO consultation (id, slug, title, introduction, audience, access_code_hash, status,"
                " results_where, results_summary, created_on, code_failures) VALUES"
                " (1, 'c', 'C', '', 'public', '', 'open', '', '', '2026-11-02', 0)",
                "INSERT INTO consultation_page (id, consultation_id, title, position, show_if_value)"
                " VALUES (1, 1, 'P', 0, '')",
                "INSERT INTO consultation_question (id, page_id, kind, text, hint, required, position, options,"
                " char_limit, meaning_locked) VALUES (1, 1, 'multiple', 'Q', '', 0, 0, '[\"Refuge\"]', 0, 0)",
                "INSERT INTO consultation_response (id, consultation_id, submitted_on, risk_flagged,"
                " risk_categories, hidden, hidden_reason, safeguarding_flag)"
                " VALUES (1, 1, '2026-11-02', 1, 'suicidal', 0, '', 0)",
                "INSERT INTO consultation_answer (id, response_id, question_id, value, \"values\")"
                " VALUES (1, 1, 1, '', '[\"Refuge\"]')",
            ):
                connection.exec_driver_sql(statement)
        flask_migrate.upgrade()
        with db.engine.connect() as connection:
            risk, = connection.exec_driver_sql("SELECT risk_categories FROM consultation_response").one()
            values, = connection.exec_driver_sql('SELECT "values" FROM consultation_answer').one()
        assert risk.startswith("gAAAAA") and values.startswith("gAAAAA")
        assert "suicidal" not in risk and "Refuge" not in values
        assert db.session.get(ConsultationResponse, 1).risk_categories == "suicidal"
        assert db.session.get(Answer, 1).values == ["Refuge"]
        db.session.remove()
        db.engine.dispose()
