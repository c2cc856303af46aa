"""Demo board data for `make run`: a few actions, with dated updates, on the
closed demo consultation, on the latest quarter of demo feedback and on the
quarter before it (one of those still open past its due date, so the pack
carries it over as overdue); the service-user group's view of the latest
quarter, with one comment that suggests danger (withheld on board pages, in
the safeguarding queue); and staff checking one theme's answers in it and the
quarter before. So the ledger, the board pack and "you said, we did" have
something to show."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from analysis.risk import assess
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.periods import previous_quarter, quarter_of
from webapp.reports.models import BoardAction, BoardActionUpdate, GroupComment, GroupPriority
from webapp.themes.models import StaffCoding
from webapp.themes.runs import coded_items
from webapp.themes.scope import consultation_scope, feedback_quarter

# (theme, what will be done, owner, due in days (negative: already past), [(status, note)...], reason if not doing)
CONSULTATION_ACTIONS = (
    ("access", "Pilot an evening and weekend phone line staffed by trained advocates",
     "Northshire Domestic Abuse Partnership", 120,
     [("planned", "Action recorded."), ("in_progress", "Funding agreed; recruiting two advocates.")], ""),
    ("information", "Send a text after every call saying what happens next and when",
     "Helpline provider", 60, [("planned", "Action recorded."), ("done", "Live since the start of the month.")], ""),
)
FEEDBACK_ACTIONS = (
    ("staff-attitude", "Trauma-informed practice refresher for all front-door staff",
     "Partnership training team", 90, [("planned", "Action recorded.")], ""),
    ("housing", "Agree two more emergency refuge spaces with the county council",
     "County council housing", 45,
     [("planned", "Action recorded."), ("in_progress", "Two landlords approached.")], ""),
    ("money", "Pay travel costs for every appointment up front", "Partnership board", 30,
     [("planned", "Action recorded."), ("not_doing", "Considered by the board.")],
     "The budget cannot cover it this year; the board will review it in April."),
)

# Agreed a quarter earlier: one done, one still in progress after its due date (overdue).
EARLIER_ACTIONS = (
    ("children", "Fund a children's worker at the refuge for after-school hours",
     "Safe Haven Refuge", -21,
     [("planned", "Action recorded."), ("in_progress", "Job description agreed; the post is not yet filled.")], ""),
    ("information", "Print the leaflet on what happens after reporting in five more languages",
     "Northshire Police", -40, [("planned", "Action recorded."), ("done", "Printed and sent to every station.")],
     ""),
)
# The group's view of the latest quarter: (theme, members who said it matters most, comments).
GROUP_VIEW = (
    ("housing", 4, ["Refuge places matter most to us. Families wait weeks in emergency rooms.",
                    # Danger words: withheld on the board's pages, listed in the safeguarding queue.
                    "My ex found out which refuge I am in and says he will kill me if I stay."]),
    ("staff-attitude", 2, ["Being believed the first time makes all the difference."]),
    ("money", 1, []),
)
# Answers of one theme that staff confirm in the latest two quarters, as they would from the coding page.
CHECKED_THEME, CHECKED_ANSWERS = "housing", 6


def add_demo_actions(today: date | None = None) -> int:
    """Add the demo actions once (nothing when any action exists). Returns how many."""
    if db.session.scalar(select(func.count(BoardAction.id))):
        return 0
    today = today or date.today()
    added = _add(consultation_scope("out-of-hours").key, CONSULTATION_ACTIONS, today)
    latest = db.session.scalar(select(func.max(FeedbackResponse.submitted_on)))
    if latest:
        quarter = quarter_of(latest)
        added += _add(feedback_quarter(quarter).key, FEEDBACK_ACTIONS, today)
        added += _add(feedback_quarter(previous_quarter(quarter)).key, EARLIER_ACTIONS, today)
        _add_group_view(feedback_quarter(quarter).key)
        for checked in (quarter, previous_quarter(quarter)):
            _check_a_theme(feedback_quarter(checked))
    db.session.commit()
    return added


def _add_group_view(scope_key: str) -> None:
    for theme, members, comments in GROUP_VIEW:
        db.session.add_all(GroupPriority(scope=scope_key, theme_code=theme) for _ in range(members))
        db.session.add_all(GroupComment(scope=scope_key, theme_code=theme, text=text,
                                        risk_categories=",".join(assess(text).categories)) for text in comments)


def _check_a_theme(scope) -> None:
    """Staff confirm the themes of a few answers the run gave CHECKED_THEME."""
    found = [c for c in coded_items(scope) if CHECKED_THEME in c.codes and not c.staff_coded]
    db.session.add_all(StaffCoding(ref=c.item.ref, codes=list(c.codes)) for c in found[:CHECKED_ANSWERS])


def _add(scope_key: str, actions, today: date) -> int:
    for theme, description, owner, due_in, updates, reason in actions:
        status = updates[-1][0]
        # The demo's text was written for the public, so it is published.
        action = BoardAction(scope=scope_key, theme_code=theme, description=description, owner_org=owner,
                             due_on=today + timedelta(days=due_in), status=status, reason=reason,
                             created_on=today - timedelta(days=14 * len(updates)),
                             public_state="published", published_on=today)
        for step, (update_status, note) in enumerate(updates):
            action.updates.append(BoardActionUpdate(
                status=update_status, note=note, recorded_on=today - timedelta(days=14 * (len(updates) - step - 1)),
                public_state="published"))
        db.session.add(action)
    return len(actions)
