"""Academy staff screens on a 375 px phone: wide tables scroll in their own box, never the page."""

from datetime import datetime
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import Client

from lms.models import User

from ..factories import UserFactory
from ..reports.conftest import record

PHONE = {"width": 375, "height": 800}


@pytest.fixture
def phone(browser, live_server, academy_staff):
    """A phone-sized page signed in as academy staff."""
    context = browser.new_context(locale="mn-MN", base_url=live_server.url, viewport=PHONE)
    client = Client()
    client.force_login(academy_staff)
    context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "domain": urlparse(live_server.url).hostname,
        "path": "/",
    }])
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def page_scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")


def assert_inside_viewport(locator) -> None:
    box = locator.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"]


def assert_scroll_box(page, label: str):
    """Return the table's wrapper after checking it is a named, focusable region narrower than its table."""
    region = page.get_by_role("region", name=label)
    assert region.get_attribute("tabindex") == "0"
    assert region.evaluate("element => element.scrollWidth > element.clientWidth")
    assert_inside_viewport(region)
    return region


@pytest.mark.browser
def test_approve_button_reachable_on_phone(phone, agency):
    learner = UserFactory(
        agency=agency,
        status=User.Status.PENDING,
        full_name="Наранбаатарын Энхтүвшин",
        email="enkhtuvshin.naranbaatar@police.example.mn",
    )

    phone.goto("/admin/learners/approvals/")

    heading = phone.get_by_role("heading", name="Суралцагч баталгаажуулах")
    assert_inside_viewport(heading)
    assert_scroll_box(phone, "Суралцагч баталгаажуулах")
    assert not page_scrolls_sideways(phone)
    approve = phone.get_by_test_id(f"approve-{learner.pk}")
    approve.scroll_into_view_if_needed()
    assert approve.is_visible()
    assert_inside_viewport(approve)
    with phone.expect_navigation():
        approve.click()
    learner.refresh_from_db()
    assert learner.status == User.Status.APPROVED
    assert not page_scrolls_sideways(phone)


@pytest.mark.browser
def test_certificate_actions_reachable_on_phone(phone, learner, home_page, academy):
    from certificates.services import issue_certificate
    from courses.models import CoursePage

    course = CoursePage(title="Хохирогч төвтэй сургалт", title_en="Victim-centred course", slug="victims",
                        estimated_hours=4, academy=academy)
    home_page.add_child(instance=course)
    issue_certificate(learner, course, datetime(2026, 12, 4, 10, 30, tzinfo=ZoneInfo("Asia/Ulaanbaatar")))

    phone.goto("/admin/certificates/")

    assert_scroll_box(phone, "Гэрчилгээ")
    assert not page_scrolls_sideways(phone)
    download = phone.get_by_role("link", name="PDF татах")
    download.scroll_into_view_if_needed()
    assert_inside_viewport(download)
    assert not page_scrolls_sideways(phone)


@pytest.mark.browser
def test_learner_list_report_scrolls_on_phone(phone, learner, home_page):
    from courses.models import CoursePage

    course = CoursePage(title="Хохирогч төвтэй сургалт", title_en="Victim-centred course", slug="victims",
                        estimated_hours=4)
    home_page.add_child(instance=course)
    record(learner, course)

    phone.goto("/admin/reports/completion/?report=learners")

    region = assert_scroll_box(phone, "Суралцагчдын жагсаалт")
    assert not page_scrolls_sideways(phone)
    last_header = phone.get_by_role("columnheader", name="Гэрчилгээний код")
    last_header.scroll_into_view_if_needed()
    assert_inside_viewport(last_header)
    assert region.evaluate("element => element.scrollLeft > 0")
    assert not page_scrolls_sideways(phone)
