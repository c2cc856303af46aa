"""Time `rotate-key` and `purge` on a quarter of 10,000 feedback responses.

Usage: python benchmarks/retention.py [--responses 10000] [--database-url URL]

Builds the responses as benchmarks/board_pack.py does (in 2026Q3, themed by a
real in-process theming run, so purge counts them by that run's themes), on a
temporary SQLite database and, with --database-url, also on that PostgreSQL
database (its public schema is dropped and rebuilt: give it a throwaway one).
Then times re-encrypting every encrypted column with a new key, and purging
the whole quarter into text-free aggregates as a year later. Prints figures
and ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.fernet import Fernet  # noqa: E402

from benchmarks.board_pack import build, empty_schema  # noqa: E402
from webapp import create_app  # noqa: E402
from webapp.config import TestConfig, normalise_database_url  # noqa: E402
from webapp.extensions import db  # noqa: E402

A_YEAR_LATER = date(2027, 10, 15)  # the retention cutoff (12 months) falls after 2026Q3


def make_app(url: str, keys: list[str]):
    return create_app("test", {"SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": "", "ENCRYPTION_KEYS": keys})


def prepare(url: str, responses: int) -> None:
    """An empty schema from the migrations, the responses, and a theming run."""
    app = make_app(url, TestConfig.ENCRYPTION_KEYS)
    with app.app_context():
        empty_schema(url)
        from webapp.themes import runs
        from webapp.themes.models import ThemeRun
        from webapp.themes.scope import feedback_quarter

        build(responses)
        run = ThemeRun(scope=feedback_quarter("2026Q3").key)
        db.session.add(run)
        db.session.commit()
        runs.execute_run(run.id)
        db.session.remove()
        db.engine.dispose()


def timed(url: str, keys: list[str], work) -> tuple[float, object]:
    app = make_app(url, keys)
    with app.app_context():
        started = time.perf_counter()
        result = work()
        seconds = time.perf_counter() - started
        db.session.remove()
        db.engine.dispose()
    return seconds, result


def measure(name: str, url: str, responses: int) -> dict:
    from webapp.crypto import rotate_all
    from webapp.retention.purge import purge

    prepare(url, responses)
    keys = [Fernet.generate_key().decode(), *TestConfig.ENCRYPTION_KEYS]
    rotate_seconds, rotation = timed(url, keys, rotate_all)
    purge_seconds, report = timed(url, keys, lambda: purge(today=A_YEAR_LATER))
    rotated = rotation.total["re-encrypted"]
    purged = report.deleted["feedback responses"]
    if purged != responses:
        raise SystemExit(f"{name}: purge deleted {purged} of {responses} responses")
    print(f"{name}: rotate-key re-encrypted {rotated} values in {rotate_seconds:.2f} s; "
          f"purge deleted {purged} responses into {len(report.aggregates)} aggregates "
          f"in {purge_seconds:.2f} s")
    return {f"{name}_rotated_values": rotated, f"{name}_rotate_seconds": round(rotate_seconds, 2),
            f"{name}_purged": purged, f"{name}_purge_seconds": round(purge_seconds, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--database-url", help="a throwaway PostgreSQL database to measure as well")
    args = parser.parse_args()

    figures = {"responses": args.responses}
    with tempfile.TemporaryDirectory() as folder:
        sqlite_url = f"sqlite:///{Path(folder) / 'retention-benchmark.sqlite3'}"
        figures.update(measure("sqlite", sqlite_url, args.responses))
    if args.database_url:
        figures.update(measure("postgresql", normalise_database_url(args.database_url), args.responses))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
