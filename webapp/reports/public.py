"""What people said and what was done, for pages outside the staff area (the
service-user group view and the public "you said, we did" pages): the board
summary as outsiders may see it.

Theme counts come from the board summary, so they carry its small-cell
suppression ("fewer than 5"). The only free text shown is what staff marked for
publication, and only under a theme whose count is shown: a quote under a
suppressed theme would say more about a small group than its count may."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup
from sqlalchemy import select

from webapp.extensions import db
from webapp.moderation.publication import published_refs
from webapp.public_text import render
from webapp.reports.models import BoardAction
from webapp.reports.summary import build_summary
from webapp.themes.runs import coded_items
from webapp.themes.scope import Scope

QUOTES_PER_THEME = 3


@dataclass(frozen=True)
class PublicTheme:
    code: str
    label: str
    shown: str  # the count, or "fewer than 5"
    suppressed: bool
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class PublicAction:
    theme_code: str
    theme: str
    description: Markup  # staff-written text, redacted when stored, rendered through the allow-list
    owner: str
    status: str
    status_label: str
    due_on: date | None
    reason: Markup
    latest_update: Markup
    latest_update_on: date | None
    overdue: bool = False  # past its due date and not done: the page says it is late


@dataclass(frozen=True)
class Pair:
    """"You said" (a theme, and how many mentioned it) beside "we did" (the
    board's published actions on it)."""

    code: str
    label: str
    shown: str  # people who mentioned it: a number, "fewer than 5", "not shown", or "" (not counted here)
    actions: tuple[PublicAction, ...]


@dataclass(frozen=True)
class PublicReport:
    people: str  # responses with written answers, as the board summary released it
    themes: list[PublicTheme]
    pairs: list[Pair]  # themes the board acted on, most mentioned first


def public_themes(scope: Scope) -> list[PublicTheme]:
    """The scope's themes, ranked as the board sees them, with published quotes;
    none when every count is suppressed (a table of "fewer than 5" says nothing)."""
    return _themes(scope, build_summary(scope, with_quotes=False, with_closed=False, with_safeguarding=False))


def _themes(scope: Scope, summary) -> list[PublicTheme]:
    rows = summary.themes
    if all(row.share is None for row in rows):
        return []
    quotes = _published_quotes_by_theme(scope)
    return [PublicTheme(row.code, row.label, row.shown, row.share is None,
                        () if row.share is None else tuple(quotes.get(row.code, ())[:QUOTES_PER_THEME]))
            for row in rows]


def public_report(scope: Scope, labels: dict[str, str]) -> PublicReport:
    """What the "you said, we did" pages show for one report: how many took
    part and the themes (the board summary's released figures, so the public
    sees nothing the board's ledger has not checked), and each published
    action beside the theme it answers."""
    summary = build_summary(scope, with_quotes=False, with_closed=False, with_safeguarding=False)
    themes = _themes(scope, summary)
    return PublicReport(people=summary.responses_shown, themes=themes,
                        pairs=pair_actions(summary.themes, public_actions(scope.key, labels), labels))


def pair_actions(rows, actions: list[PublicAction], labels: dict[str, str]) -> list[Pair]:
    """Actions grouped under their theme, in the summary's order (most
    mentioned first); a theme nobody mentioned in this report comes last."""
    by_code: dict[str, list[PublicAction]] = defaultdict(list)
    for action in actions:
        by_code[action.theme_code].append(action)
    shown = {row.code: row.shown if row.count else "0" for row in rows}
    order = [row.code for row in rows] + [code for code in by_code if code not in {row.code for row in rows}]
    return [Pair(code, labels.get(code, code), shown.get(code, ""), tuple(by_code[code]))
            for code in order if code in by_code]


def _published_quotes_by_theme(scope: Scope) -> dict[str, list[str]]:
    coded = coded_items(scope)
    marked = published_refs([c.item.ref for c in coded])
    found: dict[str, list[str]] = defaultdict(list)
    for item in coded:
        if item.item.ref in marked:
            for code in item.codes:
                found[code].append(item.item.text)
    return found


def public_actions(scope_key: str, labels: dict[str, str]) -> list[PublicAction]:
    """What the board is doing about the scope's themes, oldest first: only
    actions someone with the board's or engagement role has published."""
    actions = db.session.scalars(select(BoardAction).where(BoardAction.scope == scope_key,
                                                           BoardAction.public_state == "published")
                                 .order_by(BoardAction.created_on, BoardAction.id))
    return [public_action(action, labels) for action in actions]


def public_action(action: BoardAction, labels: dict[str, str]) -> PublicAction:
    """An action as the public sees it (also the staff page's preview): its
    latest published update with words in it is its news."""
    published = [u for u in action.updates if u.public_state == "published" and u.note.strip()]
    latest = published[-1] if published else None
    return PublicAction(
        theme_code=action.theme_code, theme=labels.get(action.theme_code, action.theme_code),
        description=render(action.description),
        owner=action.owner_org, status=action.status, status_label=action.status_label, due_on=action.due_on,
        reason=render(action.reason) if action.status == "not_doing" else Markup(""),
        latest_update=render(latest.note) if latest else Markup(""),
        latest_update_on=latest.recorded_on if latest else None, overdue=action.is_overdue())
