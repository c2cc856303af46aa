"""Time what an embedding job reads after a submission, with many answers kept.

Usage: python benchmarks/embedding_job.py [--responses 50000] [--new 10] [--database-url URL]

Builds the responses as benchmarks/board_pack.py does (two free-text answers
each), on a temporary SQLite database and, with --database-url, also on that
PostgreSQL database (its public schema is dropped and rebuilt: give it a
throwaway one). Every answer is given a kept vector, then ``--new`` responses
arrive. Times ``webapp.themes.vectors.missing_items`` (what the job after a
submission embeds) and ``orphaned_refs`` (what a purge deletes besides the
purged answers), and counts the answers each returns. The transformer is not
run: its cost per answer is in benchmarks/analysis.py. Prints figures and
ends with one JSON line.
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

from sqlalchemy import insert  # noqa: E402

from benchmarks.board_pack import build, empty_schema  # noqa: E402
from webapp import create_app  # noqa: E402
from webapp.config import normalise_database_url  # noqa: E402
from webapp.extensions import db, random_id  # noqa: E402


def keep_a_vector_for_every_answer() -> int:
    from webapp.crypto import encrypt
    from webapp.themes.models import TextVector
    from webapp.themes.scope import all_refs
    from webapp.themes.vectors import MODEL

    sealed = encrypt("benchmark:AAAA")  # one token for all: what is read is the ref, not the vector
    refs = all_refs()
    for start in range(0, len(refs), 5000):
        db.session.execute(insert(TextVector.__table__).values(
            [{"id": random_id(), "ref": ref, "model": MODEL, "sealed": sealed} for ref in refs[start:start + 5000]]))
    db.session.commit()
    return len(refs)


def arrive(new: int) -> None:
    from webapp.feedback.models import FeedbackResponse

    db.session.add_all(FeedbackResponse(submitted_on=date(2026, 9, 30), what_helped=f"The refuge worker, visit {n}")
                       for n in range(new))
    db.session.commit()


def measure(name: str, url: str, responses: int, new: int) -> dict:
    from webapp.themes.vectors import missing_items, orphaned_refs

    app = create_app("test", {"SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": ""})
    with app.app_context():
        empty_schema(url)
        build(responses)
        kept = keep_a_vector_for_every_answer()
        arrive(new)
        started = time.perf_counter()
        missing = missing_items()
        job_seconds = time.perf_counter() - started
        started = time.perf_counter()
        orphaned = orphaned_refs()
        orphan_seconds = time.perf_counter() - started
        db.session.remove()
        db.engine.dispose()
    print(f"{name}: {kept:,} answers with kept vectors, {new} new responses: the job reads "
          f"{len(missing)} answers in {job_seconds * 1000:.0f} ms; orphaned vectors {len(orphaned)} "
          f"found in {orphan_seconds * 1000:.0f} ms")
    return {f"{name}_kept": kept, f"{name}_job_reads": len(missing), f"{name}_job_ms": job_seconds * 1000,
            f"{name}_orphans": len(orphaned), f"{name}_orphans_ms": orphan_seconds * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=50_000)
    parser.add_argument("--new", type=int, default=10)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    figures = {}
    with tempfile.TemporaryDirectory() as directory:
        figures |= measure("sqlite", f"sqlite:///{directory}/bench.db", args.responses, args.new)
    if args.database_url:
        figures |= measure("postgresql", normalise_database_url(args.database_url), args.responses, args.new)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
