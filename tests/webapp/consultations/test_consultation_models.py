"""Migration 0003: the consultation tables, built by the real migrations on
SQLite and PostgreSQL, hold a consultation with a show-a-page-if condition."""

from __future__ import annotations

from datetime import date

from sqlalchemy import inspect

from webapp.consultations.models import (
    Answer,
    Consultation,
    ConsultationPage,
    ConsultationResponse,
    Question,
    WordingChange,
)
from webapp.extensions import db
from webapp.staff import accounts

TABLES = {"consultation", "consultation_page", "consultation_question", "consultation_wording_change",
          "consultation_review_comment", "consultation_change_record", "consultation_response",
          "consultation_answer"}


def test_migration_creates_every_consultation_table(app_context, app):
    assert TABLES <= set(inspect(db.engine).get_table_names())
    keys = {fk["name"] for fk in inspect(db.engine).get_foreign_keys("consultation_page")}
    assert "fk_page_show_if_question" in keys


def test_pages_and_questions_refer_to_each_other(app_context, app):
    consultation = Consultation(slug="support", title="Support after leaving")
    first = ConsultationPage(title="You", position=0)
    asked = Question(kind="yes_no", text="Did you use a refuge?", position=0)
    first.questions.append(asked)
    consultation.pages.append(first)
    db.session.add(consultation)
    db.session.flush()
    second = ConsultationPage(title="The refuge", position=1, show_if_question=asked, show_if_value="Yes")
    second.questions.append(Question(kind="free_text", text="What was the refuge like?"))
    consultation.pages.append(second)
    db.session.commit()

    loaded = db.session.get(Consultation, consultation.id)
    assert [page.title for page in loaded.pages] == ["You", "The refuge"]
    assert loaded.pages[1].show_if_question_id == asked.id
    assert loaded.pages[0].questions[0].choices == ("Yes", "No")

    response = ConsultationResponse(consultation=loaded, submitted_on=date(2026, 11, 23))
    response.answers.append(Answer(question=asked, value="Yes"))
    db.session.add(response)
    staff = accounts.create_user("sam@partnership.example", "engagement", "Copper-Kettle-Lantern-58")
    db.session.add(WordingChange(question=asked, old="Did you use a refuge?", new="Did you stay in a refuge?",
                                 changed_by=staff))
    db.session.commit()
    assert db.session.get(Question, asked.id).wording_changes[0].changed_by.email == "sam@partnership.example"
