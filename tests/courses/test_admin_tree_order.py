"""The explorer lists a course's modules and lessons in syllabus (tree) order, not by last edit."""

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def listed_titles(client, user, page, titles) -> list[str]:
    client.force_login(user)
    html = client.get(f"/cms/pages/{page.pk}/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    found = {title: html.find(title) for title in titles}
    assert all(position >= 0 for position in found.values()), found
    return sorted(titles, key=found.get)


def test_modules_and_lessons_are_listed_in_tree_order(client):
    institute = f.institute_page()
    course = f.course_page(institute)
    modules = [f.module_page(course, title) for title in ["1단원 기초 이론", "2단원 비행 실습", "3단원 정비"]]
    lessons = [f.lesson_page(modules[1], title) for title in ["가차시 이륙", "나차시 호버링", "다차시 착륙"]]
    # Edited last, so Wagtail's default order (latest revision first) would put them on top.
    for page in (modules[0], lessons[0]):
        page.save_revision().publish()
    instructor = f.instructor_of(institute)

    module_titles = [m.title for m in modules]
    lesson_titles = [lesson.title for lesson in lessons]
    assert listed_titles(client, instructor, course, module_titles) == module_titles
    assert listed_titles(client, instructor, modules[1], lesson_titles) == lesson_titles


def test_tree_order_follows_a_move(client):
    institute = f.institute_page()
    course = f.course_page(institute)
    first, second = f.module_page(course, "첫째 단원"), f.module_page(course, "둘째 단원")
    second.move(first, pos="left")

    assert listed_titles(client, f.manager_of(institute), course, ["첫째 단원", "둘째 단원"]) == [
        "둘째 단원",
        "첫째 단원",
    ]
