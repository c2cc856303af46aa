"""The theming service: the codebook kept in the database, runs that store codes,
confidence, matched words, sentiment and emergent themes per item, and
`coded_items` applying staff coding, merges and retirements."""

from __future__ import annotations

import time
from datetime import date, timedelta

from sqlalchemy import func, select

from tests.webapp.helpers import HOUSING, PARKING, POLICE, WAITING, _run, add_feedback, make_user, run_now
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse, feedback_ref
from webapp.themes import codebook, runs
from webapp.themes.demo import DEMO_CODED, add_demo_runs, demo_scopes
from webapp.themes.models import EmergentTheme, StaffCoding, ThemeCode, ThemeRun, ThemeRunItem
from webapp.themes.scope import feedback_quarter, feedback_range


def test_codebook_seeded_once_from_the_default(app_context, app):
    codebook.ensure_codebook()
    codebook.ensure_codebook()
    codes = db.session.scalars(select(ThemeCode.code).order_by(ThemeCode.position)).all()
    assert codes[:3] == ["believed", "staff-attitude", "police"] and len(codes) == len(set(codes)) == 19
    assert codebook.current_codebook().codes == tuple(codes)
    assert codebook.theme_labels()["housing"] == "Housing, refuge and safe accommodation"


def test_retired_themes_leave_the_codebook_but_keep_their_names(app_context, app):
    codebook.ensure_codebook()
    police = db.session.scalar(select(ThemeCode).where(ThemeCode.code == "police"))
    police.retired = True
    db.session.commit()
    assert "police" not in codebook.current_codebook().codes
    assert codebook.theme_labels()["police"].startswith("Police response")


def test_a_run_stores_codes_confidence_matched_words_and_sentiment(app_context, app):
    quarter = feedback_quarter("2026Q3")
    first = add_feedback(HOUSING, WAITING)
    second = add_feedback(POLICE)
    add_feedback("Outside the quarter: the police were great.", day=date(2026, 3, 1))
    run = run_now(quarter)
    assert (run.status, run.stage, run.error) == ("done", "finished", "")
    assert run.n_items == 3 and run.n_coded == 0 and run.finished_at
    assert run.report["method"] == "codebook meaning and phrases" and "responses" not in run.report
    rows = {r.ref: r for r in db.session.scalars(select(ThemeRunItem).where(ThemeRunItem.run_id == run.id))}
    assert set(rows) == {feedback_ref(first.id, "what_helped"), feedback_ref(first.id, "could_be_better"),
                         feedback_ref(second.id, "what_helped")}
    housing = rows[feedback_ref(first.id, "what_helped")]
    assert "housing" in housing.codes
    assert "temporary accommodation" in housing.matched["housing"]
    # A calibrated probability, high for an answer this plainly about housing.
    assert 0.8 < housing.scores["housing"] <= 1
    assert housing.sentiment == "positive" and housing.compound > 0
    assert "access" in rows[feedback_ref(first.id, "could_be_better")].codes
    assert runs.latest_run(quarter.key).id == run.id


def test_coded_items_staff_coding_merges_and_retirements(app_context, app):
    quarter = feedback_quarter("2026Q3")
    first = add_feedback(HOUSING, WAITING)
    run_now(quarter)
    later = add_feedback(POLICE)  # after the run: seen by no run
    helped, better = feedback_ref(first.id, "what_helped"), feedback_ref(first.id, "could_be_better")
    db.session.add(StaffCoding(ref=better, codes=["access", "information"]))
    for code, merged_into in (("housing", "believed"), ("staff-attitude", "")):
        theme = db.session.scalar(select(ThemeCode).where(ThemeCode.code == code))
        theme.retired, theme.merged_into = True, merged_into
    db.session.commit()
    found = {c.item.ref: c for c in runs.coded_items(quarter)}
    # staff-attitude retired; housing merged into believed
    assert found[helped].codes[0] == "believed" and not found[helped].staff_coded
    assert not {"housing", "staff-attitude"} & set(found[helped].codes)
    assert "refuge" in found[helped].matched["believed"] and "housing" not in found[helped].matched
    assert found[better].codes == ("access", "information") and found[better].staff_coded
    unseen = found[feedback_ref(later.id, "what_helped")]
    assert unseen.codes == () and unseen.sentiment in ("positive", "neutral", "negative")
    assert isinstance(unseen.compound, float)


def test_coded_items_without_any_run(app_context, app):
    response = add_feedback(POLICE)
    [only] = runs.coded_items(feedback_quarter("2026Q3"))
    assert only.item.response_id == response.id and only.codes == () and not only.staff_coded


def test_reports_over_months_read_each_answer_from_the_newest_run_that_saw_it(app_context, app):
    """A month counts the same in every report over it (`webapp.reports.inputs`):
    the quarter's own run is older than one over a range, so the range's themes count."""
    response = add_feedback(POLICE)
    quarter = feedback_quarter("2026Q3")
    older = _run(quarter, [(response, ["police"], 0.2)])
    newer = _run(feedback_range(date(2026, 7, 1), date(2026, 10, 31)), [(response, ["access"], 0.2)])
    newer.finished_at = older.finished_at + timedelta(days=1)
    db.session.commit()
    [own] = runs.coded_items(quarter)
    [newest] = runs.coded_items(quarter, any_run=True)
    assert own.codes == ("police",) and newest.codes == ("access",)


def test_learns_from_staff_coding_once_there_are_enough_examples(app_context, app):
    quarter = feedback_quarter("2026Q3")
    parking = [add_feedback(f"{PARKING} Visit {n}.") for n in range(6)]
    others = [add_feedback(text) for text in (HOUSING, POLICE, WAITING) * 2]
    codebook.ensure_codebook()
    db.session.add(ThemeCode(code="parking", label="Parking", include=["car park"], position=99))
    for response in parking[:4]:
        db.session.add(StaffCoding(ref=feedback_ref(response.id, "what_helped"), codes=["parking"]))
    for response in others:
        db.session.add(StaffCoding(ref=feedback_ref(response.id, "what_helped"), codes=["police"]))
    db.session.commit()
    run = run_now(quarter)
    assert run.status == "done" and run.n_coded == 10
    assert run.report["method"] == "learned from staff coding"
    rows = {r.ref: r for r in db.session.scalars(select(ThemeRunItem).where(ThemeRunItem.run_id == run.id))}
    assert "parking" in rows[feedback_ref(parking[5].id, "what_helped")].codes


def test_one_coded_example_already_counts_and_keeps_the_codebook(app_context, app):
    response = add_feedback(POLICE)
    other = add_feedback(HOUSING)
    db.session.add(StaffCoding(ref=feedback_ref(response.id, "what_helped"), codes=["police"]))
    db.session.commit()
    run = run_now(feedback_quarter("2026Q3"))
    assert run.n_coded == 1 and run.report["method"] == "learned from staff coding"
    rows = {r.ref: r for r in db.session.scalars(select(ThemeRunItem).where(ThemeRunItem.run_id == run.id))}
    assert "housing" in rows[feedback_ref(other.id, "what_helped")].codes
    # What to code next never offers the coded response again.
    assert feedback_ref(response.id, "what_helped") not in run.report["code_next"]


def test_emergent_themes_name_their_example_items(app_context, app):
    # Two groups the codebook does not explain; each word is in under half the texts.
    for n in range(8):
        add_feedback(f"The parking was awful and the barrier broke on visit {n}.")
        # (Not "the colours faded on page {n}": the default codebook's answers model reads
        # safety in it, 0.39; off-topic answers draw weak themes, README "Theming model".)
        add_feedback(f"The lifts were slow and the lights flickered on floor {n}.")
    run = run_now(feedback_quarter("2026Q3"))
    emergent = db.session.scalars(select(EmergentTheme).where(EmergentTheme.run_id == run.id)).all()
    assert emergent and emergent[0].status == "pending" and emergent[0].size >= 5
    assert "parking" in " ".join(emergent[0].terms) + emergent[0].name
    assert emergent[0].refs and all(ref.startswith("f:") for ref in emergent[0].refs)


def test_a_failed_run_keeps_a_readable_message(app_context, app):
    run = ThemeRun(scope="feedback:not-a-period")
    db.session.add(run)
    db.session.commit()
    runs.execute_run(run.id)
    db.session.refresh(run)
    assert run.status == "failed" and "does not recognise" in run.error and "Traceback" not in run.error
    assert runs.latest_run("feedback:not-a-period") is None


def test_an_empty_scope_finishes_with_no_items(app_context, app):
    run = run_now(feedback_quarter("2025Q1"))
    assert run.status == "done" and run.n_items == 0


def test_start_run_without_redis_runs_in_a_background_thread(app_context, app):
    assert not app.config.get("REDIS_URL")
    add_feedback(HOUSING)
    user = make_user("analyst@partnership.example", "analyst")
    run = runs.start_run(feedback_quarter("2026Q3"), user)
    assert run.started_by_id == user.id
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        db.session.expire_all()
        if db.session.get(ThemeRun, run.id).status in ("done", "failed"):
            break
        time.sleep(0.2)
    finished = db.session.get(ThemeRun, run.id)
    assert finished.status == "done" and finished.n_items == 1


def test_demo_themes_every_consultation_with_answers_and_every_quarter(app_context, demo_data):
    quarters = [s.key for s in demo_scopes() if s.kind == "feedback"]
    assert quarters[0] == "feedback:2026Q1" and len(quarters) >= 3
    assert db.session.scalar(select(func.count(FeedbackResponse.id))) >= 280
    demo_runs = add_demo_runs()
    assert {r.scope for r in demo_runs} >= {"consultation:support-after-leaving", *quarters}
    assert all(r.status == "done" and r.n_items > 0 for r in demo_runs)
    assert db.session.scalar(select(func.count(StaffCoding.id))) == DEMO_CODED
    assert all(runs.latest_run(key) for key in quarters)
