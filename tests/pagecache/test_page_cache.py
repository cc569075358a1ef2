"""Anonymous visitors get public catalog pages from the whole-page cache; nobody else does."""

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return f.course_page(f.institute_page(), "군용드론 정비 실무")


def test_anonymous_catalog_and_course_pages_are_cached(client, course):
    for url in ("/courses/", course.url):
        first = client.get(url)
        second = client.get(url)
        assert first["X-Academy-Cache"] == "miss", url
        assert second["X-Academy-Cache"] == "hit", url
        assert second.content == first.content
        assert second["X-Frame-Options"] == "DENY"  # the outer middleware still applies


def test_each_language_has_its_own_copy(client, course):
    client.get("/courses/")
    client.cookies["academy_language"] = "en"

    response = client.get("/courses/")

    assert response["X-Academy-Cache"] == "miss"
    assert '<html lang="en">' in response.content.decode()


def test_logged_in_users_never_get_the_cache(client, course):
    client.get(course.url)
    client.force_login(f.UserFactory(name_ko="김개인"))

    response = client.get(course.url)

    assert "X-Academy-Cache" not in response
    assert "김개인" in response.content.decode()


def test_publishing_a_page_shows_at_once(client, course):
    client.get(course.url)
    course.title = "군용드론 정비 실무 (개정)"
    course.save_revision().publish()

    response = client.get(course.url)

    assert response["X-Academy-Cache"] == "miss"
    assert "(개정)" in response.content.decode()


def test_pages_with_forms_are_not_cached(client):
    client.get("/accounts/login/")

    assert "X-Academy-Cache" not in client.get("/accounts/login/")


def test_lessons_are_never_cached(client, course):
    lesson = f.lesson_page(course)
    user = f.enrolment(f.course_run(course)).user
    client.force_login(user)
    client.get(lesson.url)

    assert "X-Academy-Cache" not in client.get(lesson.url)


def test_logged_in_catalog_reuses_the_rendered_cards_until_a_page_is_published(client, course):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(f.UserFactory())
    client.get("/courses/")
    with CaptureQueriesContext(connection) as warm:
        text = client.get("/courses/").content.decode()
    assert "군용드론 정비 실무" in text
    assert not any("courses_courserun" in q["sql"] for q in warm)  # cards came from the cache

    f.course_page(course.get_parent().specific, "대드론 체계 개론").save_revision().publish()

    assert "대드론 체계 개론" in client.get("/courses/").content.decode()
