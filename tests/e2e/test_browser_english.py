"""In Chromium, at both sizes: an English reader reads a course in English, and Korean-only content
is marked as Korean; an institute manager's dashboard lists the work waiting in their institute."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests import factories as f
from tests.support.browser import assert_accessible, log_in, new_page, screenshot

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]

SIZES = ["desktop", "phone"]


def english_page(browser, live_server, size):
    page = new_page(browser, size, locale="en-GB")
    page.context.add_cookies([{"name": "academy_language", "value": "en", "url": live_server.url}])
    return page


def test_english_reader_reads_a_course_in_english_and_korean_only_content_is_marked(live_server, browser):
    institute = f.institute_page("한국드론연구원", title_en="Korea Drone Institute")
    course = f.course_page(
        institute,
        "군용드론 정비 실무",
        title_en="Military drone maintenance in practice",
        summary_en="Inspect, repair and document military drones to the maintenance manual.",
    )
    course.overview_en = [{"type": "paragraph", "value": "<p>Five lessons on airframe, motors and batteries.</p>"}]
    course.save_revision().publish()
    starts = timezone.localdate() + datetime.timedelta(days=30)
    f.course_run(
        course,
        title="2027년 1차",
        title_en="2027 Run 1",
        starts_on=starts,
        ends_on=starts + datetime.timedelta(days=30),
    )
    korean_only = f.course_page(institute, "대드론 체계 개론", title_en="", summary_en="")
    korean_only.overview = [{"type": "paragraph", "value": "<p>대드론 체계의 탐지·식별·무력화를 배웁니다.</p>"}]
    korean_only.save_revision().publish()

    for size in SIZES:
        page = english_page(browser, live_server, size)
        page.goto(f"{live_server.url}{course.url}")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.get_by_role("heading", level=1)).to_have_text("Military drone maintenance in practice")
        expect(page.get_by_text("Five lessons on airframe, motors and batteries.")).to_be_visible()
        expect(page.locator(".korean-content-note")).to_have_count(0)
        screenshot(page, "course-english", size=size)
        assert_accessible(page)

        page.goto(f"{live_server.url}{korean_only.url}")
        note = page.locator(".korean-content-note")
        expect(note).to_be_visible()
        expect(note.locator('[lang="ko"]')).to_have_text("한국어 콘텐츠")
        expect(note).to_contain_text("Korean content")
        expect(page.locator('.stream[lang="ko"]')).to_contain_text("대드론 체계의 탐지")
        screenshot(page, "course-english-fallback", size=size)
        assert_accessible(page)
        page.context.close()


def test_manager_dashboard_lists_the_work_waiting(live_server, browser):
    institute = f.institute_page("한국드론연구원")
    course = f.course_page(institute, "군용드론 정비 실무")
    soon = timezone.localdate() + datetime.timedelta(days=6)
    run = f.course_run(
        course, title="2027년 1차", starts_on=soon, ends_on=soon + datetime.timedelta(days=30), capacity=24
    )
    f.enrolment(run, f.UserFactory(name_ko="김신청"), status="pending")
    lesson = f.lesson_page(course, "3차시 프로펠러 균형 점검")
    lesson.save_revision().publish()
    lesson.get_workflow().start(lesson, f.instructor_of(institute))
    manager = f.manager_of(institute)

    for size in SIZES:
        page = new_page(browser, size)
        log_in(page, live_server.url, manager)
        page.goto(f"{live_server.url}/cms/")
        requests = page.locator("#academy-enrolment-requests-section")
        expect(requests).to_contain_text("승인 대기 중인 수강신청 (1)")
        expect(requests.get_by_role("link", name="김신청 · 군용드론 정비 실무")).to_be_visible()
        expect(page.locator("#academy-pages-in-review-section")).to_contain_text("3차시 프로펠러 균형 점검")
        expect(page.locator("#academy-runs-starting-soon-section")).to_contain_text("정원 24명 중 0명")
        expect(page.locator("#academy-practicals-to-grade-section")).to_contain_text(
            "채점을 기다리는 실기평가가 없습니다."
        )
        screenshot(page, "admin-dashboard", size=size)
        page.context.close()
