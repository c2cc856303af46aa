"""A `flask` command or a web worker that does not theme starts without the
heavy libraries: they load only in the code that needs them (ARCHITECTURE.md,
"Imports"). benchmarks/startup.py measures the CPU this saves."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sklearn", "scipy", "numpy", "nltk", "weasyprint", "redis", "rq")

# `flask --help` (which builds the app to list its commands), then a page served.
HELP_THEN_PAGE = f"""
import runpy, sys
sys.argv = ["flask", "--app", "webapp", "--help"]
try:
    runpy.run_module("flask", run_name="__main__")
except SystemExit:
    pass
from webapp import create_app
app = create_app("test", {{"SQLALCHEMY_DATABASE_URI": "sqlite://"}})
assert app.test_client().get("/healthz").status_code in (200, 503)
print("heavy:", *(m for m in {HEAVY!r} if m in sys.modules))
"""


def test_flask_help_and_a_served_page_load_no_heavy_library():
    done = subprocess.run([sys.executable, "-c", HELP_THEN_PAGE], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert "db" in done.stdout and "users" in done.stdout  # the commands were listed
    assert done.stdout.splitlines()[-1] == "heavy:"
