"""Drawing a paper form (`webapp.paper.forms`) as an A4 PDF with WeasyPrint,
as the board pack and poster are drawn: only `data:` URLs are fetched, so
nothing in a consultation's wording can make the server fetch anything."""

from __future__ import annotations

import re
from pathlib import Path

from flask import current_app, render_template
from flask_babel import gettext as _

from webapp.paper.forms import PaperForm

FORM_CSS = Path(__file__).resolve().parent.parent / "templates" / "paper" / "form.css"


def form_filename(name: str) -> str:
    key = re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-")[:60] or "form"
    return f"paper-form-{key}.pdf"


def form_html(form: PaperForm) -> str:
    return render_template("paper/form.html", form=form, partnership=current_app.config["PARTNERSHIP_NAME"],
                           retention_months=current_app.config["RETENTION_MONTHS"])


def page_numbers_css() -> str:
    """"Page 1 of 7" at the foot of each page in the form's language: its words
    around the page counters, so an Urdu page reads right to left as a sentence
    (a bare "1 / 7" shows as "7 / 1" there)."""
    page, count = "\x00page\x00", "\x00count\x00"
    words = _("Page %(page_number)s of %(page_count)s", page_number=page, page_count=count)
    parts = []
    for piece in re.split(f"({page}|{count})", words):
        if piece == page:
            parts.append("counter(page)")
        elif piece == count:
            parts.append("counter(pages)")
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return f"@page {{ @bottom-center {{ content: {' '.join(parts)}; }} }}"


def form_pdf(form: PaperForm) -> bytes:
    # WeasyPrint (and Pango under it) is imported on the first form, not at start-up.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=form_html(form), url_fetcher=fetcher).write_pdf(
        stylesheets=[CSS(string=FORM_CSS.read_text(encoding="utf-8"), url_fetcher=fetcher),
                     CSS(string=page_numbers_css(), url_fetcher=fetcher)])
