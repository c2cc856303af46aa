"""bandit is clean, so `make test` (the CI command) fails on a new finding."""

from __future__ import annotations

import subprocess  # nosec B404 # runs bandit, a fixed command
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bandit_finds_nothing_in_webapp_or_analysis():
    bandit = Path(sys.executable).with_name("bandit")
    result = subprocess.run(  # nosec B603 # fixed arguments, no shell
        [str(bandit), "-q", "-r", "webapp", "analysis", "-c", "pyproject.toml",
         "-f", "custom", "--msg-template", "{relpath}:{line} {test_id} {msg}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
