"""The staff theming pages: choosing a scope, running theming with a progress
page, reviewing and coding responses, emergent themes and the codebook editor."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest
from sqlalchemy import select

from tests.webapp.helpers import HOUSING, POLICE, WAITING, add_feedback, make_user, page, run_now, sign_in_as
from webapp.audit import AuditEvent
from webapp.extensions import db
from webapp.feedback.models import feedback_ref
from webapp.themes.models import EmergentTheme, StaffCoding, ThemeCode, ThemeRun
from webapp.themes.scope import feedback_quarter

Q3 = "/staff/themes/scope/feedback:2026Q3"


@pytest.fixture
def analyst(app_context, app, client):
    user = make_user("analyst@partnership.example", "analyst")
    sign_in_as(client, user)
    return user


def actions() -> list[str]:
    return [a for a in db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)) if a != "user.create"]


def theme(code: str) -> ThemeCode:
    db.session.expire_all()
    return db.session.scalar(select(ThemeCode).where(ThemeCode.code == code))


def test_index_lists_quarters_and_the_nav_shows_themes(client, analyst):
    add_feedback(POLICE, day=date(2026, 2, 3))
    html = page(client.get("/staff/themes/"))
    assert html.h1.get_text() == "Themes"
    quarters = [a.get_text() for a in html.select("#quarter-scopes a")]
    assert "2026Q1" in quarters
    assert any(a.get_text(strip=True) == "Themes" for a in html.select("#staff-navigation a"))


def test_board_members_do_not_see_themes(app_context, app):
    client = app.test_client()
    sign_in_as(client, make_user("board@partnership.example", "board"))
    assert client.get("/staff/themes/").status_code == 403
    assert "Themes" not in page(client.get("/staff/")).select_one("#staff-navigation").get_text()


def test_date_range_errors_keep_what_was_typed(client, analyst):
    response = client.post("/staff/themes/", data={"start": ["31", "2", "2026"], "end": ["1", "1", "2026"]})
    assert response.status_code == 400
    html = page(response)
    summary = html.select_one(".govuk-error-summary").get_text()
    assert "Enter a real date for “From”" in summary
    assert html.find("input", attrs={"name": "start", "value": "31"}) is not None
    response = client.post("/staff/themes/", data={"start": ["1", "7", "2026"], "end": ["1", "6", "2026"]})
    assert "The last day must be the same as or after the first day" in response.get_data(as_text=True)
    response = client.post("/staff/themes/", data={"start": ["", "", ""], "end": ["", "", ""]})
    assert "Enter the first day of the period" in response.get_data(as_text=True)
    for start, end, message in ((["1", "1", "1999"], ["1", "2", "1999"], "Choose dates from 2000 to 2099."),
                                (["1", "1", "2001"], ["1", "1", "2015"], "Choose a period of 10 years or less.")):
        response = client.post("/staff/themes/", data={"start": start, "end": end})
        assert response.status_code == 400 and message in page(response).select_one(".govuk-error-summary").get_text()
        assert page(response).find("input", attrs={"name": "start", "value": start[2]}) is not None
    response = client.post("/staff/themes/", data={"start": ["1", "7", "2026"], "end": ["15", "8", "2026"]})
    assert response.location.endswith("/staff/themes/scope/feedback:2026-07-01..2026-08-15")


def test_unknown_scopes_are_not_found(client, analyst):
    assert client.get("/staff/themes/scope/feedback:2026Q9").status_code == 404
    assert client.get("/staff/themes/scope/consultation:nothing-here").status_code == 404


@pytest.mark.parametrize("ref", ["f:abc:what_helped", "f:", "a:", "a:1x", "f:12:", "a:١٢",
                                 "f:99999999999999999999999999:what_helped", "a:9999999999999999999"])
def test_a_response_link_cut_short_or_mangled_is_not_found(client, analyst, ref):
    add_feedback(POLICE)
    assert client.get(f"{Q3}/items/{ref}").status_code == 404


def test_run_from_the_page_then_review_with_confidence_and_matched_words(client, analyst):
    first = add_feedback(HOUSING, WAITING)
    response = client.post(f"{Q3}/runs")
    run = db.session.scalar(select(ThemeRun))
    assert response.location.endswith(f"/staff/themes/runs/{run.id}") and run.started_by_id == analyst.id
    _wait_for(run.id)
    finished = page(client.get(f"/staff/themes/runs/{run.id}"))
    assert finished.h1.get_text() == "Theming finished"
    html = page(client.get(Q3))
    card = html.find(id=f"item-f-{first.id}-what_helped")
    text = card.get_text(" ")
    assert HOUSING in text and "Housing, refuge and safe accommodation" in text
    assert "High (" in text and "temporary accommodation" in text
    assert [r.get_text(strip=True) for r in html.select("#runs ~ table tbody tr td:nth-of-type(2)")] == [analyst.email]
    assert actions() == ["themes.run", "free_text.view"]


def _wait_for(run_id: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        db.session.expire_all()
        if db.session.get(ThemeRun, run_id).status in ("done", "failed"):
            return
        time.sleep(0.2)
    raise AssertionError("run did not finish")


def test_progress_page_refreshes_itself_until_the_run_ends(client, analyst):
    run = ThemeRun(scope="feedback:2026Q3", status="running", stage="sentiment")
    db.session.add(run)
    db.session.commit()
    response = client.get(f"/staff/themes/runs/{run.id}")
    assert response.headers["Refresh"] == "3"
    html = page(response)
    assert html.h1.get_text() == "Theming in progress"
    assert "Step 4 of 9: sentiment" in html.find(id="progress-stage").get_text()
    assert "Refresh" not in client.get(f"/staff/themes/runs/{run.id}?auto=off").headers
    # A second start while it runs goes to the same run.
    assert client.post(f"{Q3}/runs").location.endswith(f"/staff/themes/runs/{run.id}")
    run.status, run.stage, run.error = "failed", "stopped", "Theming stopped because of a problem on our side."
    run.finished_at = datetime(2026, 7, 1, 9)
    db.session.commit()
    response = client.get(f"/staff/themes/runs/{run.id}")
    assert "Refresh" not in response.headers
    assert "problem on our side" in page(response).select_one(".govuk-warning-text").get_text()


def test_confirm_and_correct_themes(client, analyst):
    first = add_feedback(HOUSING, WAITING)
    run_now(feedback_quarter("2026Q3"))
    helped, better = feedback_ref(first.id, "what_helped"), feedback_ref(first.id, "could_be_better")
    response = client.post(f"{Q3}/items/{helped}/confirm?page=1")
    assert response.location.endswith(f"{Q3}#item-f-{first.id}-what_helped")
    coding = db.session.scalar(select(StaffCoding).where(StaffCoding.ref == helped))
    assert "housing" in coding.codes and coding.coded_by_id == analyst.id

    form = page(client.get(f"{Q3}/items/{better}"))
    assert form.find(id="item-text").get_text() == WAITING
    assert form.find("input", attrs={"value": "access"}).has_attr("checked")
    response = client.post(f"{Q3}/items/{better}", data={})
    assert response.status_code == 400 and "or choose “No theme fits”" in response.get_data(as_text=True)
    response = client.post(f"{Q3}/items/{better}", data={"codes": ["none", "money"]})
    assert response.status_code == 400
    assert page(response).find("input", attrs={"value": "money"}).has_attr("checked")
    client.post(f"{Q3}/items/{better}", data={"codes": ["access", "information"]})
    assert db.session.scalar(select(StaffCoding.codes).where(StaffCoding.ref == better)) == ["access", "information"]
    client.post(f"{Q3}/items/{better}", data={"codes": ["none"]})
    db.session.expire_all()
    assert db.session.scalar(select(StaffCoding.codes).where(StaffCoding.ref == better)) == []
    assert actions().count("themes.code") == 3
    assert "learns from the 2 responses staff have coded" in page(client.get(Q3)).find(id="learning").get_text()
    unchecked = page(client.get(f"{Q3}?show=uncoded")).get_text()
    assert "0 responses not yet checked by staff" in unchecked
    assert client.get(f"{Q3}/items/a:99999").status_code == 404


def test_code_next_and_paging(client, analyst):
    for n in range(23):
        add_feedback(f"{POLICE} Visit {n}." if n % 2 else f"Visit {n} went fine.")
    run_now(feedback_quarter("2026Q3"))
    html = page(client.get(Q3))
    suggested = html.select("#code-next ~ ol a")
    # Nothing is coded yet, so a fair sample comes first (analysis.choose_to_code):
    # five different answers, not five wordings of one.
    texts = [a.get_text() for a in suggested]
    assert len(texts) == 5 and len(set(texts)) == 5
    assert "Page 1 of 2" in html.select_one(".govuk-pagination").get_text()
    second = page(client.get(f"{Q3}?page=2"))
    assert len(second.select(".govuk-summary-card")) == 3


def test_emergent_theme_added_to_the_codebook_or_dismissed(client, analyst):
    first = add_feedback("The car park barrier was broken again.")
    second = add_feedback("No parking spaces left by nine.")
    run = run_now(feedback_quarter("2026Q3"))
    refs = [feedback_ref(r.id, "what_helped") for r in (first, second)]
    parking = EmergentTheme(run=run, name="car park", terms=["parking", "car park"], size=7, refs=refs)
    fonts = EmergentTheme(run=run, name="website font", terms=["font"], size=5, refs=[])
    blank = EmergentTheme(run=run, name=" ", terms=[], size=12, refs=refs)  # as runs before issue 13 stored
    db.session.add_all([parking, fonts, blank])
    db.session.commit()
    html = page(client.get(Q3))
    assert len(html.select(".emergent-theme")) == 2 and html.find(id=f"emergent-{blank.id}") is None
    card = html.find(id=f"emergent-{parking.id}")
    assert card.h3.get_text() == "car park"
    # Staff read the (redacted) answers behind the name, not only its words.
    assert [p.get_text() for p in card.select(".emergent-example")] == [
        "“The car park barrier was broken again.”", "“No parking spaces left by nine.”"]
    assert "parking, car park" in card.get_text() and "Example" not in html.find(id=f"emergent-{fonts.id}").get_text()
    form = page(client.get(f"/staff/themes/emergent/{parking.id}/add"))
    assert form.find("input", attrs={"name": "label"})["value"] == "Car park"
    assert form.find("input", attrs={"name": "code"})["value"] == "car-park"
    assert form.find("textarea", attrs={"name": "include"}).get_text().strip() == "parking\ncar park"
    response = client.post(f"/staff/themes/emergent/{parking.id}/add",
                           data={"label": "Parking", "code": "car-park", "include": "parking\ncar park",
                                 "examples": "Nowhere to park at the hospital\nThe barrier was broken"})
    assert response.location.endswith("/staff/themes/codebook")
    assert theme("car-park").include == ["parking", "car park"]
    assert theme("car-park").examples == ["Nowhere to park at the hospital", "The barrier was broken"]
    client.post(f"/staff/themes/emergent/{fonts.id}/dismiss")
    db.session.expire_all()
    assert (parking.status, parking.added_as, fonts.status) == ("added", "car-park", "dismissed")
    assert client.post(f"/staff/themes/emergent/{fonts.id}/dismiss").status_code == 404
    assert actions()[-2:] == ["themes.emergent_add", "themes.emergent_dismiss"]


def test_answers_with_nothing_to_group_are_counted_per_question(client, analyst):
    for text in ("Nothing", "nothing really", "All fine", "n/a", "Ok"):
        add_feedback(text, better="Can't think of anything")
    run_now(feedback_quarter("2026Q3"))
    html = page(client.get(Q3))
    table = html.find(id="set-aside").find_next("table")
    rows = [[td.get_text() for td in tr.select("td")] for tr in table.tbody("tr")]
    assert sorted(rows) == [["What could be better?", "5"], ["What helped?", "5"]]
    assert html.find(id="emergent") is None


def test_codebook_add_with_kind_errors(client, analyst):
    html = page(client.get("/staff/themes/codebook"))
    assert len(html.select("#codebook tbody tr")) == 19
    response = client.post("/staff/themes/codebook/new",
                           data={"label": "  ", "code": "housing", "include": "online\n!!!"})
    assert response.status_code == 400
    text = page(response).select_one(".govuk-error-summary").get_text()
    assert "Enter a name for the theme" in text and "already a theme with the short name “housing”" in text
    assert "“!!!” has no words" in text
    assert "online\n!!!" in page(response).find("textarea", attrs={"name": "include"}).get_text()
    response = client.post("/staff/themes/codebook/new", data={"label": "x", "code": "Online Safety"})
    assert "lower-case letters" in response.get_data(as_text=True)
    client.post("/staff/themes/codebook/new", data={"label": "Online safety", "code": "online-safety",
                                                    "include": "spyware\n\ntracking app\nspyware"})
    assert theme("online-safety").include == ["spyware", "tracking app"]
    assert actions() == ["codebook.add"]


def test_codebook_edit_retire_restore(client, analyst):
    client.get("/staff/themes/codebook")
    form = page(client.get("/staff/themes/codebook/police/edit"))
    assert "arrest" in form.find("textarea", attrs={"name": "include"}).get_text().split("\n")
    client.post("/staff/themes/codebook/police/edit", data={"label": "Police", "description": "",
                                                            "include": "police\nofficer", "exclude": ""})
    assert (theme("police").label, theme("police").include) == ("Police", ["police", "officer"])
    client.post("/staff/themes/codebook/police/retire")
    assert theme("police").retired
    client.post("/staff/themes/codebook/police/restore")
    assert not theme("police").retired
    assert actions() == ["codebook.edit", "codebook.retire", "codebook.restore"]
    assert client.get("/staff/themes/codebook/nothing/edit").status_code == 404


def test_codebook_examples_are_edited_and_used_for_theming(client, analyst):
    from webapp.themes.codebook import current_codebook

    client.get("/staff/themes/codebook")
    form = page(client.get("/staff/themes/codebook/housing/edit"))
    shipped = form.find("textarea", attrs={"name": "examples"}).get_text().strip().split("\n")
    assert "The refuge was full so I had to go back to him" in shipped and len(shipped) >= 10
    too_long = client.post("/staff/themes/codebook/housing/edit", data={
        "label": "Housing", "include": "refuge", "examples": "x" * 10001})
    assert too_long.status_code == 400 and "10000 characters or fewer" in too_long.get_data(as_text=True)
    assert "x" * 10001 in page(too_long).find("textarea", attrs={"name": "examples"}).get_text()
    client.post("/staff/themes/codebook/housing/edit", data={
        "label": "Housing", "include": "refuge",
        "examples": "We slept in the car for a week\n\n  The hostel   was freezing \nWe slept in the car for a week"})
    assert theme("housing").examples == ["We slept in the car for a week", "The hostel was freezing"]
    book = current_codebook()
    assert book.themes[book.codes.index("housing")].examples == ("We slept in the car for a week",
                                                                 "The hostel was freezing")
    assert "examples" in db.session.scalars(select(AuditEvent.detail).order_by(AuditEvent.id)).all()[-1]


def test_merge_moves_staff_coding_and_refuses_bad_targets(client, analyst):
    client.get("/staff/themes/codebook")
    db.session.add(StaffCoding(ref="f:1:what_helped", codes=["staff-attitude", "believed"]))
    db.session.add(StaffCoding(ref="f:2:what_helped", codes=["staff-attitude", "police"]))
    db.session.commit()
    client.post("/staff/themes/codebook/health/retire")
    response = client.post("/staff/themes/codebook/staff-attitude/merge", data={"into": "staff-attitude"})
    assert response.status_code == 400 and "cannot be merged into itself" in response.get_data(as_text=True)
    assert page(response).find("option", selected=True)["value"] == "staff-attitude"
    response = client.post("/staff/themes/codebook/staff-attitude/merge", data={"into": "health"})
    assert "is retired" in response.get_data(as_text=True)
    response = client.post("/staff/themes/codebook/staff-attitude/merge", data={"into": "believed"})
    assert response.location.endswith("/staff/themes/codebook")
    merged = theme("staff-attitude")
    assert merged.retired and merged.merged_into == "believed"
    assert "rude" in theme("believed").include
    codes = dict(db.session.execute(select(StaffCoding.ref, StaffCoding.codes)).all())
    assert codes == {"f:1:what_helped": ["believed"], "f:2:what_helped": ["believed", "police"]}
    codebook = page(client.get("/staff/themes/codebook"))
    assert "Merged into Being heard" in codebook.find(id="theme-staff-attitude").get_text()
    assert actions()[-1] == "codebook.merge"


def test_the_last_theme_in_use_cannot_be_retired(client, analyst):
    client.get("/staff/themes/codebook")
    for row in db.session.scalars(select(ThemeCode).where(ThemeCode.code != "police")):
        row.retired = True
    db.session.commit()
    response = client.post("/staff/themes/codebook/police/retire", follow_redirects=True)
    assert "This is the last theme in use" in response.get_data(as_text=True)
    assert not theme("police").retired


def test_save_and_next_goes_to_the_next_uncoded_response(client, analyst):
    first, second, third = (add_feedback(f"{HOUSING} Visit {n}.") for n in range(3))
    refs = [feedback_ref(response.id, "what_helped") for response in (first, second, third)]
    db.session.add(StaffCoding(ref=refs[1], codes=["housing"]))  # already coded: skipped
    db.session.commit()
    form = page(client.get(f"{Q3}/items/{refs[0]}"))
    assert form.find("button", attrs={"name": "next"}).get_text(strip=True) == "Save and code the next response"
    response = client.post(f"{Q3}/items/{refs[0]}", data={"codes": ["housing"], "next": "1"})
    assert response.status_code == 302 and response.location.endswith(f"{Q3}/items/{refs[2]}")
    assert "Here is the next response" in page(client.get(response.location)).get_text()
    response = client.post(f"{Q3}/items/{refs[2]}", data={"codes": ["none"], "next": "1"})
    assert response.location.endswith(f"#item-f-{third.id}-what_helped")
    assert "Every response here has now been coded" in page(client.get(response.location)).get_text()


def test_duplicate_theme_names_are_refused(client, analyst):
    client.get("/staff/themes/codebook")
    police = theme("police").label
    response = client.post("/staff/themes/codebook/new", data={"label": f"  {police.upper()} ", "code": "police-2",
                                                               "include": "officer"})
    assert response.status_code == 400
    summary = page(response).select_one(".govuk-error-summary")
    assert f"There is already a theme called “{police}”" in summary.get_text()
    assert summary.find("a", href="#label")
    assert theme("police-2") is None
    other = page(client.get("/staff/themes/codebook")).select("#codebook tbody tr")
    assert len(other) == 19
    edited = client.post("/staff/themes/codebook/housing/edit", data={"label": police, "description": "",
                                                                     "include": "housing", "exclude": ""})
    assert edited.status_code == 400 and "already a theme called" in edited.get_data(as_text=True)
    assert theme("housing").label != police
    assert "codebook.add" not in actions() and "codebook.edit" not in actions()


def test_a_response_coded_only_with_a_theme_since_retired_asks_to_be_coded_again(client, analyst):
    response = add_feedback("Officers came round the same night", "Nothing")
    run_now(feedback_quarter("2026Q3"))
    ref = feedback_ref(response.id, "what_helped")
    client.post(f"{Q3}/items/{ref}", data={"codes": ["police"]})
    client.post("/staff/themes/codebook/police/retire")
    card = page(client.get(Q3)).find(id=f"item-f-{response.id}-what_helped").get_text(" ")
    label = theme("police").label
    assert f"Staff coded it as “{label}”, since retired from the codebook" in card
    assert "staff decided" not in card
    form = page(client.get(f"{Q3}/items/{ref}"))
    assert not form.find("input", attrs={"value": "none"}).has_attr("checked")
    assert "since retired from the codebook: choose its themes again" in form.get_text()


def test_a_theme_with_no_matching_words_says_how_it_was_found(client, analyst):
    first = add_feedback("I got a place to live that was safe for me and the kids")
    run_now(feedback_quarter("2026Q3"))
    rows = page(client.get(Q3)).find(id=f"item-f-{first.id}-what_helped").select("tbody tr")
    reasons = {row.select("td")[2].get_text() for row in rows}
    assert "None: learned from staff coding" not in reasons
    assert reasons <= {"None: found by meaning (the theme’s description and example answers)"} | {
        r for r in reasons if not r.startswith("None")}
