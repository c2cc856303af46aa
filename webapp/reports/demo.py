"""Demo board actions for `make run`: a few actions, with dated updates, on
the closed demo consultation and on the latest quarter of demo feedback (one
of them overdue), so the ledger, the board pack and "you said, we did" have
something to show; and the service-user group's view of that quarter, with
one comment that suggests danger, for the board summary and the
safeguarding queue."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from analysis.risk import assess
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.periods import quarter_of
from webapp.reports.models import BoardAction, BoardActionUpdate, GroupComment, GroupPriority
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
    # Overdue: the ledger, the pack and the summary call it out.
    ("housing", "Agree two more emergency refuge spaces with the county council",
     "County council housing", -21,
     [("planned", "Action recorded."), ("in_progress", "Two landlords approached.")], ""),
    ("money", "Pay travel costs for every appointment up front", "Partnership board", 30,
     [("planned", "Action recorded."), ("not_doing", "Considered by the board.")],
     "The budget cannot cover it this year; the board will review it in April."),
)


def add_demo_actions(today: date | None = None) -> int:
    """Add the demo actions once (nothing when any action exists). Returns how many."""
    if db.session.scalar(select(func.count(BoardAction.id))):
        return 0
    today = today or date.today()
    added = _add(consultation_scope("out-of-hours").key, CONSULTATION_ACTIONS, today)
    latest = db.session.scalar(select(func.max(FeedbackResponse.submitted_on)))
    if latest:
        added += _add(feedback_quarter(quarter_of(latest)).key, FEEDBACK_ACTIONS, today)
    db.session.commit()
    return added


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


GROUP_PRIORITIES = ("housing", "housing", "staff-attitude")
GROUP_COMMENTS = (
    ("staff-attitude", "Being called back the same day mattered most to me."),
    # Danger words: withheld on the board's pages, listed in the safeguarding queue.
    ("housing", "My ex found out which refuge I am in and says he will kill me if I stay."),
)


def add_demo_group_view() -> int:
    """The group's priorities and comments on the latest feedback quarter,
    once (nothing when the group has said anything). Returns the comments added."""
    latest = db.session.scalar(select(func.max(FeedbackResponse.submitted_on)))
    if latest is None or db.session.scalar(select(func.count(GroupComment.id))):
        return 0
    scope = feedback_quarter(quarter_of(latest)).key
    db.session.add_all(GroupPriority(scope=scope, theme_code=code) for code in GROUP_PRIORITIES)
    db.session.add_all(GroupComment(scope=scope, theme_code=code, text=text,
                                    risk_categories=",".join(assess(text).categories))
                       for code, text in GROUP_COMMENTS)
    db.session.commit()
    return len(GROUP_COMMENTS)
