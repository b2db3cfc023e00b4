"""`mitmachkarte check --deploy` is clean with the documented production settings."""

import os
import subprocess
import sys

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


def run_check(tmp_path, **env) -> subprocess.CompletedProcess:
    # Only the environment a production server would have (the browser tests, for one,
    # set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright).
    unrelated = {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV.keys() | unrelated}
    return subprocess.run(
        [sys.executable, "-m", "mitmachkarte.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env={**clean, "MITMACHKARTE_VAR_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run_check(tmp_path, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_flags_the_development_secret_key(tmp_path):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_check(tmp_path, **env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stdout + result.stderr


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
