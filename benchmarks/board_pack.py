"""Time the board pack for a quarter of 10,000 feedback responses.

Usage: python benchmarks/board_pack.py [--responses 10000]

Builds a temporary SQLite database with the real migrations, adds N feedback
responses in 2026Q3 (the demo's answers with varied wording, services and
equality answers), themes them with the real theming run (in-process), then
times `build_summary` and the WeasyPrint PDF separately and together. Prints
figures and ends with one JSON line.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from webapp import create_app  # noqa: E402
from webapp.extensions import db  # noqa: E402
from webapp.feedback.models import FeedbackResponse  # noqa: E402

OPENINGS = ("", "Honestly, ", "To be fair, ", "Looking back, ", "I'd say ")


def empty_schema(url: str) -> None:
    """The schema from the migrations, in the app context, on an empty database
    (a PostgreSQL one's public schema is dropped first: give it a throwaway one)."""
    if url.startswith("postgresql"):
        db.session.execute(text("DROP SCHEMA public CASCADE"))
        db.session.execute(text("CREATE SCHEMA public"))
        db.session.commit()
    upgrade()


def build(count: int, seed: int = 7) -> None:
    from webapp.feedback import demo

    rng = random.Random(seed)  # nosec B311 # repeatable benchmark data
    services = demo.add_services()
    db.session.flush()
    start = date(2026, 7, 1)
    rows = []
    for _ in range(count):
        slug, ease, listened, overall, helped, better = rng.choice(demo.FEEDBACK)
        rows.append({
            "submitted_on": start + timedelta(days=rng.randrange(92)), "service_id": services[slug].id,
            "other_service": "", "ease": ease, "listened": listened, "overall": overall,
            "what_helped": rng.choice(OPENINGS) + helped, "could_be_better": rng.choice(OPENINGS) + better,
            "age_band": rng.choice(demo.AGE_BANDS), "gender": rng.choice(demo.GENDERS),
            "disability": rng.choice(demo.YES_NO), "ethnicity": rng.choice(demo.ETHNICITIES),
            "sexuality": rng.choice(demo.SEXUALITIES), "risk_flagged": False, "risk_categories": "",
            "hidden": False, "hidden_reason": "", "safeguarding_flag": rng.random() < 0.01,
        })
        if len(rows) == 2000:
            db.session.execute(insert(FeedbackResponse), rows)
            rows = []
    if rows:
        db.session.execute(insert(FeedbackResponse), rows)
    db.session.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=10_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'board-pack-benchmark.sqlite3'}"
        app = create_app("test", {"SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": ""})
        with app.app_context():
            upgrade()
            from pypdf import PdfReader

            from webapp.reports.pack import board_pack_pdf
            from webapp.reports.summary import build_summary
            from webapp.themes import runs
            from webapp.themes.models import ThemeRun
            from webapp.themes.scope import feedback_quarter

            scope = feedback_quarter("2026Q3")
            started = time.perf_counter()
            build(args.responses)
            built = time.perf_counter() - started

            started = time.perf_counter()
            run = ThemeRun(scope=scope.key)
            db.session.add(run)
            db.session.commit()
            runs.execute_run(run.id)
            db.session.refresh(run)
            themed = time.perf_counter() - started
            if run.status != "done":
                raise SystemExit(f"The theming run did not finish: {run.status} {run.error}")

            started = time.perf_counter()
            summary = build_summary(scope)
            summarised = time.perf_counter() - started
            started = time.perf_counter()
            pdf = board_pack_pdf(scope, summary)
            rendered = time.perf_counter() - started
            started = time.perf_counter()
            board_pack_pdf(scope)  # the whole pack, as the download route makes it
            whole = time.perf_counter() - started
            pages = len(PdfReader(io.BytesIO(pdf)).pages)
            db.session.remove()
            db.engine.dispose()

    print(f"built {args.responses} feedback responses ({summary.items} written answers) in {built:.1f} s")
    print(f"theming run (in-process): {themed:.1f} s")
    print(f"board summary: {summarised:.2f} s; PDF: {rendered:.2f} s; {pages} pages, {len(pdf) // 1024} KB")
    print(f"board pack, summary and PDF together: {whole:.2f} s")
    print(json.dumps({"responses": args.responses, "items": summary.items, "themes": len(summary.themes),
                      "theming_seconds": round(themed, 2), "summary_seconds": round(summarised, 2),
                      "pdf_seconds": round(rendered, 2), "pack_seconds": round(whole, 2), "pages": pages}))


if __name__ == "__main__":
    main()
