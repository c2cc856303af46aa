"""The feedback paper form in Urdu, Panjabi (Gurmukhi) and Bengali: every letter
drawn from a font made for its script (Debian's fonts-noto-core, which `.ci/run`
installs), every font embedded in the PDF, and the words read back out of it
(poppler's pdftotext and pdffonts) being the catalogue's. The machine's only
other font, DejaVu, has no Gurmukhi or Bengali and not Urdu's own Arabic
letters: without the script fonts these pages were rows of empty boxes."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from flask_babel import force_locale, gettext
from pypdf import PdfReader

from webapp.extensions import db
from webapp.feedback.models import Service

SCRIPTS = {  # language: (the font its script is drawn in, that script's letters)
    "ur": ("Noto-Naskh-Arabic", re.compile(r"[\u0600-\u06ff]")),
    "pa": ("Noto-Sans-Gurmukhi", re.compile(r"[\u0a00-\u0a7f]")),
    "bn": ("Noto-Sans-Bengali", re.compile(r"[\u0980-\u09ff]")),
}
CATALOGUE_WORDS = ("How to return this form", "What happens to this form", "Tick one box.",
                   "Please don't write names, addresses or anything else that could identify you or someone else.",
                   "Give it back to the worker who gave it to you, or put it in the box for forms at the service. "
                   "Do not put your name on the form or on the envelope.")
# pdftotext marks runs of right-to-left text with Unicode's embedding controls.
BIDI_CONTROLS = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# Fonts and shaping are the PDF's; no database changes them.
pytestmark = [pytest.mark.parametrize("app_overrides", [{"LANGUAGES": ("en", "ur", "pa", "bn")}], ids=["offered"]),
              pytest.mark.one_database]


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: apt-get install poppler-utils (.ci/run installs it)")
    return subprocess.run([tool, *args], check=True, capture_output=True, text=True, timeout=60).stdout


@pytest.fixture
def form_pdf(app_context, client, app, tmp_path):
    db.session.add(Service(slug="refuge", name="Northshire Refuge", accepting_feedback=True))
    db.session.commit()

    def download(lang: str) -> Path:
        path = tmp_path / f"{lang}.pdf"
        path.write_bytes(client.get(f"/paper-form.pdf?lang={lang}").data)
        return path
    return download


def embedded_fonts(path: Path) -> dict[str, bool]:
    """pdffonts' table: each font's name (without its subset prefix) and whether it is embedded."""
    rows = poppler("pdffonts", str(path)).splitlines()[2:]
    fonts = {}
    for row in rows:
        name, *_middle, emb, _sub, _uni, _object, _generation = row.split()
        fonts[name.split("+", 1)[-1]] = emb == "yes"
    return fonts


def letters_by_font(path: Path) -> dict[str, str]:
    """Every character each font in the PDF is used to draw (its ToUnicode map)."""
    reader = PdfReader(path)
    drawn: dict[str, str] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            name = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            targets = re.findall(r"<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>", cmap)
            drawn[name] = drawn.get(name, "") + "".join(bytes.fromhex(t).decode("utf-16-be") for t in targets)
    return drawn


def comparable(text: str, lang: str) -> str:
    """What pdftotext can give back. It adds spaces where it sees a gap and
    marks right-to-left runs, so both are dropped. A PDF maps each drawn shape
    to characters one shape at a time: Gurmukhi and Bengali draw some vowel
    signs before the consonant they follow, and Bengali draws an র that starts
    a cluster above the cluster's end (reph), so those come back out of place
    and are left out."""
    text = "".join(BIDI_CONTROLS.sub("", unicodedata.normalize("NFD", text)).split())
    if lang in {"pa", "bn"}:
        text = "".join(c for c in text if unicodedata.category(c) not in {"Mn", "Mc"})
    return text.replace("\u09b0", "") if lang == "bn" else text


@pytest.mark.parametrize("lang", SCRIPTS)
def test_every_letter_is_drawn_in_its_script_font_and_every_font_is_embedded(form_pdf, lang):
    path = form_pdf(lang)
    font, letters = SCRIPTS[lang]
    fonts = embedded_fonts(path)
    assert all(fonts.values()), fonts
    assert {name.split("-Bold")[0] for name in fonts} <= {font, "DejaVu-Sans"}, fonts
    drawn = letters_by_font(path)
    assert letters.search(drawn[font])
    for other, characters in drawn.items():
        if not other.startswith(font):
            assert not letters.search(characters), f"{other} draws {lang} letters"


@pytest.mark.parametrize("lang", SCRIPTS)
def test_the_words_read_out_of_the_pdf_are_the_catalogues(form_pdf, app, lang):
    path = form_pdf(lang)
    text = poppler("pdftotext", str(path), "-")
    pages = len(PdfReader(path).pages)
    with app.test_request_context(), force_locale(lang):
        expected = [gettext(message) for message in CATALOGUE_WORDS]
        # The foot of the last page: the page numbers in words, right to left in Urdu.
        footer = gettext("Page %(page_number)s of %(page_count)s", page_number=pages, page_count=pages)
    assert "How to return this form" not in text and "Page 1 of" not in text
    for message, english in zip(expected, CATALOGUE_WORDS, strict=True):
        assert message != english
        assert read_back(comparable(message, lang), comparable(text, lang), lang), message
    assert read_back(comparable(footer, lang), comparable(text, lang), lang), footer


def read_back(expected: str, text: str, lang: str) -> bool:
    """Urdu comes back exactly. A Gurmukhi or Bengali shape drawn for several
    letters can be mapped to more than it drew, so there every letter must come
    back in order, with no more than a third as many again in between."""
    if lang == "ur":
        return expected in text
    for start in (i for i, c in enumerate(text) if c == expected[0]):
        position = start
        for letter in expected:
            position = text.find(letter, position, start + len(expected) * 4 // 3 + 1)
            if position < 0:
                break
            position += 1
        else:
            return True
    return False
