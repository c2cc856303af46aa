"""The board pack: a PDF (WeasyPrint) of the board summary laid out as a
board paper (`paper`): a cover with contents, an executive summary and what
the board is asked to decide, the themes (a section each for those with k or
more responses, one table for the rest), the trend, the group's view,
safeguarding, the action plan, breakdowns and a methods and limitations
note; the protective marking, the date and page numbers on every page.
Tagged as PDF/UA-1 so screen readers get the structure; text stays
extractable. Only `data:` URLs are fetched while rendering."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from flask import current_app, render_template

from analysis.board import Breakdown, shown_count
from webapp.formatters import long_date
from webapp.reports import paper
from webapp.reports.pages import group_rows, trend
from webapp.reports.summary import BoardSummary, build_summary
from webapp.themes.runs import HIGH_CONFIDENCE

PACK_CSS = Path(__file__).resolve().parent.parent / "templates" / "reports" / "pack.css"
PDF_VARIANT = "pdf/ua-1"


def pack_filename(scope) -> str:
    key = re.sub(r"[^a-z0-9-]+", "-", scope.key.lower()).strip("-")[:70]
    return f"board-pack-{key}.pdf"


def theme_sections(summary: BoardSummary) -> list[dict]:
    """A section per theme with k or more responses (themes under k share one
    table): figures, quotes, and the group's view of it."""
    groups = {entry["row"].code: entry for entry in group_rows(summary)}
    return [{"row": row, "id": f"theme-{index + 1}", "group": groups.get(row.code),
             "checked": row.code in summary.staff_checked}
            for index, row in enumerate(paper.main_themes(summary))]


def css_string(text: str) -> str:
    """`text` as a quoted CSS string (for generated content)."""
    return '"' + " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_css(marking: str, label: str, made_on: date) -> str:
    """The protective marking at the top and foot of every page, and the
    report and the date made, as page margin boxes (the page number is in
    pack.css)."""
    mark, made = css_string(marking), css_string(f"{label}. Made on {long_date(made_on)}")
    return (f"@page {{ @top-center {{ content: {mark}; }} @bottom-center {{ content: {mark}; }} "
            f"@bottom-left {{ content: {made}; }} }}")


BREAKDOWN_THEMES = 8  # the annex's tables show the most common themes; the summary page has them all


def pack_breakdowns(summary: BoardSummary) -> list[Breakdown]:
    """The breakdowns with only the most common themes that have a section
    of their own (the rest are under k, so their rows are nearly all
    withheld): a paper of a dozen pages, and only figures the summary page
    already released (showing fewer of them gives nothing more away)."""
    keep = {row.code for row in paper.main_themes(summary)[:BREAKDOWN_THEMES]}
    return [replace(table, rows=tuple(row for code, row in zip(table.codes, table.rows, strict=True) if code in keep),
                    codes=tuple(code for code in table.codes if code in keep))
            for table in summary.breakdowns]


def pack_context(scope, summary: BoardSummary | None = None, today: date | None = None) -> dict:
    """Everything the pack shows, worked out here so the template only renders."""
    today = today or date.today()
    summary = summary or build_summary(scope, today=today)
    plan, carried = paper.action_plan(scope, today)
    overdue = [row for row in plan + carried if row.overdue]
    return {
        "summary": summary, "scope": scope, "theme_sections": theme_sections(summary),
        "small_themes": paper.small_themes(summary),
        "trend": trend(scope, summary),
        # The group's section leads with what most members said matters most.
        "group_rows": sorted(group_rows(summary), key=lambda entry: -entry["priorities"]),
        "breakdowns": pack_breakdowns(summary),
        "plan": plan, "carried": carried, "overdue": overdue,
        "executive": paper.executive_summary(summary, overdue),
        "decisions": paper.for_decision(summary, plan + carried, overdue),
        "breakdown_themes": BREAKDOWN_THEMES, "high_confidence": round(HIGH_CONFIDENCE * 100), "made_on": today,
        "marking": current_app.config["PROTECTIVE_MARKING"],
        "partnership": current_app.config["PARTNERSHIP_NAME"],
        "shown_count": shown_count,
    }


def pack_html(scope, summary: BoardSummary | None = None, today: date | None = None) -> str:
    return render_template("reports/pack.html", **pack_context(scope, summary, today))


def board_pack_pdf(scope, summary: BoardSummary | None = None, today: date | None = None) -> bytes:
    # WeasyPrint (and Pango under it) is imported on the first pack, not at
    # start-up: most workers and commands never draw one.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    today = today or date.today()
    document = HTML(string=pack_html(scope, summary, today), url_fetcher=fetcher)
    stylesheets = [CSS(string=PACK_CSS.read_text(encoding="utf-8"), url_fetcher=fetcher),
                   CSS(string=page_css(current_app.config["PROTECTIVE_MARKING"], scope.label, today),
                       url_fetcher=fetcher)]
    return document.write_pdf(stylesheets=stylesheets, pdf_variant=PDF_VARIANT, pdf_tags=True)
