"""Languages on the public site (Flask-Babel).

A partnership offers the languages in `LANGUAGES`, first one the default (a
Welsh body can put "cy" first). A visitor chooses one from the language list,
which links to the same page with `?lang=`: nothing is stored on that GET
unless a form is already being filled, and while no form session exists the
choice rides along in the site's own links. Once a form session exists the
choice lives in it, so exiting ends the language with everything else.
`Accept-Language` is only a hint (a controlled phone's settings may be someone
else's choice): it puts that language first in the list, it never switches.
"""

from __future__ import annotations

from babel import Locale
from flask import Flask, current_app, g, has_request_context, render_template, request, session, url_for
from flask_babel import Babel, force_locale, get_locale, gettext, lazy_gettext, ngettext, refresh
from markupsafe import Markup
from wtforms import SelectChoice

# Catalogues shipped under webapp/translations/, in the order the list shows them.
SHIPPED = ("en", "cy", "pl", "ur", "pa", "ro", "bn")
SESSION_KEY = "locale"
QUERY_ARG = "lang"

babel = Babel()


def N_(message: str) -> str:
    """Marks words kept as data (questions, answer choices) for the catalogue;
    they are translated where they are shown, with `lazy_choices` or `_()`."""
    return message


def lazy_choices(pairs) -> list[SelectChoice]:
    """(value, words) pairs as a form's choices, the words in the visitor's
    language. Not a dict: WTForms reads a dict whose labels are not plain
    strings as option groups."""
    return [SelectChoice(value=value, label=lazy_gettext(words)) for value, words in pairs]


def init_app(app: Flask) -> None:
    unknown = [code for code in app.config["LANGUAGES"] if code not in SHIPPED]
    if unknown:
        raise RuntimeError(f"LANGUAGES names languages Heard has no catalogue for: {', '.join(unknown)}")
    app.config["BABEL_DEFAULT_LOCALE"] = app.config["LANGUAGES"][0]
    babel.init_app(app, locale_selector=select_locale)
    app.before_request(_choose_afresh)
    app.url_defaults(_carry_choice_in_links)
    app.after_request(_keep_choice_in_form_session)
    app.context_processor(_language_context)
    app.jinja_env.globals["in_chosen_language"] = in_chosen_language


def _choose_afresh() -> None:
    """Each request chooses its own language (`g` outlives a request when an app
    context was pushed around it, as in the CLI and tests, and Flask-Babel caches
    in it). A `?lang=` is read here, not lazily, so a redirect carries it too."""
    for left_over in ("language_shown", "languages_here", "language_notice"):  # set by `show_page_in`
        g.pop(left_over, None)
    refresh()
    asked = request.args.get(QUERY_ARG)
    g.language_in_url = asked if asked in offered() else None


def offered() -> tuple[str, ...]:
    return tuple(current_app.config["LANGUAGES"])


def select_locale() -> str:
    if not has_request_context():  # the board pack command: the default language
        return offered()[0]
    if g.get("language_shown"):
        return g.language_shown
    if g.get("language_in_url"):
        return g.language_in_url
    saved = session.get(SESSION_KEY)
    return saved if saved in offered() else offered()[0]


def show_page_in(code: str, chosen: str, available: tuple[str, ...]) -> None:
    """This page is shown in `code` rather than the visitor's `chosen` language
    (a consultation not translated into it: never half a translation), with a
    one-line notice in the chosen language; the language list offers only the
    languages the page has. The visit's choice itself is left as it was."""
    g.languages_here = available
    if code != chosen:
        with force_locale(chosen):
            g.language_notice = {"text": gettext("This is not available in %(language)s yet, so it is shown in "
                                                 "English.", language=native_name(chosen)),
                                 "lang": chosen, "dir": Locale.parse(chosen).text_direction}
        g.language_shown = code
        refresh()


def in_chosen_language(template: str, **context) -> Markup:
    """A part of a page `show_page_in` shows in another language, rendered in
    the one the visitor chose (its `part_lang` gives the element its lang and
    dir): the Exit this page button and the help in the footer must be read by
    someone who cannot read the rest."""
    notice = g.language_notice
    with force_locale(notice["lang"]):
        return Markup(render_template(template, part_lang=notice, **context))  # nosec B704 # our own template, rendered with autoescape


def _carry_choice_in_links(endpoint: str, values: dict) -> None:
    """Before a form session exists, a chosen language stays in the site's own
    public links; staff pages and static files are left alone. Once the form
    session exists it holds the language, so the journey's own addresses (the
    redirect that starts it, its form's action) leave it out: the pages a person
    may go back to after Exit then no longer say which language they used."""
    chosen = g.get("language_in_url")
    if chosen and chosen != offered()[0] and not session and _is_public(endpoint):
        values.setdefault(QUERY_ARG, chosen)


def _is_public(endpoint: str | None) -> bool:
    return bool(endpoint) and endpoint != "static" and not endpoint.startswith(
        ("staff", "consultations.", "consultation_results.", "feedback_admin.", "reports.", "themes.", "paper_staff.",
         "public.exit"))


def _keep_choice_in_form_session(response):
    """A form session is made by the journey itself; the language joins it, so
    later pages need nothing in the address."""
    chosen = g.get("language_in_url")
    if chosen and session and session.get(SESSION_KEY) != chosen and _is_public(request.endpoint):
        session[SESSION_KEY] = chosen
    return response


def _language_context() -> dict:
    locale = get_locale()
    code = str(locale) if locale else offered()[0]
    # A page rendered outside a request (the board pack command) has no list to offer.
    choices = language_choices(code) if has_request_context() else []
    return {"html_lang": code, "text_direction": Locale.parse(code).text_direction,
            "language_choices": choices, "language_url": language_url,
            "language_notice": g.get("language_notice") if has_request_context() else None,
            "character_count_words": character_count_words}


def language_url(code: str) -> str:
    """This page, with what it was asked for, in another language."""
    args = {key: value for key, value in request.args.items() if key != QUERY_ARG}
    return url_for(request.endpoint, **(request.view_args or {}), **args, **{QUERY_ARG: code})


def language_choices(current: str) -> list[dict]:
    """Each offered language named in its own language and script, in the
    partnership's order except that the browser's preferred one (a hint only)
    comes first."""
    here = [code for code in offered() if code in g.get("languages_here", offered())]
    hinted = request.accept_languages.best_match(here)
    ordered = sorted(here, key=lambda code: (code != hinted, here.index(code)))
    return [{"code": code, "name": native_name(code), "current": code == current,
             "dir": Locale.parse(code).text_direction} for code in ordered]


def native_name(code: str) -> str:
    name = Locale.parse(code).get_display_name(code)
    return name[:1].upper() + name[1:]


def character_count_words(limit: int) -> dict:
    """GOV.UK's character count in the visitor's language: the hint shown without
    JavaScript, and what its script says as people type, one message for each
    plural category the language has (Polish: one, few, many, other; Welsh: six),
    each with GOV.UK's `%{count}` where the number goes."""
    under, over = {}, {}
    for category, example in _plural_examples(get_locale()).items():
        under[category] = ngettext("You have %(count)s character remaining",
                                   "You have %(count)s characters remaining", example, count="%{count}")
        over[category] = ngettext("You have %(count)s character too many",
                                  "You have %(count)s characters too many", example, count="%{count}")
    return {"textareaDescriptionText": ngettext("You can enter up to %(num)s character",
                                                "You can enter up to %(num)s characters", limit),
            "charactersUnderLimitText": under, "charactersOverLimitText": over,
            "charactersAtLimitText": gettext("You have 0 characters remaining")}


def _plural_examples(locale: Locale) -> dict[str, int]:
    """The smallest number in each of the language's plural categories."""
    examples: dict[str, int] = {}
    for number in range(200):
        examples.setdefault(locale.plural_form(number), number)
    return examples
