"""Moderation actions shared by the consultation queue and the feedback list:
both kinds of response carry `hidden`, `hidden_reason` and `safeguarding_flag`.
Each change is audited with the caller's target; the text is never recorded.
Each returns the message to show staff."""

from __future__ import annotations

from webapp.audit import record_event


def toggle_safeguarding(response, target: str, detail: str = "") -> str:
    response.safeguarding_flag = not response.safeguarding_flag
    record_event("response.safeguarding_flag" if response.safeguarding_flag else "response.safeguarding_unflag",
                 target=target, detail=detail)
    return "Flagged for safeguarding." if response.safeguarding_flag else "Safeguarding flag removed."


def hide(response, reason_text: str, target: str, detail: str) -> str:
    response.hidden = True
    response.hidden_reason = reason_text
    record_event("response.hide", target=target, detail=detail)
    return "Response hidden. It is left out of summaries and exports."


def unhide(response, target: str, detail: str = "") -> str:
    response.hidden = False
    response.hidden_reason = ""
    record_event("response.unhide", target=target, detail=detail)
    return "Response shown again."
