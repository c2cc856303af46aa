"""Small-cell suppression for published tables (e.g. theme x service counts).

Primary suppression withholds every cell with 0 < count < k. Zero cells are
shown: they identify nobody. Secondary (complementary) suppression then
withholds further cells, and if need be row or column totals, until no
withheld cell can be worked out from what is shown: neither by subtracting
from a total nor by combining several row and column totals.

`suppress` decides for any count table; `breakdown_table` applies it to a
board summary's theme x group table, whose row totals are already public.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analysis.board import Breakdown, K


@dataclass(frozen=True)
class Suppressed:
    """Which parts of a table to withhold (True = withhold)."""

    cells: tuple[tuple[bool, ...], ...]
    row_totals: tuple[bool, ...]
    column_totals: tuple[bool, ...]
    grand_total: bool = False


def _determined(cells: np.ndarray, rows: np.ndarray, cols: np.ndarray,
                grand: bool = False, totals: bool = False) -> list[tuple[int, int]]:
    """Withheld cells whose value follows from the published totals.

    Unknowns are the withheld cells and totals; each row, each column and the
    grand total give one linear equation. An unknown is determined exactly
    when its unit vector lies in the row space of the equations.
    """
    n_rows, n_cols = cells.shape
    unknown = [("c", r, c) for r, c in zip(*np.nonzero(cells), strict=True)]
    unknown += [("r", r, -1) for r in np.nonzero(rows)[0]]
    unknown += [("k", -1, c) for c in np.nonzero(cols)[0]]
    if not unknown:
        return []
    index = {u: i for i, u in enumerate(unknown)}
    # With the grand total withheld, its two equations add nothing known.
    equations = np.zeros((n_rows + n_cols + (0 if grand else 2), len(unknown)))
    for (kind, r, c), i in index.items():
        if kind == "c":
            equations[r, i] = 1
            equations[n_rows + c, i] = 1
        elif kind == "r":
            equations[r, i] = -1
            if not grand:
                equations[n_rows + n_cols, i] = 1
        else:
            equations[n_rows + c, i] = -1
            if not grand:
                equations[n_rows + n_cols + 1, i] = 1
    # A unit vector is in the row space exactly when it is orthogonal to the null
    # space: one SVD for every unknown, not one rank per unknown. The rank uses
    # numpy's matrix_rank tolerance.
    _, singular, vt = np.linalg.svd(equations)
    rank = int((singular > singular.max(initial=0.0) * max(equations.shape) * np.finfo(float).eps).sum())
    solved = ~np.any(np.abs(vt[rank:]) > 1e-9, axis=0)
    kinds = ("c", "r", "k") if totals else ("c",)
    return [(int(r), int(c)) for (kind, r, c), i in index.items() if kind in kinds and solved[i]]


def _protect(values: np.ndarray, cells: np.ndarray, rows: np.ndarray, cols: np.ndarray,
             r: int, c: int) -> bool:
    """Withhold one more cell (or total) to protect cell (r, c); False if none left."""
    line = [(r, j) for j in range(values.shape[1])] + [(i, c) for i in range(values.shape[0])]
    candidates = sorted({(i, j) for i, j in line if not cells[i, j]})
    if candidates:
        # Greedy: the cell leaving fewest cells exposed, then the smallest
        # (loses least information); zeros protect nothing.
        def cost(ij: tuple[int, int]) -> tuple[int, bool, int]:
            trial = cells.copy()
            trial[ij] = True
            return (len(_determined(trial, rows, cols)), bool(values[ij] == 0), int(values[ij]))

        cells[min(candidates, key=cost)] = True
        return True
    # The lines are fully withheld, so totals must go too (a one-row table's
    # column totals are its cells); pick the one leaving fewest exposed.
    totals = [(rows, i) for i in np.nonzero(~rows)[0]] + [(cols, j) for j in np.nonzero(~cols)[0]]
    if not totals:
        return False

    def exposure(total: tuple[np.ndarray, int]) -> int:
        mask, i = total
        mask[i] = True
        count = len(_determined(cells, rows, cols))
        mask[i] = False
        return count

    mask, i = min(totals, key=exposure)
    mask[i] = True
    return True


def suppress(table: Sequence[Sequence[int]], k: int = 5, held: np.ndarray | None = None) -> Suppressed:
    """Decide which cells and totals of a count table to withhold. `held`
    marks cells withheld for another reason (the release ledger): they are
    protected like cells under k."""
    values = np.asarray(table, dtype=int).reshape(len(table), -1) if len(table) else np.zeros((0, 0), int)
    cells = (values > 0) & (values < k)
    if held is not None:
        cells |= held
    rows = np.zeros(values.shape[0], dtype=bool)
    cols = np.zeros(values.shape[1], dtype=bool)
    grand = False
    while True:
        exposed = _determined(cells, rows, cols, grand)
        if not exposed:
            break
        if not _protect(values, cells, rows, cols, *exposed[0]):
            if grand:
                break
            # Everything else is withheld: a table this small cannot show its total.
            grand = True
    return Suppressed(
        cells=tuple(tuple(bool(x) for x in row) for row in cells),
        row_totals=tuple(bool(x) for x in rows),
        column_totals=tuple(bool(x) for x in cols),
        grand_total=grand,
    )


@dataclass(frozen=True)
class Held:
    """Figures of a table the release ledger holds back (True = hold back)."""

    cells: np.ndarray
    rows: np.ndarray
    columns: np.ndarray
    grand: bool = False


def breakdown_table(title: str, labels: Sequence[str], groups: Sequence[str],
                    table: Sequence[Sequence[int]], k: int = K, held: Held | None = None,
                    codes: Sequence[str] = ()) -> Breakdown:
    """A board summary's theme x group table with every count under k withheld,
    and with enough other cells and totals withheld that none can be worked out.

    A row's total is its theme's count, which the themes table already shows
    when it is k or more, so those totals are treated as public: when they
    would let a withheld cell be worked out, more cells are withheld. Totals
    under k are withheld; withholding more never reveals anything. Every
    withheld figure reads the same ("fewer than 5"), because telling the
    held-back larger ones apart would narrow down the small ones."""
    if not table or not groups:
        return Breakdown(title, tuple(groups), tuple((label, (), 0) for label in labels), (), 0, False,
                         tuple(codes))
    values = np.asarray(table, dtype=int)
    hidden = suppress(table, k=k, held=None if held is None else held.cells)
    cells = np.array(hidden.cells, dtype=bool)
    rows = _small(values.sum(axis=1), k)
    cols = np.array(hidden.column_totals, dtype=bool) | _small(values.sum(axis=0), k)
    grand = bool(hidden.grand_total or 0 < values.sum() < k)
    protect = (values > 0) & (values < k)  # what must never be worked out: counts under k...
    if held is not None:
        rows |= held.rows
        cols |= held.columns
        grand |= held.grand
        # A total held back cannot be the sum of cells all shown: its line goes too.
        cells[held.rows, :] |= values[held.rows, :] > 0
        cells[:, held.columns] |= values[:, held.columns] > 0
        protect |= held.cells  # ...and counts the release ledger holds back
    grand = _withhold_until_safe(values, cells, rows, cols, grand, k, protect, held)

    def shown(value, withheld: bool) -> int | None:
        return None if withheld else int(value)

    shown_rows = tuple(
        (label, tuple(shown(v, w) for v, w in zip(values[i], cells[i], strict=True)), shown(values[i].sum(), rows[i]))
        for i, label in enumerate(labels))
    column_totals = tuple(shown(values[:, j].sum(), cols[j]) for j in range(len(groups)))
    withheld = bool(cells.any() or rows.any() or cols.any() or grand)
    return Breakdown(title, tuple(groups), shown_rows, column_totals, shown(values.sum(), grand), withheld,
                     tuple(codes))


def _small(totals: np.ndarray, k: int) -> np.ndarray:
    return (totals > 0) & (totals < k)


def _withhold_until_safe(values: np.ndarray, cells: np.ndarray, rows: np.ndarray, cols: np.ndarray,
                         grand: bool, k: int, protect: np.ndarray, held: Held | None = None) -> bool:
    """Withhold further cells (then column totals, then the grand total) until
    no withheld count under k, and nothing the release ledger holds back
    (`protect`, `held`), follows from what is shown. Changes the masks in
    place; returns whether the grand total is withheld."""
    held_rows = set() if held is None else {int(r) for r in np.nonzero(held.rows)[0]}
    held_cols = set() if held is None else {int(c) for c in np.nonzero(held.columns)[0]}

    def exposed() -> list[tuple[int, int]]:
        found = []
        for r, c in _determined(cells, rows, cols, grand, totals=True):
            if r >= 0 and c >= 0 and (0 < values[r, c] < k or protect[r, c]):
                found.append((r, c))
            elif c < 0 and r in held_rows:
                found.append((r, int(np.argmax(values[r]))))  # a held total: withhold along its row
            elif r < 0 and c in held_cols:
                found.append((int(np.argmax(values[:, c])), c))
        return found

    while found := exposed():
        r, c = found[0]
        line = {(r, j) for j in range(values.shape[1])} | {(i, c) for i in range(values.shape[0])}
        candidates = sorted(ij for ij in line if not cells[ij])
        if candidates:
            def cost(ij: tuple[int, int]) -> tuple[int, bool, int]:
                cells[ij] = True
                left = len(exposed())
                cells[ij] = False
                return (left, bool(values[ij] == 0), int(values[ij]))

            cells[min(candidates, key=cost)] = True
        elif not cols[c]:
            cols[c] = True
        elif not grand:
            grand = True
        elif not cols.all():
            cols[:] = True  # last resort: show no column totals at all
        elif not cells.all():
            cells[:] = True
        else:
            # Every cell is withheld and still a row total gives one away (a
            # one-group table): the totals of those rows go too.
            for r, _ in found:
                rows[r] = True
    return grand
