"""Heard under load and faults: virtual respondents through the whole feedback
journey against `make serve` (gunicorn, production config) on PostgreSQL + Redis,
beside a bare Flask + SQLAlchemy insert endpoint as the reference.

Usage: python benchmarks/load.py [--journeys 5000] [--concurrency 50] [--no-faults]

Everything runs on throwaway servers the script starts and removes: its own
PostgreSQL cluster (initdb into a temp dir, run as the postgres user when started
as root) and its own redis-server, on free ports. The shared servers are never
touched, so stopping PostgreSQL for the fault test is safe.

Phases (figures are printed as they come; the last line is one JSON object):
1. walk: each virtual respondent (one thread, one HTTP connection pool) takes
   journeys from a shared queue: GET /feedback, start, then each step's form is
   fetched, its CSRF token read with a regex, and POSTed; every 303 is followed.
   Journeys stop at the check page, sessions held in Redis.
2. burst and bare, in turns (--rounds, default 5): a share of the waiting journeys
   sends at once the check page's POST, the one that stores; then
   benchmarks/bare_app.py (bare Flask + SQLAlchemy, one row per POST, same
   gunicorn config and database, started beside Heard) takes as many POSTs at the
   same concurrency. `rps` is Heard's submissions per second over its rounds,
   `bare_rps` the bare inserts per second over its rounds, `ratio` = rps / bare_rps.
   Taking turns means a slow or fast spell on a shared machine falls on both.
   Each round's figures are printed, and the CPU milliseconds each request cost
   the app server, PostgreSQL, Redis and this client: all four share the cores,
   so together they set both throughputs.
3. thank-you: each sender's browser follows its redirect to the thank-you page,
   which is what makes a journey `completed`. `walk_journeys_per_s` is whole
   journeys per second.
4. faults (on unless --no-faults): more journeys, end to end; PostgreSQL is
   stopped mid-run for --outage-seconds and started again, then one gunicorn
   worker gets SIGTERM (restart) and another SIGKILL (crash). A respondent who
   gets the 503 page (which must say their answers are saved) or a dropped
   connection waits --retry-pause and sends the same request again, as the page's
   "Try again" button does. Rows stored before the outage are counted again after.
Finally the stored count must equal the completed journeys (`lost` == 0).

Rate limits stay on at the production default: each journey has its own client
address, sent as X-Forwarded-For through the one proxy hop production trusts,
from 198.18.0.0/15 (the range set aside for benchmarks), so limits apply per
respondent as they would behind the TLS proxy.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import urllib3
from urllib3.exceptions import HTTPError

ROOT = Path(__file__).resolve().parents[1]
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
FLASK = ROOT / ".venv" / "bin" / "flask"

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
SERVICE_CHOICE = re.compile(r'name="service"[^>]*value="([a-z0-9-]+)"')
HEARD_COOKIE = re.compile(r"\bheard=([^;,]*)")
STEP_FIELD = re.compile(r'name="step" value="([a-z-]+)"')
SAVED_MESSAGE = "Your answers are saved"

PROGRESS_EVERY = 500
WHAT_HELPED = "My support worker listened and called back when she said she would. " * 3
COULD_BE_BETTER = "The waiting list was long and the forms were confusing at first."


# ---------------------------------------------------------------- figures


@dataclass
class Figures:
    """Thread-safe tallies for one phase."""

    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: int = 0
    unavailable: int = 0  # 503 pages
    unkind: int = 0  # 503 pages on a POST that did not say the answers are saved
    dropped: int = 0  # connection errors (worker killed mid-request)
    retries: int = 0
    last_unavailable_at: float = 0.0  # perf_counter of the latest 503
    failures: Counter = field(default_factory=Counter)  # why journeys failed
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, seconds: float, status: int) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] += 1

    def fail(self, failure: Exception) -> None:
        """A journey that could not finish: counted, with its reason."""
        with self.lock:
            self.errors += 1
            self.failures[f"{type(failure).__name__}: {failure}"[:120]] += 1

    def add(self, **counts: int) -> None:
        with self.lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)

    def percentile_ms(self, p: float) -> float:
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return round(ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000, 1)


class JourneyFailed(Exception):
    pass


# ---------------------------------------------------------------- the client


class Http:
    """A virtual browser's connections: urllib3, with no cookie jar and no
    redirect handling of its own. Respondents carry their cookie and follow
    redirects themselves, so the client does the same small amount of work for
    every response, Heard's or the bare endpoint's (requests parsed each
    Set-Cookie three times and prepared every 303's next request in advance:
    a client cost that only Heard's responses paid, on the cores the servers use)."""

    def __init__(self) -> None:
        self.pool = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(60))

    def request(self, method: str, url: str, data: dict | None = None,
                headers: dict | None = None) -> urllib3.BaseHTTPResponse:
        form = {"fields": data, "encode_multipart": False} if data is not None else {}
        return self.pool.request(method, url, headers=headers, redirect=False, **form)


class Respondent:
    """One person's browser: their own cookie, a reused connection pool.

    The session cookie is Secure in production and this runs over plain HTTP on
    127.0.0.1, so the cookie is carried by hand."""

    def __init__(self, http: Http, base: str, figures: Figures,
                 retry_for: float = 0.0, retry_pause: float = 0.5, address: str = ""):
        self.http, self.base, self.figures = http, base, figures
        self.cookie = ""
        self.address = address or next_address()
        self.retry_for, self.retry_pause = retry_for, retry_pause

    def send(self, method: str, path: str, data: dict | None = None) -> urllib3.BaseHTTPResponse:
        """One request; with retry_for, 503s and dropped connections are retried."""
        give_up = time.monotonic() + self.retry_for
        while True:
            headers = {"X-Forwarded-For": self.address}
            if self.cookie:
                headers["Cookie"] = f"heard={self.cookie}"
            started = time.perf_counter()
            try:
                response = self.http.request(method, self.base + path, data=data, headers=headers)
            except HTTPError:
                self.figures.add(dropped=1)
                if time.monotonic() < give_up:
                    self._pause()
                    continue
                raise JourneyFailed(f"{method} {path}: connection failed") from None
            self.figures.record(time.perf_counter() - started, response.status)
            self._keep_cookie(response)
            if response.status == 503:
                self.figures.add(unavailable=1)
                self.figures.last_unavailable_at = time.perf_counter()
                if method == "POST" and SAVED_MESSAGE not in response.data.decode():
                    self.figures.add(unkind=1)
                if time.monotonic() < give_up:
                    self._pause()
                    continue
            return response

    def _pause(self) -> None:
        self.figures.add(retries=1)
        time.sleep(self.retry_pause)

    def _keep_cookie(self, response: urllib3.BaseHTTPResponse) -> None:
        match = HEARD_COOKIE.search(response.headers.get("Set-Cookie", ""))
        if match:
            self.cookie = match.group(1)

    def page(self, path: str) -> str:
        response = self.send("GET", path)
        if response.status == 303:
            response = self.send("GET", response.headers["Location"])
        if response.status != 200:
            raise JourneyFailed(f"GET {path}: {response.status}")
        return response.data.decode()

    def answer(self, html: str, data: dict) -> str:
        """POST a step with the page's CSRF token; follow the redirect."""
        token = TOKEN.search(html)
        if not token:
            raise JourneyFailed("no CSRF token on the page")
        response = self.send("POST", "/feedback", {"csrf_token": token.group(1), **data})
        if response.status != 303:
            raise JourneyFailed(f"POST {data['step']}: {response.status}")
        return self.page(response.headers["Location"])

    def walk_to_check(self) -> str:
        """Every step up to the check page; returns the check page."""
        if "Before you start" not in self.page("/feedback"):
            raise JourneyFailed("no safety interruption")
        html = self.page("/feedback?step=service")
        service = next(s for s in SERVICE_CHOICE.findall(html) if s != "another")
        html = self.answer(html, {"step": "service", "service": service, "other_service": ""})
        html = self.answer(html, {"step": "experience", "ease": "easy", "listened": "yes",
                                  "overall": "good"})
        html = self.answer(html, {"step": "comments", "what_helped": WHAT_HELPED,
                                  "could_be_better": COULD_BE_BETTER})
        html = self.answer(html, {"step": "about-you", "age_band": "25-34", "gender": "woman",
                                  "disability": "prefer-not", "submit": "Continue"})
        if STEP_FIELD.search(html).group(1) != "check":
            raise JourneyFailed("did not reach the check page")
        return html

    def submit(self, check_page: str) -> str:
        """POST the check page (the submission); returns where it redirects."""
        token = TOKEN.search(check_page)
        response = self.send("POST", "/feedback", {"csrf_token": token.group(1), "step": "check",
                                                   "website": ""})
        if response.status != 303:
            raise JourneyFailed(f"POST check: {response.status}")
        return response.headers["Location"]

    def see_thanks(self, location: str) -> None:
        if "Thank you" not in self.page(location):
            raise JourneyFailed("no thank-you page")
        self.cookie = ""

    def send_feedback(self, check_page: str) -> None:
        self.see_thanks(self.submit(check_page))


def run_threads(concurrency: int, work) -> float:
    """Run work(worker_index) in `concurrency` threads; return the wall seconds."""
    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


class Queue:
    """Hands out job numbers 0..n-1 to threads."""

    def __init__(self, n: int):
        self.n, self.next, self.lock = n, 0, threading.Lock()

    def take(self) -> int | None:
        with self.lock:
            if self.next >= self.n:
                return None
            self.next += 1
            return self.next - 1


_addresses = itertools.count(1)


def next_address() -> str:
    """A new client address in 198.18.0.0/15 (RFC 2544, for benchmarks)."""
    n = next(_addresses)
    return f"198.{18 + n // 65536 % 2}.{n // 256 % 256}.{n % 256}"


# ---------------------------------------------------------------- phases


def walk_phase(base: str, journeys: int, concurrency: int, figures: Figures):
    """Walk `journeys` respondents to the check page; return (cookie, page) pairs."""
    queue, ready, lock = Queue(journeys), [], threading.Lock()
    started = time.perf_counter()

    def work(_):
        http = Http()
        while queue.take() is not None:
            person = Respondent(http, base, figures)
            try:
                check = person.walk_to_check()
            except (JourneyFailed, HTTPError) as failure:
                figures.fail(failure)
                continue
            with lock:
                ready.append((person.cookie, check, person.address))
                if len(ready) % PROGRESS_EVERY == 0:
                    print(f"  walk: {len(ready)} at the check page, "
                          f"{len(ready) / (time.perf_counter() - started):.1f}/s", flush=True)

    return ready, run_threads(concurrency, work)


def burst_phase(base: str, ready: list, concurrency: int, figures: Figures) -> tuple[list, float]:
    """Every waiting journey sends at once: the timed submission POSTs only."""
    queue, sent, lock = Queue(len(ready)), [], threading.Lock()

    def work(_):
        http = Http()
        while (index := queue.take()) is not None:
            cookie, check, address = ready[index]
            person = Respondent(http, base, figures, address=address)
            person.cookie = cookie
            try:
                location = person.submit(check)
            except (JourneyFailed, HTTPError) as failure:
                figures.fail(failure)
                continue
            with lock:
                sent.append((person.cookie, location, person.address))

    seconds = run_threads(concurrency, work)
    return sent, seconds


def thanks_phase(base: str, sent: list, concurrency: int, figures: Figures) -> int:
    """Each sender's browser follows the redirect: the thank-you page completes the journey."""
    queue, completed = Queue(len(sent)), Counter()

    def work(_):
        http = Http()
        while (index := queue.take()) is not None:
            cookie, location, address = sent[index]
            person = Respondent(http, base, figures, address=address)
            person.cookie = cookie
            try:
                person.see_thanks(location)
            except (JourneyFailed, HTTPError) as failure:
                figures.fail(failure)
                continue
            completed[threading.get_ident()] += 1

    run_threads(concurrency, work)
    return sum(completed.values())


def fault_phase(base: str, args, figures: Figures, servers: Servers) -> dict:
    """End-to-end journeys while PostgreSQL stops and starts and workers die."""
    queue, done, lock = Queue(args.fault_journeys), [0], threading.Lock()
    report: dict = {}

    def work(_):
        http = Http()
        while queue.take() is not None:
            person = Respondent(http, base, figures, retry_for=args.retry_for,
                                retry_pause=args.retry_pause)
            try:
                person.send_feedback(person.walk_to_check())
            except (JourneyFailed, HTTPError) as failure:
                figures.fail(failure)
                continue
            with lock:
                done[0] += 1

    def wait_until(share: float) -> None:
        while done[0] < share * args.fault_journeys and queue.next < args.fault_journeys:
            time.sleep(0.05)

    def inject():
        wait_until(0.25)
        before_count, before_max = servers.stored_rows()
        print(f"  faults: {before_count} rows stored; stopping PostgreSQL", flush=True)
        with lock:
            stopped_at_done = done[0]
        servers.stop_postgres()
        time.sleep(args.outage_seconds)
        servers.start_postgres()
        restarted = time.perf_counter()
        with lock:
            start_done = done[0]
        while done[0] == start_done and queue.next < args.fault_journeys:
            time.sleep(0.02)  # recovered once a journey completes after the restart
        report["first_journey_after_restart_s"] = round(time.perf_counter() - restarted, 2)
        time.sleep(2 * args.retry_pause)  # any request still getting 503s has retried by now
        report["recovery_s"] = round(max(0.0, figures.last_unavailable_at - restarted), 2)
        report["completed_during_outage"] = start_done - stopped_at_done
        kept = servers.rows_up_to(before_max)
        report["rows_before_outage"], report["rows_before_outage_kept"] = before_count, kept
        print(f"  faults: PostgreSQL back; last 503 {report['recovery_s']} s after, first journey "
              f"completed {report['first_journey_after_restart_s']} s after; "
              f"{kept}/{before_count} rows from before the outage still there", flush=True)
        wait_until(0.55)
        report["worker_restarted"] = servers.signal_worker(signal.SIGTERM)
        wait_until(0.75)
        report["worker_killed"] = servers.signal_worker(signal.SIGKILL, spare=report["worker_restarted"])
        print(f"  faults: worker {report['worker_restarted']} sent SIGTERM, "
              f"worker {report['worker_killed']} sent SIGKILL", flush=True)

    injector = threading.Thread(target=inject, daemon=True)
    injector.start()
    seconds = run_threads(args.concurrency, work)
    injector.join()
    report["completed"], report["seconds"] = done[0], round(seconds, 1)
    return report


def bare_posts(base: str, posts: int, concurrency: int, figures: Figures) -> tuple[int, float]:
    """`posts` inserts at the given concurrency; returns (stored, seconds)."""
    queue, stored = Queue(posts), Counter()
    body = {"body": WHAT_HELPED}

    def work(_):
        http = Http()
        while queue.take() is not None:
            started = time.perf_counter()
            try:
                response = http.request("POST", base + "/rows", data=body)
            except HTTPError:
                figures.add(errors=1)
                continue
            figures.record(time.perf_counter() - started, response.status)
            if response.status == 201:
                stored[threading.get_ident()] += 1
            else:
                figures.add(errors=1)

    seconds = run_threads(concurrency, work)
    return sum(stored.values()), seconds


def chunks(items: list, parts: int) -> list[list]:
    size = -(-len(items) // parts)
    return [items[i:i + size] for i in range(0, len(items), size)]


@dataclass
class Throughput:
    """Heard's submissions and the bare inserts, measured round by round in turn."""

    sent: list = field(default_factory=list)
    heard_seconds: float = 0.0
    bare_stored: int = 0
    bare_seconds: float = 0.0
    bare_warm_up: int = 0  # untimed inserts, counted so `bare_lost` can check every row
    heard_cpu: Counter = field(default_factory=Counter)
    bare_cpu: Counter = field(default_factory=Counter)

    @property
    def rps(self) -> float:
        return len(self.sent) / self.heard_seconds

    @property
    def bare_rps(self) -> float:
        return self.bare_stored / self.bare_seconds


def throughput_rounds(servers: Servers, base: str, bare_base: str, ready: list, args,
                      burst: Figures, bare: Figures) -> Throughput:
    """The waiting journeys submit in `args.rounds` bursts; after each, the bare
    endpoint takes as many inserts. Taking turns puts both under the same
    conditions: on a shared machine a few seconds can run fast or slow."""
    measured = Throughput()
    measured.bare_warm_up, _ = bare_posts(bare_base, args.concurrency * 2, args.concurrency,
                                          Figures())  # untimed: pools connect
    for number, chunk in enumerate(chunks(ready, args.rounds), 1):
        with cpu_used(servers, servers.app, measured.heard_cpu):
            sent, heard_seconds = burst_phase(base, chunk, args.concurrency, burst)
        with cpu_used(servers, servers.bare, measured.bare_cpu):
            stored, bare_seconds = bare_posts(bare_base, len(chunk), args.concurrency, bare)
        measured.sent += sent
        measured.heard_seconds += heard_seconds
        measured.bare_stored += stored
        measured.bare_seconds += bare_seconds
        print(f"  round {number}: Heard {len(sent) / heard_seconds:.1f} submissions/s, "
              f"bare {stored / bare_seconds:.1f} inserts/s, "
              f"ratio {len(sent) / heard_seconds / (stored / bare_seconds):.3f}", flush=True)
    return measured


# ---------------------------------------------------------------- servers


def free_port(preferred: int) -> int:
    for port in range(preferred, preferred + 100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"no free port near {preferred}")


class Servers:
    """A private PostgreSQL cluster and redis-server in a temp dir, and gunicorn."""

    def __init__(self, args):
        self.dir = Path(tempfile.mkdtemp(prefix="heard-load-"))
        self.pg_port, self.redis_port = free_port(args.pg_port), free_port(args.redis_port)
        self.pg_data, self.socket_dir = self.dir / "pg", self.dir / "sock"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.database_url = f"postgresql://postgres@127.0.0.1:{self.pg_port}/heard"
        self.redis = self.app = self.bare = None
        self.log = None

    def pg(self, *command: str, check: bool = True):
        return subprocess.run([*self.as_postgres, str(PG_BIN / command[0]), *command[1:]],
                              check=check, capture_output=True, text=True)

    def start_all(self) -> None:
        self.socket_dir.mkdir()
        self.log = open(self.dir / "app.log", "w")  # the app servers' own log lines
        if self.as_postgres:
            shutil.chown(self.dir, "postgres")
            shutil.chown(self.socket_dir, "postgres")
        self.pg("initdb", "-D", str(self.pg_data), "-U", "postgres", "-A", "trust", "--no-sync")
        self.start_postgres()
        self.pg("createdb", "-h", str(self.socket_dir), "-p", str(self.pg_port), "-U", "postgres", "heard")
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.dir)], stdout=subprocess.DEVNULL)
        print(f"servers: PostgreSQL on {self.pg_port}, Redis on {self.redis_port} in {self.dir}",
              flush=True)

    def start_postgres(self) -> None:
        self.pg("pg_ctl", "-D", str(self.pg_data), "-w", "-l", str(self.pg_data / "log"), "start",
                "-o", f"-p {self.pg_port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 "
                      "-c max_connections=200")

    def stop_postgres(self) -> None:
        self.pg("pg_ctl", "-D", str(self.pg_data), "-w", "-m", "fast", "stop")

    def env(self, port: int) -> dict:
        from cryptography.fernet import Fernet

        unset = ("FLASK_APP", "HEARD_CONFIG", "FEEDBACK_RATE_LIMIT", "TRUST_PROXY_HOPS")
        env = {k: v for k, v in os.environ.items() if k not in unset}
        env.update({
            "DATABASE_URL": self.database_url,
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "SECRET_KEY": secrets.token_urlsafe(32),
            "HEARD_ENCRYPTION_KEYS": getattr(self, "key", None) or self._new_key(Fernet),
            "PORT": str(port),
            "LOG_LEVEL": "error",
        })
        return env

    def _new_key(self, fernet) -> str:
        self.key = fernet.generate_key().decode()
        return self.key

    def prepare_heard(self, port: int) -> None:
        env = {**self.env(port), "HEARD_CONFIG": "production"}
        for command in (["db", "upgrade"], ["seed-demo"]):
            subprocess.run([str(FLASK), "--app", "webapp", *command], cwd=ROOT, env=env,
                           check=True, capture_output=True)

    def start_heard(self, port: int) -> str:
        self.app = subprocess.Popen(["make", "--no-print-directory", "serve"], cwd=ROOT,
                                    env=self.env(port), start_new_session=True,
                                    stdout=self.log, stderr=subprocess.STDOUT)
        return self.wait_for(port, "/feedback")

    def start_bare(self, port: int) -> str:
        env = self.env(port)
        subprocess.run([sys.executable, "benchmarks/bare_app.py", "create-table"], cwd=ROOT, env=env,
                       check=True)
        self.bare = subprocess.Popen([str(GUNICORN), "--config", "gunicorn.conf.py",
                                      "benchmarks.bare_app:create_app()"], cwd=ROOT, env=env,
                                     start_new_session=True, stdout=self.log, stderr=subprocess.STDOUT)
        return self.wait_for(port, None, self.bare)

    def wait_for(self, port: int, path: str | None, server: subprocess.Popen | None = None) -> str:
        base = f"http://127.0.0.1:{port}"
        give_up = time.monotonic() + 180
        while time.monotonic() < give_up:
            if (server or self.app).poll() is not None:
                raise RuntimeError("the app server exited while starting")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    pass
                if path is None or urllib3.request("GET", base + path, timeout=10, retries=False).status == 200:
                    time.sleep(1)  # let every worker finish booting
                    return base
            except (OSError, HTTPError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"nothing answered on port {port}")

    def workers(self) -> list[int]:
        """gunicorn worker pids: children of the gunicorn master under make."""
        tree = [self.app.pid, *descendants(self.app.pid)]  # breadth first: master before workers
        master = next(pid for pid in tree if b"gunicorn" in cmdline(pid))
        return children(master)

    def signal_worker(self, signum: int, spare: int = 0) -> int:
        pid = next(pid for pid in self.workers() if pid != spare)
        os.kill(pid, signum)
        return pid

    def stop_app(self) -> None:
        stop_group(self.app)
        self.app = None

    def stop_bare(self) -> None:
        stop_group(self.bare)
        self.bare = None

    def connect(self):
        return psycopg.connect(f"host=127.0.0.1 port={self.pg_port} user=postgres dbname=heard")

    def count(self, table: str) -> int:
        with self.connect() as conn:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # nosec B608: fixed names

    def stored_rows(self) -> tuple[int, int]:
        with self.connect() as conn:
            return conn.execute("SELECT count(*), coalesce(max(id), 0) FROM feedback_response").fetchone()

    def rows_up_to(self, max_id: int) -> int:
        with self.connect() as conn:
            return conn.execute("SELECT count(*) FROM feedback_response WHERE id <= %s", (max_id,)).fetchone()[0]

    def server_errors(self) -> list[str]:
        """Log lines of server errors (Heard logs no personal data; the type only)."""
        self.log.flush()
        lines = (self.dir / "app.log").read_text(errors="replace").splitlines()
        return [line for line in lines if '"status": 500' in line or '"level": "ERROR"' in line
                or "Traceback" in line]

    def stop_all(self) -> None:
        self.stop_app()
        self.stop_bare()
        errors = self.server_errors()
        for line in errors[:5]:
            print("  server error:", line[:400], flush=True)
        self.log.close()
        kept = Path(tempfile.gettempdir()) / "heard-load-app.log"
        shutil.copy(self.dir / "app.log", kept)
        print(f"servers: {len(errors)} server error lines; app log kept at {kept}", flush=True)
        if self.redis:
            self.redis.terminate()
            self.redis.wait()
        if (self.pg_data / "postmaster.pid").exists():
            self.stop_postgres()
        shutil.rmtree(self.dir, ignore_errors=True)


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU a process has used so far (0 once it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def cpu_by_role(servers: Servers, app: subprocess.Popen) -> Counter:
    """CPU seconds so far of an app server (make or gunicorn, its master and
    workers), PostgreSQL, Redis and this client: all four share the cores."""
    postmaster = int((servers.pg_data / "postmaster.pid").read_text().split()[0])
    roles = {"app": [app.pid, *descendants(app.pid)],
             "postgres": [postmaster, *descendants(postmaster)],
             "redis": [servers.redis.pid], "client": [os.getpid()]}
    return Counter({role: sum(map(cpu_seconds, pids)) for role, pids in roles.items()})


@contextmanager
def cpu_used(servers: Servers, app: subprocess.Popen, total: Counter):
    """Adds the CPU seconds each role used inside the block to `total`."""
    before = cpu_by_role(servers, app)
    yield
    total.update(cpu_by_role(servers, app) - before)


def per_request(cpu: Counter, requests_made: int) -> dict:
    return {role: round(cpu[role] * 1000 / requests_made, 2) for role in ("app", "postgres", "redis", "client")}


def stop_group(server: subprocess.Popen | None) -> None:
    """SIGTERM a server's process group (SIGKILL if it takes over 30 s)."""
    if server and server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(p) for p in task.read_text().split()]
    return sorted(found)


def descendants(pid: int) -> list[int]:
    found = children(pid)
    return found + [d for child in found for d in descendants(child)]


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


@contextmanager
def servers_running(args):
    servers = Servers(args)
    try:
        servers.start_all()
        yield servers
    finally:
        servers.stop_all()


# ---------------------------------------------------------------- main


def phase_line(name: str, count: int, seconds: float, figures: Figures) -> None:
    print(f"{name}: {count} in {seconds:.1f} s = {count / seconds:.1f}/s; "
          f"{len(figures.latencies)} requests, p50 {figures.percentile_ms(50)} ms, "
          f"p95 {figures.percentile_ms(95)} ms, p99 {figures.percentile_ms(99)} ms, "
          f"errors {figures.errors}, statuses {dict(sorted(figures.statuses.items()))}", flush=True)
    for reason, times in figures.failures.most_common(5):
        print(f"  failed {times}x: {reason}", flush=True)


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--journeys", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5,
                        help="Heard's submissions and the bare inserts take turns in this many rounds")
    parser.add_argument("--faults", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--fault-journeys", type=int, default=600)
    parser.add_argument("--outage-seconds", type=float, default=5.0)
    parser.add_argument("--retry-pause", type=float, default=0.5)
    parser.add_argument("--retry-for", type=float, default=120.0,
                        help="how long a respondent keeps trying one request in the fault phase")
    parser.add_argument("--port", type=int, default=18700)
    parser.add_argument("--pg-port", type=int, default=55432)
    parser.add_argument("--redis-port", type=int, default=56379)
    args = parser.parse_args()

    with servers_running(args) as servers:
        port = free_port(args.port)
        servers.prepare_heard(port)
        baseline = servers.count("feedback_response")
        base = servers.start_heard(port)
        workers = len(servers.workers())
        print(f"heard: make serve on {base}, {workers} gunicorn workers; {baseline} demo rows", flush=True)

        walk, burst, bare = Figures(), Figures(), Figures()
        ready, seconds = walk_phase(base, args.journeys, args.concurrency, walk)
        phase_line("walk (to the check page)", len(ready), seconds, walk)
        bare_base = servers.start_bare(free_port(port + 1))
        measured = throughput_rounds(servers, base, bare_base, ready, args, burst, bare)
        servers.stop_bare()
        sent = measured.sent
        phase_line("burst (submission POSTs)", len(sent), measured.heard_seconds, burst)
        burst_cpu = per_request(measured.heard_cpu, len(sent))
        print(f"  CPU ms per submission: {burst_cpu}", flush=True)
        phase_line("bare insert POSTs", measured.bare_stored, measured.bare_seconds, bare)
        bare_cpu = per_request(measured.bare_cpu, measured.bare_stored)
        print(f"  CPU ms per bare insert: {bare_cpu}", flush=True)
        thanks = Figures()
        completed = thanks_phase(base, sent, args.concurrency, thanks)
        print(f"thank-you pages: {completed} of {len(sent)}; errors {thanks.errors}", flush=True)

        faults = Figures()
        fault_report = fault_phase(base, args, faults, servers) if args.faults else {"completed": 0}
        if args.faults:
            phase_line("faults (whole journeys)", fault_report["completed"], fault_report["seconds"], faults)
        stored = servers.count("feedback_response") - baseline
        bare_rows = servers.count("bare_row")
        servers.stop_app()

    everything = Figures(latencies=walk.latencies + burst.latencies + thanks.latencies)
    all_completed = completed + fault_report["completed"]
    result = {
        "journeys": args.journeys, "concurrency": args.concurrency, "workers": workers,
        "completed": all_completed, "stored": stored, "lost": all_completed - stored,
        "rps": round(measured.rps, 1), "bare_rps": round(measured.bare_rps, 1),
        "ratio": round(measured.rps / measured.bare_rps, 3),
        "walk_journeys_per_s": round(len(ready) / seconds, 1),
        "p50_ms": everything.percentile_ms(50), "p95_ms": everything.percentile_ms(95),
        "p99_ms": everything.percentile_ms(99),
        "submit_p50_ms": burst.percentile_ms(50), "submit_p99_ms": burst.percentile_ms(99),
        "errors": walk.errors + burst.errors + thanks.errors,
        "bare_lost": measured.bare_stored + measured.bare_warm_up - bare_rows,
        "cpu_ms_per_submission": burst_cpu, "cpu_ms_per_bare_insert": bare_cpu,
    }
    if args.faults:
        result.update({
            "fault_journeys": args.fault_journeys, "fault_completed": fault_report["completed"],
            "fault_errors": faults.errors, "fault_503s": faults.unavailable,
            "fault_503_without_saved_message": faults.unkind, "fault_dropped_connections": faults.dropped,
            "fault_retries": faults.retries, "outage_s": args.outage_seconds,
            "recovery_s": fault_report["recovery_s"],
            "first_journey_after_restart_s": fault_report["first_journey_after_restart_s"],
            "completed_during_outage": fault_report["completed_during_outage"],
            "rows_before_outage": fault_report["rows_before_outage"],
            "rows_before_outage_kept": fault_report["rows_before_outage_kept"],
        })
    return result


if __name__ == "__main__":
    outcome = main()
    print(json.dumps(outcome))
    sys.exit(0 if outcome["lost"] == 0 and outcome["errors"] == 0 else 1)
