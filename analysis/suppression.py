"""Small-cell suppression for published tables (e.g. theme x service counts).

Primary suppression withholds every cell with 0 < count < k. Zero cells are
shown: they identify nobody. Secondary (complementary) suppression then
withholds further cells, and if need be row or column totals, until no
withheld cell can be worked out from what is shown: neither by subtracting
from a total nor by combining several row and column totals.

`suppress` decides for any count table; `breakdown_table` applies it to a
board summary's theme x group table, whose row totals are already public.

A withheld figure from 1 to k-1 reads "fewer than 5" and any other withheld
figure "not shown" (`analysis.board`). A reader who knows that (each "fewer
than 5" is 1 to 4, each "not shown" 0 or 5 or more) can pin more than one who
does not, so `breakdown_table` finally checks the table against that reader
(`_pinned`: by the sums' bounds and by single cycles where they settle it, by
an integer programme where they do not), and withholds more until nothing small
is pinned; a small figure that nothing more can protect reads "not shown".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from analysis.board import TOTALS_ROW, Breakdown, K


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
    grand, small = _label_safely(values, cells, rows, cols, grand, k, protect)

    def shown(value, withheld: bool) -> int | None:
        return None if withheld else int(value)

    shown_rows = tuple(
        (label, tuple(shown(v, w) for v, w in zip(values[i], cells[i], strict=True)), shown(values[i].sum(), rows[i]))
        for i, label in enumerate(labels))
    column_totals = tuple(shown(values[:, j].sum(), cols[j]) for j in range(len(groups)))
    withheld = bool(cells.any() or rows.any() or cols.any() or grand)
    keys = list(codes) if len(codes) == len(labels) else list(labels)
    return Breakdown(title, tuple(groups), shown_rows, column_totals, shown(values.sum(), grand), withheld,
                     tuple(codes), small=frozenset(_small_key(position, keys) for position in small))


def _small_key(position: tuple, keys: list[str]) -> tuple[str, int]:
    """A position (`_pinned`'s) as `Breakdown.small` keys it: (row, column)."""
    kind, *at = position
    if kind == "c":
        return keys[at[0]], at[1]
    if kind == "r":
        return keys[at[0]], -1
    return (TOTALS_ROW, at[0]) if kind == "k" else (TOTALS_ROW, -1)


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


# A reader who tells "fewer than 5" from "not shown" ----------------------------------------

Position = tuple  # ("c", row, column), ("r", row), ("k", column) or ("g",): a cell, a row, column or grand total


def _withheld_positions(values: np.ndarray, cells: np.ndarray, rows: np.ndarray, cols: np.ndarray,
                        grand: bool) -> dict[Position, int]:
    """Every withheld figure, by position, with its true value."""
    found: list[Position] = [("c", int(r), int(c)) for r, c in zip(*np.nonzero(cells), strict=True)]
    found += [("r", int(r)) for r in np.nonzero(rows)[0]] + [("k", int(c)) for c in np.nonzero(cols)[0]]
    found += [("g",)] if grand else []
    return {p: _value(values, p) for p in found}


def _label_safely(values: np.ndarray, cells: np.ndarray, rows: np.ndarray, cols: np.ndarray, grand: bool,
                  k: int, protect: np.ndarray) -> tuple[bool, set[Position]]:
    """Withhold further cells (then totals) until a reader who tells "fewer
    than k" from "not shown" pins no small figure and nothing `protect` marks;
    a small figure nothing more can protect reads "not shown" (it then says
    nothing about its size). Changes the masks in place; returns whether the
    grand total is withheld and the positions that read "fewer than k"."""
    ambiguous: set[Position] = set()
    # Withholding more, or saying less, only lets the table be more ways: a figure
    # once shown to move stays free, and is not asked about again.
    free: set[Position] = set()
    for _ in range(2 * (values.size + values.shape[0] + values.shape[1] + 2)):
        withheld = _withheld_positions(values, cells, rows, cols, grand)
        under_k = {p for p, v in withheld.items() if 0 < v < k}
        small = under_k - ambiguous
        targets = under_k | {("c", int(r), int(c)) for r, c in zip(*np.nonzero(protect & cells), strict=True)}
        pinned = _pinned(values, withheld, small, targets - free, k)
        free |= targets - pinned
        if not pinned:
            return grand, small
        # One cell at a time: it may free several pinned figures at once.
        position = min(pinned)
        more = _protecting_cell(values, cells, position)
        if more is not None:
            cells[more] = True
        elif position in small:
            ambiguous.add(position)  # saying less about it costs less than withholding a total
        elif small:
            # Pinned though it reads "not shown": through the small ones beside it (in its row or
            # column first, else anywhere), so those no longer say they are small.
            ambiguous |= {p for p in small if _share_a_line(p, position)} or small
        elif position[0] in ("c", "k") and not cols[position[-1]]:
            cols[position[-1]] = True
        elif not grand:
            grand = True  # a theme's total follows from all theme mentions less the other themes'
        elif not cols.all():
            cols[:] = True
        else:
            break  # every figure that can be withheld is, and none says it is small
    withheld = _withheld_positions(values, cells, rows, cols, grand)
    return grand, {p for p, v in withheld.items() if 0 < v < k} - ambiguous


def _share_a_line(one: Position, other: Position) -> bool:
    """Whether two figures are in one row or one column (a total is in its own line)."""
    def lines(p: Position) -> set[tuple[str, int]]:
        kind, *at = p
        if kind == "c":
            return {("row", at[0]), ("column", at[1])}
        return {("row", at[0])} if kind == "r" else {("column", at[0])} if kind == "k" else {("grand", 0)}

    return bool(lines(one) & lines(other))


def _protecting_cell(values: np.ndarray, cells: np.ndarray, position: Position) -> tuple[int, int] | None:
    """The shown cell to withhold next to protect `position`: in its row or
    column, the smallest non-zero one (it loses least), else a zero."""
    kind, *at = position
    n_rows, n_cols = values.shape
    if kind == "c":
        line = [(at[0], j) for j in range(n_cols)] + [(i, at[1]) for i in range(n_rows)]
    elif kind == "r":
        line = [(at[0], j) for j in range(n_cols)]
    elif kind == "k":
        line = [(i, at[0]) for i in range(n_rows)]
    else:
        line = [(i, j) for i in range(n_rows) for j in range(n_cols)]
    candidates = [ij for ij in line if not cells[ij]]
    if not candidates:
        return None
    return min(candidates, key=lambda ij: (values[ij] == 0, int(values[ij]), ij))


def _pinned(values: np.ndarray, withheld: dict[Position, int], small: set[Position], targets: set[Position],
            k: int) -> set[Position]:
    """The `targets` a reader can pin to one value, knowing every shown figure,
    that the cells add up to their rows, columns and the grand total, that
    each `small` withheld figure is 1 to k-1, each other small one (read "not
    shown" on purpose) anything, and each other withheld figure 0 or k or more.

    Another table fitting what the reader knows differs from the true one by
    a sum of cycles through withheld figures (`_cycle_parts`), so a figure on
    no cycle is pinned by the sums alone, and each part of figures that share
    cycles moves independently of the others: it is decided on its own
    (`_pinned_in_part`), and once per process for the same part (the same table is asked about again and again while
    `_label_safely` withholds one cell at a time, mostly elsewhere)."""
    big = 2 * int(values.sum()) + 2 * k  # no figure is more: a bound the reader does not need
    pinned: set[Position] = set()
    for part in _cycle_parts(list(withheld)):
        asked = tuple(sorted(p for p in part if p in targets))
        if not asked:
            continue
        if len(part) == 1:
            pinned.add(asked[0])  # on no cycle: the sums alone give it away
            continue
        figures = tuple(sorted((p, withheld[p], _kind_of(p, withheld[p], small, k)) for p in part))
        pinned |= _pinned_in_part(figures, asked, k, big)
    return pinned


def _kind_of(position: Position, value: int, small: set[Position], k: int) -> str:
    """What the reader knows of a withheld figure: "small" (1 to k-1), "free"
    (a small one read "not shown": anything) or "other" (0, or k or more)."""
    if position in small:
        return "small"
    return "free" if 0 < value < k else "other"


def _ends(position: Position) -> tuple[tuple, tuple]:
    """The two sums a figure is part of, as the ends of an edge: a cell is in
    its row and its column, a row total in its row and the sum of row totals
    (the grand total), a column total likewise, and the grand total in both
    sums of totals. Every sum the reader knows is then one node's edges."""
    kind, *at = position
    if kind == "c":
        return ("row", at[0]), ("column", at[1])
    if kind == "r":
        return ("row", at[0]), ("rows",)
    return (("column", at[0]), ("columns",)) if kind == "k" else (("rows",), ("columns",))


def _cycle_parts(positions: list[Position]) -> list[list[Position]]:
    """The withheld figures grouped by the cycles they share (the 2-edge-
    connected parts of the graph `_ends` makes); a figure on no cycle (a
    bridge) is a part of its own. Rows and the sum of column totals are one
    side of that graph and columns and the sum of row totals the other, so
    every change keeping all sums goes round cycles, each within one part."""
    edges = [_ends(p) for p in positions]
    adjacency: dict[tuple, list[tuple[tuple, int]]] = {}
    for i, (a, b) in enumerate(edges):
        adjacency.setdefault(a, []).append((b, i))
        adjacency.setdefault(b, []).append((a, i))
    order: dict[tuple, int] = {}
    low: dict[tuple, int] = {}
    bridges: set[int] = set()

    def visit(node: tuple, via: int) -> None:  # Tarjan's bridges: at most rows + columns + 2 deep
        order[node] = low[node] = len(order)
        for other, i in adjacency[node]:
            if i == via:
                continue
            if other in order:
                low[node] = min(low[node], order[other])
            else:
                visit(other, i)
                low[node] = min(low[node], low[other])
                if low[other] > order[node]:
                    bridges.add(i)

    for node in adjacency:
        if node not in order:
            visit(node, -1)
    leader = {node: node for node in adjacency}

    def find(node: tuple) -> tuple:
        while leader[node] != node:
            node = leader[node]
        return node

    for i, (a, b) in enumerate(edges):
        if i not in bridges:
            leader[find(a)] = find(b)
    parts: dict[tuple, list[Position]] = {}
    for i, p in enumerate(positions):
        parts.setdefault(("bridge", i) if i in bridges else find(edges[i][0]), []).append(p)
    return list(parts.values())


@lru_cache(maxsize=4096)
def _pinned_in_part(figures: tuple[tuple[Position, int, str], ...], targets: tuple[Position, ...], k: int,
                    big: int) -> frozenset[Position]:
    """`_pinned` for one part's figures ((position, true value, `_kind_of`)).
    What the sums force by bounds alone (`_forced`) is pinned, and what moves
    round one cycle (`_moved_round_cycles`) is not, without a solver; for the
    rest an integer programme finds a table that fits what the reader knows
    with as many targets as it can away from their true values; those are not
    pinned. Asked again for the rest until none moves: those are pinned."""
    forced = _forced(figures, k, big)
    remaining = [p for p in targets if p not in forced]
    moved = _moved_round_cycles(figures, remaining, k, big)
    remaining = [p for p in remaining if p not in moved]
    while remaining:
        moved = _moved(figures, remaining, k, big)
        if not moved:
            break
        remaining = [p for p in remaining if p not in moved]
    return frozenset(remaining) | (forced & frozenset(targets))


def _forced(figures: tuple[tuple[Position, int, str], ...], k: int, big: int) -> frozenset[Position]:
    """The figures whose every possible value, as far as bounds tell, is the
    true one. Each sum bounds each of its figures by what the others can be
    (each figure's possible values are one or two ranges: 1 to k-1; 0 to big;
    or 0, and k to big), which may narrow others in turn, until nothing
    narrows. Only values no table fitting the sums can have are ruled out, so
    a figure left with one value is pinned; one left with more may still be,
    for the integer programme to decide."""
    possible = {p: _ranges(kind, k, big) for p, _, kind in figures}
    sums = _sums(figures)
    narrowed = True
    while narrowed:
        narrowed = False
        for terms, total in sums:
            spans = {p: _span(possible[p], sign) for p, sign in terms.items()}
            low, high = sum(a for a, _ in spans.values()), sum(b for _, b in spans.values())
            for p, sign in terms.items():
                # What sign * p can be: the total less what the others can be.
                least, most = total - (high - spans[p][1]), total - (low - spans[p][0])
                least, most = (least, most) if sign > 0 else (-most, -least)
                kept = [(max(a, least), min(b, most)) for a, b in possible[p] if max(a, least) <= min(b, most)]
                if kept != possible[p]:
                    possible[p] = kept
                    narrowed = True
                    old_span, spans[p] = spans[p], _span(kept, sign)
                    low, high = low - old_span[0] + spans[p][0], high - old_span[1] + spans[p][1]
    return frozenset(p for p, v, _ in figures if possible[p] == [(v, v)])


def _span(ranges: list[tuple[int, int]], sign: int) -> tuple[int, int]:
    """The least and most sign * x can be, for x in the ranges."""
    ends = (sign * ranges[0][0], sign * ranges[-1][1])
    return min(ends), max(ends)


def _moved_round_cycles(figures: tuple[tuple[Position, int, str], ...], targets: list[Position], k: int,
                        big: int) -> set[Position]:
    """Targets some table fitting what the reader knows has away from their
    true values, found by a short search: for a target and a step of 1 or k
    up or down, a way from one of its sums back to the other through figures
    that can each take the step in turn (`_cycle_through`). The table that
    makes is checked (`_fits`) before any target it moves counts as moved,
    so a target found here is never pinned; one not found may still move,
    for the integer programme to find."""
    value = {p: v for p, v, _ in figures}
    possible = {p: _ranges(kind, k, big) for p, _, kind in figures}
    sums = _sums(figures)
    at: dict[tuple, list[tuple[Position, int, tuple, int]]] = {}  # sum -> (figure, its sign, its other sum, sign)
    for p in value:
        (one, other), (one_sign, other_sign) = _ends(p), _signs(p)
        at.setdefault(one, []).append((p, one_sign, other, other_sign))
        at.setdefault(other, []).append((p, other_sign, one, one_sign))
    moved: set[Position] = set()
    for target in targets:
        for step in dict.fromkeys((1, -1, k, -k)):
            if target in moved:
                break
            change = _cycle_through(target, step, value, possible, at)
            if change is None:
                continue
            table = value | {p: value[p] + amount for p, amount in change.items()}
            if _fits(table, change, possible, sums):
                moved |= {p for p in targets if table[p] != value[p]}
    return moved


def _cycle_through(target: Position, step: int, value: dict[Position, int],
                   possible: dict[Position, list[tuple[int, int]]],
                   at: dict[tuple, list[tuple[Position, int, tuple, int]]]) -> dict[Position, int] | None:
    """Changes (figure -> amount) that move `target` by `step` and keep every
    sum: a breadth-first search from one of the target's sums for a way back
    to the other, each figure on the way changing by what balances the sum
    it is reached from, and only to a value it can have. None if there is no
    such way."""
    (start, end), (start_sign, end_sign) = _ends(target), _signs(target)
    first = (start, -start_sign * step)  # at a sum: what the next figure must add to it
    goal = (end, end_sign * step)
    came_from: dict[tuple, tuple[tuple, Position, int] | None] = {first: None}
    queue = [first]
    for state in queue:
        if state == goal:
            break
        node, need = state
        for p, sign, other, other_sign in at[node]:
            change = need * sign
            if p == target or not _can_be(possible[p], value[p] + change):
                continue
            following = (other, -other_sign * change)
            if following not in came_from:
                came_from[following] = (state, p, change)
                queue.append(following)
    if goal not in came_from:
        return None
    changes = {target: step}
    state = goal
    while (link := came_from[state]) is not None:
        state, p, change = link
        changes[p] = changes.get(p, 0) + change
    return changes


def _fits(table: dict[Position, int], changed: dict[Position, int],
          possible: dict[Position, list[tuple[int, int]]], sums: list[tuple[dict[Position, int], int]]) -> bool:
    """Whether a table of the part's figures fits what the reader knows: the
    `changed` figures can have their new values (the others keep their true
    values, which they can have), and every sum keeps its total."""
    return (all(_can_be(possible[p], table[p]) for p in changed)
            and all(sum(sign * table[p] for p, sign in terms.items()) == total for terms, total in sums))


def _can_be(ranges: list[tuple[int, int]], x: int) -> bool:
    return any(low <= x <= high for low, high in ranges)


def _ranges(kind: str, k: int, big: int) -> list[tuple[int, int]]:
    """The values a withheld figure of a `_kind_of` can have, as ranges."""
    if kind == "small":
        return [(1, k - 1)]
    return [(0, big)] if kind == "free" else [(0, 0), (k, big)]


def _moved(figures: tuple[tuple[Position, int, str], ...], targets: list[Position], k: int,
           big: int) -> set[Position] | None:
    """The targets some table fitting what the reader knows has away from
    their true values (as many as one table can have); None when the solver
    gives no answer in time (taken as: none moves)."""
    from scipy.optimize import Bounds, LinearConstraint, milp  # with the first breakdown, not at start-up

    index = {p: i for i, (p, _, _) in enumerate(figures)}
    value = {p: v for p, v, _ in figures}
    n = len(figures)
    other = [p for p, _, kind in figures if kind == "other"]
    base = n + len(other)
    programme = _Programme(base + 2 * len(targets))
    for terms, total in _sums(figures):
        programme.add({index[p]: sign for p, sign in terms.items()}, total, total)
    for j, p in enumerate(other):  # 0, or k or more: x >= k z and x <= big z, z is 0 or 1
        programme.add({index[p]: 1, n + j: -k}, 0, np.inf)
        programme.add({index[p]: 1, n + j: -big}, -np.inf, 0)
    for t, p in enumerate(targets):
        x, below, above = index[p], base + 2 * t, base + 2 * t + 1
        programme.add({x: 1, below: big}, -np.inf, big + value[p] - 1)  # below = 1: x <= value - 1
        programme.add({x: 1, above: -big}, value[p] + 1 - big, np.inf)  # above = 1: x >= value + 1
        programme.add({below: 1, above: 1}, -np.inf, 1)
    low, high = np.zeros(programme.n_vars), np.ones(programme.n_vars)
    for p, _, kind in figures:
        low[index[p]], high[index[p]] = (1, k - 1) if kind == "small" else (0, big)
    objective = np.zeros(programme.n_vars)
    objective[base:] = -1
    result = milp(objective, constraints=LinearConstraint(np.array(programme.rows), programme.lower, programme.upper),
                  integrality=np.ones(programme.n_vars), bounds=Bounds(low, high), options={"time_limit": 20})
    if result.x is None:
        return None
    return {p for t, p in enumerate(targets) if result.x[base + 2 * t] + result.x[base + 2 * t + 1] > 0.5}


class _Programme:
    """Linear constraints over integer variables, built a row at a time."""

    def __init__(self, n_vars: int):
        self.n_vars = n_vars
        self.rows: list[np.ndarray] = []
        self.lower: list[float] = []
        self.upper: list[float] = []

    def add(self, terms: dict[int, float], low: float, high: float) -> None:
        row = np.zeros(self.n_vars)
        for i, coefficient in terms.items():
            row[i] += coefficient
        self.rows.append(row)
        self.lower.append(low)
        self.upper.append(high)


def _sums(figures: tuple[tuple[Position, int, str], ...]) -> list[tuple[dict[Position, int], int]]:
    """Each sum the part's figures are in (a row's cells less its total, a
    column's likewise, the row totals less the grand total, the column totals
    likewise: each zero) as an equation in the part's figures alone (terms:
    figure -> coefficient, and their total): the figures outside the part
    keep their values in every table fitting what the reader knows, so the
    part's figures in each sum keep their true sum."""
    sums: dict[tuple, tuple[dict[Position, int], int]] = {}
    for p, v, _ in figures:
        for node, sign in zip(_ends(p), _signs(p), strict=True):
            terms, total = sums.get(node, ({}, 0))
            terms[p] = sign
            sums[node] = (terms, total + sign * v)
    return list(sums.values())


def _signs(position: Position) -> tuple[int, int]:
    """A figure's coefficients in the two sums `_ends` names: a cell adds to
    its row and column, a total is taken from its line and added to the sum
    of totals, and the grand total is taken from both sums of totals."""
    kind = position[0]
    return (1, 1) if kind == "c" else (-1, 1) if kind in ("r", "k") else (-1, -1)


def _value(values: np.ndarray, position: Position) -> int:
    kind, *at = position
    if kind == "c":
        return int(values[at[0], at[1]])
    if kind == "r":
        return int(values[at[0]].sum())
    return int(values[:, at[0]].sum()) if kind == "k" else int(values.sum())
