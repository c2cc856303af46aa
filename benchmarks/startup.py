"""Start-up CPU of a `flask` command that does no work: `flask --app webapp --help`.

Usage:
    python benchmarks/startup.py [--runs N]

Runs the command N times (default 7) in fresh processes and prints the CPU
seconds (user + system) of each: the minimum and the median, since the
minimum is the least disturbed by other work on the machine. For scale it also
times the floor that any Flask app with Heard's extensions pays (importing
Flask, Flask-SQLAlchemy, Flask-Migrate and Alembic, Flask-WTF, Flask-Login,
Flask-Limiter, Flask-Babel, Flask-Session, Flask-Compress) and lists the
heavy libraries that the command loaded (none of scikit-learn, SciPy, NumPy,
nltk, WeasyPrint, openpyxl, Markdown, bleach, PyYAML or rapidfuzz should be).
Byte-code is compiled first (as `make setup` does), so the figure is start-up,
not compilation.
Prints a table, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = ("import flask, flask_sqlalchemy, flask_migrate.cli, flask_wtf, flask_login, "
         "flask_limiter, flask_babel, flask_session, flask_compress, sqlalchemy.orm")
HEAVY = ("sklearn", "scipy", "numpy", "nltk", "weasyprint", "torch", "openpyxl", "markdown", "bleach", "yaml",
         "rapidfuzz")
LOADED = ("import runpy, sys; sys.argv = ['flask', '--app', 'webapp', '--help'];\n"
          "try: runpy.run_module('flask', run_name='__main__')\n"
          "except SystemExit: pass\n"
          f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)")


def cpu_seconds(argv: list[str]) -> float:
    """CPU (user + system) of one child process running argv."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=_env())
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def heavy_loaded() -> list[str]:
    done = subprocess.run([sys.executable, "-c", LOADED], cwd=ROOT, check=True,
                          capture_output=True, text=True, env=_env())
    return done.stderr.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", "webapp", "analysis"], cwd=ROOT, check=True)
    flask = [sys.executable, "-m", "flask", "--app", "webapp", "--help"]
    floor = [sys.executable, "-c", FLOOR]
    figures = {}
    for name, argv in (("flask --help", flask), ("extensions only", floor)):
        runs = [cpu_seconds(argv) for _ in range(args.runs)]
        figures[name] = {"min": round(min(runs), 3), "median": round(statistics.median(runs), 3)}
    loaded = heavy_loaded()
    print(f"{'':18}{'min CPU s':>11}{'median':>9}")
    for name, got in figures.items():
        print(f"{name:18}{got['min']:11.3f}{got['median']:9.3f}")
    print(f"heavy libraries loaded by flask --help: {', '.join(loaded) or 'none'}")
    print(json.dumps({"runs": args.runs, **figures, "heavy_loaded": loaded}))


if __name__ == "__main__":
    main()
