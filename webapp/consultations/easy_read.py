"""A consultation's Easy Read version: the same pages and questions, worded as staff
wrote them for Easy Read (`Question.easy_read_text`, `easy_read_hint`). Offered once
every question has Easy Read wording (`Consultation.has_easy_read`); chosen from the
first screen (`/c/<slug>?read=easy`) and kept in the journey's session, and each
response records it (`ConsultationResponse.easy_read`).

The journey, its forms and templates read a question's `text` and `hint`, so the Easy
Read version hands them read-only views of the page and its questions with the Easy
Read words in those places: the rows themselves are never changed (a changed row
would be written back to the database)."""

from __future__ import annotations

QUERY_ARG, QUERY_VALUE = "read", "easy"


class EasyReadQuestion:
    """A question as its Easy Read version words it; all else is the question's own."""

    def __init__(self, question):
        self._question = question

    def __getattr__(self, name: str):
        return getattr(self._question, name)

    @property
    def text(self) -> str:
        return self._question.easy_read_text or self._question.text

    @property
    def hint(self) -> str:
        return self._question.easy_read_hint


class EasyReadPage:
    """A page whose questions are worded for Easy Read."""

    def __init__(self, page):
        self._page = page

    def __getattr__(self, name: str):
        return getattr(self._page, name)

    @property
    def questions(self) -> list[EasyReadQuestion]:
        return [EasyReadQuestion(question) for question in self._page.questions]


def asked_for(args, consultation) -> bool:
    """A link asks for Easy Read (`?read=easy`), and the consultation has it."""
    return args.get(QUERY_ARG) == QUERY_VALUE and consultation.has_easy_read
