"""The rules of a consultation, as plain functions over plain values so they can
be used by the builder, the public journey and the review pages alike, and
tested without a database.

- Lifecycle: draft -> review (co-production) -> open -> closed -> published.
  Opening before the opening date makes it "scheduled": `due_status` says
  when a scheduled one opens and an open one closes, by its dates, and
  `flask consultations tick` (or its job) applies it. A consultation in review
  can go back to draft for revision, and a scheduled one back to review;
  nothing else moves backwards, and no step is skipped.
- Show a page if: a page with a condition is shown only when the earlier
  answer it names is one of its values (or, for multiple choice, includes
  one of them).
- Meaning lock: once responses exist, a question's kind, options, required
  flag, character limit, settings (an "Other" answer, grid statements,
  number range, scale labels) and page condition cannot change; wording (text, hint)
  can, and each wording change is recorded.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

STATUSES = ("draft", "review", "scheduled", "open", "closed", "published")
STATUS_LABELS = {
    "draft": "Draft",
    "review": "In review with the group",
    "scheduled": "Scheduled to open",
    "open": "Open",
    "closed": "Closed",
    "published": "Results published",
}
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("review",),
    "review": ("draft", "open"),
    "scheduled": ("review",),
    "open": ("closed",),
    "closed": ("published",),
    "published": (),
}
AUDIENCES = {"public": "Anyone (public)", "group": "The service-user group (access code)"}

KINDS = {
    "free_text": "Free text",
    "single": "Single choice",
    "multiple": "Multiple choice",
    "agreement": "Agreement scale",
    "rating": "Rating from 1 to 5",
    "yes_no": "Yes or no",
    "select": "Select from a list (for long lists)",
    "grid": "Grid (the same answers for several statements)",
    "ranking": "Ranking",
    "number": "Number",
    "date": "Date",
    "scale10": "Scale from 0 to 10",
    "info": "Information between questions (no answer)",
}
AGREEMENT = ("Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree")
RATING = ("1", "2", "3", "4", "5")
YES_NO = ("Yes", "No")
SCALE10 = tuple(str(n) for n in range(11))
FIXED_OPTIONS = {"agreement": AGREEMENT, "rating": RATING, "yes_no": YES_NO, "scale10": SCALE10}
# For grids, the answers every statement offers; for ranking, the things to rank.
KINDS_WITH_OWN_OPTIONS = ("single", "multiple", "select", "grid", "ranking")
# Scales whose 5 labels staff may write themselves ("Very easy" ... "Very hard").
KINDS_WITH_OWN_LABELS = ("agreement", "rating")
SCALE_POINTS = 5
# The answer "Other (please specify)" adds; what people type with it is free text.
OTHER = "Other"
KINDS_WITH_OTHER = ("single", "multiple")
RANKING_MAX = 10
# What people type: free text, and the "please specify" text of an "Other" answer.
NO_ANSWER_KINDS = ("info",)



def builder_fields(kind: str | None) -> frozenset[str]:
    """What the question builder asks for a kind besides its wording (question and hint):
    the fields that do not apply to it are not shown. Nothing before a kind is chosen."""
    if kind not in KINDS:
        return frozenset()
    fields = set() if kind in NO_ANSWER_KINDS else {"required"}
    if kind in KINDS_WITH_OWN_OPTIONS + KINDS_WITH_OWN_LABELS:
        fields.add("options")
    if kind in KINDS_WITH_OTHER:
        fields.add("other")
    fields |= {"grid": {"rows"}, "number": {"range"}, "scale10": {"labels"}, "free_text": {"char_limit"},
               "date": {"date_hint"}}.get(kind, set())
    return frozenset(fields)


# Changing any of these changes what earlier answers mean.
MEANING_FIELDS = ("kind", "options", "required", "char_limit", "settings")
WORDING_FIELDS = ("text", "hint", "easy_read_text", "easy_read_hint")


class RuleError(ValueError):
    """A change the rules do not allow; the message is written for staff."""


# Web addresses -----------------------------------------------------------------

# Letters and digits nobody misreads on a poster or mistypes on a phone: no 0/o, 1/l/i.
SLUG_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
SHORT_SLUG_LENGTH = 4
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_MAX = 40
# Words that would tell anyone who sees a phone's history what the page was about.
TELLING_WORDS = ("abuse", "abusive", "domestic", "violence", "violent", "refuge", "leaving", "leave", "escape",
                 "escaping", "survivor", "victim", "dv", "dva", "idva", "rape", "assault", "coercive", "control",
                 "controlling", "stalking", "safe", "safety", "shelter", "perpetrator", "partner", "harm")


def random_slug(length: int = SHORT_SLUG_LENGTH) -> str:
    return "".join(secrets.choice(SLUG_ALPHABET) for _ in range(length))


def normalise_slug(slug: str) -> str:
    """As staff type it: any case, spaces for hyphens, a pasted `/c/` or whole link trimmed to the address."""
    slug = (slug or "").strip().lower().rstrip("/").rsplit("/", 1)[-1]
    return re.sub(r"[\s_]+", "-", slug)


def check_slug(slug: str) -> None:
    """A web address staff chose: short, plain, and saying nothing about domestic abuse."""
    if not slug:
        raise RuleError("Enter a web address")
    if len(slug) < 3 or len(slug) > SLUG_MAX:
        raise RuleError(f"The web address must be between 3 and {SLUG_MAX} characters")
    if not SLUG_PATTERN.fullmatch(slug):
        raise RuleError("The web address can only use letters a to z, numbers and hyphens between them")
    words = slug.split("-")
    # Short words only as whole words ("harm", not "pharmacy"); longer ones anywhere ("refugesupport").
    telling = [word for word in TELLING_WORDS if word in words or (len(word) > 5 and word in slug)]
    if telling:
        raise RuleError(f"Leave out “{telling[0]}”: the address stays in the browser history of "
                        "everyone who answers, so it must not say what the consultation is about")


# Lifecycle -------------------------------------------------------------------

def allowed_transitions(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


def check_transition(current: str, target: str, *, question_count: int = 0,
                     opens_on: date | None = None, closes_on: date | None = None) -> None:
    """Raise RuleError unless `current` -> `target` is allowed now."""
    if target not in STATUSES:
        raise RuleError(f"There is no status called {target!r}.")
    if target not in allowed_transitions(current):
        raise RuleError(f"A consultation that is {STATUS_LABELS.get(current, current).lower()} "
                        f"cannot be moved to {STATUS_LABELS[target].lower()}.")
    if target in ("review", "open") and question_count == 0:
        raise RuleError("Add at least one question first.")
    if target == "open":
        if not (opens_on and closes_on):
            raise RuleError("Set the opening and closing dates before opening the consultation.")
        if closes_on < opens_on:
            raise RuleError("The closing date must be on or after the opening date.")


def check_dates(opens_on: date | None, closes_on: date | None, results_due_on: date | None) -> dict[str, str]:
    """Field name -> message for dates that cannot go together (the details form shows each by its field)."""
    errors = {}
    if opens_on and closes_on and closes_on < opens_on:
        errors["closes_on"] = "The closing date must be on or after the opening date"
    if results_due_on and closes_on and results_due_on < closes_on:
        errors["results_due_on"] = "The results date must be on or after the closing date"
    return errors


def opening_status(opens_on: date | None, today: date | None = None) -> str:
    """What "open" means when staff open a consultation: "scheduled" until its opening date."""
    today = today or date.today()
    return "scheduled" if opens_on and opens_on > today else "open"


def due_status(status: str, opens_on: date | None, closes_on: date | None, today: date | None = None) -> str | None:
    """The status a consultation's dates call for today, when that differs from
    `status`: a scheduled one opens on its opening date, an open one closes the
    day after its closing date (people can answer all of the closing day); a
    scheduled one whose closing date has already passed closes without opening."""
    today = today or date.today()
    if status == "scheduled" and closes_on and today > closes_on:
        return "closed"
    if status == "scheduled" and (not opens_on or opens_on <= today):
        return "open"
    if status == "open" and closes_on and today > closes_on:
        return "closed"
    return None


def availability(status: str, opens_on: date | None, closes_on: date | None,
                 today: date | None = None) -> str:
    """What a respondent meets: "open", "not-yet-open", "closed" or "not-found"."""
    today = today or date.today()
    if status in ("closed", "published"):
        return "closed"
    if status == "scheduled":
        return "not-yet-open"
    if status != "open":
        return "not-found"
    if opens_on and today < opens_on:
        return "not-yet-open"
    if closes_on and today > closes_on:
        return "closed"
    return "open"


# Show a page if ----------------------------------------------------------------

@dataclass(frozen=True)
class PageRule:
    """What visibility needs to know about a page."""

    id: int
    show_if_question_id: int | None = None
    show_if_value: str = ""


# A page condition's answers ("is one of") are kept in one text, a line each:
# answers are typed a line each, so none holds a line break.
CONDITION_SEPARATOR = "\n"


def condition_values(value: str) -> tuple[str, ...]:
    return tuple(value.split(CONDITION_SEPARATOR)) if value else ()


def page_is_shown(page: PageRule, answers: Mapping[str, object]) -> bool:
    if not page.show_if_question_id:
        return True
    answer = answers.get(str(page.show_if_question_id))
    values = condition_values(page.show_if_value)
    if isinstance(answer, (list, tuple)):
        return any(value in answer for value in values)
    return answer in values


def visible_pages(pages: Sequence[PageRule], answers: Mapping[str, object]) -> list[PageRule]:
    """Pages in order, skipping any whose condition is not met. A condition on
    a question from a hidden page is not met either."""
    shown: list[PageRule] = []
    hidden_questions: set[int] = set()
    for page in pages:
        if page.show_if_question_id in hidden_questions or not page_is_shown(page, answers):
            hidden_questions.update(_questions_of(page))
            continue
        shown.append(page)
    return shown


def pages_to_come(pages: Sequence[PageRule], answers: Mapping[str, object]) -> tuple[int, bool]:
    """How many pages the journey can have, for "Page 2 of 4": the pages shown
    now plus any whose condition is still undecided (its question not answered
    yet), and whether any are undecided ("of up to 4"). Counting only the pages
    shown now made "Page 1 of 3" jump to "Page 2 of 4"."""
    shown = visible_pages(pages, answers)
    shown_ids = {id(page) for page in shown}
    undecided = [page for page in pages if id(page) not in shown_ids and page.show_if_question_id
                 and str(page.show_if_question_id) not in answers]
    return len(shown) + len(undecided), bool(undecided)


def _questions_of(page) -> Iterable[int]:
    return getattr(page, "question_ids", ())


def check_condition(condition_question_position: tuple[int, int] | None,
                    page_position: int, value: str, choices: Sequence[str]) -> None:
    """A page may depend only on a question from an earlier page, and on one of its choices."""
    if condition_question_position is None:
        return
    question_page_position, _ = condition_question_position
    if question_page_position >= page_position:
        raise RuleError("A page can only depend on an answer from an earlier page.")
    if not value or any(each not in choices for each in condition_values(value)):
        raise RuleError("Choose one of that question's answers for the condition.")


CONDITION_KINDS = ("single", "multiple", "yes_no", "agreement", "rating", "select", "scale10", "grid", "ranking")
GRID_ARROW = " \u2192 "  # a grid condition's answer: "<statement> → <answer>"
RANKED_FIRST = " ranked first"  # a ranking condition's answer: "<thing> ranked first"


def condition_answers(kind: str, choices: Sequence[str], rows: Sequence[str] = ()) -> tuple[str, ...]:
    """The answers a page condition can name: a question's choices; for
    ranking, which thing was ranked first; for a grid each statement with each
    answer, row by row (so renaming a statement
    in place renames its answers in place, and `follow_condition` follows it)."""
    if kind == "grid":
        return tuple(f"{row}{GRID_ARROW}{choice}" for row in rows for choice in choices)
    if kind == "ranking":
        return tuple(f"{choice}{RANKED_FIRST}" for choice in choices)
    return tuple(choices)


def grid_tokens(rows: Sequence[str], answer: Sequence[str]) -> list[str]:
    """A grid's answer as the condition answers it gives ("At home → Unsafe")."""
    return [f"{row}{GRID_ARROW}{value}" for row, value in zip(rows, answer, strict=False) if value]


def condition_out_of_order(pages: Sequence) -> tuple[object, object] | None:
    """In a proposed page order, the first (page, source page) whose condition
    would depend on a page that is not earlier; None when every condition still
    holds. Pages need `show_if_question_id` and `question_ids`."""
    earlier: set[int] = set()
    owner = {qid: page for page in pages for qid in _questions_of(page)}
    for page in pages:
        source = page.show_if_question_id
        if source and source not in earlier:
            return page, owner.get(source)
        earlier.update(_questions_of(page))
    return None


def follow_condition(value: str, old_choices: Sequence[str], new_choices: Sequence[str]) -> str | None:
    """The answer a condition should use once its question's answers change:
    the same answer while it is still offered; the renamed answer when the
    answers were edited in place (same number, and the one at that place is
    new); None when the answer has gone, so the edit must be refused."""
    if value in new_choices:
        return value
    if value in old_choices and len(old_choices) == len(new_choices):
        renamed = new_choices[list(old_choices).index(value)]
        if renamed not in old_choices:
            return renamed
    return None


# Meaning lock ------------------------------------------------------------------

def normalise_options(kind: str, options: Iterable[str]) -> list[str]:
    """Options as staff type them (one a line) -> a clean list; fixed scales
    ignore them, except agreement and rating scales given labels of their own."""
    if kind not in KINDS_WITH_OWN_OPTIONS + KINDS_WITH_OWN_LABELS:
        return []
    return _lines(options)


def _lines(lines: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for line in lines:
        line = line.strip()
        if line and line not in seen:
            seen.append(line)
    return seen


def normalise_settings(kind: str, values: Mapping[str, object]) -> dict:
    """What a question of `kind` keeps beyond its options: an "Other" answer,
    a grid's statements, a number's range, a 0 to 10 scale's end labels."""
    settings: dict = {}
    if kind in KINDS_WITH_OTHER and values.get("other"):
        settings["other"] = True
    if kind == "grid":
        settings["rows"] = _lines(str(values.get("rows") or "").splitlines())
    if kind == "number":
        settings |= {key: values[key] for key in ("min", "max") if values.get(key) is not None}
    if kind == "scale10":
        settings |= {key: str(values[key]).strip() for key in ("low_label", "high_label")
                     if str(values.get(key) or "").strip()}
    return settings


def choices_for(kind: str, options: Sequence[str] | None, settings: Mapping[str, object] | None) -> tuple[str, ...]:
    """The answers a question offers, in order: its own, its own scale labels,
    or the fixed scale; "Other" last when it has one."""
    settings = settings or {}
    if kind in KINDS_WITH_OWN_LABELS and options:
        return tuple(options)
    choices = tuple(FIXED_OPTIONS.get(kind, options or ()))
    if kind in KINDS_WITH_OTHER and settings.get("other"):
        choices += (OTHER,)
    return choices


_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def parse_number(text: str) -> Decimal | None:
    """A number as people type it ("1,200", " 2.5 "), or None when it is not one."""
    cleaned = (text or "").strip().replace(",", "").replace(" ", "")
    if not _NUMBER.fullmatch(cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


# "Date of birth", "DOB", "birthday", "when were you born": a date question must never ask it.
_BIRTH = re.compile(r"\b(birth|d\.?o\.?b\b|born\b)", re.IGNORECASE)


def asks_for_birth_date(*texts: str) -> bool:
    return any(_BIRTH.search(text or "") for text in texts)


def check_question(kind: str, options: Sequence[str], char_limit: int | None,
                   settings: Mapping[str, object] | None = None, text: str = "", hint: str = "") -> None:
    settings = settings or {}
    if kind not in KINDS:
        raise RuleError("Choose a type of question.")
    if kind in KINDS_WITH_OWN_OPTIONS and len(options) < 2:
        raise RuleError("Give at least 2 answers to choose from, one on each line.")
    if kind == "free_text" and char_limit is not None and not 1 <= char_limit <= 5000:
        raise RuleError("The character limit must be between 1 and 5000.")
    if settings.get("other") and any(option.casefold() == OTHER.casefold() for option in options):
        raise RuleError(f"Take \u201c{OTHER}\u201d out of the answers: the \u201cOther (please specify)\u201d "
                        "choice adds it, with a box to say what.")
    if kind in KINDS_WITH_OWN_LABELS and options and len(options) != SCALE_POINTS:
        raise RuleError(f"Give exactly {SCALE_POINTS} labels for the scale, one on each line, or leave the "
                        "answers blank for the standard ones.")
    if kind == "grid" and len(settings.get("rows", ())) < 1:
        raise RuleError("Give at least one statement for the grid, one on each line.")
    if kind == "ranking" and len(options) > RANKING_MAX:
        raise RuleError(f"Give at most {RANKING_MAX} things to rank: ranking more is hard for anyone.")
    if kind == "number" and None not in (settings.get("min"), settings.get("max")) \
            and settings["min"] > settings["max"]:
        raise RuleError("The smallest number allowed must not be more than the largest.")
    if kind == "date" and asks_for_birth_date(text, hint):
        raise RuleError("Heard never asks for a date of birth: it could identify someone. Ask for an age "
                        "range with a single choice question instead.")


def meaning_changes(current: Mapping[str, object], proposed: Mapping[str, object]) -> list[str]:
    """Fields whose change would alter what existing answers mean."""
    return [field for field in MEANING_FIELDS
            if field in proposed and proposed[field] != current.get(field)]


def wording_changes(current: Mapping[str, object], proposed: Mapping[str, object]) -> list[tuple[str, str, str]]:
    """(field, old, new) for each wording field that changes."""
    return [(field, str(current.get(field) or ""), str(proposed[field] or ""))
            for field in WORDING_FIELDS
            if field in proposed and (proposed[field] or "") != (current.get(field) or "")]


def check_edit(locked: bool, current: Mapping[str, object],
               proposed: Mapping[str, object]) -> list[tuple[str, str, str]]:
    """Validate an edit; return the wording changes to record (only when locked)."""
    if not locked:
        return []
    if meaning_changes(current, proposed):
        raise RuleError("People have already answered this question, so its type, answers, "
                        "whether it is required and its character limit cannot change. "
                        "You can still fix its wording, and the change will be recorded.")
    return wording_changes(current, proposed)
