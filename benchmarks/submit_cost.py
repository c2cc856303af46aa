"""What one feedback submission costs in process, beside the bare insert.

Usage: python benchmarks/submit_cost.py --database-url postgresql://…/throwaway
           [--redis-url redis://127.0.0.1:6379/13] [--submissions 300] [--rounds 5]

benchmarks/load.py measures throughput, which swings with whatever else shares
the machine; this counts what one request costs, so a change can be judged by
itself. Heard's production app (PostgreSQL; sessions and rate limits in Redis)
is driven through Flask's test client: one journey is walked to the check page,
and before each timed POST its server-side session is put back, so the same
submission is sent again and again (each from a new address, as the rate limit
would see separate people). benchmarks/bare_app.py inserts on the same database
the same way. Heard and bare take turns for --rounds rounds.

Cost is counted in user-space instructions (perf_event_open), which a noisy
neighbour barely moves, with CPU milliseconds beside them. The database's public
schema is dropped and rebuilt and the Redis database emptied: give it throwaway
ones. Ends with one line of JSON.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import statistics
import struct
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLASK = ROOT / ".venv" / "bin" / "flask"
sys.path.insert(0, str(ROOT))

import redis  # noqa: E402
from cryptography.fernet import Fernet  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from webapp.config import normalise_database_url  # noqa: E402

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
SERVICE_CHOICE = re.compile(r'name="service"[^>]*value="([a-z0-9-]+)"')
WHAT_HELPED = "My support worker listened and called back when she said she would."
HTTPS = {"base_url": "https://localhost"}  # production cookies are Secure


class Instructions:
    """User-space instructions this thread has retired (Linux perf events)."""

    SYSCALL_PERF_EVENT_OPEN = 298  # x86-64
    ENABLE = 0x2400

    def __init__(self) -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        disabled, exclude_kernel, exclude_hv = 1, 1 << 5, 1 << 6
        # perf_event_attr: PERF_TYPE_HARDWARE, PERF_COUNT_HW_INSTRUCTIONS
        attr = ctypes.create_string_buffer(
            struct.pack("IIQQQQQ", 0, 64, 1, 0, 0, 0, disabled | exclude_kernel | exclude_hv).ljust(64, b"\0"))
        self.fd = libc.syscall(self.SYSCALL_PERF_EVENT_OPEN, attr, 0, -1, -1, 0)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "perf_event_open is not available")
        libc.ioctl(self.fd, self.ENABLE, 0)

    def read(self) -> int:
        return struct.unpack("Q", os.read(self.fd, 8))[0]


class Meter:
    """Instructions (when the machine counts them) and CPU seconds of a call."""

    def __init__(self) -> None:
        try:
            self.instructions = Instructions()
        except OSError as problem:
            print(f"counting CPU time only: {problem}", flush=True)
            self.instructions = None
        self.counted: list[tuple[int, float]] = []

    def measure(self, call) -> None:
        instructions = self.instructions.read() if self.instructions else 0
        started = time.process_time()
        call()
        spent = time.process_time() - started
        self.counted.append(((self.instructions.read() - instructions) if self.instructions else 0, spent))

    def describe(self, taken: tuple[float, float]) -> str:
        instructions, cpu_ms = taken
        return (f"{instructions:.3f}M instructions, " if self.instructions else "") + f"{cpu_ms:.2f} ms CPU"

    def take(self) -> tuple[float, float]:
        """Mean (million instructions, CPU ms) of what was measured since the last take."""
        instructions, seconds = zip(*self.counted, strict=True)
        self.counted = []
        return statistics.fmean(instructions) / 1e6, statistics.fmean(seconds) * 1000


def fresh_database(url: str, redis_url: str) -> None:
    """Empty schema, migrations and demo data, run as a deploy would (in their
    own processes, so Alembic's logging set-up stays out of this one)."""
    os.environ.update(DATABASE_URL=url, REDIS_URL=redis_url, SECRET_KEY="benchmark-" + "x" * 40,
                      HEARD_ENCRYPTION_KEYS=Fernet.generate_key().decode(), HEARD_CONFIG="production")
    engine = create_engine(normalise_database_url(url))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    for command in (["db", "upgrade"], ["seed-demo"]):
        subprocess.run([str(FLASK), "--app", "webapp", *command], cwd=ROOT, check=True, capture_output=True)
    redis.Redis.from_url(redis_url).flushdb()


class Submitter:
    """One journey at the check page whose session is put back before each send."""

    def __init__(self, app, redis_url: str) -> None:
        self.client, self.address = app.test_client(), 0
        self.redis = redis.Redis.from_url(redis_url)
        check = self._walk()
        self.token = TOKEN.search(check).group(1)
        [self.key] = self.redis.keys(app.config["SESSION_KEY_PREFIX"] + "*")
        self.session = self.redis.get(self.key)
        self.cookie = self.client.get_cookie(app.config["SESSION_COOKIE_NAME"], domain="localhost")

    def _headers(self) -> dict:
        self.address += 1
        return {"Referer": "https://localhost/feedback",
                "X-Forwarded-For": f"198.18.{self.address // 256 % 256}.{self.address % 256}"}

    def _answer(self, html: str, answers: dict) -> str:
        response = self.client.post("/feedback", data={"csrf_token": TOKEN.search(html).group(1), **answers},
                                    headers=self._headers(), follow_redirects=True, **HTTPS)
        return response.get_data(as_text=True)

    def _walk(self) -> str:
        self.client.get("/feedback", headers=self._headers(), **HTTPS)
        html = self.client.get("/feedback?step=service", headers=self._headers(), follow_redirects=True,
                               **HTTPS).get_data(as_text=True)
        service = next(s for s in SERVICE_CHOICE.findall(html) if s != "another")
        for answers in ({"step": "service", "service": service, "other_service": ""},
                        {"step": "experience", "ease": "easy", "listened": "yes", "overall": "good"},
                        {"step": "comments", "what_helped": WHAT_HELPED, "could_be_better": ""},
                        {"step": "about-you", "age_band": "25-34", "gender": "woman", "submit": "Continue"}):
            html = self._answer(html, answers)
        if 'name="step" value="check"' not in html:
            raise RuntimeError("the journey did not reach the check page")
        return html

    def ready(self) -> None:
        self.redis.set(self.key, self.session, ex=1800)
        self.client.set_cookie(self.cookie.key, self.cookie.value, domain="localhost", secure=True,
                               httponly=True, samesite="Strict")

    def send(self) -> None:
        response = self.client.post("/feedback", data={"csrf_token": self.token, "step": "check", "website": ""},
                                    headers=self._headers(), **HTTPS)
        if response.status_code != 303:
            raise RuntimeError(f"the submission answered {response.status_code}")


def bare_sender(url: str):
    from benchmarks import bare_app

    os.environ["DATABASE_URL"] = url
    app = bare_app.create_app()
    with app.app_context():
        bare_app.db.create_all()
    client = app.test_client()

    def send() -> None:
        if client.post("/rows", data={"body": WHAT_HELPED}).status_code != 201:
            raise RuntimeError("the bare insert failed")

    return send


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="a throwaway PostgreSQL database")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/13", help="a throwaway Redis database")
    parser.add_argument("--submissions", type=int, default=300, help="per round")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    fresh_database(args.database_url, args.redis_url)
    from webapp import create_app

    heard = Submitter(create_app("production"), args.redis_url)
    bare = bare_sender(args.database_url)
    meter = Meter()
    for _ in range(20):  # warm: pools connected, statements prepared
        heard.ready()
        heard.send()
        bare()
    heard_rounds, bare_rounds = [], []
    for number in range(1, args.rounds + 1):
        for _ in range(args.submissions):
            heard.ready()
            meter.measure(heard.send)
        heard_rounds.append(meter.take())
        for _ in range(args.submissions):
            meter.measure(bare)
        bare_rounds.append(meter.take())
        print(f"round {number}: Heard {meter.describe(heard_rounds[-1])}; bare {meter.describe(bare_rounds[-1])}",
              flush=True)

    def median(rounds: list, index: int) -> float:
        return round(statistics.median(r[index] for r in rounds), 3)

    result = {"submissions": args.submissions * args.rounds,
              "heard_cpu_ms": median(heard_rounds, 1), "bare_cpu_ms": median(bare_rounds, 1)}
    if meter.instructions:  # a machine without hardware counters reports CPU time only
        result["heard_minstructions"] = median(heard_rounds, 0)
        result["bare_minstructions"] = median(bare_rounds, 0)
        result["instruction_ratio"] = round(result["bare_minstructions"] / result["heard_minstructions"], 3)
    result["cpu_ratio"] = round(result["bare_cpu_ms"] / result["heard_cpu_ms"], 3)
    return result


if __name__ == "__main__":
    print(json.dumps(main()))
