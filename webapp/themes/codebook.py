"""The partnership's codebook in the database: reading it (seeded from the
shipped default, PRODUCT.md §4), and changing it: add, rename, edit phrases,
retire, restore and merge themes, and turn an emergent theme into a new one.
Every change is audited (the view commits). Forms check input first; these
functions check the rules that depend on the codebook as it is now and raise
`CodebookChange` with a message for staff.

`analysis.codebook` and `analysis.text` bring SciPy and nltk, so they are
imported by the functions that need them, not when the app starts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from webapp.audit import record_event
from webapp.extensions import db
from webapp.themes.models import EmergentTheme, StaffCoding, ThemeCode

if TYPE_CHECKING:
    from analysis.codebook import Codebook

CODE_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# Reading ----------------------------------------------------------------------------------

def ensure_codebook() -> None:
    """Seed the codebook from the shipped default (PRODUCT.md §4) when empty.
    Seeding is its own unit of work, committed here, whichever page first needs it."""
    if db.session.scalar(select(func.count(ThemeCode.id))):
        return
    from analysis.codebook import default_codebook

    for position, theme in enumerate(default_codebook().themes):
        db.session.add(ThemeCode(code=theme.code, label=theme.label, description=theme.description,
                                 include=list(theme.include), exclude=list(theme.exclude),
                                 examples=list(theme.examples), position=position))
    db.session.commit()


def active_themes() -> list[ThemeCode]:
    ensure_codebook()
    return list(db.session.scalars(select(ThemeCode).where(ThemeCode.retired.is_(False))
                                   .order_by(ThemeCode.position, ThemeCode.id)))


def current_codebook() -> Codebook:
    """The active themes as an analysis codebook."""
    from analysis.codebook import Codebook, Theme

    return Codebook([Theme(t.code, t.label, t.description or "", tuple(t.include or ()),
                           tuple(t.exclude or ()), tuple(t.examples or ())) for t in active_themes()])


def theme_labels() -> dict[str, str]:
    """code -> label for every theme, retired ones too, so old data keeps its names."""
    ensure_codebook()
    return dict(db.session.execute(select(ThemeCode.code, ThemeCode.label)).all())


def current_code_map() -> dict[str, str | None]:
    """code -> the active code it counts as now: a merged theme counts as the
    theme it joined (following chains of merges); a retired theme, as nothing."""
    rows = {t.code: t for t in db.session.scalars(select(ThemeCode))}
    mapping: dict[str, str | None] = {}
    for code in rows:
        seen, current = set(), code
        while current in rows and rows[current].retired and current not in seen:
            seen.add(current)
            current = rows[current].merged_into or None
        mapping[code] = current if current in rows else None
    return mapping


def mapped_codes(codes, mapping: dict[str, str | None]) -> tuple[str, ...]:
    """`codes` as they count now under `mapping` (`current_code_map`), once each."""
    found = []
    for code in codes or ():
        now = mapping.get(code, code)
        if now and now not in found:
            found.append(now)
    return tuple(found)


# Changing ---------------------------------------------------------------------------------


class CodebookChange(ValueError):
    """A change the codebook cannot take; `field` names the form field to blame."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def all_themes() -> list[ThemeCode]:
    ensure_codebook()
    return list(db.session.scalars(select(ThemeCode).order_by(ThemeCode.retired, ThemeCode.position, ThemeCode.id)))


def find(code: str) -> ThemeCode | None:
    ensure_codebook()
    return db.session.scalar(select(ThemeCode).where(ThemeCode.code == code))


def phrases(text: str) -> list[str]:
    """One phrase per line, blank lines and repeats dropped."""
    found: list[str] = []
    for line in (text or "").splitlines():
        phrase = " ".join(line.split())
        if phrase and phrase.lower() not in {p.lower() for p in found}:
            found.append(phrase)
    return found


def examples(text: str) -> list[str]:
    """One example answer per line, blank lines and repeats dropped."""
    return phrases(text)


def wordless(found: list[str]) -> list[str]:
    """Phrases with no word Heard can match (only punctuation or emoji)."""
    from analysis.text import stems

    return [p for p in found if not stems(p)]


def suggested_code(name: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", name.lower()))[:60]


def _check_name_is_new(label: str, theme: ThemeCode | None = None) -> None:
    """Two themes with one name would be told apart by nobody reading a report."""
    wanted = " ".join(label.split()).casefold()
    for other in all_themes():
        if other is not theme and " ".join(other.label.split()).casefold() == wanted:
            retired = " It is retired: restore it from the codebook instead." if other.retired else ""
            raise CodebookChange(f"There is already a theme called “{other.label}”. Choose another name.{retired}",
                                 "label")


def add_theme(code: str, label: str, description: str, include: list[str], exclude: list[str],
              audit_action: str = "codebook.add", examples: list[str] | None = None) -> ThemeCode:
    if find(code) is not None:
        raise CodebookChange(f"There is already a theme with the short name “{code}”. Choose another.", "code")
    _check_name_is_new(label)
    position = (db.session.scalar(select(func.max(ThemeCode.position))) or 0) + 1
    theme = ThemeCode(code=code, label=label, description=description, include=include, exclude=exclude,
                      examples=examples or [], position=position)
    db.session.add(theme)
    db.session.flush()
    if audit_action:
        record_event(audit_action, target=f"theme:{code}", detail=label)
    return theme


def edit_theme(theme: ThemeCode, label: str, description: str, include: list[str], exclude: list[str],
               examples: list[str] | None = None) -> None:
    examples = list(theme.examples or []) if examples is None else examples
    _check_name_is_new(label, theme)
    changed = [name for name, old, new in (("label", theme.label, label),
                                           ("description", theme.description, description),
                                           ("include phrases", list(theme.include or []), include),
                                           ("exclude phrases", list(theme.exclude or []), exclude),
                                           ("examples", list(theme.examples or []), examples)) if old != new]
    theme.label, theme.description, theme.include, theme.exclude = label, description, include, exclude
    theme.examples = examples
    record_event("codebook.edit", target=f"theme:{theme.code}", detail="changed " + (", ".join(changed) or "nothing"))


def retire_theme(theme: ThemeCode) -> None:
    if theme.retired:
        raise CodebookChange(f"“{theme.label}” is already retired.")
    if len(active_themes()) <= 1:
        raise CodebookChange("This is the last theme in use. Add another theme before retiring it.")
    theme.retired = True
    record_event("codebook.retire", target=f"theme:{theme.code}", detail=theme.label)


def restore_theme(theme: ThemeCode) -> None:
    if not theme.retired:
        raise CodebookChange(f"“{theme.label}” is already in use.")
    theme.retired, theme.merged_into = False, ""
    record_event("codebook.restore", target=f"theme:{theme.code}", detail=theme.label)


def merge_theme(theme: ThemeCode, into_code: str) -> ThemeCode:
    """Retire `theme` as merged into another: staff coding moves across, its
    phrases join the other theme's, and themes merged into it follow."""
    into = find(into_code)
    if into is None:
        raise CodebookChange("Choose the theme to merge into.", "into")
    if into.code == theme.code:
        raise CodebookChange("A theme cannot be merged into itself. Choose a different theme.", "into")
    if into.retired:
        raise CodebookChange(f"“{into.label}” is retired. Restore it first or choose a theme in use.", "into")
    if theme.retired:
        raise CodebookChange(f"“{theme.label}” is already retired.")
    into.include = _union(into.include, theme.include)
    into.exclude = _union(into.exclude, theme.exclude)
    into.examples = _union(into.examples, theme.examples)
    theme.retired, theme.merged_into = True, into.code
    for earlier in db.session.scalars(select(ThemeCode).where(ThemeCode.merged_into == theme.code)):
        earlier.merged_into = into.code
    moved = 0
    for coding in db.session.scalars(select(StaffCoding)):
        if theme.code in (coding.codes or []):
            coding.codes = _union([into.code if c == theme.code else c for c in coding.codes], [])
            moved += 1
    record_event("codebook.merge", target=f"theme:{theme.code}",
                 detail=f"merged into {into.code}; {moved} staff codings moved")
    return into


def _union(first, second) -> list[str]:
    found: list[str] = []
    for value in [*(first or []), *(second or [])]:
        if value not in found:
            found.append(value)
    return found


def emergent_or_none(emergent_id: int) -> EmergentTheme | None:
    return db.session.get(EmergentTheme, emergent_id)


def add_emergent(emergent: EmergentTheme, code: str, label: str, description: str,
                 include: list[str], exclude: list[str], examples: list[str]) -> ThemeCode:
    theme = add_theme(code, label, description, include, exclude, audit_action="", examples=examples)
    emergent.status, emergent.added_as = "added", code
    record_event("themes.emergent_add", target=f"theme:{code}", detail=f"emergent theme {emergent.id}: {label}")
    return theme


def dismiss_emergent(emergent: EmergentTheme) -> None:
    emergent.status = "dismissed"
    record_event("themes.emergent_dismiss", target=f"emergent:{emergent.id}", detail=emergent.name)
