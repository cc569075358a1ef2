"""나의 강의실 (/learn/): the trainee's own enrolments, requests, waitlists and completions."""

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_dashboard_lists_each_kind_of_enrolment(client):
    institute = f.institute_page()
    trainee = f.UserFactory()
    studying = f.course_page(institute, "군용드론 정비 실무")
    lessons = [f.lesson_page(studying, "1차시 안전"), f.lesson_page(studying, "2차시 모터")]
    active = f.enrolment(f.course_run(studying), user=trainee, progress_percent=50)
    from django.utils import timezone

    from courses.models import LessonProgress

    LessonProgress.objects.create(enrolment=active, lesson=lessons[0], completed_at=timezone.now())
    f.enrolment(f.course_run(f.course_page(institute, "승인 과정")), user=trainee, status="pending")
    full_run = f.course_run(f.course_page(institute, "인기 과정"), capacity=1)
    f.enrolment(full_run, status="waitlisted", waitlisted_at=timezone.now() - timezone.timedelta(hours=1))
    f.enrolment(full_run, user=trainee, status="waitlisted", waitlisted_at=timezone.now())
    f.enrolment(
        f.course_run(f.course_page(institute, "완료 과정")),
        user=trainee,
        status="completed",
        completed_at=timezone.now(),
    )
    f.enrolment(f.course_run(f.course_page(institute, "남의 과정")))
    client.force_login(trainee)

    response = client.get("/learn/")

    text = response.content.decode()
    assert 'value="50"' in text  # the progress bar
    assert "2차시 모터" in text  # continue with the first lesson not done
    assert "승인 과정" in text and "승인 대기" in text
    assert "인기 과정" in text and "대기순번 2번" in text
    assert "완료 과정" in text and "수료일" in text
    assert "남의 과정" not in text


def test_dashboard_needs_login(client):
    response = client.get("/learn/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
