"""The staff preview of a consultation: the respondent's route, followed as a
respondent would follow it (show-a-page-if conditions, before you start, check
your answers), without sending anything.

It is the answering journey (`journey.Journey`) on a key of its own in the
signed-in member of staff's server-side session, so a preview never mixes with
a real answer. Free text is redacted as it is for respondents. The preview's
answers are dropped when it ends or restarts; nothing reaches the database and
no question's meaning is locked.
"""

from __future__ import annotations

from webapp.consultations.journey import CHECK, Journey
from webapp.consultations.models import Consultation


def preview_key(consultation: Consultation) -> str:
    return f"preview:{consultation.id}"


class PreviewJourney(Journey):
    """A journey with no access code step: staff preview group consultations too."""

    @property
    def state(self) -> dict:
        return self.session[preview_key(self.consultation)]

    @property
    def unlocked(self) -> bool:
        return True


def current_preview(session, consultation: Consultation) -> PreviewJourney | None:
    return PreviewJourney(session, consultation) if preview_key(consultation) in session else None


def start_preview(session, consultation: Consultation) -> PreviewJourney:
    session[preview_key(consultation)] = {"step": CHECK, "answers": {}, "risks": {}, "seen": [],
                                          "checked": False, "unlocked": True}
    journey = PreviewJourney(session, consultation)
    pages = journey.visible_pages()
    journey.go_to(str(pages[0].id) if pages else CHECK)
    return journey


def end_preview(session, consultation: Consultation) -> None:
    session.pop(preview_key(consultation), None)
