"""Responses and moderation: summaries match hand-computed counts, moderation
changes the stored text and flags and is audited, exports are streamed,
well-formed, CSV-injection safe and leave hidden responses out unless asked."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from sqlalchemy import select

from tests.webapp.helpers import make_consultation, make_user, page, sign_in_as
from webapp.audit import ACTIONS, AuditEvent
from webapp.consultations import reporting
from webapp.consultations.models import Answer, ConsultationResponse
from webapp.extensions import db

BASE = "/staff/consultations"


def question(consultation, text):
    [found] = [q for q in consultation.questions if q.text == text]
    return found


def add_response(consultation, day: date, *, hidden: bool = False, **answers) -> ConsultationResponse:
    """answers: question text key (see KEYS) -> value (list for multiple choice)."""
    response = ConsultationResponse(consultation_id=consultation.id, submitted_on=day, hidden=hidden,
                                    hidden_reason="Spam: advert" if hidden else "")
    for key, value in answers.items():
        q = question(consultation, KEYS[key])
        response.answers.append(Answer(question=q, value="" if isinstance(value, list) else value,
                                       values=value if isinstance(value, list) else None))
    db.session.add(response)
    db.session.commit()
    return response


KEYS = {"refuge": "Did you stay in a refuge?", "services": "Which services did you use?",
        "like": "What was the refuge like?", "rating": "How would you rate support overall?",
        "matters": "What matters most now?", "else_": "Anything else?"}


@pytest.fixture
def fixture(app_context, app):
    """Five shown responses over two weeks (Mon 2 Nov and Mon 9 Nov 2026) and one hidden."""
    consultation = make_consultation()
    add_response(consultation, date(2026, 11, 2), refuge="Yes", services=["Outreach", "Housing"],
                 like="Calm and safe, [name] helped", rating="5", matters="Housing")
    add_response(consultation, date(2026, 11, 4), refuge="No", services=["Housing"], rating="4",
                 matters="Money")
    add_response(consultation, date(2026, 11, 8), refuge="Yes", services=["Police"], like="Noisy",
                 rating="5", matters="Housing")
    add_response(consultation, date(2026, 11, 10), refuge="Yes", like="Staff were kind", rating="3",
                 else_="=HYPERLINK(\"http://evil\")")
    add_response(consultation, date(2026, 11, 12), refuge="No", services=["Outreach", "Housing", "Police"])
    add_response(consultation, date(2026, 11, 12), hidden=True, refuge="Yes", services=["Police"],
                 like="Buy cheap watches", rating="1", matters="Children")
    return consultation


@pytest.fixture
def engagement(app_context, app):
    return make_user("eng@partnership.example", "engagement")


@pytest.fixture
def signed_in(client, engagement):
    sign_in_as(client, engagement)
    return client


def actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).where(AuditEvent.action.not_like("user.%"))
                                   .order_by(AuditEvent.id)))


def rows_of(summary):
    return {row.label: (row.count, row.percent) for row in summary.rows}


# Summaries -------------------------------------------------------------------------

def test_summaries_equal_hand_computed_counts(fixture):
    by_text = {s.question.text: s for s in reporting.summaries(fixture)}
    refuge = by_text[KEYS["refuge"]]
    assert refuge.answered == 5
    assert rows_of(refuge) == {"Yes": (3, 60), "No": (2, 40)}
    services = by_text[KEYS["services"]]
    assert services.answered == 4
    assert rows_of(services) == {"Outreach": (2, 50), "Housing": (3, 75), "Police": (2, 50)}
    rating = by_text[KEYS["rating"]]
    assert rating.answered == 4
    assert rows_of(rating) == {"1": (0, 0), "2": (0, 0), "3": (1, 25), "4": (1, 25), "5": (2, 50)}
    matters = by_text[KEYS["matters"]]
    assert rows_of(matters) == {"Housing": (2, 67), "Money": (1, 33), "Children": (0, 0)}
    agreement = by_text["I knew where to get help"]
    assert agreement.answered == 0 and all(row.count == 0 for row in agreement.rows)
    like = by_text[KEYS["like"]]
    assert like.answered == 3 and like.rows == []
    assert reporting.counts(fixture) == {"shown": 5, "hidden": 1}
    weeks = reporting.responses_per_week(fixture)
    # Counted, but released only as the board summary would release them.
    assert [(w.starts_on, w.count, w.shown, w.bar) for w in weeks] == [
        (date(2026, 11, 2), 3, "fewer than 5", ""), (date(2026, 11, 9), 2, "fewer than 5", "")]


def test_the_responses_page_releases_equality_and_weekly_counts_as_the_board_summary_does(app_context, app):
    """Issue 11: the page showed "Woman 3 100%" and "Week starting 30 November: 3"."""
    consultation = make_consultation("small-numbers")
    for n in range(12):
        add_response(consultation, date(2026, 11, 2 if n < 9 else 30), refuge="Yes" if n < 7 else "No",
                     matters="Housing" if n < 3 else "Money")
    client = app.test_client()
    sign_in_as(client, make_user("board@partnership.example", "board"))
    html = page(client.get(f"{BASE}/{consultation.id}/responses"))
    week_cells = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in html.select("#weeks tbody tr")}
    # 9 and 3 add up to the 12 shown above: the 9 would give the 3 away, so both go.
    assert set(week_cells.values()) <= {"fewer than 5", "not shown", "0"}
    assert "3" not in week_cells.values() and "9" not in week_cells.values()
    def cells(key):
        section = html.find(id=f"question-{question(consultation, KEYS[key]).id}")
        return [[c.get_text(strip=True) for c in row.find_all(["th", "td"])] for row in section.select("tbody tr")]
    assert cells("refuge") == [["Yes", "7", "58%"], ["No", "5", "42%"]]
    # 3 and 9 answered of 12: the 9 would give the 3 away, so it is withheld too. It is not
    # fewer than 5, so it reads "not shown" (issue 14), explained once on the page.
    assert cells("matters") == [["Housing", "fewer than 5", "—"], ["Money", "not shown", "—"],
                                ["Children", "0", "0%"]]
    assert "A number “not shown” is left out so that a small number elsewhere cannot be worked out" in html.get_text()
    assert "100%" not in html.get_text() and "3" not in [c for row in cells("matters") for c in row]


def test_bar_classes_round_to_steps_of_five():
    assert reporting.bar_class(0) == "heard-bar--0"
    assert reporting.bar_class(33) == "heard-bar--35"
    assert reporting.bar_class(67) == "heard-bar--65"
    assert reporting.bar_class(100) == "heard-bar--100"
    assert reporting.bar_class(140) == "heard-bar--100"


def test_responses_page_shows_numbers_beside_bars_and_no_free_text(app, fixture):
    board = make_user("board@partnership.example", "board")
    client = app.test_client()
    sign_in_as(client, board)
    response = client.get(f"{BASE}/{fixture.id}/responses")
    assert response.status_code == 200
    html = page(response)
    count = html.find(id="response-count").get_text()
    assert "5" in count and "fewer than 5 hidden" in count
    # Released as the board summary releases figures: under 5 (and what would give it away) withheld.
    week_cells = [row.find("td").get_text(strip=True) for row in html.find(id="weeks").select("tbody tr")]
    assert week_cells == ["fewer than 5", "fewer than 5"]
    refuge = html.find(id=f"question-{question(fixture, KEYS['refuge']).id}")
    cells = [[c.get_text(strip=True) for c in row.find_all(["th", "td"])] for row in refuge.select("tbody tr")]
    assert cells == [["Yes", "fewer than 5", "—"], ["No", "fewer than 5", "—"]]
    assert not refuge.select(".heard-bar__fill[class*=heard-bar--]")  # a bar would give the share away
    text = html.get_text()
    assert "Calm and safe" not in text and "Buy cheap watches" not in text
    assert not html.find(attrs={"style": True})
    assert "free_text.view" not in actions()
    # Board members have no export or moderation links.
    assert not html.find("a", href=f"{BASE}/{fixture.id}/export.csv")


def test_builder_page_links_to_responses(signed_in, fixture):
    html = page(signed_in.get(f"{BASE}/{fixture.id}"))
    links = html.find(id="responses-links")
    for path in ("responses", "moderation", "export.csv", "export.json"):
        assert links.find("a", href=f"{BASE}/{fixture.id}/{path}"), path


# Moderation ------------------------------------------------------------------------

def test_moderation_queue_lists_redacted_free_text_and_audits_the_view(signed_in, fixture):
    html = page(signed_in.get(f"{BASE}/{fixture.id}/moderation"))
    text = html.get_text()
    assert "Calm and safe, [name] helped" in text and "Buy cheap watches" in text
    assert len(html.select(".govuk-summary-card")) == 5
    assert actions() == ["free_text.view"]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "free_text.view"))
    assert "Calm" not in event.detail and event.actor_email == "eng@partnership.example"


def test_moderation_queue_names_the_danger_categories(signed_in, fixture):
    response = add_response(fixture, date(2026, 11, 13), like="He has a knife and says he will kill me")
    response.risk_flagged, response.risk_categories = True, "threat_to_kill_or_harm,weapons"
    db.session.commit()
    card = page(signed_in.get(f"{BASE}/{fixture.id}/moderation")).find(id=f"answer-{response.answers[0].id}")
    assert "Risk words: Threat to kill or harm, Weapons" in card.get_text()


def answer_with(value: str) -> Answer:
    """Answers are encrypted at rest, so they are found in Python, not by SQL."""
    [answer] = [a for a in db.session.scalars(select(Answer)) if a.value == value]
    return answer


def test_redact_more_replaces_chosen_words_and_is_audited(signed_in, fixture):
    answer = answer_with("Calm and safe, [name] helped")
    url = f"{BASE}/{fixture.id}/moderation/answers/{answer.id}/redact"
    html = page(signed_in.get(url))
    boxes = {box["value"]: box.find_next("label").get_text(strip=True)
             for box in html.select("input[type=checkbox][name=words]")}
    assert list(boxes.values()) == ["Calm", "and", "safe", "helped"]  # [name] is not offered
    version = html.find("input", attrs={"name": "version"})["value"]
    chosen = [value for value, word in boxes.items() if word in ("Calm", "safe")]
    response = signed_in.post(url, data={"words": chosen, "version": version})
    assert response.status_code == 302 and response.location.endswith(f"#answer-{answer.id}")
    db.session.refresh(answer)
    assert answer.value == "[redacted] and [redacted], [name] helped"
    assert actions() == ["free_text.view", "free_text.redact"]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "free_text.redact"))
    assert event.target == f"answer:{answer.id}" and "Calm" not in event.detail
    # A stale form (made from the old text) changes nothing.
    signed_in.post(url, data={"words": chosen, "version": version})
    db.session.refresh(answer)
    assert answer.value == "[redacted] and [redacted], [name] helped"
    # Choosing nothing is an error.
    assert signed_in.post(url, data={"version": reporting.text_version(answer.value)}).status_code == 400


def test_redact_words_merges_neighbours_and_keeps_markers():
    text = "I met John Smith at the [place] on Monday"
    found = dict(reporting.words(text))
    assert "place" not in found.values()
    chosen = {i for i, w in found.items() if w in ("John", "Smith", "Monday")}
    assert reporting.redact_words(text, chosen) == "I met [redacted] at the [place] on [redacted]"
    assert reporting.words("email jo.b@x.com now")[1] == (1, "jo.b@x.com")


def test_safeguarding_flag_toggles_and_is_audited(signed_in, fixture):
    response = db.session.scalar(select(ConsultationResponse).where(ConsultationResponse.hidden.is_(False)))
    url = f"{BASE}/{fixture.id}/moderation/responses/{response.id}/safeguarding"
    assert signed_in.post(url).status_code == 302
    db.session.refresh(response)
    assert response.safeguarding_flag is True
    signed_in.post(url)
    db.session.refresh(response)
    assert response.safeguarding_flag is False
    assert actions() == ["response.safeguarding_flag", "response.safeguarding_unflag"]
    assert set(actions()) <= set(ACTIONS)


def test_hide_needs_a_reason_then_unhide(signed_in, fixture):
    # The first day's (ids are random, so not "the lowest id"): it answered Yes.
    response = db.session.scalar(select(ConsultationResponse).where(ConsultationResponse.hidden.is_(False))
                                 .order_by(ConsultationResponse.submitted_on))
    hide = f"{BASE}/{fixture.id}/moderation/responses/{response.id}/hide"
    refused = signed_in.post(hide, data={"reason": "abuse", "detail": ""})
    assert refused.status_code == 400
    html = page(refused)
    # The error says what to do and the chosen reason is still chosen, in an open form.
    assert "Say why you are hiding it as abuse" in html.find(class_="govuk-error-summary").get_text()
    assert html.find("input", attrs={"name": "reason", "value": "abuse", "checked": True})
    assert html.find("details", attrs={"open": True})
    refused = signed_in.post(hide, data={"reason": "", "detail": "Threats"})
    assert refused.status_code == 400
    assert page(refused).find("input", attrs={"name": "detail", "value": "Threats"})
    db.session.refresh(response)
    assert response.hidden is False and "response.hide" not in actions()
    signed_in.post(hide, data={"reason": "abuse", "detail": "Threats to staff"})
    db.session.refresh(response)
    assert response.hidden is True and response.hidden_reason == "Abuse: Threats to staff"
    assert reporting.counts(fixture) == {"shown": 4, "hidden": 2}
    by_text = {s.question.text: s for s in reporting.summaries(fixture)}
    assert rows_of(by_text[KEYS["refuge"]])["Yes"] == (2, 50)
    signed_in.post(f"{BASE}/{fixture.id}/moderation/responses/{response.id}/unhide")
    db.session.refresh(response)
    assert response.hidden is False and response.hidden_reason == ""
    assert [a for a in actions() if a != "free_text.view"] == ["response.hide", "response.unhide"]
    assert set(actions()) <= set(ACTIONS)


def test_moderation_refuses_other_consultations_answers(signed_in, fixture):
    other = make_consultation("other-one")
    answer = answer_with("Noisy")
    assert signed_in.get(f"{BASE}/{other.id}/moderation/answers/{answer.id}/redact").status_code == 404
    assert signed_in.post(f"{BASE}/{other.id}/moderation/responses/{answer.response_id}/hide",
                          data={"reason": "spam", "detail": "x"}).status_code == 404


@pytest.mark.parametrize("role, allowed", [("admin", True), ("engagement", True), ("analyst", False),
                                           ("board", False)])
@pytest.mark.one_database  # who may open a page is decided before any query
def test_moderation_needs_moderate(app, fixture, role, allowed):
    client = app.test_client()
    sign_in_as(client, make_user(f"{role}@partnership.example", role))
    assert (client.get(f"{BASE}/{fixture.id}/moderation").status_code == 200) is allowed


# Exports ---------------------------------------------------------------------------

def read_csv(response) -> list[dict]:
    assert response.is_streamed
    return list(csv.DictReader(io.StringIO(b"".join(response.response).decode())))


def test_csv_export_is_streamed_redacted_and_excludes_hidden(signed_in, fixture):
    response = signed_in.get(f"{BASE}/{fixture.id}/export.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = read_csv(response)
    assert len(rows) == 5
    assert [r["submitted_on"] for r in rows] == ["2026-11-02", "2026-11-04", "2026-11-08", "2026-11-10", "2026-11-12"]
    assert rows[0][KEYS["services"]] == "Outreach; Housing"
    assert rows[0][KEYS["like"]] == "Calm and safe, [name] helped"
    assert rows[3][KEYS["else_"]] == "'=HYPERLINK(\"http://evil\")"
    assert rows[4][KEYS["like"]] == ""
    assert "hidden" not in rows[0]
    assert all("Buy cheap" not in value for row in rows for value in row.values())
    assert actions() == ["export.csv"]


def test_csv_export_can_include_hidden(signed_in, fixture):
    rows = read_csv(signed_in.get(f"{BASE}/{fixture.id}/export.csv?include_hidden=1"))
    assert len(rows) == 6
    [hidden] = [r for r in rows if r["hidden"] == "yes"]  # (ids are random: not by position within a day)
    assert hidden["hidden_reason"] == "Spam: advert" and hidden[KEYS["like"]] == "Buy cheap watches"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export.csv"))
    assert event and "hidden" in event.detail


def test_json_export_is_well_formed(signed_in, fixture):
    response = signed_in.get(f"{BASE}/{fixture.id}/export.json")
    assert response.status_code == 200 and response.mimetype == "application/json" and response.is_streamed
    data = json.loads(b"".join(response.response))
    assert data["consultation"]["title"] == fixture.title and data["include_hidden"] is False
    assert len(data["questions"]) == len(fixture.questions)
    assert len(data["responses"]) == 5
    services = str(question(fixture, KEYS["services"]).id)
    assert data["responses"][0]["answers"][services] == ["Outreach", "Housing"]
    assert data["responses"][0]["submitted_on"] == "2026-11-02"
    with_hidden = json.loads(b"".join(signed_in.get(f"{BASE}/{fixture.id}/export.json?include_hidden=1").response))
    assert len(with_hidden["responses"]) == 6 and [r["hidden"] for r in with_hidden["responses"]].count(True) == 1
    assert with_hidden["responses"][-1]["submitted_on"] == "2026-11-12"  # by day; random ids order a day's
    assert actions() == ["export.json", "export.json"]


def test_empty_consultation_exports_are_well_formed(signed_in, app):
    consultation = make_consultation("empty-one")
    assert read_csv(signed_in.get(f"{BASE}/{consultation.id}/export.csv")) == []
    data = json.loads(b"".join(signed_in.get(f"{BASE}/{consultation.id}/export.json").response))
    assert data["responses"] == []


@pytest.mark.parametrize("role, allowed", [("analyst", True), ("board", False)])
def test_export_needs_export(app, fixture, role, allowed):
    client = app.test_client()
    sign_in_as(client, make_user(f"{role}@partnership.example", role))
    assert (client.get(f"{BASE}/{fixture.id}/export.csv").status_code == 200) is allowed


def test_safe_cell():
    for dangerous in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1"):
        assert reporting.safe_cell(dangerous).startswith("'")
    assert reporting.safe_cell("Fine") == "Fine"


def test_spam_is_hidden_without_a_note(signed_in, fixture):
    response = db.session.scalar(select(ConsultationResponse).where(ConsultationResponse.hidden.is_(False)))
    done = signed_in.post(f"{BASE}/{fixture.id}/moderation/responses/{response.id}/hide", data={"reason": "spam"})
    assert done.status_code == 302
    db.session.refresh(response)
    assert response.hidden is True and response.hidden_reason == "Spam"


def test_moderation_filters_and_the_checked_state(signed_in, fixture):
    queue = f"{BASE}/{fixture.id}/moderation"
    like = answer_with("Noisy")
    flagged = like.response
    flagged.safeguarding_flag = True
    db.session.commit()

    def cards(query: str = "") -> list[str]:
        html = page(signed_in.get(queue + query))
        return [card.find(class_="heard-free-text").get_text() for card in html.select(".govuk-summary-card")]

    assert cards("?show=flagged") == ["Noisy"]
    assert cards("?show=hidden") == ["Buy cheap watches"]
    anything_else = question(fixture, KEYS["else_"]).id
    assert cards(f"?question={anything_else}") == ['=HYPERLINK("http://evil")']
    assert len(cards("?show=unchecked")) == 5
    # Marking as checked keeps the filter, shows a tag, and leaves the unchecked list.
    done = signed_in.post(f"{BASE}/{fixture.id}/moderation/responses/{flagged.id}/checked?show=unchecked")
    assert done.status_code == 302 and "show=unchecked" in done.location
    db.session.refresh(flagged)
    assert flagged.checked is True
    assert "Noisy" not in cards("?show=unchecked") and len(cards("?show=unchecked")) == 4
    html = page(signed_in.get(queue + "?show=flagged"))
    assert "Checked" in html.select_one(".govuk-summary-card .govuk-tag--green").get_text()
    assert "Mark as not checked" in html.select_one(".govuk-summary-card").get_text()
    assert html.find("select", id="show").find("option", selected=True)["value"] == "flagged"
    assert "response.checked" in actions()
    # An unknown filter shows every answer rather than failing.
    assert len(cards("?show=nonsense")) == 5


def test_csv_opens_in_excel_with_any_language(signed_in, fixture):
    words = "Zoë – café; Łódź, źle; شكرا لكم; Diolch yn fawr, ŵyr ŷd"
    add_response(fixture, date(2026, 11, 13), refuge="No", else_=words)
    raw = b"".join(signed_in.get(f"{BASE}/{fixture.id}/export.csv").response)
    assert raw.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte-order mark Excel looks for
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[-1][KEYS["else_"]] == words


def test_exports_carry_each_answers_themes_and_sentiment(signed_in, fixture):
    from tests.webapp.helpers import run_now
    from webapp.themes.models import StaffCoding, ThemeRunItem
    from webapp.themes.scope import consultation_scope

    themes_column, sentiment_column = f"{KEYS['like']} (themes)", f"{KEYS['like']} (sentiment)"
    # Before any theming run: the columns are there, and empty.
    rows = read_csv(signed_in.get(f"{BASE}/{fixture.id}/export.csv"))
    assert rows[0][themes_column] == "" and rows[0][sentiment_column] == ""
    run = run_now(consultation_scope(fixture.slug))
    like = answer_with("Calm and safe, [name] helped")
    noisy = answer_with("Noisy")
    found = {ref: (codes, sentiment) for ref, codes, sentiment in db.session.execute(
        select(ThemeRunItem.ref, ThemeRunItem.codes, ThemeRunItem.sentiment).where(ThemeRunItem.run_id == run.id))}
    db.session.add(StaffCoding(ref=f"a:{like.id}", codes=["housing"]))  # staff coding wins over the run's
    db.session.commit()
    rows = read_csv(signed_in.get(f"{BASE}/{fixture.id}/export.csv"))
    assert rows[0][themes_column] == "Housing, refuge and safe accommodation"  # the codebook's label
    assert rows[0][sentiment_column] == found[f"a:{like.id}"][1]  # the run's sentiment
    assert rows[2][sentiment_column] == found[f"a:{noisy.id}"][1]
    assert rows[1][themes_column] == "" and rows[1][sentiment_column] == ""  # no answer to that question
    data = json.loads(b"".join(signed_in.get(f"{BASE}/{fixture.id}/export.json").response))
    assert data["responses"][0]["themes"][str(like.question_id)] == {
        "themes": ["Housing, refuge and safe accommodation"], "sentiment": found[f"a:{like.id}"][1]}
    assert str(like.question_id) not in data["responses"][1]["themes"]


def test_xlsx_export_has_a_sheet_for_each_type_of_question(signed_in, fixture):
    from openpyxl import load_workbook

    from webapp.themes.models import StaffCoding

    add_response(fixture, date(2026, 11, 13), refuge="No", else_="Zoë – café =1+1")
    db.session.add(StaffCoding(ref=f"a:{answer_with('Calm and safe, [name] helped').id}", codes=["housing"]))
    db.session.commit()
    response = signed_in.get(f"{BASE}/{fixture.id}/export.xlsx")
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="support-after-leaving.xlsx"' in response.headers["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.get_data()))
    assert workbook.sheetnames == ["Yes or no", "Multiple choice", "Free text", "Agreement scale",
                                   "Rating from 1 to 5", "Single choice"]
    free_text = list(workbook["Free text"].values)
    assert free_text[0] == ("response", "submitted_on", "safeguarding_flag", "language", "easy_read", KEYS["like"],
                            f"{KEYS['like']} (themes)", f"{KEYS['like']} (sentiment)", KEYS["else_"],
                            f"{KEYS['else_']} (themes)", f"{KEYS['else_']} (sentiment)")
    assert len(free_text) == 1 + 6  # five shown responses and the new one; hidden left out
    assert free_text[-1][8] == "Zoë – café =1+1"
    assert free_text[1][6] == "Housing, refuge and safe accommodation"  # staff coding, as a column
    assert free_text[4][8] == "'=HYPERLINK(\"http://evil\")"  # never a formula in Excel either
    assert free_text[-1][9] is None and free_text[-1][10] is None  # not themed yet: empty cells
    assert "Buy cheap watches" not in str(free_text)
    assert list(workbook["Yes or no"].values)[1][5] == "Yes"
    # Response ids are text cells, so Excel keeps all their digits (as a number it keeps 15).
    ids = {str(response.id) for response in db.session.scalars(select(ConsultationResponse))}
    for sheet in workbook.worksheets:
        for (cell,) in sheet.iter_rows(min_row=2, max_col=1):
            assert cell.data_type == "s" and cell.number_format == "@" and cell.value in ids
    assert actions() == ["export.xlsx"]


def test_every_export_says_which_language_each_response_was_in_and_whether_it_was_easy_read(signed_in, fixture):
    from openpyxl import load_workbook

    welsh = add_response(fixture, date(2026, 11, 13), refuge="No")
    welsh.language = "cy"
    easy = add_response(fixture, date(2026, 11, 14), refuge="Yes")
    easy.easy_read = True
    db.session.commit()
    rows = read_csv(signed_in.get(f"{BASE}/{fixture.id}/export.csv"))
    assert [(row["language"], row["easy_read"]) for row in rows] == [("en", "no")] * 5 + [("cy", "no"), ("en", "yes")]
    data = json.loads(b"".join(signed_in.get(f"{BASE}/{fixture.id}/export.json").response))
    assert [(r["language"], r["easy_read"]) for r in data["responses"]][-2:] == [("cy", False), ("en", True)]
    workbook = load_workbook(io.BytesIO(signed_in.get(f"{BASE}/{fixture.id}/export.xlsx").get_data()))
    for sheet in workbook.worksheets:
        header, *cells = sheet.values
        assert header[3:5] == ("language", "easy_read")
        assert [row[3:5] for row in cells][-2:] == [("cy", "no"), ("en", "yes")]
    # With hidden responses too, the columns still line up with their headings.
    hidden = read_csv(signed_in.get(f"{BASE}/{fixture.id}/export.csv?include_hidden=1"))
    assert {row["hidden"] for row in hidden} == {"yes", "no"} and {row["language"] for row in hidden} == {"en", "cy"}


@pytest.mark.parametrize("role, moderate, export", [("analyst", False, True), ("board", False, False),
                                                    ("engagement", True, True)])
@pytest.mark.one_database  # links chosen by role; the pages' queries run on each database in the tests above
def test_results_page_links_to_what_each_role_may_open(app, fixture, role, moderate, export):
    client = app.test_client()
    sign_in_as(client, make_user(f"{role}@partnership.example", role))
    html = page(client.get(f"{BASE}/results"))
    assert html.find(id="staff-navigation").find("a", href=f"{BASE}/results")
    row = html.find(id="consultation-results")
    assert row.find("a", href=f"{BASE}/{fixture.id}/responses")
    assert bool(row.find("a", href=f"{BASE}/{fixture.id}/moderation")) is moderate
    for kind in ("xlsx", "csv", "json"):
        assert bool(row.find("a", href=f"{BASE}/{fixture.id}/export.{kind}")) is export
    responses = page(client.get(f"{BASE}/{fixture.id}/responses"))
    assert bool(responses.find("a", href=f"{BASE}/{fixture.id}/export.xlsx")) is export
