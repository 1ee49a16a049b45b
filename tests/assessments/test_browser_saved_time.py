"""The autosave status gives the time in Ulaanbaatar, 24-hour, whatever the browser's own locale and zone."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from assessments.models import Attempt

from .helpers import wrong_answers
from .test_browser import answer, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ULAANBAATAR = ZoneInfo("Asia/Ulaanbaatar")
SAVED = re.compile(r"^Хариултыг (\d\d):(\d\d):(\d\d)-д хадгалсан\.$")


def test_saved_time_uses_ulaanbaatar(browser, live_server, enrolled, make_quiz):
    # A browser in New York with an English locale would otherwise print "10:57:36 AM" in its own zone.
    context = browser.new_context(locale="en-US", timezone_id="America/New_York", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        quiz = make_quiz()
        sign_in(page, live_server, enrolled)
        page.goto(f"/quiz/{quiz.pk}/")
        page.locator("form[action$='/start/'] button").click()
        page.wait_for_selector("#quiz-form")
        attempt = Attempt.objects.get(quiz=quiz)

        before = datetime.now(ULAANBAATAR).replace(microsecond=0)
        answer(page, wrong_answers(attempt))
        status = page.locator("#autosave-status")
        expect(status).to_have_text(SAVED)
        after = datetime.now(ULAANBAATAR)
        text = status.inner_text()
    finally:
        context.close()

    hours, minutes, seconds = (int(part) for part in SAVED.match(text).groups())
    displayed = before.replace(hour=hours, minute=minutes, second=seconds)
    # The displayed time lies between the moments just before and after the save, on the
    # Ulaanbaatar clock. A save that spans midnight is the one case this check misses.
    assert before.date() != after.date() or before <= displayed <= after
