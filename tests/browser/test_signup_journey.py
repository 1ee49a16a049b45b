"""Sign-up in Mongolian, e-mail confirmation, approval by academy staff signed in with a
second factor, and the learner's first look at the courses of their profession."""

import re

import pytest
from django.core import mail

from courses.models import CoursePage
from lms.models import Agency, Profession, Region, User

from ..lms.english_leaks import english_leaks, untranslated_msgids
from .conftest import PASSWORD, sign_in, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

STAFF_PASSWORD = "demo-password-2026"


def fill_signup_form(page, email: str) -> None:
    page.goto("/accounts/signup/")
    page.fill("input[name=email]", email)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.fill("input[name=full_name]", "Баярсайханы Өнөрмаа")
    page.select_option("select[name=sex]", "female")
    page.select_option("select[name=profession]", str(Profession.objects.get(code="judge").pk))
    page.select_option("select[name=agency]", str(Agency.objects.get(code="first-instance-courts").pk))
    page.select_option("select[name=region]", str(Region.objects.get(code="MN-041").pk))
    page.fill("input[name=rank]", "Шүүгч")
    page.locator("form:has(input[name=password1]) [type=submit]").click()
    page.wait_for_load_state()


def test_signup_confirm_approve_and_see_courses(page, settings, demo_site, give_totp, csp_violations):
    settings.LMS_STAFF_MFA_REQUIRED = True
    email = "new.judge@mail.example"
    untranslated = untranslated_msgids()

    fill_signup_form(page, email)
    assert english_leaks(page.content(), untranslated) == set()
    learner = User.objects.get(email=email)
    assert learner.status == User.Status.PENDING

    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(link)
    assert english_leaks(page.content(), untranslated) == set()
    page.locator("form[action*='confirm-email'] [type=submit]").click()
    page.wait_for_load_state()

    sign_in(page, email)
    # The pending notice comes from the home page; its wording is the courses catalog's.
    assert page.locator("main .notice").is_visible()
    page.locator("form[action='/accounts/logout/'] button").first.click()

    staff = User.objects.get(email="staff@demo.example.mn")
    secret = give_totp(staff)
    sign_in(page, staff.email, STAFF_PASSWORD)
    page.fill("input[name=code]", totp_code(secret))
    page.get_by_role("button", name="Нэвтрэх").click()
    page.wait_for_load_state()
    page.goto("/admin/learners/approvals/")
    page.locator(f"[data-testid=approve-{learner.pk}]").click()
    page.wait_for_load_state()
    learner.refresh_from_db()
    assert learner.status == User.Status.APPROVED
    assert mail.outbox[-1].subject == "Таны бүртгэл баталгаажлаа"
    page.context.clear_cookies()

    sign_in(page, email)
    assert page.locator("form[action='/accounts/logout/']").count() == 1
    titles = page.locator(".course-card h3").all_inner_texts()
    judge_courses = CoursePage.objects.live().filter(audience__code="judge")
    assert sorted(titles) == sorted(course.title for course in judge_courses)
    assert titles
    assert csp_violations == []


def test_language_switch_keeps_page(page, demo_site):
    page.goto("/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "mn"

    page.locator(".language-switcher button[value=en]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Sign in").count() > 0

    page.locator(".language-switcher button[value=mn]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "mn"
