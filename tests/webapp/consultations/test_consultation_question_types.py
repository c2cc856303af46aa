"""The question types officers expect: "Other (please specify)", select lists,
grids, ranking, numbers, dates, 0 to 10 and labelled scales, information
between questions and character limits. Each is built, answered without
JavaScript, checked, stored, exported, summarised and shown to the group."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from tests.webapp.helpers import make_user, page, sign_in_as
from webapp.consultations import reporting, translations
from webapp.consultations.models import (
    Answer,
    Consultation,
    ConsultationPage,
    ConsultationResponse,
    Question,
)
from webapp.extensions import db

BASE = "/staff/consultations"
SLUG = "all-the-kinds"
URL = f"/c/{SLUG}"
AREAS = ["Barking", "Camden", "Croydon", "Ealing", "Enfield", "Hackney", "Harrow", "Islington",
         "Lambeth", "Lewisham", "Newham", "Southwark"]


def make_kinds(status: str = "open") -> Consultation:
    """A page of choices and a page of everything else."""
    today = date.today()
    consultation = Consultation(slug=SLUG, title="Every kind of question", status=status, audience="public",
                                opens_on=today - timedelta(days=1), closes_on=today + timedelta(days=30))
    choices = ConsultationPage(title="Choices", position=0)
    choices.questions += [
        Question(kind="single", text="How did you hear about us?", required=True, position=0,
                 options=["Leaflet", "Friend"], settings={"other": True}),
        Question(kind="multiple", text="What helped?", position=1, options=["Outreach", "Housing"],
                 settings={"other": True}),
        Question(kind="select", text="Which area do you live in?", required=True, position=2, options=AREAS),
    ]
    more = ConsultationPage(title="More", position=1)
    more.questions += [
        Question(kind="info", text="About your support", hint="The next questions are about support.\nTake your time.",
                 position=0),
        Question(kind="grid", text="How safe did you feel?", required=True, position=1,
                 options=["Safe", "Unsure", "Unsafe"], settings={"rows": ["At home", "Outside"]}),
        Question(kind="ranking", text="What matters most?", position=2, options=["Housing", "Money", "Children"]),
        Question(kind="number", text="How many times did you call?", position=3, settings={"min": 0, "max": 50}),
        Question(kind="date", text="When did support start?", position=4),
        Question(kind="scale10", text="How likely are you to recommend us?", position=5,
                 settings={"low_label": "Not at all likely", "high_label": "Extremely likely"}),
        Question(kind="agreement", text="Staff listened", position=6,
                 options=["Always", "Often", "Sometimes", "Rarely", "Never"]),
        Question(kind="free_text", text="Anything else?", char_limit=40, position=7),
    ]
    consultation.pages += [choices, more]
    db.session.add(consultation)
    db.session.commit()
    return consultation


def q(consultation: Consultation, text: str) -> Question:
    [found] = [question for question in consultation.questions if question.text == text]
    return found


def name(consultation: Consultation, text: str, suffix: str = "") -> str:
    return f"q{q(consultation, text).id}{suffix}"


@pytest.fixture
def kinds(app_context, app):
    return make_kinds()


def post(client, step, data, status=303):
    response = client.post(URL, data={"step": str(step), **data})
    assert response.status_code == status, response.get_data(as_text=True)[:4000]
    return response


CHOICES = {"How did you hear about us?": "Other", "What helped?": ["Housing", "Other"],
           "Which area do you live in?": "Lewisham"}


def choices_data(c, **overrides) -> dict:
    data = {name(c, text): value for text, value in CHOICES.items()}
    data[name(c, "How did you hear about us?", "_other")] = "A poster at the GP, ask Dr Sarah Jones"
    data[name(c, "What helped?", "_other")] = "My sister"
    return data | overrides


def more_data(c, **overrides) -> dict:
    return {name(c, "How safe did you feel?", "_r0"): "Unsure", name(c, "How safe did you feel?", "_r1"): "Safe",
            name(c, "What matters most?", "_i0"): "2", name(c, "What matters most?", "_i1"): "3",
            name(c, "What matters most?", "_i2"): "1",
            name(c, "How many times did you call?"): "12",
            name(c, "When did support start?"): ["3", "2", "2026"],
            name(c, "How likely are you to recommend us?"): "9",
            name(c, "Staff listened"): "Often",
            name(c, "Anything else?"): "Thank you."} | overrides


def answer_everything(client, c) -> None:
    client.get(f"{URL}?start=1")
    post(client, c.pages[0].id, choices_data(c))
    post(client, c.pages[1].id, more_data(c))


# Answering -------------------------------------------------------------------------------

def test_other_reveals_a_box_that_is_needed_once_chosen_and_redacted(client, kinds):
    c = kinds
    client.get(f"{URL}?start=1")
    html = page(client.get(URL))
    other = name(c, "How did you hear about us?", "_other")
    radio = html.find("input", attrs={"name": name(c, "How did you hear about us?"), "value": "Other"})
    # The box sits in the answer's conditional reveal, which only JavaScript hides.
    assert radio["data-aria-controls"]
    assert html.find(id=radio["data-aria-controls"]).find("input", attrs={"name": other})
    assert html.find("label", attrs={"for": radio["id"]}).get_text(strip=True) == "Other"
    checkbox = html.find("input", attrs={"name": name(c, "What helped?"), "value": "Other"})
    assert html.find(id=checkbox["data-aria-controls"]).find("input", attrs={"name": name(c, "What helped?", "_other")})

    refused = page(post(client, c.pages[0].id, choices_data(c, **{other: ""}), status=400))
    assert "Say what your other answer to \u201cHow did you hear about us?\u201d is" in refused.find(
        class_="govuk-error-summary").get_text()
    assert refused.find("input", attrs={"name": name(c, "Which area do you live in?")}) is None  # a select
    assert refused.find("select", attrs={"name": name(c, "Which area do you live in?")}).find(
        "option", selected=True)["value"] == "Lewisham"

    post(client, c.pages[0].id, choices_data(c))
    post(client, c.pages[1].id, more_data(c))
    html = page(client.get(URL))
    put_back = html.find(id="put-back").extract()  # the closed list of words the writer may put back
    assert "Sarah Jones" in put_back.get_text()
    check = html.get_text()
    assert "Other: A poster at the GP, ask [name]" in check and "Sarah Jones" not in check
    assert "Other: My sister" in check


def test_other_text_is_ignored_unless_other_is_chosen(client, kinds):
    c = kinds
    client.get(f"{URL}?start=1")
    post(client, c.pages[0].id, choices_data(c, **{name(c, "How did you hear about us?"): "Friend",
                                                   name(c, "What helped?"): ["Housing"]}))
    post(client, c.pages[1].id, more_data(c))
    check = page(client.get(URL)).get_text()
    assert "A poster" not in check and "My sister" not in check


def test_select_list_needs_an_answer_from_the_list(client, kinds):
    c = kinds
    client.get(f"{URL}?start=1")
    select_name = name(c, "Which area do you live in?")
    html = page(client.get(URL))
    options = [option["value"] for option in html.find("select", attrs={"name": select_name}).find_all("option")]
    assert options == ["", *AREAS]
    refused = page(post(client, c.pages[0].id, choices_data(c, **{select_name: ""}), status=400))
    assert "Choose an answer to: Which area do you live in?" in refused.find(class_="govuk-error-summary").get_text()
    assert refused.find(class_="govuk-error-summary").find("a")["href"] in (f"#{select_name}", f"#{select_name}_other")


def test_grid_is_a_radios_fieldset_per_statement_each_required(client, kinds):
    c = kinds
    client.get(f"{URL}?start=1")
    post(client, c.pages[0].id, choices_data(c))
    html = page(client.get(URL))
    grid = html.find(id=f"grid-{q(c, 'How safe did you feel?').id}")
    assert grid.find("h2").get_text(strip=True) == "How safe did you feel?"
    legends = [legend.get_text(strip=True) for legend in grid.find_all("legend")]
    assert legends == ["At home", "Outside"]
    assert len(grid.find_all("fieldset")) == 2 and len(grid.find_all("input", type="radio")) == 6
    refused = page(post(client, c.pages[1].id, more_data(c, **{name(c, "How safe did you feel?", "_r1"): ""}),
                        status=400))
    summary = refused.find(class_="govuk-error-summary")
    assert "Choose an answer for \u201cOutside\u201d" in summary.get_text()
    assert summary.find("a")["href"] == f"#{name(c, 'How safe did you feel?', '_r1')}"
    # What was typed elsewhere on the page is kept.
    assert refused.find("input", attrs={"name": name(c, "How many times did you call?")})["value"] == "12"
    assert refused.find("input", attrs={"name": name(c, "How safe did you feel?", "_r0"), "value": "Unsure"}).has_attr(
        "checked")


@pytest.mark.parametrize("ranks, message", [
    (["1", "1", "2"], "Give each one a different rank, from 1 to 3"),
    (["1", "", "2"], "Rank every one of them, from 1 to 3, or leave them all blank"),
], ids=["duplicate", "partial"])
def test_ranking_needs_a_different_rank_for_each(client, kinds, ranks, message):
    c = kinds
    client.get(f"{URL}?start=1")
    post(client, c.pages[0].id, choices_data(c))
    selects = {name(c, "What matters most?", f"_i{index}"): rank for index, rank in enumerate(ranks)}
    refused = page(post(client, c.pages[1].id, more_data(c, **selects), status=400))
    assert message in refused.find(class_="govuk-error-summary").get_text()
    fieldset = refused.find(id=f"ranking-{q(c, 'What matters most?').id}")
    assert fieldset.find("legend").get_text(strip=True) == "What matters most? (optional)"
    assert [label.get_text(strip=True) for label in fieldset.find_all("label")] == ["Housing", "Money", "Children"]
    kept = [select.find("option", selected=True) for select in fieldset.find_all("select")]
    assert [option["value"] if option else "" for option in kept] == ranks


def test_ranking_left_blank_when_optional(client, kinds):
    c = kinds
    client.get(f"{URL}?start=1")
    post(client, c.pages[0].id, choices_data(c))
    blank = {name(c, "What matters most?", f"_i{index}"): "" for index in range(3)}
    post(client, c.pages[1].id, more_data(c, **blank))


@pytest.mark.parametrize("typed, message", [
    ("lots", "Enter a number, like 12, for: How many times did you call?"),
    ("51", "Enter a number from 0 to 50"),
    ("-1", "Enter a number from 0 to 50"),
], ids=["not-a-number", "too-big", "too-small"])
@pytest.mark.one_database  # form checks, before anything is saved
def test_number_must_be_a_number_in_range(client, kinds, typed, message):
    c = kinds
    client.get(f"{URL}?start=1")
    post(client, c.pages[0].id, choices_data(c))
    html = page(client.get(URL))
    number = html.find("input", attrs={"name": name(c, "How many times did you call?")})
    assert number["inputmode"] == "decimal"
    assert "Enter a number from 0 to 50." in html.find(id=f"{number['id']}-hint").get_text()
    refused = page(post(client, c.pages[1].id, more_data(c, **{name(c, "How many times did you call?"): typed}),
                        status=400))
    assert message in refused.find(class_="govuk-error-summary").get_text()
    assert refused.find("input", attrs={"name": name(c, "How many times did you call?")})["value"] == typed


def test_date_is_three_boxes_and_must_be_real(client, kinds):
    c = kinds
    client.get(f"{URL}?start=1")
    post(client, c.pages[0].id, choices_data(c))
    date_name = name(c, "When did support start?")
    html = page(client.get(URL))
    boxes = html.find_all("input", attrs={"name": date_name})
    assert [box["id"] for box in boxes] == [date_name, f"{date_name}-month", f"{date_name}-year"]
    assert [html.find("label", attrs={"for": box["id"]}).get_text(strip=True) for box in boxes] == [
        "Day", "Month", "Year"]
    refused = page(post(client, c.pages[1].id, more_data(c, **{date_name: ["31", "2", "2026"]}), status=400))
    summary = refused.find(class_="govuk-error-summary")
    assert "Enter a real date, like 27 3 2026" in summary.get_text()
    assert summary.find("a")["href"] == f"#{date_name}"
    assert [box["value"] for box in refused.find_all("input", attrs={"name": date_name})] == ["31", "2", "2026"]


def test_scale_labels_its_ends_and_information_is_shown_without_an_answer(client, kinds):
    c = kinds
    client.get(f"{URL}?start=1")
    post(client, c.pages[0].id, choices_data(c))
    html = page(client.get(URL))
    scale = name(c, "How likely are you to recommend us?")
    labels = [html.find("label", attrs={"for": radio["id"]}).get_text(strip=True)
              for radio in html.find_all("input", attrs={"name": scale})]
    assert labels[0] == "0 – Not at all likely" and labels[-1] == "10 – Extremely likely" and len(labels) == 11
    agreement = [html.find("label", attrs={"for": radio["id"]}).get_text(strip=True)
                 for radio in html.find_all("input", attrs={"name": name(c, "Staff listened")})]
    assert agreement == ["Always", "Often", "Sometimes", "Rarely", "Never"]
    info = html.find(id=f"information-{q(c, 'About your support').id}")
    assert [p.get_text() for p in info.find_all("p")] == ["The next questions are about support.", "Take your time."]
    assert not html.find(attrs={"name": name(c, "About your support")})


def test_character_limit_is_counted_and_kept_without_javascript(client, kinds):
    c = kinds
    client.get(f"{URL}?start=1")
    post(client, c.pages[0].id, choices_data(c))
    html = page(client.get(URL))
    box = html.find("textarea", attrs={"name": name(c, "Anything else?")})
    assert box.find_parent(attrs={"data-module": "govuk-character-count"})["data-maxlength"] == "40"
    # The count's message is in the page, so the limit is said without JavaScript too.
    assert "You can enter up to 40 characters" in html.get_text()
    too_long = "x" * 41
    refused = page(post(client, c.pages[1].id, more_data(c, **{name(c, "Anything else?"): too_long}), status=400))
    assert "Keep your answer to 40 characters or fewer" in refused.find(class_="govuk-error-summary").get_text()
    assert refused.find("textarea", attrs={"name": name(c, "Anything else?")}).get_text().strip() == too_long


# Check your answers and what is stored ----------------------------------------------------

def test_check_answers_shows_each_kind_and_stores_it(client, kinds):
    c = kinds
    answer_everything(client, c)
    html = page(client.get(URL))
    rows = {row.find("dt").get_text(strip=True): row.find("dd").get_text("\n", strip=True)
            for row in html.find_all(class_="govuk-summary-list__row")}
    assert "About your support" not in rows  # information has no answer
    assert rows["How safe did you feel?"] == "At home: Unsure\nOutside: Safe"
    assert rows["What matters most?"] == "1. Children\n2. Housing\n3. Money"
    assert rows["When did support start?"] == "3 February 2026"
    assert rows["How many times did you call?"] == "12"
    assert rows["Which area do you live in?"] == "Lewisham"
    assert rows["How likely are you to recommend us?"] == "9"
    post(client, "check", {})
    db.session.expire_all()
    [response] = db.session.scalars(select(ConsultationResponse)).all()
    stored = {answer.question.text: answer for answer in response.answers}
    assert "About your support" not in stored
    assert stored["How did you hear about us?"].value == "Other"
    assert stored["How did you hear about us?"].other_text == "A poster at the GP, ask [name]"
    assert stored["What helped?"].values == ["Housing", "Other"]
    assert stored["What helped?"].other_text == "My sister"
    assert stored["How safe did you feel?"].values == ["Unsure", "Safe"]
    assert stored["What matters most?"].values == ["Children", "Housing", "Money"]
    assert stored["When did support start?"].value == "2026-02-03"
    assert stored["How many times did you call?"].value == "12"


def test_risk_words_in_other_text_flag_the_response(client, kinds):
    c = kinds
    client.get(f"{URL}?start=1")
    post(client, c.pages[0].id, choices_data(c, **{name(c, "What helped?", "_other"): "I want to kill myself"}))
    post(client, c.pages[1].id, more_data(c))
    post(client, "check", {})
    db.session.expire_all()
    [response] = db.session.scalars(select(ConsultationResponse)).all()
    assert response.risk_flagged


# Exports and summaries --------------------------------------------------------------------

def add_response(c, day: date, **answers) -> None:
    response = ConsultationResponse(consultation_id=c.id, submitted_on=day)
    for text, (value, other) in answers.items():
        response.answers.append(Answer(question=q(c, text), value="" if isinstance(value, list) else value,
                                       values=value if isinstance(value, list) else None, other_text=other))
    db.session.add(response)
    db.session.commit()


def many_responses(c, count: int = 6) -> None:
    for n in range(count):
        add_response(c, date(2026, 11, 2 + n),
                     **{"How did you hear about us?": ("Other" if n < 5 else "Leaflet", "=cmd" if n == 0 else ""),
                        "Which area do you live in?": ("Lewisham", ""),
                        "How safe did you feel?": (["Safe", "Unsure" if n else "Safe"], ""),
                        "What matters most?": (["Money", "Housing", "Children"], ""),
                        "How many times did you call?": (str(n * 5), ""),
                        "When did support start?": ("2026-02-03" if n < 5 else "2026-03-01", ""),
                        "How likely are you to recommend us?": ("9", "")})


@pytest.fixture
def signed_in(app_context, client, app):
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    return client


def test_csv_export_has_columns_for_other_text_statements_and_ranks(signed_in, kinds):
    c = kinds
    many_responses(c)
    body = b"".join(signed_in.get(f"{BASE}/{c.id}/export.csv").response).decode().lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 6
    header = list(rows[0])
    assert "About your support" not in header
    assert header[5:8] == ["How did you hear about us?", "How did you hear about us? (other)", "What helped?"]
    first = rows[0]
    assert first["How did you hear about us? (other)"] == "'=cmd"  # never a formula
    assert first["How safe did you feel?: At home"] == "Safe" and first["How safe did you feel?: Outside"] == "Safe"
    assert first["What matters most?: rank of Money"] == "1"
    assert first["What matters most?: rank of Children"] == "3"
    assert first["When did support start?"] == "2026-02-03"


def test_xlsx_export_has_a_sheet_for_each_new_kind(signed_in, kinds):
    from openpyxl import load_workbook

    c = kinds
    many_responses(c)
    workbook = load_workbook(io.BytesIO(signed_in.get(f"{BASE}/{c.id}/export.xlsx").get_data()))
    assert workbook.sheetnames == ["Single choice", "Multiple choice", "Select from a list (for long li",
                                   "Grid (the same answers for seve", "Ranking", "Number", "Date",
                                   "Scale from 0 to 10", "Agreement scale", "Free text"]
    grid = list(workbook["Grid (the same answers for seve"].values)
    assert grid[0][5:] == ("How safe did you feel?: At home", "How safe did you feel?: Outside")


def test_summaries_count_each_kind_and_hold_back_small_numbers(app, kinds):
    c = kinds
    many_responses(c)
    found = {summary.question.text: summary for summary in reporting.summaries(c)}
    assert "About your support" not in found
    heard = {row.label: row.shown for row in found["How did you hear about us?"].rows}
    # Leaflet 1 and Other 5 of 6: the 5 goes too, or the 1 could be worked out; and one "fewer than 5"
    # beside one "not shown" would still pin it (the other is 5 or more, so this is 1), so both say
    # only "not shown" (issue 14: neither may say "fewer than 5" of the 5).
    assert heard == {"Leaflet": "not shown", "Friend": "0", "Other": "not shown"}
    assert {row.label: row.shown for row in found["Which area do you live in?"].rows}["Lewisham"] == "6"
    grid = {section.label: {row.label: row.shown for row in section.rows}
            for section in found["How safe did you feel?"].sections}
    assert grid["At home"]["Safe"] == "6"
    assert grid["Outside"]["Unsure"] == "not shown" and grid["Outside"]["Safe"] == "not shown"
    ranking = {section.label: {row.label: row.shown for row in section.rows}
               for section in found["What matters most?"].sections}
    assert ranking["Money"] == {"1": "6", "2": "0", "3": "0"}
    months = [(row.label, row.shown) for row in found["When did support start?"].rows]
    assert months == [("February 2026", "not shown"), ("March 2026", "not shown")]
    bands = [row.label for row in found["How many times did you call?"].rows]
    assert bands == ["0 to 10", "11 to 21", "22 to 32", "33 to 43", "44 to 50"]
    assert {row.label: row.shown for row in found["How likely are you to recommend us?"].rows}["9"] == "6"


def test_responses_page_shows_grid_and_ranking_tables(signed_in, kinds):
    c = kinds
    many_responses(c)
    html = page(signed_in.get(f"{BASE}/{c.id}/responses"))
    section = html.find(id=f"question-{q(c, 'How safe did you feel?').id}")
    assert [h.get_text() for h in section.find_all("h4")] == ["At home", "Outside"]
    assert len(section.find_all("table")) == 2
    assert not html.find(id=f"question-{q(c, 'About your support').id}")


def test_the_board_summary_has_a_table_per_grid_statement_and_thing_ranked(client, kinds):
    c = kinds
    many_responses(c)
    sign_in_as(client, make_user("board@partnership.example", "board"))
    html = page(client.get(f"/staff/reports/summary/consultation:{c.slug}"))
    captions = [caption.get_text(strip=True) for caption in html.select(".heard-closed-question caption")]
    assert "How safe did you feel?: At home" in captions and "How safe did you feel?: Outside" in captions
    assert any(caption.startswith("What matters most?: ") for caption in captions)


def page_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_grid_percentages_read_as_every_other_table_does(client, kinds):
    """0% where people answered a statement and none chose that answer; "—" only where
    nobody answered the statement (or the count is withheld): the responses page, the
    board summary and the board pack alike."""
    from webapp.reports.pack import pack_html
    from webapp.themes.scope import consultation_scope

    c = kinds
    for n in range(6):  # everyone said "Safe" at home; nobody answered "Outside"
        add_response(c, date(2026, 11, 2 + n), **{"How safe did you feel?": (["Safe", ""], ""),
                                                  "Which area do you live in?": ("Lewisham", "")})
    expected = {"At home": [["Safe", "6", "100%"], ["Unsure", "0", "0%"], ["Unsafe", "0", "0%"]],
                "Outside": [["Safe", "0", "—"], ["Unsure", "0", "—"], ["Unsafe", "0", "—"]]}
    found = {s.question.text: s for s in reporting.summaries(c)}
    assert {section.label: [[row.label, row.shown, row.share] for row in section.rows]
            for section in found["How safe did you feel?"].sections} == expected
    # A single choice question reads the same: 0% for an answer nobody chose.
    assert [row.share for row in found["Which area do you live in?"].rows if row.label == "Camden"] == ["0%"]

    def tables(html, selector) -> dict[str, list[list[str]]]:
        return {table.caption.get_text(strip=True).split(": ")[-1]:
                [[cell.get_text(strip=True) for cell in tr.find_all(["th", "td"])] for tr in table.select("tbody tr")]
                for table in html.select(selector)
                if table.caption and table.caption.get_text(strip=True).startswith("How safe did you feel?")}

    sign_in_as(client, make_user("board@partnership.example", "board"))
    responses = page(client.get(f"{BASE}/{c.id}/responses"))
    grid = responses.find(id=f"question-{q(c, 'How safe did you feel?').id}")
    assert {h4.get_text(): [[cell.get_text(strip=True) for cell in tr.find_all(["th", "td"])]
                            for tr in h4.find_next("table").select("tbody tr")]
            for h4 in grid.find_all("h4")} == expected
    summary = page(client.get(f"/staff/reports/summary/consultation:{c.slug}"))
    assert tables(summary, ".heard-closed-question") == expected
    pack = page_of(pack_html(consultation_scope(c.slug)))
    assert tables(pack, "#closed-questions table") == expected


# The group's review ------------------------------------------------------------------------

def test_the_group_sees_every_kind_as_respondents_will(app_context, client, app):
    from tests.webapp.helpers import ACCESS_CODE
    from webapp.access_codes import hash_access_code

    c = make_kinds(status="review")
    c.access_code_hash = hash_access_code(ACCESS_CODE)
    db.session.commit()
    review = f"/review/{SLUG}"
    client.get(review)
    assert client.post(review, data={"step": "code", "code": ACCESS_CODE}).status_code == 303
    first = page(client.get(review))
    assert first.find("select", attrs={"name": name(c, "Which area do you live in?")})
    assert first.find("input", attrs={"name": name(c, "How did you hear about us?", "_other")})
    assert first.find("textarea", attrs={"name": f"comment-{q(c, 'How did you hear about us?').id}"})
    assert client.post(review, data={"step": "1"}).status_code == 303
    second = page(client.get(review))
    assert second.find(id=f"grid-{q(c, 'How safe did you feel?').id}")
    assert second.find(id=f"ranking-{q(c, 'What matters most?').id}")
    assert second.find(id=f"information-{q(c, 'About your support').id}")
    assert len(second.find_all("input", attrs={"name": name(c, "When did support start?")})) == 3


# Building --------------------------------------------------------------------------------

def draft_page(client) -> tuple[Consultation, int]:
    c = make_kinds(status="draft")
    return c, c.pages[1].id


def add(client, c, page_id, **values):
    data = {"kind": "free_text", "text": "Anything?", "hint": "", "options": "", "char_limit": "", "rows": "",
            "min": "", "max": "", "low_label": "", "high_label": ""} | values
    return client.post(f"{BASE}/{c.id}/pages/{page_id}/questions/new", data=data)


@pytest.mark.parametrize("values, settings, options", [
    ({"kind": "single", "options": "Leaflet\nFriend", "other": "y"}, {"other": True}, ["Leaflet", "Friend"]),
    ({"kind": "multiple", "options": "A\nB", "other": "y"}, {"other": True}, ["A", "B"]),
    ({"kind": "select", "options": "\n".join(AREAS)}, {}, AREAS),
    ({"kind": "grid", "options": "Yes\nNo", "rows": "At home\n\nOutside"}, {"rows": ["At home", "Outside"]},
     ["Yes", "No"]),
    ({"kind": "ranking", "options": "A\nB\nC"}, {}, ["A", "B", "C"]),
    ({"kind": "number", "min": "1", "max": "10"}, {"min": 1, "max": 10}, []),
    ({"kind": "date", "text": "When did support start?"}, {}, []),
    ({"kind": "scale10", "low_label": "Never", "high_label": "Always"},
     {"low_label": "Never", "high_label": "Always"}, []),
    ({"kind": "rating", "options": "Very poor\nPoor\nOK\nGood\nVery good"}, {},
     ["Very poor", "Poor", "OK", "Good", "Very good"]),
    ({"kind": "info", "text": "About you", "hint": "Why we ask.", "required": "y"}, {}, []),
], ids=["single-other", "multiple-other", "select", "grid", "ranking", "number", "date", "scale10",
        "rating-labels", "info"])
def test_builder_saves_each_kind_with_its_settings(signed_in, values, settings, options):
    c, page_id = draft_page(signed_in)
    response = add(signed_in, c, page_id, **values)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    db.session.expire_all()
    question = db.session.get(ConsultationPage, page_id).questions[-1]
    assert (question.kind, question.config, question.options) == (values["kind"], settings, options)
    assert question.required is False or values["kind"] != "info"
    edit = page(signed_in.get(f"{BASE}/{c.id}/questions/{question.id}"))
    if "rows" in values:
        assert edit.find("textarea", attrs={"name": "rows"}).get_text().strip() == "At home\nOutside"
    if values.get("other"):
        assert edit.find("input", attrs={"name": "other"}).has_attr("checked")
    if "min" in values:
        assert edit.find("input", attrs={"name": "min"})["value"] == "1"


@pytest.mark.parametrize("values, message", [
    ({"kind": "single", "options": "Leaflet\nOther", "other": "y"}, "Take \u201cOther\u201d out of the answers"),
    ({"kind": "grid", "options": "Yes\nNo"}, "Give at least one statement for the grid"),
    ({"kind": "ranking", "options": "\n".join(AREAS)}, "Give at most 10 things to rank"),
    ({"kind": "number", "min": "10", "max": "1"}, "The smallest number allowed must not be more than the largest"),
    ({"kind": "date", "text": "Your date of birth"}, "Heard never asks for a date of birth"),
    ({"kind": "date", "text": "When were you born?"}, "Heard never asks for a date of birth"),
    ({"kind": "date", "text": "Date", "hint": "Your DOB"}, "Heard never asks for a date of birth"),
    ({"kind": "agreement", "options": "Yes\nNo"}, "Give exactly 5 labels for the scale"),
], ids=["other-twice", "grid-no-rows", "ranking-too-many", "number-range", "date-of-birth", "born", "dob",
        "agreement-labels"])
@pytest.mark.one_database  # form checks, before anything is saved
def test_builder_refuses_what_cannot_work_and_keeps_what_was_typed(signed_in, values, message):
    c, page_id = draft_page(signed_in)
    response = add(signed_in, c, page_id, **values)
    assert response.status_code == 400
    html = page(response)
    assert message in html.find(class_="govuk-error-summary").get_text()
    assert html.find("input", attrs={"name": "text"})["value"] == values.get("text", "Anything?")


def test_builder_says_a_date_is_never_a_date_of_birth(signed_in):
    c, page_id = draft_page(signed_in)
    html = page(signed_in.post(f"{BASE}/{c.id}/pages/{page_id}/questions/new", data={"kind": "date", "choose": "y"}))
    assert "Never ask for a date of birth" in html.find(id="date-hint").get_text()


def builder_fields(html) -> set[str]:
    """The names of the question form's fields (the type's radios, hidden fields and buttons aside)."""
    form = html.find("input", attrs={"name": "kind"}).find_parent("form")
    return {tag["name"] for tag in form.find_all(["input", "textarea", "select"])
            if tag.get("type") not in ("hidden", "radio") and tag.get("name")}


def test_a_new_question_asks_for_its_type_first(signed_in):
    c, page_id = draft_page(signed_in)
    html = page(signed_in.get(f"{BASE}/{c.id}/pages/{page_id}/questions/new"))
    assert builder_fields(html) == set()
    assert [button.get_text(strip=True) for button in html.select("main form button")] == ["Continue"]


@pytest.mark.parametrize("kind, fields", [
    ("free_text", {"required", "char_limit"}),
    ("single", {"required", "options", "other"}),
    ("multiple", {"required", "options", "other"}),
    ("select", {"required", "options"}),
    ("agreement", {"required", "options"}),
    ("rating", {"required", "options"}),
    ("yes_no", {"required"}),
    ("grid", {"required", "options", "rows"}),
    ("ranking", {"required", "options"}),
    ("number", {"required", "min", "max"}),
    ("date", {"required"}),
    ("scale10", {"required", "low_label", "high_label"}),
    ("info", set()),
])
@pytest.mark.one_database  # the form shown, before anything is saved
def test_the_builder_shows_only_the_fields_a_type_uses(signed_in, kind, fields):
    c, page_id = draft_page(signed_in)
    html = page(signed_in.post(f"{BASE}/{c.id}/pages/{page_id}/questions/new", data={"kind": kind, "choose": "y"}))
    assert builder_fields(html) == {"text", "hint", "easy_read_text", "easy_read_hint"} | fields
    assert html.find("input", attrs={"name": "kind", "value": kind}).has_attr("checked")
    assert html.find("input", attrs={"name": "fields_for"})["value"] == kind
    assert bool(html.find(id="date-hint")) is (kind == "date")


def test_the_answers_box_and_wording_follow_the_type(signed_in):
    c, page_id = draft_page(signed_in)
    url = f"{BASE}/{c.id}/pages/{page_id}/questions/new"

    def label(kind, name):
        html = page(signed_in.post(url, data={"kind": kind, "choose": "y"}))
        return html.find("label", attrs={"for": name}).get_text(strip=True)

    assert label("ranking", "options") == "Things to rank"
    assert label("agreement", "options") == "Your own labels (optional)"
    assert label("single", "options") == "Answers to choose from"
    assert (label("info", "text"), label("info", "hint")) == ("Heading", "Text people read")


def test_saving_with_another_type_ticked_shows_its_fields_first(signed_in):
    c, page_id = draft_page(signed_in)
    url = f"{BASE}/{c.id}/pages/{page_id}/questions/new"
    count = len(db.session.get(ConsultationPage, page_id).questions)
    html = page(signed_in.post(url, data={"kind": "single", "fields_for": "number", "text": "How did you find us?",
                                          "min": "1", "submit": "Save question"}))
    assert builder_fields(html) == {"text", "hint", "easy_read_text", "easy_read_hint", "required", "options", "other"}
    assert "Fill in what a single choice question needs" in html.find(id="type-changed").get_text()
    assert html.find("input", attrs={"name": "text"})["value"] == "How did you find us?"
    db.session.expire_all()
    assert len(db.session.get(ConsultationPage, page_id).questions) == count
    saved = signed_in.post(url, data={"kind": "single", "fields_for": "single", "text": "How did you find us?",
                                      "options": "Leaflet\nFriend", "submit": "Save question"})
    assert saved.status_code == 302


def test_enter_in_a_text_box_saves_when_the_type_is_unchanged(signed_in):
    # Enter submits the form's first button, "Change type", as a browser does.
    c, page_id = draft_page(signed_in)
    url = f"{BASE}/{c.id}/pages/{page_id}/questions/new"
    saved = signed_in.post(url, data={"kind": "single", "fields_for": "single", "text": "How did you find us?",
                                      "options": "Leaflet\nFriend", "choose": "Change type"})
    assert saved.status_code == 302
    assert q(c, "How did you find us?") is not None


def test_editing_a_question_shows_its_own_fields(signed_in):
    c, _ = draft_page(signed_in)
    number = q(c, "How many times did you call?")
    html = page(signed_in.get(f"{BASE}/{c.id}/questions/{number.id}"))
    assert builder_fields(html) == {"text", "hint", "easy_read_text", "easy_read_hint", "required", "min", "max"}
    assert html.find("input", attrs={"name": "min"})["value"] == "0"


def condition_questions(html) -> list[str]:
    return [option.get_text() for option in html.find("select", attrs={"name": "show_if_question"}).find_all("option")]


def answers_offered(html) -> list[str]:
    return [box["value"] for box in html.select("input[name=show_if_answers]")]


def test_conditions_can_use_select_lists_and_scales(signed_in):
    c, page_id = draft_page(signed_in)
    html = page(signed_in.get(f"{BASE}/{c.id}/pages/{page_id}"))
    assert condition_questions(html) == ["Always show this page", "How did you hear about us?", "What helped?",
                                         "Which area do you live in?"]
    assert not html.select("input[name=show_if_answers]")  # no question chosen yet
    # Without JavaScript: choose the question, then its answers are there to tick.
    area = q(c, "Which area do you live in?").id
    chosen = page(signed_in.post(f"{BASE}/{c.id}/pages/{page_id}", data={
        "title": "More", "show_if_question": str(area), "choose": "Show its answers"}))
    assert answers_offered(chosen) == AREAS
    assert chosen.find("option", selected=True)["value"] == str(area)
    assert chosen.find("input", attrs={"name": "title"})["value"] == "More"
    db.session.expire_all()
    assert db.session.get(ConsultationPage, page_id).show_if_question_id is None  # nothing saved yet
    other = page(signed_in.post(f"{BASE}/{c.id}/pages/{page_id}", data={
        "title": "More", "show_if_question": str(q(c, "How did you hear about us?").id), "choose": "y"}))
    assert answers_offered(other) == ["Leaflet", "Friend", "Other"]


def test_only_questions_whose_answers_are_choices_can_show_a_page(signed_in):
    c = make_kinds(status="draft")
    # A third page: page 2 has a grid and a ranking (listed), and a number, a date, a 0 to 10
    # scale, an agreement scale, free text and information (typed answers cannot be matched).
    third = ConsultationPage(title="Later", position=2)
    c.pages.append(third)
    db.session.commit()
    html = page(signed_in.get(f"{BASE}/{c.id}/pages/{third.id}"))
    assert condition_questions(html) == [
        "Always show this page", "How did you hear about us?", "What helped?", "Which area do you live in?",
        "How safe did you feel?", "What matters most?", "How likely are you to recommend us?", "Staff listened"]


def test_a_page_with_no_choice_question_before_it_says_so(signed_in):
    c = make_kinds(status="draft")
    first = c.pages[0]
    for question in first.questions:
        question.kind, question.options, question.settings = "free_text", None, {}
    db.session.commit()
    html = page(signed_in.get(f"{BASE}/{c.id}/pages/{c.pages[1].id}"))
    assert not html.find("select", attrs={"name": "show_if_question"})
    assert "No question on an earlier page has answers to choose from" in \
        html.find(id="no-condition-questions").get_text()
    assert not page(signed_in.get(f"{BASE}/{c.id}/pages/{first.id}")).find("select", attrs={"name": "show_if_question"})


def test_a_chosen_question_needs_an_answer_ticked(signed_in):
    c, page_id = draft_page(signed_in)
    area = q(c, "Which area do you live in?")
    refused = signed_in.post(f"{BASE}/{c.id}/pages/{page_id}", data={"title": "More", "show_if_question": str(area.id)})
    assert refused.status_code == 400
    html = page(refused)
    assert "Tick at least one answer to \u201cWhich area do you live in?\u201d" in \
        html.find(class_="govuk-error-summary").get_text()
    assert answers_offered(html) == AREAS  # and now they are there to tick


# Conditions: "is one of" ----------------------------------------------------------------------

def test_a_page_can_be_shown_when_the_answer_is_one_of_several():
    from webapp.consultations.rules import PageRule, page_is_shown

    rule = PageRule(id=2, show_if_question_id=7, show_if_value="Camden\nHackney")
    assert page_is_shown(rule, {"7": "Hackney"}) and page_is_shown(rule, {"7": "Camden"})
    assert not page_is_shown(rule, {"7": "Lewisham"}) and not page_is_shown(rule, {})
    assert page_is_shown(rule, {"7": ["Lewisham", "Camden"]})  # multiple choice: any one of them


def condition_form(c, *answers: str) -> dict:
    return {"title": "More", "show_if_question": str(q(c, "Which area do you live in?").id),
            "show_if_answers": list(answers)}


def test_builder_saves_is_one_of_and_shows_it(signed_in):
    c, page_id = draft_page(signed_in)
    response = signed_in.post(f"{BASE}/{c.id}/pages/{page_id}", data=condition_form(c, "Camden", "Hackney", "Camden"))
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    db.session.expire_all()
    saved = db.session.get(ConsultationPage, page_id)
    assert saved.show_if_values == ("Camden", "Hackney")
    shown = page(signed_in.get(f"{BASE}/{c.id}"))
    assert ("Shown only if \u201cWhich area do you live in?\u201d is answered \u201cCamden\u201d or \u201cHackney\u201d"
            in shown.find(id=f"page-{page_id}").get_text())
    edit = page(signed_in.get(f"{BASE}/{c.id}/pages/{page_id}"))
    area = q(c, "Which area do you live in?").id
    assert edit.find("select", attrs={"name": "show_if_question"}).find("option", selected=True)["value"] == \
        str(area)
    ticked = [box["value"] for box in edit.find_all("input", attrs={"name": "show_if_answers"})
              if box.has_attr("checked")]
    assert ticked == ["Camden", "Hackney"]


def test_is_one_of_is_one_questions_answers_and_follows_renamed_answers(signed_in):
    c, page_id = draft_page(signed_in)
    # An answer ticked for another question (its choice was changed before saving) is dropped.
    assert signed_in.post(f"{BASE}/{c.id}/pages/{page_id}",
                          data=condition_form(c, "Camden", "Friend", "Hackney")).status_code == 302
    db.session.expire_all()
    assert db.session.get(ConsultationPage, page_id).show_if_values == ("Camden", "Hackney")
    area = q(c, "Which area do you live in?")
    renamed = "\n".join("Hackney Wick" if name == "Hackney" else name for name in AREAS)
    response = signed_in.post(f"{BASE}/{c.id}/questions/{area.id}", data={
        "kind": "select", "text": area.text, "hint": "", "options": renamed, "required": "y", "char_limit": ""})
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    db.session.expire_all()
    assert db.session.get(ConsultationPage, page_id).show_if_values == ("Camden", "Hackney Wick")
    removed = "\n".join(name for name in AREAS if name != "Camden")
    refused = signed_in.post(f"{BASE}/{c.id}/questions/{area.id}", data={
        "kind": "select", "text": area.text, "hint": "", "options": removed, "required": "y", "char_limit": ""})
    assert "\u201cCamden\u201d. Keep that answer" in page(refused).find(class_="govuk-error-summary").get_text()


@pytest.mark.parametrize("area, shown", [("Hackney", True), ("Camden", True), ("Lewisham", False)],
                         ids=["second-value", "first-value", "neither"])
def test_respondents_see_a_page_when_their_answer_is_one_of_its_values(app_context, client, app, area, shown):
    c = make_kinds()
    more = c.pages[1]
    more.show_if_question_id = q(c, "Which area do you live in?").id
    more.show_if_value = "Camden\nHackney"
    db.session.commit()
    client.get(f"{URL}?start=1")
    post(client, c.pages[0].id, choices_data(c, **{name(c, "Which area do you live in?"): area}))
    heading = page(client.get(URL)).h1.get_text(strip=True)
    assert heading == ("More" if shown else "Check your answers before sending")


def test_builder_lists_what_each_question_offers(signed_in):
    c, _ = draft_page(signed_in)
    html = page(signed_in.get(f"{BASE}/{c.id}"))
    text = " ".join(html.find(id=f"page-{c.pages[1].id}").get_text().split())
    assert "Statements: At home / Outside" in text
    assert "From 0 to 50" in text
    assert "0: Not at all likely / 10: Extremely likely" in text
    assert "Up to 40 characters" in text
    assert "Leaflet / Friend / Other (with a box to say what)" in " ".join(
        html.find(id=f"page-{c.pages[0].id}").get_text().split())


# Moderating what was typed with "Other" ------------------------------------------------------

def test_other_text_is_moderated_like_free_text(signed_in, kinds):
    c = kinds
    add_response(c, date(2026, 11, 2), **{"What helped?": (["Housing", "Other"], "My sister Ann in Leeds")})
    html = page(signed_in.get(f"{BASE}/{c.id}/moderation"))
    [card] = html.find_all(class_="govuk-summary-card")
    assert "My sister Ann in Leeds" in card.get_text() and "Other (please specify)" in card.get_text()
    assert not card.find("button", string=lambda text: text and "publication" in text)
    questions = [option.get_text() for option in html.find("select", id="question").find_all("option")]
    assert "What helped?" in questions
    answer = db.session.scalar(select(Answer).where(Answer.other_text != ""))
    redact_url = f"{BASE}/{c.id}/moderation/answers/{answer.id}/redact"
    form = page(signed_in.get(redact_url))
    version = form.find("input", attrs={"name": "version"})["value"]
    words = {form.find("label", attrs={"for": box["id"]}).get_text(strip=True): box["value"]
             for box in form.find_all("input", attrs={"name": "words"})}
    assert signed_in.post(redact_url, data={"version": version, "words": [words["Ann"], words["Leeds"]]}
                          ).status_code == 302
    db.session.expire_all()
    stored = db.session.get(Answer, answer.id)
    assert stored.other_text == "My sister [redacted] in [redacted]" and stored.values == ["Housing", "Other"]
    assert signed_in.post(f"{BASE}/{c.id}/moderation/answers/{answer.id}/publication").status_code == 404


def test_the_new_words_are_in_the_respondents_language(client, app, kinds):
    app.config["LANGUAGES"] = ("en", "cy")
    c = kinds
    # Offered in Welsh, every string "translated" as its English: Heard's own words are what is checked here.
    c.languages = "cy"
    sources = translations.all_sources(c)
    translations.save_part(c, "cy", sources, [source.source for source in sources])
    db.session.commit()
    client.get(f"{URL}?start=1")
    first = page(client.get(f"{URL}?lang=cy"))
    assert first.html["lang"] == "cy"
    radio = first.find("input", attrs={"name": name(c, "How did you hear about us?"), "value": "Other"})
    assert first.find("label", attrs={"for": radio["id"]}).get_text(strip=True) == "Arall"
    assert first.find("option", attrs={"value": ""}).get_text(strip=True) == "Dewiswch ateb"
    assert "What helped? (dewisol)" in first.get_text()
    post(client, c.pages[0].id, choices_data(c))
    second = page(client.get(URL))
    date_name = name(c, "When did support start?")
    assert [second.find("label", attrs={"for": box["id"]}).get_text(strip=True)
            for box in second.find_all("input", attrs={"name": date_name})] == ["Diwrnod", "Mis", "Blwyddyn"]
    refused = page(post(client, c.pages[1].id, more_data(c, **{name(c, "How many times did you call?"): "99"}),
                        status=400))
    assert "Rhowch rif o 0 i 50" in refused.find(class_="govuk-error-summary").get_text()


def test_a_grid_statement_can_show_a_page_and_follows_a_renamed_statement(signed_in, client):
    c, page_id = draft_page(signed_in)
    grid = q(c, "How safe did you feel?")
    # A third page, shown only if someone felt unsafe outside.
    third = ConsultationPage(title="Feeling unsafe", position=2)
    third.questions.append(Question(kind="free_text", text="What would help?", position=0))
    c.pages.append(third)
    db.session.commit()
    # (The grid is on page 2, so the condition goes on page 3.)
    edit = page(signed_in.get(f"{BASE}/{c.id}/pages/{third.id}"))
    assert "How safe did you feel?" in condition_questions(edit)
    chosen = page(signed_in.post(f"{BASE}/{c.id}/pages/{third.id}", data={
        "title": "Feeling unsafe", "show_if_question": str(grid.id), "choose": "y"}))
    assert "Outside \u2192 Unsafe" in answers_offered(chosen)
    assert signed_in.post(f"{BASE}/{c.id}/pages/{third.id}", data={
        "title": "Feeling unsafe", "show_if_question": str(grid.id),
        "show_if_answers": "Outside \u2192 Unsafe"}).status_code == 302
    response = signed_in.post(f"{BASE}/{c.id}/questions/{grid.id}", data={
        "kind": "grid", "text": grid.text, "hint": "", "options": "Safe\nUnsure\nUnsafe", "required": "y",
        "rows": "At home\nOut and about", "char_limit": ""})
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    db.session.expire_all()
    assert db.session.get(ConsultationPage, third.id).show_if_values == ("Out and about \u2192 Unsafe",)

    journey_consultation = db.session.get(Consultation, c.id)
    journey_consultation.status = "open"
    db.session.commit()
    client.get(f"{URL}?start=1")
    post(client, c.pages[0].id, choices_data(c))
    grid_rows = {name(c, "How safe did you feel?", "_r0"): "Safe", name(c, "How safe did you feel?", "_r1"): "Unsafe"}
    post(client, c.pages[1].id, more_data(c, **grid_rows))
    assert page(client.get(URL)).h1.get_text(strip=True) == "Feeling unsafe"


@pytest.mark.parametrize("ranks, shown", [(("2", "1", "3"), True), (("1", "2", "3"), False)],
                         ids=["money-first", "housing-first"])
def test_what_was_ranked_first_can_show_a_page(signed_in, client, ranks, shown):
    c, _ = draft_page(signed_in)
    ranking = q(c, "What matters most?")
    third = ConsultationPage(title="Money worries", position=2)
    third.questions.append(Question(kind="free_text", text="What would help with money?", position=0))
    c.pages.append(third)
    db.session.commit()
    assert signed_in.post(f"{BASE}/{c.id}/pages/{third.id}", data={
        "title": "Money worries", "show_if_question": str(ranking.id),
        "show_if_answers": "Money ranked first"}).status_code == 302
    db.session.get(Consultation, c.id).status = "open"
    db.session.commit()
    client.get(f"{URL}?start=1")
    post(client, c.pages[0].id, choices_data(c))
    # Housing, Money, Children
    post(client, c.pages[1].id, more_data(c, **{name(c, "What matters most?", f"_i{index}"): rank
                                                 for index, rank in enumerate(ranks)}))
    heading = page(client.get(URL)).h1.get_text(strip=True)
    assert heading == ("Money worries" if shown else "Check your answers before sending")
