"""Helpers for reading pages in tests."""

from __future__ import annotations

from bs4 import BeautifulSoup

PUBLIC_PAGES = ("/", "/get-help", "/staying-safe-online", "/privacy", "/accessibility", "/feedback")


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def csrf_token(response) -> str:
    field = page(response).find("input", attrs={"name": "csrf_token"})
    return field["value"] if field else ""


def walk_to_check(client, **answers):
    """Answer every step with sensible defaults; return the check page response."""
    client.get("/feedback?step=service")
    steps = [
        {"step": "service", "service": answers.get("service", "outreach"),
         "other_service": answers.get("other_service", "")},
        {"step": "experience", "ease": "easy", "listened": "yes", "overall": answers.get("overall", "good")},
        {"step": "comments", "what_helped": answers.get("what_helped", "My worker listened."),
         "could_be_better": answers.get("could_be_better", "Shorter waits.")},
        {"step": "about-you", "age_band": "25-34", "gender": "woman", "disability": "prefer-not",
         "ethnicity": "", "sexuality": "", "submit": "Continue"},
    ]
    for data in steps:
        response = client.post("/feedback", data=data)
        assert response.status_code == 303, (data["step"], response.get_data(as_text=True)[:2000])
    return client.get("/feedback")
