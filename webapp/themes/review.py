"""What the theming pages show: the scopes staff can theme, runs and their
progress, a page of items with their themes, what to code next, and saving
staff coding. Views call these and only render."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from webapp.audit import record_event
from webapp.consultations.models import Consultation
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.periods import quarter_of
from webapp.themes.codebook import active_themes, current_code_map, theme_labels
from webapp.themes.models import EmergentTheme, StaffCoding, ThemeRun, ThemeRunItem
from webapp.themes.runs import (
    HIGH_CONFIDENCE,
    JOB_TIMEOUT_SECONDS,
    MEDIUM_CONFIDENCE,
    STAGES,
    CodedItem,
    coded_items,
    latest_run,
    retired_of,
    staff_codes,
    start_run,
)
from webapp.themes.scope import (
    Item,
    Scope,
    ScopeError,
    consultation_scope,
    feedback_quarter,
    items,
    parse_scope,
    resolve,
)

PER_PAGE = 20
CODE_NEXT_SHOWN = 5


@dataclass(frozen=True)
class ScopeChoice:
    key: str
    label: str
    detail: str
    latest: ThemeRun | None


def scope_or_none(key: str) -> Scope | None:
    """The scope for a key in a URL; None for keys Heard cannot read or
    consultations that do not exist."""
    try:
        scope = parse_scope(key)
    except ScopeError:
        return None
    if scope.kind == "consultation" and scope.consultation() is None:
        return None
    return scope


def consultation_choices() -> list[ScopeChoice]:
    consultations = db.session.scalars(select(Consultation).where(Consultation.status != "draft")
                                       .order_by(Consultation.id.desc()))
    return [ScopeChoice(scope.key, c.title, c.status.capitalize(), latest_run(scope.key))
            for c in consultations for scope in [consultation_scope(c.slug)]]


def quarter_choices(today: date | None = None) -> list[ScopeChoice]:
    """Quarters with feedback, newest first, and always the current quarter."""
    days = db.session.scalars(select(FeedbackResponse.submitted_on).distinct())
    quarters = {quarter_of(day) for day in days} | {quarter_of(today or date.today())}
    choices = []
    for quarter in sorted(quarters, reverse=True):
        scope = feedback_quarter(quarter)
        choices.append(ScopeChoice(scope.key, scope.label, quarter, latest_run(scope.key)))
    return choices


def runs_of(scope_key: str) -> list[ThemeRun]:
    return list(db.session.scalars(select(ThemeRun).where(ThemeRun.scope == scope_key)
                                   .order_by(ThemeRun.started_at.desc(), ThemeRun.id.desc())))


def unfinished_run(scope_key: str) -> ThemeRun | None:
    """A queued or running run of the scope that may still finish. A run left
    unfinished for longer than a job may take (e.g. the server restarted) no
    longer blocks a new one."""
    since = datetime.utcnow() - timedelta(seconds=JOB_TIMEOUT_SECONDS)
    return db.session.scalar(select(ThemeRun).where(
        ThemeRun.scope == scope_key, ThemeRun.status.in_(("queued", "running")), ThemeRun.started_at >= since)
        .order_by(ThemeRun.id.desc()).limit(1))


def begin_run(scope: Scope, user) -> tuple[ThemeRun, bool]:
    """(run, started): a new run, or the one already going for the scope."""
    going = unfinished_run(scope.key)
    if going is not None:
        return going, False
    run = start_run(scope, user)
    record_event("themes.run", target=scope.key, detail=f"run {run.id}")
    return run, True


def progress(run: ThemeRun) -> dict:
    """Where a run has got to, for the progress indicator."""
    stage = run.stage if run.stage in STAGES else STAGES[0]
    number = STAGES.index(stage)
    return {"stage": stage, "step": number + 1, "steps": len(STAGES),
            "done": list(STAGES[:number]), "to_come": list(STAGES[number + 1:]),
            "finished": run.status in ("done", "failed")}


def confidence_words(score: float | None, staff_coded: bool) -> str:
    if staff_coded:
        return "Confirmed by staff"
    if score is None:
        return "No score"
    words = "High" if score >= HIGH_CONFIDENCE else "Medium" if score >= MEDIUM_CONFIDENCE else "Low"
    return f"{words} ({round(score * 100)}%)"


@dataclass(frozen=True)
class ReviewRow:
    coded: CodedItem
    themes: list[dict]  # code, label, confidence, matched
    retired: list[str]  # names of retired themes staff gave it


def review_rows(scope: Scope, page: int, only_uncoded: bool) -> tuple[list[ReviewRow], int, int]:
    """(rows on the page, number of items listed, pages)."""
    found = coded_items(scope)
    if only_uncoded:
        found = [c for c in found if not c.staff_coded]
    pages = max((len(found) + PER_PAGE - 1) // PER_PAGE, 1)
    page = min(max(page, 1), pages)
    labels = theme_labels()
    rows = [ReviewRow(c, [{"code": code, "label": labels.get(code, code),
                           "confidence": confidence_words(c.scores.get(code), c.staff_coded),
                           "matched": c.matched.get(code, [])} for code in c.codes],
                      [labels.get(code, code) for code in c.retired])
            for c in found[(page - 1) * PER_PAGE: page * PER_PAGE]]
    return rows, len(found), pages


def code_next(run: ThemeRun | None, n: int = CODE_NEXT_SHOWN) -> list[Item]:
    """The run's suggestions still uncoded and visible, best first."""
    if run is None or not run.report:
        return []
    refs = list(run.report.get("code_next", []))
    coded = set(db.session.scalars(select(StaffCoding.ref).where(StaffCoding.ref.in_(refs)))) if refs else set()
    found = resolve([ref for ref in refs if ref not in coded])
    return list(found.values())[:n]


@dataclass(frozen=True)
class EmergentRow:
    """An emergent theme with the (redacted) answers it quotes as examples."""

    theme: EmergentTheme
    examples: list[str]


# Staff see two or three example answers per emergent theme.
EMERGENT_EXAMPLES = 3


def pending_emergent(run: ThemeRun | None) -> list[EmergentRow]:
    """The run's emergent themes awaiting review, each with its example answers
    still visible (hidden or purged responses drop out)."""
    if run is None:
        return []
    # Runs from before issue 13 could store a theme with no name or words.
    pending = [e for e in run.emergent if e.status == "pending" and e.name.strip() and e.terms]
    found = resolve([ref for e in pending for ref in e.refs[:EMERGENT_EXAMPLES]])
    return [EmergentRow(e, [found[r].text for r in e.refs[:EMERGENT_EXAMPLES] if r in found]) for e in pending]


def set_aside(run: ThemeRun | None) -> list[tuple[str, int]]:
    """(question, count) of answers left out of emergent themes as "nothing"-style
    or too short, most first."""
    counts = (run.report or {}).get("set_aside", {}) if run else {}
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


def item_in_scope(scope: Scope, ref: str) -> Item | None:
    item = resolve([ref]).get(ref)
    if item is None or not _belongs(scope, item, ref):
        return None
    return item


def _belongs(scope: Scope, item: Item, ref: str) -> bool:
    if scope.kind == "feedback":
        return ref.startswith("f:") and scope.start <= item.submitted_on <= scope.end
    consultation = scope.consultation()
    return ref.startswith("a:") and consultation is not None and any(
        r.id == item.response_id for r in consultation.responses)


def current_codes(scope: Scope, ref: str) -> tuple[list[str], bool]:
    """(codes the item has now, whether staff coded it)."""
    coding = db.session.scalar(select(StaffCoding).where(StaffCoding.ref == ref))
    mapping = current_code_map()
    if coding is not None:
        return [mapping.get(c, c) for c in coding.codes if mapping.get(c, c)], True
    run = latest_run(scope.key)
    row = run and db.session.scalar(select(ThemeRunItem).where(ThemeRunItem.run_id == run.id,
                                                               ThemeRunItem.ref == ref))
    return ([mapping.get(c, c) for c in row.codes if mapping.get(c, c)] if row else []), False


def retired_labels(ref: str) -> list[str]:
    """Names of the retired themes staff gave ``ref``."""
    coding = db.session.scalar(select(StaffCoding).where(StaffCoding.ref == ref))
    labels = theme_labels()
    return [labels.get(code, code) for code in retired_of(coding.codes if coding else (), current_code_map())]


def next_uncoded(scope: Scope, ref: str) -> str | None:
    """The next item of the scope (in review order, after `ref`, wrapping round)
    that staff have not coded yet: where "Save and code the next" goes."""
    refs = [item.ref for item in items(scope)]
    coded = set(staff_codes(refs))
    start = refs.index(ref) + 1 if ref in refs else 0
    return next((other for other in refs[start:] + refs[:start] if other != ref and other not in coded), None)


def learning_note() -> str:
    """What the next run will learn from, in words."""
    coded = db.session.scalar(select(func.count(StaffCoding.id))) or 0
    if coded:
        return (f"The next run learns from the {coded} {'response' if coded == 1 else 'responses'} staff have "
                "coded, then themes every response here again. Each coding you add helps.")
    return ("Staff have not coded any responses yet. Until they do, Heard themes with the codebook: its "
            "descriptions, example answers and phrases. Each response you code helps the next run.")


def theme_choices() -> list[tuple[str, str]]:
    return [(t.code, t.label) for t in active_themes()]


def save_coding(ref: str, codes: list[str], user) -> StaffCoding:
    """Record the codes staff gave an item (replacing earlier coding); audited."""
    coding = db.session.scalar(select(StaffCoding).where(StaffCoding.ref == ref))
    if coding is None:
        coding = StaffCoding(ref=ref)
        db.session.add(coding)
    coding.codes, coding.coded_on, coding.coded_by_id = list(codes), date.today(), user.id
    record_event("themes.code", target=ref, detail=", ".join(codes) or "no theme fits")
    return coding
