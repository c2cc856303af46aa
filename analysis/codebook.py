"""Theme codebooks: the YAML format, the default codebook and phrase matching.

Format (YAML)::

    themes:
      - code: housing                  # unique, used in exports
        label: Housing and refuge      # plain words for the board
        description: One line.
        include: [refuge, temporary accommodation]   # any one assigns the theme
        exclude: [home office]                       # any one blocks it
        examples:                                    # short answers in people's own words
          - The refuge was full so I went back to him

Phrases match on Snowball stems of whole words, in order, so "listened to
me" also matches "listening to me" but "safe" does not match "safeguarding".
The description and examples are what theming compares answers with by
meaning (``analysis.semantic``); phrases are one signal beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import yaml
from scipy import sparse

from analysis.text import stems


class CodebookError(ValueError):
    """A codebook that cannot be used; the message names the problem."""


@dataclass(frozen=True)
class Theme:
    code: str
    label: str
    description: str = ""
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """A theme assigned by the codebook and the phrases that triggered it."""

    code: str
    matched: tuple[str, ...]


def _phrase_key(phrase: str) -> str:
    return " ".join(stems(phrase))


def _ngrams(tokens: list[str], max_n: int) -> list[str]:
    return [
        " ".join(tokens[i : i + n])
        for n in range(1, max_n + 1)
        for i in range(len(tokens) - n + 1)
    ]


def _phrases(entry: dict, field: str, code: str) -> tuple[str, ...]:
    value = entry.get(field) or []
    if not isinstance(value, list) or not all(isinstance(p, (str, int)) for p in value):
        raise CodebookError(f"theme {code!r}: {field!r} must be a list of phrases")
    phrases = tuple(str(p).strip() for p in value if str(p).strip())
    for phrase in phrases:
        if not _phrase_key(phrase):
            raise CodebookError(f"theme {code!r}: {field} phrase {phrase!r} has no words")
    return phrases


def _examples(entry: dict, code: str) -> tuple[str, ...]:
    value = entry.get("examples") or []
    if not isinstance(value, list) or not all(isinstance(e, (str, int)) for e in value):
        raise CodebookError(f"theme {code!r}: 'examples' must be a list of sentences")
    return tuple(" ".join(str(e).split()) for e in value if str(e).strip())


class Codebook:
    """A list of themes with a vectorised phrase matcher."""

    def __init__(self, themes: Sequence[Theme]) -> None:
        if not themes:
            raise CodebookError("codebook has no themes")
        codes = [t.code for t in themes]
        duplicates = sorted({c for c in codes if codes.count(c) > 1})
        if duplicates:
            raise CodebookError(f"duplicate theme code(s): {', '.join(duplicates)}")
        self.themes = tuple(themes)
        self.codes = tuple(codes)
        keys = sorted({_phrase_key(p) for t in themes for p in (*t.include, *t.exclude)})
        self._index = {k: i for i, k in enumerate(keys)}
        self._max_n = max((k.count(" ") + 1 for k in keys), default=1)
        self._include = self._phrase_theme_matrix("include")
        self._exclude = self._phrase_theme_matrix("exclude")
        self._own = [set(self._include[:, j].nonzero()[0]) for j in range(len(themes))]
        self._display: dict[int, str] = {}
        for phrase in (p for t in themes for p in t.include):
            self._display.setdefault(self._index[_phrase_key(phrase)], phrase)

    def _phrase_theme_matrix(self, field: str) -> sparse.csr_matrix:
        rows, cols = [], []
        for j, theme in enumerate(self.themes):
            for phrase in getattr(theme, field):
                rows.append(self._index[_phrase_key(phrase)])
                cols.append(j)
        shape = (len(self._index), len(self.themes))
        return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)

    def phrase_hits(self, stem_lists: Sequence[list[str]]) -> sparse.csr_matrix:
        """Binary (texts x phrases) matrix of phrases present in each text."""
        rows, cols = [], []
        for i, tokens in enumerate(stem_lists):
            found = {self._index.get(g) for g in _ngrams(tokens, self._max_n)}
            found.discard(None)
            rows.extend([i] * len(found))
            cols.extend(found)
        shape = (len(stem_lists), len(self._index))
        return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)

    def blocked(self, hits: sparse.csr_matrix) -> np.ndarray:
        """Boolean (texts x themes): an exclude phrase of the theme is present."""
        return ((hits @ self._exclude) > 0).toarray()

    def assign(self, hits: sparse.csr_matrix) -> sparse.csr_matrix:
        """Binary (texts x themes): an include phrase and no exclude phrase."""
        included = (hits @ self._include) > 0
        excluded = (hits @ self._exclude) > 0
        return (included > excluded).astype(np.int8).tocsr()

    def explain(self, hits: sparse.csr_matrix, row: int, code: str) -> tuple[str, ...]:
        """The include phrases of theme ``code`` found in text ``row``."""
        own = self._own[self.codes.index(code)]
        phrases = hits.indices[hits.indptr[row] : hits.indptr[row + 1]]
        return tuple(sorted(self._display[p] for p in phrases if p in own))

    def match(self, texts: Sequence[str]) -> list[list[Match]]:
        """Themes per text, each with the phrases that explain it."""
        hits = self.phrase_hits([stems(t) for t in texts])
        assigned = self.assign(hits)
        return [
            [Match(self.codes[j], self.explain(hits, i, self.codes[j])) for j in assigned[i].indices]
            for i in range(len(texts))
        ]

    def label(self, code: str) -> str:
        return self.themes[self.codes.index(code)].label


def parse_codebook(text: str) -> Codebook:
    """Build a codebook from YAML text, raising ``CodebookError`` if malformed."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CodebookError(f"codebook is not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise CodebookError("codebook must be a mapping with a 'themes' list")
    themes = []
    for n, entry in enumerate(data["themes"], start=1):
        if not isinstance(entry, dict):
            raise CodebookError(f"theme #{n} must be a mapping")
        code = str(entry.get("code") or "").strip()
        if not code:
            raise CodebookError(f"theme #{n} has no 'code'")
        themes.append(
            Theme(
                code=code,
                label=str(entry.get("label") or code),
                description=str(entry.get("description") or ""),
                include=_phrases(entry, "include", code),
                exclude=_phrases(entry, "exclude", code),
                examples=_examples(entry, code),
            )
        )
    return Codebook(themes)


@lru_cache(maxsize=1)
def default_codebook() -> Codebook:
    """The starter codebook from PRODUCT.md section 4, shipped as package data."""
    text = resources.files("analysis.data").joinpath("default_codebook.yaml").read_text("utf-8")
    return parse_codebook(text)
