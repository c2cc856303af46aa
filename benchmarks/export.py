"""Time the streamed CSV export of a large consultation and measure its peak memory.

Usage: python benchmarks/export.py [--responses 10000]

Builds a temporary SQLite database with the real migrations, adds one
consultation (7 questions of every kind) and N responses, then downloads
/staff/consultations/<id>/export.csv through the Flask test client, consuming
the streamed body chunk by chunk. The time is measured without tracemalloc;
a second download is made under tracemalloc for the peak Python memory it
allocates. Prints figures and ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from webapp import create_app  # noqa: E402
from webapp.consultations.models import Answer, ConsultationResponse  # noqa: E402
from webapp.extensions import db  # noqa: E402


def build(count: int, seed: int = 7) -> int:
    from tests.webapp.helpers import make_consultation

    consultation = make_consultation("benchmark-export")
    rng = random.Random(seed)
    start = date(2026, 1, 5)
    db.session.execute(insert(ConsultationResponse), [
        {"consultation_id": consultation.id, "submitted_on": start + timedelta(days=rng.randrange(90)),
         "hidden": rng.random() < 0.02, "hidden_reason": "", "safeguarding_flag": False,
         "risk_flagged": False, "risk_categories": ""} for _ in range(count)])
    ids = list(db.session.scalars(select(ConsultationResponse.id)
                                  .where(ConsultationResponse.consultation_id == consultation.id)))
    rows = []
    for response_id in ids:
        for question in consultation.questions:
            if question.kind == "multiple":
                rows.append({"response_id": response_id, "question_id": question.id, "value": "",
                             "values": rng.sample(list(question.choices), rng.randint(1, 3))})
            elif question.kind == "free_text":
                rows.append({"response_id": response_id, "question_id": question.id, "values": None,
                             "value": "The staff at [place] were kind and listened to me. " * rng.randint(1, 4)})
            else:
                rows.append({"response_id": response_id, "question_id": question.id, "values": None,
                             "value": rng.choice(question.choices)})
        if len(rows) >= 20_000:
            db.session.execute(insert(Answer), rows)
            rows = []
    if rows:
        db.session.execute(insert(Answer), rows)
    db.session.commit()
    return consultation.id


def download(client, url: str) -> tuple[int, int]:
    """(bytes, lines) of the streamed body, consumed chunk by chunk."""
    response = client.get(url)
    assert response.status_code == 200 and response.is_streamed, response.status_code
    size = lines = 0
    for chunk in response.response:
        size += len(chunk)
        lines += chunk.count(b"\n")
    response.close()
    return size, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=10_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'export-benchmark.sqlite3'}"
        app = create_app("test", {"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            upgrade()
            from webapp.staff import accounts

            user = accounts.create_user("bench@partnership.example", "analyst", "Copper-Kettle-Lantern-58",
                                        is_demo=False, totp_required=True)
            db.session.commit()
            built = time.perf_counter()
            consultation_id = build(args.responses)
            built = time.perf_counter() - built
            from tests.webapp.helpers import sign_in_as

            client = app.test_client()
            sign_in_as(client, user)  # the same signed-in session the tests use
            path = f"/staff/consultations/{consultation_id}/export.csv?include_hidden=1"

            started = time.perf_counter()
            size, lines = download(client, path)
            seconds = time.perf_counter() - started

            tracemalloc.start()
            download(client, path)
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            db.session.remove()
            db.engine.dispose()

    peak_mb = peak / 1_000_000
    print(f"built {args.responses} responses in {built:.1f} s")
    print(f"CSV export: {lines - 1} rows, {size / 1_000_000:.1f} MB in {seconds:.2f} s "
          f"({args.responses / seconds:,.0f} responses/s)")
    print(f"peak Python memory during the export (tracemalloc): {peak_mb:.1f} MB "
          f"({peak_mb / (size / 1_000_000):.2f}x the file size)")
    print(json.dumps({"responses": args.responses, "csv_seconds": round(seconds, 3), "peak_mb": round(peak_mb, 2)}))


if __name__ == "__main__":
    main()
