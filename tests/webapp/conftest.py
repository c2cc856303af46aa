"""Fixtures for the webapp tests (the app and database are in tests/conftest.py;
plain helpers are in helpers.py)."""

from __future__ import annotations

import pytest
from flask import g, request_started

from tests.webapp.helpers import ClientRequest


@pytest.fixture(autouse=True)
def fresh_login_per_request(request):
    """A test holding `app_context` open shares its `g` (where Flask-Login caches
    the user) with every request it makes; in production each request has its own.
    Forget the cached user at the start of every such test request."""
    if "app_context" not in request.fixturenames:
        yield
        return
    app = request.getfixturevalue("app")

    def forget(sender, **extra):
        g.pop("_login_user", None)

    request_started.connect(forget, app)
    yield
    request_started.disconnect(forget, app)


@pytest.fixture
def client_request(client) -> ClientRequest:
    """Fetch pages by endpoint: `client_request.get("public.privacy")` returns the
    parsed page after checking its status and that its ids are unique."""
    return ClientRequest(client)
