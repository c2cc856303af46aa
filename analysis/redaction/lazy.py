"""Regular expressions compiled on first use, not at import.

The web app imports ``analysis.redaction`` when it starts (``flask --help`` too), and compiling
the few hundred patterns of the detectors, with the ``regex`` module they need, costs most of a
second of CPU. A ``LazyPattern`` stands where the compiled pattern stood and compiles it (and
imports ``regex``) the first time one of its methods is used; after that its methods are the
compiled pattern's own, so a call costs no more than before.
"""

from __future__ import annotations

import re
from typing import Any

_METHODS = ("finditer", "search", "match", "fullmatch", "sub", "subn", "findall", "split", "pattern", "flags")


class LazyPattern:
    __slots__ = ("_source", "_flags", "_module", *_METHODS)

    def __init__(self, source: str, flags: int = 0, module: str = "re") -> None:
        self._source, self._flags, self._module = source, flags, module

    def __getattr__(self, name: str) -> Any:
        # Only reached while the pattern is not compiled yet (or for a name it lacks).
        if name not in _METHODS:
            raise AttributeError(name)
        if self._module == "regex":
            import regex

            compiled = regex.compile(self._source, self._flags)
        else:
            compiled = re.compile(self._source, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r})"


def lazy_re(source: str, flags: int = 0) -> LazyPattern:
    """``re.compile`` on first use."""
    return LazyPattern(source, flags)


def lazy_regex(source: str, flags: int = 0) -> LazyPattern:
    """``regex.compile`` on first use (the ``regex`` module is imported then too)."""
    return LazyPattern(source, flags, "regex")
