"""In Chromium: the demo trainee enrols, studies two lessons, and sees progress move and the missing list shrink."""

import pytest
from django.core.management import call_command

from courses.models import CoursePage, LessonPage, LessonProgress
from home.demo.people import DEFAULT_DEMO_PASSWORD
from tests.conftest import wait_for

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]


def missing_items(page):
    return page.locator(".missing-list li").count()


def test_demo_trainee_enrols_and_studies_two_lessons(live_server, page):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    course = CoursePage.objects.get(slug="mission-sw-px4-ardupilot")
    lessons = list(course.lessons())
    # The first two lessons need no minimum time here, so the test does not wait half an hour.
    LessonPage.objects.filter(pk__in=[lessons[0].pk, lessons[1].pk]).update(study_minutes=0)
    CoursePage.objects.filter(pk=course.pk).update(min_progress_percent=30)
    base = live_server.url

    page.goto(f"{base}/accounts/login/")
    page.get_by_label("이메일").fill("trainee@example.com")
    page.get_by_label("비밀번호").fill(DEFAULT_DEMO_PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(f"{base}/learn/")

    page.goto(f"{base}{course.url}")
    page.get_by_role("button", name="수강신청").first.click()
    page.wait_for_url(f"{base}{course.url}")
    assert "수강신청이 완료되었습니다" in page.content()
    assert page.locator("aside progress").get_attribute("value") == "0"
    missing_before = missing_items(page)
    assert missing_before >= 1
    assert "진도율 30% 이상 (현재 0%)" in page.content()

    page.get_by_role("link", name="이어서 학습하기").click()
    page.wait_for_url(f"{base}{lessons[0].url}")
    # The lesson page reports study time by itself while it is on screen.
    wait_for(lambda: LessonProgress.objects.filter(lesson=lessons[0]).exists(), message="the first heartbeat")
    page.get_by_role("button", name="학습 완료").click()
    page.wait_for_url(f"{base}{lessons[1].url}")
    assert "차시를 완료했습니다" in page.content()
    page.get_by_role("button", name="학습 완료").click()
    page.wait_for_url(f"{base}{lessons[2].url}")

    page.goto(f"{base}{course.url}")
    assert page.locator("aside progress").get_attribute("value") == "33"
    assert missing_items(page) < missing_before
    assert "진도율 30% 이상 (현재 0%)" not in page.content()
