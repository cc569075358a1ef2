"""In Chromium: an instructor writes a lesson and submits it; a manager of the institute publishes it."""

import re

import pytest

from courses.models import LessonPage
from tests import factories as f
from tests.conftest import wait_for

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]


def log_in(page, base_url, email):
    page.goto(f"{base_url}/accounts/login/?next=/cms/")
    page.get_by_label("이메일").fill(email)
    page.get_by_label("비밀번호").fill(f.PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(re.compile(r".*/cms/$"))


def log_out(page, base_url):
    page.context.clear_cookies()


def test_instructor_writes_and_submits_a_lesson_and_the_manager_publishes_it(live_server, page):
    institute = f.institute_page("한국드론연구원")
    course = f.course_page(institute, "군용드론 정비 실무")
    instructor = f.instructor_of(institute, email="instructor.e2e@example.com")
    f.manager_of(institute, email="manager.e2e@example.com")
    base = live_server.url

    log_in(page, base, instructor.email)
    page.goto(f"{base}/cms/pages/add/courses/lessonpage/{course.pk}/")
    page.locator("#id_title").fill("3차시 프로펠러 균형 점검")
    page.locator("#id_study_minutes").fill("15")
    page.locator("[data-streamfield-stream-container] button[title='Insert a block'], .c-sf-add-button").first.click()
    page.get_by_role("option", name="본문").click()
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    page.keyboard.type("프로펠러의 정적 균형을 점검하는 절차를 익힙니다.")
    page.wait_for_timeout(500)
    page.locator("#id_title").click()  # leave the editor so Draftail serialises its content
    page.locator("[data-w-dropdown-target='toggle'], .dropdown-toggle").last.click()
    page.locator("button[name='action-submit']").click()
    page.wait_for_url(f"{base}/cms/pages/{course.pk}/")

    lesson = LessonPage.objects.get(title="3차시 프로펠러 균형 점검")
    assert not lesson.live
    assert lesson.current_workflow_state is not None

    log_out(page, base)
    log_in(page, base, "manager.e2e@example.com")
    page.goto(f"{base}/cms/pages/{lesson.pk}/edit/")
    page.locator("[data-w-dropdown-target='toggle'], .dropdown-toggle").last.click()
    page.get_by_role("button", name="승인 후 게시", exact=True).click()

    wait_for(lambda: LessonPage.objects.filter(pk=lesson.pk, live=True).exists(), message="the lesson to go live")
    lesson.refresh_from_db()
    assert "프로펠러의 정적 균형" in str(lesson.body)
