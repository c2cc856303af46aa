"""Staff pages for the board: choose a report, read the themed summary,
download the board pack, and keep the actions ledger. All need view_reports
(board members record actions too)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, make_response, redirect, render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy import select

from webapp.audit import record_event
from webapp.consultations.models import Consultation
from webapp.consultations.sharing import public_base_url
from webapp.extensions import db
from webapp.forms import ButtonForm, DateRangeForm
from webapp.moderation import redacting
from webapp.moderation.forms import RedactForm
from webapp.moderation.redacting import restored_labels
from webapp.moderation.safeguarding import mark_reviewed
from webapp.periods import ScopeError, month_end, month_start
from webapp.reports import exports, ledger, pages, safeguarding
from webapp.reports import group_comments as group_comment_list
from webapp.reports import member_codes as member_codes_service
from webapp.reports.forms import ActionForm, EditActionForm, MemberCodesForm, UpdateForm
from webapp.reports.models import ACTION_STATUSES, BoardActionUpdate, GroupComment
from webapp.reports.pack import board_pack_pdf, pack_filename
from webapp.staff.access import can, permission_required
from webapp.themes.codebook import theme_labels
from webapp.themes.review import begin_run
from webapp.themes.scope import feedback_range, parse_scope

bp = Blueprint("reports", __name__, url_prefix="/staff/reports")

NEW_MEMBER_CODES_KEY = "reports_new_member_codes"


def _scope_or_404(scope_key: str):
    try:
        scope = parse_scope(scope_key)
    except ScopeError:
        abort(404)
    if scope.kind == "consultation" and scope.consultation() is None:
        abort(404)
    return scope


@bp.get("/")
@permission_required("view_reports")
def index():
    consultations = db.session.scalars(select(Consultation).where(Consultation.status != "draft")
                                       .order_by(Consultation.id.desc())).all()
    return render_template("reports/index.html", consultations=consultations, quarters=pages.recent_quarters(),
                           status_counts=pages.action_status_counts(), overdue=pages.overdue_count(),
                           can_moderate=can(current_user, "moderate"))


@bp.route("/dates", methods=["GET", "POST"])
@permission_required("view_reports")
def dates():
    form = DateRangeForm()
    if form.validate_on_submit():
        try:
            scope = feedback_range(form.start.data, form.end.data)
        except ScopeError as error:  # validate_end catches this first; kept for safety
            form.end.errors.append(str(error))
        else:
            # Reports count whole months: the address names the months counted.
            whole = feedback_range(month_start(scope.start), month_end(scope.end))
            return redirect(url_for("reports.summary", scope_key=whole.key))
    return render_template("reports/dates.html", form=form)


@bp.get("/summary/<path:scope_key>")
@permission_required("view_reports")
def summary(scope_key: str):
    scope = _scope_or_404(scope_key)
    return render_template("reports/summary.html", button_form=ButtonForm(), **pages.summary_page(scope))


@bp.post("/summary/<path:scope_key>/theme")
@permission_required("view_reports")
def start_theming(scope_key: str):
    """The board starts theming responses no run has themed yet (dates
    someone chose), rather than reading a summary with no themes."""
    scope = _scope_or_404(scope_key)
    if not ButtonForm().validate_on_submit():
        abort(400)
    _, started = begin_run(scope, current_user)
    db.session.commit()
    flash("Theming has started. It takes a few minutes; refresh this page to see the themes."
          if started else "Theming is already running for these dates. Refresh this page to see the themes.",
          "success")
    return redirect(url_for("reports.summary", scope_key=scope.key))


@bp.get("/summary/<path:scope_key>/group-comments")
@permission_required("moderate")
def group_comments(scope_key: str):
    """The group's comments on a summary, as moderation shows answers: with the words
    each member put back, and "Redact more"."""
    scope = _scope_or_404(scope_key)
    comments = group_comment_list.comments_for(scope.key)
    if comments:
        record_event("free_text.view", target=scope.key, detail=f"group comments, {len(comments)}")
    body = render_template("reports/group_comments.html", scope=scope, comments=comments,
                           labels=theme_labels(), restored_labels=restored_labels)
    db.session.commit()
    return body


@bp.route("/group-comments/<int:comment_id>/redact", methods=["GET", "POST"])
@permission_required("moderate")
def redact_group_comment(comment_id: int):
    comment = db.session.get(GroupComment, comment_id)
    if comment is None:
        abort(404)
    back = url_for(".group_comments", scope_key=comment.scope) + f"#comment-{comment.id}"
    form = RedactForm()
    form.words.choices = dict(redacting.words(comment.text))
    if form.validate_on_submit():
        if form.version.data != redacting.text_version(comment.text):
            flash("The text changed since you opened it. Choose the words again.", "error")
            return redirect(url_for(".redact_group_comment", comment_id=comment.id))
        chosen = set(form.words.data)
        group_comment_list.redact(comment, chosen)
        record_event("free_text.redact", target=f"group_comment:{comment.id}", detail=f"{len(chosen)} words")
        db.session.commit()
        flash(f"{len(chosen)} {'word' if len(chosen) == 1 else 'words'} redacted.", "success")
        return redirect(back)
    if request.method == "GET":
        record_event("free_text.view", target=f"group_comment:{comment.id}", detail="redact")
    form.version.data = redacting.text_version(comment.text)
    body = render_template("reports/group_comment_redact.html", comment=comment, form=form, back=back,
                           restored=restored_labels(comment.restored_words))
    db.session.commit()
    return make_response(body, 400 if form.errors else 200)


@bp.get("/summary/<path:scope_key>/board-pack.pdf")
@permission_required("view_reports")
def board_pack(scope_key: str):
    scope = _scope_or_404(scope_key)
    pdf = board_pack_pdf(scope)
    record_event("report.board_pack", target=scope.key)
    db.session.commit()
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{pack_filename(scope)}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/summary/<path:scope_key>/actions/new", methods=["GET", "POST"])
@permission_required("view_reports")
def new_action(scope_key: str):
    scope = _scope_or_404(scope_key)
    form = ActionForm()
    form.theme_code.choices = dict(pages.theme_choices(request.args.get("theme", "")))
    if request.method == "GET" and request.args.get("theme"):
        form.theme_code.data = request.args["theme"]
    if form.validate_on_submit():
        action = ledger.record_action(
            scope.key, theme_code=form.theme_code.data, description=form.description.data,
            owner_org=form.owner_org.data, due_on=form.due_on.data, status=form.status.data,
            reason=form.reason.data or "", user=current_user)
        db.session.commit()
        return redirect(url_for("reports.action", action_id=action.id))
    return render_template("reports/action-new.html", form=form, scope=scope)


def _status_filter() -> str:
    status = request.args.get("status", "")
    return status if status in ACTION_STATUSES else ""


@bp.route("/summary/<path:scope_key>/member-codes", methods=["GET", "POST"])
@permission_required("moderate")
def member_codes(scope_key: str):
    """Issue single-use codes for the group's members; the new ones are shown once, printable."""
    scope = _scope_or_404(scope_key)
    form = MemberCodesForm()
    may_see = member_codes_service.group_may_see(scope)
    if may_see and form.validate_on_submit():
        session[NEW_MEMBER_CODES_KEY] = {"scope": scope.key,
                                         "codes": member_codes_service.issue(scope, form.count.data, current_user)}
        db.session.commit()
        return redirect(url_for("reports.member_codes", scope_key=scope.key, _anchor="new-codes"))
    shown = session.pop(NEW_MEMBER_CODES_KEY, None)
    issued, used = member_codes_service.counts(scope)
    body = render_template("reports/member-codes.html", scope=scope, form=form, may_see=may_see, issued=issued,
                           used=used, new_codes=shown["codes"] if shown and shown["scope"] == scope.key else [],
                           group_address=public_base_url() + url_for("group.index"),
                           summary_address=public_base_url() + url_for("group.view", kind=scope.kind,
                                                                       ident=scope.key.split(":", 1)[1]))
    return make_response(body, 400 if form.errors else 200)


@bp.get("/actions")
@permission_required("view_reports")
def actions():
    status = _status_filter()
    return render_template("reports/actions.html", rows=pages.action_rows(ledger.all_actions(status or None)),
                           status=status, statuses=ACTION_STATUSES)


EXPORTS = {
    "csv": ("text/csv; charset=utf-8", exports.actions_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exports.actions_xlsx),
}


@bp.get("/actions.csv", defaults={"kind": "csv"})
@bp.get("/actions.xlsx", defaults={"kind": "xlsx"})
@permission_required("view_reports")
def export_actions(kind: str):
    """The ledger as listed (the status filter applies), as CSV or Excel."""
    status = _status_filter()
    mimetype, write = EXPORTS[kind]
    body = write(pages.action_rows(ledger.all_actions(status or None)), pages.evidence_url)
    record_event("report.actions_export", target="actions", detail=f"{kind}, status {status or 'any'}")
    db.session.commit()
    response = make_response(body)
    response.headers["Content-Type"] = mimetype
    response.headers["Content-Disposition"] = f'attachment; filename="actions{"-" + status if status else ""}.{kind}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/actions/<int:action_id>", methods=["GET", "POST"])
@permission_required("view_reports")
def action(action_id: int):
    found = ledger.get_action(action_id) or abort(404)
    form = UpdateForm()
    form.current_status = found.status
    if request.method == "GET":
        form.status.data = found.status
    if form.validate_on_submit():
        ledger.add_update(found, status=form.status.data, note=form.note.data or "",
                          reason=form.reason.data or "", user=current_user)
        db.session.commit()
        return redirect(url_for("reports.action", action_id=found.id, _anchor="history"))
    return render_template("reports/action.html", form=form, **pages.action_page(found))


@bp.route("/actions/<int:action_id>/edit", methods=["GET", "POST"])
@permission_required("view_reports")
def edit_action(action_id: int):
    found = ledger.get_action(action_id) or abort(404)
    form = EditActionForm(obj=found if request.method == "GET" else None, not_doing=found.status == "not_doing",
                          due_before=found.due_on)
    if form.validate_on_submit():
        ledger.edit_action(found, description=form.description.data, owner_org=form.owner_org.data,
                           due_on=form.due_on.data, reason=form.reason.data or "", user=current_user)
        db.session.commit()
        return redirect(url_for("reports.action", action_id=found.id, _anchor="public-text"))
    return render_template("reports/action-edit.html", form=form, action=found)


@bp.post("/actions/<int:action_id>/publish")
@permission_required("publish_actions")
def publish_action(action_id: int):
    return _set_public_state(action_id, "published")


@bp.post("/actions/<int:action_id>/withdraw")
@permission_required("publish_actions")
def withdraw_action(action_id: int):
    return _set_public_state(action_id, "withdrawn")


@bp.post("/actions/<int:action_id>/updates/<int:update_id>/publish")
@permission_required("publish_actions")
def publish_update(action_id: int, update_id: int):
    return _set_public_state(action_id, "published", update_id)


@bp.post("/actions/<int:action_id>/updates/<int:update_id>/withdraw")
@permission_required("publish_actions")
def withdraw_update(action_id: int, update_id: int):
    return _set_public_state(action_id, "withdrawn", update_id)


def _set_public_state(action_id: int, state: str, update_id: int | None = None):
    found = ledger.get_action(action_id) or abort(404)
    update = None
    if update_id is not None:
        update = db.session.get(BoardActionUpdate, update_id)
        if update is None or update.action_id != found.id:
            abort(404)
    if not ButtonForm().validate_on_submit():
        abort(400)
    ledger.set_public_state(found, state, update)
    db.session.commit()
    return redirect(url_for("reports.action", action_id=found.id, _anchor="public-text"))


# The safeguarding queue ---------------------------------------------------------------------

@bp.get("/safeguarding")
@permission_required("moderate")
def safeguarding_queue():
    """Flags awaiting review (or, with ?show=reviewed, those reviewed):
    respondents' flagged responses and the group's comments with danger words."""
    show_reviewed = request.args.get("show") == "reviewed"
    entries, total = safeguarding.queue(show_reviewed)
    if entries:
        record_event("free_text.view", target="safeguarding queue",
                     detail=f"{len(entries)} {'reviewed' if show_reviewed else 'awaiting review'}")
    body = render_template("reports/safeguarding.html", entries=entries, total=total, show_reviewed=show_reviewed,
                           button=ButtonForm())
    db.session.commit()
    return body


@bp.post("/safeguarding/review")
@permission_required("moderate")
def review_flag():
    ref = request.form.get("ref", "")
    if not ButtonForm().validate_on_submit() or not safeguarding.flagged_ref_exists(ref):
        abort(400)
    if mark_reviewed(ref, current_user):
        flash("Marked as reviewed. The board’s safeguarding panel counts it.", "success")
    db.session.commit()
    return redirect(url_for("reports.safeguarding_queue"))
