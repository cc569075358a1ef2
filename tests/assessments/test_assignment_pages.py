"""Assignments in the rest of the Academy: the editor's screens, the course page and /learn/, and
pages whose number of queries does not grow with the submissions."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments import assignments
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_with_assignment():
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    page = f.assignment_page(course, title="비행 계획서 과제", criteria=[("계획", 100)])
    run = f.course_run(course)
    return {"institute": institute, "course": course, "page": page, "run": run, "enrolment": f.enrolment(run)}


def test_the_editor_adds_and_edits_an_assignment_in_the_admin(client, course_with_assignment):
    course, page = course_with_assignment["course"], course_with_assignment["page"]
    client.force_login(f.manager_of(course_with_assignment["institute"]))
    add = client.get(f"/cms/pages/add/assessments/assignmentpage/{course.pk}/")
    edit = client.get(f"/cms/pages/{page.pk}/edit/")
    assert add.status_code == 200 and 'name="allowed_extensions"' in add.content.decode()
    assert edit.status_code == 200 and "criteria-0-points" in edit.content.decode()


def test_the_course_page_lists_the_assignment_and_learn_names_it_until_passed(client, course_with_assignment):
    enrolment, page = course_with_assignment["enrolment"], course_with_assignment["page"]
    client.force_login(enrolment.user)
    course_text = client.get(course_with_assignment["course"].url).content.decode()
    assert "비행 계획서 과제" in course_text and page.url in course_text
    learn = client.get(reverse("learn")).content.decode()
    assert "비행 계획서 과제" in learn  # 수료까지 남은 항목

    submission = assignments.submission_save(assignment=page, user=enrolment.user, text="계획", submit=True)
    assignments.submission_grade(
        submission=submission,
        actor=f.instructor_of(course_with_assignment["institute"]),
        criterion_scores={page.criteria.get().pk: 90},
        feedback="좋습니다",
    )
    enrolment.refresh_from_db()
    assert enrolment.status == "completed"


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_the_staff_list_and_the_trainee_page_do_not_grow_with_submissions(client, course_with_assignment):
    page, run = course_with_assignment["page"], course_with_assignment["run"]
    instructor = f.instructor_of(course_with_assignment["institute"])
    url = reverse("assignment_grading:submissions", args=[run.pk, page.pk])

    def add(n):
        for _ in range(n):
            enrolment = f.enrolment(run)
            assignments.submission_save(assignment=page, user=enrolment.user, text="답", submit=True)

    add(2)
    client.force_login(instructor)
    few = _queries(client, url)
    client.force_login(course_with_assignment["enrolment"].user)
    page_few = _queries(client, page.url)
    add(6)
    client.force_login(instructor)
    many = _queries(client, url)
    client.force_login(course_with_assignment["enrolment"].user)
    page_many = _queries(client, page.url)
    assert many == few
    assert page_many == page_few


def test_the_demo_catalog_has_an_assignment_the_demo_trainee_can_submit(client, shared_demo):
    from accounts.models import User
    from assessments.models import AssignmentPage

    page = AssignmentPage.objects.live().get(slug="flight-plan-report")
    assert page.course.slug == "flight-safety-aviation-law"  # the course the demo trainee studies
    assert page.title_en and page.due_at and page.extensions == ["pdf", "hwp", "hwpx", "docx"]
    assert sum(page.criteria.values_list("points", flat=True)) == page.max_score == 100
    client.force_login(User.objects.get(email="trainee@example.com"))
    text = client.get(page.url).content.decode()
    assert "비행 계획서 작성 과제" in text and 'value="submit"' in text
