"""Production settings: refuse to start when something is missing, pass check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECRET = "s" * 20 + "-a-long-enough-production-secret-for-the-tests-0123456789"
PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": SECRET,
    "DJANGO_ALLOWED_HOSTS": "nelinvoimaa.fi",
    "DATABASE_URL": "postgres://nelinvoimaa:pw@db.example:5432/nelinvoimaa",
}


def clean_environment(**env):
    """This process's environment without the project's settings, plus `env`."""
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "SMTP_", "REDIS_", "TASKS_"))
    } | env


def run(code, **env):
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ.setdefault("
            "'DJANGO_SETTINGS_MODULE', 'nelinvoimaa.settings'); django.setup(); " + code,
        ],
        cwd=ROOT,
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without(missing):
    env = dict(PRODUCTION)
    del env[missing]
    result = run("", **env)
    assert result.returncode != 0
    assert f"{missing} must be set when DJANGO_ENV=production" in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DATABASE_URL", "mysql://x/y", "DATABASE_URL must start with postgres://"),
        ("DATABASE_URL", "postgres://host:notaport/db", "DATABASE_URL has an invalid port"),
        ("DATABASE_URL", "postgres://host/", "DATABASE_URL must name a database"),
        ("DJANGO_SECRET_KEY", "short", "DJANGO_SECRET_KEY must be at least 50 characters"),
        ("DJANGO_DEBUG", "maybe", "DJANGO_DEBUG must be true or false"),
        ("DJANGO_HSTS_SECONDS", "a year", "DJANGO_HSTS_SECONDS must be a whole number"),
        ("DJANGO_ENV", "staging", "DJANGO_ENV must be development or production"),
        ("DATABASE_RANDOM_PAGE_COST", "fast", "DATABASE_RANDOM_PAGE_COST must be a number"),
    ],
)
def test_malformed_settings_stop_the_start_naming_the_variable(name, value, message):
    result = run("", **(PRODUCTION | {name: value}))
    assert result.returncode != 0
    assert message in result.stderr


def test_production_settings_are_secure():
    result = run(
        "from django.conf import settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, s.SECURE_SSL_REDIRECT, "
        "s.MAILERS['default']['BACKEND'].rsplit('.', 2)[-2], "
        "s.CACHES['default']['BACKEND'].rsplit('.', 1)[-1], "
        "s.TASKS['default']['BACKEND'], s.DATABASES['default']['OPTIONS']['pool'] is not None, "
        "s.DATABASES['default']['CONN_HEALTH_CHECKS'], s.ADMIN_REQUIRE_MFA)",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "True",
        "True",
        "True",
        "True",
        "smtp",
        "DatabaseCache",
        "django_tasks_db.DatabaseBackend",
        "True",
        "True",
        "True",
    ]


def test_local_defaults_need_no_configuration():
    result = run(
        "from django.conf import settings as s; print(s.DEBUG, "
        "s.DATABASES['default']['ENGINE'], s.MAILERS['default']['BACKEND'].rsplit('.', 2)[-2], "
        "s.TASKS['default']['BACKEND'].rsplit('.', 1)[-1])"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "django.db.backends.sqlite3",
        "console",
        "ImmediateBackend",
    ]


def test_check_deploy_passes_under_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean_environment(**PRODUCTION),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
