"""The syllabus is rendered once per course and language and shared; each trainee's marks are their own."""

import re

import pytest
from django.utils import timezone

from courses.models import LessonProgress
from tests import factories as f

pytestmark = pytest.mark.django_db


def lesson_items(html: str) -> list[str]:
    return re.findall(r'<li class="syllabus__lesson[^"]*"[^>]*>.*?</li>', html, flags=re.S)


@pytest.fixture
def course():
    course = f.course_page(f.institute_page(), "군용드론 정비 실무")
    lessons = [f.lesson_page(course, "기체 점검 <기초>"), f.lesson_page(course, "배터리 관리")]
    return course, lessons, f.course_run(course)


def test_each_trainee_sees_their_own_marks_in_the_shared_syllabus(client, course):
    _course, lessons, run = course
    ahead, behind = f.UserFactory(), f.UserFactory()
    done = f.enrolment(run, ahead)
    f.enrolment(run, behind)
    LessonProgress.objects.create(enrolment=done, lesson=lessons[0], seconds_studied=600, completed_at=timezone.now())

    client.force_login(ahead)
    first, second = lesson_items(client.get(lessons[1].url).content.decode())
    assert "is-done" in first and "완료" in first and "is-current" not in first
    assert "is-current" in second and 'aria-current="page"' in second and "is-done" not in second

    client.force_login(behind)  # the same cached syllabus, other marks
    first, second = lesson_items(client.get(lessons[1].url).content.decode())
    assert "is-done" not in first and "완료" not in first
    assert "is-current" in second and 'aria-current="page"' in second

    first, second = lesson_items(client.get(lessons[0].url).content.decode())
    assert "is-current" in first and 'aria-current="page"' in first
    assert "is-current" not in second and "aria-current" not in second


def test_titles_stay_escaped_and_no_mark_is_left_behind(client, course):
    _course, lessons, run = course
    trainee = f.UserFactory()
    f.enrolment(run, trainee)
    client.force_login(trainee)

    html = client.get(lessons[1].url).content.decode()

    assert "기체 점검 &lt;기초&gt;" in html
    assert "\x00" not in html


def test_the_syllabus_follows_the_language(client, course):
    _course, lessons, run = course
    trainee = f.UserFactory()
    f.enrolment(run, trainee)
    client.force_login(trainee)
    assert "1차시" in client.get(lessons[1].url).content.decode()

    client.cookies["academy_language"] = "en"
    english = client.get(lessons[1].url).content.decode()

    assert "Lesson 1" in "".join(lesson_items(english))
