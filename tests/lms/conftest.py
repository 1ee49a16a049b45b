"""Fixtures for the core's tests: staff with and without a second factor."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value


def totp_code(secret: str) -> str:
    """Return the code an authenticator app would show now for this secret."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


@pytest.fixture
def mfa_required(settings):
    settings.LMS_STAFF_MFA_REQUIRED = True


@pytest.fixture
def give_totp():
    """Return a function that enrols a TOTP authenticator for a user and returns its secret."""

    def give(user) -> str:
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
        return secret

    return give
