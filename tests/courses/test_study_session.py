"""One active study session per trainee (DOMAIN-KR §1.8, 동일 ID 동시접속 방지): opening a lesson in a
second browser takes the session over; the first page's heartbeats credit nothing and say so."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from courses import services
from courses.models import LessonProgress, StudyClock
from tests import factories as f

pytestmark = pytest.mark.django_db

TAKEN_OVER = "다른 곳에서 학습 중입니다"


@pytest.fixture
def study():
    course = f.course_page(f.institute_page())
    lesson = f.lesson_page(course, minutes=5)
    course.save_revision().publish()
    enrolment = f.enrolment(f.course_run(course))
    return {"lesson": lesson, "user": enrolment.user, "enrolment": enrolment}


def open_lesson(browser: Client, lesson) -> str:
    """The lesson page in ``browser``; answers the study-session token the page was given."""
    response = browser.get(lesson.url)
    assert response.status_code == 200
    return re.search(r'data-study-session="([^"]+)"', response.content.decode()).group(1)


def rewind_clock(user, seconds: int = 15) -> None:
    """As if the last credit was ``seconds`` ago (the next heartbeat has time to credit)."""
    StudyClock.objects.filter(user=user).update(last_credited_at=timezone.now() - datetime.timedelta(seconds=seconds))


def beat(browser: Client, lesson, token: str, **extra):
    return browser.post(f"/learn/lessons/{lesson.pk}/heartbeat/", {"session": token, **extra}).json()


def seconds(study) -> int:
    return LessonProgress.objects.get(enrolment=study["enrolment"], lesson=study["lesson"]).seconds_studied


def test_opening_the_player_in_a_second_browser_stops_crediting_the_first(study):
    lesson = study["lesson"]
    first, second = Client(), Client()
    first.force_login(study["user"])
    second.force_login(study["user"])
    first_token = open_lesson(first, lesson)
    beat(first, lesson, first_token, resume="1")
    rewind_clock(study["user"])
    assert beat(first, lesson, first_token)["seconds_studied"] == 15

    second_token = open_lesson(second, lesson)
    assert second_token != first_token
    rewind_clock(study["user"])
    answer = beat(first, lesson, first_token)

    assert answer["recorded"] is False and answer["taken_over"] is True
    assert answer["message"].startswith(TAKEN_OVER)
    assert seconds(study) == 15
    beat(second, lesson, second_token, resume="1")
    rewind_clock(study["user"])
    assert beat(second, lesson, second_token)["seconds_studied"] == 30


def test_a_taken_over_page_does_not_disturb_the_new_one(study):
    """The old page's heartbeats leave the clock alone: the new page is credited its whole time."""
    lesson = study["lesson"]
    first, second = Client(), Client()
    first.force_login(study["user"])
    second.force_login(study["user"])
    first_token = open_lesson(first, lesson)
    second_token = open_lesson(second, lesson)
    beat(second, lesson, second_token, resume="1")
    rewind_clock(study["user"], 20)
    beat(first, lesson, first_token)
    beat(first, lesson, first_token, resume="1")

    assert beat(second, lesson, second_token)["seconds_studied"] == 20


def test_a_heartbeat_without_the_pages_token_credits_nothing(client, study):
    client.force_login(study["user"])
    open_lesson(client, study["lesson"])

    answer = client.post(f"/learn/lessons/{study['lesson'].pk}/heartbeat/", {"resume": "1"}).json()

    assert answer["taken_over"] is True
    assert not LessonProgress.objects.filter(enrolment=study["enrolment"]).exists()


def test_the_page_carries_the_token_and_the_message_slot(client, study):
    client.force_login(study["user"])
    html = client.get(study["lesson"].url).content.decode()

    assert "data-study-session=" in html and "data-study-session-taken" in html
    assert StudyClock.objects.get(user=study["user"]).session_token in html


def test_the_service_refuses_an_old_token(study):
    old = services.study_session_claim(user=study["user"])
    services.study_session_claim(user=study["user"])

    with pytest.raises(services.StudySessionTakenOver):
        services.progress_heartbeat(user=study["user"], lesson=study["lesson"], session=old)
