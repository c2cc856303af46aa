"""What the report pages show, worked out here so templates only render."""

from __future__ import annotations

from datetime import date

from flask import url_for
from flask_login import current_user
from sqlalchemy import func, select

from analysis.board import shown_count
from webapp import periods
from webapp.extensions import db
from webapp.formatters import long_date
from webapp.periods import ScopeError
from webapp.reports import ledger, paper
from webapp.reports.charts import bar_chart, share_trend_chart
from webapp.reports.models import ACTION_STATUSES, OPEN_STATUSES, OVERDUE_TAG_CLASS, PUBLIC_STATES, BoardAction
from webapp.reports.population import population_of
from webapp.reports.public import public_action
from webapp.reports.safeguarding import trend as safeguarding_trend
from webapp.reports.summary import BoardSummary, build_summary
from webapp.staff.access import can
from webapp.themes.codebook import active_themes, theme_labels
from webapp.themes.review import unfinished_run
from webapp.themes.scope import feedback_quarter, parse_scope


def recent_quarters(count: int = 6, today: date | None = None) -> list:
    """The current quarter's scope and the ones before it, newest first."""
    return [feedback_quarter(quarter) for quarter in periods.recent_quarters(count, today)]


def action_status_counts() -> dict[str, int]:
    counts = dict(db.session.execute(select(BoardAction.status, func.count(BoardAction.id))
                                     .group_by(BoardAction.status)).all())
    return {label: counts.get(status, 0) for status, label in ACTION_STATUSES.items()}


def overdue_count(today: date | None = None) -> int:
    return db.session.scalar(select(func.count(BoardAction.id)).where(
        BoardAction.status.in_(OPEN_STATUSES), BoardAction.due_on < (today or date.today()))) or 0


def theme_choices(selected: str = "") -> list[tuple[str, str]]:
    choices = [(t.code, t.label) for t in active_themes()]
    if selected and selected not in dict(choices):
        label = theme_labels().get(selected)
        if label:
            choices.append((selected, label))
    return [("", "Choose a theme")] + choices


def scope_label(scope_key: str) -> str:
    try:
        return parse_scope(scope_key).label
    except ScopeError:
        return scope_key


def evidence_url(action: BoardAction) -> str:
    """The board summary's section on the theme an action answers, for the
    report it was recorded against (the summary gives every such theme a
    section). Needs a request: the board pack, made by a command too, has none."""
    return url_for("reports.summary", scope_key=action.scope, _anchor=f"theme-{action.theme_code}")


def status_tags(action: BoardAction, today: date | None = None) -> list[dict]:
    """The status as a GOV.UK tag (colour and word), then "Overdue" when it is."""
    tags = [{"text": action.status_label, "classes": action.status_tag_class}]
    if action.is_overdue(today):
        tags.append({"text": "Overdue", "classes": OVERDUE_TAG_CLASS})
    return tags


def action_rows(actions, today: date | None = None) -> list[dict]:
    labels = theme_labels()
    return [{"action": a, "theme": labels.get(a.theme_code, a.theme_code), "scope": scope_label(a.scope),
             "due": long_or_blank(a.due_on), "overdue": a.is_overdue(today), "tags": status_tags(a, today)}
            for a in actions]


def action_page(action) -> dict:
    labels = theme_labels()
    return {"action": action, "theme": labels.get(action.theme_code, action.theme_code),
            "scope_label": scope_label(action.scope), "due": long_or_blank(action.due_on),
            "overdue": action.is_overdue(), "tags": status_tags(action), "evidence": evidence_url(action),
            "preview": public_action(action, labels), "public_state": PUBLIC_STATES[action.public_state],
            "can_publish": can(current_user, "publish_actions"),
            "history": [{"change": u, "status": ACTION_STATUSES.get(u.status, u.status),
                         "public_state": PUBLIC_STATES.get(u.public_state, u.public_state),
                         "by": u.recorded_by.email if u.recorded_by else "Former staff member"}
                        for u in reversed(action.updates)],
            "revisions": [{"revision": r, "by": r.changed_by.email if r.changed_by else "Former staff member"}
                          for r in reversed(action.revisions)]}


def long_or_blank(day: date | None) -> str:
    return long_date(day) if day else "No date set"


def charts_for(summary: BoardSummary) -> dict:
    """The themes chart (counts of themes shown, none under 5)."""
    return {"themes": bar_chart("themes-chart", f"Responses by theme: {summary.label}",
                                [(row.label, row.count) for row in summary.charted])}


def group_rows(summary: BoardSummary) -> list[dict]:
    """The group's view beside what the data says, per theme."""
    view = summary.group_view
    rows = []
    for row in summary.themes:
        priorities = view.priorities.get(row.code, 0) if view else 0
        comments = view.comments.get(row.code, []) if view else []
        withheld = view.withheld.get(row.code, 0) if view else 0
        if priorities or comments or withheld or row.count:
            rows.append({"row": row, "priorities": priorities, "comments": comments, "withheld": withheld})
    return rows


TREND_PERIODS = 4
TREND_THEMES = 5


def trend(scope, summary: BoardSummary) -> dict | None:
    """A quarter beside the three before it: responses per quarter (a small
    chart) and the share of the quarter's top themes in each (a table).
    Every figure is each quarter's own summary, so it is released like one."""
    if scope.kind != "feedback" or not scope.is_quarter:
        return None
    quarters = [periods.quarter_of(scope.start)]
    while len(quarters) < TREND_PERIODS:
        quarters.insert(0, periods.previous_quarter(quarters[0]))
    summaries = [build_summary(feedback_quarter(q), with_quotes=False, with_closed=False,
                               with_safeguarding=False) for q in quarters[:-1]]
    summaries.append(summary)
    labels = [short_quarter(q) for q in quarters]
    population = population_of(scope)
    if population.so_far and population.counted is not None:
        labels[-1] = f"{population.counted.start:%b}–{population.counted.end:%b %Y} so far"
    top = [row for row in summary.charted][:TREND_THEMES]
    shares = [(row.label, [_share(s, row.code) for s in summaries]) for row in top]
    rows = [(label, ["—" if share is None else f"{round(share * 100)}%" for share in values])
            for label, values in shares]
    figures = [(label, s.responses) for label, s in zip(labels, summaries, strict=True)
               if s.responses_shown == str(s.responses)]
    return {"labels": labels, "rows": rows, "responses": [s.responses_shown for s in summaries],
            "chart": bar_chart("trend-chart", "Responses with written answers, last four quarters", figures),
            "shares": share_trend_chart("share-trend-chart", "Share of responses for this quarter’s top themes, "
                                        "last four quarters", labels, shares,
                                        empty=frozenset(i for i, s in enumerate(summaries) if not s.responses))}


def _share(summary: BoardSummary, code: str) -> float | None:
    """A theme's share in one quarter's summary: 0 when the theme had no
    responses, None when the share may not be shown or the quarter had no
    responses at all (0% of nothing would look like a fall)."""
    if not summary.responses:
        return None
    row = summary.theme(code)
    return 0.0 if row is None else row.share


def short_quarter(quarter: str) -> str:
    start, end = periods.quarter_dates(quarter)
    return f"{start:%b}–{end:%b} {end.year}"


def theming_state(scope, summary: BoardSummary) -> str:
    """"running", "needed" (written answers but no themes: the board can
    start a run rather than read a table of zeros), or "" (themes to show)."""
    if unfinished_run(scope.key) is not None:
        return "running"
    return "needed" if summary.responses and not any(row.count for row in summary.themes) else ""


def actions_by_theme(actions: list[dict], summary: BoardSummary) -> tuple[dict[str, list[dict]], list[tuple]]:
    """Each theme's actions, for its section of the summary; and the themes
    that have actions but no responses here (they get a section too, so an
    action's link to its evidence always lands on one)."""
    found: dict[str, list[dict]] = {}
    for row in actions:
        found.setdefault(row["action"].theme_code, []).append(row)
    counted = {row.code for row in summary.themes if row.count}
    labels = theme_labels()
    return found, [(code, labels.get(code, code)) for code in found if code not in counted]


def summary_page(scope) -> dict:
    summary = build_summary(scope)
    actions = action_rows(ledger.actions_for(scope.key))
    by_theme, uncounted = actions_by_theme(actions, summary)
    return {"scope": scope, "summary": summary, "theming": theming_state(scope, summary),
            "charts": charts_for(summary), "trend": trend(scope, summary),
            "safeguarding_trend": safeguarding_trend(scope),
            "safeguarding_queue_url": url_for("reports.safeguarding_queue") if can(current_user, "moderate") else "",
            "group_rows": group_rows(summary), "actions": actions, "actions_by_theme": by_theme,
            "carried": action_rows(paper.carried_over(scope)),
            "action_only_themes": uncounted, "shown_count": shown_count}


