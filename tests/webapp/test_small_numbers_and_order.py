"""Nothing puts responses in the order people sent them (issue 11, part 4):
consecutive ids beside a log stamped to the millisecond gave each response its
time of day. (The log side: tests/webapp/test_health_and_logs.py.)"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from sqlalchemy import text

from tests.webapp.helpers import make_consultation, make_user, sign_in_as
from webapp.consultations.models import Answer, ConsultationResponse
from webapp.extensions import RANDOM_ID_CEILING, RANDOM_ID_FLOOR, db
from webapp.feedback.models import FeedbackResponse


def add_consultation_response(consultation, day: date, answer: str) -> ConsultationResponse:
    [question] = [q for q in consultation.questions if q.text == "Anything else?"]
    response = ConsultationResponse(consultation_id=consultation.id, submitted_on=day)
    response.answers.append(Answer(question=question, value=answer))
    db.session.add(response)
    db.session.commit()
    return response


def test_responses_and_answers_get_random_ids(app_context, app, demo_data):
    consultation = make_consultation("random-ids")
    made = [add_consultation_response(consultation, date(2026, 11, 2), f"answer {n}") for n in range(20)]
    feedback = []
    for _ in range(20):
        response = FeedbackResponse(submitted_on=date(2026, 11, 2))
        db.session.add(response)
        db.session.commit()
        feedback.append(response.id)
    for ids in ([r.id for r in made], [r.answers[0].id for r in made], feedback):
        assert all(RANDOM_ID_FLOOR <= i < RANDOM_ID_CEILING for i in ids)
        assert len(set(ids)) == 20
        # Not in the order they were stored: 20 random ids come out sorted once in 20! tries.
        assert ids != sorted(ids)
        assert all(abs(a - b) > 1 for a, b in zip(ids, ids[1:], strict=False))
    # As the database holds them too (a dump shows no order either).
    stored = [row[0] for row in db.session.execute(
        text("SELECT id FROM consultation_response WHERE consultation_id = :c"), {"c": consultation.id})]
    assert set(stored) == {r.id for r in made}


def test_exports_list_responses_by_day_not_in_the_order_sent(app_context, app):
    consultation = make_consultation("export-order")
    sent = [(date(2026, 11, 3), "third day, first sent"), (date(2026, 11, 2), "second day"),
            (date(2026, 11, 1), "first day")] + [(date(2026, 11, 4), f"same day {n}") for n in range(12)]
    made = [add_consultation_response(consultation, day, answer) for day, answer in sent]
    client = app.test_client()
    sign_in_as(client, make_user())
    rows = list(csv.DictReader(io.StringIO(
        client.get(f"/staff/consultations/{consultation.id}/export.csv").get_data().decode("utf-8-sig"))))
    assert [r["submitted_on"] for r in rows] == sorted(r["submitted_on"] for r in rows)
    same_day = [int(r["response"]) for r in rows if r["submitted_on"] == "2026-11-04"]
    assert same_day == sorted(same_day)  # within a day, by the random id...
    assert same_day != [r.id for r in made[3:]]  # ...not the order they were sent
    exported = json.loads(b"".join(client.get(f"/staff/consultations/{consultation.id}/export.json").response))
    assert {r["response"] for r in exported["responses"]} == {r.id for r in made}
    assert all(r["response"] >= RANDOM_ID_FLOOR for r in exported["responses"])
