"""Lessons and their documents open only for enrolled trainees and the institute's staff."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_setup():
    alpha = f.institute_page("알파연구원")
    beta = f.institute_page("베타연구원")
    course = f.course_page(alpha, "군용드론 정비 실무")
    document = Document.objects.create(
        title="정비 점검표", file=ContentFile(b"%PDF-1.4 checklist", name="checklist.pdf"), collection=alpha.collection
    )
    lesson = f.lesson_page(
        course,
        "1차시 점검표",
        body=[
            {"type": "paragraph", "value": "<p>모터 베어링 점검 절차</p>"},
            {"type": "document", "value": {"document": document.pk, "title": "점검표 내려받기"}},
        ],
    )
    lesson.save_revision().publish()  # publishing updates the reference index
    run = f.course_run(course)
    return {
        "course": course,
        "lesson": lesson,
        "document": document,
        "run": run,
        "enrolled": f.enrolment(run).user,
        "pending": f.enrolment(run, status="pending").user,
        "instructor": f.instructor_of(alpha),
        "other_instructor": f.instructor_of(beta),
    }


def test_anonymous_visitor_is_asked_to_log_in(client, course_setup):
    response = client.get(course_setup["lesson"].url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("who", ["pending", "other_instructor", "stranger"])
def test_not_enrolled_users_are_sent_to_the_course_page(client, course_setup, who):
    user = f.UserFactory() if who == "stranger" else course_setup[who]
    client.force_login(user)

    response = client.get(course_setup["lesson"].url, follow=True)

    assert response.redirect_chain[-1][0] == course_setup["course"].url
    assert "모터 베어링 점검 절차" not in response.content.decode()
    assert "수강신청" in response.content.decode() or "Enrol" in response.content.decode()


@pytest.mark.parametrize("who", ["enrolled", "instructor"])
def test_enrolled_trainee_and_staff_study_the_lesson(client, course_setup, who):
    client.force_login(course_setup[who])

    response = client.get(course_setup["lesson"].url)

    text = response.content.decode()
    assert response.status_code == 200
    assert "모터 베어링 점검 절차" in text
    assert course_setup["document"].url in text


def test_document_link_works_only_for_enrolled_trainees_and_staff(client, course_setup):
    url = course_setup["document"].url

    assert client.get(url).status_code == 302  # anonymous: log in first
    for who in ("pending", "other_instructor"):
        client.force_login(course_setup[who])
        assert client.get(url).status_code == 403, who
    for who in ("enrolled", "instructor"):
        client.force_login(course_setup[who])
        response = client.get(url)
        assert response.status_code == 200, who
        assert b"".join(response.streaming_content) == b"%PDF-1.4 checklist"


def test_documents_outside_courses_stay_public(client):
    document = Document.objects.create(
        title="아카데미 안내",
        file=ContentFile(b"public leaflet", name="leaflet.pdf"),
        collection=Collection.get_first_root_node(),
    )

    response = client.get(document.url)

    assert response.status_code == 200


def test_lesson_page_has_syllabus_and_previous_next_navigation(client, course_setup):
    course = course_setup["course"]
    second = f.lesson_page(course, "2차시 모터 교체")
    third = f.lesson_page(course, "3차시 시운전")
    client.force_login(course_setup["enrolled"])

    response = client.get(second.url)

    text = response.content.decode()
    assert response.context["previous_lesson"].pk == course_setup["lesson"].pk
    assert response.context["next_lesson"].pk == third.pk
    assert 'rel="prev"' in text and 'rel="next"' in text
    assert text.count("syllabus__lesson") == 3
    assert 'aria-current="page"' in text
