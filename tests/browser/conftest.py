"""Headless-browser fixtures: the real servers, a neutral exit destination, and
Debian's Chromium on a closed network, one fresh phone-sized context per test.

Servers (session scope, each a real subprocess on a free 127.0.0.1 port):
- `prod_server`: `gunicorn --config gunicorn.conf.py 'webapp:create_app("production")'`,
  exactly as `make serve` runs it, on a temporary SQLite file that `flask db upgrade`
  and `flask seed-demo` prepared. Production sets SESSION_COOKIE_SECURE; Chromium
  treats http://127.0.0.1 as a secure context and keeps Secure cookies there, so the
  production cookie settings are exercised unchanged.
- `dev_server`: `flask --app webapp run`, as `make run` serves it (development config).
- `neutral_server`: a tiny http.server standing in for EXIT_URL (BBC Weather by
  default), so the browser can be seen arriving there without leaving the machine.

Every browser context sends a unique user agent and a unique documentation-range
X-Forwarded-For address (203.0.113.x), so the log and database scans can look for them.
"""

from __future__ import annotations

import fcntl
import http.server
import os
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.browser.helpers import DESKTOP, STAFF_EMAIL
from tests.browser.settings import (
    ACTION_TIMEOUT,
    ENCRYPTION_KEY,
    EXPECT_TIMEOUT,
    NAVIGATION_TIMEOUT,
    PHONE,
    PROBE_IP,
    PROBE_UA,
)
from webapp.access_codes import hash_access_code
from webapp.staff.demo import DEMO_STAFF

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_PATH = REPO / "node_modules" / "axe-core" / "axe.min.js"
BIN = Path(sys.prefix) / "bin"

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Closed network: anything not on loopback goes to a dead proxy and no name but
    # localhost is ever resolved (same flags as shared/tools/lib/browser.mjs).
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=localhost;*.localhost;127.0.0.1/8;[::1]",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE *.localhost , EXCLUDE 127.0.0.1",
]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    missing = not Path(CHROMIUM).exists()
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            if missing:
                item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} is missing: apt-get install chromium"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the neutral exit destination ------------------------------------------------

@dataclass
class NeutralServer:
    url: str
    hits: list = field(default_factory=list)  # (path, headers dict) per request
    delay: float = 0.0  # seconds to hold each response (to see the overlay)


@pytest.fixture(scope="session")
def neutral_server():
    port = free_port()
    state = NeutralServer(url=f"http://127.0.0.1:{port}/weather")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            state.hits.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            if state.delay:
                time.sleep(state.delay)
            body = (b"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Weather</title>"
                    b"</head><body><h1>Weather</h1><p>Sunny spells.</p></body></html>")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


# --- the app's servers -------------------------------------------------------------

@dataclass
class AppServer:
    name: str
    base_url: str
    db_path: Path
    log_path: Path
    process: subprocess.Popen
    env: dict

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def db_bytes(self) -> bytes:
        """The SQLite file and any journal beside it."""
        data = b""
        for path in self.db_path.parent.glob(self.db_path.name + "*"):
            data += path.read_bytes()
        return data


def _base_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in {"DATABASE_URL", "REDIS_URL", "HEARD_CONFIG", "LOG_LEVEL", "EXIT_URL",
                        "FEEDBACK_RATE_LIMIT", "TRUST_PROXY_HOPS", "PORT", "FLASK_DEBUG",
                        "PUBLIC_BASE_URL", "SECRET_KEY", "STAFF_SIGN_IN_RATE_LIMIT"}}
    env["PYTHONUNBUFFERED"] = "1"  # every line reaches the log file at once
    env["HEARD_ENCRYPTION_KEYS"] = ENCRYPTION_KEY
    env.update(extra)
    return env


def _check_built() -> None:
    if not (REPO / "webapp" / "static" / "dist" / "heard.css").exists():
        pytest.fail("Front-end assets are not built: run `make assets`.")


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory) -> Path:
    """A database migrated and seeded by the real CLI, copied for each server
    (seeded under the development config: production refuses seed-demo). Made once
    per run: the first pytest-xdist worker to need it makes it, the others use it
    (only ever copied, never served or changed)."""
    _check_built()
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    run_folder = tmp_path_factory.getbasetemp().parent if worker else tmp_path_factory.getbasetemp()
    path, done = run_folder / "browser-seed.sqlite3", run_folder / "browser-seeded"
    with (run_folder / "browser-seed.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            env = _base_env(HEARD_CONFIG="development", DATABASE_URL=f"sqlite:///{path}")
            for args in (["db", "upgrade"], ["seed-demo"]):
                subprocess.run([str(BIN / "flask"), "--app", "webapp", *args], cwd=REPO, env=env,
                               check=True, capture_output=True, timeout=120)
            done.touch()
    return path


def _start(name: str, command: list[str], env: dict, port: int, db_path: Path, workdir: Path) -> AppServer:
    log_path = workdir / f"{name}.log"
    log = log_path.open("wb")
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL)
    log.close()
    server = AppServer(name, f"http://127.0.0.1:{port}", db_path, log_path, process, env)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            pytest.fail(f"{name} server exited with {process.returncode}:\n{server.log_text()}")
        try:
            with opener.open(server.url("/privacy"), timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            pass
        if time.monotonic() > deadline:
            _stop(server)
            pytest.fail(f"{name} server did not start:\n{server.log_text()}")
        time.sleep(0.1)


def _stop(server: AppServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


def _gunicorn(name, tmp_path_factory, seeded_db, neutral_server, **env_extra) -> AppServer:
    workdir = tmp_path_factory.mktemp(name)
    db_path = workdir / "heard.sqlite3"
    shutil.copy(seeded_db, db_path)
    port = free_port()
    env = _base_env(HEARD_CONFIG="production", SECRET_KEY=secrets.token_urlsafe(32),
                    DATABASE_URL=f"sqlite:///{db_path}", PORT=str(port), PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
                    EXIT_URL=neutral_server.url, STAFF_SIGN_IN_RATE_LIMIT="1000 per hour", **env_extra)
    return _start(name, [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py",
                         'webapp:create_app("production")'], env, port, db_path, workdir)


@pytest.fixture(scope="session")
def prod_server(tmp_path_factory, seeded_db, neutral_server):
    """`make serve`: gunicorn with gunicorn.conf.py and the production config. Two
    settings differ from the defaults: LOG_LEVEL=debug, the most an operator can turn
    logging up (every line the default level writes, and one per request), so the log
    scan sees as much as gunicorn can write; and a raised rate limit, because every test
    journey comes from the same loopback address."""
    server = _gunicorn("gunicorn", tmp_path_factory, seeded_db, neutral_server,
                       FEEDBACK_RATE_LIMIT="1000 per hour", LOG_LEVEL="debug")
    yield server
    _stop(server)


@pytest.fixture(scope="session")
def languages_server(tmp_path_factory, seeded_db, neutral_server):
    """Production offering every language Heard ships (English the default)."""
    server = _gunicorn("gunicorn-languages", tmp_path_factory, seeded_db, neutral_server,
                       FEEDBACK_RATE_LIMIT="1000 per hour", LANGUAGES="en,cy,pl,ur,pa,ro,bn")
    yield server
    _stop(server)


@pytest.fixture(scope="session")
def limited_server(tmp_path_factory, seeded_db, neutral_server):
    """Production with the shipped rate limit lowered so it is reached quickly."""
    server = _gunicorn("gunicorn-limited", tmp_path_factory, seeded_db, neutral_server,
                       FEEDBACK_RATE_LIMIT="4 per hour")
    yield server
    _stop(server)


@pytest.fixture(scope="session")
def dev_server(tmp_path_factory, seeded_db, neutral_server):
    """`make run`: the development server, development config."""
    workdir = tmp_path_factory.mktemp("flask-run")
    db_path = workdir / "heard.sqlite3"
    shutil.copy(seeded_db, db_path)
    port = free_port()
    env = _base_env(HEARD_CONFIG="development", DATABASE_URL=f"sqlite:///{db_path}",
                    EXIT_URL=neutral_server.url, FEEDBACK_RATE_LIMIT="1000 per hour",
                    STAFF_SIGN_IN_RATE_LIMIT="1000 per hour")
    server = _start("flask-run", [str(BIN / "flask"), "--app", "webapp", "run", "--host", "127.0.0.1",
                                  "--port", str(port)], env, port, db_path, workdir)
    yield server
    _stop(server)


@pytest.fixture(scope="session")
def review_code(prod_server) -> str:
    """The access code of the demo consultation in review with the group
    (/review/family-courts) on `prod_server`: the demo's own is random and shown
    once, so it is given one the tests know."""
    code = "lantern-harbour-meadow"
    with closing(sqlite3.connect(prod_server.db_path)) as connection, connection:
        connection.execute("UPDATE consultation SET access_code_hash = ? WHERE slug = 'family-courts'",
                           (hash_access_code(code),))
    return code


# --- the browser ---------------------------------------------------------------------

@pytest.fixture(scope="session", autouse=True)
def patient_expectations():
    """Expectations wait as long as a slow or busy machine needs (settings.EXPECT_TIMEOUT)."""
    from playwright.sync_api import expect

    expect.set_options(timeout=EXPECT_TIMEOUT)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Phone:
    """A fresh browser context and its page, with every request it made."""

    context: object
    page: object
    requests: list = field(default_factory=list)


@pytest.fixture
def new_phone(chromium):
    """Make a fresh context (phone-sized, touch, JS on by default) and its page."""
    contexts = []

    def make(*, js: bool = True, viewport: dict | None = None, forwarded_for: str = PROBE_IP,
             **options) -> Phone:
        size = dict(viewport or PHONE)
        context = chromium.new_context(
            viewport=size, screen=size, is_mobile=True, has_touch=True, device_scale_factor=1,
            java_script_enabled=js, user_agent=PROBE_UA,
            extra_http_headers={"X-Forwarded-For": forwarded_for}, **options)
        context.set_default_timeout(ACTION_TIMEOUT)
        context.set_default_navigation_timeout(NAVIGATION_TIMEOUT)
        contexts.append(context)
        phone = Phone(context, None)
        context.on("request", lambda request: phone.requests.append(request.url))
        phone.page = context.new_page()
        return phone

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def phone(new_phone) -> Phone:
    return new_phone()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_PATH.exists():
        pytest.fail(f"{AXE_PATH} is missing: run `npm ci` (axe-core is a devDependency).")
    return AXE_PATH.read_text()


# Staff -----------------------------------------------------------------------------------------

@pytest.fixture
def demo_staff(dev_server):
    """The demo staff accounts, which exist only under the DEMO config. `seeded_db` ran
    `flask seed-demo` under the development config (DEMO on, as `make run` does), so the
    copy `dev_server` serves has them already: no test seeds them again (each time a new
    process, most of a second of CPU)."""
    with closing(sqlite3.connect(dev_server.db_path)) as connection:
        emails = {email for (email,) in connection.execute("SELECT email FROM staff_user WHERE is_demo")}
    assert {email for email, _role in DEMO_STAFF} <= emails, emails
    return STAFF_EMAIL


@pytest.fixture
def staff(chromium):
    context = chromium.new_context(viewport=DESKTOP, screen=DESKTOP, accept_downloads=True)
    context.set_default_timeout(ACTION_TIMEOUT)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT)
    yield context.new_page()
    context.close()
