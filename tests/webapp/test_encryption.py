"""Free text is encrypted at rest (webapp/crypto.py): what the database holds is
a fresh Fernet token per value, keys rotate with `flask --app webapp rotate-key`,
and production will not start without a key."""

from __future__ import annotations

import secrets
import stat
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import select, text

from tests.webapp.helpers import make_consultation
from webapp import create_app
from webapp.audit import AuditEvent
from webapp.config import ConfigurationError, TestConfig
from webapp.consultations.models import Answer, ConsultationResponse, ReviewComment
from webapp.crypto import DecryptionError, EncryptedColumnError, encrypted_columns
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.reports.models import GroupComment
from webapp.themes.models import ThemeRun

OLD_KEY = TestConfig.ENCRYPTION_KEYS[0]
NEW_KEY = "vd9h3uTmu30j06zQ2A4juB3nzVE1wYs-s0sJIG0BEj4="
LOST_KEY = "m1H8y0dJk3c7lq2vB3Xl2vJ8pZc3rK6Xw9yW0u4t5sE="
HELPED = "The IDVA, [name], believed me straight away"


def raw(sql: str) -> list[tuple]:
    return [tuple(row) for row in db.session.execute(text(sql))]


def add_feedback(**values) -> FeedbackResponse:
    response = FeedbackResponse(submitted_on=date(2026, 11, 2), **values)
    db.session.add(response)
    db.session.commit()
    return response


@contextmanager
def app_with_keys(database_url: str, keys: list[str]):
    """A second app on the same database with other keys, as after a redeploy."""
    other = create_app("test", {"SQLALCHEMY_DATABASE_URI": database_url, "ENCRYPTION_KEYS": keys})
    with other.app_context():
        yield other
        db.session.remove()
        db.engine.dispose()


def test_every_free_text_column_is_encrypted(app):
    assert set(encrypted_columns()) == {
        ("feedback_response", "other_service"), ("feedback_response", "what_helped"),
        ("feedback_response", "could_be_better"), ("feedback_response", "restored_words"),
        ("feedback_response", "working_translations"),
        ("consultation_answer", "value"), ("consultation_answer", "other_text"),
        ("consultation_answer", "working_translation"), ("consultation_answer", "restored_words"),
        ("consultation_review_comment", "text"), ("group_comment", "text"), ("theme_run", "report"),
        # What is derived from respondents' content (issue 11): choices, risk categories, emergent themes.
        ("consultation_answer", "values"), ("consultation_response", "risk_categories"),
        ("feedback_response", "risk_categories"), ("theme_emergent", "name"), ("theme_emergent", "terms"),
        ("consultation_review_comment", "risk_categories"), ("group_comment", "risk_categories"),
        ("group_comment", "restored_words"),
        # Each answer's sentence vector, and the digest of the text it came from.
        ("text_vector", "sealed"),
    }


def test_database_holds_fresh_tokens_not_the_text(app_context, app):
    first = add_feedback(what_helped=HELPED, could_be_better="", other_service="Hope Street hub")
    second = add_feedback(what_helped=HELPED)
    rows = {row[0]: row[1:] for row in raw("SELECT id, what_helped, could_be_better, other_service "
                                           "FROM feedback_response")}
    (helped_1, better_1, service_1), (helped_2, _, _) = rows[first.id], rows[second.id]  # ids are random
    assert helped_1.startswith("gAAAAA") and "IDVA" not in helped_1 and "Hope" not in service_1
    assert helped_1 != helped_2  # equal texts never look equal
    assert better_1 == ""  # blank stays blank, so "answered or not" still works in SQL
    db.session.expire_all()
    assert db.session.get(FeedbackResponse, first.id).what_helped == HELPED
    assert db.session.get(FeedbackResponse, second.id).other_service == ""


def test_answers_comments_and_reports_are_encrypted(app_context, app):
    consultation = make_consultation("encrypted")
    question = consultation.questions[0]

    response = ConsultationResponse(consultation_id=consultation.id, submitted_on=date(2026, 11, 2))
    response.answers.append(Answer(question_id=question.id, value="Waiting six weeks was hard"))
    db.session.add_all([
        response,
        ReviewComment(consultation_id=consultation.id, text="Ask about children too"),
        GroupComment(scope="feedback:2026Q4", theme_code="housing", text="Refuge space matters"),
        ThemeRun(scope="feedback:2026Q4", report={"quotes": ["The refuge was safe"]}),
    ])
    db.session.commit()
    stored = " ".join(str(value) for sql in (
        "SELECT value FROM consultation_answer", "SELECT text FROM consultation_review_comment",
        "SELECT text FROM group_comment", "SELECT report FROM theme_run") for (value,) in raw(sql))
    for plain in ("Waiting", "children", "Refuge", "refuge"):
        assert plain not in stored
    db.session.expire_all()
    assert db.session.scalar(select(ThemeRun.report)) == {"quotes": ["The refuge was safe"]}
    assert db.session.scalar(select(ReviewComment.text)) == "Ask about children too"


def test_sql_comparisons_on_ciphertext_are_refused(app_context, app):
    with pytest.raises(EncryptedColumnError, match="consultation_answer.value is encrypted"):
        select(Answer).where(Answer.value == "Yes")
    with pytest.raises(EncryptedColumnError):
        select(FeedbackResponse).where(FeedbackResponse.what_helped.like("%IDVA%"))
    add_feedback(what_helped=HELPED)
    add_feedback(what_helped="")
    answered = select(FeedbackResponse).where(FeedbackResponse.what_helped != "")
    assert [r.what_helped for r in db.session.scalars(answered)] == [HELPED]


def test_rotate_key_moves_data_to_the_new_key(app_context, app, database_url):
    kept = add_feedback(what_helped=HELPED, other_service="Hope Street hub").id
    with app_with_keys(database_url, [NEW_KEY, OLD_KEY]) as both:
        assert db.session.get(FeedbackResponse, kept).what_helped == HELPED  # old data still readable
        add_feedback(what_helped="Written after the new key")
        result = both.test_cli_runner().invoke(args=["rotate-key", "--batch", "1"])
        assert result.exit_code == 0, result.output
        assert "feedback_response.what_helped: 1 re-encrypted, 0 encrypted (were plain text), 1 already current" \
            in result.output
        assert "Total: 2 re-encrypted" in result.output
        [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "encryption.rotate_key"))
        assert event.detail.startswith("2 re-encrypted") and event.actor_id is None
    with app_with_keys(database_url, [NEW_KEY]):
        assert sorted(r.what_helped for r in db.session.scalars(select(FeedbackResponse))) == [
            HELPED, "Written after the new key"]
        assert db.session.get(FeedbackResponse, kept).other_service == "Hope Street hub"
    with app_with_keys(database_url, [OLD_KEY]):
        with pytest.raises(DecryptionError, match="no key in HEARD_ENCRYPTION_KEYS can read it"):
            _ = db.session.get(FeedbackResponse, kept).what_helped


def test_text_stored_before_encryption_is_refused_until_rotate_key_encrypts_it(app_context, app, runner):
    db.session.execute(text(
        "INSERT INTO feedback_response (submitted_on, service_id, other_service, ease, listened, overall,"
        " what_helped, could_be_better, age_band, gender, disability, ethnicity, sexuality, risk_flagged,"
        " risk_categories, hidden, hidden_reason, safeguarding_flag) VALUES ('2025-01-06', NULL, '', '', '',"
        " '', 'Legacy plain text', '', '', '', '', '', '', false, '', false, '', false)"))
    db.session.commit()
    with pytest.raises(DecryptionError, match="stored before encryption: run `flask --app webapp rotate-key`"):
        _ = db.session.scalar(select(FeedbackResponse)).what_helped
    db.session.rollback()
    result = runner.invoke(args=["rotate-key"])
    assert "feedback_response.what_helped: 0 re-encrypted, 1 encrypted (were plain text)" in result.output
    db.session.expire_all()
    assert db.session.scalar(select(FeedbackResponse)).what_helped == "Legacy plain text"
    assert raw("SELECT what_helped FROM feedback_response")[0][0].startswith("gAAAAA")


def test_rotate_key_reports_values_no_key_can_read(app, database_url):
    with app_with_keys(database_url, [LOST_KEY]):
        add_feedback(what_helped=HELPED)
    result = app.test_cli_runner().invoke(args=["rotate-key"])
    assert result.exit_code == 1
    assert "1 values could not be decrypted with any key in HEARD_ENCRYPTION_KEYS" in result.output
    assert "Put the key they were written with back in the list" in result.output


def test_production_refuses_to_start_without_a_good_key(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://db.invalid/heard")
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(32))
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://heard.example")
    monkeypatch.delenv("HEARD_ENCRYPTION_KEYS", raising=False)
    with pytest.raises(ConfigurationError, match="no encryption key is set") as refused:
        create_app("production")
    assert "Fernet.generate_key()" in str(refused.value) and "HEARD_ENCRYPTION_KEYS" in str(refused.value)
    monkeypatch.setenv("HEARD_ENCRYPTION_KEYS", f"{NEW_KEY}, not-a-key")
    with pytest.raises(ConfigurationError, match="encryption key 2 in HEARD_ENCRYPTION_KEYS is not a Fernet key"):
        create_app("production")
    monkeypatch.setenv("HEARD_ENCRYPTION_KEYS", f"{NEW_KEY},{OLD_KEY}")
    assert create_app("production").config["ENCRYPTION_KEYS"] == [NEW_KEY, OLD_KEY]


def test_development_makes_one_private_key_and_keeps_it(monkeypatch, tmp_path):
    monkeypatch.delenv("HEARD_ENCRYPTION_KEYS", raising=False)
    key_file = tmp_path / "instance" / "heard-dev.key"
    first = create_app("development", {"ENCRYPTION_KEY_FILE": key_file})
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    second = create_app("development", {"ENCRYPTION_KEY_FILE": key_file})
    assert first.config["ENCRYPTION_KEYS"] == second.config["ENCRYPTION_KEYS"] == [key_file.read_text().strip()]
    assert list(tmp_path.joinpath("instance").iterdir()) == [key_file]
