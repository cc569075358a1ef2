"""Catalog, course, lesson and 나의 강의실 pages run a number of queries that does not grow with the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import CoursePrerequisite
from tests import factories as f

pytestmark = pytest.mark.django_db


def count_queries(client, url, *, cold: bool = False) -> int:
    """Queries for one request; warm by default (caches filled by an earlier request), or cold."""
    from django.core.cache import cache

    client.get(url)
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_courses(institute, n):
    courses = []
    for _ in range(n):
        course = f.course_page(institute)
        run = f.course_run(course, capacity=30)
        f.enrolment(run)
        courses.append(course)
    return courses


def test_catalog_queries_do_not_grow_with_courses(client):
    institute = f.institute_page()
    add_courses(institute, 10)
    client.force_login(f.UserFactory())
    client.get("/courses/")  # warm caches (site root paths)
    small = count_queries(client, "/courses/")

    add_courses(f.institute_page(), 290)
    large = count_queries(client, "/courses/")
    filtered = count_queries(client, "/courses/?q=과정&category=piloting&page=3")

    assert small == large, (small, large)
    assert filtered <= large + 1
    assert large <= 15


def build_course(lessons: int, runs: int):
    institute = f.institute_page()
    course = f.course_page(institute)
    prerequisite = f.course_page(institute)
    CoursePrerequisite.objects.create(course=course, prerequisite=prerequisite)
    module = f.module_page(course)
    pages = [f.lesson_page(module if i % 2 else course, minutes=5) for i in range(lessons)]
    all_runs = [f.course_run(course, capacity=40, title=f"{i}차") for i in range(runs)]
    for run in all_runs:
        for _ in range(3):
            f.enrolment(run)
    return course, pages, all_runs


@pytest.mark.parametrize("as_trainee", [False, True])
def test_course_page_queries_do_not_grow_with_lessons_or_runs(client, as_trainee):
    small_course, _, small_runs = build_course(lessons=2, runs=1)
    large_course, _, large_runs = build_course(lessons=30, runs=10)
    if as_trainee:
        user = f.UserFactory()
        f.enrolment(small_runs[0], user=user)
        f.enrolment(large_runs[0], user=user)
        client.force_login(user)
    client.get(small_course.url)

    small = count_queries(client, small_course.url)
    large = count_queries(client, large_course.url)
    small_cold = count_queries(client, small_course.url, cold=True)
    large_cold = count_queries(client, large_course.url, cold=True)

    assert small == large, (small, large)
    assert small_cold == large_cold, (small_cold, large_cold)
    assert large <= 15


def test_lesson_page_queries_do_not_grow_with_lessons(client):
    small_course, small_lessons, small_runs = build_course(lessons=2, runs=1)
    large_course, large_lessons, large_runs = build_course(lessons=30, runs=3)
    user = f.UserFactory()
    f.enrolment(small_runs[0], user=user)
    f.enrolment(large_runs[0], user=user)
    client.force_login(user)
    client.get(small_lessons[0].url)

    small = count_queries(client, small_lessons[1].url)
    large = count_queries(client, large_lessons[15].url)
    small_cold = count_queries(client, small_lessons[1].url, cold=True)
    large_cold = count_queries(client, large_lessons[15].url, cold=True)

    assert small == large, (small, large)
    assert small_cold == large_cold, (small_cold, large_cold)
    assert large <= 15


def test_my_learning_queries_do_not_grow_with_enrolments(client):
    user = f.UserFactory()
    client.force_login(user)

    def enrol_in_new_courses(n):
        for i in range(n):
            course, _, runs = build_course(lessons=3, runs=1)
            status = ["active", "pending", "waitlisted", "completed", "rejected"][i % 5]
            f.enrolment(runs[0], user=user, status=status, waitlisted_at=runs[0].created_at)

    enrol_in_new_courses(5)
    client.get("/learn/")
    small = count_queries(client, "/learn/")
    enrol_in_new_courses(20)
    large = count_queries(client, "/learn/")

    assert small == large, (small, large)


def test_warm_lesson_page_is_five_queries_and_no_site_lookup(client):
    """A trainee's lesson page, caches warm: the user, the route cache's check that the page is
    still live at its address (``wagtailcore_page`` alone), the enrolment, the claim of the
    trainee's one study session (one UPDATE of the study clock, DOMAIN-KR §1.8) and the progress
    rows. The page itself comes from the cache; its links from the cached course structure, so
    Wagtail never looks up the request's site."""
    _course, lessons, runs = build_course(lessons=5, runs=1)
    user = f.UserFactory()
    f.enrolment(runs[0], user=user)
    client.force_login(user)
    url = lessons[2].url
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    tables = [q["sql"].split(" FROM ", 1)[1].split()[0] for q in queries.captured_queries if " FROM " in q["sql"]]
    assert len(writes) == 1 and writes[0].startswith('UPDATE "courses_studyclock"'), writes
    assert '"wagtailcore_site"' not in tables, tables
    assert not any(table.startswith('"courses_') and "page" in table for table in tables), tables
    assert len(tables) <= 4 and len(queries) <= 5, tables
    html = response.content.decode()
    in_tree_order = sorted(lessons, key=lambda lesson: lesson.path)
    index = in_tree_order.index(lessons[2])
    assert f'rel="prev" class="button button--secondary" href="{in_tree_order[index - 1].url}"' in html
    assert f'rel="next" class="button button--secondary" href="{in_tree_order[index + 1].url}"' in html
    assert f'<li><a href="{_course.url}">' in html


@pytest.mark.parametrize("logged_in", [False, True])
def test_warm_course_page_and_my_learning_do_not_look_up_the_site(client, logged_in):
    """Links to pages (``{% page_url %}``) take the request's site from the cache: no
    ``wagtailcore_site`` query on a warm Wagtail page or on 나의 강의실."""
    course, _lessons, runs = build_course(lessons=3, runs=1)
    urls = [course.url, "/courses/"]
    if logged_in:
        user = f.UserFactory()
        f.enrolment(runs[0], user=user)
        client.force_login(user)
        urls.append("/learn/")
    for url in urls:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        assert not any("wagtailcore_site" in q["sql"] for q in queries.captured_queries), url
        assert course.url in response.content.decode() or url == course.url
