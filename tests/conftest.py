"""Shared fixtures. Every database test runs on SQLite and, when TEST_DATABASE_URL
is set (as in CI), on PostgreSQL too, each schema built by the real migrations.

Speed without sharing state between tests:
- each backend's schema is migrated once per run, by the first pytest-xdist worker
  that needs it; every worker then works on its own copy (a copied SQLite file; a
  PostgreSQL database `<name>_gw0`, … made with the given database as its template);
- the demo data is seeded once per run into a snapshot (an attached SQLite file, a
  `demo_snapshot` schema on PostgreSQL); `demo_data` copies it back in with one
  INSERT … SELECT per table, instead of redacting and encrypting it again;
- `app` empties every table before its test, so each test starts from nothing
  (on PostgreSQL without checking foreign keys, as everything goes);
- every app on a worker's test database uses one engine, so its connections (and,
  on PostgreSQL, their server processes with the table definitions they have read)
  last the run instead of being opened again for each test;
- templates are compiled once per run, not once per app (a shared bytecode cache),
  and so are the routes every app parses, with the URL builders it makes for each;
- commits skip the disk flush (the test databases are thrown away).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask_migrate import upgrade
from hypothesis import settings
from jinja2 import BytecodeCache
from sqlalchemy import create_engine, event, make_url, text
from sqlalchemy.engine import Engine
from werkzeug.routing.rules import Rule

from webapp import create_app
from webapp.config import normalise_database_url
from webapp.demo import seed_if_empty
from webapp.extensions import db, limiter

# CI runs the same generated examples every time, so a landing never depends on luck;
# local runs keep exploring new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])
WORKER = os.environ.get("PYTEST_XDIST_WORKER")  # "gw0", "gw1", … under pytest-xdist
SNAPSHOT = "demo_snapshot"


@pytest.hookimpl(trylast=True)  # after pytest has grouped the tests by database
def pytest_collection_modifyitems(config, items):
    """A test marked `one_database` checks what no database changes (markup escaping,
    parsing, a rule in Python): it runs on SQLite only, not again on PostgreSQL. A
    parameter of a test can carry the mark too (`pytest.param(..., marks=...)`).

    Tests marked `slow` (a minute or so each) are dealt out first, one to each
    worker in turn (see `deal_slow_first`), so the longest start at once, side by
    side, while there is plenty to run beside them, rather than one after another
    on one worker and the last of them alone at the end."""
    repeated = [item for item in items if item.get_closest_marker("one_database")
                and _backend(item) not in (None, BACKENDS[0])]
    if repeated:
        config.hook.pytest_deselected(items=repeated)
        dropped = {id(item) for item in repeated}
        items[:] = [item for item in items if id(item) not in dropped]
    items[:] = deal_slow_first(items, int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")))


def deal_slow_first(items: list, workers: int) -> list:
    """The order that puts the slow tests at the head of the workers' shares.
    `--dist worksteal` first gives each of the n workers the next 1/n of the
    tests in order (a worker that runs out later takes the tail of another's
    queue); with every slow test at the front, the first worker got them all and
    ran them one after another. Here the slow units are dealt round the workers
    (the first to the first worker, the next to the next, …), each share filled up with
    the rest in their order. A unit is one slow test, or the tests of one
    `xdist_group` (a module that sets up a deployment once); slow tests are
    dealt by database (a change of database sets up the worker's test database
    again)."""
    slow = sorted((item for item in items if item.get_closest_marker("slow")), key=_database_order)
    rest = [item for item in items if not item.get_closest_marker("slow")]
    units: dict[str, list] = {}
    for item in slow:
        group = item.get_closest_marker("xdist_group")
        units.setdefault(group.args[0] if group else item.nodeid, []).append(item)
    dealt: list[list] = [[] for _ in range(max(workers, 1))]
    for number, unit in enumerate(units.values()):
        dealt[number % len(dealt)].extend(unit)
    ordered = []
    for worker, share in enumerate(dealt):  # the sizes worksteal gives, in its order
        size = (len(items) - len(ordered)) // (len(dealt) - worker)
        filler = max(size - len(share), 0)
        ordered += share + rest[:filler]
        del rest[:filler]
    return ordered + rest


def _database_order(item) -> int:
    return BACKENDS.index(_backend(item) or BACKENDS[0])


def _backend(item) -> str | None:
    """The database a collected test runs on, if it uses one."""
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("test_database") if callspec else None


@event.listens_for(Engine, "connect")
def _commit_without_flushing(dbapi_connection, _record) -> None:
    """Test databases are thrown away: a commit need not wait for the disk."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA synchronous = OFF")
    else:
        autocommit, dbapi_connection.autocommit = dbapi_connection.autocommit, True
        dbapi_connection.execute("SET synchronous_commit = off")
        dbapi_connection.autocommit = autocommit


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept for the whole run (Jinja checks each one's source
    checksum, so an edited template is compiled again)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = MemoryBytecodeCache()

_compile_rule = Rule.compile
_COMPILED_RULES: dict[tuple, tuple] = {}


def _compile_rule_once(rule: Rule) -> None:
    """Werkzeug parses each route of each new app and writes and compiles two
    Python functions for it: most of `create_app`'s time, and every test makes an
    app. What it makes depends only on the rule's text, defaults and settings; the
    functions are unbound (each rule binds them) and the converters keep nothing of
    the map they were made for (none of Heard's is custom), so one app's serve every
    later app's copy of the rule."""
    key = (rule.rule, rule.subdomain, rule.host, rule.map.host_matching, rule.merge_slashes,
           repr(sorted((rule.defaults or {}).items())))
    if key not in _COMPILED_RULES:
        _compile_rule(rule)
        _COMPILED_RULES[key] = (rule._parts, rule._trace, rule._converters, frozenset(rule.arguments),
                                rule._build.__func__, rule._build_unknown.__func__)
        return
    parts, trace, converters, arguments, build, build_unknown = _COMPILED_RULES[key]
    rule._parts, rule._trace, rule._converters = list(parts), list(trace), dict(converters)
    rule.arguments |= arguments
    rule._build, rule._build_unknown = build.__get__(rule, None), build_unknown.__get__(rule, None)


Rule.compile = _compile_rule_once


@dataclass
class TestDatabase:
    """One backend's migrated test database and its demo-data snapshot."""

    url: str
    snapshot_file: Path | None = None  # SQLite: the snapshot is another file
    engine: Engine | None = None  # shared by every app made on this database (`share_engine`)

    def share_engine(self, app) -> None:
        """Give `app` the engine every earlier app on this database had, instead of
        its own. A new engine opens new connections, and each new PostgreSQL
        connection is a new server process that reads every table's definition
        again: about 35 ms of CPU per test, more than emptying the tables. Between
        tests a connection holds nothing (the pool rolls back what it is given back;
        the only settings the tests make are `SET LOCAL`, ended with their transaction)."""
        engines = db._app_engines[app]  # Flask-SQLAlchemy's own map of each app's engines
        own = engines[None]
        if self.engine is None:
            self.engine = own
        elif own is not self.engine:
            own.dispose()  # never connected: nothing to close
            engines[None] = self.engine

    def empty(self) -> None:
        """Delete every row. Most tests write to a few tables, so one query finds
        the tables that have rows and only those are emptied (a DELETE on each of
        thirty tables took longer than making the app, on PostgreSQL)."""
        tables = db.metadata.sorted_tables
        with_rows = set(db.session.scalars(text(" UNION ALL ".join(
            f"SELECT '{table.name}' WHERE EXISTS (SELECT 1 FROM \"{table.name}\")" for table in tables))))
        if with_rows and not self.snapshot_file:  # every row goes: no foreign key need be checked
            db.session.execute(text("SET LOCAL session_replication_role = replica"))
        for table in reversed(tables):
            if table.name in with_rows:
                db.session.execute(table.delete())
        db.session.commit()

    def take_snapshot(self) -> None:
        """Keep a copy of every table as it is now."""
        if self.snapshot_file:
            self.snapshot_file.unlink(missing_ok=True)
            db.session.execute(text("VACUUM INTO :path"), {"path": str(self.snapshot_file)})
        else:
            db.session.execute(text(f"DROP SCHEMA IF EXISTS {SNAPSHOT} CASCADE"))
            db.session.execute(text(f"CREATE SCHEMA {SNAPSHOT}"))
            for table in db.metadata.sorted_tables:
                db.session.execute(text(f'CREATE TABLE {SNAPSHOT}."{table.name}" AS TABLE public."{table.name}"'))
        db.session.commit()

    def restore_snapshot(self) -> None:
        """Copy the snapshot into the (empty) tables. The rows keep their ids; every
        id sequence is already past them, since the snapshot was seeded through them."""
        with db.engine.connect() as connection:
            if self.snapshot_file:  # outside a transaction, as SQLite needs
                connection.exec_driver_sql(f"ATTACH DATABASE ? AS {SNAPSHOT}", (str(self.snapshot_file),))
            else:  # pages and questions refer to each other: check no key while copying
                connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
            for table in db.metadata.sorted_tables:
                columns = ", ".join(f'"{column.name}"' for column in table.columns)
                connection.exec_driver_sql(
                    f'INSERT INTO "{table.name}" ({columns}) SELECT {columns} FROM {SNAPSHOT}."{table.name}"')
            connection.commit()
            if self.snapshot_file:
                connection.exec_driver_sql(f"DETACH DATABASE {SNAPSHOT}")
                connection.commit()


@pytest.fixture(scope="session", params=BACKENDS)
def test_database(request, tmp_path_factory):
    """A database built from empty by `flask db upgrade`, with the demo data seeded
    into a snapshot, once per backend and run: the first pytest-xdist worker to
    need it builds it, the others copy it (SQLite: the file; PostgreSQL: the given
    database is the template of each worker's own)."""
    database = _prepare(request, tmp_path_factory)
    yield database
    if database.engine is not None:  # before the worker's database is dropped
        database.engine.dispose()


def _prepare(request, tmp_path_factory) -> TestDatabase:
    run_folder = tmp_path_factory.getbasetemp().parent if WORKER else tmp_path_factory.getbasetemp()
    with _one_worker_at_a_time(run_folder / f"{request.param}.lock"):
        if request.param == "postgresql":
            url = normalise_database_url(os.environ["TEST_DATABASE_URL"])
            built = run_folder / "postgresql-built"
            if not built.exists():
                _build(TestDatabase(url), fresh_schema=True)
                built.touch()
            return TestDatabase(_worker_database(url, request))
        built = TestDatabase(f"sqlite:///{run_folder / 'heard-built.sqlite3'}", run_folder / "demo-snapshot.sqlite3")
        if not (run_folder / "sqlite-built").exists():
            _build(built, fresh_schema=False)
            (run_folder / "sqlite-built").touch()
        folder = tmp_path_factory.mktemp("db")
        shutil.copy(run_folder / "heard-built.sqlite3", folder / "heard-test.sqlite3")
        return TestDatabase(f"sqlite:///{folder / 'heard-test.sqlite3'}", built.snapshot_file)


@contextmanager
def _one_worker_at_a_time(lock_path: Path):
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _build(database: TestDatabase, fresh_schema: bool) -> None:
    """Migrate, seed the demo data, keep it as the snapshot, then empty the tables."""
    app = create_app("test", {"SQLALCHEMY_DATABASE_URI": database.url})
    with app.app_context():
        if fresh_schema:
            db.session.execute(text(f"DROP SCHEMA IF EXISTS {SNAPSHOT} CASCADE"))
            db.session.execute(text("DROP SCHEMA public CASCADE"))
            db.session.execute(text("CREATE SCHEMA public"))
            db.session.commit()
        upgrade()
        seed_if_empty()
        database.take_snapshot()
        database.empty()
        db.session.remove()
        db.engine.dispose()


def _worker_database(url: str, request) -> str:
    """Under pytest-xdist, this worker's own copy of the given (built) database,
    made now and dropped at the end of the run."""
    if not WORKER:
        return url
    given = make_url(url)
    name = f"{given.database}_{WORKER}"
    # Not connected to the given database: a template must have no one on it.
    server = create_engine(given.set(database="postgres"), isolation_level="AUTOCOMMIT")

    def drop() -> None:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()

    drop()
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{given.database}"'))
    request.addfinalizer(drop)
    return given.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def database_url(test_database) -> str:
    return test_database.url


@pytest.fixture
def app_overrides() -> dict:
    """Tests override this to change settings for one app."""
    return {}


@pytest.fixture
def app(test_database, app_overrides):
    """A new app on an emptied database. No app context is left open: each request
    the test client makes has its own, as in production. A test that works with the
    database or calls a service directly asks for `app_context` too."""
    app = create_app("test", {"SQLALCHEMY_DATABASE_URI": test_database.url, **app_overrides})
    app.jinja_env.bytecode_cache = TEMPLATES
    shared = not any(key.startswith("SQLALCHEMY_") for key in app_overrides)
    if shared:
        test_database.share_engine(app)
    with app.app_context():
        test_database.empty()
        db.session.remove()
    yield app
    if not shared:
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def app_context(app):
    """An app context open for the test, for work outside a request: the database
    session, services, `url_for`."""
    with app.app_context():
        yield app
        db.session.remove()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def demo_data(app, test_database):
    """The demo data (`seed_if_empty`, as `flask seed-demo` adds it in tests),
    copied in from the run's snapshot."""
    with app.app_context():
        test_database.restore_snapshot()
    return app


@pytest.fixture
def default_limit_for_one_test():
    """Flask-Limiter keeps a configured default limit on its shared Limiter for
    every later app, so it is cleared after a test that sets one."""
    yield
    limiter.limit_manager.set_default_limits([])
