"""Demo theming for `make run`: the default codebook, some staff coding, and a
finished run for every demo consultation with answers and every quarter with
feedback, run in-process so the review, board summary and reports have
something to show at once."""

from __future__ import annotations

from sqlalchemy import select

from webapp.consultations.models import Consultation
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.periods import quarter_of
from webapp.themes.codebook import current_codebook, ensure_codebook
from webapp.themes.models import StaffCoding, ThemeRun
from webapp.themes.runs import execute_run
from webapp.themes.scope import Scope, consultation_scope, feedback_quarter, items

DEMO_CODED = 20


def add_demo_runs() -> list[ThemeRun]:
    ensure_codebook()
    scopes = demo_scopes()
    runs = []
    for scope in scopes:
        run = ThemeRun(scope=scope.key)
        db.session.add(run)
        db.session.commit()
        execute_run(run.id)
        runs.append(run)
    # Coded after the runs, as staff would: "Retrain and re-code" then learns from them.
    _add_staff_coding(scopes)
    return runs


def demo_scopes() -> list[Scope]:
    consultations = db.session.scalars(select(Consultation).where(Consultation.status != "draft")
                                       .order_by(Consultation.id))
    quarters = sorted({quarter_of(day) for day in db.session.scalars(select(FeedbackResponse.submitted_on))})
    return ([consultation_scope(c.slug) for c in consultations if c.responses]
            + [feedback_quarter(q) for q in quarters])


def _add_staff_coding(scopes: list[Scope]) -> None:
    """Staff confirm the codebook's themes on the first feedback answers it explains."""
    codebook = current_codebook()
    feedback = [item for scope in scopes if scope.kind == "feedback" for item in items(scope)]
    matches = codebook.match([item.text for item in feedback])
    coded = [(item, [m.code for m in found]) for item, found in zip(feedback, matches, strict=True) if found]
    for item, codes in coded[:DEMO_CODED]:
        db.session.add(StaffCoding(ref=item.ref, codes=codes))
    db.session.commit()
