"""Render the demo quarter's board pack to a PDF and to one PNG per page, so
someone can look at every page.

Usage: python scripts/render_board_pack.py [--period 2026Q4 | --consultation SLUG] [--output DIR] [--resolution 60]

Builds a temporary SQLite database with the real migrations and the demo
partnership (`flask seed-demo`'s data, themed, with its board actions), writes
the pack for the quarter (default: the latest quarter with demo feedback) to
DIR/board-pack.pdf, then DIR/page-01.png... with `pdftoppm -png`. Prints the
page count and each page's first line of text.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess  # nosec B404 # pdftoppm, with fixed arguments
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask_migrate import upgrade  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from webapp import create_app  # noqa: E402
from webapp.demo import seed_if_empty  # noqa: E402
from webapp.extensions import db  # noqa: E402
from webapp.feedback.models import FeedbackResponse  # noqa: E402
from webapp.periods import quarter_of  # noqa: E402
from webapp.reports.pack import board_pack_pdf  # noqa: E402
from webapp.themes.scope import consultation_scope, feedback_quarter  # noqa: E402


def render(period: str | None, consultation: str | None, output: Path, resolution: int) -> list[str]:
    """Write the pack and its pages; return each page's first line."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'board-pack-demo.sqlite3'}"
        app = create_app("test", {"SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": ""})
        with app.app_context():
            upgrade()
            seed_if_empty(themes=True)
            if consultation:
                scope = consultation_scope(consultation)
            else:
                scope = feedback_quarter(period or quarter_of(
                    db.session.scalar(select(func.max(FeedbackResponse.submitted_on)))))
            pdf = board_pack_pdf(scope)
            db.session.remove()
            db.engine.dispose()
    output.mkdir(parents=True, exist_ok=True)
    for old in output.glob("page-*.png"):
        old.unlink()
    (output / "board-pack.pdf").write_bytes(pdf)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("pdftoppm is not installed (poppler-utils): the PDF is written, the pages are not.")
    subprocess.run([pdftoppm, "-png", "-r", str(resolution), str(output / "board-pack.pdf"),  # nosec B603
                    str(output / "page")], check=True)
    reader = PdfReader(io.BytesIO(pdf))
    return [next((line.strip() for line in page.extract_text().splitlines() if line.strip()), "")
            for page in reader.pages]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--period", help="A feedback quarter, like 2026Q3 (default: the latest with feedback).")
    parser.add_argument("--consultation", help="A demo consultation's slug, like out-of-hours, instead.")
    parser.add_argument("--output", type=Path, default=Path("board-pack-pages"))
    parser.add_argument("--resolution", type=int, default=60, help="Pixels per inch of the PNGs.")
    args = parser.parse_args()
    firsts = render(args.period, args.consultation, args.output, args.resolution)
    print(f"{len(firsts)} pages, written to {args.output}/")
    for number, first in enumerate(firsts, start=1):
        print(f"  page {number:2}: {first[:90]}")


if __name__ == "__main__":
    main()
