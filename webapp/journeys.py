"""What every anonymous journey shares (feedback, answering or reviewing a
consultation, the group view): rate limiting that keeps what was typed, the
rows of a check-your-answers page, and ending the visit.

Each journey keeps its state in the server-side session under its own key and
ends it on its thank-you page; the templates share one step shell, one check
page and one thank-you page (`templates/journeys/`).

Three rules keep answers from being seen again by someone else on the phone:

- The exit marker. *Exit this page* (the script) sets a cookie called
  `heard_exit` before it leaves. If the request to /exit never reaches Heard (no
  signal), the marker rides on the next request instead, and `honour_exit_marker`
  ends the session before anything is rendered.
- Answers are shown only when the journey itself asked for the page (after a
  Continue, a Change link or a Back link). A page reached any other way (the
  browser's Back button, reloading, reopening the site) shows the "your answers
  are hidden" page with a Continue button instead. Without JavaScript an exit
  without signal cannot leave a marker, and this is what keeps the answers off
  the screen.
- A journey left alone for JOURNEY_IDLE_MINUTES (a tab closed without exiting)
  is forgotten on the next request, and the session store forgets it after
  PERMANENT_SESSION_LIFETIME in any case."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from functools import cache

from babel import Locale
from flask import Flask, current_app, flash, g, redirect, render_template, request, session
from flask_babel import force_locale, get_locale, gettext, ngettext
from limits import parse
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from webapp.access_codes import CodeCheck
from webapp.extensions import limiter
from webapp.i18n import SHIPPED
from webapp.privacy import rate_limit_key

STEPS_KEY = "journey_steps"
LIMITED_EVENTS = "journey"  # the limiter's name for starts, access codes and sends together


def start_allowed() -> bool:
    """Count a new journey (opened by a link, so no form to keep) against the address's limit."""
    return _hit()


def post_allowed(session, *, starting: bool = False, counted: bool = False) -> bool:
    """Every page posted counts against the visit's cap. Only a new journey or a
    submission (`starting`, `counted`) counts against the connection's limit
    (wrong access codes have their own, `code_tries_allowed`). A person who is
    slowed down gets the form again with what they typed, not a bare 429 page."""
    if not step_allowed(session):
        return False
    return (not starting or _hit()) and (not counted or _hit())


def step_allowed(session) -> bool:
    """The pages one visit may post, against scripts: counted in the session,
    so a step costs no rate-limit round trip. No person comes near the cap."""
    steps = session.get(STEPS_KEY, 0) + 1
    session[STEPS_KEY] = steps
    if steps <= current_app.config["JOURNEY_STEP_LIMIT"]:
        return True
    g.heard_wait_minutes = 0  # not a matter of waiting: the notice says so
    return False


def _hit() -> bool:
    """FEEDBACK_RATE_LIMIT counts what a shared connection (a refuge's Wi-Fi, a
    library PC, a mobile network) does many times an hour for real people:
    journeys started and answers sent, never every Continue.
    A refusal works out how long the wait really is, for the message."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return True
    limit = _parsed(current_app.config["FEEDBACK_RATE_LIMIT"])
    key = rate_limit_key()
    if limiter.limiter.hit(limit, LIMITED_EVENTS, key):
        return True
    _note_the_wait(limit, LIMITED_EVENTS, key)
    return False


def _note_the_wait(limit, bucket: str, key: str) -> None:
    """How long a refused person really waits, for the notice and the 429 page
    (they read g). Only a refusal pays this second round trip."""
    reset_at, _remaining = limiter.limiter.get_window_stats(limit, bucket, key)
    g.heard_wait_minutes = max(1, math.ceil((reset_at - time.time()) / 60))


def throttle_allows(setting: str, bucket: str) -> bool:
    """Count one try against the limit in config `setting`, per visitor (the
    salted hash of their address, `privacy.rate_limit_key`) in its own `bucket`,
    so staff sign-in or wrong access codes never use up a respondent's posts."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return True
    limit = _parsed(current_app.config[setting])
    return limiter.limiter.hit(limit, bucket, rate_limit_key())


WRONG_CODE = ("That access code is not right. Check it with the person who gave it to you, "
              "and try again.")
STOPPED_CODE = ("This access code has stopped working because it was entered wrongly too many times. "
                "Ask the person who gave it to you for a new one.")


def code_tries_allowed() -> bool:
    """Whether this visitor may try an access code now: ACCESS_CODE_RATE_LIMIT
    wrong codes per visitor, in their own bucket, so wrong codes never use up
    anyone's feedback posts (nor right ones, typed by a whole group in one room)."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return True
    limit, key = _parsed(current_app.config["ACCESS_CODE_RATE_LIMIT"]), rate_limit_key()
    if limiter.limiter.test(limit, "access-code", key):
        return True
    _note_the_wait(limit, "access-code", key)
    return False


def code_refused(result: CodeCheck) -> str | None:
    """The message for the code field when a counted try (`access_codes`) was
    not right, having counted it against the visitor; None when it was right."""
    if result.ok:
        return None
    if current_app.config.get("RATELIMIT_ENABLED", True):
        limiter.limiter.hit(_parsed(current_app.config["ACCESS_CODE_RATE_LIMIT"]), "access-code", rate_limit_key())
    return STOPPED_CODE if result.stopped else WRONG_CODE


@cache
def _parsed(limit: str):
    return parse(limit)


def flash_put_back(count: int) -> None:
    if count:
        flash(ngettext("We put back %(num)d word. Check your answers again, then send them.",
                       "We put back %(num)d words. Check your answers again, then send them.", count), "success")
    else:
        flash(gettext("Tick the words you want to put back, or send your answers as they are."), "error")


@dataclass(frozen=True)
class HelpInLanguage:
    """The danger-first help block in the writer's own language (`code`, `direction`, `html`)."""

    code: str
    direction: str
    html: Markup


def help_in_language(code: str) -> HelpInLanguage | None:
    """For a thank-you page: free text in a language Heard cannot read leads with the
    urgent-help block (999, the helplines) in that language, saying someone will find a
    reader. None when the page is already in that language (it then shows the block
    itself) or Heard has no catalogue for it."""
    if not code or code not in SHIPPED or str(get_locale()) == code:
        return None
    with force_locale(code):
        html = Markup(render_template("components/urgent-help.html", reader_note=True))  # nosec B704 # our own template, rendered with autoescape
    return HelpInLanguage(code, Locale.parse(code).text_direction, html)


STORED_KEY = "heard_answers_stored"


def answers_stored() -> None:
    """Say that new answers are stored, to theming if the app listens
    (``webapp.themes.runs.queue_embedding``, handed down by the factory):
    the journeys sit below the themes room and cannot call it."""
    listener = current_app.extensions.get(STORED_KEY)
    if listener is not None:
        listener()


def end_session(session) -> None:
    """Forget everything the visit held: the cookie is deleted on this response."""
    session.clear()


EXIT_MARKER = "heard_exit"
SAFE_METHODS = frozenset({"GET", "HEAD"})


def honour_exit_marker():
    """The person pressed Exit and the exit may not have reached us: end the
    session now. A form posted after the exit (from the browser's history) is
    not read; the page is fetched again instead."""
    if EXIT_MARKER not in request.cookies:
        return None
    end_session(session)
    g.heard_exited = True
    if request.method not in SAFE_METHODS:
        return redirect(request.path, code=303)
    return None


def forget_exit_marker(response):
    if g.get("heard_exited"):
        response.delete_cookie(EXIT_MARKER, path="/", samesite="Strict",
                               secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")))
    return response


def init_app(app: Flask) -> None:
    # First of all before-request hooks: before the CSRF check reads the session.
    app.before_request_funcs.setdefault(None, []).insert(0, honour_exit_marker)
    app.after_request(forget_exit_marker)


CARRY_PREFIX = "carry-"


def carried_fields(form, names) -> list[tuple[str, str]]:
    """What was typed on a page whose visit timed out behind an access code:
    sent back to the browser in hidden fields of the code page (never kept on
    the server), so the page comes back filled in once the code is given."""
    return [(f"{CARRY_PREFIX}{name}", value) for name in names for value in form.getlist(name)]


def still_carried(form) -> list[tuple[str, str]]:
    """The carried fields again, for a code page shown again (a wrong code)."""
    return [(key, value) for key, value in form.items(multi=True) if key.startswith(CARRY_PREFIX)]


def uncarried(form) -> MultiDict:
    """The carried fields of a posted code page, under their own names again."""
    return MultiDict([(key.removeprefix(CARRY_PREFIX), value) for key, value in form.items(multi=True)
                      if key.startswith(CARRY_PREFIX)])


SHOW_ANSWERS_KEY = "journey_show"


def let_next_page_show_answers(session) -> None:
    """The journey is about to redirect to its own page: that page may show answers."""
    session[SHOW_ANSWERS_KEY] = True


def may_show_answers(session) -> bool:
    """True once, for the page the journey asked for; False for Back, reload or reopening."""
    return bool(session.pop(SHOW_ANSWERS_KEY, False))


def idle_minutes() -> int:
    return int(current_app.config["JOURNEY_IDLE_MINUTES"])


def fresh_state(session, key: str) -> dict | None:
    """A journey's state, or None if it was left alone too long (forgotten now).
    Each request that finds it fresh starts its idle time again."""
    state = session.get(key)
    if state is None:
        return None
    now = int(time.time())
    if now - state.get("at", now) > idle_minutes() * 60:
        del session[key]
        return None
    state["at"] = now
    session.modified = True
    return state


@dataclass(frozen=True)
class SummaryRow:
    """One answer on a check-your-answers page, and the step that changes it."""

    question: str
    answer: str
    step: str
    needed: bool = False  # a required answer lost when the visit timed out


@dataclass(frozen=True)
class SummarySection:
    title: str
    rows: tuple[SummaryRow, ...]
