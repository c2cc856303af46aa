"""Running a consultation: it opens and closes on its dates (`flask consultations
tick`, and the same code as an RQ job), the share page and poster say when it
closes, a results date before the closing date is refused, and web addresses
are short and neutral, editable before opening, with old ones redirecting."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.webapp.helpers import make_consultation, make_user, page, sign_in_as
from webapp.audit import AuditEvent
from webapp.consultations import jobs, lifecycle, rules
from webapp.consultations.models import Consultation, OldSlug
from webapp.consultations.rules import RuleError
from webapp.extensions import db

BASE = "/staff/consultations"
TODAY = date(2027, 3, 10)


@pytest.fixture
def signed_in(app_context, client, app):
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    return client


def parts(day: date | None) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)] if day else ["", "", ""]


def details(title="Spring consultation", opens_on=None, closes_on=None, results_due_on=None) -> dict:
    today = date.today()
    return {"title": title, "introduction": "Why we ask.", "audience": "public",
            "opens_on": parts(opens_on or today), "closes_on": parts(closes_on or today + timedelta(days=30)),
            "results_due_on": parts(results_due_on), "results_where": "on this site"}


# The rules, by hand ------------------------------------------------------------------------

@pytest.mark.parametrize(("status", "opens", "closes", "expected"), [
    ("scheduled", TODAY + timedelta(days=1), TODAY + timedelta(days=9), None),
    ("scheduled", TODAY, TODAY + timedelta(days=9), "open"),
    ("scheduled", TODAY - timedelta(days=20), TODAY - timedelta(days=1), "closed"),  # missed its whole window
    ("open", TODAY - timedelta(days=9), TODAY, None),  # people can answer all of the closing day
    ("open", TODAY - timedelta(days=9), TODAY - timedelta(days=1), "closed"),
    ("review", TODAY - timedelta(days=9), TODAY - timedelta(days=1), None),  # only staff open a consultation
    ("closed", TODAY - timedelta(days=9), TODAY - timedelta(days=1), None),
], ids=["before-opening", "opening-day", "missed-window", "closing-day", "after-closing", "review", "closed"])
def test_due_status_follows_the_dates(status, opens, closes, expected):
    assert rules.due_status(status, opens, closes, TODAY) == expected


def test_opening_before_the_opening_date_schedules_it():
    assert rules.opening_status(TODAY + timedelta(days=1), TODAY) == "scheduled"
    assert rules.opening_status(TODAY, TODAY) == "open"
    assert rules.availability("scheduled", TODAY, TODAY, TODAY) == "not-yet-open"


def test_a_results_date_before_the_closing_date_is_refused_by_the_rules():
    assert rules.check_dates(TODAY, TODAY + timedelta(days=5), TODAY + timedelta(days=4)) == {
        "results_due_on": "The results date must be on or after the closing date"}
    assert rules.check_dates(TODAY, TODAY + timedelta(days=5), TODAY + timedelta(days=5)) == {}


def test_random_addresses_are_short_and_unambiguous():
    slugs = {rules.random_slug() for _ in range(200)}
    assert all(len(slug) == 4 and not set(slug) & set("01ilo") for slug in slugs)
    assert len(slugs) > 150


@pytest.mark.parametrize(("typed", "problem"), [
    ("", "Enter a web address"),
    ("ab", "between 3 and 40"),
    ("spring_2027!", "letters a to z"),
    ("leaving-support", "Leave out \u201cleaving\u201d"),
    ("refugefeedback", "Leave out \u201crefuge\u201d"),
    ("dv-2027", "Leave out \u201cdv\u201d"),
], ids=["empty", "short", "symbols", "leaving", "refuge-inside-a-word", "dv"])
def test_staff_chosen_addresses_are_checked(typed, problem):
    with pytest.raises(RuleError, match=problem):
        rules.check_slug(rules.normalise_slug(typed))


def test_staff_chosen_addresses_are_normalised():
    assert rules.normalise_slug(" Spring 2027 ") == "spring-2027"
    assert rules.normalise_slug("https://heard.example/c/Pharmacy-Event/") == "pharmacy-event"
    rules.check_slug("pharmacy-event")  # "harm" only as a whole word


# Opening and closing by the dates --------------------------------------------------------

def test_opening_early_schedules_and_the_tick_opens_and_closes_it(app, signed_in, runner):
    today = date.today()
    consultation = make_consultation("tk01", status="review", opens_on=today + timedelta(days=2),
                                     closes_on=today + timedelta(days=9))
    signed_in.post(f"{BASE}/{consultation.id}/status", data={"value": "open"})
    assert consultation.status == "scheduled"
    assert signed_in.get("/c/tk01").status_code == 200
    assert "has not opened yet" in page(signed_in.get("/c/tk01")).get_text()

    assert lifecycle.tick(today + timedelta(days=1)) == []
    assert lifecycle.tick(today + timedelta(days=2)) == [("Improving support after leaving", "open")]
    assert lifecycle.tick(today + timedelta(days=9)) == []
    assert lifecycle.tick(today + timedelta(days=10)) == [("Improving support after leaving", "closed")]
    db.session.refresh(consultation)
    assert consultation.status == "closed"
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.target == "tk01").order_by(AuditEvent.id)).all()
    assert [(e.action, e.actor_id) for e in events][-2:] == [("consultation.open", None), ("consultation.close", None)]
    assert all("by its dates" in e.detail for e in events[-2:])


def test_the_command_and_the_job_run_the_same_tick(app_context, app, runner):
    today = date.today()
    due = make_consultation("tk02", status="open", opens_on=today - timedelta(days=30),
                            closes_on=today - timedelta(days=1))
    result = runner.invoke(args=["consultations", "tick"])
    assert result.exit_code == 0, result.output
    assert "Closed: Improving support after leaving" in result.output and "1 consultation changed." in result.output
    assert db.session.get(Consultation, due.id).status == "closed"
    scheduled = make_consultation("tk03", status="scheduled", opens_on=today, closes_on=today + timedelta(days=3))
    jobs.tick()
    assert db.session.get(Consultation, scheduled.id).status == "open"
    assert "0 consultations changed." in runner.invoke(args=["consultations", "tick"]).output


def test_a_scheduled_consultation_can_go_back_to_review(app, signed_in):
    today = date.today()
    consultation = make_consultation("tk04", status="scheduled", opens_on=today + timedelta(days=3))
    html = page(signed_in.get(f"{BASE}/{consultation.id}"))
    assert "opens by itself on" in html.find(id="scheduled-note").get_text()
    assert "Back to review" in html.find(id="lifecycle").get_text()
    signed_in.post(f"{BASE}/{consultation.id}/status", data={"value": "review"})
    assert consultation.status == "review"


def test_a_results_date_before_the_closing_date_is_refused_and_what_was_typed_kept(signed_in):
    today = date.today()
    data = details(title="Dates check", closes_on=today + timedelta(days=30),
                   results_due_on=today + timedelta(days=10))
    response = signed_in.post(f"{BASE}/new", data=data)
    assert response.status_code == 400
    html = page(response)
    assert "The results date must be on or after the closing date" in html.select_one(".govuk-error-summary").get_text()
    assert html.find(id="title")["value"] == "Dates check"
    assert html.find(id="results_due_on-day")["value"] == str((today + timedelta(days=10)).day)
    assert db.session.scalar(select(Consultation).where(Consultation.title == "Dates check")) is None


def test_share_page_and_poster_show_the_closing_date(app, signed_in):
    consultation = make_consultation("tk05", opens_on=date(2026, 1, 4), closes_on=date(2099, 3, 31))
    html = page(signed_in.get(f"{BASE}/{consultation.id}/share"))
    assert "Open from 4 January 2026 to 31 March 2099" in html.find(id="share-dates").get_text()
    pdf = PdfReader(io.BytesIO(signed_in.get(f"{BASE}/{consultation.id}/poster.pdf").data))
    assert len(pdf.pages) == 1
    assert "Open until 31 March 2099" in pdf.pages[0].extract_text()


# Web addresses ----------------------------------------------------------------------------

def test_a_new_consultation_gets_a_short_neutral_address(signed_in):
    signed_in.post(f"{BASE}/new", data=details(title="Leaving a refuge: what helped"))
    consultation = db.session.scalar(select(Consultation).where(Consultation.title.startswith("Leaving")))
    assert len(consultation.slug) == 4 and not set(consultation.slug) & set("01ilo")
    html = page(signed_in.get(f"{BASE}/{consultation.id}"))
    assert html.find(id="share-link").get_text().endswith(f"/c/{consultation.slug}")


def test_staff_change_the_address_and_the_old_one_redirects(app, signed_in):
    consultation = make_consultation("k7q2", status="review")
    form = page(signed_in.get(f"{BASE}/{consultation.id}/address"))
    assert form.find(id="slug")["value"] == "k7q2"
    response = signed_in.post(f"{BASE}/{consultation.id}/address", data={"slug": "Spring 2027"})
    assert response.status_code == 302
    assert consultation.slug == "spring-2027"
    assert [old.slug for old in consultation.old_slugs] == ["k7q2"]
    moved = signed_in.get("/review/k7q2")
    assert moved.status_code == 302 and moved.location.endswith("/review/spring-2027")
    assert signed_in.get("/review/k7q2/decisions").location.endswith("/review/spring-2027/decisions")
    assert signed_in.get("/c/nothing-here").status_code == 404
    # Taking the old address back: it is the current one again, and the other redirects.
    signed_in.post(f"{BASE}/{consultation.id}/address", data={"slug": "k7q2"})
    assert consultation.slug == "k7q2"
    assert db.session.scalars(select(OldSlug.slug)).all() == ["spring-2027"]


def test_old_addresses_of_an_open_consultation_redirect_to_the_current_one(app_context, app, client):
    consultation = make_consultation("m3v8", status="open")
    consultation.old_slugs.append(OldSlug(slug="x9t4"))
    db.session.commit()
    response = client.get("/c/x9t4?start=1")
    assert response.status_code == 302 and response.location == "/c/m3v8"
    assert client.post("/c/x9t4", data={"step": "1"}).status_code == 303


def test_a_bad_address_is_refused_kindly_and_what_was_typed_is_kept(app, signed_in):
    make_consultation("tk06", status="draft")
    consultation = make_consultation("tk07", status="draft")
    for typed, message in [("tk06", "Another consultation uses that address"),
                           ("domestic-abuse-survey", "Leave out \u201cabuse\u201d"),
                           ("no way!", "letters a to z")]:
        response = signed_in.post(f"{BASE}/{consultation.id}/address", data={"slug": typed})
        assert response.status_code == 400
        html = page(response)
        assert message in html.select_one(".govuk-error-summary").get_text()
        assert html.find(id="slug")["value"] == typed
    assert consultation.slug == "tk07"


def test_the_address_cannot_change_once_open(app, signed_in):
    consultation = make_consultation("tk08", status="open")
    assert page(signed_in.get(f"{BASE}/{consultation.id}")).find(id="change-address") is None
    response = signed_in.post(f"{BASE}/{consultation.id}/address", data={"slug": "another"})
    assert response.status_code == 302 and consultation.slug == "tk08"
