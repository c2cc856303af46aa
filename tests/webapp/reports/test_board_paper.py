"""The board paper's figures and words (issue 14, parts 3 and 4): overdue
actions and their status words, open actions carried over, the executive
summary and the decisions drafted from the released figures, themes under 5
together, staff checking counted for the methods note, responses per group
in the breakdowns, and "Feedback for dates you choose" showing real themes
or letting the board start theming, never a table of zeros."""

from __future__ import annotations

from datetime import date

from analysis import safeguarding
from analysis.board import ThemeRow
from tests.webapp.helpers import PREVIOUS, QUARTER, _response, csrf_token, make_user, page, seed_quarter, sign_in_as
from webapp.extensions import db
from webapp.reports import ledger, paper
from webapp.reports.models import BoardAction
from webapp.reports.queries import GroupView
from webapp.reports.summary import RESPONSES_KEY, BoardSummary, build_summary
from webapp.themes.models import ThemeRun
from webapp.themes.scope import feedback_quarter

TODAY = date(2026, 12, 4)


def _action(status: str, due: date | None, scope: str = QUARTER.key, **values) -> BoardAction:
    return BoardAction(scope=scope, theme_code="housing", description="Open a refuge house", owner_org="Council",
                       due_on=due, status=status, **values)


def test_overdue_is_open_and_past_its_due_date():
    assert paper.is_overdue(_action("in_progress", date(2026, 12, 3)), TODAY)
    assert paper.is_overdue(_action("planned", date(2026, 1, 1)), TODAY)
    assert not paper.is_overdue(_action("planned", TODAY), TODAY)  # due today is not late yet
    assert not paper.is_overdue(_action("done", date(2026, 1, 1)), TODAY)
    assert not paper.is_overdue(_action("not_doing", date(2026, 1, 1)), TODAY)
    assert not paper.is_overdue(_action("planned", None), TODAY)


def test_status_is_a_word_and_a_colour():
    assert paper.status_words(_action("in_progress", date(2026, 12, 1)), TODAY) == ("Overdue (in progress)", "red")
    assert paper.status_words(_action("in_progress", None), TODAY) == ("In progress", "amber")
    assert paper.status_words(_action("done", date(2026, 1, 1)), TODAY) == ("Done", "green")
    assert paper.status_words(_action("planned", None), TODAY) == ("Planned", "blue")
    assert paper.status_words(_action("not_doing", None), TODAY) == ("Not doing", "grey")


def test_open_actions_from_earlier_quarters_are_carried_over():
    earlier_open = _action("in_progress", None, scope=PREVIOUS.key)
    earlier_done = _action("done", None, scope=PREVIOUS.key)
    this_quarter = _action("planned", None)
    later = _action("planned", None, scope=feedback_quarter("2026Q4").key)
    consultation = _action("planned", None, scope="consultation:out-of-hours")
    actions = [earlier_open, earlier_done, this_quarter, later, consultation]
    assert paper.carried_over(QUARTER, actions) == [earlier_open]


def _row(code: str, count: int, share: float | None, change: int | None = None, previous: float | None = None,
         suppressed: bool = False) -> ThemeRow:
    return ThemeRow(code=code, label=code.capitalize(), count=count, shown="fewer than 5" if suppressed else str(count),
                    share=share, mean_sentiment=None, sentiment_words="not shown",
                    previous_count=None if previous is None else round(previous * 40), change=change,
                    direction="up" if (change or 0) > 0 else "down", change_words="", suppressed=suppressed,
                    previous_share=previous)


def _summary(**values) -> BoardSummary:
    themes = [_row("housing", 20, 0.4, change=12, previous=0.28), _row("police", 10, 0.2, change=-15, previous=0.35),
              _row("money", 6, 0.12, change=1, previous=0.11), _row("children", 3, None, suppressed=True),
              _row("health", 0, 0.0, change=-9, previous=0.09)]
    defaults = {"scope_key": QUARTER.key, "label": "Feedback, July to September 2026", "kind": "feedback",
                "responses": 50, "purged_responses": 0, "items": 80, "themes": themes,
                "previous_label": "Feedback, April to June 2026", "previous_responses": 40,
                "group_view": GroupView({"money": 4, "housing": 2}, {}, 6), "safeguarding": safeguarding.panel([])}
    return BoardSummary(**(defaults | values))


def test_a_held_back_response_count_reads_as_words_not_as_a_number(app_context, app):
    summary = _summary(held=frozenset({RESPONSES_KEY}))
    assert summary.responses_phrase == "responses with written answers (how many is not shown)"
    points = dict(paper.executive_summary(summary, overdue=[]))
    assert points["Responses"].startswith("Responses with written answers (how many is not shown) (Feedback")
    assert "not shown responses" not in points["Responses"]
    assert _summary(responses=3).responses_phrase == "fewer than 5 responses with written answers"


def test_executive_summary_is_drafted_from_the_released_figures(app_context, app):
    points = dict(paper.executive_summary(_summary(), overdue=[]))
    assert points["Responses"] == ("50 responses with written answers (Feedback, July to September 2026), "
                                   "against 40 in Feedback, April to June 2026.")
    assert points["Top themes"] == "The most common themes were housing (40%), police (20%) and money (12%)."
    assert points["Biggest changes"] == ("Against the period before (Feedback, April to June 2026): Police fell 15 "
                                         "points (from 35% to 20% of responses); Housing rose 12 points (from 28% "
                                         "to 40% of responses).")
    assert points["Safeguarding"] == ("Responses flagged for safeguarding: 0 (reviewed by staff: 0; "
                                      "awaiting review: 0). No flagged response is quoted in this paper.")
    # The summary's own label; never a number from 1 to 4 of a small group.
    assert points["What the group says matters most"] == ("Fewer than 5 members of the service-user group said "
                                                          "money matters most to them.")
    assert points["Actions overdue"] == "No action is overdue."


def test_executive_summary_without_an_earlier_period_or_the_group(app):
    points = dict(paper.executive_summary(_summary(previous_label=None, previous_responses=None, group_view=None),
                                          overdue=[]))
    assert points["Biggest changes"] == "There is no earlier period to compare with."
    assert points["What the group says matters most"] == ("The service-user group has not given its view on "
                                                          "this report yet.")


def test_decisions_ask_about_overdue_actions_rises_and_the_group(app_context, app):
    overdue = paper.PlanRow(action=_action("in_progress", date(2026, 1, 1)), theme="Housing", due="1 January 2026",
                            status="Overdue", colour="red", overdue=True, agreed_for="")
    asks = paper.for_decision(_summary(), plan=[], overdue=[overdue])
    assert asks[0] == "Agree new dates, or a change of owner, for the 1 overdue action."
    assert ("Agree an action on housing, whose share rose 12 points and which has no action yet.") in asks
    assert "Agree how the board will answer the group on money." in asks
    # Housing is both the top theme and the biggest rise: asked about once.
    assert sum("housing" in ask for ask in asks) == 1
    acted = paper.PlanRow(action=_action("planned", None), theme="Housing", due="", status="Planned",
                          colour="blue", overdue=False, agreed_for="")
    assert not any("housing" in ask for ask in paper.for_decision(_summary(), plan=[acted], overdue=[]))


def test_themes_under_five_share_one_table(app):
    summary = _summary()
    assert [row.code for row in paper.small_themes(summary)] == ["children", "health"]
    assert [row.code for row in paper.main_themes(summary)] == ["housing", "police", "money"]


def test_staff_checks_and_corrections_are_counted(app_context, app):
    seed_quarter()
    summary = build_summary(QUARTER)
    assert (summary.staff_coded, summary.staff_corrected, summary.staff_checked) == (0, 0, frozenset())
    from webapp.themes.models import StaffCoding
    from webapp.themes.runs import coded_items
    staff = [c for c in coded_items(QUARTER) if "staff-attitude" in c.codes]
    db.session.add(StaffCoding(ref=staff[0].item.ref, codes=["staff-attitude"]))  # confirmed
    db.session.add(StaffCoding(ref=staff[1].item.ref, codes=["staff-attitude", "access"]))  # corrected
    db.session.commit()
    # What staff did is kept with the counts, and moves with them once five responses' counts have changed
    # (webapp.revisions): confirming a run's themes changes no count.
    assert build_summary(QUARTER).staff_coded == 0
    others = [c for c in coded_items(QUARTER) if c.item.response_id not in {s.item.response_id for s in staff[:2]}]
    db.session.add_all(StaffCoding(ref=c.item.ref, codes=[*c.codes, "money"]) for c in others[:4])  # corrected
    db.session.commit()
    summary = build_summary(QUARTER)
    assert (summary.staff_coded, summary.staff_corrected) == (6, 5)
    assert {"staff-attitude", "access", "money"} <= summary.staff_checked


def test_breakdowns_count_responses_per_group_each_once(app_context, app):
    seed_quarter()
    service = next(table for table in build_summary(QUARTER).breakdowns if table.title == "Service")
    # 12 responses: 9 at the refuge, 3 on the advice line. The 3 is under 5, and
    # with the total known the 9 would give it away, so both are withheld.
    assert service.groups == ("Advice line", "Refuge") and service.responses == (None, None)
    # Theme mentions are not responses: the refuge's column counts 4 + 5 themes.
    assert service.group_totals[1] is None or service.group_totals[1] == 9


def test_a_chosen_range_shows_the_stored_themes(app_context, app, client):
    seed_quarter()
    sign_in_as(client, make_user("board@partnership.example", "board"))
    response = client.post("/staff/reports/dates", data={"start": ["1", "7", "2026"], "end": ["15", "8", "2026"]})
    soup = page(client.get(response.location))
    rows = {tr.th.get_text(strip=True): tr.find_all("td")[0].get_text(strip=True)
            for tr in soup.select("#themes-table tbody tr")}
    assert rows["Kindness, respect and trauma-informed practice of staff"] == "6"
    assert soup.select_one("#theming") is None


def test_the_board_can_start_theming_a_range_no_run_has_seen(app_context, app, client, monkeypatch):
    seed_quarter()
    for n in range(6):
        _response(date(2026, 10, 5), f"Nobody called me back about the refuge place, week {n}.", None)
    db.session.commit()
    started = []

    def start_run(scope, user):  # records the run instead of theming in a thread
        run = ThemeRun(scope=scope.key, status="queued", stage="waiting to start")
        db.session.add(run)
        started.append(scope.key)
        return run

    monkeypatch.setattr("webapp.themes.review.start_run", start_run)
    sign_in_as(client, make_user("board@partnership.example", "board"))
    address = "/staff/reports/summary/feedback:2026-10-01..2026-10-31"
    response = client.get(address)
    soup = page(response)
    assert "None of these 6 responses has been themed yet" in soup.select_one("#theming").get_text()
    assert soup.select_one("#themes-table") is None  # never a table of zeros
    response = client.post(f"{address}/theme", data={"csrf_token": csrf_token(response)})
    assert response.status_code == 302 and response.location.endswith(address)
    assert started == ["feedback:2026-10-01..2026-10-31"]
    assert "Theming is running" in page(client.get(address)).select_one("#theming").get_text()


def test_demo_like_actions_reach_the_plan(app_context, app):
    seed_quarter()
    user = make_user("board@partnership.example", "board")
    ledger.record_action(PREVIOUS.key, theme_code="housing", description="Open a second refuge house",
                         owner_org="Housing association", due_on=date(2026, 6, 30), status="in_progress",
                         reason="", user=user)
    ledger.record_action(QUARTER.key, theme_code="police", description="Brief the call handlers",
                         owner_org="Police", due_on=date(2027, 1, 31), status="planned", reason="", user=user)
    db.session.commit()
    plan, carried = paper.action_plan(QUARTER, TODAY)
    assert [(row.action.description, row.status, row.colour) for row in plan] == [
        ("Brief the call handlers", "Planned", "blue")]
    assert [(row.status, row.overdue, row.agreed_for) for row in carried] == [
        ("Overdue (in progress)", True, "Feedback, April to June 2026")]


def test_held_themes_come_after_the_shown_ones_by_name_not_by_their_hidden_count():
    from webapp.reports.summary import _held_rows_last

    rows = [_row("police", 40, None, suppressed=True), _row("housing", 20, 0.4), _row("money", 6, 0.12),
            _row("children", 5, None, suppressed=True), _row("advocacy", 3, None, suppressed=True)]
    assert [row.code for row in _held_rows_last(rows)] == ["housing", "money", "advocacy", "children", "police"]
