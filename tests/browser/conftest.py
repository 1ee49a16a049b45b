"""Helpers for the core's browser tests: signing in and reading one-time codes."""

import pytest
from django.core.cache import cache

from tests.lms.conftest import give_totp, totp_code  # noqa: F401  (fixture and helper reused here)

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def empty_cache():
    # Rate-limit counters and used one-time codes live in the cache, which outlives a test.
    cache.clear()


@pytest.fixture
def csp_violations(page) -> list[str]:
    """Collect console reports of anything the Content-Security-Policy blocked."""
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    return violations


def sign_in(page, email: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()
