"""The stylesheet and script, served from memory so they can be compressed.

`make assets` compiles GOV.UK Frontend (only the components Heard uses) to
static/dist/; the stylesheet is served with two custom properties set from
BRAND_COLOUR and BRAND_ACCENT, so a partnership re-brands without a rebuild.
URLs carry a content hash, so a changed file is never confused with an old one.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Flask, Response, current_app, url_for

DIST = Path(__file__).resolve().parent / "static" / "dist"
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")

bp = Blueprint("assets", __name__)


class AssetsNotBuilt(RuntimeError):
    pass


@lru_cache(maxsize=8)
def _built(name: str) -> str:
    path = DIST / name
    if not path.exists():
        raise AssetsNotBuilt(f"Front-end assets are not built ({name}): run `make assets`.")
    return path.read_text()


@lru_cache(maxsize=4)
def stylesheet(brand: str, accent: str) -> str:
    for colour in (brand, accent):
        if not HEX_COLOUR.fullmatch(colour):
            raise ValueError(f"Colours must be written like #1d4f6e, not {colour!r}")
    return f":root{{--heard-brand:{brand};--heard-accent:{accent}}}" + _built("heard.css")


def _current_stylesheet() -> str:
    config = current_app.config
    return stylesheet(config["BRAND_COLOUR"], config["BRAND_ACCENT"])


def _version(content: str) -> str:
    return hashlib.sha256(content.encode()).hexdigest()[:10]


@bp.get("/assets/heard-<version>.css")
def css(version: str):
    return Response(_current_stylesheet(), mimetype="text/css")


@bp.get("/assets/heard-<version>.js")
def js(version: str):
    return Response(_built("heard.js"), mimetype="text/javascript")


def stylesheet_url() -> str:
    return url_for("assets.css", version=_version(_current_stylesheet()))


def script_url() -> str:
    return url_for("assets.js", version=_version(_built("heard.js")))


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.jinja_env.globals.update(stylesheet_url=stylesheet_url, script_url=script_url)
