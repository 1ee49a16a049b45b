"""A learner turns on two-factor authentication and signs in with a code."""

import re

import pytest
from allauth.mfa.models import Authenticator

from ..factories import UserFactory
from ..lms.english_leaks import english_leaks, untranslated_msgids
from .conftest import PASSWORD, sign_in, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_two_factor_setup_and_sign_in(page, agency, csp_violations):
    learner = UserFactory(agency=agency, password=PASSWORD, email="twofactor@example.mn")
    sign_in(page, learner.email)

    page.goto("/me/profile/")
    page.get_by_role("link", name="Хоёр шатлалт баталгаажуулалт").click()
    page.locator("a[href='/accounts/2fa/totp/activate/']").click()
    # Signing in counts as a fresh reauthentication, so the set-up form opens directly.
    assert page.url.endswith("/accounts/2fa/totp/activate/")
    secret_box = page.locator("#authenticator_secret").bounding_box()
    form_box = page.locator("form:has(#authenticator_secret)").bounding_box()
    assert secret_box["width"] >= form_box["width"] * 0.9
    untranslated = untranslated_msgids()
    assert english_leaks(page.content(), untranslated) == set()
    secret = page.input_value("#authenticator_secret")
    page.fill("input[name=code]", totp_code(secret))
    page.locator("form:has(input[name=code]) [type=submit]").click()
    page.wait_for_load_state()

    assert Authenticator.objects.filter(user=learner, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=learner, type=Authenticator.Type.RECOVERY_CODES).exists()
    page.goto("/accounts/2fa/recovery-codes/")
    assert english_leaks(page.content(), untranslated) == set()

    page.locator("form[action='/accounts/logout/'] button").first.click()
    page.wait_for_load_state()
    sign_in(page, learner.email)
    assert re.search(r"/accounts/2fa/authenticate/$", page.url)
    assert english_leaks(page.content(), untranslated) == set()
    page.fill("input[name=code]", totp_code(secret))
    page.get_by_role("button", name="Нэвтрэх").click()
    page.wait_for_load_state()

    page.goto("/me/profile/")
    assert page.url.endswith("/me/profile/")
    assert page.locator("html").get_attribute("lang") == "mn"
    assert csp_violations == []
