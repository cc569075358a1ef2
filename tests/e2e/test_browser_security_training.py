"""In Debian's Chromium, at desktop and phone sizes: a member submits an external security training on
/learn/security-training/, and their HR sees the due and overdue list and approves it (F3.6), with
axe-core and screenshots (var/screenshots/)."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Enrolment
from tests import factories as f
from tests.support.browser import assert_accessible, log_in, new_page, screenshot

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_member_submits_and_hr_approves(live_server, browser, size, tmp_path):
    organisation = f.OrganisationFactory(name_ko="(주)한빛드론시스템")
    hr = f.MembershipFactory(organisation=organisation, role="hr", user=f.UserFactory(name_ko="최인사")).user
    member = f.MembershipFactory(organisation=organisation, user=f.UserFactory(name_ko="김하늘")).user
    late = f.MembershipFactory(organisation=organisation, user=f.UserFactory(name_ko="이수료")).user
    course = f.course_page(f.institute_page(), "방산기술보호 보안교육", is_security_training=True)
    completed_at = timezone.now() - relativedelta(months=14)
    f.enrolment(f.course_run(course), user=late, status=Enrolment.Status.COMPLETED, completed_at=completed_at)
    certificate = tmp_path / "수료증.pdf"
    certificate.write_bytes(PDF)

    page = new_page(browser, size)
    log_in(page, live_server.url, member)
    page.goto(f"{live_server.url}/learn/security-training/")
    expect(page.get_by_role("heading", level=1)).to_have_text("나의 보안교육")
    page.get_by_label("교육명").fill("2026년 방위산업기술보호 교육")
    page.get_by_label("수료일").fill((timezone.localdate() - datetime.timedelta(days=20)).isoformat())
    page.get_by_label("수료증 (PDF, PNG 또는 JPEG)").set_input_files(str(certificate))
    page.get_by_role("button", name="승인 요청").click()
    expect(page.locator(".message").first).to_contain_text("인사담당자의 승인을 기다려 주세요")
    assert_accessible(page)
    screenshot(page, "learn-security-training")
    page.context.close()

    page = new_page(browser, size)
    log_in(page, live_server.url, hr)
    page.goto(f"{live_server.url}/hr/")
    page.get_by_role("link", name="보안교육", exact=True).click()
    row = page.locator("table.hr-sectrain tbody tr", has_text="이수료")
    expect(row.locator(".badge", has_text="기한 경과")).to_be_visible()
    expect(page.locator("table.hr-sectrain tbody tr", has_text="김하늘")).to_contain_text("승인 대기 중인 제출")
    assert_accessible(page)
    screenshot(page, "hr-security-training")

    page.get_by_role("link", name="외부 교육 이수 승인").first.click()
    submission = page.locator("table.hr-sectrain-external tbody tr", has_text="김하늘")
    expect(submission).to_contain_text("2026년 방위산업기술보호 교육")
    link = submission.get_by_role("link", name="수료증 보기")
    assert "/certificate/" in link.get_attribute("href")
    assert_accessible(page)
    screenshot(page, "hr-security-training-external")
    submission.get_by_role("button", name="승인").click()
    expect(page.locator(".message").first).to_contain_text("처리 결과를 저장")
    page.context.close()
