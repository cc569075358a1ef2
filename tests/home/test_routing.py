"""The route cache (home/routing.py) and the cached course structure: fewer queries, never stale.

Every cached route is checked against the page's row on use, and any change to a page, a site or a
view restriction starts a new generation: these tests change each in turn between two requests.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def studying(client):
    institute = f.institute_page()
    course = f.course_page(institute, "군용드론 정비 실무")
    lessons = [f.lesson_page(course, "1차시 기체 점검"), f.lesson_page(course, "2차시 배터리 관리")]
    trainee = f.UserFactory()
    f.enrolment(f.course_run(course), trainee)
    client.force_login(trainee)
    return course, lessons


def without_csrf_tokens(content: bytes) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content.decode())


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [q["sql"] for q in captured]


def test_a_second_visit_skips_site_route_restrictions_and_course_queries(client, studying):
    course, lessons = studying
    first, cold = queries(client, lessons[0].url)
    second, warm = queries(client, lessons[0].url)

    assert first.status_code == second.status_code == 200
    assert without_csrf_tokens(second.content) == without_csrf_tokens(first.content)
    assert not any("wagtailcore_site" in sql for sql in warm)
    assert not any("wagtailcore_pageviewrestriction" in sql for sql in warm)
    # The lesson's own row, the trainee, the enrolment and the progress: nothing else.
    assert len(warm) <= 4, warm
    assert len(cold) > len(warm)


def test_an_unpublished_lesson_is_gone_at_once(client, studying):
    _course, lessons = studying
    client.get(lessons[0].url)

    lessons[0].unpublish()

    assert client.get(lessons[0].url).status_code == 404


def test_a_moved_page_answers_at_its_new_address(client, studying):
    course, lessons = studying
    old_url = lessons[1].url
    client.get(old_url)
    module = f.module_page(course, "2단원")

    lessons[1].move(module, pos="last-child")
    lessons[1].refresh_from_db()

    old = client.get(old_url)  # Wagtail's redirects app leaves a permanent redirect behind
    assert old.status_code == 301
    assert old["Location"] == lessons[1].url
    new = client.get(lessons[1].url)
    assert new.status_code == 200
    assert "2차시 배터리 관리" in new.content.decode()


def test_a_deleted_page_is_gone_at_once(client, studying):
    _course, lessons = studying
    url = lessons[1].url
    client.get(url)

    Page.objects.get(pk=lessons[1].pk).delete()

    assert client.get(url).status_code == 404


def test_a_new_view_restriction_applies_at_once(client, studying):
    course, lessons = studying
    client.logout()
    assert client.get(course.url).status_code == 200

    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(course.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_changed_site_root_applies_at_once(client, studying):
    course, _lessons = studying
    client.logout()
    assert "page-home" in client.get("/").content.decode()

    site = Site.objects.get(is_default_site=True)
    site.root_page = course
    site.save()

    home = client.get("/").content.decode()
    assert "page-course" in home
    assert "page-home" not in home


def test_a_published_lesson_joins_the_syllabus_at_once(client, studying):
    course, lessons = studying
    assert "3차시 비행 전 점검" not in client.get(lessons[0].url).content.decode()

    f.lesson_page(course, "3차시 비행 전 점검").save_revision().publish()

    assert "3차시 비행 전 점검" in client.get(lessons[0].url).content.decode()


def test_a_renamed_course_shows_on_its_lessons_at_once(client, studying):
    course, lessons = studying
    client.get(lessons[0].url)

    course.title = "군용드론 정비 실무 (개정판)"
    course.save_revision().publish()

    assert "군용드론 정비 실무 (개정판)" in client.get(lessons[0].url).content.decode()
