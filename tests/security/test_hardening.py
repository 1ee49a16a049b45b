"""Response headers, production settings and template escaping."""

import os
import re
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PROJECT = Path(settings.BASE_DIR)


def csp_directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


def test_site_pages_allow_only_own_scripts(client, home_page):
    directives = csp_directives(client.get("/accounts/login/"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe" not in " ".join(directives.values())


def test_admin_policy_keeps_other_hosts_out(client, academy_staff):
    client.force_login(academy_staff)
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.OK
    directives = csp_directives(response)
    assert directives["default-src"] == "'self'"
    assert "http" not in response["Content-Security-Policy"]


def test_production_settings_pass_deploy_check():
    # The test conftest allows synchronous ORM calls beside Playwright; a deployment never does.
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {
        **environment,
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": "deploy-check-only-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEFG",
        "ALLOWED_HOSTS": "lms.example.mn",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


SAFE_FILTER_ALLOWED: set[str] = set()
UNESCAPED = re.compile(r"\|\s*safe\b|{%\s*autoescape\s+off")


def test_templates_do_not_disable_escaping():
    offenders = []
    for template in PROJECT.glob("**/templates/**/*.html"):
        relative = template.relative_to(PROJECT).as_posix()
        if relative.startswith((".venv/", "var/")) or relative in SAFE_FILTER_ALLOWED:
            continue
        if UNESCAPED.search(template.read_text(encoding="utf-8")):
            offenders.append(relative)
    assert offenders == []
