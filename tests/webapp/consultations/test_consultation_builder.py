"""The staff builder: details and access codes, pages and questions, reordering,
the question bank, duplicating, a preview that stores nothing, the meaning lock
and the lifecycle, every change audited."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.webapp.helpers import field, make_consultation, make_user, page, page_id, sign_in_as
from webapp.audit import ACTIONS, AuditEvent
from webapp.consultations.lifecycle import TRANSITION_ACTIONS
from webapp.consultations.models import Consultation, ConsultationResponse, Question, WordingChange
from webapp.extensions import db

BASE = "/staff/consultations"


@pytest.fixture
def staff(app_context, app):
    return make_user("eng@partnership.example", "engagement")


@pytest.fixture
def signed_in(client, staff):
    sign_in_as(client, staff)
    return client


def actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def date_parts(day: date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]


def create(client, title: str = "Support after leaving", audience: str = "public", **dates) -> Consultation:
    today = date.today()
    data = {"title": title, "introduction": "Why we ask.", "audience": audience,
            "opens_on": date_parts(dates.get("opens_on", today)),
            "closes_on": date_parts(dates.get("closes_on", today + timedelta(days=30))),
            "results_due_on": ["", "", ""], "results_where": "on this site"}
    response = client.post(f"{BASE}/new", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    return db.session.scalar(select(Consultation).where(Consultation.title == title))


def add_page(client, consultation, title: str):
    response = client.post(f"{BASE}/{consultation.id}/pages")
    assert response.status_code == 302
    page_id = int(response.location.rsplit("/", 1)[1])
    assert client.post(response.location, data={"title": title, "show_if_question": ""}).status_code == 302
    return page_id


def add_question(client, consultation, page_id: int, **values):
    data = {"kind": "free_text", "text": "Anything else?", "hint": "", "options": "", "char_limit": ""} | values
    return client.post(f"{BASE}/{consultation.id}/pages/{page_id}/questions/new", data=data)


def test_index_lists_by_status_and_nav_links_to_it(signed_in, app):
    make_consultation("open-one")
    make_consultation("draft-one", status="draft")
    html = page(signed_in.get(BASE))
    assert html.find(id="status-open") and html.find(id="status-draft")
    assert html.find("a", string="Create a consultation")
    nav = html.find(id="staff-navigation")
    assert nav.find("a", href=BASE)


def test_group_consultation_shows_its_access_code_once(signed_in):
    consultation = create(signed_in, title="Family courts", audience="group")
    html = page(signed_in.get(f"{BASE}/{consultation.id}"))
    code = html.find(id="access-code").get_text()
    assert consultation.access_code_matches(code) and code not in consultation.access_code_hash
    assert not page(signed_in.get(f"{BASE}/{consultation.id}")).find(id="access-code")
    signed_in.post(f"{BASE}/{consultation.id}/access-code")
    new_code = page(signed_in.get(f"{BASE}/{consultation.id}")).find(id="access-code").get_text()
    db.session.refresh(consultation)
    assert consultation.access_code_matches(new_code) and not consultation.access_code_matches(code)
    assert actions()[-2:] == ["consultation.create", "consultation.access_code"] or \
        "consultation.access_code" in actions()


def test_details_errors_keep_what_was_typed(signed_in):
    response = signed_in.post(f"{BASE}/new", data={"title": "", "introduction": "Kept words", "audience": "public",
                                                   "opens_on": ["2", "3", "2027"], "closes_on": ["1", "3", "2027"]})
    assert response.status_code == 400
    html = page(response)
    summary = html.find(class_="govuk-error-summary").get_text()
    assert "Enter a title" in summary and "closing date must be on or after" in summary
    assert html.find("textarea", attrs={"name": "introduction"}).get_text().strip() == "Kept words"


def test_pages_questions_reorder_and_show_if(signed_in):
    consultation = create(signed_in)
    first = add_page(signed_in, consultation, "Your support")
    assert add_question(signed_in, consultation, first, kind="yes_no", text="Did you stay in a refuge?",
                        required="y").status_code == 302
    assert add_question(signed_in, consultation, first, kind="single", text="Which area?",
                        options="North\nSouth\n\nNorth").status_code == 302
    second = add_page(signed_in, consultation, "The refuge")
    add_question(signed_in, consultation, second, text="What was it like?", char_limit="300")
    db.session.expire_all()
    refuge, area = consultation.pages[0].questions
    assert area.options == ["North", "South"] and refuge.required
    assert consultation.pages[1].questions[0].char_limit == 300

    edit_second = f"{BASE}/{consultation.id}/pages/{second}"
    options = [o["value"] for o in page(signed_in.get(edit_second)).select("select option")]
    assert options == ["", str(refuge.id), str(area.id)]
    assert signed_in.post(edit_second, data={"title": "The refuge", "show_if_question": str(refuge.id),
                                             "show_if_answers": "Yes"}).status_code == 302
    db.session.expire_all()
    assert consultation.pages[1].show_if_question_id == refuge.id

    signed_in.post(f"{BASE}/{consultation.id}/questions/{area.id}/move", data={"value": "up"})
    db.session.expire_all()
    assert [q.text for q in consultation.pages[0].questions] == ["Which area?", "Did you stay in a refuge?"]

    # Moving the conditional page above its question is refused, with the reason; the condition stays.
    refused = signed_in.post(f"{BASE}/{consultation.id}/pages/{second}/move", data={"value": "up"},
                             follow_redirects=True)
    assert "Page 2 (\u201cThe refuge\u201d) is shown only after an answer on page 1" in page(refused).get_text()
    db.session.expire_all()
    assert [p.title for p in consultation.pages] == ["Your support", "The refuge"]
    assert consultation.pages[1].show_if_question_id == refuge.id
    # A move that keeps every condition after its answer is allowed.
    third = add_page(signed_in, consultation, "Looking ahead")
    signed_in.post(f"{BASE}/{consultation.id}/pages/{third}/move", data={"value": "up"})
    db.session.expire_all()
    assert [p.title for p in consultation.pages] == ["Your support", "Looking ahead", "The refuge"]
    assert consultation.pages[2].show_if_question_id == refuge.id

    signed_in.post(f"{BASE}/{consultation.id}/questions/{area.id}/delete")
    db.session.expire_all()
    assert [q.text for q in consultation.pages[0].questions] == ["Did you stay in a refuge?"]
    assert {"consultation.page_add", "consultation.question_add", "consultation.page_edit",
            "consultation.question_move", "consultation.page_move", "consultation.question_delete"} <= set(actions())


def test_question_kind_errors_are_kind_and_keep_typed_values(signed_in):
    consultation = create(signed_in)
    first = add_page(signed_in, consultation, "Page one")
    response = add_question(signed_in, consultation, first, kind="single", text="Pick one", options="Only one")
    assert response.status_code == 400
    html = page(response)
    assert "Give at least 2 answers" in html.find(class_="govuk-error-summary").get_text()
    assert html.find("input", attrs={"name": "text"})["value"] == "Pick one"
    response = add_question(signed_in, consultation, first, kind="", text="")
    summary = page(response).find(class_="govuk-error-summary").get_text()
    assert "Choose a type of question" in summary and "Enter the question" in summary


def test_question_bank_adds_optional_equality_questions(signed_in):
    consultation = create(signed_in)
    first = add_page(signed_in, consultation, "About you")
    response = signed_in.post(f"{BASE}/{consultation.id}/pages/{first}/question-bank",
                              data={"questions": ["age_band", "gender"]})
    assert response.status_code == 302
    db.session.expire_all()
    age, gender = consultation.pages[0].questions
    assert age.text == "How old are you?" and not age.required
    assert "Prefer not to say" in age.options and "Prefer not to say" in gender.options


def test_duplicate_copies_pages_questions_and_conditions_as_a_draft(signed_in, app):
    original = make_consultation()
    response = signed_in.post(f"{BASE}/{original.id}/duplicate")
    copy = db.session.get(Consultation, int(response.location.rsplit("/", 1)[1]))
    assert copy.status == "draft" and copy.title.endswith("(copy)") and copy.slug != original.slug
    assert [p.title for p in copy.pages] == [p.title for p in original.pages]
    assert len(copy.questions) == len(original.questions)
    assert copy.pages[1].show_if_question_id == copy.pages[0].questions[0].id
    assert not copy.responses and copy.opens_on is None
    assert "consultation.duplicate" in actions()


def test_preview_follows_the_route_with_before_you_start_and_check_answers(signed_in, app):
    consultation = make_consultation(status="draft", audience="group")
    url = f"{BASE}/{consultation.id}/preview"
    start = page(signed_in.get(url))
    assert start.h1.get_text() == "Before you start" and "Nothing you enter is sent" in start.get_text()
    assert start.find("a", string="Continue")["href"] == f"{url}?start=1"
    assert signed_in.get(f"{url}?start=1").status_code == 303
    html = page(signed_in.get(url))  # a group consultation's preview needs no access code
    assert html.h1.get_text() == "Your support" and "Page 1 of 2" in html.get_text()
    missing = signed_in.post(url, data={"step": html.find("input", attrs={"name": "step"})["value"]})
    assert missing.status_code == 400
    assert "Choose an answer to: Did you stay in a refuge?" in page(missing).get_text()
    first = page_id(consultation, "Your support")
    # "No" skips the refuge page, as it would for a respondent.
    signed_in.post(url, data={"step": first, field(consultation, "Did you stay in a refuge?"): "No"})
    html = page(signed_in.get(url))
    assert html.h1.get_text() == "Looking ahead" and "Page 2 of 2" in html.get_text()
    signed_in.post(url, data={"step": page_id(consultation, "Looking ahead"),
                              field(consultation, "Anything else?"): "Call Jo on 07700 900123"})
    check = page(signed_in.get(url))
    assert check.h1.get_text() == "Check your answers before sending"
    assert "The refuge" not in check.get_text() and "07700 900123" not in check.get_text()
    # Changing the answer to "Yes" brings the refuge page into the route.
    signed_in.get(f"{url}?page={first}")
    signed_in.post(url, data={"step": first, field(consultation, "Did you stay in a refuge?"): "Yes"})
    assert page(signed_in.get(url)).h1.get_text() == "The refuge"
    signed_in.post(url, data={"step": page_id(consultation, "The refuge"),
                              field(consultation, "What was the refuge like?"): "Safe"})
    assert page(signed_in.get(url)).h1.get_text() == "Check your answers before sending"
    done = signed_in.post(url, data={"step": "check"}, follow_redirects=True)
    assert "That was the end of the preview" in page(done).get_text()
    assert db.session.scalars(select(ConsultationResponse)).all() == []
    with signed_in.session_transaction() as session:
        assert not [key for key in session if key.startswith(("consultation:", "preview:"))]
    db.session.expire_all()
    assert not any(q.meaning_locked for q in consultation.questions)


def test_meaning_lock_allows_recorded_wording_changes_only(signed_in, staff, app):
    consultation = make_consultation()
    question = next(q for q in consultation.questions if q.text == "What matters most now?")
    question.meaning_locked = True
    db.session.commit()
    url = f"{BASE}/{consultation.id}/questions/{question.id}"
    assert "People have answered this question" in page(signed_in.get(url)).get_text()
    base = {"kind": "single", "text": question.text, "hint": "", "options": "Housing\nMoney\nChildren",
            "char_limit": ""}
    refused = signed_in.post(url, data=base | {"options": "Housing\nMoney"})
    assert refused.status_code == 400
    assert "cannot change" in page(refused).find(class_="govuk-error-summary").get_text()
    db.session.expire_all()
    assert db.session.get(Question, question.id).options == ["Housing", "Money", "Children"]
    assert signed_in.post(url, data=base | {"text": "What matters most to you now?"}).status_code == 302
    [change] = db.session.scalars(select(WordingChange)).all()
    assert (change.field, change.old, change.new) == ("text", "What matters most now?", "What matters most to you now?")
    assert change.changed_by.email == staff.email
    assert "What matters most now?" in page(signed_in.get(url)).find(id="wording-changes").get_text()


def test_structure_is_fixed_once_open(signed_in, app):
    consultation = make_consultation()
    response = signed_in.post(f"{BASE}/{consultation.id}/pages")
    assert response.status_code == 302
    html = page(signed_in.get(response.location))
    assert "only be added, removed or reordered" in html.find(class_="govuk-error-summary").get_text()
    assert len(db.session.get(Consultation, consultation.id).pages) == 3


def test_lifecycle_moves_forward_and_is_audited(signed_in, app):
    consultation = create(signed_in, title="Lifecycle")
    url = f"{BASE}/{consultation.id}/status"
    refused = signed_in.post(url, data={"value": "review"}, follow_redirects=True)
    assert "Add at least one question first" in page(refused).get_text()
    first = add_page(signed_in, consultation, "Page")
    add_question(signed_in, consultation, first)
    assert "cannot be moved" in page(signed_in.post(url, data={"value": "closed"}, follow_redirects=True)).get_text()
    for target in ("review", "draft", "review", "open", "closed", "published"):
        signed_in.post(url, data={"value": target})
        db.session.expire_all()
        assert db.session.get(Consultation, consultation.id).status == target
    assert db.session.get(Consultation, consultation.id).results_published_on == date.today()
    assert [a for a in actions() if a in TRANSITION_ACTIONS.values()] == [
        "consultation.send_for_review", "consultation.back_to_draft", "consultation.send_for_review",
        "consultation.open", "consultation.close", "consultation.publish"]
    assert set(actions()) <= set(ACTIONS)
    assert page(signed_in.get(f"/c/{consultation.slug}")).h1.get_text() == "This consultation has closed"


def test_lifecycle_buttons_need_publish_permission(app_context, client, app):
    consultation = make_consultation(status="draft")
    analyst = make_user("analyst@partnership.example", "analyst")
    sign_in_as(client, analyst)
    assert client.post(f"{BASE}/{consultation.id}/status", data={"value": "review"}).status_code == 403
    assert db.session.get(Consultation, consultation.id).status == "draft"


def test_an_edit_that_would_break_a_condition_is_refused_and_a_rename_is_followed(signed_in, app):
    consultation = make_consultation(status="draft")
    refuge = next(q for q in consultation.questions if q.text == "Did you stay in a refuge?")
    url = f"{BASE}/{consultation.id}/questions/{refuge.id}"
    form = page(signed_in.get(url))
    assert "Page 2 (\u201cThe refuge\u201d) is shown only if this question is answered \u201cYes\u201d" in \
        form.find(id="used-by-conditions").get_text()
    base = {"kind": "yes_no", "text": refuge.text, "hint": "", "options": "", "char_limit": "", "required": "y"}
    for change in ({"kind": "free_text"}, {"kind": "single", "options": "No\nMaybe"}):
        refused = signed_in.post(url, data=base | change)
        assert refused.status_code == 400
        summary = page(refused).find(class_="govuk-error-summary").get_text()
        assert "change the condition on page 2" in summary
        assert page(refused).find("input", attrs={"name": "kind", "checked": True})["value"] == change["kind"]
    db.session.expire_all()
    assert db.session.get(Question, refuge.id).kind == "yes_no"
    # Yes/No to single choice keeping "Yes": the condition still holds.
    assert signed_in.post(url, data=base | {"kind": "single", "options": "Yes\nNo"}).status_code == 302
    # Renaming "Yes" in place: the condition follows it, and staff are told.
    renamed = signed_in.post(url, data=base | {"kind": "single", "options": "Yes, for a while\nNo"},
                             follow_redirects=True)
    assert "now uses the renamed answer \u201cYes, for a while\u201d" in page(renamed).get_text()
    db.session.expire_all()
    second = db.session.get(Consultation, consultation.id).pages[1]
    assert (second.show_if_question_id, second.show_if_value) == (refuge.id, "Yes, for a while")


def ticked(html) -> list[str]:
    return [box["value"] for box in html.select("input[name=show_if_answers]") if box.has_attr("checked")]


def test_page_edit_shows_the_real_condition_and_saving_keeps_it(signed_in, app):
    consultation = make_consultation(status="draft")
    second = consultation.pages[1]
    refuge = consultation.pages[0].questions[0]
    url = f"{BASE}/{consultation.id}/pages/{second.id}"
    html = page(signed_in.get(url))
    assert html.find("option", selected=True)["value"] == str(refuge.id)
    assert ticked(html) == ["Yes"]
    # A condition saved before the builder kept conditions working (its answer has gone).
    second.show_if_value = "Perhaps"
    db.session.commit()
    html = page(signed_in.get(url))
    assert "no longer has the answer \u201cPerhaps\u201d" in html.find(id="condition-problem").get_text()
    show = page(signed_in.get(f"{BASE}/{consultation.id}"))
    assert "no longer has the answer" in show.find(id=f"page-{second.id}").select_one(
        ".heard-condition-problem").get_text()
    assert html.find("option", selected=True)["value"] == str(refuge.id)
    assert ticked(html) == ["Perhaps"]
    assert "Perhaps (no longer an answer: untick it)" in html.find(id="condition").get_text()
    assert signed_in.post(url, data={"title": "The refuge", "show_if_question": str(refuge.id),
                                     "show_if_answers": "Perhaps"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Consultation, consultation.id).pages[1].show_if_value == "Perhaps"


def test_deleting_a_page_or_question_asks_first_and_names_what_goes(signed_in, app):
    consultation = make_consultation(status="draft")
    first = consultation.pages[0]
    refuge = first.questions[0]
    url = f"{BASE}/{consultation.id}/questions/{refuge.id}/delete"
    html = page(signed_in.get(url))
    assert html.h1.get_text() == "Are you sure you want to delete the question \u201cDid you stay in a refuge?\u201d?"
    assert "Page 2 (\u201cThe refuge\u201d) is shown only after an answer to this question" in \
        html.find(id="conditions-going").get_text()
    assert html.find("a", string="No, keep it")["href"] == f"{BASE}/{consultation.id}"
    db.session.expire_all()
    assert db.session.get(Question, refuge.id) is not None
    show = page(signed_in.get(f"{BASE}/{consultation.id}"))
    assert show.find("a", href=f"{BASE}/{consultation.id}/pages/{first.id}/delete")
    confirm = page(signed_in.get(f"{BASE}/{consultation.id}/pages/{first.id}/delete"))
    assert "Which services did you use?" in confirm.find(id="questions-going").get_text()
    assert signed_in.post(f"{BASE}/{consultation.id}/pages/{first.id}/delete").status_code == 302
    db.session.expire_all()
    kept = db.session.get(Consultation, consultation.id)
    assert [p.title for p in kept.pages] == ["The refuge", "Looking ahead"]
    assert kept.pages[0].show_if_question_id is None


def test_a_public_consultation_sent_for_review_gets_a_code_the_group_can_use(signed_in, client, app):
    consultation = make_consultation("public-one", status="draft", audience="public")
    assert consultation.access_code_hash == ""
    response = signed_in.post(f"{BASE}/{consultation.id}/status", data={"value": "review"}, follow_redirects=True)
    html = page(response)
    code = html.find(id="access-code").get_text()
    review_url = f"http://localhost/review/{consultation.slug}"
    assert review_url in html.find(id="review-instructions").get_text()
    assert review_url in html.find(class_="govuk-summary-list").get_text()
    assert html.find("button", string=lambda s: s and "Issue a new access code" in s)
    # Shown once: the next visit names the address but not the code.
    again = page(signed_in.get(f"{BASE}/{consultation.id}"))
    assert again.find(id="access-code") is None and code not in again.get_text()
    # The group can now review with it.
    signed_in.post("/staff/sign-out")
    client.cookie_jar.clear() if hasattr(client, "cookie_jar") else None
    unlocked = client.post(f"/review/{consultation.slug}", data={"step": "code", "code": code})
    assert unlocked.status_code == 303
    assert page(client.get(f"/review/{consultation.slug}")).find("textarea")


def test_back_to_draft_and_review_again_keeps_the_code(signed_in, app):
    consultation = make_consultation("public-two", status="draft", audience="public")
    url = f"{BASE}/{consultation.id}/status"
    signed_in.post(url, data={"value": "review"})
    first_hash = db.session.get(Consultation, consultation.id).access_code_hash
    signed_in.post(url, data={"value": "draft"})
    signed_in.post(url, data={"value": "review"})
    db.session.expire_all()
    assert db.session.get(Consultation, consultation.id).access_code_hash == first_hash
