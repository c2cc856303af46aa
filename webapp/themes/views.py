"""Staff theming pages under /staff/themes (permission `code_themes`): choose
a consultation or a feedback period, run theming and follow its progress,
review each response's suggested themes and confirm or correct them, code
what the model suggests next, review emergent themes, and edit the codebook.
Every change and every view of free text is audited.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user

from webapp.audit import record_event
from webapp.extensions import db
from webapp.forms import ButtonForm
from webapp.staff.access import permission_required
from webapp.themes import codebook as book
from webapp.themes import review
from webapp.themes.forms import MergeForm, NewThemeForm, RangeForm, ThemeForm
from webapp.themes.models import ThemeRun
from webapp.themes.runs import latest_run

bp = Blueprint("themes", __name__, url_prefix="/staff/themes")

REFRESH_SECONDS = 3
NO_THEME = "none"


def _scope_or_404(key: str):
    scope = review.scope_or_none(key)
    if scope is None:
        abort(404)
    return scope


def _page_arg() -> int:
    return max(request.args.get("page", type=int) or 1, 1)


# Choosing what to theme ---------------------------------------------------------------------------

@bp.route("/", methods=["GET", "POST"])
@permission_required("code_themes")
def index():
    form = RangeForm()
    if form.validate_on_submit():
        return redirect(url_for(".scope", key=form.scope().key))
    return make_response(render_template(
        "themes/index.html", form=form, consultations=review.consultation_choices(),
        quarters=review.quarter_choices()), 400 if form.errors else 200)


# Review -----------------------------------------------------------------------------------------

@bp.get("/scope/<key>")
@permission_required("code_themes")
def scope(key: str):
    scope = _scope_or_404(key)
    only_uncoded = request.args.get("show") == "uncoded"
    rows, total, pages = review.review_rows(scope, _page_arg(), only_uncoded)
    page = min(_page_arg(), pages)
    run = latest_run(scope.key)
    if rows:
        record_event("free_text.view", target=scope.key, detail=f"theme review, {len(rows)} items (page {page})")
    body = render_template(
        "themes/scope.html", scope=scope, rows=rows, total=total, page=page, pages=pages,
        only_uncoded=only_uncoded, run=run, going=review.unfinished_run(scope.key),
        runs=review.runs_of(scope.key), code_next=review.code_next(run),
        emergent=review.pending_emergent(run), set_aside=review.set_aside(run), learning=review.learning_note(),
        form=ButtonForm())
    db.session.commit()
    return body


@bp.post("/scope/<key>/runs")
@permission_required("code_themes")
def start(key: str):
    scope = _scope_or_404(key)
    run, started = review.begin_run(scope, current_user)
    db.session.commit()
    if not started:
        flash("Theming is already running for this. Here is its progress.", "success")
    return redirect(url_for(".run_status", run_id=run.id))


@bp.get("/runs/<int:run_id>")
@permission_required("code_themes")
def run_status(run_id: int):
    run = db.session.get(ThemeRun, run_id)
    if run is None:
        abort(404)
    scope = review.scope_or_none(run.scope)
    progress = review.progress(run)
    auto = request.args.get("auto") != "off"
    response = make_response(render_template("themes/run.html", run=run, scope=scope, progress=progress,
                                             auto=auto, refresh=REFRESH_SECONDS))
    if auto and not progress["finished"]:
        # An HTTP refresh: the page updates itself without JavaScript.
        response.headers["Refresh"] = str(REFRESH_SECONDS)
    return response


@bp.route("/scope/<key>/items/<ref>", methods=["GET", "POST"])
@permission_required("code_themes")
def code_item(key: str, ref: str):
    scope = _scope_or_404(key)
    item = review.item_in_scope(scope, ref)
    if item is None:
        abort(404)
    # Checked themes come from request.form.getlist("codes"), so the page can
    # offer a "No theme fits" choice beside them: the form holds only the token.
    form = ButtonForm()
    choices = review.theme_choices()
    chosen, staff_coded = review.current_codes(scope, ref)
    retired = review.retired_labels(ref)
    error = ""
    if form.validate_on_submit():
        chosen = [c for c in request.form.getlist("codes") if c in dict(choices) or c == NO_THEME]
        if not chosen:
            error = "Choose the themes this response is about, or choose \u201cNo theme fits\u201d"
        elif NO_THEME in chosen and len(chosen) > 1:
            error = "Choose themes or \u201cNo theme fits\u201d, not both"
        else:
            review.save_coding(ref, [] if NO_THEME in chosen else chosen, current_user)
            db.session.commit()
            if "next" in request.form:
                return _to_next(scope, ref)
            flash("Themes saved. Heard learns from them at the next run.", "success")
            return redirect(_back_to_review(scope, ref))
    else:
        record_event("free_text.view", target=ref, detail=f"theme coding, {scope.key}")
        # Coded only with themes since retired is not "No theme fits": staff choose again.
        chosen = chosen if chosen or not staff_coded or retired else [NO_THEME]
    body = render_template("themes/code.html", scope=scope, item=item, form=form, choices=choices, chosen=chosen,
                           staff_coded=staff_coded, retired=retired, errors={"codes": error} if error else {},
                           back=_back_to_review(scope, ref))
    db.session.commit()
    return make_response(body, 400 if error else 200)


@bp.post("/scope/<key>/items/<ref>/confirm")
@permission_required("code_themes")
def confirm(key: str, ref: str):
    scope = _scope_or_404(key)
    if review.item_in_scope(scope, ref) is None:
        abort(404)
    codes, _ = review.current_codes(scope, ref)
    review.save_coding(ref, codes, current_user)
    db.session.commit()
    flash("Themes confirmed.", "success")
    return redirect(_back_to_review(scope, ref))


def _to_next(scope, ref: str):
    """After "Save and code the next": the next response nobody has coded, or
    back to the review when none is left."""
    following = review.next_uncoded(scope, ref)
    if following is None:
        flash("Themes saved. Every response here has now been coded by staff.", "success")
        return redirect(_back_to_review(scope, ref))
    flash("Themes saved. Here is the next response nobody has coded yet.", "success")
    return redirect(url_for(".code_item", key=scope.key, ref=following, page=request.args.get("page", type=int),
                            show=request.args.get("show") if request.args.get("show") == "uncoded" else None))


def _back_to_review(scope, ref: str) -> str:
    page = request.args.get("page", type=int)
    show = request.args.get("show") if request.args.get("show") == "uncoded" else None
    url = url_for(".scope", key=scope.key, page=page if page and page > 1 else None, show=show)
    return url + f"#item-{_anchor(ref)}"


def _anchor(ref: str) -> str:
    return ref.replace(":", "-")


@bp.app_template_filter("item_anchor")
def item_anchor(ref: str) -> str:
    return _anchor(ref)


# Emergent themes ----------------------------------------------------------------------------------

def _emergent_or_404(emergent_id: int):
    emergent = book.emergent_or_none(emergent_id)
    if emergent is None or emergent.status != "pending":
        abort(404)
    return emergent


@bp.route("/emergent/<int:emergent_id>/add", methods=["GET", "POST"])
@permission_required("code_themes")
def add_emergent(emergent_id: int):
    emergent = _emergent_or_404(emergent_id)
    form = NewThemeForm()
    if request.method == "GET":
        form.label.data = emergent.name[:1].upper() + emergent.name[1:]
        form.code.data = book.suggested_code(emergent.name)
        form.include.data = "\n".join(emergent.terms)
    if form.validate_on_submit():
        try:
            theme = book.add_emergent(emergent, form.code.data, form.label.data, form.description.data or "",
                                      book.phrases(form.include.data), book.phrases(form.exclude.data),
                                      book.examples(form.examples.data))
        except book.CodebookChange as error:
            getattr(form, error.field or "code").errors.append(str(error))
        else:
            db.session.commit()
            flash(f"“{theme.label}” is in the codebook. Run theming again to find it in responses.", "success")
            return redirect(url_for(".codebook"))
    return make_response(render_template("themes/theme-form.html", form=form, emergent=emergent, theme=None,
                                         title="Add an emergent theme to the codebook"),
                         400 if form.errors else 200)


@bp.post("/emergent/<int:emergent_id>/dismiss")
@permission_required("code_themes")
def dismiss_emergent(emergent_id: int):
    emergent = _emergent_or_404(emergent_id)
    book.dismiss_emergent(emergent)
    db.session.commit()
    flash(f"“{emergent.name}” dismissed.", "success")
    return redirect(url_for(".scope", key=emergent.run.scope) + "#emergent")


# Codebook ---------------------------------------------------------------------------------------------

def _theme_or_404(code: str):
    theme = book.find(code)
    if theme is None:
        abort(404)
    return theme


@bp.get("/codebook")
@permission_required("code_themes")
def codebook():
    themes = book.all_themes()
    return render_template("themes/codebook.html", themes=themes, labels={t.code: t.label for t in themes},
                           form=ButtonForm())


@bp.route("/codebook/new", methods=["GET", "POST"])
@permission_required("code_themes")
def new_theme():
    form = NewThemeForm()
    if form.validate_on_submit():
        try:
            theme = book.add_theme(form.code.data, form.label.data, form.description.data or "",
                                   book.phrases(form.include.data), book.phrases(form.exclude.data),
                                   examples=book.examples(form.examples.data))
        except book.CodebookChange as error:
            db.session.rollback()
            getattr(form, error.field or "code").errors.append(str(error))
        else:
            db.session.commit()
            flash(f"“{theme.label}” added to the codebook.", "success")
            return redirect(url_for(".codebook"))
    return make_response(render_template("themes/theme-form.html", form=form, emergent=None, theme=None,
                                         title="Add a theme"), 400 if form.errors else 200)


@bp.route("/codebook/<code>/edit", methods=["GET", "POST"])
@permission_required("code_themes")
def edit_theme(code: str):
    theme = _theme_or_404(code)
    form = ThemeForm()
    if request.method == "GET":
        form.label.data, form.description.data = theme.label, theme.description
        form.include.data, form.exclude.data = "\n".join(theme.include or []), "\n".join(theme.exclude or [])
        form.examples.data = "\n".join(theme.examples or [])
    if form.validate_on_submit():
        try:
            book.edit_theme(theme, form.label.data, form.description.data or "",
                            book.phrases(form.include.data), book.phrases(form.exclude.data),
                            book.examples(form.examples.data))
        except book.CodebookChange as error:
            db.session.rollback()
            form.label.errors.append(str(error))
        else:
            db.session.commit()
            flash(f"“{theme.label}” saved.", "success")
            return redirect(url_for(".codebook"))
    return make_response(render_template("themes/theme-form.html", form=form, emergent=None, theme=theme,
                                         title=f"Change “{theme.label}”"), 400 if form.errors else 200)


@bp.post("/codebook/<code>/retire")
@permission_required("code_themes")
def retire_theme(code: str):
    return _change(code, book.retire_theme, "“{}” retired. Its name stays on earlier results.")


@bp.post("/codebook/<code>/restore")
@permission_required("code_themes")
def restore_theme(code: str):
    return _change(code, book.restore_theme, "“{}” is in use again.")


def _change(code: str, change, message: str):
    theme = _theme_or_404(code)
    try:
        change(theme)
    except book.CodebookChange as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(message.format(theme.label), "success")
    return redirect(url_for(".codebook") + f"#theme-{theme.code}")


@bp.route("/codebook/<code>/merge", methods=["GET", "POST"])
@permission_required("code_themes")
def merge_theme(code: str):
    theme = _theme_or_404(code)
    if theme.retired:
        flash(f"“{theme.label}” is retired, so it cannot be merged. Restore it first.", "error")
        return redirect(url_for(".codebook"))
    form = MergeForm()
    form.into.choices = {"": "Choose a theme"} | {t.code: t.label + (" (retired)" if t.retired else "")
                                                  for t in book.all_themes()}
    if form.validate_on_submit():
        try:
            into = book.merge_theme(theme, form.into.data)
        except book.CodebookChange as error:
            db.session.rollback()
            form.into.errors = [str(error)]
        else:
            db.session.commit()
            flash(f"“{theme.label}” merged into “{into.label}”.", "success")
            return redirect(url_for(".codebook"))
    return make_response(render_template("themes/merge.html", form=form, theme=theme),
                         400 if form.errors else 200)
