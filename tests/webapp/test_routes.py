"""Every route, compared with the committed list in tests/route-list.json: a URL
that moves or disappears fails here, not in production. After adding or
renaming a route on purpose, regenerate the list and commit it:

    .venv/bin/python -m tests.webapp.test_routes
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from webapp import create_app

ROUTE_LIST = Path(__file__).resolve().parents[1] / "route-list.json"
IMPLIED_METHODS = {"HEAD", "OPTIONS"}


def current_routes() -> list[dict]:
    app = create_app("test")
    return sorted(({"rule": rule.rule, "endpoint": rule.endpoint,
                    "methods": sorted(rule.methods - IMPLIED_METHODS)}
                   for rule in app.url_map.iter_rules()),
                  key=lambda route: (route["rule"], route["endpoint"]))


def test_routes_match_the_committed_list():
    committed = json.loads(ROUTE_LIST.read_text(encoding="utf-8"))
    current = current_routes()
    lost = [route for route in committed if route not in current]
    added = [route for route in current if route not in committed]
    assert (lost, added) == ([], []), (
        f"Routes changed. Lost: {lost}. New: {added}. If that was meant, run "
        "`.venv/bin/python -m tests.webapp.test_routes` and commit tests/route-list.json.")


if __name__ == "__main__":
    # One route a line, so a change reads as a one-line diff.
    lines = ",\n".join(f"  {json.dumps(route)}" for route in current_routes())
    ROUTE_LIST.write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    sys.stdout.write(f"Wrote {ROUTE_LIST}\n")
