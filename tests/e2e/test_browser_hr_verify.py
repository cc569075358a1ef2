"""In Debian's Chromium, at desktop and phone sizes: the verification pages a stranger sees and the
HR pages an employer uses, with axe-core and screenshots (var/screenshots/)."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts import services as account_services
from certificates import services as certificate_services
from tests import factories as f
from tests.support.browser import assert_accessible, log_in, new_page, screenshot

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]

SIZES = ["desktop", "phone"]


def _certificates():
    institute = f.institute_page("국방드론교육원", title_en="Defense Drone Institute")
    trainee = f.UserFactory(name_ko="김하늘", name_en="Haneul Kim", email="haneul@hanbit.example")
    courses = [
        f.course_page(institute, title, title_en=title_en, study_hours=16)
        for title, title_en in [
            ("드론 비행안전 실무", "Drone Flight Safety"),
            ("대드론 체계 운용", "Counter-drone Operations"),
        ]
    ]
    enrolments = [f.enrolment(f.course_run(course), user=trainee, status="completed") for course in courses]
    valid = f.certificate(
        enrolments[0],
        holder_name_ko="김하늘",
        holder_name_en="Haneul Kim",
        institute_name_ko="국방드론교육원",
        expires_on=timezone.localdate() + datetime.timedelta(days=700),
    )
    revoked = f.certificate(
        enrolments[1],
        expires_on=timezone.localdate() + datetime.timedelta(days=700),
        institute_name_ko="국방드론교육원",
    )
    certificate_services.certificate_revoke(
        certificate=revoked, actor=f.manager_of(institute), reason="내부 메모: 대리 응시 확인", category="misconduct"
    )
    return {"trainee": trainee, "valid": valid, "revoked": revoked, "institute": institute}


@pytest.mark.parametrize("size", SIZES)
def test_verification_result_valid_and_revoked(live_server, browser, size):
    data = _certificates()
    page = new_page(browser, size)

    page.goto(f"{live_server.url}/verify/")
    assert_accessible(page)
    screenshot(page, "verify-form")
    page.get_by_label("수료증 번호").fill(data["valid"].code.lower().replace("-", " "))
    page.get_by_role("button", name="확인", exact=True).click()

    badge = page.locator(".status-badge")
    expect(badge).to_have_text("유효")
    expect(badge).to_be_in_viewport()
    expect(page.locator(".verify-result__holder")).to_contain_text("김*늘")
    expect(page.locator(".verify-result")).to_contain_text("국방드론교육원")
    expect(page.locator(".verify-result")).to_contain_text("확인 일시")
    assert "김하늘" not in page.content()
    assert_accessible(page)
    screenshot(page, "verify-result-valid")

    page.get_by_label("수료자 성명 (선택)").fill("haneul kim")
    page.get_by_role("button", name="성명 확인").click()
    expect(page.locator(".verify-result__holder")).to_contain_text("김하늘")
    expect(page.locator(".verify-result__holder")).to_contain_text("이름 일치")

    page.emulate_media(media="print")
    expect(page.locator(".verify-name")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".verify-result__print-note")).to_be_visible()
    screenshot(page, "verify-result-print")
    page.emulate_media(media="screen")

    page.goto(f"{live_server.url}/verify/pdf/")
    assert_accessible(page)
    screenshot(page, "verify-pdf")

    page.goto(f"{live_server.url}/verify/{data['revoked'].code}/")
    expect(page.locator(".status-badge")).to_have_text("취소됨")
    expect(page.locator(".verify-result__reason")).to_have_text("부정행위")
    assert "내부 메모" not in page.content() and "만료일" not in page.locator(".verify-result").inner_text()
    assert_accessible(page)
    screenshot(page, "verify-result-revoked")
    page.context.close()


def _cp949_file(data) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["수료증 번호", "성명"])
    writer.writerow([data["valid"].code, "김하늘"])
    writer.writerow([data["revoked"].code, "김하늘"])
    writer.writerow(["없는번호", "홍길동"])
    writer.writerow(["00000-00000-00000-00000", ""])
    return buffer.getvalue().encode("cp949")


@pytest.mark.parametrize("size", SIZES)
def test_bulk_verification_of_a_cp949_file(live_server, browser, size):
    data = _certificates()
    page = new_page(browser, size)

    page.goto(f"{live_server.url}/verify/bulk/")
    assert_accessible(page)
    page.get_by_label("CSV 파일").set_input_files(
        {"name": "수료증목록.csv", "mimeType": "text/csv", "buffer": _cp949_file(data)}
    )
    page.get_by_role("button", name="번호 확인").click()

    rows = page.locator("table.verify-bulk__table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("유효")
    expect(rows.nth(0)).to_contain_text("김하늘")  # the name given matches, so it is shown whole
    expect(rows.nth(1)).to_have_class("is-warning")
    expect(rows.nth(1)).to_contain_text("취소됨")
    expect(page.locator(".csv-errors")).to_contain_text("4번째 행")
    with page.expect_download() as download:
        page.get_by_role("link", name="결과 내려받기 (CSV)").click()
    content = open(download.value.path(), "rb").read()
    assert content.startswith(b"\xef\xbb\xbf") and "없는번호" in content.decode("utf-8-sig")
    assert_accessible(page)
    screenshot(page, "verify-bulk-result")
    page.context.close()


def _hr(data):
    organisation = f.OrganisationFactory(name_ko="한빛드론")
    hr = f.MembershipFactory(organisation=organisation, role="hr", user=f.UserFactory(name_ko="인사담당")).user
    f.MembershipFactory(organisation=organisation, user=data["trainee"])
    for n in range(3):
        f.MembershipFactory(
            organisation=organisation, user=f.UserFactory(name_ko=f"직원{n}", email=f"staff{n}@hanbit.example")
        )
    account_services.organisation_invite(
        organisation=organisation, email="new.hire@hanbit.example", actor=hr, base_url="https://academy.example"
    )
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    f.course_run(data["valid"].enrolment.run.course, title="2027년 1차", capacity=20, starts_on=tomorrow)
    return hr


@pytest.mark.parametrize("size", SIZES)
def test_hr_dashboard_with_a_revoked_certificate_and_invitations(live_server, browser, size):
    data = _certificates()
    hr = _hr(data)
    page = new_page(browser, size)
    log_in(page, live_server.url, hr)

    page.goto(f"{live_server.url}/hr/")
    member = page.locator("table.hr-members tbody tr", has_text="김하늘")
    expect(member.locator(".badge", has_text="취소됨")).to_be_visible()
    expect(member.locator(".badge", has_text="유효")).to_be_visible()
    expect(member).to_have_class("is-warning")
    assert_accessible(page)
    screenshot(page, "hr-dashboard")

    page.goto(f"{live_server.url}/hr/enrol/")
    assert_accessible(page)
    screenshot(page, "hr-bulk-enrol")

    page.goto(f"{live_server.url}/hr/invite/")
    invitation = page.locator("table.hr-invitations tbody tr", has_text="new.hire@hanbit.example")
    expect(invitation).to_be_visible()
    assert_accessible(page)
    screenshot(page, "hr-invitations")
    invitation.get_by_role("button", name="재발송").click()
    expect(page.locator(".messages, .message").first).to_contain_text("초대를 다시 보냈습니다")

    page.locator("table.hr-invitations tbody tr", has_text="new.hire@hanbit.example").get_by_role(
        "link", name="취소"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("초대 취소")
    assert_accessible(page)
    page.get_by_role("button", name="초대 취소").click()
    expect(page.locator(".message").first).to_contain_text("초대를 취소했습니다")
    expect(page.locator("table.hr-invitations")).to_have_count(0)
    page.context.close()
