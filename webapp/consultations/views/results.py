"""Staff pages for a consultation's responses under /staff/consultations/<id>:
the summary (`view_reports`: counts only, never free text), the moderation
queue for free text (`moderate`: redact more, flag for safeguarding, hide with
a reason, unhide) and streamed CSV/JSON exports of redacted data (`export`).
Every view of free text, every moderation action and every export is audited;
the audit row never holds the free text itself."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_login import current_user

from analysis.language import english_name, needs_reader
from webapp import channels
from webapp.audit import record_event
from webapp.consultations import editing, keyed, reporting
from webapp.consultations.models import Answer, ConsultationResponse, answer_ref
from webapp.extensions import db
from webapp.forms import ButtonForm
from webapp.moderation import actions, translating
from webapp.moderation.forms import HideForm, RedactForm, TranslationForm
from webapp.moderation.publication import publication_message, published_refs, toggle_publication
from webapp.moderation.redacting import restored_labels
from webapp.staff import alerts
from webapp.staff.access import permission_required

bp = Blueprint("consultation_results", __name__, url_prefix="/staff/consultations")

PER_PAGE = 50
# The themes room's per-answer themes, handed over by create_app (it sits above this room).
ANSWER_THEMES = "heard_answer_themes"


def _consultation_or_404(consultation_id: int):
    consultation = editing.get_consultation(consultation_id)
    if consultation is None:
        abort(404)
    return consultation


def _response_or_404(consultation, response_id: int) -> ConsultationResponse:
    response = db.session.get(ConsultationResponse, response_id)
    if response is None or response.consultation_id != consultation.id:
        abort(404)
    return response


def _answer_or_404(consultation, answer_id: int) -> Answer:
    answer = db.session.get(Answer, answer_id)
    if (answer is None or answer.response.consultation_id != consultation.id
            or not (answer.question.kind == "free_text" or answer.other_text)):
        abort(404)
    return answer


def _queue_args() -> dict:
    """The moderation queue's page and filters, as query arguments (None when default),
    so every action returns to the same view of the queue."""
    page = request.args.get("page", type=int) or 1
    show = request.args.get("show", "all")
    return {"page": page if page > 1 else None,
            "show": show if show in reporting.MODERATION_FILTERS and show != "all" else None,
            "question": request.args.get("question", type=int) or None}


def _to_queue(consultation, anchor: str = ""):
    return redirect(url_for(".moderation", consultation_id=consultation.id, **_queue_args())
                    + (f"#{anchor}" if anchor else ""))


# Consultations whose results the signed-in member of staff may see ----------------------

@bp.get("/results")
@permission_required("view_reports")
def index():
    """Every consultation that has been open, with the links this person's role
    allows: analysts and board members do not build, so they start here."""
    consultations = [c for c in editing.all_consultations() if c.status not in ("draft", "review")]
    return render_template("consultations/results/index.html", consultations=consultations,
                           counts=editing.response_counts())


# Summary ------------------------------------------------------------------------------

@bp.get("/<int:consultation_id>/responses")
@permission_required("view_reports")
def responses(consultation_id: int):
    consultation = _consultation_or_404(consultation_id)
    weeks, summaries = reporting.released_figures(consultation)
    return render_template("consultations/results/responses.html", consultation=consultation,
                           counts=reporting.counts(consultation), weeks=weeks,
                           summaries=summaries, shown_count=reporting.shown_count)


# Moderation -------------------------------------------------------------------------

@bp.get("/<int:consultation_id>/moderation")
@permission_required("moderate")
def moderation(consultation_id: int):
    consultation = _consultation_or_404(consultation_id)
    return _moderation_page(consultation)


def _moderation_page(consultation, refused: tuple[int, HideForm] | None = None):
    """The queue, filtered. `refused` is (response id, its HideForm) when a hide
    was refused: that card's form opens again with what was chosen and typed."""
    args = _queue_args()
    page = args["page"] or 1
    answers, total = reporting.free_text_answers(consultation, page, PER_PAGE, show=args["show"] or "all",
                                                 question_id=args["question"])
    if answers:
        record_event("free_text.view", target=f"consultation:{consultation.id}",
                     detail=f"moderation queue, {len(answers)} answers (page {page})")
    body = render_template("consultations/results/moderation.html", consultation=consultation,
                           answers=answers, total=total, page=page, args=args,
                           errors=_hide_errors(answers, refused),
                           filters=reporting.MODERATION_FILTERS,
                           questions=reporting.free_text_questions(consultation),
                           pages=max((total + PER_PAGE - 1) // PER_PAGE, 1),
                           toggle=ButtonForm(), hide_form=HideForm(formdata=None),
                           refused=refused or (None, None),
                           published=published_refs([answer_ref(answer.id) for answer in answers]),
                           translation_note=lambda code, translation: translating.language_note(code,
                                                                                                bool(translation)),
                           restored_labels=restored_labels)
    db.session.commit()
    return make_response(body, 400 if refused else 200)


def _hide_errors(answers, refused) -> dict[str, str]:
    """The error summary's links for a refused hide: to the fields of the first
    card of that response on the page."""
    if not refused:
        return {}
    response_id, form = refused
    card = next((answer for answer in answers if answer.response_id == response_id), None)
    if card is None:
        return {}
    ids = {"reason": f"reason-{card.id}-spam", "detail": f"detail-{card.id}"}
    return {ids[name]: messages[0] for name, messages in form.errors.items() if name in ids}


@bp.route("/<int:consultation_id>/moderation/answers/<int:answer_id>/redact", methods=["GET", "POST"])
@permission_required("moderate")
def redact(consultation_id: int, answer_id: int):
    consultation = _consultation_or_404(consultation_id)
    answer = _answer_or_404(consultation, answer_id)
    form = RedactForm()
    field = answer.typed_field
    form.words.choices = dict(reporting.words(answer.typed_text))
    if form.validate_on_submit():
        if form.version.data != reporting.text_version(answer.typed_text):
            flash("The text changed since you opened it. Choose the words again.", "error")
            return redirect(url_for(".redact", consultation_id=consultation.id, answer_id=answer.id))
        chosen = set(form.words.data)
        setattr(answer, field, reporting.redact_words(answer.typed_text, chosen))
        answer.restored_words = reporting.still_restored(answer.restored_words, answer.typed_text)
        record_event("free_text.redact", target=f"answer:{answer.id}",
                     detail=f"consultation:{consultation.id}, {len(chosen)} words")
        db.session.commit()
        flash(f"{len(chosen)} {'word' if len(chosen) == 1 else 'words'} redacted.", "success")
        return _to_queue(consultation, f"answer-{answer.id}")
    if request.method == "GET":
        record_event("free_text.view", target=f"answer:{answer.id}", detail=f"consultation:{consultation.id}, redact")
    form.version.data = reporting.text_version(answer.typed_text)
    body = render_template("consultations/results/redact.html", consultation=consultation, answer=answer, form=form,
                           restored_labels=restored_labels)
    db.session.commit()
    return make_response(body, 400 if form.errors else 200)


@bp.route("/<int:consultation_id>/moderation/answers/<int:answer_id>/translate", methods=["GET", "POST"])
@permission_required("moderate")
def translate(consultation_id: int, answer_id: int):
    """Add or change the English working translation of an answer Heard cannot read."""
    consultation = _consultation_or_404(consultation_id)
    answer = _answer_or_404(consultation, answer_id)
    if not needs_reader(answer.text_language):
        abort(404)
    form = TranslationForm(data={"translation": answer.working_translation} if request.method == "GET" else None)
    if form.validate_on_submit():
        answer.working_translation = translating.working_translation(
            form.translation.data, answer.text_language, f"answer:{answer.id}", f"consultation:{consultation.id}")
        db.session.commit()
        flash("Working translation saved. Theming will read it; the original is kept.", "success")
        return _to_queue(consultation, f"answer-{answer.id}")
    if request.method == "GET":
        record_event("free_text.view", target=f"answer:{answer.id}",
                     detail=f"consultation:{consultation.id}, translate")
    back_url = url_for(".moderation", consultation_id=consultation.id, **_queue_args()) + f"#answer-{answer.id}"
    body = render_template("moderation/translate.html", caption=f"Answer {answer.id}: {answer.question.text}",
                           code=answer.text_language, language=english_name(answer.text_language), text=answer.value,
                           form=form, back_url=back_url)
    db.session.commit()
    return make_response(body, 400 if form.errors else 200)


@bp.post("/<int:consultation_id>/moderation/responses/<int:response_id>/safeguarding")
@permission_required("moderate")
def safeguarding(consultation_id: int, response_id: int):
    consultation = _consultation_or_404(consultation_id)
    response = _response_or_404(consultation, response_id)
    if ButtonForm().validate_on_submit():
        flash(actions.toggle_safeguarding(response, f"response:{response.id}", f"consultation:{consultation.id}"),
              "success")
        if response.safeguarding_flag:
            alerts.alert("safeguarding")
        db.session.commit()
    return _to_queue(consultation)


@bp.post("/<int:consultation_id>/moderation/responses/<int:response_id>/hide")
@permission_required("moderate")
def hide(consultation_id: int, response_id: int):
    consultation = _consultation_or_404(consultation_id)
    response = _response_or_404(consultation, response_id)
    form = HideForm()
    if not form.validate_on_submit():
        return _moderation_page(consultation, refused=(response.id, form))
    flash(actions.hide(response, form.reason_text(), f"response:{response.id}",
                          f"consultation:{consultation.id}, {form.reason.data}"), "success")
    db.session.commit()
    return _to_queue(consultation)


@bp.post("/<int:consultation_id>/moderation/responses/<int:response_id>/checked")
@permission_required("moderate")
def checked(consultation_id: int, response_id: int):
    """Mark a response as read by a moderator (or not), so "Not checked yet" shows what is left."""
    consultation = _consultation_or_404(consultation_id)
    response = _response_or_404(consultation, response_id)
    if ButtonForm().validate_on_submit():
        response.checked = not response.checked
        record_event("response.checked" if response.checked else "response.unchecked",
                     target=f"response:{response.id}", detail=f"consultation:{consultation.id}")
        db.session.commit()
        flash(f"Response {response.id} marked as {'checked' if response.checked else 'not checked'}.", "success")
    return _to_queue(consultation)


@bp.post("/<int:consultation_id>/moderation/responses/<int:response_id>/unhide")
@permission_required("moderate")
def unhide(consultation_id: int, response_id: int):
    consultation = _consultation_or_404(consultation_id)
    response = _response_or_404(consultation, response_id)
    if ButtonForm().validate_on_submit() and response.hidden:
        flash(actions.unhide(response, f"response:{response.id}", f"consultation:{consultation.id}"), "success")
        db.session.commit()
    return _to_queue(consultation)


@bp.post("/<int:consultation_id>/moderation/answers/<int:answer_id>/publication")
@permission_required("moderate")
def publication(consultation_id: int, answer_id: int):
    consultation = _consultation_or_404(consultation_id)
    answer = _answer_or_404(consultation, answer_id)
    if answer.typed_field != "value":
        abort(404)  # only free-text answers are quoted; "Other" text is not
    if ButtonForm().validate_on_submit():
        flash(publication_message(toggle_publication(answer_ref(answer.id), current_user)), "success")
        db.session.commit()
    return _to_queue(consultation, f"answer-{answer.id}")


# Exports ----------------------------------------------------------------------------

EXPORTS = {"csv": ("text/csv; charset=utf-8", reporting.export_csv),
           "json": ("application/json", reporting.export_json),
           "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", reporting.export_xlsx)}


def _export(consultation_id: int, kind: str):
    consultation = _consultation_or_404(consultation_id)
    include_hidden = request.args.get("include_hidden") == "1"
    record_event(f"export.{kind}", target=f"consultation:{consultation.id}",
                 detail="hidden responses included" if include_hidden else "")
    db.session.commit()
    questions = list(consultation.questions)
    source = current_app.extensions.get(ANSWER_THEMES)
    mimetype, generate = EXPORTS[kind]
    output = generate(consultation, questions, include_hidden, source(consultation) if source else None)
    body = output if isinstance(output, bytes) else stream_with_context(output)
    filename = f"{consultation.slug}{'-with-hidden' if include_hidden else ''}.{kind}"
    return Response(body, content_type=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/<int:consultation_id>/export.csv")
@permission_required("export")
def export_csv(consultation_id: int):
    return _export(consultation_id, "csv")


@bp.get("/<int:consultation_id>/export.json")
@permission_required("export")
def export_json(consultation_id: int):
    return _export(consultation_id, "json")


@bp.get("/<int:consultation_id>/export.xlsx")
@permission_required("export")
def export_xlsx(consultation_id: int):
    return _export(consultation_id, "xlsx")


# Keyed entry: a paper response, or one given with a worker's help --------------------
# "moderate", like the moderation queue: whoever keys it in reads the free text.

@bp.route("/<int:consultation_id>/keyed", methods=["GET", "POST"])
@permission_required("moderate")
def keyed_entry(consultation_id: int):
    consultation = _consultation_or_404(consultation_id)
    if consultation.status != "open":
        flash("Responses can be keyed in only while the consultation is open.", "error")
        return redirect(url_for("consultations.show", consultation_id=consultation.id))
    form = keyed.entry_form(consultation)
    check = None
    if form.validate_on_submit():
        entered = keyed.read(consultation, form.data)
        if not form.needs_check(entered.answers):
            return _save_keyed(consultation, entered, form)
        form.checked.data = ""
        check = {"text": keyed.redacted_text(consultation, entered), "flagged": bool(entered.categories),
                 "fingerprint": channels.fingerprint(entered.answers)}
    numbers = keyed.question_numbers(consultation)
    return render_template("consultations/keyed/entry.html", consultation=consultation, form=form, check=check,
                           pages=keyed.keyed_pages(consultation),
                           condition_words=lambda page: keyed.condition_words(page, numbers))


def _save_keyed(consultation, entered, form):
    channel, language = form.channel.data, form.language.data or ""
    # That a response was keyed, by whom and how: never its text, nor the interpreter's language.
    record_event("consultation.keyed_entry", target=consultation.slug, detail=channels.CHANNELS[channel])
    form_language = form.form_language.data if "form_language" in form else "en"
    keyed.save(consultation, entered, channel, language, form_language=form_language)
    flash("Response saved. It was flagged for safeguarding and is in the safeguarding queue."
          if entered.categories else "Response saved. You can key in the next one.", "success")
    return redirect(url_for(".keyed_entry", consultation_id=consultation.id))
