"""Every distribution in .venv is one the locks name, at the locked version, and
every lock line is an exact pin with hashes (issue 11, part 7; ASVS 14.2).

requirements.lock (runtime) and requirements-dev.lock (also the test, bench and
dev extras) are compiled from pyproject.toml by `make lock`; `make setup` and
`make setup-test` install them with `pip install --require-hashes`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib.metadata import distributions
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())
RUNTIME_LOCK = REPO / "requirements.lock"
DEV_LOCK = REPO / "requirements-dev.lock"
RELOCK = "Run `make lock` (then `make setup-test`) and commit pyproject.toml and both locks together."
ENTRY = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;]+)"
                   r"(?:\s*;\s*(?P<marker>.+?))?(?P<hashes>(?:\s+--hash=sha256:[0-9a-f]{64})+)$")


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    marker: str | None

    def applies_here(self) -> bool:
        return self.marker is None or Marker(self.marker).evaluate()


def lock_lines(path: Path) -> list[str]:
    """Each requirement of a lock on one line: continuations joined, comments dropped."""
    text = re.sub(r"\\\n", " ", path.read_text())
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def pins(path: Path) -> list[Pin]:
    found = []
    for line in lock_lines(path):
        match = ENTRY.match(line)
        assert match, f"{path.name}: not an exact pin with hashes: {line[:120]!r}. {RELOCK}"
        found.append(Pin(canonicalize_name(match["name"]), match["version"], match["marker"]))
    return found


def pins_here(path: Path) -> dict[str, str]:
    """name -> version of the pins whose markers hold on this machine."""
    return {pin.name: pin.version for pin in pins(path) if pin.applies_here()}


def declared(*, extras: bool) -> list[Requirement]:
    """What pyproject.toml asks for: dependencies, the install group and (optionally) every extra."""
    texts = [*PYPROJECT["project"]["dependencies"], *PYPROJECT["dependency-groups"]["install"]]
    if extras:
        texts += [text for group in PYPROJECT["project"]["optional-dependencies"].values() for text in group]
    return [Requirement(text) for text in texts]


@pytest.mark.parametrize("lock", [RUNTIME_LOCK, DEV_LOCK], ids=lambda path: path.name)
def test_every_lock_line_is_an_exact_pin_with_hashes(lock):
    assert lock.exists(), f"{lock.name} is missing. {RELOCK}"
    found = pins(lock)
    assert len(found) > 50
    assert "make lock" in lock.read_text().split("\n", 3)[1], "the header names the command that made it"


@pytest.mark.parametrize(("lock", "extras"), [(RUNTIME_LOCK, False), (DEV_LOCK, True)],
                         ids=["requirements.lock", "requirements-dev.lock"])
def test_each_lock_holds_what_pyproject_pins(lock, extras):
    locked = pins_here(lock)
    stale = []
    for requirement in declared(extras=extras):
        [spec] = requirement.specifier
        assert spec.operator == "==", f"pyproject.toml pins exactly: {requirement}"
        name = canonicalize_name(requirement.name)
        if locked.get(name) != spec.version:
            stale.append(f"{name}: pyproject.toml {spec.version}, {lock.name} {locked.get(name, 'missing')}")
    assert not stale, f"{lock.name} is out of date with pyproject.toml: {stale}. {RELOCK}"


def test_the_dev_lock_keeps_every_runtime_version():
    """requirements-dev.lock is compiled with requirements.lock as constraints, so a
    test run uses exactly the versions a deployment does."""
    dev = {(pin.name, pin.marker): pin.version for pin in pins(DEV_LOCK)}
    differ = [f"{pin.name} {pin.version} vs {dev.get((pin.name, pin.marker), 'missing')}"
              for pin in pins(RUNTIME_LOCK) if dev.get((pin.name, pin.marker)) != pin.version]
    assert not differ, f"requirements-dev.lock differs from requirements.lock: {differ}. {RELOCK}"


def test_setuptools_for_builds_is_the_locked_one():
    [build] = [Requirement(text) for text in PYPROJECT["build-system"]["requires"]]
    [locked] = [r for r in declared(extras=False) if canonicalize_name(r.name) == "setuptools"]
    assert build.specifier == locked.specifier


def test_every_installed_distribution_is_locked_at_its_version():
    """The venv holds exactly the dev lock (pip and setuptools included) plus Heard itself."""
    installed = {canonicalize_name(dist.metadata["Name"]): dist.version for dist in distributions()}
    installed.pop(canonicalize_name(PYPROJECT["project"]["name"]))
    locked = pins_here(DEV_LOCK)
    unlocked = sorted(f"{name}=={version}" for name, version in installed.items() if name not in locked)
    assert not unlocked, (f"installed but in no lock: {unlocked}. Add it to pyproject.toml and run `make lock`, "
                          "or remove it (`make clean setup-test` rebuilds .venv from the locks).")
    wrong = sorted(f"{name} {installed[name]} (locked {locked[name]})" for name in installed
                   if installed[name] != locked[name])
    assert not wrong, f"installed at another version than locked: {wrong}. Run `make setup-test`."
    missing = sorted(f"{name}=={version}" for name, version in locked.items() if name not in installed)
    assert not missing, f"locked but not installed: {missing}. Run `make setup-test`."
