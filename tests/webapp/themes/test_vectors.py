"""Each answer's sentence vector is worked out once and kept, encrypted, tied to
its text: a run learning from coded answers embeds only answers new to it, or
whose text has changed, and day-one runs need none."""

from __future__ import annotations

import hashlib
from datetime import date

import numpy as np
import pytest
from sqlalchemy import select, text

from analysis.transformer import TransformerEmbedder
from tests.webapp.helpers import HOUSING, POLICE, WAITING, add_feedback, make_consultation, run_now, walk_to_check
from webapp import journeys
from webapp.consultations.journey import write_response
from webapp.consultations.models import Answer, ConsultationResponse
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse, feedback_ref
from webapp.themes import runs, vectors
from webapp.themes.models import StaffCoding, TextVector
from webapp.themes.scope import all_refs, consultation_scope, feedback_quarter, items
from webapp.themes.vectors import MODEL, seal, unseal


@pytest.fixture
def encoded(monkeypatch) -> list[str]:
    """Every text the transformer encodes, in order."""
    seen: list[str] = []
    real = TransformerEmbedder.encode

    def counting(self, texts):
        seen.extend(texts)
        return real(self, texts)

    monkeypatch.setattr(TransformerEmbedder, "encode", counting)
    return seen


def coded_quarter() -> list[FeedbackResponse]:
    responses = [add_feedback(t) for t in (POLICE, HOUSING, WAITING, "The IDVA came to court with me")]
    db.session.add(StaffCoding(ref=feedback_ref(responses[0].id, "what_helped"), codes=["police"]))
    db.session.add(StaffCoding(ref=feedback_ref(responses[1].id, "what_helped"), codes=["housing"]))
    db.session.commit()
    return responses


def test_seal_ties_a_vector_to_its_text_by_a_keyed_digest(app_context, app):
    vector = np.linspace(-1, 1, 384).astype(np.float32)
    sealed = seal("The refuge was safe", vector)
    assert np.abs(unseal(sealed, "The refuge was safe") - vector).max() < 1e-3
    assert unseal(sealed, "The refuge was not safe") is None
    assert hashlib.sha256(b"The refuge was safe").hexdigest() not in sealed  # a guess cannot be confirmed


def test_a_learning_run_keeps_every_answers_vector_encrypted(app_context, app, encoded):
    responses = coded_quarter()
    run = run_now(feedback_quarter("2026Q3"))
    assert run.status == "done" and run.report["method"] == "learned from staff coding"
    refs = {feedback_ref(r.id, "what_helped") for r in responses}
    kept = {v.ref: v for v in db.session.scalars(select(TextVector))}
    assert set(kept) == refs and all(v.model == MODEL for v in kept.values())
    assert len(encoded) == len(responses)  # each answer once, coded ones included
    raw = db.session.execute(text("SELECT sealed FROM text_vector")).scalars().all()
    assert all(value.startswith("gAAAAA") for value in raw)  # a Fernet token, like the text


def test_a_second_run_embeds_nothing_again_until_a_text_changes(app_context, app, encoded):
    responses = coded_quarter()
    run_now(feedback_quarter("2026Q3"))
    first = len(encoded)
    run_now(feedback_quarter("2026Q3"))
    assert len(encoded) == first
    responses[2].what_helped = "The wait for a refuge place was far too long"
    db.session.commit()
    run = run_now(feedback_quarter("2026Q3"))
    assert run.status == "done" and encoded[first:] == ["The wait for a refuge place was far too long"]
    ref = feedback_ref(responses[2].id, "what_helped")
    changed = db.session.scalar(select(TextVector).where(TextVector.ref == ref))
    assert unseal(changed.sealed, "The wait for a refuge place was far too long") is not None


def test_a_vector_kept_meanwhile_by_another_job_never_fails_the_run(app_context, app, monkeypatch):
    responses = coded_quarter()
    ref = feedback_ref(responses[0].id, "what_helped")
    db.session.add(TextVector(ref=ref, model=MODEL, sealed="stale:AAAA"))
    db.session.commit()
    monkeypatch.setattr(vectors, "_stored", lambda refs: {})  # as if the other job kept it after the run read
    run = run_now(feedback_quarter("2026Q3"))
    assert run.status == "done"
    kept = db.session.scalar(select(TextVector).where(TextVector.ref == ref))
    assert unseal(kept.sealed, POLICE) is not None  # the run's vector replaced it


def test_day_one_runs_need_no_vectors(app_context, app, encoded):
    add_feedback(POLICE)
    run = run_now(feedback_quarter("2026Q3"))
    assert run.status == "done" and run.report["method"] == "codebook meaning and phrases"
    assert encoded == [] and db.session.scalars(select(TextVector)).all() == []


def test_embed_answers_embeds_feedback_and_consultation_answers_that_have_none(app_context, app, runner, encoded):
    feedback = add_feedback(POLICE, "Shorter waits")
    add_feedback(HOUSING, hidden=True, hidden_reason="spam")  # hidden: never themed, never embedded
    consultation = make_consultation("after-leaving")
    response = ConsultationResponse(consultation=consultation, submitted_on=feedback.submitted_on)
    db.session.add(response)
    response.answers.append(Answer(question_id=consultation.questions[2].id, value="The refuge kept us safe"))
    db.session.commit()
    result = runner.invoke(args=["embed-answers"])
    assert result.exit_code == 0, result.output
    assert "3 answers have no vector" in result.output and "Embedded 3 answers" in result.output
    assert sorted(encoded) == sorted([POLICE, "Shorter waits", "The refuge kept us safe"])
    again = runner.invoke(args=["embed-answers"])
    assert "0 answers have no vector" in again.output and len(encoded) == 3


def test_a_sent_feedback_tells_theming_new_answers_are_stored(app, app_context, client, demo_data):
    told: list[bool] = []
    app.extensions[journeys.STORED_KEY] = lambda: told.append(True)
    walk_to_check(client, what_helped="My worker listened to me.")
    assert client.post("/feedback", data={"step": "check", "website": ""}).status_code == 303
    assert told == [True]


def test_a_consultation_response_tells_theming_too(app, app_context):
    told: list[bool] = []
    app.extensions[journeys.STORED_KEY] = lambda: told.append(True)
    consultation = make_consultation("after-leaving")
    question = consultation.questions[2]
    write_response(consultation, [question.page], {str(question.id): "The refuge kept us safe"}, [], date.today())
    assert told == [True]


def test_a_failing_listener_never_fails_a_survivors_send(app, app_context, client, demo_data, monkeypatch):
    def broken() -> None:
        raise RuntimeError("queue gone")

    monkeypatch.setattr(runs, "redis_connection", broken)
    app.config["REDIS_URL"] = "redis://127.0.0.1:6379/14"
    walk_to_check(client, what_helped="My worker listened to me.")
    assert client.post("/feedback", data={"step": "check", "website": ""}).status_code == 303
    assert "Thank you" in client.get("/feedback").get_data(as_text=True)
    assert db.session.scalar(select(FeedbackResponse).where(FeedbackResponse.submitted_on == date.today())) is not None


def test_a_job_reads_only_the_answers_with_no_vector(app_context, app, monkeypatch):
    kept, new = add_feedback(POLICE), add_feedback(HOUSING)
    db.session.add(TextVector(ref=feedback_ref(kept.id, "what_helped"), model=MODEL, sealed="x:AAAA"))
    db.session.add(TextVector(ref=feedback_ref(new.id, "what_helped"), model="an older model", sealed="x:AAAA"))
    db.session.commit()
    asked: list[list[str]] = []
    real = vectors.resolve
    monkeypatch.setattr(vectors, "resolve", lambda refs: asked.append(refs) or real(refs))
    assert [item.text for item in vectors.missing_items()] == [HOUSING]
    assert asked == [[feedback_ref(new.id, "what_helped")]]  # the kept answer was never read


def test_refs_worked_out_in_sql_are_the_items_own(app_context, app):
    feedback = add_feedback(POLICE, "Shorter waits")
    consultation = make_consultation("after-leaving")
    response = ConsultationResponse(consultation=consultation, submitted_on=feedback.submitted_on)
    db.session.add(response)
    response.answers.append(Answer(question_id=consultation.questions[2].id, value="The refuge kept us safe"))
    db.session.commit()
    expected = items(feedback_quarter("2026Q3")) + items(consultation_scope("after-leaving"))
    assert sorted(all_refs()) == sorted(item.ref for item in expected) and len(expected) == 3


def test_orphaned_vectors_are_those_of_gone_or_hidden_answers(app_context, app):
    visible, hidden = add_feedback(POLICE), add_feedback(HOUSING, hidden=True, hidden_reason="spam")
    refs = [feedback_ref(visible.id, "what_helped"), feedback_ref(hidden.id, "what_helped"), "a:999999"]
    db.session.add_all(TextVector(ref=ref, model=MODEL, sealed="x:AAAA") for ref in refs)
    db.session.commit()
    assert sorted(vectors.orphaned_refs()) == sorted(refs[1:])
