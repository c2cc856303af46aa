"""The board pack as a board paper: what the board is asked to read first
(an executive summary drafted from the figures, and what it must decide),
the action plan with overdue actions called out and open ones carried over
from earlier quarters, and the methods note's figures.

Everything here reads figures the summary has already released through the
ledger (`BoardSummary`'s shown words), so the paper adds no new count about
respondents. Action status and overdue logic are small functions so the web
pages can share them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from analysis.board import K, ThemeRow
from webapp.formatters import long_date
from webapp.periods import ScopeError
from webapp.reports import ledger
from webapp.reports.models import ACTION_STATUSES, BoardAction
from webapp.reports.summary import BoardSummary
from webapp.themes.codebook import theme_labels
from webapp.themes.scope import parse_scope

OPEN_STATUSES = frozenset({"planned", "in_progress"})
# A status is a word and a colour (never the colour alone); the pack's CSS
# has a class per colour, each legible in greyscale beside its word.
STATUS_COLOURS = {"planned": "blue", "in_progress": "amber", "done": "green", "not_doing": "grey"}
OVERDUE_COLOUR = "red"
TOP_THEMES = 3
BIGGEST_CHANGES = 2
# A rise this large in a theme's share is put to the board for decision.
RISE_TO_DECIDE = 5


# Actions ------------------------------------------------------------------------------------

def is_overdue(action: BoardAction, today: date) -> bool:
    """Still open and its due date has passed."""
    return action.status in OPEN_STATUSES and action.due_on is not None and action.due_on < today


def status_words(action: BoardAction, today: date) -> tuple[str, str]:
    """(word, colour) for an action's status; overdue wins over its status."""
    if is_overdue(action, today):
        return f"Overdue ({ACTION_STATUSES[action.status].lower()})", OVERDUE_COLOUR
    return ACTION_STATUSES[action.status], STATUS_COLOURS[action.status]


def carried_over(scope, actions: list[BoardAction] | None = None) -> list[BoardAction]:
    """Open actions agreed for an earlier feedback report (one that ended
    before this one starts): the board still owes them."""
    if scope.kind != "feedback":
        return []
    found = []
    for action in actions if actions is not None else ledger.all_actions():
        if action.status not in OPEN_STATUSES or action.scope == scope.key:
            continue
        try:
            agreed_for = parse_scope(action.scope)
        except ScopeError:
            continue
        if agreed_for.kind == "feedback" and agreed_for.end < scope.start:
            found.append(action)
    return found


@dataclass(frozen=True)
class PlanRow:
    action: BoardAction
    theme: str
    due: str
    status: str
    colour: str
    overdue: bool
    agreed_for: str  # the report the action was agreed for


def action_plan(scope, today: date) -> tuple[list[PlanRow], list[PlanRow]]:
    """(this report's actions, open actions carried over from earlier ones),
    each overdue first, then by due date."""
    return _rows(ledger.actions_for(scope.key), today), _rows(carried_over(scope), today)


def _rows(actions: list[BoardAction], today: date) -> list[PlanRow]:
    labels = theme_labels()
    rows = []
    for action in actions:
        word, colour = status_words(action, today)
        rows.append(PlanRow(action=action, theme=labels.get(action.theme_code, action.theme_code),
                            due=long_date(action.due_on) if action.due_on else "No date set", status=word,
                            colour=colour, overdue=is_overdue(action, today), agreed_for=_scope_label(action.scope)))
    rows.sort(key=lambda row: (not row.overdue, row.action.due_on or date.max, row.action.id))
    return rows


def _scope_label(scope_key: str) -> str:
    try:
        return parse_scope(scope_key).label
    except ScopeError:
        return scope_key


# The executive summary ----------------------------------------------------------------------

def top_themes(summary: BoardSummary, n: int = TOP_THEMES) -> list[ThemeRow]:
    """The most common themes whose share may be shown."""
    return [row for row in summary.themes if row.share is not None][:n]


def biggest_changes(summary: BoardSummary, n: int = BIGGEST_CHANGES) -> list[ThemeRow]:
    """The themes whose share moved most since the period before (only
    changes put in figures: both shares may be shown)."""
    moved = [row for row in summary.themes if row.change]
    return sorted(moved, key=lambda row: (-abs(row.change), row.label))[:n]


def group_top(summary: BoardSummary) -> tuple[str, int] | None:
    """The theme most group members said matters most, and how many said so."""
    view = summary.group_view
    if view is None or not view.priorities:
        return None
    labels = theme_labels() | {row.code: row.label for row in summary.themes}
    code, members = max(view.priorities.items(), key=lambda item: (item[1], labels.get(item[0], item[0])))
    return labels.get(code, code), members


def _percent_list(rows: list[ThemeRow]) -> str:
    words = [f"{row.label.lower()} ({row.share_words})" for row in rows]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _change_sentence(row: ThemeRow) -> str:
    rose = "rose" if row.change > 0 else "fell"
    points = abs(row.change)
    return (f"{row.label} {rose} {points} {'point' if points == 1 else 'points'} "
            f"(from {row.previous_share_words} to {row.share_words} of responses)")


def executive_summary(summary: BoardSummary, overdue: list[PlanRow]) -> list[tuple[str, str]]:
    """(heading, sentence) pairs drafted from the released figures, for the
    board to read first."""
    points = [("Responses", _responses_sentence(summary))]
    top = top_themes(summary)
    points.append(("Top themes", f"The most common themes were {_percent_list(top)}." if top
                   else "No theme had enough responses to show its share."))
    points.append(("Biggest changes", _changes_sentence(summary)))
    points.append(("Safeguarding", _safeguarding_sentence(summary.safeguarding)))
    top_group = group_top(summary)
    points.append(("What the group says matters most",
                   f"{_members(top_group[1])} of the service-user group said {top_group[0].lower()} "
                   "matters most to them." if top_group
                   else "The service-user group has not given its view on this report yet."))
    points.append(("Actions overdue", _overdue_sentence(overdue)))
    return points


def _members(count: int) -> str:
    """How many group members, never a number from 1 to 4: the group is small and
    its members know each other."""
    return f"{count} members" if count >= K else f"Fewer than {K} members"


def _safeguarding_sentence(panel) -> str:
    reviewed, awaiting = panel.review
    return (f"Responses flagged for safeguarding: {panel.total.shown} ({reviewed.label.lower()}: {reviewed.shown}; "
            f"{awaiting.label.lower()}: {awaiting.shown}). No flagged response is quoted in this paper.")


def _responses_sentence(summary: BoardSummary) -> str:
    phrase = summary.responses_phrase
    sentence = f"{phrase[0].upper()}{phrase[1:]} ({summary.label})"
    if summary.previous_responses is not None:
        sentence += f", against {summary.previous_responses} in {summary.previous_label}"
    return sentence + "."


def _changes_sentence(summary: BoardSummary) -> str:
    if summary.previous_label is None or summary.previous_responses is None:
        return "There is no earlier period to compare with."
    changes = biggest_changes(summary)
    if not changes:
        return f"No theme's share changed since {summary.previous_label}."
    return (f"Against the period before ({summary.previous_label}): "
            + "; ".join(_change_sentence(row) for row in changes) + ".")


def _overdue_sentence(overdue: list[PlanRow]) -> str:
    if not overdue:
        return "No action is overdue."
    listed = "; ".join(f"{row.action.description} ({row.action.owner_org}, due {row.due})" for row in overdue)
    return f"{len(overdue)} {'action is' if len(overdue) == 1 else 'actions are'} overdue: {listed}."


def for_decision(summary: BoardSummary, plan: list[PlanRow], overdue: list[PlanRow]) -> list[str]:
    """What the board is asked to decide, drafted from the figures and the
    action plan; staff edit the paper before it is tabled."""
    asks = []
    if overdue:
        asks.append(f"Agree new dates, or a change of owner, for the {len(overdue)} overdue "
                    f"{'action' if len(overdue) == 1 else 'actions'}.")
    acted_on = {row.action.theme_code for row in plan}
    for row in biggest_changes(summary):
        if row.change >= RISE_TO_DECIDE and row.code not in acted_on:
            asks.append(f"Agree an action on {row.label.lower()}, whose share rose {row.change} points "
                        "and which has no action yet.")
    top = top_themes(summary, 1)
    if top and top[0].code not in acted_on and all(top[0].label.lower() not in ask for ask in asks):
        asks.append(f"Agree an action on {top[0].label.lower()}, the most common theme, which has no action yet.")
    top_group = group_top(summary)
    if top_group:
        asks.append(f"Agree how the board will answer the group on {top_group[0].lower()}.")
    asks.append("Agree which actions, and which updates, may be published on the “you said, we did” page.")
    return asks


# Themes -------------------------------------------------------------------------------------

def small_themes(summary: BoardSummary) -> list[ThemeRow]:
    """Themes with fewer than k responses (or held back), together in one table."""
    return [row for row in summary.themes if row.suppressed or 0 < row.count < K
            or (row.count == 0 and row.previous_count)]


def main_themes(summary: BoardSummary) -> list[ThemeRow]:
    """Themes with a section of their own: k or more responses, shown."""
    small = {row.code for row in small_themes(summary)}
    return [row for row in summary.themes if row.count and row.code not in small]
