"""Heard: anonymous feedback and consultation for domestic-abuse partnerships."""

from __future__ import annotations

import os

from flask import Flask
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader

from webapp.config import CONFIGS, Config, ProductionConfig


def create_app(config: str | type[Config] | None = None, overrides: dict | None = None) -> Flask:
    """Build the app. `config` is a config name or class (default: HEARD_CONFIG,
    else development); `overrides` are one-off settings, as tests use."""
    app = Flask(__name__)
    _load_config(app, config, overrides or {})
    _trust_proxy(app)

    from webapp import assets, audit, commands, crypto, errors, extensions, logs, models, security  # noqa: F401
    from webapp.staff import models as staff_models  # noqa: F401
    from webapp.consultations import models as consultation_models  # noqa: F401
    from webapp.themes import models as theme_models  # noqa: F401
    from webapp.reports import models as report_models  # noqa: F401

    logs.configure_logging(app)
    _configure_templates(app)
    _init_extensions(app, extensions)
    crypto.init_app(app)
    security.init_app(app)
    assets.init_app(app)
    errors.init_app(app)
    commands.init_app(app)

    from webapp.public import bp as public_bp

    app.register_blueprint(public_bp)
    from webapp.consultations.respond import bp as respond_bp

    app.register_blueprint(respond_bp)
    from webapp.consultations.review import bp as review_bp

    app.register_blueprint(review_bp)
    from webapp.staff import bp as staff_bp

    app.register_blueprint(staff_bp)
    from webapp.consultations.builder import bp as consultations_bp

    app.register_blueprint(consultations_bp)
    from webapp.consultations.results import bp as consultation_results_bp

    app.register_blueprint(consultation_results_bp)
    from webapp.themes.routes import bp as themes_bp

    app.register_blueprint(themes_bp)
    from webapp.feedback_admin.routes import bp as feedback_admin_bp

    app.register_blueprint(feedback_admin_bp)
    from webapp.group.routes import bp as group_bp

    app.register_blueprint(group_bp)
    from webapp.yousaid.routes import bp as yousaid_bp

    app.register_blueprint(yousaid_bp)
    from webapp.health import bp as health_bp

    app.register_blueprint(health_bp)
    from webapp.reports.views import bp as reports_bp

    app.register_blueprint(reports_bp)
    return app


def _load_config(app: Flask, config, overrides: dict) -> None:
    if config is None:
        config = os.environ.get("HEARD_CONFIG", "development")
    config_class = CONFIGS[config] if isinstance(config, str) else config
    app.config.from_object(config_class)
    if not app.config.get("TESTING"):
        app.config.update(Config.from_env())
    app.config.update(overrides)
    if config_class is ProductionConfig:
        ProductionConfig.validate(app.config)


def _trust_proxy(app: Flask) -> None:
    """Behind a TLS proxy, take the client address and scheme from its headers, so
    rate limits are per visitor and cookies are Secure. The address is still never
    stored or logged: it only feeds the salted rate-limit hash."""
    hops = app.config.get("TRUST_PROXY_HOPS", 0)
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def _configure_templates(app: Flask) -> None:
    from govuk_frontend_wtf.main import WTFormsHelpers

    app.jinja_loader = ChoiceLoader([
        PackageLoader("webapp"),
        PrefixLoader({
            "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
            "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
        }),
    ])
    from webapp.public.support import NATIONAL_HELPLINES

    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals["national_helplines"] = NATIONAL_HELPLINES
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    WTFormsHelpers(app)


def _init_extensions(app: Flask, ext) -> None:
    redis_client = _redis_client(app)
    app.config["SESSION_TYPE"] = "redis" if redis_client else "cachelib"
    if redis_client:
        app.config["SESSION_REDIS"] = redis_client
        app.extensions["heard_redis"] = redis_client
    else:
        from cachelib import SimpleCache

        # In-process memory: one process only (make run; make serve without Redis).
        app.config["SESSION_CACHELIB"] = SimpleCache(
            threshold=5000, default_timeout=int(app.config["PERMANENT_SESSION_LIFETIME"].total_seconds()))
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")

    ext.db.init_app(app)
    ext.migrate.init_app(app, ext.db, directory=os.path.join(os.path.dirname(app.root_path), "migrations"))
    ext.csrf.init_app(app)
    ext.server_session.init_app(app)
    ext.compress.init_app(app)
    ext.limiter.init_app(app)
    _check_limits_per_request_only_if_configured(app, ext.limiter)
    ext.login_manager.init_app(app)
    ext.login_manager.login_view = "staff.sign_in"
    ext.login_manager.session_protection = None  # sessions are server-side and rotated at sign-in


def _check_limits_per_request_only_if_configured(app: Flask, limiter) -> None:
    """Heard's own limit (feedback POSTs) is applied by the view, which can then
    keep what was typed. Flask-Limiter's before-request check only matters when a
    deployment sets default or application-wide limits; otherwise it costs every
    request about 7% of a submission's CPU to find nothing to check."""
    hooks = app.before_request_funcs[None]
    configured = app.config.get("RATELIMIT_DEFAULT") or app.config.get("RATELIMIT_APPLICATION")
    if not configured and limiter._check_request_limit in hooks:  # not added when limits are disabled
        hooks.remove(limiter._check_request_limit)


def _redis_client(app: Flask):
    url = app.config.get("REDIS_URL")
    if not url:
        return None
    import redis

    return redis.Redis.from_url(url)
