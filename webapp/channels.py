"""How a response reached Heard: typed online by the person, keyed in by staff
from a paper form, or keyed in with a worker's help (in person, by phone, or
through an interpreter, whose language is kept). The board can break its
summary down by channel; a keyed response is otherwise handled like one typed
online. Nothing about who wrote or keyed a response is kept with it."""

from __future__ import annotations

ONLINE = "online"
PAPER = "paper"
INTERPRETER = "interpreter"
CHANNELS = {
    ONLINE: "Online",
    PAPER: "Paper form",
    "in_person": "Assisted in person",
    "phone": "Assisted by phone",
    INTERPRETER: "Interpreter-assisted",
}
# What staff can choose on the keyed-entry screen.
KEYED = (PAPER, "in_person", "phone", INTERPRETER)
LANGUAGE_MAX = 40


def channel_label(channel: str, language: str = "") -> str:
    """The channel as staff read it: "Interpreter-assisted (Polish)"."""
    label = CHANNELS.get(channel or ONLINE, channel)
    return f"{label} ({language})" if channel == INTERPRETER and language else label
