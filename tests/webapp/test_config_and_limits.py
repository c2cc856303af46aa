"""Configuration safety and rate limiting that keeps what was typed."""

import hashlib
import secrets

import pytest
from argon2 import Type, profiles
from sqlalchemy import select

from tests.webapp.helpers import csrf_token, page
from webapp import access_codes, create_app
from webapp.config import ConfigurationError, DevelopmentConfig, ProductionConfig, TestConfig, secret_key_problem
from webapp.consultations import sharing
from webapp.consultations.models import Consultation
from webapp.extensions import db, limiter
from webapp.privacy import rate_limit_key


def test_production_refuses_to_start_without_secrets(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="DATABASE_URL and SECRET_KEY"):
        create_app("production")
    monkeypatch.setenv("DATABASE_URL", "postgresql://db.invalid/heard")
    with pytest.raises(ConfigurationError, match="SECRET_KEY"):
        create_app("production")


def test_production_uses_psycopg3_and_secure_cookies(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://db.invalid/heard")
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(32))
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://heard.example")
    monkeypatch.setenv("HEARD_ENCRYPTION_KEYS", "6svifmZPPbWG7yDml-PO2sSYbVssD5VdcATTimnUlVo=")
    app = create_app("production")
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")
    assert app.config["SESSION_COOKIE_SECURE"] is True
    response = app.test_client().get("/accessibility")
    assert "max-age" in response.headers["Strict-Transport-Security"]


def production_env(monkeypatch, **settings) -> None:
    """What production needs, then `settings` (None unsets one)."""
    values = {"DATABASE_URL": "postgresql://db.invalid/heard", "SECRET_KEY": secrets.token_urlsafe(32),
              "PUBLIC_BASE_URL": "https://heard.example",
              "HEARD_ENCRYPTION_KEYS": "6svifmZPPbWG7yDml-PO2sSYbVssD5VdcATTimnUlVo=", **settings}
    for name, value in values.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)


@pytest.mark.parametrize("key", [
    DevelopmentConfig.SECRET_KEY, TestConfig.SECRET_KEY, "change-me",
    "x" * 64,                                   # long, but one character
    secrets.token_hex(16),                      # 16 random bytes as hex: 128 bits
    secrets.token_urlsafe(24),                  # 24 random bytes: 192 bits
    "correct horse battery staple",
], ids=["development", "test", "change-me", "one-character", "hex-16", "urlsafe-24", "passphrase"])
def test_production_refuses_a_published_or_short_secret_key(monkeypatch, key):
    production_env(monkeypatch, SECRET_KEY=key)
    with pytest.raises(ConfigurationError, match="SECRET_KEY is (a published value|too weak)") as refused:
        create_app("production")
    assert "secrets.token_urlsafe(32)" in str(refused.value)


# Fixed ids: pytest-xdist workers must collect the same tests, and a random key is a different id each time.
@pytest.mark.parametrize("key", [secrets.token_urlsafe(32), secrets.token_hex(32), secrets.token_urlsafe(48)],
                         ids=["urlsafe-32", "hex-32", "urlsafe-48"])
def test_production_accepts_32_random_bytes(monkeypatch, key):
    production_env(monkeypatch, SECRET_KEY=key)
    assert secret_key_problem(key) is None
    assert create_app("production").config["SECRET_KEY"] == key


@pytest.mark.parametrize("base_url", [None, "feedback.example.org", "https://", "https://x.example/?a=b",
                                      "javascript://x.example"])
def test_production_requires_a_public_base_url(monkeypatch, base_url):
    production_env(monkeypatch, PUBLIC_BASE_URL=base_url)
    with pytest.raises(ConfigurationError, match="PUBLIC_BASE_URL"):
        create_app("production")


def test_production_refuses_seed_demo(monkeypatch, database_url):
    production_env(monkeypatch, DATABASE_URL=database_url)
    result = create_app("production").test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code != 0
    assert "never runs in production" in result.output


@pytest.mark.parametrize("app_overrides", [{"PUBLIC_BASE_URL": "https://feedback.example.org"}])
def test_share_links_ignore_the_host_header(app_context, app, demo_data, app_overrides):
    consultation = db.session.scalar(select(Consultation).where(Consultation.slug == "support-after-leaving"))
    with app.test_request_context("/staff/consultations/1", base_url="https://attacker.example"):
        assert sharing.public_url(consultation) == "https://feedback.example.org/c/support-after-leaving"
        assert sharing.review_url(consultation) == "https://feedback.example.org/review/support-after-leaving"


def test_development_default_is_embedded_sqlite(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app("development")
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("instance/heard.sqlite3")


@pytest.fixture
def app_overrides():
    return {"RATELIMIT_ENABLED": True, "FEEDBACK_RATE_LIMIT": "3 per hour"}


def finish_feedback(client, **about_you) -> int:
    """One person's whole feedback journey; the status of the Send."""
    client.get("/feedback?step=service")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    client.post("/feedback", data={"step": "experience", "overall": "good"})
    client.post("/feedback", data={"step": "comments", "what_helped": "first", "could_be_better": ""})
    client.post("/feedback", data={"step": "about-you", **about_you})
    response = client.post("/feedback", data={"step": "check", "website": ""})
    if response.status_code == 303:
        client.get("/feedback")  # the thank-you page ends the visit
    return response.status_code


def test_rate_limited_send_keeps_the_answers_and_says_how_long_to_wait(client, demo_data):
    """3 an hour: a journey started and sent is 2, so the second send is refused."""
    assert finish_feedback(client) == 303
    assert finish_feedback(client, age_band="35-44", gender="woman") == 429
    response = client.post("/feedback", data={"step": "check", "website": ""})
    assert response.status_code == 429
    html = page(response)
    assert html.h1.get_text() == "Check your answers before sending"
    text = " ".join(html.get_text().split())
    assert "Please wait 60 minutes, then press the button again" in text or "Please wait 59 minutes" in text
    assert "35 to 44" in text or "35-44" in text


@pytest.mark.one_database  # a key made from the request alone
def test_rate_limit_key_is_a_salted_hash_not_the_address(app):
    with app.test_request_context(environ_base={"REMOTE_ADDR": "203.0.113.9"}):
        key = rate_limit_key()
    assert "203.0.113.9" not in key
    assert len(key) == 32


@pytest.mark.parametrize("app_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_expired_token_keeps_what_was_typed(client, demo_data, app_overrides):
    client.get("/feedback?step=service")
    response = client.post("/feedback", data={"step": "comments", "what_helped": "Words I typed",
                                              "could_be_better": "More words", "csrf_token": "stale"})
    assert response.status_code == 400
    html = page(response)
    assert "open for a long time" in html.get_text()
    assert html.find("textarea", attrs={"name": "what_helped"}).get_text().strip() == "Words I typed"
    assert html.find("textarea", attrs={"name": "could_be_better"}).get_text().strip() == "More words"


@pytest.mark.parametrize("app_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_each_step_carries_a_token_that_is_checked(client, demo_data, app_overrides):
    """Journey forms have no token field of their own: the page renders the
    token and CSRFProtect checks it, so a step with it is saved."""
    token = csrf_token(client.get("/feedback?step=service", follow_redirects=True))
    assert token
    response = client.post("/feedback", data={"step": "service", "service": "outreach", "csrf_token": token})
    assert response.status_code == 303
    assert "Step 2 of" in page(client.get("/feedback")).get_text()


@pytest.mark.parametrize(("app_overrides", "checks_each_request"), [
    ({"RATELIMIT_ENABLED": True}, False),
    ({"RATELIMIT_ENABLED": True, "RATELIMIT_DEFAULT": "100 per minute"}, True),
])
def test_flask_limiter_checks_each_request_only_when_limits_are_configured(
        default_limit_for_one_test, app, app_overrides, checks_each_request):

    assert (limiter._check_request_limit in app.before_request_funcs[None]) is checks_each_request


BEHIND_TLS_PROXY = {"WTF_CSRF_ENABLED": True, "TRUST_PROXY_HOPS": 1, "SESSION_COOKIE_SECURE": True}
HTTPS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7"}


def _service_step_token(client) -> str:
    token = csrf_token(client.get("/feedback?step=service", headers=HTTPS, follow_redirects=True))
    assert token
    return token


@pytest.mark.parametrize("app_overrides", [BEHIND_TLS_PROXY])
@pytest.mark.parametrize("origin", [None, "null", "https://localhost"])
def test_posts_behind_a_tls_proxy_need_no_referer(client, demo_data, app_overrides, origin):
    """Under `Referrer-Policy: no-referrer` a browser sends no Referer and an
    Origin of `null`: the token alone carries the form (it was refused before)."""
    token = _service_step_token(client)
    headers = {**HTTPS, "Sec-Fetch-Site": "same-origin", **({"Origin": origin} if origin else {})}
    response = client.post("/feedback", headers=headers,
                           data={"step": "service", "service": "outreach", "csrf_token": token})
    assert response.status_code == 303
    assert "Step 2 of" in page(client.get("/feedback", headers=HTTPS)).get_text()


@pytest.mark.parametrize("app_overrides", [BEHIND_TLS_PROXY])
@pytest.mark.parametrize("headers", [{"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
                                     {"Origin": "https://evil.example"}])
def test_a_form_sent_from_another_site_is_refused_even_with_a_token(client, demo_data, app_overrides, headers):
    token = _service_step_token(client)
    response = client.post("/feedback", headers={**HTTPS, **headers},
                           data={"step": "service", "service": "outreach", "csrf_token": token})
    assert response.status_code == 400
    # The journey did not move on: step 2 cannot be visited yet.
    assert "Step 1 of" in page(client.get("/feedback?step=experience", headers=HTTPS,
                                          follow_redirects=True)).get_text()


@pytest.mark.parametrize("config", [ProductionConfig, DevelopmentConfig])
def test_outside_tests_argon2_is_as_strong_as_rfc_9106_recommends(config):
    """Tests hash with argon2-cffi's cheapest parameters; every other config keeps
    RFC 9106's second recommended option, well above OWASP's minimum (19 MiB, 2 passes)."""
    assert TestConfig.ARGON2_PARAMETERS == profiles.CHEAPEST
    parameters = config.ARGON2_PARAMETERS
    assert parameters == profiles.RFC_9106_LOW_MEMORY
    assert parameters.type is Type.ID
    assert (parameters.memory_cost, parameters.time_cost, parameters.parallelism) == (64 * 1024, 3, 4)
    assert (parameters.salt_len, parameters.hash_len) == (16, 32)


@pytest.mark.parametrize("config", [ProductionConfig, DevelopmentConfig])
def test_outside_tests_access_codes_are_hashed_at_full_scrypt_cost(config):
    """Tests hash access codes with a tiny scrypt cost; every other config, and a
    script with no app, uses access_codes.SCRYPT_N (16 MiB)."""
    assert access_codes.SCRYPT_N == 2**14
    assert not hasattr(config, "ACCESS_CODE_SCRYPT_N")
    full = access_codes.hash_access_code("otter-lantern-plum", salt="0123456789abcdef")
    cost, _salt, digest = full.split("$")
    assert cost == "16384" and digest == hashlib.scrypt(b"OTTERLANTERNPLUM", salt=b"0123456789abcdef",
                                                        n=2**14, r=8, p=1).hex()
    with create_app("test", {"SQLALCHEMY_DATABASE_URI": "sqlite://"}).app_context():
        cheap = access_codes.hash_access_code("otter-lantern-plum", salt="0123456789abcdef")
        assert cheap.startswith("16$") and access_codes.access_code_matches("Otter Lantern Plum", cheap)
        assert access_codes.access_code_matches("otter-lantern-plum", full)
