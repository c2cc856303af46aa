"""Text staff write for the public (the board's actions and their updates on
"you said, we did"): redacted like respondents' text before it is stored,
and shown through a small, safe subset of Markdown.

Allowed: paragraphs, bulleted and numbered lists, bold, and links to the
partnership's own published reports (the "you said, we did" pages, on this
site or at PUBLIC_BASE_URL). Everything else is stripped by bleach against an
allow-list; a link anywhere else keeps its words and loses its address; every
link carries rel="nofollow noopener". Redaction runs first, so a name, phone
number, email, street address or postcode never reaches a page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app
from markupsafe import Markup

from analysis.redaction import redact

TAGS = frozenset({"p", "ul", "ol", "li", "strong", "a"})
ATTRIBUTES = {"a": ["href"]}
PROTOCOLS = frozenset({"http", "https"})
REPORTS_PATH = "/you-said-we-did"


def clean_for_public(text: str) -> str:
    """What is stored: the text as typed, trimmed and redacted."""
    return redact(text.strip()).text if text and text.strip() else ""


def render(text: str) -> Markup:
    """The stored text as the public sees it: safe HTML."""
    # Markdown and bleach load with the first page that shows staff-written text,
    # not at start-up: about 25 ms of CPU that most workers and commands never need.
    import bleach
    import markdown

    html = markdown.markdown(text or "", output_format="html")
    cleaned = bleach.clean(html, tags=TAGS, attributes=ATTRIBUTES, protocols=PROTOCOLS, strip=True)
    linked = bleach.linkify(cleaned, callbacks=[_own_reports_only, _safe_rel], parse_email=False)
    # bleach allow-listed every tag and attribute above, so the HTML is safe to mark so
    return Markup(linked)  # nosec B704


def own_report_link(href: str) -> bool:
    """A link to the partnership's own published reports (this site's
    "you said, we did" pages, or the same pages at PUBLIC_BASE_URL)."""
    parts = urlsplit(href or "")
    if not parts.path.startswith(REPORTS_PATH):
        return False
    if not parts.scheme and not parts.netloc:
        return True
    public = urlsplit(current_app.config.get("PUBLIC_BASE_URL") or "")
    return parts.scheme == "https" and bool(public.netloc) and parts.netloc == public.netloc


def _own_reports_only(attrs: dict, new: bool = False):
    href = attrs.get((None, "href"), "")
    return attrs if own_report_link(href) else None  # None: the words stay, the link goes


def _safe_rel(attrs: dict, new: bool = False):
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs
