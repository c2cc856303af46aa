"""The board pack PDF as a board paper (issue 14, part 4): generated,
tagged, its text extractable with the expected sections and drafted
sentences; the protective marking, the date and page numbers on every page
and a page count a board would table; the download is audited; the command
line writes it and refuses unknown consultations and periods kindly."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.webapp.helpers import PREVIOUS, QUARTER, make_user, seed_quarter, sign_in_as
from webapp.audit import AuditEvent
from webapp.extensions import db
from webapp.reports import ledger
from webapp.reports.pack import PACK_CSS, board_pack_pdf, page_css


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def _normal(text: str) -> str:
    return " ".join(text.split())


PAGES = (6, 16)  # a board paper: at most 16 pages for a quarter


@pytest.fixture
def themed(app_context, app):
    seed_quarter()
    user = make_user("board@partnership.example", "board")
    ledger.record_action(QUARTER.key, theme_code="housing", description="Fund two more refuge places",
                         owner_org="County council", due_on=None, status="planned", reason="", user=user)
    # Agreed a quarter earlier, still in progress after its due date: carried over, overdue.
    ledger.record_action(PREVIOUS.key, theme_code="housing", description="Open a second refuge house",
                         owner_org="Housing association", due_on=date(2026, 6, 30), status="in_progress",
                         reason="", user=user)
    ledger.record_action(PREVIOUS.key, theme_code="housing", description="Finished before this quarter",
                         owner_org="County council", due_on=date(2026, 6, 1), status="done", reason="", user=user)
    db.session.commit()
    return user


def _pages(data: bytes) -> list[str]:
    return [_normal(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def test_pack_is_a_board_paper(app, client, themed):
    sign_in_as(client, themed)
    response = client.get(f"/staff/reports/summary/{QUARTER.key}/board-pack.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == 'attachment; filename="board-pack-feedback-2026q3.pdf"'
    reader, text = pdf_text(response.data)
    text = _normal(text)
    for heading in ("Board paper", "Contents", "Executive summary", "For decision", "Themes", "What people said",
                    "The group’s view", "Safeguarding", "Action plan", "Annex A: breakdowns",
                    "Annex B: methods and limitations", "What the confidence means", "What is not shown, and why"):
        assert heading in text, heading
    assert "Feedback, July to September 2026" in text
    assert "12 responses with written answers" in text
    # The executive summary, drafted from the figures.
    assert ("The most common themes were kindness, respect and trauma-informed practice of staff (50%) and "
            "housing, refuge and safe accommodation (42%).") in text
    assert "Housing, refuge and safe accommodation fell 58 points (from 100% to 42% of responses)" in text
    assert ("Fewer than 5 members of the service-user group said housing, refuge and safe accommodation "
            "matters most") in text
    assert "1 action is overdue: Open a second refuge house (Housing association, due 30 June 2026)." in text
    assert "Agree new dates, or a change of owner, for the 1 overdue action." in text
    # The action plan: this quarter's, then open ones carried over (the done one is not).
    assert "Fund two more refuge places" in text and "County council" in text
    assert "Open actions carried over from earlier quarters" in text and "Overdue (in progress)" in text
    assert "Finished before this quarter" not in text
    # Themes under 5 share one table and have no section of their own.
    assert "Themes with fewer than 5 responses" in text
    assert "Police response, protection orders, disclosure scheme not shown" in text
    # Methods: staff checking and confidence.
    assert "learned from 12 staff-coded examples" in text and "At 85% or more it is “high confidence”" in text
    assert "Refuge places matter most to us." in text
    # Contents give page numbers (target-counter).
    assert "Executive summary and decisions . . ." in _normal(reader.pages[0].extract_text())
    # Tagged for PDF/UA: a structure tree and the document language.
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog.get("/Lang") == "en-GB"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "report.board_pack"))
    assert event.target == QUARTER.key and event.actor_email == "board@partnership.example"


@pytest.mark.one_database  # the page layout, given the figures test_pack_is_a_board_paper checks on each database
def test_every_page_has_the_marking_the_date_and_its_number(app, themed):
    pages = _pages(board_pack_pdf(QUARTER, today=date(2026, 12, 4)))
    assert PAGES[0] <= len(pages) <= PAGES[1], len(pages)
    for number, text in enumerate(pages, start=1):
        assert text.count("OFFICIAL") >= 2, number  # at the top and at the foot
        assert f"Page {number} of {len(pages)}" in text, number
        assert "Made on 4 December 2026" in text, number


@pytest.mark.one_database  # the page layout, given the figures test_pack_is_a_board_paper checks on each database
def test_the_marking_is_configurable(app, themed):
    app.config["PROTECTIVE_MARKING"] = "OFFICIAL-SENSITIVE"
    pages = _pages(board_pack_pdf(QUARTER))
    assert all(text.count("OFFICIAL-SENSITIVE") >= 2 for text in pages)


def test_no_table_row_is_split_across_pages():
    css = PACK_CSS.read_text(encoding="utf-8")
    assert "tr, blockquote, dt, dd, li { break-inside: avoid; }" in css
    assert "section.theme { break-inside: avoid;" in css


def test_marking_is_quoted_safely_in_the_page_css():
    css = page_css('OFFICIAL "x" \\ y', "Feedback", date(2026, 12, 4))
    assert 'content: "OFFICIAL \\"x\\" \\\\ y";' in css


@pytest.mark.one_database  # the command around the pack; test_pack_is_a_board_paper checks its figures
def test_command_writes_the_pack(app, runner, themed, tmp_path):
    output = tmp_path / "pack.pdf"
    result = runner.invoke(args=["board-pack", "--period", "2026Q3", "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert "Wrote the board pack for Feedback, July to September 2026" in result.output
    _, text = pdf_text(output.read_bytes())
    assert "Annex B: methods and limitations" in text


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


def test_a_consultation_pack_has_its_closed_questions_and_the_group_changes(app_context, app):
    from tests.webapp.helpers import make_consultation
    from webapp.consultations.models import Answer, ChangeRecord, ConsultationResponse
    from webapp.themes.scope import consultation_scope

    consultation = make_consultation("closed-questions", status="closed")
    refuge = next(q for q in consultation.questions if q.text == "Did you stay in a refuge?")
    for value in ["Yes"] * 7 + ["No"] * 2:
        db.session.add(ConsultationResponse(consultation=consultation, submitted_on=date.today(),
                                            answers=[Answer(question=refuge, value=value)]))
    db.session.add(ChangeRecord(consultation=consultation, recorded_on=date(2026, 11, 2),
                                description="Asked about evenings as well as weekends."))
    db.session.commit()
    pages = _pages(board_pack_pdf(consultation_scope(consultation.slug)))
    text = " ".join(pages)
    assert "Closed questions" in text and "Did you stay in a refuge?" in text
    assert "No fewer than 5 —" in text  # the 2 is suppressed, and so is its percentage
    assert "What changed because of the group" in text and "Asked about evenings as well as weekends." in text
    assert "There is no earlier period to compare with." in text
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))


# Page 4 and page 7 of the demo pack were mostly blank: every section started a page.
PAGE_TOP, PAGE_BOTTOM = (20 / 25.4 * 72), (22 / 25.4 * 72)  # pack.css: @page margins, in points


def page_fill(data: bytes) -> list[float]:
    """How far down each page's body its text reaches (0 = empty, 1 = to the
    foot), from where pypdf finds each piece of text; the marking, date and
    page number in the margins are left out."""
    fills = []
    for pdf_page in PdfReader(io.BytesIO(data)).pages:
        height = float(pdf_page.mediabox.height)
        top, bottom = height - PAGE_TOP, PAGE_BOTTOM
        lowest = [top]

        def visit(text, cm, tm, font, size, lowest=lowest, top=top, bottom=bottom):
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip() and bottom < y < top:
                lowest[0] = min(lowest[0], y)

        pdf_page.extract_text(visitor_text=visit)
        fills.append((top - lowest[0]) / (top - bottom))
    return fills


@pytest.mark.one_database  # the page layout, given the figures test_pack_is_a_board_paper checks on each database
def test_no_page_but_the_last_is_mostly_blank(app, themed):
    """Sections follow one another; only the executive summary and the annexes
    start a page, so no page before the last is left half empty (the demo
    pack's pages 4 and 7 reached 29% and 37% of the way down), and a table
    breaks across pages with its header repeated."""
    fills = page_fill(board_pack_pdf(QUARTER))
    assert len(fills) >= 5
    assert all(fill >= 0.5 for fill in fills[:-1]), [round(fill, 2) for fill in fills]
    css = PACK_CSS.read_text(encoding="utf-8")
    assert "section.new-page { break-before: page;" in css and "page-break-before: always" not in css
    assert "thead { display: table-header-group; }" in css
    assert "h1 { font-size: 17pt; margin: 0 0 4mm; break-after: avoid; }" in css
