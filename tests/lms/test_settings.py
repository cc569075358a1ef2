"""Production settings come from the environment; a bad value names the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "lms.settings.production",
    "DJANGO_SECRET_KEY": "k" * 20 + "Qz8-x_Lm2Pw9Rt4Vy7Bn1Cd5Fg3Hj6Ks0Ae-" + "z" * 10,
    "DJANGO_ALLOWED_HOSTS": "academy.example.kr",
    "ACADEMY_BASE_URL": "https://academy.example.kr",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/3",
    "REDIS_URL": "redis://127.0.0.1:6379/4",
    "EMAIL_HOST": "smtp.example.kr",
    "ACADEMY_RRN_KEY": "cHJvZHVjdGlvbi10ZXN0LWtleS0zMi1ieXRlcy14eHg=",
}


def run_manage(*args, env_overrides=None, drop=()):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_", "REDIS_"))}
    env.update(PRODUCTION_ENV)
    env.update(env_overrides or {})
    for name in drop:
        env.pop(name, None)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    "variable",
    [
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DATABASE_URL",
        "CELERY_BROKER_URL",
        "REDIS_URL",
        "EMAIL_HOST",
        "ACADEMY_RRN_KEY",
    ],
)
def test_missing_variable_stops_start_up_and_names_it(variable):
    result = run_manage("check", drop=[variable])

    assert result.returncode != 0
    assert f"The environment variable {variable} is required but not set." in result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DATABASE_URL", "mysql://db/academy", "DATABASE_URL must be a URL starting with one of"),
        ("DATABASE_URL", "sqlite:///academy.sqlite3", "DATABASE_URL must point to PostgreSQL"),
        ("REDIS_URL", "localhost:6379", "REDIS_URL must be a URL starting with one of redis://, rediss://"),
        ("CELERY_BROKER_URL", "redis://", "CELERY_BROKER_URL must name a host"),
        ("DJANGO_SECRET_KEY", "short", "DJANGO_SECRET_KEY must be a random string of at least 50 characters"),
        ("EMAIL_PORT", "twenty-five", "EMAIL_PORT must be an integer"),
        ("ACADEMY_REQUIRE_STAFF_MFA", "maybe", "ACADEMY_REQUIRE_STAFF_MFA must be true or false"),
        ("ACADEMY_STORAGE", "ftp", "ACADEMY_STORAGE must be 'local' or 's3'"),
        ("ACADEMY_IDENTITY_PHONE_BACKEND", "fake", "The fake identity backend is refused in production"),
        ("ACADEMY_IDENTITY_MOTP_BACKEND", "fake", "The fake identity backend is refused in production"),
        ("ACADEMY_RRN_KEY", "c2hvcnQ=", "ACADEMY_RRN_KEY must be the base64 of 32 random bytes"),
        (
            "ACADEMY_RRN_KEY",
            "ZGV2LW9ubHktcnJuLWtleS1ub3QtZm9yLXByb2QtMzI=",
            "ACADEMY_RRN_KEY is the published development key",
        ),
    ],
)
def test_malformed_variable_stops_start_up_and_names_it(variable, value, message):
    result = run_manage("check", env_overrides={variable: value})

    assert result.returncode != 0
    assert message in result.stderr


def test_production_defaults_are_strict():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.DEBUG, s.ACCOUNT_EMAIL_VERIFICATION, "
        "s.ACADEMY_REQUIRE_STAFF_MFA, s.CACHES['default']['BACKEND'], s.SESSION_COOKIE_SECURE)",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-5:] == [
        "False",
        "mandatory",
        "True",
        "django_redis.cache.RedisCache",
        "True",
    ]


def test_embedded_defaults_need_no_environment(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_", "REDIS_"))}
    env["ACADEMY_VAR_DIR"] = str(tmp_path)
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'], s.CELERY_BROKER_URL, "
            "s.ACCOUNT_EMAIL_VERIFICATION, s.ACADEMY_REQUIRE_STAFF_MFA)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-4:] == ["django.db.backends.sqlite3", "filesystem://", "optional", "False"]


# --------------------------------------------------------------------------------------------
# Cookies: __Host- names in production, the normal names over plain http
# --------------------------------------------------------------------------------------------

COOKIE_SETTINGS = [
    "SESSION_COOKIE_NAME",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_PATH",
    "SESSION_COOKIE_DOMAIN",
    "CSRF_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_PATH",
    "CSRF_COOKIE_DOMAIN",
]


def cookie_settings(result) -> dict:
    import json

    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def print_cookie_settings() -> list[str]:
    return [
        "shell",
        "-c",
        f"import json; from django.conf import settings as s; print(json.dumps({{n: getattr(s, n) for n in {COOKIE_SETTINGS!r}}}))",
    ]


def test_production_cookies_carry_the_host_prefix_and_what_it_requires():
    production = cookie_settings(run_manage(*print_cookie_settings()))

    assert production["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert production["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    for cookie in ("SESSION", "CSRF"):
        assert production[f"{cookie}_COOKIE_SECURE"] is True
        assert production[f"{cookie}_COOKIE_PATH"] == "/"
        assert production[f"{cookie}_COOKIE_DOMAIN"] is None


@pytest.mark.django_db
def test_with_the_production_settings_django_sets_host_cookies_a_browser_accepts(client):
    """The cookies Django actually sends: a __Host- cookie needs Secure and Path=/, and no Domain."""
    from django.test import override_settings

    from tests.factories import UserFactory

    production = cookie_settings(run_manage(*print_cookie_settings()))
    with override_settings(**production):
        client.force_login(UserFactory())
        cookies = client.get("/accounts/email/", secure=True).cookies  # a form (CSRF) and a session write

    assert set(cookies) >= {"__Host-sessionid", "__Host-csrftoken"}
    for name in ("__Host-sessionid", "__Host-csrftoken"):
        cookie = cookies[name]
        assert cookie["secure"] is True
        assert cookie["path"] == "/"
        assert cookie["domain"] == ""
    assert cookies["__Host-sessionid"]["httponly"] is True


def test_plain_http_demo_keeps_the_normal_cookie_names(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_", "REDIS_"))}
    env["ACADEMY_VAR_DIR"] = str(tmp_path)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *print_cookie_settings()],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    demo = cookie_settings(result)
    assert (demo["SESSION_COOKIE_NAME"], demo["CSRF_COOKIE_NAME"]) == ("sessionid", "csrftoken")
    assert demo["SESSION_COOKIE_SECURE"] is False


def test_media_origins_for_the_content_security_policy_are_checked():
    result = run_manage("check", env_overrides={"ACADEMY_CSP_MEDIA_ORIGINS": "academy-media.s3.example.kr/images"})

    assert result.returncode != 0
    assert "ACADEMY_CSP_MEDIA_ORIGINS must list origins like https://" in result.stderr

    allowed = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])",
        env_overrides={"ACADEMY_CSP_MEDIA_ORIGINS": "https://academy-media.s3.example.kr"},
    )
    assert allowed.returncode == 0, allowed.stderr
    assert "https://academy-media.s3.example.kr" in allowed.stdout
