"""Per-theme summaries for the board: count, share, sentiment, change, quotes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from analysis.emergent import nearest_quotes
from analysis.suppression import suppress


@dataclass(frozen=True)
class ThemeSummary:
    code: str
    label: str
    count: int
    share: float
    mean_sentiment: float | None
    previous_count: int | None
    change: int | None
    share_change: float | None
    quotes: tuple[str, ...]


def _previous(previous: dict[str, int] | None, previous_total: int | None,
              code: str, count: int, share: float) -> tuple[int | None, int | None, float | None]:
    if previous is None or not previous_total:
        return None, None, None
    before = previous.get(code, 0)
    return before, count - before, round(share - before / previous_total, 4)


def summarise(
    assigned: np.ndarray,
    codes: Sequence[str],
    labels: Sequence[str],
    texts: Sequence[str],
    sentiment: np.ndarray,
    X: sparse.csr_matrix,
    previous: dict[str, int] | None = None,
    previous_total: int | None = None,
    n_quotes: int = 3,
    max_quote_chars: int = 280,
) -> list[ThemeSummary]:
    """Summaries ranked by count.

    ``assigned`` is a (responses x themes) boolean matrix; ``X`` the
    row-normalised TF-IDF used to find quotes central to each theme.
    """
    total = len(texts)
    summaries = []
    for j, (code, label) in enumerate(zip(codes, labels, strict=True)):
        members = np.nonzero(assigned[:, j])[0]
        count = len(members)
        share = round(count / total, 4) if total else 0.0
        quotes: tuple[str, ...] = ()
        mean = None
        if count:
            mean = round(float(sentiment[members].mean()), 4)
            rows = X[members]
            centre = np.asarray(rows.mean(axis=0)).ravel()
            quotes = nearest_quotes(rows, [texts[i] for i in members], centre, n_quotes,
                                    max_quote_chars)
        before, change, share_change = _previous(previous, previous_total, code, count, share)
        summaries.append(ThemeSummary(code, label, count, share, mean, before, change,
                                      share_change, quotes))
    return sorted(summaries, key=lambda s: (-s.count, s.code))


def breakdown(
    assigned: np.ndarray, codes: Sequence[str], groups: Sequence[str], k: int = 5
) -> dict:
    """Theme x group counts with small cells (and cells that reveal them) withheld."""
    names = sorted(set(groups))
    column = {g: i for i, g in enumerate(names)}
    table = np.zeros((len(codes), len(names)), dtype=int)
    for i, group in enumerate(groups):
        table[assigned[i], column[group]] += 1
    hidden = suppress(table.tolist(), k=k)
    return {
        "groups": names,
        "k": k,
        "rows": [
            {
                "code": code,
                "counts": shown,
                "total": None if hidden.row_totals[j] else int(table[j].sum()),
            }
            for j, (code, shown) in enumerate(zip(codes, hidden.apply(table.tolist())))
        ],
        "group_totals": [
            None if hidden.column_totals[c] else int(table[:, c].sum()) for c in range(len(names))
        ],
        "grand_total": None if hidden.grand_total else int(table.sum()),
    }
