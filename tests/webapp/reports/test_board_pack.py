"""The board pack PDF: generated, tagged, its text extractable with the
expected headings and figures; the download is audited; the command line
writes it and refuses unknown consultations and periods kindly."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.webapp.helpers import QUARTER, make_user, seed_quarter, sign_in_as
from webapp.audit import AuditEvent
from webapp.extensions import db
from webapp.reports import ledger


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def _normal(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def themed(app):
    seed_quarter()
    user = make_user("board@partnership.example", "board")
    ledger.record_action(QUARTER.key, theme_code="housing", description="Fund two more refuge places",
                         owner_org="County council", due_on=None, status="planned", reason="", user=user)
    return user


def test_pack_has_headings_figures_and_page_numbers(app, client, themed):
    sign_in_as(client, themed)
    response = client.get(f"/staff/reports/summary/{QUARTER.key}/board-pack.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == 'attachment; filename="board-pack-feedback-2026q3.pdf"'
    reader, text = pdf_text(response.data)
    text = _normal(text)
    for heading in ("Board pack", "Contents", "Summary", "Actions and their status", "Methods and caveats",
                    "How themes were made", "Small numbers"):
        assert heading in text, heading
    assert "Feedback, July to September 2026" in text
    assert "12 responses with written answers" in text
    assert "Down 58 points" in text and "fewer than 5" in text
    assert "Fund two more refuge places" in text and "County council" in text
    assert "learned from 12 staff-coded examples" in text
    assert "Refuge places matter most to us." in text
    # A page per theme with responses (3), plus cover, contents, summary, actions, methods.
    assert len(reader.pages) >= 8
    assert f"Page 2 of {len(reader.pages)}" in text
    # Contents give page numbers (target-counter): "Summary ..... 3".
    contents = _normal(reader.pages[1].extract_text())
    assert "Summary" in contents and "3" in contents
    # Tagged for PDF/UA: a structure tree and the document language.
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog.get("/Lang") == "en-GB"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "report.board_pack"))
    assert event.target == QUARTER.key and event.actor_email == "board@partnership.example"


def test_command_writes_the_pack(app, runner, themed, tmp_path):
    output = tmp_path / "pack.pdf"
    result = runner.invoke(args=["board-pack", "--period", "2026Q3", "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert "Wrote the board pack for Feedback, July to September 2026" in result.output
    _, text = pdf_text(output.read_bytes())
    assert "Methods and caveats" in text


@pytest.mark.parametrize("args, message", [
    (["--consultation", "no-such-thing"], "There is no consultation “no-such-thing”."),
    (["--period", "2026Q7"], "is not a quarter. Write it like 2026Q3."),
    ([], "Give either --consultation SLUG or --period like 2026Q3"),
    (["--period", "2026Q3", "--consultation", "x"], "not both"),
])
def test_command_errors_are_kind(app, runner, tmp_path, args, message):
    output = tmp_path / "pack.pdf"
    result = runner.invoke(args=["board-pack", *args, "--output", str(output)])
    assert result.exit_code == 2
    assert message in result.output
    assert not output.exists()
