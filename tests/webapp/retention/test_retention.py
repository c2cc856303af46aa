"""Retention (webapp/retention.py): old responses are counted into text-free
theme aggregates, then deleted with everything that names their text; recent
responses stay; a dry run changes nothing. Rows are backdated."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.webapp.helpers import make_consultation
from webapp.audit import AuditEvent
from webapp.consultations.models import Answer, ConsultationResponse, answer_ref
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse, Service, feedback_ref
from webapp.moderation.models import PublishedQuote
from webapp.retention.models import ThemeAggregate
from webapp.retention.purge import AggregateCount, aggregate_counts, months_before, purge
from webapp.themes.models import StaffCoding, TextVector, ThemeCode, ThemeRun, ThemeRunItem
from webapp.themes.scope import consultation_scope, feedback_quarter
from webapp.themes.vectors import MODEL

TODAY = date(2026, 11, 23)  # retention 12 months: responses before 2025-11-23 go
OLD = date(2025, 3, 10)
RECENT = date(2026, 10, 1)


def feedback(day: date, service: Service | None = None, **values) -> FeedbackResponse:
    response = FeedbackResponse(submitted_on=day, service=service, **values)
    db.session.add(response)
    db.session.flush()
    return response


def run_item(run: ThemeRun, ref: str, codes: list[str], compound: float, sentiment: str) -> None:
    db.session.add(ThemeRunItem(run=run, ref=ref, codes=codes, scores={c: 0.9 for c in codes},
                                matched={}, compound=compound, sentiment=sentiment))


@pytest.fixture
def history(app_context, app):
    """Old feedback themed by a run (one item corrected by staff, one quoted), old
    feedback no run saw, a hidden old response, old consultation answers, and recent rows."""
    hope = Service(slug="hope", name="Hope Street")
    db.session.add(hope)
    believed = feedback(OLD, hope, what_helped="The IDVA believed me", could_be_better="Waiting list too long")
    corrected = feedback(OLD, hope, what_helped="Staff were kind to me")
    silent = feedback(OLD.replace(day=20), hope)
    hidden = feedback(OLD, hope, what_helped="Buy cheap watches", hidden=True, hidden_reason="spam")
    unseen = feedback(date(2025, 10, 5), None, other_service="A GP", what_helped="The refuge housing was safe")
    recent = feedback(RECENT, hope, what_helped="The IDVA was there for me")
    run = ThemeRun(scope="feedback:2025Q1", status="done", n_items=3)
    run_item(run, feedback_ref(believed.id, "what_helped"), ["believed", "advocacy"], 0.6, "positive")
    run_item(run, feedback_ref(believed.id, "could_be_better"), ["access"], -0.4, "negative")
    run_item(run, feedback_ref(corrected.id, "what_helped"), ["believed"], 0.5, "positive")
    db.session.add_all([
        run,
        StaffCoding(ref=feedback_ref(corrected.id, "what_helped"), codes=["staff-attitude"]),
        StaffCoding(ref=feedback_ref(recent.id, "what_helped"), codes=["advocacy"]),
        PublishedQuote(ref=feedback_ref(believed.id, "what_helped")),
        TextVector(ref=feedback_ref(believed.id, "what_helped"), model=MODEL, sealed="kept:AAAA"),
        TextVector(ref=feedback_ref(recent.id, "what_helped"), model=MODEL, sealed="kept:AAAA"),
        # Kept by a job just after an earlier purge deleted its answer.
        TextVector(ref="f:99:what_helped", model=MODEL, sealed="kept:AAAA"),
    ])
    consultation = make_consultation("after-leaving")
    refuge_question = consultation.questions[2]  # free text: What was the refuge like?
    old_response = ConsultationResponse(consultation=consultation, submitted_on=date(2025, 6, 2))
    old_response.answers.append(Answer(question_id=refuge_question.id, value="The refuge kept my children safe"))
    new_response = ConsultationResponse(consultation=consultation, submitted_on=RECENT)
    new_response.answers.append(Answer(question_id=refuge_question.id, value="Noisy but safe"))
    db.session.add_all([old_response, new_response])
    db.session.commit()
    return {"hope": hope, "believed": believed, "hidden": hidden, "unseen": unseen, "recent": recent,
            "run": run, "consultation": consultation, "old_answer": old_response.answers[0],
            "silent": silent}


def aggregates() -> dict[tuple, tuple]:
    return {(a.source, a.consultation_id, a.service_id, a.month.isoformat(), a.theme_code):
            (a.responses, round(a.sentiment_sum, 4), a.positive, a.neutral, a.negative)
            for a in db.session.scalars(select(ThemeAggregate))}


def test_old_responses_are_counted_then_deleted_with_what_names_their_text(history):
    hope_id, consultation_id = history["hope"].id, history["consultation"].id
    old_answer_ref = answer_ref(history["old_answer"].id)
    report = purge(today=TODAY)

    assert report.cutoff == date(2025, 11, 23)
    assert {kind: report.deleted[kind] for kind in report.KINDS} == {
        "feedback responses": 5, "consultation responses": 1, "consultation answers": 1,
        "staff codings": 1, "theme run items": 3, "theme runs": 1, "published quotes": 1, "answer vectors": 2}
    remaining = list(db.session.scalars(select(FeedbackResponse)))
    assert [r.what_helped for r in remaining] == ["The IDVA was there for me"]
    assert [a.value for a in db.session.scalars(select(Answer))] == ["Noisy but safe"]
    assert list(db.session.scalars(select(StaffCoding.codes))) == [["advocacy"]]
    assert list(db.session.scalars(select(TextVector.ref))) == [feedback_ref(history["recent"].id, "what_helped")]
    assert db.session.scalars(select(ThemeRun)).all() == [] and db.session.scalars(select(PublishedQuote)).all() == []
    assert old_answer_ref not in set(db.session.scalars(select(ThemeRunItem.ref)))

    counts = aggregates()
    q1 = ("feedback", None, hope_id, "2025-03-01")
    # Three visible responses (the hidden one is not counted). The first has a
    # positive and a negative item: neutral overall, mean compound 0.1.
    assert counts[q1 + ("",)] == (3, 0.6, 1, 2, 0)
    assert counts[q1 + ("believed",)] == (1, 0.6, 1, 0, 0)  # staff moved the second response off "believed"
    assert counts[q1 + ("advocacy",)] == (1, 0.6, 1, 0, 0)
    assert counts[q1 + ("access",)] == (1, -0.4, 0, 0, 1)
    assert counts[q1 + ("staff-attitude",)] == (1, 0.5, 1, 0, 0)
    # No run saw these: themed by the codebook at purge time.
    unseen = {key[4]: value[0] for key, value in counts.items() if key[:4] == ("feedback", None, None, "2025-10-01")}
    assert unseen == {"": 1, "housing": 1, "safety": 1}
    consultation_rows = {key[4] for key in counts if key[:2] == ("consultation", consultation_id)}
    assert {"", "housing", "children"} <= consultation_rows
    assert all(key[3] == "2025-06-01" for key in counts if key[0] == "consultation")

    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "retention.purge"))
    assert event.target == "before 2025-11-23" and "5 feedback responses" in event.detail
    assert event.actor_id is None


def test_aggregates_carry_no_text(history):
    purge(today=TODAY)
    text_columns = {c.name for c in ThemeAggregate.__table__.columns if c.type.python_type is str}
    assert text_columns == {"source", "theme_code"}
    stored = " ".join(str(value) for row in aggregates().items() for value in row)
    for word in ("IDVA", "Waiting", "kind", "refuge", "GP", "kept my"):
        assert word not in stored


def test_aggregate_counts_for_reports(history):
    purge(today=TODAY)
    quarter = aggregate_counts(feedback_quarter("2025Q1"))
    assert quarter[""] == AggregateCount(responses=3, sentiment_sum=pytest.approx(0.6), positive=1, neutral=2)
    assert quarter["access"] == AggregateCount(1, pytest.approx(-0.4), 0, 0, 1)
    assert aggregate_counts(feedback_quarter("2025Q2")) == {}
    assert aggregate_counts(consultation_scope("after-leaving"))[""].responses == 1
    # A theme merged later counts under the theme it joined.
    access = db.session.scalar(select(ThemeCode).where(ThemeCode.code == "access"))  # seeded by the purge
    access.merged_into, access.retired = "joined-up", True
    assert aggregate_counts(feedback_quarter("2025Q1"))["joined-up"].responses == 1


def test_dry_run_deletes_and_counts_nothing(history, runner, monkeypatch):
    before = (len(db.session.scalars(select(FeedbackResponse)).all()), len(db.session.scalars(select(Answer)).all()))
    report = purge(today=TODAY, dry_run=True)
    assert report.deleted["feedback responses"] == 5
    assert "Would delete 5 feedback responses" in report.lines()
    db.session.expire_all()
    after = (len(db.session.scalars(select(FeedbackResponse)).all()), len(db.session.scalars(select(Answer)).all()))
    assert after == before
    assert aggregates() == {} and db.session.scalars(select(ThemeRun)).all() != []
    assert db.session.scalars(select(AuditEvent)).all() == []


def test_purging_twice_counts_once(history):
    purge(today=TODAY)
    first = aggregates()
    again = purge(today=TODAY)
    assert sum(again.deleted.values()) == 0 and aggregates() == first


def test_a_later_purge_adds_to_the_same_month(app_context, app):
    feedback(date(2025, 3, 10), what_helped="Kind staff")
    db.session.commit()
    purge(today=TODAY)
    feedback(date(2025, 3, 28), what_helped="")
    db.session.commit()
    purge(today=TODAY)
    assert aggregates()[("feedback", None, None, "2025-03-01", "")][0] == 2


def test_purge_command_uses_the_retention_period_and_reports(app_context, app, runner):
    today = date.today()
    feedback(today - timedelta(days=400), what_helped="Old words")
    feedback(today - timedelta(days=100), what_helped="Newer words")
    db.session.commit()
    result = runner.invoke(args=["purge", "--dry-run"])
    assert result.exit_code == 0 and "Would delete 1 feedback responses" in result.output
    result = runner.invoke(args=["purge", "--older-than-months", "3"])
    assert "Deleted 2 feedback responses" in result.output
    assert "Counted 2 responses into" in result.output
    result = runner.invoke(args=["purge", "--older-than-months", "0"])
    assert result.exit_code == 2 and "0 is not in the range x>=1" in result.output


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 11, 23), 12, date(2025, 11, 23)),
    (date(2026, 3, 31), 1, date(2026, 2, 28)),
    (date(2026, 1, 15), 3, date(2025, 10, 15)),
    (date(2024, 2, 29), 12, date(2023, 2, 28)),
])
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected
