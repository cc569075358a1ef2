"""The admin dashboard shows instructors and managers the work waiting in their own institutes."""

import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.admin_panels import staff_panels as assessment_panels
from assessments.models import PracticalResult
from courses.admin_panels import staff_panels as course_panels
from tests import factories as f

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def add_work(institute, tag: str) -> dict:
    """One of each kind of waiting work in ``institute``; ``tag`` names the trainees and pages."""
    course = f.course_page(institute, f"{tag} 과정")
    started = f.course_run(course, title=f"{tag} 1차")
    soon = f.course_run(course, title=f"{tag} 2차", starts_on=days(5), ends_on=days(40), capacity=20)
    f.course_run(course, title=f"{tag} 3차", starts_on=days(20), ends_on=days(50))
    requester = f.UserFactory(name_ko=f"{tag}신청자")
    f.enrolment(soon, requester, status="pending")
    lesson = f.lesson_page(course, f"{tag} 검토 차시")
    lesson.save_revision().publish()
    lesson.get_workflow().start(lesson, f.instructor_of(institute))
    practical = f.practical_assessment(course, title=f"{tag} 비행 실기")
    f.enrolment(started, f.UserFactory(name_ko=f"{tag}응시자"))
    graded = f.enrolment(started)
    PracticalResult.objects.create(assessment=practical, enrolment=graded, score=80, passed=True)
    return {"course": course, "lesson": lesson, "soon": soon}


@pytest.fixture
def two_institutes():
    alpha, beta = f.institute_page("알파연구원"), f.institute_page("베타연구원")
    return {
        "alpha": alpha,
        "beta": beta,
        "alpha_work": add_work(alpha, "알파"),
        "beta_work": add_work(beta, "베타"),
        "alpha_manager": f.manager_of(alpha),
        "beta_instructor": f.instructor_of(beta),
    }


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get("/cms/", HTTP_ACCEPT_LANGUAGE="ko")
    assert response.status_code == 200
    return response.content.decode()


def test_manager_sees_the_work_of_their_institute_only(client, two_institutes):
    html = dashboard(client, two_institutes["alpha_manager"])

    assert "승인 대기 중인 수강신청 (1)" in html
    assert "알파신청자" in html
    assert "검토 대기 중인 페이지 (1)" in html and "알파 검토 차시" in html
    assert "14일 안에 시작하는 차수 (1)" in html and "알파 2차" in html
    assert "알파 3차" not in html  # starts in 20 days
    assert "채점할 실기평가 (1)" in html and "알파 비행 실기" in html and "1명 채점 대기" in html
    for other in ["베타신청자", "베타 검토 차시", "베타 2차", "베타 비행 실기"]:
        assert other not in html


def test_instructor_of_another_institute_never_sees_its_requests(client, two_institutes):
    html = dashboard(client, two_institutes["beta_instructor"])

    assert "베타신청자" in html and "베타 2차" in html
    assert "알파신청자" not in html and "알파 검토 차시" not in html and "알파 비행 실기" not in html


def test_panels_link_to_the_work(client, two_institutes):
    html = dashboard(client, two_institutes["alpha_manager"])
    work = two_institutes["alpha_work"]

    assert f'href="/cms/academy/runs/{work["soon"].pk}/"' in html
    assert f'href="/cms/pages/{work["lesson"].pk}/edit/"' in html
    assert 'href="/cms/academy/approvals/"' in html


def test_empty_institute_shows_empty_states(client):
    html = dashboard(client, f.instructor_of(f.institute_page("감마연구원")))

    assert "승인 대기 중인 수강신청 (0)" in html
    assert "대기 중인 수강신청이 없습니다." in html
    assert "검토를 기다리는 기관 페이지가 없습니다." in html
    assert "14일 안에 시작하는 차수가 없습니다." in html
    assert "채점을 기다리는 실기평가가 없습니다." in html


def test_trainees_get_no_staff_panels():
    request = RequestFactory().get("/cms/")
    request.user = f.UserFactory()

    assert course_panels(request) == [] and assessment_panels(request) == []


def render_panels(user) -> tuple[int, str]:
    request = RequestFactory().get("/cms/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        html = "".join(panel.render_html({}) for panel in [*course_panels(request), *assessment_panels(request)])
    return len(queries), html


def test_panels_run_a_fixed_number_of_queries(two_institutes):
    manager = two_institutes["alpha_manager"]
    before, html = render_panels(manager)
    for n in range(4):
        add_work(two_institutes["alpha"], f"추가{n}")
    manager = type(manager).objects.get(pk=manager.pk)  # forget the roles read above
    after, more_html = render_panels(manager)

    assert "(5)" in more_html  # five of each kind now
    assert after == before
    assert before <= 14
