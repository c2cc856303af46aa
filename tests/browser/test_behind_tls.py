"""Heard as it is deployed (issue 11, part 1): the README's nginx config
terminating TLS with a certificate this test makes, in front of `make serve`'s
gunicorn (production config, gunicorn.conf.py) on PostgreSQL and Redis, driven
by headless Chromium over HTTPS. Every form must work there: the feedback
journey, a consultation, staff sign-in with two-factor and a password change,
and moderation. Each POST must answer with a redirect (POST/redirect/GET), never
the 400 of a refused CSRF check ("This page was open for a long time"), which is
what every HTTPS POST got while Flask-WTF's strict Referer check was on.

nginx runs as the current user from a private prefix under the test's tmp path,
on free loopback ports; the README's config is used with only its ports, paths
and certificate swapped (each swap must find its text, so a changed README
fails here rather than going untested). The database is a fresh
`<TEST_DATABASE_URL's name>_behind_tls`, seeded with `make seed` under the
development config as a newcomer's would be; the production server never seeds.
Without TEST_DATABASE_URL and TEST_REDIS_URL the journeys are skipped (CI sets
both, and fails rather than skips if they are missing).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import getpass
import grp
import http.server
import ipaddress
import json
import os
import re
import secrets
import signal
import socket
import ssl
import subprocess
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pyotp
import pytest
import redis
from cryptography import x509
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect
from sqlalchemy.engine import make_url

from tests.browser.helpers import TouchDriver, Typed, answer_to_check, change_and_send, marker_word, start
from tests.browser.settings import ACTION_TIMEOUT, ENCRYPTION_KEY, NAVIGATION_TIMEOUT, PHONE, PROBE_IP, PROBE_UA

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
NGINX_SNIPPET = REPO / "deploy" / "nginx-heard.conf"
NGINX = os.environ.get("NGINX_PATH", "/usr/sbin/nginx")
FLASK = [str(REPO / ".venv" / "bin" / "flask"), "--app", "webapp"]
SPOOFED_HOST = "attacker.example"
STAFF_EMAIL = "tls.moderator@partnership.example"
FIRST_PASSWORD = "Lantern-Copper-Thistle-73"
OWN_PASSWORD = "Meadow-Anchor-Pebble-29"
STALE_FORM = "This page was open for a long time"
IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")


# --- the README's nginx config ------------------------------------------------------

def readme_nginx_config() -> str:
    """The one ```nginx block of README.md's Deploying section, which must be
    deploy/nginx-heard.conf word for word."""
    deploying = README.read_text().split("\n## Deploying\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```nginx\n(.*?)```", deploying, flags=re.S)
    assert len(blocks) == 1, "README's Deploying section should hold exactly one ```nginx block"
    assert blocks[0] == NGINX_SNIPPET.read_text(), (
        "README's nginx config and deploy/nginx-heard.conf differ: paste the file into the README")
    return blocks[0]


def test_readme_nginx_config_is_the_committed_file():
    config = readme_nginx_config()
    for header in ("Host", "X-Forwarded-Host", "X-Forwarded-For", "X-Forwarded-Proto"):
        assert re.search(rf"^\s*proxy_set_header {header} \$", config, flags=re.M), header
    assert "$remote_addr" not in config.split("log_format heard", 1)[1].split(";", 1)[0]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Nginx:
    """A private nginx: `https` is the TLS port, `http` the redirecting one."""

    root: Path
    https: int
    http: int
    process: subprocess.Popen

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.https}"

    def logs(self) -> dict[str, str]:
        return {path.name: path.read_text(errors="replace") for path in sorted((self.root / "logs").glob("*"))}


def make_certificate(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, valid for a day."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Heard test")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "fullchain.pem", directory / "privkey.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_path.chmod(0o600)
    return cert_path, key_path


def adapt(config: str, swaps: dict[str, str]) -> str:
    for old, new in swaps.items():
        assert old in config, f"the README's nginx config no longer has {old!r}: update this test's swaps"
        config = config.replace(old, new)
    return config


def start_nginx(root: Path, upstream_port: int) -> Nginx:
    """nginx with the README's config, proxying to 127.0.0.1:`upstream_port`."""
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: apt-get install nginx (.ci/run does)")
    for sub in ("logs", "temp", "conf.d", "tls"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    cert, key = make_certificate(root / "tls")
    https, http_port = free_port(), free_port()
    logs = root / "logs"
    (root / "conf.d" / "heard.conf").write_text(adapt(readme_nginx_config(), {
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen [::]:80;": "# (IPv4 loopback only in the test)",
        "listen 443 ssl;": f"listen 127.0.0.1:{https} ssl;",
        "listen [::]:443 ssl;": "# (IPv4 loopback only in the test)",
        "/etc/letsencrypt/live/feedback.example.org/fullchain.pem": str(cert),
        "/etc/letsencrypt/live/feedback.example.org/privkey.pem": str(key),
        "/var/log/nginx/heard.log": str(logs / "heard.log"),
        "/var/log/nginx/heard-error.log": str(logs / "heard-error.log"),
        "proxy_pass http://127.0.0.1:8000;": f"proxy_pass http://127.0.0.1:{upstream_port};",
    }))
    # What Debian's /etc/nginx/nginx.conf sets around conf.d/, with private paths:
    # its http-wide access log is the combined format (address and user agent), so
    # it must stay empty; the README's server blocks replace it.
    user = f"user {getpass.getuser()} {grp.getgrgid(os.getgid()).gr_name};" if os.geteuid() == 0 else ""
    temp = "\n".join(f"    {kind}_temp_path {root / 'temp' / kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (root / "nginx.conf").write_text(f"""{user}
worker_processes 1;
daemon off;
pid {root / 'nginx.pid'};
error_log {logs / 'error.log'};
events {{ worker_connections 256; }}
http {{
{temp}
    access_log {logs / 'access.log'};
    include {root / 'conf.d' / 'heard.conf'};
}}
""")
    startup = (logs / "startup.log").open("wb")
    process = subprocess.Popen([NGINX, "-p", str(root), "-c", str(root / "nginx.conf"), "-e", str(logs / "error.log")],
                               stdout=startup, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    startup.close()
    server = Nginx(root, https, http_port, process)
    deadline = time.monotonic() + 20
    while True:
        if process.poll() is not None:
            pytest.fail(f"nginx exited with {process.returncode}: {server.logs()}")
        try:
            socket.create_connection(("127.0.0.1", https), timeout=1).close()
            return server
        except OSError:
            if time.monotonic() > deadline:
                stop(process)
                pytest.fail(f"nginx did not start: {server.logs()}")
            time.sleep(0.1)


def stop(process: subprocess.Popen, *, group: bool = False) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM) if group else process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL) if group else process.kill()
        process.wait()


def fetch(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """One request straight to nginx (trusting its test certificate), redirects not followed."""
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), urllib.request.HTTPSHandler(context=context),
                                         NoRedirect())
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=20) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def assert_no_address_or_agent(name: str, text: str) -> None:
    for secret in (PROBE_IP, PROBE_UA, PROBE_UA.split("HeardProbe/")[1].split()[0], SPOOFED_HOST):
        assert secret not in text, f"{name} holds {secret!r}"
    assert not IPV4.findall(text), f"{name} holds an address: {IPV4.findall(text)[:3]}"


# --- what the README's config sends to the app --------------------------------------------

def test_nginx_sets_every_forwarded_header_and_logs_no_address(tmp_path):
    """The config overwrites what a client sends in X-Forwarded-*, so Heard's one
    trusted hop is nginx's own word; its logs hold no address or user agent."""
    seen: list[dict] = []

    class Echo(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            seen.append({k.lower(): v for k, v in self.headers.items()})
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    nginx = start_nginx(tmp_path / "nginx", upstream.server_address[1])
    try:
        status, _, _ = fetch(nginx.base_url + "/privacy?who=me", {
            "X-Forwarded-For": PROBE_IP, "X-Forwarded-Host": SPOOFED_HOST, "X-Forwarded-Proto": "http",
            "User-Agent": PROBE_UA})
        redirect = fetch(f"http://127.0.0.1:{nginx.http}/privacy?who=me", {"User-Agent": PROBE_UA})
    finally:
        stop(nginx.process)
        upstream.shutdown()
        upstream.server_close()
    assert status == 200
    [headers] = seen
    assert headers["x-forwarded-for"] == "127.0.0.1"  # nginx's $remote_addr, not the client's claim
    assert headers["x-forwarded-host"] == headers["host"] == "127.0.0.1"
    assert headers["x-forwarded-proto"] == "https"
    assert redirect[0] == 301 and redirect[1]["location"] == "https://feedback.example.org/privacy?who=me"
    logs = nginx.logs()
    assert '"GET /privacy" 200' in logs["heard.log"]  # no query string either
    for name, text in logs.items():
        assert_no_address_or_agent(f"nginx's {name}", text)
    assert logs["access.log"] == ""


# --- Heard behind it ------------------------------------------------------------------------

@dataclass
class Deployment:
    nginx: Nginx
    gunicorn_log: Path
    database_url: str
    env: dict

    def url(self, path: str = "/") -> str:
        return self.nginx.base_url + path


def required_url(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        reason = f"{name} is not set: the real-nginx journeys need PostgreSQL and Redis (.ci/run sets both)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return value


def ONE_DEPLOYMENT(test):  # noqa: N802 (read as a mark)
    """The tests that share the deployment (its setup takes a couple of minutes):
    slow, so they start first, and one group, so they are dealt to one worker
    together (see tests/conftest.py)."""
    return pytest.mark.slow(pytest.mark.xdist_group("behind-tls")(test))


@pytest.fixture(scope="module")
def one_deployment_at_a_time(tmp_path_factory):
    """pytest-xdist may deal this module's tests to two workers; each would make
    its own deployment on the same database and Redis, emptying the other's. The
    second waits until the first worker is done with the module."""
    run_folder = tmp_path_factory.getbasetemp().parent
    with (run_folder / "behind-tls.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
        fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="module")
def tls_database(one_deployment_at_a_time) -> str:
    """A fresh database beside TEST_DATABASE_URL's (the other tests empty that one)."""
    base = make_url(required_url("TEST_DATABASE_URL")).set(drivername="postgresql")
    name = f"{base.database}_behind_tls"
    admin = base.set(database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    yield base.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def tls_redis(one_deployment_at_a_time) -> str:
    """The Redis database just below TEST_REDIS_URL's: the queue tests empty that
    one (tests/webapp/themes/test_theming_rq.py), which would sign a journey here
    out halfway."""
    url = make_url(required_url("TEST_REDIS_URL"))
    own = url.set(database=str((int(url.database or 0) - 1) % 16)).render_as_string(hide_password=False)
    redis.Redis.from_url(own).flushdb()  # this deployment's sessions and rate-limit counters only
    return own


def app_env(**settings) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in {"HEARD_CONFIG", "DATABASE_URL", "REDIS_URL", "SECRET_KEY", "PUBLIC_BASE_URL", "PORT",
                        "TRUST_PROXY_HOPS", "FEEDBACK_RATE_LIMIT", "LOG_LEVEL", "FLASK_DEBUG", "MAKEFLAGS"}}
    env.update(PYTHONUNBUFFERED="1", HEARD_ENCRYPTION_KEYS=ENCRYPTION_KEY, **settings)
    return env


def wait_for_health(url: str, process: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            pytest.fail(f"make serve exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with opener.open(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"make serve did not answer {url}:\n{log.read_text(errors='replace')}")
        time.sleep(0.25)


@pytest.fixture(scope="module")
def deployment(tmp_path_factory, tls_database, tls_redis):
    root = tmp_path_factory.mktemp("behind-tls")
    app_port = free_port()
    seeded = subprocess.run(["make", "--no-print-directory", "seed"], cwd=REPO, capture_output=True, text=True,
                            timeout=600, env=app_env(HEARD_CONFIG="development", DATABASE_URL=tls_database))
    assert seeded.returncode == 0, seeded.stdout + seeded.stderr
    nginx = start_nginx(root / "nginx", app_port)
    # make serve's own settings, as the README's Deploying section lists them; two
    # gunicorn workers (not 5 on 2 cores) still share sessions only through Redis;
    # LOG_LEVEL=debug is the most an operator can log, so the log scan sees it all.
    env = app_env(HEARD_CONFIG="production", DATABASE_URL=tls_database, REDIS_URL=tls_redis,
                  SECRET_KEY=secrets.token_urlsafe(48), PUBLIC_BASE_URL=nginx.base_url, PORT=str(app_port),
                  WEB_CONCURRENCY="2", LOG_LEVEL="debug")
    log = root / "gunicorn.log"
    with log.open("wb") as out:
        serve = subprocess.Popen(["make", "--no-print-directory", "serve"], cwd=REPO, env=env, stdout=out,
                                 stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for_health(f"http://127.0.0.1:{app_port}/healthz", serve, log)
        yield Deployment(nginx, log, tls_database, env)
    finally:
        stop(nginx.process)
        stop(serve, group=True)


@pytest.fixture(scope="module")
def staff_account(deployment) -> str:
    """Added as the README says, with the users command in the production environment."""
    result = subprocess.run([*FLASK, "users", "create", STAFF_EMAIL, "--role", "engagement",
                             "--password", FIRST_PASSWORD], cwd=REPO, env=deployment.env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return STAFF_EMAIL


class Posts:
    """Every form a context sends, with the status it got back."""

    def __init__(self, context):
        self.sent: list[tuple[str, int | None]] = []
        context.on("requestfinished", self._finished)
        context.on("requestfailed", self._failed)

    def _finished(self, request) -> None:
        if request.method == "POST":
            response = request.response()
            self.sent.append((request.url, response.status if response else None))

    def _failed(self, request) -> None:
        if request.method == "POST":
            self.sent.append((request.url, None))

    def refused(self) -> list[tuple[str, int | None]]:
        """POST/redirect/GET: every accepted form answers 303 (or 302). A refused CSRF check is a 400."""
        return [(url, status) for url, status in self.sent if status not in (302, 303)]

    def assert_all_redirected(self, at_least: int) -> None:
        assert len(self.sent) >= at_least, self.sent
        assert not self.refused(), f"forms not accepted over HTTPS: {self.refused()}"

    @contextmanager
    def explain_failure(self):
        """A step that did not arrive where it should says which form was refused."""
        try:
            yield
        except (AssertionError, PlaywrightError) as error:
            if self.refused():
                raise AssertionError(f"forms refused over HTTPS (a 400 is a failed CSRF check, "
                                     f"'{STALE_FORM}'): {self.refused()}") from error
            raise


@pytest.fixture
def browser_context(chromium):
    """A phone on the open internet as nginx sees it: it claims another address
    and host in X-Forwarded-* and has a unique user agent, none of which may pass."""
    contexts = []

    def make(**options):
        context = chromium.new_context(ignore_https_errors=True, user_agent=PROBE_UA,
                                       extra_http_headers={"X-Forwarded-For": PROBE_IP,
                                                           "X-Forwarded-Host": SPOOFED_HOST},
                                       **{"viewport": PHONE, "is_mobile": True, "has_touch": True, **options})
        context.set_default_timeout(ACTION_TIMEOUT)
        context.set_default_navigation_timeout(NAVIGATION_TIMEOUT)
        contexts.append(context)
        return context, Posts(context), context.new_page()

    yield make
    for context in contexts:
        context.close()


def expect_heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1, name=text, exact=True)).to_be_visible()
    expect(page.locator("body")).not_to_contain_text(STALE_FORM)
    assert page.url.startswith("https://127.0.0.1:"), page.url


def decrypted(database_url: str, query: str) -> list[tuple]:
    """Rows of `query` with every bytes-or-text Fernet token in them decrypted."""
    key = Fernet(ENCRYPTION_KEY)

    def plain(value):
        return key.decrypt(value).decode() if isinstance(value, str) and value.startswith("gAAAA") else value

    with psycopg.connect(database_url) as connection:
        return [tuple(plain(value) for value in row) for row in connection.execute(query)]


def assert_logs_hold_no_address(deployment: Deployment) -> None:
    logs = deployment.nginx.logs()
    for name, text in logs.items():
        assert_no_address_or_agent(f"nginx's {name}", text)
    assert logs["access.log"] == "", "Debian's combined-format access log must not be used"
    assert_no_address_or_agent("make serve's output", deployment.gunicorn_log.read_text(errors="replace"))


def requests_logged(deployment: Deployment) -> list[dict]:
    lines = []
    for line in deployment.gunicorn_log.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            if "status" in record:
                lines.append(record)
    return lines


@ONE_DEPLOYMENT
def test_feedback_then_staff_sign_in_with_two_factor_and_moderation(deployment, staff_account, browser_context):
    # --- A survivor gives feedback on a phone, over HTTPS, through nginx ------------------
    context, posts, page = browser_context()
    typed = Typed.new()
    driver = TouchDriver(page)
    with posts.explain_failure():
        start(page, deployment.url(""), driver)
        answer_to_check(page, driver, typed)
        [cookie] = [c for c in context.cookies() if c["name"] == "heard"]  # the one cookie, during the form
        assert cookie["secure"] and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
        what_helped = change_and_send(page, driver, typed)
    expect(page.locator("body")).not_to_contain_text(STALE_FORM)
    posts.assert_all_redirected(at_least=6)
    assert feedback_state(deployment, typed.token) == [(what_helped, False, False)]

    status, headers, _ = fetch(deployment.url("/privacy"))
    assert status == 200 and headers["strict-transport-security"].startswith("max-age=")
    assert headers["server"] == "nginx"  # server_tokens off: no version

    # --- Staff: first sign-in, two-factor from the key shown, recovery codes, own password --
    context, posts, staff = browser_context(viewport={"width": 1280, "height": 800}, is_mobile=False,
                                            has_touch=False)
    with posts.explain_failure():
        staff.goto(deployment.url("/staff/"))
        expect_heading(staff, "Sign in to Heard")
        staff.get_by_label("Email address").fill(STAFF_EMAIL)
        staff.get_by_label("Password", exact=True).fill(FIRST_PASSWORD)
        staff.get_by_role("button", name="Sign in").click()
        staff.wait_for_url("**/staff/two-factor/set-up")
        secret = staff.locator("#totp-secret").inner_text().replace(" ", "")
        staff.get_by_label("Security code").fill(pyotp.TOTP(secret).now())
        staff.get_by_role("button", name="Turn on two-factor authentication").click()
        staff.wait_for_url("**/staff/two-factor/recovery-codes")
        expect_heading(staff, "Save your recovery codes")
        codes = staff.locator("#recovery-codes li").all_inner_texts()
        assert len(codes) == 10
        staff.get_by_role("link", name="I have saved my recovery codes").click()
        staff.wait_for_url("**/staff/password")  # the users command set the password: choose one
        expect_heading(staff, "Change your password")
        staff.get_by_label("Current password").fill(FIRST_PASSWORD)
        staff.get_by_label("New password", exact=True).fill(OWN_PASSWORD)
        staff.get_by_label("Confirm new password").fill(OWN_PASSWORD)
        staff.get_by_role("button", name="Change password").click()
        staff.wait_for_url("**/staff/")
        expect_heading(staff, "Staff home")
        expect(staff.locator("main")).to_contain_text("Your password has been changed")

        # --- Sign out, then in again with the new password and a recovery code ------------
        staff.locator("button.heard-sign-out__button").click()
        staff.wait_for_url("**/staff/sign-in?signed-out=1")
        staff.get_by_label("Email address").fill(STAFF_EMAIL)
        staff.get_by_label("Password", exact=True).fill(OWN_PASSWORD)
        staff.get_by_role("button", name="Sign in").click()
        staff.wait_for_url("**/staff/two-factor")
        staff.get_by_label("Security code").fill(codes[0])
        staff.get_by_role("button", name="Continue").click()
        staff.wait_for_url("**/staff/")
        expect_heading(staff, "Staff home")

        # --- Moderation: flag the survivor's response for safeguarding, then hide it -----
        staff.goto(deployment.url("/staff/feedback/"))
        expect_heading(staff, "Feedback free text")
        card = staff.locator(".govuk-summary-card", has_text=typed.token)
        card.get_by_role("button", name=re.compile("^Flag for safeguarding")).click()
        expect(staff.locator("main")).to_contain_text("Flagged for safeguarding.")
        expect(card).to_contain_text("Safeguarding")
        card.locator("summary").click()
        card.get_by_label("Spam", exact=True).check()
        card.get_by_label("Say more").fill("Checking moderation over TLS")
        card.get_by_role("button", name=re.compile("^Hide response")).click()
        expect(staff.locator("main")).to_contain_text("Response hidden.")
        expect(card).to_contain_text("Hidden because: Spam")
    posts.assert_all_redirected(at_least=8)
    assert feedback_state(deployment, typed.token) == [(what_helped, True, True)]

    # gunicorn saw the same: every POST a redirect; and no log holds an address or agent.
    statuses = {record["status"] for record in requests_logged(deployment) if record.get("method") == "POST"}
    assert statuses and statuses <= {302, 303}, statuses
    assert_logs_hold_no_address(deployment)


def feedback_state(deployment: Deployment, token: str) -> list[tuple]:
    """(what helped, flagged for safeguarding, hidden) of each stored response holding `token`."""
    rows = decrypted(deployment.database_url, "SELECT what_helped, safeguarding_flag, hidden FROM feedback_response")
    return [row for row in rows if token in row[0]]


@ONE_DEPLOYMENT
def test_consultation_answered_over_https(deployment, browser_context):
    marker = marker_word()
    phone_number = f"07700 900{secrets.randbelow(1000):03d}"
    _context, posts, page = browser_context()
    with posts.explain_failure():
        page.goto(deployment.url("/c/support-after-leaving"))
        expect_heading(page, "Before you start")
        page.get_by_role("button", name="Continue").click()  # a link styled and announced as a button
        expect(page.locator("h1")).to_contain_text("Your support")
        page.get_by_label("No", exact=True).check()  # no refuge: the accommodation page is skipped
        page.get_by_label("Peer support group", exact=True).check()
        page.get_by_role("button", name="Continue").click()
        expect(page.locator("h1")).to_contain_text("How it felt")
        page.get_by_role("group", name="I knew where to get help after I left").get_by_label(
            "Agree", exact=True).check()
        page.get_by_label("Someone to talk to", exact=True).check()
        page.get_by_role("button", name="Continue").click()
        expect(page.locator("h1")).to_contain_text("In your own words")
        page.get_by_label("What helped you most after leaving?").fill(f"A call back on {phone_number}, {marker}")
        page.get_by_role("button", name="Continue").click()
        expect_heading(page, "Check your answers before sending")
        expect(page.locator("main")).to_contain_text(f"A call back on [phone], {marker}")
        expect(page.locator("main")).not_to_contain_text(phone_number)
        page.get_by_role("button", name="Send your answers").click()
        expect(page.locator("h1")).to_contain_text("Thank you")
    expect(page.locator("body")).not_to_contain_text(STALE_FORM)
    posts.assert_all_redirected(at_least=4)
    answers = [row for row in decrypted(deployment.database_url, "SELECT value FROM consultation_answer")
               if marker in (row[0] or "")]
    assert answers == [(f"A call back on [phone], {marker}",)]
    assert_logs_hold_no_address(deployment)


# --- requests too large for gunicorn or nginx (issue 11, part 5) ------------------------------

HEARD_HEADERS = {"content-security-policy": "default-src", "x-content-type-options": "nosniff",
                 "x-frame-options": "DENY", "referrer-policy": "no-referrer", "cache-control": "no-store",
                 "strict-transport-security": "max-age="}
LONG_LINE = "/?q=" + "a" * 5000            # over gunicorn's 4094, under nginx's 8 KB
LONGER_LINE = "/?q=" + "a" * 10000         # over nginx's 8 KB too
MANY_HEADERS = {f"X-Filler-{n}": "x" for n in range(60)}  # over gunicorn's 50
HUGE_HEADER = {"X-Filler": "x" * 9000}     # over nginx's 8 KB buffer


def assert_plain_refusal(body: bytes) -> None:
    """An answer naming the problem at most: no stack, no paths, no versions."""
    text = body.decode(errors="replace")
    for leak in ("Traceback", "File \"", ".py", "gunicorn/", "nginx/", "webapp"):
        assert leak not in text, f"{leak!r} in {text[:300]!r}"


@ONE_DEPLOYMENT
@pytest.mark.parametrize(("path", "headers", "status"), [
    (LONG_LINE, None, 414), (LONGER_LINE, None, 414), ("/", MANY_HEADERS, 431), ("/", HUGE_HEADER, 400),
], ids=["gunicorn-414", "nginx-414", "gunicorn-431", "nginx-400"])
def test_oversized_requests_get_heards_headers_and_no_stack(deployment, path, headers, status):
    answer, sent, body = fetch(deployment.url(path), headers)
    assert answer == status
    for name, value in HEARD_HEADERS.items():
        assert value in sent.get(name, ""), f"{name} missing from the {status}: {sent}"
    assert_plain_refusal(body)


@ONE_DEPLOYMENT
@pytest.mark.parametrize(("path", "headers", "status"), [(LONG_LINE, None, 414), ("/", MANY_HEADERS, 431)])
def test_gunicorn_alone_refuses_oversized_requests_without_a_stack(deployment, path, headers, status):
    answer, _, body = fetch(f"http://127.0.0.1:{deployment.env['PORT']}{path}", headers)
    assert answer == status
    assert_plain_refusal(body)
