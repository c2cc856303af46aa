"""Drawing a paper form (`webapp.paper.forms`) as an A4 PDF with WeasyPrint,
as the board pack and poster are drawn: only `data:` URLs are fetched, so
nothing in a consultation's wording can make the server fetch anything."""

from __future__ import annotations

import re
from pathlib import Path

from flask import current_app, render_template

from webapp.paper.forms import PaperForm

FORM_CSS = Path(__file__).resolve().parent.parent / "templates" / "paper" / "form.css"


def form_filename(name: str) -> str:
    key = re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-")[:60] or "form"
    return f"paper-form-{key}.pdf"


def form_html(form: PaperForm) -> str:
    return render_template("paper/form.html", form=form, partnership=current_app.config["PARTNERSHIP_NAME"],
                           retention_months=current_app.config["RETENTION_MONTHS"])


def form_pdf(form: PaperForm) -> bytes:
    # WeasyPrint (and Pango under it) is imported on the first form, not at start-up.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=form_html(form), url_fetcher=fetcher).write_pdf(
        stylesheets=[CSS(string=FORM_CSS.read_text(encoding="utf-8"), url_fetcher=fetcher)])
