"""Staff moderation of feedback free text under /staff/feedback: read a
quarter's free text (`view_free_text`), and (`moderate`) hide a response with a
reason, show it again, flag it for safeguarding, mark a text for publication;
redact more words of a text (`redact`, offered where the writer put words back);
add an English working translation of text Heard cannot read (`translate`).
The service-user group's codes are issued with each report (`webapp.reports`). The moderation actions, the hide
form and the publication mark are shared with the consultation moderation
queue (`webapp.moderation`). Every view of free text and every change is
audited; the audit row never holds the text."""

from __future__ import annotations

from flask import Blueprint, abort, flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user

from analysis.language import english_name, needs_reader
from webapp import channels
from webapp.audit import record_event
from webapp.extensions import db
from webapp.feedback import keyed, moderation
from webapp.feedback import questions as bank
from webapp.feedback.models import FeedbackResponse
from webapp.forms import ButtonForm
from webapp.moderation import actions, redacting
from webapp.moderation.forms import HideForm, RedactForm, TranslationForm
from webapp.moderation.publication import publication_message, toggle_publication
from webapp.periods import ScopeError
from webapp.staff import alerts
from webapp.staff.access import can, permission_required

bp = Blueprint("feedback_admin", __name__, url_prefix="/staff/feedback")


def _filters() -> dict:
    return {"quarter": (request.args.get("quarter") or "").strip() or moderation.default_quarter(),
            "service": (request.args.get("service") or "").strip(),
            "page": request.args.get("page", type=int) or 1}


def _back_to_list(anchor: str = ""):
    """Back to the page of the list the button was on (its filters ride in the query)."""
    args = {k: v for k, v in _filters().items() if v and not (k == "page" and v == 1)}
    return redirect(url_for(".index", **args) + (f"#{anchor}" if anchor else ""))


def _response_or_404(response_id: int) -> FeedbackResponse:
    response = db.session.get(FeedbackResponse, response_id)
    if response is None:
        abort(404)
    return response


@bp.get("/")
@permission_required("view_free_text")
def index():
    return _index_page()


def _index_page(refused: tuple[int, HideForm] | None = None):
    """The list. `refused` is (response id, its HideForm) when a hide was
    refused: that response's form opens again with what was chosen and typed."""
    filters = _filters()
    try:
        listing = moderation.listing(filters["quarter"], filters["service"], filters["page"])
        error = ""
    except ScopeError as problem:
        listing, error = None, str(problem)
    if listing and listing.entries:
        record_event("free_text.view", target=f"feedback:{filters['quarter'].upper()}",
                     detail=f"moderation list, {len(listing.entries)} responses (page {listing.page})")
    body = render_template("feedback/moderation/index.html", listing=listing, error=error, filters=filters,
                           services=moderation.services(), toggle=ButtonForm(), hide_form=HideForm(formdata=None),
                           can_moderate=can(current_user, "moderate"), refused=refused or (None, None),
                           errors=_hide_errors(refused))
    db.session.commit()
    return make_response(body, 400 if error or refused else 200)


def _hide_errors(refused) -> dict[str, str]:
    """The error summary's links to the refused hide form's fields."""
    if not refused:
        return {}
    response_id, form = refused
    ids = {"reason": f"reason-{response_id}-spam", "detail": f"detail-{response_id}"}
    return {ids[name]: messages[0] for name, messages in form.errors.items() if name in ids}


def _change(response_id: int, change):
    """A one-button change to a response: `change(response)` returns the message
    to show, or "" when there is nothing to do."""
    response = _response_or_404(response_id)
    if ButtonForm().validate_on_submit():
        message = change(response)
        db.session.commit()
        if message:
            flash(message, "success")
    return _back_to_list(f"response-{response.id}")


@bp.post("/<int:response_id>/safeguarding")
@permission_required("moderate")
def safeguarding(response_id: int):
    return _change(response_id, _toggle_safeguarding)


def _toggle_safeguarding(response) -> str:
    message = actions.toggle_safeguarding(response, f"feedback:{response.id}")
    if response.safeguarding_flag:
        alerts.alert("safeguarding")
    return message


@bp.post("/<int:response_id>/hide")
@permission_required("moderate")
def hide(response_id: int):
    response = _response_or_404(response_id)
    form = HideForm()
    if not form.validate_on_submit():
        return _index_page(refused=(response.id, form))
    flash(actions.hide(response, form.reason_text(), f"feedback:{response.id}", form.reason.data), "success")
    db.session.commit()
    return _back_to_list(f"response-{response.id}")


@bp.post("/<int:response_id>/unhide")
@permission_required("moderate")
def unhide(response_id: int):
    return _change(response_id, lambda response: actions.unhide(response, f"feedback:{response.id}")
                   if response.hidden else "")


@bp.post("/<int:response_id>/publication")
@permission_required("moderate")
def publication(response_id: int):
    ref = request.form.get("ref", "")

    def toggle(response) -> str:
        if not ref.startswith(f"f:{response.id}:") or not moderation.feedback_text_exists(ref):
            return ""
        return publication_message(toggle_publication(ref, current_user))

    return _change(response_id, toggle)


@bp.route("/<int:response_id>/redact", methods=["GET", "POST"])
@permission_required("moderate")
def redact(response_id: int):
    response = _response_or_404(response_id)
    field = request.args.get("field", "")
    if field not in bank.FREE_TEXT_FIELDS:
        abort(404)
    text = getattr(response, field) or ""
    form = RedactForm()
    form.words.choices = dict(redacting.words(text))
    if form.validate_on_submit():
        if form.version.data != redacting.text_version(text):
            flash("The text changed since you opened it. Choose the words again.", "error")
            return redirect(url_for(".redact", response_id=response.id, field=field))
        chosen = set(form.words.data)
        setattr(response, field, redacting.redact_words(text, chosen))
        response.restored_words = redacting.still_restored(response.restored_words, getattr(response, field), field)
        record_event("free_text.redact", target=f"feedback:{response.id}", detail=f"{field}, {len(chosen)} words")
        db.session.commit()
        flash(f"{len(chosen)} {'word' if len(chosen) == 1 else 'words'} redacted.", "success")
        return _back_to_list(f"response-{response.id}")
    if request.method == "GET":
        record_event("free_text.view", target=f"feedback:{response.id}", detail=f"{field}, redact")
    form.version.data = redacting.text_version(text)
    body = render_template("feedback/moderation/redact.html", response=response, field=field, text=text,
                           question=bank.QUESTION_TEXT[field], form=form,
                           restored=moderation.restored_words(response).get(field, ()),
                           back_url=url_for(".index", **{k: v for k, v in _filters().items() if v}))
    db.session.commit()
    return make_response(body, 400 if form.errors else 200)


@bp.route("/<int:response_id>/translate", methods=["GET", "POST"])
@permission_required("moderate")
def translate(response_id: int):
    """Add or change the English working translation of a text Heard cannot read."""
    response = _response_or_404(response_id)
    field = request.args.get("field", "")
    text = getattr(response, field, "") if field in bank.FREE_TEXT_FIELDS else ""
    if not text or not needs_reader(response.text_language):
        abort(404)
    form = TranslationForm(data={"translation": response.working_translation(field)}
                           if request.method == "GET" else None)
    if form.validate_on_submit():
        moderation.add_working_translation(response, field, form.translation.data)
        db.session.commit()
        flash("Working translation saved. Theming will read it; the original is kept.", "success")
        return _back_to_list(f"response-{response.id}")
    if request.method == "GET":
        record_event("free_text.view", target=f"feedback:{response.id}", detail=f"{field}, translate")
    back_url = url_for(".index", **{k: v for k, v in _filters().items() if v}) + f"#response-{response.id}"
    body = render_template("moderation/translate.html", caption=f"Response {response.id}: {bank.QUESTION_TEXT[field]}",
                           code=response.text_language, language=english_name(response.text_language), text=text,
                           form=form, back_url=back_url)
    db.session.commit()
    return make_response(body, 400 if form.errors else 200)


# Keyed entry: a paper feedback form, or feedback given with a worker's help ------------
# "moderate", like this queue: whoever keys it in reads the free text.

@bp.route("/keyed", methods=["GET", "POST"])
@permission_required("moderate")
def keyed_entry():
    form = keyed.entry_form()
    check = None
    if form.validate_on_submit():
        entered = keyed.read(form)
        if not form.needs_check(entered.answers):
            # That feedback was keyed in, by whom and how: never its text, nor the interpreter's language.
            record_event("feedback.keyed_entry", detail=channels.CHANNELS[form.channel.data])
            keyed.save(entered, form.channel.data, form.language.data or "")
            flash("Response saved. It was flagged for safeguarding and is in the safeguarding queue."
                  if entered.categories else "Response saved. You can key in the next one.", "success")
            return redirect(url_for(".keyed_entry"))
        form.checked.data = ""
        check = {"text": keyed.redacted_text(entered), "flagged": bool(entered.categories),
                 "fingerprint": channels.fingerprint(entered.answers)}
    return render_template("feedback/moderation/keyed.html", form=form, check=check)
