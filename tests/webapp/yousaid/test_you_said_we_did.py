"""Public "you said, we did" pages: an index, a page per closed or published
consultation, a rolling page for the last four quarters of feedback. Themes with
counts suppressed below 5, only quotes marked for publication, the board's
actions in words; the safety shell, no cookie, no-store."""

from __future__ import annotations

from datetime import date

import pytest

from tests.webapp.helpers import (
    POLICE_LABEL,
    PUBLISHED,
    SMALL_THEME_QUOTE,
    STAFF_LABEL,
    UNPUBLISHED,
    page,
    seed_closed_consultation,
    seed_feedback_quarter,
)
from webapp.consultations.models import ConsultationResponse
from webapp.extensions import db
from webapp.periods import recent_quarters
from webapp.reports.models import BoardAction, BoardActionUpdate
from webapp.yousaid.glossary import GLOSSARY

HOUSING_LABEL = "Housing, refuge and safe accommodation"


def themes_table(html, table_id: str) -> dict[str, str]:
    return {tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in html.select(f"#{table_id} tbody tr")}


def assert_safe_public_page(response):
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    assert "default-src" in response.headers["Content-Security-Policy"]
    assert page(response).find(id="exit-this-page")


def add_action(scope: str, code: str, description: str, status: str = "planned", **values) -> BoardAction:
    """An action someone has published (drafts never reach the public page)."""
    values.setdefault("public_state", "published")
    action = BoardAction(scope=scope, theme_code=code, description=description, owner_org="Refuge provider",
                         status=status, **values)
    db.session.add(action)
    db.session.commit()
    return action


def test_index_lists_finished_consultations_and_feedback(app_context, client, app):
    closed = seed_closed_consultation()
    response = client.get("/you-said-we-did/")
    assert_safe_public_page(response)
    html = page(response)
    assert html.title.get_text().startswith("What changed")
    links = [a["href"] for a in html.select("#finished-consultations a")]
    assert links == [f"/you-said-we-did/consultations/{closed.slug}"]
    assert html.find("a", href="/you-said-we-did/feedback")
    closed.status = "open"
    db.session.commit()
    assert page(client.get("/you-said-we-did/")).select("#finished-consultations a") == []
    assert client.get(f"/you-said-we-did/consultations/{closed.slug}").status_code == 404


def test_consultation_page_said_and_did(app_context, client, app):
    consultation = seed_closed_consultation("published")
    consultation.results_published_on = date(2026, 11, 20)
    scope = f"consultation:{consultation.slug}"
    add_action(scope, "housing", "Add 4 refuge places for families", due_on=date(2027, 3, 31))
    stopped = add_action(scope, "housing", "Open a second office", status="not_doing",
                         reason="The building was not safe.")
    stopped.updates.append(BoardActionUpdate(recorded_on=date(2026, 11, 21), status="not_doing",
                                             note="Survey found damp.", public_state="published"))
    stopped.updates.append(BoardActionUpdate(recorded_on=date(2026, 11, 22), status="not_doing",
                                             note="Draft news nobody has checked."))
    add_action("consultation:another", "housing", "Someone else's action")
    add_action(scope, "housing", "A draft nobody has published", public_state="draft")
    add_action(scope, "housing", "An action withdrawn from the page", public_state="withdrawn")
    db.session.commit()
    response = client.get(f"/you-said-we-did/consultations/{consultation.slug}")
    assert_safe_public_page(response)
    html = page(response)
    assert html.h1.get_text() == consultation.title
    assert themes_table(html, "said-consultation-themes")[HOUSING_LABEL] == "5"
    text = html.get_text(" ", strip=True)
    assert "The refuge found us a safe place (0)." in text
    assert "The refuge found us a safe place (1)." not in text
    # The two sentences about dates are two sentences ("2026.We published" was one).
    assert html.find(id="when").get_text() == (
        f"This consultation closed on {consultation.closes_on.day} {consultation.closes_on:%B %Y}. "
        "We published what we learned on 20 November 2026.")
    # It counts responses (one form each), not people: someone can respond more than once.
    assert html.find(id="people-consultation").get_text(strip=True) == (
        "We had 5 responses with answers written in people’s own words.")
    actions = html.find(id="did-consultation-actions").get_text(" ", strip=True)
    # "You said" (the theme and how many raised it) beside "what we are doing".
    assert actions.startswith(f"{HOUSING_LABEL} You said: 5 responses told us about this. What we are doing:")
    assert "Add 4 refuge places for families" in actions and "Due by 31 March 2027." in actions
    assert "Where it is up to: Planned." in actions and "Who: Refuge provider." in actions
    assert "Where it is up to: Not doing. Who: Refuge provider. Why: The building was not safe." in actions
    assert "Latest news, 21 November 2026: Survey found damp." in actions
    assert "Someone else's action" not in actions
    assert "draft" not in actions.lower() and "withdrawn" not in actions


def test_feedback_page_rolls_four_quarters_with_suppression_and_published_quotes(app_context, client, app):
    quarter = seed_feedback_quarter()
    add_action(f"feedback:{quarter}", "staff-attitude", "Training on calling people back", status="in_progress")
    response = client.get("/you-said-we-did/feedback")
    assert_safe_public_page(response)
    html = page(response)
    assert [s["id"] for s in html.select("main section")] == [f"quarter-{q}" for q in recent_quarters(4)]
    table = themes_table(html, f"said-{quarter}-themes")
    assert table[STAFF_LABEL] == "6" and table[POLICE_LABEL] == "fewer than 5"
    assert "2" not in table.values()
    text = html.get_text(" ", strip=True)
    assert PUBLISHED in text
    assert UNPUBLISHED not in text and SMALL_THEME_QUOTE not in text
    did = html.find(id=f"did-{quarter}-actions").get_text(" ", strip=True)
    assert "Training on calling people back" in did and "In progress" in did
    # A quarter with no answers says so rather than showing a table of small numbers.
    this_quarter = html.find(id=f"quarter-{recent_quarters(4)[0]}").get_text(" ", strip=True)
    assert "Nobody has told us anything about this period yet." in this_quarter


def test_all_small_counts_show_no_table(app_context, client, app):
    consultation = seed_closed_consultation()
    hidden = db.session.scalars(db.select(ConsultationResponse)).first()
    hidden.hidden = True  # 4 housing answers left: under 5
    db.session.commit()
    html = page(client.get(f"/you-said-we-did/consultations/{consultation.slug}"))
    assert html.find(id="said-themes") is None
    assert "We do not have enough answers to share yet." in html.get_text()
    assert "The refuge found us a safe place" not in html.get_text()


def test_linked_from_home_and_footer(client, app):
    html = page(client.get("/"))
    assert len(html.find_all("a", href="/you-said-we-did/")) == 2  # home text and footer


def test_you_said_sits_beside_what_we_are_doing_with_how_many_took_part(app_context, client, app):
    quarter = seed_feedback_quarter()
    add_action(f"feedback:{quarter}", "staff-attitude", "Call everyone back the same day", status="in_progress",
               due_on=date(2026, 1, 31))
    add_action(f"feedback:{quarter}", "money", "Pay travel costs up front")  # nobody mentioned money
    html = page(client.get("/you-said-we-did/feedback"))
    section = html.find(id=f"quarter-{quarter}")
    people = section.find(id=f"people-{quarter}").get_text(strip=True)
    assert people.endswith("responses with answers written in people’s own words.")
    pairs = [li.get_text(" ", strip=True) for li in section.select(f"#did-{quarter}-actions > li")]
    assert pairs[0].startswith(f"{STAFF_LABEL} You said: 6 responses told us about this. What we are doing: "
                               "Call everyone back the same day")
    assert "It was due by 31 January 2026 and is running late." in pairs[0]  # overdue, said plainly
    assert "Nobody mentioned this in these months" in pairs[1] and "Pay travel costs up front" in pairs[1]
    # The full table of themes is there, folded away so the page stays short.
    assert section.select_one("details #said-" + quarter + "-themes") is not None


def test_jargon_is_explained_in_plain_words(app_context, client, app):
    quarter = seed_feedback_quarter()
    add_action(f"feedback:{quarter}", "staff-attitude", "Fund two more IDVAs and a MARAC coordinator")
    html = page(client.get("/you-said-we-did/feedback"))
    glossary = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
                for dt in html.select(".heard-glossary dt")}
    # From the action, and from the theme names ("trauma-informed practice", "disclosure scheme").
    assert {"IDVA", "MARAC", "Trauma-informed", "Disclosure scheme"} <= set(glossary)
    assert glossary["IDVA"].startswith("An independent domestic violence adviser")
    assert "ISVA" not in glossary  # only the words the page uses
    text = html.get_text(" ", strip=True)
    for term in GLOSSARY:
        if term.pattern.search(text.split("What some words mean")[0]):
            assert term.term in glossary, term.term


class TestInWelsh:
    @pytest.fixture
    def app_overrides(self):
        return {"LANGUAGES": ("en", "cy")}

    def test_the_new_words_and_explanations_are_translated(self, app_context, client, app):
        quarter = seed_feedback_quarter()
        add_action(f"feedback:{quarter}", "staff-attitude", "Refresher for front-door staff")
        html = page(client.get("/you-said-we-did/feedback?lang=cy"))
        glossary = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
                    for dt in html.select(".heard-glossary dt")}
        assert glossary["Front-door staff"].startswith("Y staff y mae pobl yn cwrdd â nhw gyntaf")
        did = html.find(id=f"did-{quarter}-actions").get_text(" ", strip=True)
        # Counted in responses (ymatebion), as in English, not people (pobl).
        assert "Dywedoch chi: Soniodd 6 o ymatebion am hyn." in did and "Wedi'i gynllunio" in did
        people = html.find(id=f"people-{quarter}").get_text(strip=True)
        assert people.startswith("Cawsom") and "ymatebion" in people and "bobl ran" not in people
