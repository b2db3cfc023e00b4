"""`mitmachkarte check --deploy` is clean with the documented production settings."""

import os
import subprocess
import sys

import pytest

PRODUCTION_ENV = {
    "SECRET_KEY": "x7Gq2-production-like-secret-key-with-enough-entropy-9fKz3LpQwErTy",
    "ALLOWED_HOSTS": "mitmachkarte.example",
    "BEHIND_HTTPS_PROXY": "1",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
    "STATIC_MANIFEST": "1",
}


def production_env(tmp_path, **env) -> dict:
    # Only the environment a production server would have (the browser tests, for one,
    # set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright; pytest sets a test SECRET_KEY).
    unrelated = {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "SECRET_KEY"}
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV.keys() | unrelated}
    return {**clean, "MITMACHKARTE_VAR_DIR": str(tmp_path), **env}


def run_check(tmp_path, *args, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mitmachkarte.cli", "check", *args],
        env=production_env(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run_check(tmp_path, "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


WEAK_KEYS = {
    "missing": "",
    "development key": "insecure-dev-key-change-me",
    "Django's startproject prefix": "django-insecure-" + "k3#x9!qz" * 8,
    "short": "s3cr3t-but-short",
    "few characters": "ab" * 40,
}


@pytest.mark.parametrize("key", WEAK_KEYS.values(), ids=WEAK_KEYS.keys())
def test_check_deploy_fails_without_a_strong_secret_key(tmp_path, key):
    result = run_check(tmp_path, "--deploy", **{**PRODUCTION_ENV, "SECRET_KEY": key})
    assert result.returncode != 0  # an error, not a warning: the default fail level
    assert "mitmachkarte.E001" in result.stderr and "ERRORS" in result.stderr


def test_every_command_with_checks_refuses_a_missing_key(tmp_path):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_check(tmp_path, **env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_keeps_its_development_key(tmp_path):
    """`make demo` (DEBUG=1) needs no SECRET_KEY."""
    result = run_check(tmp_path, DEBUG="1")
    assert result.returncode == 0, result.stdout + result.stderr


def test_gunicorn_refuses_to_start_without_a_strong_key(tmp_path):
    env = production_env(tmp_path, **{**PRODUCTION_ENV, "SECRET_KEY": "short"})
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "mitmachkarte.wsgi", "-w", "1", "-b", "127.0.0.1:0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is too weak" in result.stderr


def test_collectstatic_builds_hashed_compressed_files(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    result = subprocess.run(
        [sys.executable, "-m", "mitmachkarte.cli", "collectstatic", "--no-input"],
        env={**env, "MITMACHKARTE_VAR_DIR": str(tmp_path), "STATIC_MANIFEST": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    static = tmp_path / "static"
    assert list(static.glob("leaflet/leaflet.*.js")), "no hashed Leaflet"
    assert list(static.glob("mitmachkarte/map.*.js.gz")), "no compressed map.js"
    assert (static / "staticfiles.json").exists()
