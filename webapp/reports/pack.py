"""The board pack: a PDF (WeasyPrint) of the board summary with a cover,
contents with page numbers, a page per theme, actions and their status, and
methods and caveats. Tagged as PDF/UA-1 so screen readers get the structure;
text stays extractable. Only `data:` URLs are fetched while rendering."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from flask import current_app, render_template

from analysis.board import ThemeRow, cell_words, shown_count
from webapp.reports import ledger
from webapp.reports.charts import bar_chart
from webapp.reports.pages import action_rows, charts_for, group_rows
from webapp.reports.summary import BoardSummary, build_summary

PACK_CSS = Path(__file__).resolve().parent.parent / "templates" / "reports" / "pack.css"
PDF_VARIANT = "pdf/ua-1"


def pack_filename(scope) -> str:
    key = re.sub(r"[^a-z0-9-]+", "-", scope.key.lower()).strip("-")[:70]
    return f"board-pack-{key}.pdf"


def theme_pages(summary: BoardSummary) -> list[dict]:
    """One page per theme with responses: figures, a chart against the period
    before (when both figures may be shown), quotes, its row of each
    breakdown, and the group's view."""
    groups = {entry["row"].code: entry for entry in group_rows(summary)}
    pages = []
    for index, row in enumerate(r for r in summary.themes if r.count):
        pages.append({"row": row, "id": f"theme-{index + 1}", "chart": _comparison(summary, row, index),
                      "breakdowns": _breakdown_rows(summary, row), "group": groups.get(row.code)})
    return pages


def _comparison(summary: BoardSummary, row: ThemeRow, index: int):
    if row.share is None or row.previous_share is None:
        return None
    return bar_chart(f"theme-chart-{index + 1}", f"{row.label}: share of responses this period and the period before",
                     [(summary.previous_label or "Period before", round(row.previous_share * 100)),
                      (summary.label, round(row.share * 100))], unit="per cent of responses")


def _breakdown_rows(summary: BoardSummary, row: ThemeRow) -> list[dict]:
    found = []
    for table in summary.breakdowns:
        for label, cells, total in table.rows:
            if label == row.label:
                found.append({"title": table.title, "cells": list(zip(table.groups, cells, strict=True)),
                              "total": total})
    return found


def pack_html(scope, summary: BoardSummary | None = None) -> str:
    summary = summary or build_summary(scope)
    return render_template(
        "reports/pack.html", summary=summary, scope=scope, theme_pages=theme_pages(summary),
        charts=charts_for(summary), group_rows=group_rows(summary),
        actions=action_rows(ledger.actions_for(scope.key)), made_on=date.today(),
        partnership=current_app.config["PARTNERSHIP_NAME"], cell_words=cell_words, shown_count=shown_count)


def board_pack_pdf(scope, summary: BoardSummary | None = None) -> bytes:
    # WeasyPrint (and Pango under it) is imported on the first pack, not at
    # start-up: most workers and commands never draw one.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    document = HTML(string=pack_html(scope, summary), url_fetcher=fetcher)
    stylesheet = CSS(string=PACK_CSS.read_text(encoding="utf-8"), url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet], pdf_variant=PDF_VARIANT, pdf_tags=True)
