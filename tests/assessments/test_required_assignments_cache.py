"""Required assignments come from the cache on the pages that show what is missing; cases of
copied answers are only looked up for funded runs (the only runs they are made for)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments import assignments
from courses import completion
from courses.models import Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db


def _warm_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured]


@pytest.fixture
def trainee_of_unfunded_course(client):
    course = f.course_page(f.institute_page())
    f.lesson_page(course)
    run = f.course_run(course)
    user = f.UserFactory()
    enrolment = f.enrolment(run, user=user)
    client.force_login(user)
    return course, enrolment


@pytest.mark.parametrize("url", ["course", "/learn/"])
def test_warm_pages_of_an_unfunded_run_ask_neither_assignments_nor_copied_answer_cases(
    client, trainee_of_unfunded_course, url
):
    course, _enrolment = trainee_of_unfunded_course
    sql = _warm_queries(client, course.url if url == "course" else url)

    assert not any("assessments_similaritycase" in q for q in sql), sql
    assert not any("assessments_assignmentpage" in q for q in sql), sql


def test_a_required_assignment_shows_at_once_and_leaves_at_once(client, trainee_of_unfunded_course):
    course, enrolment = trainee_of_unfunded_course
    client.get("/learn/")  # the course's (empty) list of required assignments is kept

    page = f.assignment_page(course, title="비행 전 점검 보고서", required=True)
    enrolment = Enrolment.objects.select_related("run__course").get(pk=enrolment.pk)
    assert [r.key for r in completion.missing(enrolment) if r.key.startswith("assignment:")] == [
        f"assignment:{page.pk}"
    ]
    assert "비행 전 점검 보고서" in client.get("/learn/").content.decode()

    page.unpublish()

    assert assignments.required_assignments([course]) == []
    assert not [r for r in completion.missing(enrolment) if r.key.startswith("assignment:")]


def test_required_assignments_of_several_courses_in_one_query_then_none(trainee_of_unfunded_course):
    course, _enrolment = trainee_of_unfunded_course
    other = f.course_page(f.institute_page())
    mine, theirs = f.assignment_page(course, required=True), f.assignment_page(other, required=True)
    f.assignment_page(other, required=False)

    with CaptureQueriesContext(connection) as cold:
        found = assignments.required_assignments([course, other])
    with CaptureQueriesContext(connection) as warm:
        again = assignments.required_assignments([other, course])

    expected = [page.pk for page in sorted([mine, theirs], key=lambda page: page.path)]
    assert [page.pk for page in found] == [page.pk for page in again] == expected
    assert len(cold) == 1 and len(warm) == 0
