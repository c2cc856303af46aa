"""What theming says about each free-text answer of a consultation, for the
consultation exports (CSV, JSON, XLSX). The exports live in the consultations
room, which may not import this one (themes sits above it), so `create_app`
hands them `answer_themes` as `app.extensions["heard_answer_themes"]`."""

from __future__ import annotations

from webapp.consultations.models import Consultation
from webapp.consultations.reporting import AnswerThemes
from webapp.themes.codebook import theme_labels
from webapp.themes.runs import coded_items
from webapp.themes.scope import consultation_scope

EXTENSION_KEY = "heard_answer_themes"


def answer_themes(consultation: Consultation) -> dict[int, AnswerThemes]:
    """Answer id -> its theme labels (staff coding first, else the latest run's,
    as the review page shows them) and sentiment."""
    labels = theme_labels()
    found = {}
    for coded in coded_items(consultation_scope(consultation.slug)):
        kind, _, answer_id = coded.item.ref.partition(":")
        if kind == "a" and answer_id.isdigit():
            found[int(answer_id)] = AnswerThemes(tuple(labels.get(code, code) for code in coded.codes),
                                                 coded.sentiment)
    return found
