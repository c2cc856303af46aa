"""Time the board summary page for a demo quarter, cold and warm, and count
the integer programmes (scipy `milp`) solved for it.

Usage: python benchmarks/board_summary.py [--quarter 2026Q3] [--views 2] [--profile 25] [--months-first]

Builds a temporary SQLite database with the real migrations and the demo
data `flask seed-demo` adds (themed, as `make run` has it), signs a board
member in, and fetches /staff/reports/summary/<quarter> `--views` times in
one process: the first view is cold (the suppression of its tables, the
overlap checks and the release ledger all start empty, as for the first
reader of a quarter), later ones warm. Prints wall and CPU seconds and MILP
solves per view, then, with --profile N, the N costliest functions of the
cold view (profiled, so its times are then a little longer). With
--months-first, each month of the quarter is opened first, so the quarter's
figures are checked against the counts and "fewer than 5" ranges the months
released (overlapping populations). Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import tempfile
import time
from calendar import monthrange
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask_migrate import upgrade  # noqa: E402

from webapp import create_app  # noqa: E402
from webapp.extensions import db  # noqa: E402


class MilpCounter:
    """Wraps `scipy.optimize.milp` (imported where it is called, so patching
    the module attribute catches every solve) and counts the calls."""

    def __init__(self) -> None:
        import scipy.optimize

        self.module = scipy.optimize
        self.original = scipy.optimize.milp
        self.calls = 0

        def counted(*args, **kwargs):
            self.calls += 1
            return self.original(*args, **kwargs)

        scipy.optimize.milp = counted

    def take(self) -> int:
        calls, self.calls = self.calls, 0
        return calls


def view(client, path: str, milps: MilpCounter) -> dict:
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(path)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return {"wall": round(wall, 3), "cpu": round(cpu, 3), "milps": milps.take()}


def month_keys(quarter_key: str) -> list[str]:
    """The report keys of a quarter's three whole months."""
    from webapp.periods import quarter_dates
    from webapp.themes.scope import feedback_range

    start, _ = quarter_dates(quarter_key.partition(":")[2])
    months = [date(start.year, start.month + n, 1) for n in range(3)]
    return [feedback_range(first, date(first.year, first.month, monthrange(first.year, first.month)[1])).key
            for first in months]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quarter", default="", help="the demo's latest feedback quarter when not given")
    parser.add_argument("--views", type=int, default=2)
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions of a cold view")
    parser.add_argument("--months-first", action="store_true", help="open the quarter's months before it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'board-summary-benchmark.sqlite3'}"
        app = create_app("test", {"SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": ""})
        with app.app_context():
            upgrade()
            from webapp.demo import seed_if_empty
            from webapp.staff import accounts
            from webapp.themes.demo import demo_scopes

            started = time.perf_counter()
            seed_if_empty(themes=True)
            seeded = time.perf_counter() - started
            quarters = [scope.key for scope in demo_scopes() if scope.kind == "feedback"]
            user = accounts.create_user("board@partnership.example", "board", "a long benchmark password",
                                        totp_required=False)
            db.session.commit()
            token = user.session_token
            db.session.remove()

        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = token
            session["_fresh"] = True
            session["staff_last_seen"] = session["staff_signed_in_at"] = time.time()
        key = args.quarter or quarters[-1]
        milps = MilpCounter()
        months = [(month, view(client, f"/staff/reports/summary/{month}", milps))
                  for month in (month_keys(key) if args.months_first else [])]
        profiler = cProfile.Profile() if args.profile else None
        views = []
        for n in range(args.views):
            if n == 0 and profiler:
                profiler.enable()
            views.append(view(client, f"/staff/reports/summary/{key}", milps))
            if n == 0 and profiler:
                profiler.disable()
        profiled = ""
        if profiler:
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.profile)
            profiled = out.getvalue()
        with app.app_context():
            db.session.remove()
            db.engine.dispose()

    print(f"demo data seeded and themed in {seeded:.1f} s; quarters {', '.join(quarters)}")
    for month, figures in months:
        print(f"first, {month}: {figures['wall']:.2f} s wall, {figures['cpu']:.2f} s CPU, "
              f"{figures['milps']} MILP solves")
    for n, figures in enumerate(views):
        print(f"view {n + 1} ({'cold' if n == 0 else 'warm'}) of {key}: {figures['wall']:.2f} s wall, "
              f"{figures['cpu']:.2f} s CPU, {figures['milps']} MILP solves")
    if profiled:
        print(f"profile of the cold view:\n{profiled}")
    print(json.dumps({"quarter": key, "months_first": [figures for _, figures in months], "views": views}))


if __name__ == "__main__":
    main()
