"""What theming says about each free-text answer of a consultation, for the
consultation exports (CSV, XLSX, JSON). The exports live in the consultations
room, which may not import this one (themes sits above it), so `create_app`
hands them `answer_themes` as `app.extensions["heard_answer_themes"]`.

Exports stream in batches, so this answers for one batch of answer ids at a
time, from stored results only: staff coding first, else the latest finished
run's codes, and that run's sentiment. It never decrypts or scores text, so an
export costs what it did before themes were added; an answer no run has seen
yet has no themes or sentiment in the export (run theming first).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import select

from webapp.consultations.models import Consultation, answer_ref
from webapp.consultations.reporting import AnswerThemes
from webapp.extensions import db
from webapp.themes.codebook import current_code_map, mapped_codes, theme_labels
from webapp.themes.models import ThemeRunItem
from webapp.themes.runs import latest_run, staff_codes
from webapp.themes.scope import consultation_scope

EXTENSION_KEY = "heard_answer_themes"


def answer_themes(consultation: Consultation) -> Callable[[Sequence[int]], dict[int, AnswerThemes]]:
    """A lookup for this consultation: answer ids -> their themes (labels) and sentiment."""
    run = latest_run(consultation_scope(consultation.slug).key)
    run_id = run.id if run else None
    names: dict = {}

    def codebook() -> tuple[dict, dict]:
        # Read once, and only when something is themed: reading can seed an empty codebook, which is slow.
        if not names:
            names.update(labels=theme_labels(), mapping=current_code_map())
        return names["labels"], names["mapping"]

    def lookup(answer_ids: Sequence[int]) -> dict[int, AnswerThemes]:
        refs = {answer_ref(answer_id): answer_id for answer_id in answer_ids}
        if not refs:
            return {}
        coded = staff_codes(list(refs))
        seen = ({ref: (codes, sentiment) for ref, codes, sentiment in db.session.execute(
            select(ThemeRunItem.ref, ThemeRunItem.codes, ThemeRunItem.sentiment)
            .where(ThemeRunItem.run_id == run_id, ThemeRunItem.ref.in_(list(refs))))} if run_id else {})
        found = {}
        for ref, answer_id in refs.items():
            if ref not in coded and ref not in seen:
                continue
            codes = coded[ref] if ref in coded else seen[ref][0]
            labels, mapping = codebook()
            found[answer_id] = AnswerThemes(tuple(labels.get(code, code) for code in mapped_codes(codes, mapping)),
                                            seen[ref][1] if ref in seen else "")
        return found

    return lookup
