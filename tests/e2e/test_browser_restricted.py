"""In Chromium, a vetted Korean member opens a restricted lesson (DOMAIN-KR §3.3): the lesson first
answers with the page of the one condition missing (the 기술보호 서약서), whose link leads to the
pledge; the pledge asks for the step-up check (the fake 휴대폰 본인확인), is signed, and brings the
trainee back to the lesson, which now opens under the moving watermark naming the masked name, the
organisation and the access-log entry of this very view. Saved at desktop and phone size as
``var/screenshots/restricted-*`` and checked with axe-core."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts import services as account_services
from accounts.models import VettingStatus
from compliance.models import PledgeSignature
from courses import protection
from courses.models import Sensitivity
from ops.models import AuditEvent
from tests import factories as f
from tests.compliance.identity_support import with_identity
from tests.support.browser import assert_accessible, axe_violations, log_in, new_page, screenshot

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]

BODY = [{"type": "paragraph", "value": "<p>비행제어 SW의 보안 설계 개요: 키 관리와 펌웨어 서명.</p>"}]


def assert_accessible_but_the_watermark(page) -> None:
    """axe-core on the lesson, the watermark's faint text aside: it is decorative (aria-hidden) and
    faint on purpose, so it never hides the content (WCAG 1.4.3 exempts incidental text); every other
    element must pass."""
    found = [v for v in axe_violations(page) if not all("watermark__text" in target for target in v["targets"])]
    assert found == [], found


def test_a_vetted_member_signs_the_pledge_and_opens_the_restricted_lesson_under_the_watermark(live_server, browser):
    institute = f.institute_page("방산보안연구원")
    course = f.course_page(institute, "제한 과정: 드론 비행제어 SW 보안 개요", sensitivity=Sensitivity.RESTRICTED)
    lesson = f.lesson_page(course, "1차시 보안 설계", sensitivity=Sensitivity.RESTRICTED, body=BODY)
    organisation = f.OrganisationFactory(
        name_ko="(주)한빛드론",
        vetting_status=VettingStatus.APPROVED,
        vetting_expires_on=timezone.localdate() + datetime.timedelta(days=90),
    )
    user = with_identity(f.UserFactory())
    f.MembershipFactory(organisation=organisation, user=user)
    f.enrolment(f.course_run(course), user)
    account_services.nationality_record(user=user, nationality="KR", notice_agreed=True)
    base = live_server.url
    page = new_page(browser, "desktop")
    phone = new_page(browser, "phone")
    log_in(page, base, user)
    log_in(phone, base, user)

    page.goto(base + lesson.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("기술보호 서약서에 서명하세요")
    screenshot(page, "restricted-refused-pledge")
    assert_accessible(page)
    page.get_by_role("link", name="해결하러 가기").click()
    assert f"/learn/pledge/{institute.pk}/" in page.url

    page.get_by_role("link", name="본인확인 후 서명하기").click()
    page.get_by_role("button", name="휴대폰으로 본인확인").click()
    page.get_by_role("button", name="확인", exact=True).click()  # the account's own name and birth date
    page.get_by_label("성명").fill("홍길동")
    page.get_by_label("위 서약 내용을 읽었으며 이를 준수할 것에 동의합니다.").check()
    page.get_by_role("button", name="서약서에 서명").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("1차시 보안 설계")  # back on the lesson
    assert page.url == base + lesson.url
    assert PledgeSignature.objects.filter(user=user, identity_check__moment="step_up").exists()
    mark = page.locator(".watermark__text").first
    expect(mark).to_be_attached()
    text = mark.inner_text()
    assert text.startswith("홍*동 · (주)한빛드론 · ")
    event = AuditEvent.objects.filter(action="restricted.view", actor=user, data__result="allowed").latest("pk")
    assert protection.watermark_event_id(text.rsplit("#", 1)[1]) == event.pk  # this very view's entry
    expect(page.get_by_text("키 관리와 펌웨어 서명", exact=False)).to_be_visible()
    screenshot(page, "restricted-lesson")
    assert_accessible_but_the_watermark(page)

    phone.goto(base + lesson.url)  # the step-up passed minutes ago counts on every device
    expect(phone.get_by_role("heading", level=1)).to_have_text("1차시 보안 설계")
    expect(phone.locator(".watermark__text").first).to_be_attached()
    screenshot(phone, "restricted-lesson")
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
