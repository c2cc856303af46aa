"""The staff consultation builder under /staff/consultations: details, pages,
questions, the question bank, reordering, duplicating, previewing and the
lifecycle. Views validate, call `webapp.consultations.editing`, commit and
redirect; every change is audited.
Every view carries `permission_required` ("build" to edit, "publish" to move
a consultation through its lifecycle)."""

from __future__ import annotations

from datetime import date

from babel import Locale
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user

from webapp import access_codes
from webapp.audit import record_event
from webapp.consultations import addresses, answer_forms, bank, editing, rules, sharing, translations
from webapp.consultations import forms as f
from webapp.consultations import journey as respond_journey
from webapp.consultations import preview as pv
from webapp.consultations.models import ConsultationPage, Question, ReviewComment
from webapp.consultations.rules import RuleError
from webapp.extensions import db
from webapp.staff.access import permission_required

bp = Blueprint("consultations", __name__, url_prefix="/staff/consultations")

NEW_CODE_KEY = "consultation_new_code"


def _consultation_or_404(consultation_id: int):
    consultation = editing.get_consultation(consultation_id)
    if consultation is None:
        abort(404)
    return consultation


def _page_or_404(consultation, page_id: int) -> ConsultationPage:
    page = db.session.get(ConsultationPage, page_id)
    if page is None or page.consultation_id != consultation.id:
        abort(404)
    return page


def _question_or_404(consultation, question_id: int) -> Question:
    question = db.session.get(Question, question_id)
    if question is None or question.page.consultation_id != consultation.id:
        abort(404)
    return question


def _to_consultation(consultation, anchor: str = ""):
    return redirect(url_for(".show", consultation_id=consultation.id) + (f"#{anchor}" if anchor else ""))


def _refused(consultation, error: RuleError):
    db.session.rollback()
    flash(str(error), "error")
    return _to_consultation(consultation)


@bp.get("")
@permission_required("build")
def index():
    consultations = editing.all_consultations()
    groups = [(status, rules.STATUS_LABELS[status], [c for c in consultations if c.status == status])
              for status in rules.STATUSES]
    return render_template("consultations/builder/index.html", groups=groups,
                           counts=editing.response_counts())


@bp.route("/new", methods=["GET", "POST"])
@permission_required("build")
def new():
    form = f.ConsultationForm()
    if form.validate_on_submit():
        consultation, code = editing.create_consultation(form.data)
        db.session.commit()
        if code:
            session[NEW_CODE_KEY] = code
        return _to_consultation(consultation)
    return make_response(render_template("consultations/builder/details.html", form=form, consultation=None),
                         400 if form.errors else 200)


@bp.get("/<int:consultation_id>")
@permission_required("build")
def show(consultation_id: int):
    consultation = _consultation_or_404(consultation_id)
    return render_template("consultations/builder/show.html", consultation=consultation,
                           share_link=sharing.public_url(consultation), new_code=session.pop(NEW_CODE_KEY, ""),
                           review_url=sharing.review_url(consultation),
                           max_wrong_tries=access_codes.MAX_WRONG_TRIES,
                           action=f.ActionForm(),
                           response_count=editing.response_count(consultation),
                           editable=editing.can_change_structure(consultation),
                           transitions=rules.allowed_transitions(consultation.status),
                           status_labels=rules.STATUS_LABELS,
                           condition_problems={page.id: editing.condition_problem(page) for page in consultation.pages},
                           language_status=_language_status(consultation),
                           today=date.today(),
                           address_editable=consultation.status in addresses.ADDRESS_EDITABLE_STATUSES)


@bp.route("/<int:consultation_id>/edit", methods=["GET", "POST"])
@permission_required("build")
def edit(consultation_id: int):
    consultation = _consultation_or_404(consultation_id)
    form = f.ConsultationForm(obj=consultation)
    if form.validate_on_submit():
        code = editing.update_details(consultation, form.data)
        db.session.commit()
        if code:
            session[NEW_CODE_KEY] = code
        return _to_consultation(consultation)
    return make_response(render_template("consultations/builder/details.html", form=form,
                                         consultation=consultation), 400 if form.errors else 200)


@bp.route("/<int:consultation_id>/address", methods=["GET", "POST"])
@permission_required("build")
def address(consultation_id: int):
    """Change the web address (`/c/<address>`) before it opens; the old one redirects."""
    consultation = _consultation_or_404(consultation_id)
    if consultation.status not in addresses.ADDRESS_EDITABLE_STATUSES:
        return _refused(consultation, RuleError("The web address can only change before the consultation opens."))
    form = f.AddressForm(data={"slug": consultation.slug} if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            addresses.change_slug(consultation, form.slug.data)
        except RuleError as error:
            db.session.rollback()
            form.slug.errors.append(str(error))
        else:
            db.session.commit()
            flash(f"The web address is now {sharing.public_url(consultation)}. The old one takes people there.",
                  "success")
            return _to_consultation(consultation)
    return make_response(render_template("consultations/builder/address.html", form=form, consultation=consultation,
                                         base=sharing.public_base_url() + "/c/"), 400 if form.errors else 200)


@bp.post("/<int:consultation_id>/access-code")
@permission_required("build")
def access_code(consultation_id: int):
    consultation = _consultation_or_404(consultation_id)
    if f.ActionForm().validate_on_submit():
        session[NEW_CODE_KEY] = editing.issue_access_code(consultation)
        db.session.commit()
    return _to_consultation(consultation)


@bp.post("/<int:consultation_id>/status")
@permission_required("publish")
def change_status(consultation_id: int):
    consultation = _consultation_or_404(consultation_id)
    form = f.ActionForm()
    if form.validate_on_submit():
        try:
            code = editing.transition(consultation, form.value.data or "")
        except RuleError as error:
            return _refused(consultation, error)
        db.session.commit()
        if code:
            session[NEW_CODE_KEY] = code
        flash(f"The consultation is now: {consultation.status_label.lower()}.", "success")
    return _to_consultation(consultation)


@bp.post("/<int:consultation_id>/duplicate")
@permission_required("build")
def duplicate(consultation_id: int):
    consultation = _consultation_or_404(consultation_id)
    if not f.ActionForm().validate_on_submit():
        return _to_consultation(consultation)
    copy = editing.duplicate(consultation)
    db.session.commit()
    flash("This is a copy. It is a draft: check it, set its dates and send it for review.", "success")
    return _to_consultation(copy)


# Pages ------------------------------------------------------------------------------

@bp.post("/<int:consultation_id>/pages")
@permission_required("build")
def add_page(consultation_id: int):
    consultation = _consultation_or_404(consultation_id)
    if not f.ActionForm().validate_on_submit():
        return _to_consultation(consultation)
    try:
        page = editing.add_page(consultation, f"Page {len(consultation.pages) + 1}")
    except RuleError as error:
        return _refused(consultation, error)
    db.session.commit()
    return redirect(url_for(".edit_page", consultation_id=consultation.id, page_id=page.id))


@bp.route("/<int:consultation_id>/pages/<int:page_id>", methods=["GET", "POST"])
@permission_required("build")
def edit_page(consultation_id: int, page_id: int):
    consultation = _consultation_or_404(consultation_id)
    page = _page_or_404(consultation, page_id)
    form = f.PageForm(obj=page) if request.method == "GET" else f.PageForm()
    problem = editing.condition_problem(page)
    form.set_questions([(str(q.id), q.text) for q in editing.condition_questions(page)],
                       saved=_saved_condition(page, problem))
    if request.method == "GET":
        form.show_if_question.data = str(page.show_if_question_id or "")
        form.show_if_answers.data = list(page.show_if_values)
    source = _condition_source(consultation, form.show_if_question.data)
    offered = _answers_offered(page, source)
    form.show_if_answers.choices = offered
    # Ticks that are not answers of the chosen question (it was changed) are dropped, not an error.
    form.show_if_answers.data = [value for value in form.show_if_answers.data or [] if value in offered]
    if form.choose.data:  # "Show its answers": the page again, with the chosen question's answers
        return _render_page_form(consultation, page, form, problem, source)
    if form.validate_on_submit():
        if source is not None and not form.show_if_answers.data:
            form.show_if_answers.errors = [f"Tick at least one answer to \u201c{source.text}\u201d, or choose "
                                           "\u201cAlways show this page\u201d"]
        else:
            try:
                editing.update_page(page, form.title.data.strip(), source.id if source else None,
                                    form.show_if_answers.data)
            except RuleError as error:
                db.session.rollback()
                form.show_if_question.errors = [str(error)]
            else:
                db.session.commit()
                return _to_consultation(consultation, f"page-{page.id}")
    return _render_page_form(consultation, page, form, problem, source)


def _render_page_form(consultation, page, form, problem: str, source: Question | None):
    return make_response(render_template("consultations/builder/page.html", form=form, consultation=consultation,
                                         page=page, problem=problem, source=source),
                         400 if form.errors else 200)


def _condition_source(consultation, chosen: str | None) -> Question | None:
    """The question chosen in "Show this page only if", when it is one of this consultation's."""
    if not chosen or not chosen.isdigit():
        return None
    question = db.session.get(Question, int(chosen))
    return question if question is not None and question.page.consultation_id == consultation.id else None


def _answers_offered(page: ConsultationPage, source: Question | None) -> dict[str, str]:
    """The chosen question's answers to tick; for the page's own saved condition, its
    answers too even when they are no longer the question's, so saving it unchanged keeps it."""
    if source is None:
        return {}
    offered = {answer: answer for answer in source.condition_answers}
    if source.id == page.show_if_question_id:
        offered |= {value: f"{value} (no longer an answer: untick it)"
                    for value in page.show_if_values if value not in offered}
    return offered


def _saved_condition(page: ConsultationPage, problem: str) -> tuple[str, str] | None:
    """The page's saved condition's question as a choice even when it no longer works,
    so the screen shows what is really saved and saving it unchanged keeps it."""
    if not page.show_if_question or not page.show_if_values:
        return None
    label = page.show_if_question.text
    return str(page.show_if_question_id), label + (" (no longer works: choose another)" if problem else "")


@bp.route("/<int:consultation_id>/pages/<int:page_id>/delete", methods=["GET", "POST"])
@permission_required("build")
def delete_page(consultation_id: int, page_id: int):
    """GET asks "are you sure?", naming what goes with the page; POST deletes."""
    consultation = _consultation_or_404(consultation_id)
    page = _page_or_404(consultation, page_id)
    if request.method == "GET":
        losing = [p for q in page.questions for p in editing.dependent_pages(q) if p is not page]
        return render_template("consultations/builder/delete.html", consultation=consultation,
                               thing=f"page {page.position + 1}: {page.title}", questions=page.questions,
                               losing=losing, action=request.path)
    if f.ActionForm().validate_on_submit():
        try:
            editing.delete_page(page)
        except RuleError as error:
            return _refused(consultation, error)
        db.session.commit()
    return _to_consultation(consultation)


@bp.post("/<int:consultation_id>/pages/<int:page_id>/move")
@permission_required("build")
def move_page(consultation_id: int, page_id: int):
    consultation = _consultation_or_404(consultation_id)
    page = _page_or_404(consultation, page_id)
    form = f.ActionForm()
    if form.validate_on_submit():
        try:
            editing.move_page(page, form.value.data or "")
        except RuleError as error:
            return _refused(consultation, error)
        db.session.commit()
    return _to_consultation(consultation, f"page-{page.id}")


@bp.route("/<int:consultation_id>/pages/<int:page_id>/question-bank", methods=["GET", "POST"])
@permission_required("build")
def question_bank(consultation_id: int, page_id: int):
    consultation = _consultation_or_404(consultation_id)
    page = _page_or_404(consultation, page_id)
    form = f.QuestionBankForm()
    welsh_body = bank.WELSH in current_app.config["LANGUAGES"]
    if not welsh_body:
        del form.welsh
    if form.validate_on_submit():
        try:
            editing.add_from_bank(page, form.questions.data, form.welsh.data if welsh_body else [])
        except RuleError as error:
            return _refused(consultation, error)
        db.session.commit()
        return _to_consultation(consultation, f"page-{page.id}")
    return make_response(render_template("consultations/builder/question-bank.html", form=form,
                                         consultation=consultation, page=page), 400 if form.errors else 200)


# Languages --------------------------------------------------------------------------

def _language_status(consultation) -> list[dict]:
    """Each language it is offered in, with what is still to translate."""
    return [{"code": code, "name": translations.language_name(code),
             "missing": len(translations.missing(consultation, code))}
            for code in consultation.language_codes]


def _language_or_404(consultation, language: str) -> str:
    if language not in consultation.language_codes:
        abort(404)
    return language


@bp.route("/<int:consultation_id>/languages", methods=["GET", "POST"])
@permission_required("build")
def languages(consultation_id: int):
    """Which of the partnership's languages the consultation is offered in."""
    consultation = _consultation_or_404(consultation_id)
    form = f.LanguagesForm(data={"languages": list(consultation.language_codes)} if request.method == "GET" else None)
    form.languages.choices = translations.language_choices()
    if form.validate_on_submit():
        try:
            translations.set_languages(consultation, form.languages.data or [])
        except RuleError as error:
            db.session.rollback()
            form.languages.errors.append(str(error))
        else:
            db.session.commit()
            return _to_consultation(consultation, "languages")
    return make_response(render_template("consultations/builder/languages.html", form=form,
                                         consultation=consultation), 400 if form.errors else 200)


@bp.get("/<int:consultation_id>/languages/<language>")
@permission_required("build")
def translation(consultation_id: int, language: str):
    """One language: each part with how much is still to translate, and every missing string."""
    consultation = _consultation_or_404(consultation_id)
    _language_or_404(consultation, language)
    rows = []
    for part, name in translations.parts(consultation):
        sources = translations.part_sources(consultation, part)
        rows.append({"part": part, "name": name, "total": len(sources),
                     "missing": len(translations.missing(consultation, language, sources))})
    return render_template("consultations/builder/translation.html", consultation=consultation,
                           language=language, language_name=translations.language_name(language), rows=rows,
                           missing=translations.missing(consultation, language))


@bp.route("/<int:consultation_id>/languages/<language>/<part>", methods=["GET", "POST"])
@permission_required("build")
def translate(consultation_id: int, language: str, part: str):
    """The English of one part (the details, or one question) with a box for each string's translation."""
    consultation = _consultation_or_404(consultation_id)
    _language_or_404(consultation, language)
    sources = translations.part_sources(consultation, part)
    if sources is None:
        abort(404)
    form = f.translation_form(sources, translations.stored(consultation, language),
                              formdata=request.form if request.method == "POST" else None)
    if form.validate_on_submit():
        translations.save_part(consultation, language, sources, [box.data for _source, box in form.boxes])
        db.session.commit()
        following = _next_part(consultation, part)
        if following:
            return redirect(url_for(".translate", consultation_id=consultation.id, language=language, part=following))
        return redirect(url_for(".translation", consultation_id=consultation.id, language=language))
    names = dict(translations.parts(consultation))
    return make_response(render_template(
        "consultations/builder/translate.html", form=form, consultation=consultation, language=language,
        language_name=translations.language_name(language), part_name=names[part],
        direction=Locale.parse(language).text_direction), 400 if form.errors else 200)


def _next_part(consultation, part: str) -> str | None:
    order = [name for name, _label in translations.parts(consultation)]
    index = order.index(part)
    return order[index + 1] if index + 1 < len(order) else None


# Questions --------------------------------------------------------------------------

@bp.route("/<int:consultation_id>/pages/<int:page_id>/questions/new", methods=["GET", "POST"])
@permission_required("build")
def new_question(consultation_id: int, page_id: int):
    consultation = _consultation_or_404(consultation_id)
    page = _page_or_404(consultation, page_id)
    form = f.QuestionForm()
    if _ready_to_save(form) and form.validate_on_submit():
        try:
            editing.add_question(page, form.data)
        except RuleError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            db.session.commit()
            return _to_consultation(consultation, f"page-{page.id}")
    return _question_page(form, consultation, page, None)


@bp.route("/<int:consultation_id>/questions/<int:question_id>", methods=["GET", "POST"])
@permission_required("build")
def edit_question(consultation_id: int, question_id: int):
    consultation = _consultation_or_404(consultation_id)
    question = _question_or_404(consultation, question_id)
    if request.method == "GET":
        form = f.QuestionForm(obj=question)
        form.fill_from(question)
    else:
        form = f.QuestionForm()
    if _ready_to_save(form) and form.validate_on_submit():
        try:
            notes = editing.update_question(question, form.data, current_user._get_current_object())
        except RuleError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            db.session.commit()
            for note in notes:
                flash(note, "success")
            return _to_consultation(consultation, f"page-{question.page_id}")
    return _question_page(form, consultation, question.page, question)


def _ready_to_save(form) -> bool:
    """False while the type is being chosen: "Continue" pressed, or Save pressed with a
    type ticked other than the one whose fields were shown (no JavaScript swaps them),
    so the page comes back with that type's fields to fill in. Enter in a text box
    presses the form's first button, "Change type": with the type unchanged, that saves."""
    if request.method != "POST":
        return False
    shown = form.fields_for.data
    if form.choose.data:
        return bool(shown) and form.kind.data == shown
    if shown and form.kind.data in rules.KINDS and form.kind.data != shown:
        form.type_changed = True  # the page says so above the new fields
        return False
    return True


def _question_page(form, consultation, page, question):
    status = 400 if (form.errors or form.form_errors) else 200
    kind = form.kind.data if form.kind.data in rules.KINDS else None
    form.fields_for.data = kind or ""
    form.words_for(kind)
    return make_response(render_template("consultations/builder/question.html", form=form,
                                         consultation=consultation, page=page, question=question, kind=kind,
                                         kind_label=rules.KINDS.get(kind, ""),
                                         shown=rules.builder_fields(kind),
                                         type_changed=getattr(form, "type_changed", False),
                                         dependents=editing.dependent_pages(question) if question else []),
                         status)


@bp.route("/<int:consultation_id>/questions/<int:question_id>/delete", methods=["GET", "POST"])
@permission_required("build")
def delete_question(consultation_id: int, question_id: int):
    """GET asks "are you sure?", naming any page condition that goes with it; POST deletes."""
    consultation = _consultation_or_404(consultation_id)
    question = _question_or_404(consultation, question_id)
    if request.method == "GET":
        return render_template("consultations/builder/delete.html", consultation=consultation,
                               thing=f"the question \u201c{question.text}\u201d", questions=[],
                               losing=editing.dependent_pages(question), action=request.path)
    if f.ActionForm().validate_on_submit():
        try:
            editing.delete_question(question)
        except RuleError as error:
            return _refused(consultation, error)
        db.session.commit()
    return _to_consultation(consultation)


@bp.post("/<int:consultation_id>/questions/<int:question_id>/move")
@permission_required("build")
def move_question(consultation_id: int, question_id: int):
    consultation = _consultation_or_404(consultation_id)
    question = _question_or_404(consultation, question_id)
    form = f.ActionForm()
    if form.validate_on_submit():
        try:
            editing.move_question(question, form.value.data or "")
        except RuleError as error:
            return _refused(consultation, error)
        db.session.commit()
    return _to_consultation(consultation, f"page-{question.page_id}")


# Preview: the respondent's pages, storing nothing -----------------------------------

@bp.route("/<int:consultation_id>/preview", methods=["GET", "POST"])
@permission_required("build")
def preview(consultation_id: int):
    """The respondent's route: before you start, each page a condition shows,
    check your answers. Answers live in this member of staff's session until
    the preview ends; nothing is sent or stored as a response."""
    consultation = _consultation_or_404(consultation_id)
    if not consultation.pages:
        flash("Add a page and a question before previewing.", "error")
        return _to_consultation(consultation)
    here = url_for(".preview", consultation_id=consultation.id)
    journey = pv.current_preview(session, consultation)
    if request.method == "GET":
        if "start" in request.args:
            pv.start_preview(session, consultation)
            return redirect(here, code=303)
        if "page" in request.args:
            if journey is not None and journey.can_visit(request.args["page"]):
                journey.go_to(request.args["page"])
            return redirect(here, code=303)
        if journey is None:
            return render_template("consultations/respond/before-you-start.html", consultation=consultation,
                                   preview=True, start_url=url_for(".preview", consultation_id=consultation.id,
                                                                   start=1))
        return _preview_step(journey)
    if journey is None:
        return redirect(here, code=303)
    posted = request.form.get("step", "")
    if posted != journey.step and journey.can_visit(posted):
        journey.go_to(posted)
    if posted != journey.step:
        return redirect(here, code=303)
    if journey.step == respond_journey.CHECK:
        return _end_preview(journey)
    form = answer_forms.page_form(journey.page)
    if not form.validate_on_submit():
        return _preview_step(journey, form, status=400 if form.errors else 200)
    values, risks = respond_journey.page_values(journey.page, form.data)
    journey.save_page(journey.page, values, risks)
    return redirect(here, code=303)


def _end_preview(journey):
    missing = journey.first_incomplete_page()
    consultation = journey.consultation
    if missing is not None:
        journey.go_to(str(missing.id))
        return redirect(url_for(".preview", consultation_id=consultation.id), code=303)
    pv.end_preview(session, consultation)
    flash("That was the end of the preview. In the live consultation, this sends the answers and shows "
          "the thank-you page. Nothing was sent or kept.", "success")
    return _to_consultation(consultation)


def _preview_step(journey, form=None, status: int = 200):
    consultation = journey.consultation
    step = journey.step
    if step != respond_journey.CHECK and journey.page is None:
        # The page it was on is no longer shown: a changed answer hid it.
        missing = journey.first_incomplete_page()
        step = str(missing.id) if missing else respond_journey.CHECK
        journey.go_to(step)
    here = url_for(".preview", consultation_id=consultation.id)
    previous = journey.previous_step()
    context = {"consultation": consultation, "step": step, "preview": True, "action": here,
               "back_url": (url_for(".preview", consultation_id=consultation.id, page=previous) if previous
                            else url_for(".show", consultation_id=consultation.id))}
    if step == respond_journey.CHECK:
        journey.mark_checked()
        body = render_template(
            "journeys/check.html", form=form or answer_forms.CheckForm(),
            summary=respond_journey.check_answers(journey), has_free_text=respond_journey.has_free_text(journey),
            sending="your answers (in the preview, nothing is sent)",
            change_url=lambda page_id: url_for(".preview", consultation_id=consultation.id, page=page_id),
            **context)
    else:
        page = journey.page
        form = form or answer_forms.page_form(page, respond_journey.form_data(page, journey.answers))
        body = render_template("consultations/respond/page.html", form=form, page=page,
                               page_number=journey.page_number(), page_count=len(journey.visible_pages()),
                               **context)
    return make_response(body, status)


# Sharing: the plain public link, its QR code and an A4 poster ------------------------
# "build", like the builder page that links here: preparing the link and poster is
# part of getting a consultation ready, and changes nothing about it.

@bp.get("/<int:consultation_id>/share")
@permission_required("build")
def share(consultation_id: int):
    consultation = _consultation_or_404(consultation_id)
    url = sharing.public_url(consultation)
    return render_template("consultations/share/share.html", consultation=consultation, url=url,
                           qr=sharing.qr_data_uri(url))


@bp.get("/<int:consultation_id>/poster.pdf")
@permission_required("build")
def poster(consultation_id: int):
    consultation = _consultation_or_404(consultation_id)
    pdf = sharing.poster_pdf(consultation)
    record_event("consultation.poster", target=consultation.slug)
    db.session.commit()
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{sharing.poster_filename(consultation)}"'
    return response


# Co-production: the group's comments and what the team did with them ----------------

@bp.get("/<int:consultation_id>/comments")
@permission_required("build")
def comments(consultation_id: int):
    consultation = _consultation_or_404(consultation_id)
    return _comments_page(consultation)


@bp.post("/<int:consultation_id>/comments/<int:comment_id>")
@permission_required("build")
def decide_comment(consultation_id: int, comment_id: int):
    consultation = _consultation_or_404(consultation_id)
    comment = db.session.get(ReviewComment, comment_id)
    if comment is None or comment.consultation_id != consultation.id:
        abort(404)
    form = f.DecisionForm(prefix=f"c{comment.id}")
    if not form.validate_on_submit():
        return _comments_page(consultation, forms={comment.id: form}, status=400)
    editing.decide_comment(comment, form.decision.data, form.reason.data)
    db.session.commit()
    return redirect(url_for(".comments", consultation_id=consultation.id) + f"#comment-{comment.id}")


def _comments_page(consultation, forms: dict | None = None, status: int = 200):
    forms = forms or {}
    for comment in consultation.comments:
        if comment.id not in forms:
            forms[comment.id] = f.DecisionForm(prefix=f"c{comment.id}", formdata=None)
    sections = [(question, [c for c in consultation.comments if c.question_id == question.id])
                for question in consultation.questions]
    missing = [c for c in consultation.comments if c.question_id is None]
    error_form = next((form for form in forms.values() if form.errors), None)
    return make_response(render_template("consultations/builder/comments.html", consultation=consultation,
                                         sections=sections, missing=missing, forms=forms, form=error_form,
                                         review_url=sharing.review_url(consultation),
                                         decisions_url=sharing.decisions_url(consultation)),
                         status)
