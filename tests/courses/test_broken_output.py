"""Output a first-time visitor saw broken: a table printed as a Python dict, "None차시" in a lesson
preview, a started run offered as the next one (다음 차수), a syllabus numbered by modules, dates in
three formats."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.utils import timezone, translation

from tests import factories as f

pytestmark = pytest.mark.django_db

TABLE = {
    "type": "table",
    "value": {
        "caption": "배터리 점검 기준",
        "table": {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [["항목", "기준"], ["셀 전압", "3.7V 이상"]],
        },
    },
}


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def course():
    institute = f.institute_page("한국드론연구원")
    return f.course_page(institute, "군용드론 정비 실무")


def test_a_table_block_renders_as_an_html_table(client, course):
    lesson = f.lesson_page(course, "배터리 점검", body=[TABLE])
    trainee = f.enrolment(f.course_run(course)).user
    client.force_login(trainee)

    page = soup(client.get(lesson.url))

    table = page.select_one(".block-table table")
    assert table is not None
    assert [th.get_text(strip=True) for th in table.select("th")] == ["항목", "기준"]
    assert "3.7V 이상" in table.get_text()
    assert "first_row_is_table_header" not in page.get_text()


def test_a_lesson_preview_shows_its_real_number(course):
    f.lesson_page(course, "기체 점검")
    draft = f.lesson_page(course, "배터리 관리")
    f.lesson_page(course, "비행 전 점검")
    draft.live = False
    draft.save()
    request = RequestFactory().get(draft.url)
    request.user = f.instructor_of(course.get_parent().specific)

    with translation.override("ko"):
        text = draft.serve_preview(request, "").render().content.decode()

    assert "None" not in text
    assert "2차시" in BeautifulSoup(text, "html.parser").select_one(".lesson-main").get_text()


def test_the_next_run_on_a_card_has_not_started(client, course):
    today = timezone.localdate()
    f.course_run(course, title="2026년 1차", starts_on=today - datetime.timedelta(days=3))
    f.course_run(
        course,
        title="2027년 1차",
        starts_on=datetime.date(today.year + 1, 1, 29),
        ends_on=datetime.date(today.year + 1, 3, 1),
    )

    card = soup(client.get("/courses/")).select_one(".course-card").get_text(" ", strip=True)

    assert f"다음 차수: {today.year + 1}.01.29" in card


def test_a_run_under_way_is_never_called_the_next_run(client, course):
    f.course_run(course, starts_on=timezone.localdate() - datetime.timedelta(days=3))

    card = soup(client.get("/courses/")).select_one(".course-card").get_text(" ", strip=True)

    assert "다음 차수" not in card
    assert "진행 중" in card


def test_syllabus_numbers_count_lessons_not_modules(client, course):
    first, second = f.module_page(course, "1단원"), f.module_page(course, "2단원")
    f.lesson_page(first, "기체 점검")
    f.lesson_page(first, "배터리 관리")
    f.lesson_page(second, "비행 전 점검")

    page = soup(client.get(course.url))

    numbers = []
    for ol in page.select("#syllabus ol"):
        assert not ol.select(":scope > li.syllabus__module"), "a module takes a list number"
        ordinal = int(ol.get("start", 1))
        for li in ol.find_all("li", recursive=False):
            ordinal = int(li.get("value", ordinal))
            label = li.select_one(".syllabus__number").get_text(strip=True)
            assert label == f"{ordinal}차시"
            numbers.append(ordinal)
            ordinal += 1
    assert numbers == [1, 2, 3]
    assert [h.get_text(strip=True) for h in page.select("#syllabus .syllabus__module")] == ["1단원", "2단원"]


def test_run_dates_are_written_the_korean_way_and_the_english_way(client, course):
    f.course_run(course, starts_on=datetime.date(2099, 1, 29), ends_on=datetime.date(2099, 3, 5))

    korean = soup(client.get(course.url)).select_one(".course-side").get_text(" ", strip=True)
    client.cookies["academy_language"] = "en"
    english = soup(client.get(course.url)).select_one(".course-side").get_text(" ", strip=True)

    assert "2099.01.29 – 2099.03.05" in korean
    assert "29 Jan 2099 – 5 Mar 2099" in english
    assert not re.search(r"2099\. ?1\. ?29|1월", korean)
