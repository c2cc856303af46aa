"""Phone numbers on a right-to-left page: each is isolated left to right (Urdu
would otherwise show "0808 2000 247" with its groups in reverse order) and kept
on one line, in the help list, the footer, the staying-safe page and each
service's own number."""

from __future__ import annotations

import pytest

from tests.webapp.helpers import page
from webapp.extensions import db
from webapp.feedback.models import Service


@pytest.mark.parametrize("app_overrides", [{"LANGUAGES": ("en", "ur")}], ids=["urdu-offered"])
@pytest.mark.parametrize("path", ["/", "/get-help", "/staying-safe-online"])
def test_every_phone_number_reads_left_to_right_in_urdu(app_context, client, app, path):
    db.session.add(Service(slug="refuge", name="Northshire Refuge", accepting_feedback=True,
                           phone="01632 960 001"))
    db.session.commit()
    html = page(client.get(f"{path}?lang=ur"))
    assert html.html["dir"] == "rtl"
    numbers = [link for link in html.select('a[href^="tel:"]') if " " in link.get_text(strip=True)]
    assert numbers
    for link in numbers:
        assert link.find("bdi", attrs={"dir": "ltr", "class": "heard-phone"}), link
