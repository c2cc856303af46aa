"""The lockout holds when guesses arrive in parallel (issue 11, part 2).

A real threaded HTTP server (werkzeug's, one thread per request, the test app on
the test database: SQLite, and PostgreSQL when TEST_DATABASE_URL is set) takes
parallel requests on separate connections. Before the fix, 30 parallel wrong
passwords plus the right one left the counter at 3, no lock, and signed in."""

from __future__ import annotations

import http.client
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from argon2 import Parameters, Type
from sqlalchemy import select, update
from werkzeug.serving import make_server

from tests.webapp.helpers import PASSWORD, code_for, enrol, make_user, sign_out
from webapp.audit import AuditEvent
from webapp.extensions import db, utcnow
from webapp.staff import accounts
from webapp.staff.models import StaffUser

# Argon2 slow enough (a few milliseconds) that parallel checks overlap, as they do
# in production, without costing the shared test machine much.
OVERLAPPING_ARGON2 = Parameters(type=Type.ID, version=19, salt_len=16, hash_len=32,
                                time_cost=2, memory_cost=4096, parallelism=1)


@pytest.fixture
def app_overrides() -> dict:
    return {"ARGON2_PARAMETERS": OVERLAPPING_ARGON2}


class LiveServer:
    """The app behind werkzeug's threaded server; each request a new connection."""

    def __init__(self, app) -> None:
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.port = self.server.server_port
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def post(self, path: str, data: dict, cookie: str | None = None) -> tuple[int, str, str | None]:
        """(status, Location, the session cookie set) of one POST."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if cookie:
            headers["Cookie"] = f"heard={cookie}"
        connection.request("POST", path, body=urlencode(data), headers=headers)
        response = connection.getresponse()
        response.read()
        set_cookie = response.getheader("Set-Cookie") or ""
        new_cookie = set_cookie.split(";", 1)[0].split("=", 1)[1] if set_cookie.startswith("heard=") else None
        connection.close()
        return response.status, response.getheader("Location") or "", new_cookie

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join()


@pytest.fixture
def live(app):
    server = LiveServer(app)
    yield server
    server.stop()


def fresh(user_id: int) -> StaffUser:
    db.session.expire_all()
    return db.session.get(StaffUser, user_id)


def failures(detail: str) -> int:
    db.session.expire_all()
    return len(db.session.scalars(select(AuditEvent).where(AuditEvent.action == "auth.sign_in_failed",
                                                           AuditEvent.detail == detail)).all())


def locks() -> list[str]:
    db.session.expire_all()
    return list(db.session.scalars(select(AuditEvent.detail).where(AuditEvent.action == "auth.locked")
                                   .order_by(AuditEvent.id)))


def signed_in() -> int:
    db.session.expire_all()
    return len(db.session.scalars(select(AuditEvent).where(AuditEvent.action == "auth.sign_in")).all())


def wait_until_counted(engine, user_id: int, tries: int) -> None:
    """Until the database has counted `tries` tries (or locked): the parallel
    guesses are then in flight, or done. (Run in a thread of its own, so on its
    own connection.)"""
    query = select(StaffUser.failed_attempts, StaffUser.locked_until).where(StaffUser.id == user_id)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with engine.connect() as connection:
            counted, locked_until = connection.execute(query).one()
        if counted >= tries or locked_until is not None:
            return
        time.sleep(0.002)
    pytest.fail(f"{tries} parallel tries were never counted")


def parallel(count: int, send, then=None):
    """`count` calls of `send` released together, and `then` beside them."""
    barrier = threading.Barrier(count)

    def released(index):
        barrier.wait()
        return send(index)

    with ThreadPoolExecutor(max_workers=count + 1) as pool:
        futures = [pool.submit(released, i) for i in range(count)]
        extra = pool.submit(then) if then else None
        results = [future.result() for future in futures]
        return results, (extra.result() if extra else None)


def test_thirty_parallel_wrong_passwords_and_the_right_one_lock_and_do_not_sign_in(app_context, live):
    user = make_user()
    wrong = {"email": user.email, "password": "not-the-password-at-all"}
    engine, user_id = db.engine, user.id

    def right_one_while_guesses_fly():
        wait_until_counted(engine, user_id, accounts.MAX_FAILURES)
        return live.post("/staff/sign-in", {"email": user.email, "password": PASSWORD})

    results, right = parallel(30, lambda _: live.post("/staff/sign-in", wrong), then=right_one_while_guesses_fly)

    assert {status for status, _, _ in results} == {400}
    assert right[0] == 400 and "two-factor" not in right[1]
    user = fresh(user.id)
    assert accounts.is_locked(user)
    assert locks() == ["locked for 1 minute(s)"]
    # Only the first five tries of the cycle were checked against the password.
    assert failures("wrong password") == accounts.MAX_FAILURES
    assert failures("account locked") == 26


def test_bursts_of_parallel_guesses_double_the_back_off(app_context, live):
    user = make_user()
    wrong = {"email": user.email, "password": "not-the-password-at-all"}
    for burst, minutes in enumerate((1, 2, 4, 8), 1):
        results, _ = parallel(25, lambda _: live.post("/staff/sign-in", wrong))
        assert {status for status, _, _ in results} == {400}
        user = fresh(user.id)
        left = user.locked_until - utcnow()
        assert timedelta(minutes=minutes) - timedelta(seconds=15) < left <= timedelta(minutes=minutes)
        assert len(locks()) == burst
        assert failures("wrong password") == accounts.MAX_FAILURES * burst
        # The lock runs out before the next burst.
        db.session.execute(update(StaffUser).where(StaffUser.id == user.id)
                           .values(locked_until=utcnow() - timedelta(seconds=1)))
        db.session.commit()


def test_thirty_parallel_wrong_codes_and_the_right_one_lock_and_do_not_sign_in(app_context, client, live):
    user = make_user()
    secret, _ = enrol(client, user)
    sign_out(client)
    status, location, cookie = live.post("/staff/sign-in", {"email": user.email, "password": PASSWORD})
    assert status == 302 and location.endswith("/staff/two-factor")
    before = signed_in()
    engine, user_id = db.engine, user.id

    def right_one_while_guesses_fly():
        wait_until_counted(engine, user_id, accounts.MAX_FAILURES)
        return live.post("/staff/two-factor", {"code": code_for(secret)}, cookie)

    wrong_code = f"{(int(code_for(secret)) + 1) % 1_000_000:06d}"
    results, right = parallel(30, lambda _: live.post("/staff/two-factor", {"code": wrong_code}, cookie),
                              then=right_one_while_guesses_fly)

    # Refused: the form again, or back to sign-in now that the account is locked
    # (a parallel wrong code that locked it ended the half-signed-in session).
    assert right[0] == 400 or (right[0] == 302 and "/staff/sign-in" in right[1])
    assert signed_in() == before
    assert accounts.is_locked(fresh(user.id))
    assert locks() == ["locked for 1 minute(s)"]
    assert failures("wrong two-factor code") == accounts.MAX_FAILURES


def test_one_code_used_in_parallel_signs_in_once(app_context, client, live):
    user = make_user()
    secret, _ = enrol(client, user)
    sign_out(client)
    cookies = [live.post("/staff/sign-in", {"email": user.email, "password": PASSWORD})[2] for _ in range(4)]
    before = signed_in()
    code = code_for(secret, steps_ahead=1)  # a step enrolment has not used
    results, _ = parallel(4, lambda i: live.post("/staff/two-factor", {"code": code}, cookies[i]))
    assert [status for status, _, _ in results].count(302) == 1
    assert signed_in() == before + 1
    # The others were refused: claimed by a parallel request, or seen as used.
    assert failures("two-factor code already used") + failures("wrong two-factor code") == 3


@pytest.mark.parametrize("app_overrides", [{"RATELIMIT_ENABLED": True, "STAFF_SIGN_IN_RATE_LIMIT": "6 per minute",
                                            "FEEDBACK_RATE_LIMIT": "1 per minute"}])
def test_sign_in_and_two_factor_are_throttled_per_address_in_their_own_bucket(app_context, client, app_overrides):
    make_user("a@partnership.example")
    make_user("b@partnership.example")
    for n in range(6):  # spread over accounts, so no account locks
        email = "a@partnership.example" if n % 2 else "b@partnership.example"
        response = client.post("/staff/sign-in", data={"email": email, "password": "not-the-password-at-all"})
        assert response.status_code == 400
    response = client.post("/staff/sign-in", data={"email": "a@partnership.example", "password": PASSWORD})
    assert response.status_code == 429
    assert "too many sign-in attempts from where you are" in response.get_data(as_text=True)
    # The address is never stored; respondents' bucket is untouched.
    assert "127.0.0.1" not in " ".join(e.target + e.detail for e in db.session.scalars(select(AuditEvent)))
    assert client.post("/feedback", data={}).status_code != 429


@pytest.mark.parametrize("app_overrides", [{"RATELIMIT_ENABLED": True, "STAFF_SIGN_IN_RATE_LIMIT": "4 per minute"}])
def test_two_factor_tries_share_the_staff_throttle(app_context, client, app_overrides):
    user = make_user()
    secret, _ = enrol(client, user)  # one sign-in
    sign_out(client)
    client.post("/staff/sign-in", data={"email": user.email, "password": PASSWORD})  # two
    assert client.post("/staff/two-factor", data={"code": "000000"}).status_code == 400  # three
    assert client.post("/staff/two-factor", data={"code": "000000"}).status_code == 400  # four
    response = client.post("/staff/two-factor", data={"code": code_for(secret)})
    assert response.status_code == 429
    assert "too many sign-in attempts" in response.get_data(as_text=True)
