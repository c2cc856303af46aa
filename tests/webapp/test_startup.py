"""A `flask` command or a web worker that does not theme starts without the
heavy libraries: they load only in the code that needs them (ARCHITECTURE.md,
"Imports"); and the first app hides what start-up made from the garbage
collector. benchmarks/startup.py measures the CPU this saves."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sklearn", "scipy", "numpy", "nltk", "weasyprint", "redis", "rq", "openpyxl", "phonenumbers", "regex",
         "bleach", "markdown", "yaml", "rapidfuzz")

# `flask --help` (which builds the app to list its commands), then a page served.
HELP_THEN_PAGE = f"""
import gc, runpy, sys
sys.argv = ["flask", "--app", "webapp", "--help"]
try:
    runpy.run_module("flask", run_name="__main__")
except SystemExit:
    pass
frozen = gc.get_freeze_count()
from webapp import create_app
app = create_app("test", {{"SQLALCHEMY_DATABASE_URI": "sqlite://"}})
assert app.test_client().get("/healthz").status_code in (200, 503)
print("frozen:", frozen, gc.get_freeze_count())
print("heavy:", *(m for m in {HEAVY!r} if m in sys.modules))
"""


@pytest.fixture(scope="module")
def help_then_page() -> list[str]:
    """The lines the script above prints."""
    done = subprocess.run([sys.executable, "-c", HELP_THEN_PAGE], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert "db" in done.stdout and "users" in done.stdout  # the commands were listed
    return done.stdout.splitlines()


def test_flask_help_and_a_served_page_load_no_heavy_library(help_then_page):
    assert help_then_page[-1] == "heavy:"


def test_only_the_first_app_freezes_what_start_up_made(help_then_page):
    """The first app hides the start-up objects from the garbage collector; a
    second app in the same process (tests build hundreds) stays collectable."""
    first, second = (int(n) for n in help_then_page[-2].removeprefix("frozen:").split())
    assert first > 10_000  # every module, class and route
    assert second <= first  # none added (a few frozen objects may have been freed)
