"""Words Heard adds around partnership data are in the visitor's language: a
consultation's closing date on the home page (month names from Babel's CLDR
data) and the "Phone:" label on a service in Get help now."""

from __future__ import annotations

from datetime import date

import pytest

from tests.webapp.helpers import make_consultation, page
from webapp.extensions import db
from webapp.feedback.models import Service

OFFERED = [{"LANGUAGES": ("en", "cy", "ur")}]


@pytest.mark.parametrize("app_overrides", OFFERED, ids=["offered"])
@pytest.mark.parametrize("lang, words", [("en", "Open until 31 March 2099"), ("cy", "Ar agor tan 31 Mawrth 2099"),
                                         ("ur", "31 مارچ 2099 تک کھلا ہے")])
def test_a_consultations_closing_date_in_each_language(app_context, client, app, lang, words):
    make_consultation(closes_on=date(2099, 3, 31))
    listed = page(client.get(f"/?lang={lang}")).find(id="open-consultations")
    assert words in listed.get_text(" ", strip=True)


@pytest.mark.parametrize("app_overrides", OFFERED, ids=["offered"])
@pytest.mark.parametrize("lang, label", [("en", "Phone:"), ("cy", "Ffôn:"), ("ur", "فون:")])
def test_a_services_phone_label_in_each_language(app_context, client, app, lang, label):
    db.session.add(Service(slug="refuge", name="Northshire Refuge", accepting_feedback=True, phone="01632 960 001",
                           listed_in_directory=True))
    db.session.commit()
    text = page(client.get(f"/get-help?lang={lang}")).get_text(" ", strip=True)
    assert f"{label} 01632 960 001" in text
