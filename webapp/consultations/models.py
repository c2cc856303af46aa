"""Consultations: surveys the engagement team builds, co-produces with the
service-user group, opens to the public and reports on.

Free text columns only ever hold redacted text. Like feedback, responses carry
no identifiers and no time of day: dates are stored to the day.

Group access codes are stored hashed. A code is shared among the members of the
service-user group, so it is low value, but the database may one day be
disclosed; Heard generates codes of three short words (e.g. ``otter-lantern-plum``),
shows a new code to staff once, and keeps only its hash. Staff issue a new code
whenever they need one (which retires the old one).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.access_codes import CodeCheck, access_code_matches, check_counted
from webapp.channels import LANGUAGE_MAX, ONLINE
from webapp.consultations.rules import (
    KINDS,
    NO_ANSWER_KINDS,
    STATUS_LABELS,
    choices_for,
    condition_answers,
    condition_values,
)
from webapp.crypto import EncryptedJSON, EncryptedText
from webapp.extensions import RandomId, db, random_id
from webapp.staff.models import StaffUser


class Consultation(db.Model):
    __tablename__ = "consultation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    introduction: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(String(20), default="public")
    access_code_hash: Mapped[str] = mapped_column(String(200), default="")
    # Tries at the access code since the last right one; MAX_WRONG_TRIES wrong in
    # a row stop it (`code_stopped_at`) until staff issue a new one (access_codes.py).
    code_failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    code_stopped_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    opens_on: Mapped[date | None] = mapped_column(Date)
    closes_on: Mapped[date | None] = mapped_column(Date)
    results_due_on: Mapped[date | None] = mapped_column(Date)
    results_where: Mapped[str] = mapped_column(String(300), default="")
    results_published_on: Mapped[date | None] = mapped_column(Date)
    results_summary: Mapped[str] = mapped_column(Text, default="")
    created_on: Mapped[date] = mapped_column(Date, default=date.today)
    # Set once staff have been told it has its first response (staff/alerts.py), so they are told once.
    first_response_alerted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The languages it is offered in besides the one staff write it in (English), from the
    # partnership's LANGUAGES, comma-separated ("cy,ur"); each needs every string translated
    # (`translations.missing`) before it can open.
    languages: Mapped[str] = mapped_column(String(60), default="", server_default="")

    pages: Mapped[list[ConsultationPage]] = relationship(
        back_populates="consultation", order_by="ConsultationPage.position",
        cascade="all, delete-orphan")
    comments: Mapped[list[ReviewComment]] = relationship(
        back_populates="consultation", order_by="ReviewComment.id", cascade="all, delete-orphan")
    changes: Mapped[list[ChangeRecord]] = relationship(
        back_populates="consultation", order_by="ChangeRecord.id", cascade="all, delete-orphan")
    responses: Mapped[list[ConsultationResponse]] = relationship(
        back_populates="consultation", cascade="all, delete-orphan")
    old_slugs: Mapped[list[OldSlug]] = relationship(
        back_populates="consultation", order_by="OldSlug.id", cascade="all, delete-orphan")
    translations: Mapped[list[Translation]] = relationship(
        back_populates="consultation", order_by="Translation.id", cascade="all, delete-orphan")

    @property
    def language_codes(self) -> tuple[str, ...]:
        """The languages it is offered in besides English, in the order staff added them."""
        return tuple(code for code in (self.languages or "").split(",") if code)

    @property
    def questions(self) -> list[Question]:
        return [question for page in self.pages for question in page.questions]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def has_easy_read(self) -> bool:
        """An Easy Read version is offered once staff have written Easy Read wording for
        every question (never a page half in Easy Read)."""
        return bool(self.questions) and all(question.easy_read_text for question in self.questions)

    def access_code_matches(self, code: str) -> bool:
        return access_code_matches(code, self.access_code_hash)

    def check_access_code(self, code: str) -> CodeCheck:
        """A counted try at this consultation's code (commits the count)."""
        return check_counted(self, code, self.access_code_hash)


class OldSlug(db.Model):
    """An address the consultation had before staff changed it: `/c/<old>` (and
    the review address) redirect to the current one, so printed posters and
    shared links keep working."""

    __tablename__ = "consultation_old_slug"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), index=True)

    consultation: Mapped[Consultation] = relationship(back_populates="old_slugs")


class ConsultationPage(db.Model):
    """A group of questions shown together; optionally shown only when an
    earlier single-choice style answer matches `show_if_value`."""

    __tablename__ = "consultation_page"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200), default="")
    show_if_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultation_question.id", use_alter=True, name="fk_page_show_if_question",
                   ondelete="SET NULL"))
    # One answer, or several a line each: the page is shown if the answer is one of them.
    show_if_value: Mapped[str] = mapped_column(Text, default="")

    consultation: Mapped[Consultation] = relationship(back_populates="pages")
    questions: Mapped[list[Question]] = relationship(
        back_populates="page", order_by="Question.position", cascade="all, delete-orphan",
        foreign_keys="Question.page_id")
    show_if_question: Mapped[Question | None] = relationship(foreign_keys=[show_if_question_id],
                                                             post_update=True)

    @property
    def show_if_values(self) -> tuple[str, ...]:
        return condition_values(self.show_if_value)

    @property
    def question_ids(self) -> tuple[int, ...]:
        """For `rules.visible_pages`, which hides pages that depend on a hidden page."""
        return tuple(question.id for question in self.questions)


class Question(db.Model):
    __tablename__ = "consultation_question"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("consultation_page.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(String(400))
    hint: Mapped[str] = mapped_column(String(600), default="")
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    options: Mapped[list] = mapped_column(JSON, default=list)
    char_limit: Mapped[int | None] = mapped_column(Integer)
    # What a kind needs beyond its options (`rules.normalise_settings`).
    settings: Mapped[dict | None] = mapped_column(JSON, default=dict)
    # Set when the first response arrives: from then on only wording may change.
    meaning_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    # The Easy Read version's wording, written by staff (`consultations/easy_read.py`); wording,
    # so it may change after responses (recorded like the text and hint).
    easy_read_text: Mapped[str] = mapped_column(String(400), default="", server_default="")
    easy_read_hint: Mapped[str] = mapped_column(String(600), default="", server_default="")

    page: Mapped[ConsultationPage] = relationship(back_populates="questions", foreign_keys=[page_id])
    wording_changes: Mapped[list[WordingChange]] = relationship(
        back_populates="question", order_by="WordingChange.id", cascade="all, delete-orphan")

    @property
    def config(self) -> dict:
        return self.settings or {}

    @property
    def choices(self) -> tuple[str, ...]:
        return choices_for(self.kind, self.options, self.config)

    @property
    def has_other(self) -> bool:
        return bool(self.config.get("other"))

    @property
    def rows(self) -> tuple[str, ...]:
        """A grid's statements, each answered with one of `choices`."""
        return tuple(self.config.get("rows", ()))

    @property
    def condition_answers(self) -> tuple[str, ...]:
        """What a page condition on this question can name (`rules.condition_answers`)."""
        return condition_answers(self.kind, self.choices, self.rows)

    @property
    def answerable(self) -> bool:
        """False for information between questions."""
        return self.kind not in NO_ANSWER_KINDS

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


class WordingChange(db.Model):
    """A wording fix made after responses existed, kept so reports can say so."""

    __tablename__ = "consultation_wording_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("consultation_question.id"), index=True)
    field: Mapped[str] = mapped_column(String(20), default="text")
    old: Mapped[str] = mapped_column(Text)
    new: Mapped[str] = mapped_column(Text)
    changed_on: Mapped[date] = mapped_column(Date, default=date.today)
    # Empty once the staff account is deleted; the audit log keeps the email.
    changed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)

    question: Mapped[Question] = relationship(back_populates="wording_changes")
    changed_by: Mapped[StaffUser | None] = relationship()


class Translation(db.Model):
    """One string of a consultation in another language: the consultation's
    title, introduction or results note, a page's title, or a question's text,
    hint, answer, grid statement or scale end label. It keeps the English it
    translates (`source`): when staff change the English, the translation no
    longer matches and the string counts as missing again, so a respondent never
    meets a translation of words the consultation no longer says."""

    __tablename__ = "consultation_translation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(8))
    page_id: Mapped[int | None] = mapped_column(ForeignKey("consultation_page.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultation_question.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)

    consultation: Mapped[Consultation] = relationship(back_populates="translations")


class ReviewComment(db.Model):
    """An anonymous comment from the service-user group. `question_id` is empty
    for "something is missing" comments."""

    __tablename__ = "consultation_review_comment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id"), index=True)
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultation_question.id", ondelete="SET NULL"), index=True)
    text: Mapped[str] = mapped_column(EncryptedText)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    reason: Mapped[str] = mapped_column(Text, default="")
    created_on: Mapped[date] = mapped_column(Date, default=date.today)
    risk_categories: Mapped[str] = mapped_column(EncryptedText, default="", server_default="")  # analysis.risk

    consultation: Mapped[Consultation] = relationship(back_populates="comments")
    question: Mapped[Question | None] = relationship()
    decisions: Mapped[list[ReviewDecision]] = relationship(
        back_populates="comment", order_by="ReviewDecision.id", cascade="all, delete-orphan")

    @property
    def earlier_decisions(self) -> list[ReviewDecision]:
        return self.decisions[:-1]


class ReviewDecision(db.Model):
    """Every decision staff made on a group comment, oldest first: a revised
    decision is added, never written over, so the group and the audit can see
    what was decided before."""

    __tablename__ = "consultation_review_decision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    comment_id: Mapped[int] = mapped_column(
        ForeignKey("consultation_review_comment.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    decided_on: Mapped[date] = mapped_column(Date, default=date.today)

    comment: Mapped[ReviewComment] = relationship(back_populates="decisions")


class ChangeRecord(db.Model):
    """What changed because of the group: shown on the consultation and in the board pack."""

    __tablename__ = "consultation_change_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id"), index=True)
    comment_id: Mapped[int | None] = mapped_column(ForeignKey("consultation_review_comment.id"))
    description: Mapped[str] = mapped_column(Text)
    recorded_on: Mapped[date] = mapped_column(Date, default=date.today)

    consultation: Mapped[Consultation] = relationship(back_populates="changes")
    comment: Mapped[ReviewComment | None] = relationship()


class ConsultationResponse(db.Model):
    """One anonymous set of answers. No identifiers, no time of day."""

    __tablename__ = "consultation_response"

    id: Mapped[int] = mapped_column(RandomId, primary_key=True, default=random_id)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id"), index=True)
    submitted_on: Mapped[date] = mapped_column(Date, index=True)
    risk_flagged: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    # Derived from what was written ("suicidal"): encrypted like the text itself.
    risk_categories: Mapped[str] = mapped_column(EncryptedText, default="")
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    hidden_reason: Mapped[str] = mapped_column(String(200), default="")
    safeguarding_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    # A moderator has read it: the queue's "unchecked" filter shows what is left.
    checked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # How it reached Heard (`webapp.channels`): online, or keyed in by staff from
    # paper or with a worker's help; an interpreter's language. Never who keyed it.
    channel: Mapped[str] = mapped_column(String(20), default=ONLINE, server_default=ONLINE)
    channel_language: Mapped[str] = mapped_column(String(LANGUAGE_MAX), default="", server_default="")
    # Answered through the consultation's Easy Read version: the board can see these separately.
    easy_read: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The language the person saw the consultation in ("cy"): the board can break its summary down by it.
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en", index=True)

    consultation: Mapped[Consultation] = relationship(back_populates="responses")
    answers: Mapped[list[Answer]] = relationship(back_populates="response", cascade="all, delete-orphan")


class Answer(db.Model):
    """One answer: `value` for free text (redacted) and single answers,
    `values` for multiple choice, a grid (one answer per statement, "" where
    none) and ranking (the things in the order ranked). `other_text` is what
    someone typed with "Other (please specify)": redacted like free text."""

    __tablename__ = "consultation_answer"

    id: Mapped[int] = mapped_column(RandomId, primary_key=True, default=random_id)
    response_id: Mapped[int] = mapped_column(RandomId, ForeignKey("consultation_response.id"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("consultation_question.id"), index=True)
    value: Mapped[str] = mapped_column(EncryptedText, default="")
    values: Mapped[list | None] = mapped_column(EncryptedJSON)  # choices are answers too
    other_text: Mapped[str] = mapped_column(EncryptedText, default="", server_default="")
    # The language free text is written in (analysis.language: "pl"), "" when unknown; text Heard
    # cannot read is marked in moderation until staff add an English working translation.
    text_language: Mapped[str] = mapped_column(String(8), default="", server_default="")
    working_translation: Mapped[str] = mapped_column(EncryptedText, default="", server_default="")
    # Words Heard redacted that the writer put back on the check page, one "kind<TAB>word" a
    # line: the moderation queue shows them for staff to check.
    restored_words: Mapped[str] = mapped_column(EncryptedText, default="", server_default="")

    response: Mapped[ConsultationResponse] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()

    @property
    def typed_field(self) -> str:
        """Where this answer's free text is: the answer itself for a free-text
        question, else what was typed with "Other (please specify)"."""
        return "value" if self.question.kind == "free_text" else "other_text"

    @property
    def typed_text(self) -> str:
        return getattr(self, self.typed_field)

    @property
    def readable_text(self) -> str:
        """What theming reads: the working translation when there is one, else the answer."""
        return self.working_translation or self.value or ""


def answer_ref(answer_id: int) -> str:
    """How theming, moderation and publication name one free-text answer: ``a:<answer id>``."""
    return f"a:{answer_id}"
