"""A small themed quarter for board summary, pack and ledger tests, built from
rows a finished theming run would have written."""

from __future__ import annotations

from datetime import date, datetime

from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse, Service
from webapp.reports.models import GroupComment, GroupPriority
from webapp.themes.models import EmergentTheme, ThemeRun, ThemeRunItem
from webapp.themes.scope import feedback_quarter
from webapp.feedback.models import feedback_ref

QUARTER = feedback_quarter("2026Q3")
PREVIOUS = feedback_quarter("2026Q2")
# Six different complaints (quotes skip near-duplicates), each saying "dismissive".
STAFF_TEXTS = (
    "The worker on the phone was dismissive and rushed me off the call.",
    "Reception staff were dismissive when I asked about the waiting list.",
    "A dismissive duty officer told me the messages he sent were nothing.",
    "My housing officer sounded dismissive and never rang back about repairs.",
    "The front desk gave dismissive answers that put me off going back for weeks.",
    "The counsellor seemed dismissive whenever I mentioned my children.",
)
HOUSING_TEXT = "They found us a refuge place within two days and it felt safe ({n})."


def _response(day: date, text: str, service: Service | None, **values) -> FeedbackResponse:
    response = FeedbackResponse(submitted_on=day, what_helped=text, service=service, **values)
    db.session.add(response)
    db.session.flush()
    return response


def _run(scope, coded: list[tuple[FeedbackResponse, list[str], float]], n_coded: int = 0) -> ThemeRun:
    run = ThemeRun(scope=scope.key, status="done", finished_at=datetime(2026, 10, 2, 9, 0),
                   n_items=len(coded), n_coded=n_coded)
    db.session.add(run)
    db.session.flush()
    for response, codes, compound in coded:
        db.session.add(ThemeRunItem(
            run_id=run.id, ref=feedback_ref(response.id, "what_helped"), codes=codes,
            scores={code: 0.9 for code in codes}, matched={}, compound=compound,
            sentiment="negative" if compound < -0.05 else "positive" if compound > 0.05 else "neutral"))
    return run


def seed_quarter() -> dict:
    """2026Q3: 6 staff-attitude responses (4 at the refuge, 2 on the advice
    line; compound -0.5; all women 25 to 34), 5 housing (refuge; +0.4; age not
    said), 1 police (advice line), and one hidden housing response that must not
    count. 2026Q2: 8 housing responses. The group: 3 priorities and a comment on
    housing. A pending emergent theme "Parking at the office"."""
    refuge, advice = Service(slug="refuge", name="Refuge"), Service(slug="advice", name="Advice line")
    db.session.add_all([refuge, advice])
    day = date(2026, 8, 3)
    coded = []
    for n in range(6):
        response = _response(day, STAFF_TEXTS[n], refuge if n < 4 else advice,
                             gender="woman", age_band="25-34", safeguarding_flag=(n == 0))
        coded.append((response, ["staff-attitude"], -0.5))
    for n in range(5):
        response = _response(day, HOUSING_TEXT.format(n=n), refuge, gender="woman", risk_flagged=(n == 4))
        coded.append((response, ["housing"], 0.4))
    police = _response(day, "The police came quickly when I called them that night.", advice)
    coded.append((police, ["police"], 0.2))
    hidden = _response(day, HOUSING_TEXT.format(n="hidden"), refuge, hidden=True, hidden_reason="Test")
    coded.append((hidden, ["housing"], 0.4))
    run = _run(QUARTER, coded, n_coded=12)
    db.session.add(EmergentTheme(run_id=run.id, name="Parking at the office", terms=["parking"], size=3))
    db.session.add(EmergentTheme(run_id=run.id, name="Dismissed idea", status="dismissed"))
    before = [(_response(date(2026, 5, 4), HOUSING_TEXT.format(n=f"q2-{n}"), refuge), ["housing"], 0.3)
              for n in range(8)]
    _run(PREVIOUS, before)
    db.session.add_all([GroupPriority(scope=QUARTER.key, theme_code="housing") for _ in range(3)])
    db.session.add(GroupComment(scope=QUARTER.key, theme_code="housing", text="Refuge places matter most to us."))
    db.session.commit()
    return {"refuge": refuge, "advice": advice}
