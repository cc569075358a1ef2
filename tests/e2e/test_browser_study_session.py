"""In Chromium: one active study session per trainee (DOMAIN-KR §1.8). The lesson opened in a second
browser takes the session over; the first page says so and stops sending heartbeats."""

import pytest

from courses.models import LessonProgress
from tests import factories as f
from tests.conftest import wait_for
from tests.support.browser import log_in, new_page

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]


def test_opening_the_lesson_in_a_second_browser_stops_the_first(live_server, browser):
    course = f.course_page(f.institute_page(), "드론 비행 안전")
    lesson = f.lesson_page(course, "1차시 비행 전 점검", minutes=10)
    course.save_revision().publish()
    enrolment = f.enrolment(f.course_run(course))
    base = live_server.url

    first = new_page(browser)
    log_in(first, base, enrolment.user)
    first.goto(f"{base}{lesson.url}")
    wait_for(lambda: LessonProgress.objects.filter(lesson=lesson).exists(), message="the first page's heartbeat")
    notice = first.locator("[data-study-session-taken]")
    assert notice.is_hidden()

    second = new_page(browser)
    log_in(second, base, enrolment.user)
    second.goto(f"{base}{lesson.url}")

    # The first page's next heartbeat (every 15 s) is answered taken_over: it shows why and stops.
    notice.wait_for(state="visible", timeout=40_000)
    assert "다른 곳에서 학습 중입니다" in notice.inner_text()
    assert second.locator("[data-study-session-taken]").is_hidden()
    first.context.close()
    second.context.close()
