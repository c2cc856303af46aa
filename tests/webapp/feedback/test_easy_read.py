"""The Easy Read feedback journey (issue 16 part 4) through the Flask test client:
reached from the first screens, the same safety as the standard journey (the
safety interruption first, no cookie on a GET, redaction, put-back, danger help
first on the thank-you page, no-store), three-point answers with pictures stored
on the standard scale, each response marked as Easy Read; and every Easy Read
English sentence at most 15 words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from sqlalchemy import select

from tests.webapp.helpers import page, walk_to_check
from webapp.extensions import db
from webapp.feedback import easy_read as er
from webapp.feedback import forms as f
from webapp.feedback import questions as q
from webapp.feedback.models import FeedbackResponse
from webapp.i18n import SESSION_KEY

WEBAPP = Path(__file__).resolve().parents[3] / "webapp"
EASY_READ_FILES = (*sorted((WEBAPP / "templates" / "feedback" / "easy-read").glob("*.html")),
                   *sorted((WEBAPP / "templates" / "components").glob("easy-read-*.html")),
                   WEBAPP / "templates" / "journeys" / "check-easy-read.html")
EASY_READ_FORMS = (f.EasyReadServiceForm, f.EasyReadExperienceForm, f.EasyReadCommentsForm)
MOST_WORDS = 15


@pytest.fixture
def app_overrides():
    return {"LANGUAGES": ("en", "cy", "ur")}


def stored() -> list[FeedbackResponse]:
    return list(db.session.scalars(select(FeedbackResponse).where(FeedbackResponse.easy_read.is_(True))))


def walk_easy_read(client, what_helped="My worker listened.", could_be_better="Shorter waits."):
    """Answer every Easy Read step; return the check page response."""
    client.get("/feedback?step=service&read=easy")
    for data in ({"step": "service", "service": "outreach", "read": "easy"},
                 {"step": "experience", "ease": "difficult", "listened": "partly", "overall": "neither",
                  "read": "easy"},
                 {"step": "comments", "what_helped": what_helped, "could_be_better": could_be_better,
                  "read": "easy"}):
        response = client.post("/feedback", data=data)
        assert response.status_code == 303, (data["step"], response.get_data(as_text=True)[:2000])
    return client.get("/feedback")


def test_home_and_the_first_screen_link_to_easy_read(client, demo_data):
    for path in ("/", "/feedback"):
        link = page(client.get(path)).find("a", string="Easy Read version")
        assert link["href"] == "/feedback?read=easy", path


def test_the_service_question_keeps_each_versions_hint(app, demo_data):
    """Easy Read's service page is the standard one with a shorter hint."""
    hints = {}
    for version, path in (("easy", "/feedback?read=easy&step=service"), ("standard", "/feedback?step=service")):
        html = page(app.test_client().get(path, follow_redirects=True))
        hints[version] = html.select_one(".govuk-hint").get_text(strip=True)
        assert html.select("input[name=service]"), version
    assert hints == {"easy": "Choose one service. You can tell us about another one after.",
                     "standard": "Choose one. You can come back and tell us about another service afterwards."}


def test_easy_read_first_screen_is_its_safety_interruption_and_sets_no_cookie(client, demo_data):
    response = client.get("/feedback?read=easy")
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    html = page(response)
    assert html.h1.get_text() == "Before you start"
    assert html.find("main")["class"] == ["govuk-main-wrapper", "heard-easy-read"]
    text = html.get_text()
    assert "Exit this page" in text and "Shift key 3 times" in text
    assert "Leaving does not delete your browsing history." in text
    assert "To find this website again" in text
    assert html.find("a", string="Read more about staying safe online")["href"] == "/staying-safe-online"
    assert not html.find("form")
    assert html.find("a", string="Continue")["href"] == "/feedback?step=service&read=easy"
    # The language list keeps the reader in Easy Read.
    assert html.find("a", hreflang="cy")["href"] == "/feedback?read=easy&lang=cy"


def test_easy_read_journey_stores_one_redacted_response_marked_easy_read(app_context, client, demo_data):
    client.get("/feedback?step=service&read=easy")
    html = page(client.get("/feedback"))
    assert html.select_one("legend h1").get_text(strip=True) == er.QUESTION_TEXT["service"]
    assert html.find("input", attrs={"name": "read"})["value"] == "easy"
    assert "Step 1 of 4" in html.get_text()
    client.post("/feedback", data={"step": "service", "service": "outreach", "read": "easy"})
    html = page(client.get("/feedback"))
    legends = [legend.get_text(strip=True) for legend in html.select("legend")]
    assert legends == [er.QUESTION_TEXT[field] for field in q.RATING_FIELDS]
    # Three choices each, each with a decorative picture beside its words.
    for field in q.RATING_FIELDS:
        labels = html.select(f"input[name={field}] + label")
        pictured = [label for label in labels if label.find("svg")]
        assert [label.get_text(strip=True) for label in pictured] == [c.words for c in er.CHOICES[field]]
        assert all(label.svg["aria-hidden"] == "true" and label.svg["focusable"] == "false" for label in pictured)
    assert html.select_one("input[name=overall][value=prefer-not]")
    check = page(walk_easy_read(client, what_helped="My worker Sarah Jones rang me on 07700 900123."))
    assert check.h1.get_text() == "Check your answers"
    text = check.get_text()
    assert "[phone]" in text and "07700" not in text
    assert "Hard" in text and "Staff listened a bit" in text and "OK" in text
    assert "About you" not in text
    assert client.post("/feedback", data={"step": "check", "website": "", "read": "easy"}).status_code == 303
    thanks = page(client.get("/feedback"))
    assert "Thank you" in thanks.get_text()
    assert thanks.find("a", string="Tell us about another service")["href"] == "/feedback?step=service&read=easy"
    [row] = stored()
    assert (row.ease, row.listened, row.overall) == ("difficult", "partly", "neither")
    assert "Sarah" not in row.what_helped and "07700" not in row.what_helped
    assert row.service.slug == "outreach" and row.channel == "online"


def test_a_standard_response_is_not_marked_easy_read(app_context, client, demo_data):
    walk_to_check(client)
    client.post("/feedback", data={"step": "check", "website": ""})
    assert stored() == []


def test_overall_is_needed_in_easy_words_and_nothing_typed_is_lost(client, demo_data):
    client.get("/feedback?step=service&read=easy")
    client.post("/feedback", data={"step": "service", "service": "outreach", "read": "easy"})
    response = client.post("/feedback", data={"step": "experience", "ease": "easy", "read": "easy"})
    assert response.status_code == 400
    html = page(response)
    assert "Choose good, OK or bad." in html.select_one(".govuk-error-summary").get_text()
    assert html.select_one("input[name=ease][value=easy]").has_attr("checked")
    assert html.select_one(".govuk-error-summary a")["href"] == "#overall"
    assert html.find(id="overall")


def test_danger_words_lead_the_easy_read_thank_you_with_help(app_context, client, demo_data):
    walk_easy_read(client, could_be_better="He said he would kill me if I left and he has a knife.")
    client.post("/feedback", data={"step": "check", "read": "easy"})
    html = page(client.get("/feedback"))
    assert html.h1.get_text() == "If you are in danger now, call 999"
    assert "We cannot send you help, because we do not know who you are." in html.get_text()
    assert "press 55" in html.get_text()
    [row] = stored()
    assert row.risk_flagged and "threat_to_kill_or_harm" in row.risk_categories


@pytest.mark.parametrize("could_be_better, flagged", [
    # Round 32's lists: a Turkish danger statement, and a thank-you in Welsh the reader once flagged.
    ("Bu gece eve dönmek zorundayım, o çok sarhoş ve korkuyorum.", True),
    ("diolch", False),
])
def test_danger_in_another_language_leads_the_thank_you_with_help_and_thanks_do_not(
        app_context, client, demo_data, could_be_better, flagged):
    walk_easy_read(client, could_be_better=could_be_better)
    client.post("/feedback", data={"step": "check", "read": "easy"})
    html = page(client.get("/feedback"))
    assert (html.h1.get_text() == "If you are in danger now, call 999") is flagged
    [row] = stored()
    assert row.risk_flagged is flagged


def test_put_back_works_in_easy_read(app_context, client, demo_data):
    html = page(walk_easy_read(client, what_helped="Will, my caseworker, rang Darren's mum."))
    assert html.select_one("#put-back summary").get_text(strip=True) == "Did we take out a word by mistake?"
    assert "We put labels like [name] in their place." in html.get_text()
    [will] = [box["value"] for box in html.select("input[name=put_back]")
              if box.find_next("label").get_text(strip=True) == "Will (a name)"]
    client.post("/feedback", data={"step": "check", "put_back": will, "read": "easy"})
    assert "We put back 1 word" in page(client.get("/feedback")).get_text()
    client.post("/feedback", data={"step": "check", "website": "", "read": "easy"})
    [row] = stored()
    assert row.what_helped == "Will, my caseworker, rang [name]'s mum."
    assert row.restored_words == "what_helped\tname\tWill"


def test_a_page_posted_after_the_visit_ended_starts_again_in_easy_read(client, demo_data):
    response = client.post("/feedback", data={"step": "service", "service": "outreach", "read": "easy"})
    assert response.status_code == 303
    html = page(client.get("/feedback"))
    assert [legend.get_text(strip=True) for legend in html.select("legend")][0] == er.QUESTION_TEXT["ease"]


def test_choosing_easy_read_part_way_shows_its_interruption_then_keeps_the_answers(client, demo_data):
    client.get("/feedback?step=service")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    html = page(client.get("/feedback?read=easy"))
    assert html.select_one(".govuk-caption-l").get_text() == "Easy Read"
    client.get("/feedback?step=service&read=easy")
    html = page(client.get("/feedback"))
    assert html.select_one("legend h1").get_text(strip=True) == er.QUESTION_TEXT["service"]
    assert html.select_one("input[name=service][value=outreach]").has_attr("checked")
    assert "Step 1 of 4" in html.get_text()


def test_easy_read_answers_are_on_the_standard_scale():
    for field, choices in er.CHOICES.items():
        assert [c.picture for c in choices] == ["good", "ok", "bad"]
        assert {c.value for c in choices} <= {value for value, _ in q.CHOICES[field]}
    assert er.DECLINE[0] in dict(q.OVERALL)


# Sentence length -------------------------------------------------------------------------

def sentences(message: str) -> list[str]:
    """A message's sentences, its HTML tags and placeholders each read as one word at most."""
    text = re.sub(r"<[^>]+>", "", message)
    return [part for part in re.split(r"(?<=[.?!:])\s+", text.strip()) if part]


def words(sentence: str) -> int:
    return len([word for word in sentence.split() if re.search(r"\w", word)])


def easy_read_english(app) -> list[str]:
    """Every Easy Read English string: its templates, its questions and its forms' words."""
    found = [message for path in EASY_READ_FILES
             for _line, message, _comments, _context in extract_from_file(
                 "jinja2.ext:babel_extract", path, options={"extensions": "jinja2.ext.do"})]
    found += [message for _line, message, _comments, _context in extract_from_file(
        "python", WEBAPP / "feedback" / "easy_read.py", keywords={"N_": None})]
    with app.test_request_context():
        for form_class in EASY_READ_FORMS:
            for field in form_class():
                found += [str(field.label.text), str(field.description or "")]
                found += [str(getattr(v, "message", "") or "") for v in field.validators]
        found.append(str(f.EasyReadServiceForm.other_needed))
    return [message if isinstance(message, str) else message[0] for message in found if message]


def test_every_easy_read_sentence_has_at_most_15_words(app):
    messages = easy_read_english(app)
    assert len(messages) > 40
    too_long = [(sentence, words(sentence)) for message in messages for sentence in sentences(message)
                if words(sentence) > MOST_WORDS]
    assert too_long == []


@pytest.mark.parametrize("sentence,count", [
    ("Did staff listen to you, or not listen?", 8),
    ("If you stop, we delete your answers after %(journey_idle_minutes)s minutes.", 10),
    ('<a class="govuk-link" href="%(link)s">Easy Read version</a> with short sentences and pictures', 8),
])
def test_words_are_counted_as_a_reader_reads_them(sentence, count):
    [only] = sentences(sentence)
    assert words(only) == count


def test_easy_read_pages_in_welsh_leave_no_easy_read_english(app, client, demo_data):
    """Each Easy Read page chosen in Welsh (the choice joins the journey's session)."""
    english = {" ".join(sentence.split()) for message in easy_read_english(app) for sentence in sentences(message)
               if words(sentence) >= 3}
    shown = [page(client.get("/feedback?read=easy&lang=cy"))]
    client.get("/feedback?step=service&read=easy&lang=cy")
    with client.session_transaction() as session:
        assert session[SESSION_KEY] == "cy"
    shown.append(page(client.get("/feedback")))
    shown.append(page(client.post("/feedback", data={"step": "service", "read": "easy"})))  # the error
    for data in ({"step": "service", "service": "outreach"}, {"step": "experience", "overall": "good"},
                 {"step": "comments", "what_helped": "Will listened."}, {"step": "check", "website": ""}):
        client.post("/feedback", data={**data, "read": "easy"})
        shown.append(page(client.get("/feedback")))
    assert [html.html["lang"] for html in shown] == ["cy"] * 7
    left = {sentence for html in shown for sentence in english
            if sentence in " ".join(html.body.get_text(" ").split())}
    assert left == set()
