"""Heard: anonymous feedback and consultation for domestic-abuse partnerships.

`create_app` builds the app (`webapp.factory`: configuration, extensions,
security headers, templates, then every room's blueprints and commands).
ARCHITECTURE.md maps the rooms and the direction of their imports.
"""

from __future__ import annotations

import gc
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from webapp.config import Config


def create_app(config: str | type[Config] | None = None, overrides: dict | None = None) -> Flask:
    """Build the app. `config` is a config name or class (default: HEARD_CONFIG,
    else development); `overrides` are one-off settings, as tests use."""
    return _factory().build_app(config, overrides)


@cache  # once a process
def _factory() -> ModuleType:
    """The factory and every room, loaded with the first app rather than with any
    `webapp` module, with the cyclic garbage collector paused: the modules, classes,
    models and forms they make live as long as the process, and the collector would
    walk them all again and again while they load, and several times at exit, for
    nothing (about a third of the CPU of `flask --help`). Then they are frozen
    (`gc.freeze`): no later collection walks them, a web worker's included."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        from webapp import factory  # deferred to pause the collector around it (above)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
    return factory
