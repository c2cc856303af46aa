"""Staff pages for the board: choose a report, read the themed summary,
download the board pack, and keep the actions ledger. All need view_reports
(board members record actions too)."""

from __future__ import annotations

from flask import Blueprint, abort, make_response, redirect, render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy import select

from webapp.audit import record_event
from webapp.consultations.models import Consultation
from webapp.consultations.sharing import public_base_url
from webapp.extensions import db
from webapp.forms import ButtonForm, DateRangeForm
from webapp.periods import ScopeError, month_end, month_start
from webapp.reports import ledger, pages
from webapp.reports import member_codes as member_codes_service
from webapp.reports.forms import ActionForm, EditActionForm, MemberCodesForm, UpdateForm
from webapp.reports.models import ACTION_STATUSES, BoardActionUpdate
from webapp.reports.pack import board_pack_pdf, pack_filename
from webapp.staff.access import permission_required
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
                           status_counts=pages.action_status_counts())


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
    return render_template("reports/summary.html", **pages.summary_page(scope))


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
    status = request.args.get("status", "")
    return render_template("reports/actions.html", rows=pages.action_rows(ledger.all_actions(status or None)),
                           status=status if status in ACTION_STATUSES else "", statuses=ACTION_STATUSES)


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
    form = EditActionForm(obj=found if request.method == "GET" else None, not_doing=found.status == "not_doing")
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
