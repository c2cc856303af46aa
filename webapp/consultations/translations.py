"""A consultation in several languages (issue 16, part 2).

Staff write a consultation in English and offer it in other languages the
partnership has switched on (`Consultation.languages`). Every string a
respondent reads is translated one by one, question by question, as GOV.UK
Forms does for Welsh: the title, introduction and results note, each page's
title, and each question's text, hint, answers, grid statements and scale end
labels. Fixed answers (yes or no, the agreement scale, "Other") come from the
site's own catalogues.

A translation keeps the English it translates, so a string whose English has
changed counts as missing again. A language with anything missing cannot be
opened (`check_complete`), and until it is complete respondents who choose it
see the consultation in English with a one-line notice in their language: never
a half-translated page. Answers are stored as the English values, whatever
language they were given in, so counting, conditions and exports are unchanged;
each response records the language it was given in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from babel import Locale
from flask import current_app
from flask_babel import get_locale, gettext
from sqlalchemy import delete

from webapp.audit import record_event
from webapp.consultations.models import Consultation, ConsultationPage, Question, Translation
from webapp.consultations.rules import KINDS_WITH_OWN_LABELS, KINDS_WITH_OWN_OPTIONS, OTHER, RuleError
from webapp.extensions import db
from webapp.i18n import N_, native_name, show_page_in

SOURCE_LANGUAGE = "en"
# Fixed answers (`rules.AGREEMENT`, `rules.YES_NO`), translated by the site's own catalogues.
FIXED_WORDS = (N_("Strongly agree"), N_("Agree"), N_("Neither agree nor disagree"), N_("Disagree"),
               N_("Strongly disagree"), N_("Yes"), N_("No"))
# How each field is named for staff, and whether it is long enough for a text area.
FIELD_NAMES = {"title": "Title", "introduction": "Introduction", "results_where": "Where results are published",
               "results_summary": "Summary of the results",
               "page_title": "Page title", "text": "Question", "hint": "Hint", "option": "Answer",
               "row": "Statement", "low_label": "Label for 0", "high_label": "Label for 10"}
LONG_FIELDS = ("introduction", "hint", "results_summary")
DETAILS = "details"


@dataclass(frozen=True)
class Source:
    """One English string to translate, and where it is."""

    field: str
    source: str
    page_id: int | None = None
    question_id: int | None = None
    where: str = ""  # "Question 3" or "Page 2", for staff

    @property
    def key(self) -> tuple:
        return (self.page_id, self.question_id, self.field, self.source)

    @property
    def name(self) -> str:
        return FIELD_NAMES[self.field]

    @property
    def long(self) -> bool:
        return self.field in LONG_FIELDS or "\n" in self.source

    def describe(self) -> str:
        what = f"{FIELD_NAMES[self.field].lower()} \u201c{_shorten(self.source)}\u201d"
        return f"{self.where}: {what}" if self.where else what[:1].upper() + what[1:]


def _shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


# What there is to translate ---------------------------------------------------------------

def details_sources(consultation: Consultation) -> list[Source]:
    """The consultation's own strings (the results summary once there is one, for the closed page) and
    its pages' titles."""
    sources = [Source("title", consultation.title)]
    sources += [Source(field, getattr(consultation, field)) for field in ("introduction", "results_where",
                                                                         "results_summary")
                if (getattr(consultation, field) or "").strip()]
    sources += [Source("page_title", page.title, page_id=page.id, where=f"Page {number}")
                for number, page in enumerate(consultation.pages, 1) if (page.title or "").strip()]
    return sources


def question_sources(question: Question, number: int) -> list[Source]:
    """Everything of one question a respondent reads that staff wrote."""
    where = f"Question {number}"

    def source(field: str, text: str) -> Source:
        return Source(field, text, question_id=question.id, where=where)

    sources = [source("text", question.text)]
    if (question.hint or "").strip():
        sources.append(source("hint", question.hint))
    if question.kind in KINDS_WITH_OWN_OPTIONS + KINDS_WITH_OWN_LABELS:
        sources += [source("option", option) for option in question.options or []]
    sources += [source("row", row) for row in question.rows]
    if question.kind == "scale10":
        sources += [source(field, question.config[field]) for field in ("low_label", "high_label")
                    if question.config.get(field)]
    return sources


def question_parts(consultation: Consultation) -> list[tuple[Question, int]]:
    """Each question with its number through the whole consultation."""
    return [(question, number) for number, question in enumerate(consultation.questions, 1)]


def all_sources(consultation: Consultation) -> list[Source]:
    sources = details_sources(consultation)
    for question, number in question_parts(consultation):
        sources += question_sources(question, number)
    return sources


def part_sources(consultation: Consultation, part: str) -> list[Source] | None:
    """The strings of one builder page: "details", or "q<question id>"; None when there is no such part."""
    if part == DETAILS:
        return details_sources(consultation)
    for question, number in question_parts(consultation):
        if part == f"q{question.id}":
            return question_sources(question, number)
    return None


def parts(consultation: Consultation) -> list[tuple[str, str]]:
    """(part, its name for staff) in the order the builder walks them."""
    return [(DETAILS, "Title, introduction, results and page titles")] + [
        (f"q{question.id}", f"Question {number}: {_shorten(question.text)}")
        for question, number in question_parts(consultation)]


# What is translated -----------------------------------------------------------------------

def stored(consultation: Consultation, language: str) -> dict[tuple, str]:
    """The language's translations by `Source.key`."""
    return {(t.page_id, t.question_id, t.field, t.source): t.text
            for t in consultation.translations if t.language == language}


def missing(consultation: Consultation, language: str, sources: Iterable[Source] | None = None) -> list[Source]:
    """The strings with no translation into `language` of their English as it is now."""
    have = stored(consultation, language)
    return [source for source in (all_sources(consultation) if sources is None else sources)
            if not have.get(source.key, "").strip()]


def language_name(code: str) -> str:
    """A language as English-speaking staff read it ("Welsh")."""
    return Locale.parse(code).get_display_name("en")


def offerable() -> list[str]:
    """The partnership's languages a consultation can be offered in (all but English)."""
    return [code for code in current_app.config["LANGUAGES"] if code != SOURCE_LANGUAGE]


def available(consultation: Consultation) -> tuple[str, ...]:
    """The languages respondents can see it in now: English, and each offered
    language the partnership still offers that is completely translated."""
    switched_on = current_app.config["LANGUAGES"]
    complete = tuple(code for code in consultation.language_codes
                     if code in switched_on and not missing(consultation, code))
    return (SOURCE_LANGUAGE, *complete)


def check_complete(consultation: Consultation) -> None:
    """Refuse to open a consultation while any language it is offered in has
    strings missing, saying which, so staff can finish them or take the language off."""
    problems = []
    for code in consultation.language_codes:
        gaps = missing(consultation, code)
        if gaps:
            listed = "; ".join(gap.describe() for gap in gaps)
            count = f"{len(gaps)} string{'s' if len(gaps) != 1 else ''}"
            problems.append(f"the {language_name(code)} translation is missing {count}: {listed}")
    if problems:
        raise RuleError("This consultation cannot open yet because " + ". And ".join(problems) +
                        ". Add the missing translations on its Languages page, or stop offering that language.")


# Changing translations --------------------------------------------------------------------

def set_languages(consultation: Consultation, codes: Sequence[str]) -> None:
    """The languages it is offered in; translations of a language taken off are kept, in case it comes back."""
    allowed = offerable()
    chosen = [code for code in allowed if code in codes]
    if consultation.status in ("scheduled", "open"):
        for code in chosen:
            if code not in consultation.language_codes and missing(consultation, code):
                raise RuleError(f"Translate everything into {language_name(code)} before offering it: this "
                                "consultation is already open, and nobody should meet a half-translated page.")
    consultation.languages = ",".join(chosen)
    record_event("consultation.languages", target=consultation.slug,
                 detail=", ".join(language_name(code) for code in chosen) or "English only")


def save_part(consultation: Consultation, language: str, sources: Sequence[Source], texts: Sequence[str]) -> int:
    """Store one builder page's translations (an empty box removes one). Returns how many changed."""
    have = stored(consultation, language)
    changed = 0
    for source, text in zip(sources, texts, strict=True):
        text = (text or "").strip()
        if text == have.get(source.key, ""):
            continue
        changed += 1
        _remove(consultation, language, source)
        if text:
            consultation.translations.append(Translation(
                language=language, page_id=source.page_id, question_id=source.question_id,
                field=source.field, source=source.source, text=text))
    if changed:
        # The words themselves are the consultation's public text, but the audit log keeps only what changed.
        record_event("consultation.translation", target=consultation.slug,
                     detail=f"{language_name(language)}: {changed} string{'s' if changed != 1 else ''} "
                            f"({', '.join(sorted({s.where or 'details' for s in sources}))})")
    return changed


def _remove(consultation: Consultation, language: str, source: Source) -> None:
    for translation in list(consultation.translations):
        if translation.language == language and (translation.page_id, translation.question_id,
                                                 translation.field, translation.source) == source.key:
            consultation.translations.remove(translation)


def forget_question(question: Question) -> None:
    """A question's translations go with it (SQLite may not enforce the foreign key's cascade)."""
    db.session.execute(delete(Translation).where(Translation.question_id == question.id))


def forget_page(page: ConsultationPage) -> None:
    db.session.execute(delete(Translation).where(Translation.page_id == page.id))


def copy_translations(consultation: Consultation, copy: Consultation, pages: dict[int, int],
                      questions: dict[int, int]) -> None:
    """A duplicate keeps the translations, moved to its own pages and questions."""
    for t in consultation.translations:
        copy.translations.append(Translation(
            language=t.language, page_id=pages.get(t.page_id) if t.page_id else None,
            question_id=questions.get(t.question_id) if t.question_id else None,
            field=t.field, source=t.source, text=t.text))


def add_bank_translations(question: Question, language: str, texts: dict[str, str]) -> None:
    """Translations that come with a question from the bank (the Welsh Language Standards questions in Welsh)."""
    consultation = question.page.consultation
    for field, text in texts.items():
        source = Source(field, getattr(question, field), question_id=question.id)
        consultation.translations.append(Translation(language=language, question_id=question.id, field=field,
                                                     source=source.source, text=text))


# Showing a consultation in a language -----------------------------------------------------

Say = Callable[[int | None, int | None, str, str], str]


def wording(consultation: Consultation, language: str) -> Say:
    """Looks up the translation of one string, the English when there is none."""
    have = stored(consultation, language) if language != SOURCE_LANGUAGE else {}

    def say(page_id: int | None, question_id: int | None, field: str, source: str) -> str:
        return have.get((page_id, question_id, field, source), "").strip() or source

    return say


class LocalQuestion:
    """A question as a respondent reads it in one language: its words
    translated, its answers' values still the English ones stored."""

    def __init__(self, question: Question, say: Say, translated: bool):
        self._question = question
        self._say = say
        self._translated = translated

    def __getattr__(self, name: str):
        return getattr(self._question, name)

    def _of(self, field: str, source: str) -> str:
        return self._say(None, self._question.id, field, source) if source else source

    @property
    def text(self) -> str:
        return self._of("text", self._question.text)

    @property
    def hint(self) -> str:
        return self._of("hint", self._question.hint or "")

    @property
    def rows(self) -> tuple[str, ...]:
        return tuple(self._of("row", row) for row in self._question.rows)

    # Easy Read wording is written in English only: in another language the Easy Read
    # version reads the translated question rather than mixing in English.
    @property
    def easy_read_text(self) -> str:
        return "" if self._translated else self._question.easy_read_text

    @property
    def easy_read_hint(self) -> str:
        return "" if self._translated else self._question.easy_read_hint

    @property
    def config(self) -> dict:
        config = dict(self._question.config)
        for field in ("low_label", "high_label"):
            if config.get(field):
                config[field] = self._of(field, config[field])
        return config

    def label(self, choice: str) -> str:
        """What one answer says in this language."""
        if choice == OTHER and self._question.has_other:
            return gettext("Other")
        if choice in (self._question.options or ()):
            return self._of("option", choice)
        if choice in FIXED_WORDS and self._translated:
            return gettext(choice)
        return choice


class LocalPage:
    def __init__(self, page: ConsultationPage, say: Say, translated: bool):
        self._page = page
        self._say = say
        self.questions = [LocalQuestion(question, say, translated) for question in page.questions]

    def __getattr__(self, name: str):
        return getattr(self._page, name)

    @property
    def title(self) -> str:
        return self._say(self._page.id, None, "page_title", self._page.title) if self._page.title else ""


class LocalConsultation:
    """A consultation as respondents read it in `language`; for pages and
    templates only: answers are written against the consultation itself."""

    def __init__(self, consultation: Consultation, language: str):
        self._consultation = consultation
        self.language = language
        say = wording(consultation, language)
        self._say = say
        translated = language != SOURCE_LANGUAGE
        self.pages = [LocalPage(page, say, translated) for page in consultation.pages]

    def __getattr__(self, name: str):
        return getattr(self._consultation, name)

    def _of(self, field: str) -> str:
        source = getattr(self._consultation, field) or ""
        return self._say(None, None, field, source) if source else source

    @property
    def title(self) -> str:
        return self._of("title")

    @property
    def introduction(self) -> str:
        return self._of("introduction")

    @property
    def results_where(self) -> str:
        return self._of("results_where")

    @property
    def has_easy_read(self) -> bool:
        """Offered in English only: staff write Easy Read wording in English."""
        return self.language == SOURCE_LANGUAGE and self._consultation.has_easy_read

    @property
    def results_summary(self) -> str:
        return self._of("results_summary")

    @property
    def questions(self) -> list[LocalQuestion]:
        return [question for page in self.pages for question in page.questions]

    def page(self, page_id: int) -> LocalPage | None:
        return next((page for page in self.pages if page.id == page_id), None)

    def question(self, question_id: int) -> LocalQuestion | None:
        return next((question for question in self.questions if question.id == question_id), None)


def shown_language(consultation: Consultation, chosen: str) -> str:
    """The language a visitor who chose `chosen` sees the consultation in."""
    return chosen if chosen in available(consultation) else SOURCE_LANGUAGE


def localise(consultation: Consultation, language: str) -> LocalConsultation:
    return LocalConsultation(consultation, language)


def as_chosen(consultation: Consultation) -> LocalConsultation:
    """The consultation in the visitor's chosen language when its translation is
    complete, else in English, leaving the page's own language alone: for pages
    that only name a consultation among words of their own ("you said, we did")."""
    return localise(consultation, shown_language(consultation, str(get_locale())))


def in_language(consultation: Consultation) -> LocalConsultation:
    """The consultation in the language the visitor chose, when it has a
    complete translation; else in English, with a notice in their language.
    Sets this request's language, so call it before rendering anything."""
    chosen = str(get_locale())
    shown = shown_language(consultation, chosen)
    show_page_in(shown, chosen, available(consultation))
    return localise(consultation, shown)


def language_choices() -> list[tuple[str, str]]:
    """(code, name) for the builder: each language the partnership offers."""
    return [(code, f"{language_name(code)} ({native_name(code)})") for code in offerable()]
