"""The app factory: configuration, extensions, security headers, templates,
then every room's blueprints and commands, each listed once. `webapp.create_app`
loads this module (and with it every room) with the first app of a process.
"""

from __future__ import annotations

import os

from cachelib import SimpleCache
from flask import Flask, request
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from werkzeug.middleware.proxy_fix import ProxyFix

from webapp import assets, crypto, errors, formatters, i18n, journeys, logs, security
from webapp import demo as demo_data
from webapp import extensions as ext
from webapp.config import CONFIGS, Config, ProductionConfig
from webapp.consultations.commands import consultations_cli
from webapp.consultations.views import builder, respond, results, review
from webapp.feedback.commands import stats
from webapp.feedback.views import journey as feedback_journey
from webapp.feedback.views import moderation as feedback_moderation
from webapp.forms import FREE_TEXT_MAX
from webapp.group import views as group
from webapp.health import bp as health_bp
from webapp.helplines import NATIONAL_DOMESTIC_ABUSE_HELPLINE, NATIONAL_HELPLINES
from webapp.pages import views as pages
from webapp.paper import views as paper
from webapp.reports import views as reports
from webapp.reports.commands import board_pack_command
from webapp.reports.work import staff_work
from webapp.retention.purge import purge_command
from webapp.staff import views as staff
from webapp.staff.commands import users_cli
from webapp.themes import exports as theme_exports
from webapp.themes import runs as theme_runs
from webapp.themes import views as themes
from webapp.themes.commands import embed_answers, worker
from webapp.yousaid import views as yousaid

BLUEPRINTS = (
    pages.bp, feedback_journey.bp, respond.bp, review.bp, group.bp, yousaid.bp, paper.bp,  # public
    staff.bp, builder.bp, results.bp, feedback_moderation.bp, themes.bp, reports.bp, paper.staff_bp,  # staff
    health_bp,
)
COMMANDS = (
    stats, demo_data.seed_demo_command, users_cli, board_pack_command, purge_command,
    crypto.rotate_key_command, worker, embed_answers, consultations_cli,
)


def build_app(config: str | type[Config] | None, overrides: dict | None) -> Flask:
    """The app `webapp.create_app` describes."""
    app = Flask("webapp")  # the package: its name, root path, templates and static files
    _load_config(app, config, overrides or {})
    _trust_proxy(app)
    logs.configure_logging(app)
    _configure_templates(app)
    _init_extensions(app)
    crypto.init_app(app)
    security.init_app(app)
    journeys.init_app(app)
    assets.init_app(app)
    errors.init_app(app)
    formatters.init_app(app)
    i18n.init_app(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    for command in COMMANDS:
        app.cli.add_command(command)
    # The consultation exports add each answer's themes; they sit below the themes room, so are handed it here.
    app.extensions[theme_exports.EXTENSION_KEY] = theme_exports.answer_themes
    # New answers are embedded for theming soon after they are stored; the journeys sit below the themes room.
    app.extensions[journeys.STORED_KEY] = theme_runs.queue_embedding
    # The staff home shows the work waiting, which the reports room reads; the staff room sits below it.
    app.extensions[staff.WORK_KEY] = staff_work
    # A staff form sent after its token expired is kept to send again; errors sit below the staff room.
    app.extensions[errors.EXPIRED_FORM_KEY] = staff.keep_expired_form
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
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def _configure_templates(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader([
        PackageLoader("webapp"),
        PrefixLoader({
            "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
            "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
        }),
    ])
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals.update(national_helplines=NATIONAL_HELPLINES, free_text_max=FREE_TEXT_MAX,
                                 domestic_abuse_helpline=NATIONAL_DOMESTIC_ABUSE_HELPLINE)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    WTFormsHelpers(app)


# The endpoints that serve files: the favicon and images, the stylesheet, the script.
FILE_ENDPOINTS = frozenset({"static", "assets.css", "assets.js"})


def _files_leave_the_session_alone(app: Flask) -> None:
    """Flask-Session stores each request's copy of the session when it answers
    (SESSION_REFRESH_EACH_REQUEST), the last answer winning. A browser fetches the
    favicon after a page has loaded, beside the next click; that fetch, answered
    after the click's request had saved its step, put back the session as it was
    (a journey went back to the step before, its next page a "Continue" one). A
    file never changes the session, so its request does not store it."""
    interface = app.session_interface
    save = interface.save_session

    def save_unless_a_file(app: Flask, session, response) -> None:
        if request.endpoint not in FILE_ENDPOINTS:
            save(app, session, response)

    interface.save_session = save_unless_a_file


def _init_extensions(app: Flask) -> None:
    redis_client = _redis_client(app)
    app.config["SESSION_TYPE"] = "redis" if redis_client else "cachelib"
    if redis_client:
        app.config["SESSION_REDIS"] = redis_client
        app.extensions["heard_redis"] = redis_client
    else:
        # In-process memory: one process only (make run; make serve without Redis).
        app.config["SESSION_CACHELIB"] = SimpleCache(
            threshold=5000, default_timeout=int(app.config["PERMANENT_SESSION_LIFETIME"].total_seconds()))
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")

    ext.db.init_app(app)
    ext.migrate.init_app(app, ext.db, directory=os.path.join(os.path.dirname(app.root_path), "migrations"))
    ext.csrf.init_app(app)
    ext.server_session.init_app(app)
    _files_leave_the_session_alone(app)
    ext.compress.init_app(app)
    ext.limiter.init_app(app)
    _check_limits_per_request_only_if_configured(app, ext.limiter)
    ext.login_manager.init_app(app)
    ext.login_manager.login_view = "staff.sign_in"
    ext.login_manager.session_protection = None  # sessions are server-side and rotated at sign-in


def _check_limits_per_request_only_if_configured(app: Flask, limiter) -> None:
    """Heard's own limit (journey posts) is applied by the view, which can then
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
    import redis  # only a deployment with REDIS_URL pays for the client

    return redis.Redis.from_url(url)
