"""English readers get the English fields where they are filled in, and Korean marked as such where not."""

import pytest
from django.template import Context, Template
from django.utils import translation

from tests import factories as f

pytestmark = pytest.mark.django_db

NOTE = "한국어 콘텐츠"


def paragraph(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def read(client, page, language: str) -> str:
    client.cookies["academy_language"] = language
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def course():
    course = f.course_page(
        f.institute_page(), "드론 정비 기초", title_en="Drone maintenance basics", summary_en="Keep drones flying."
    )
    course.overview = paragraph("정비 절차를 배웁니다.")
    course.overview_en = paragraph("You learn the maintenance procedures.")
    course.save_revision().publish()
    return course


def test_english_reader_sees_the_english_course(client, course):
    html = read(client, course, "en")

    assert "Drone maintenance basics" in html
    assert "Keep drones flying." in html
    assert "You learn the maintenance procedures." in html
    assert "정비 절차를 배웁니다." not in html
    assert NOTE not in html


def test_korean_reader_sees_korean_and_no_note(client, course):
    html = read(client, course, "ko")

    assert "드론 정비 기초" in html and "정비 절차를 배웁니다." in html
    assert "You learn the maintenance procedures." not in html
    assert NOTE not in html


def test_untranslated_course_falls_back_to_korean_with_a_note(client):
    course = f.course_page(f.institute_page(), "대드론 체계 개론", title_en="", summary_en="")
    course.overview = paragraph("대드론 체계의 구성을 배웁니다.")
    course.save_revision().publish()

    html = read(client, course, "en")

    assert "대드론 체계 개론" in html
    assert '<div class="stream" lang="ko" role="region"' in html
    assert "대드론 체계의 구성을 배웁니다." in html
    assert f'<span class="badge badge--warn" lang="ko">{NOTE}</span>' in html
    assert "Korean content" in html


def test_lesson_body_in_english_or_korean_with_a_note(client):
    course = f.course_page(f.institute_page())
    translated = f.lesson_page(
        course, "1차시 기체 점검", title_en="Lesson 1: airframe check", body=paragraph("기체를 점검합니다.")
    )
    translated.body_en = paragraph("Check the airframe.")
    translated.save_revision().publish()
    korean_only = f.lesson_page(course, "2차시 배터리", body=paragraph("배터리를 관리합니다."))
    staff = f.instructor_of(course.institute)
    client.force_login(staff)

    english = read(client, translated, "en")
    fallback = read(client, korean_only, "en")

    assert "Lesson 1: airframe check" in english and "Check the airframe." in english
    assert NOTE not in english
    assert "배터리를 관리합니다." in fallback and NOTE in fallback
    assert '<div class="stream" lang="ko">' in fallback


def test_run_and_venue_names_for_english_readers():
    run = f.course_run(
        f.course_page(f.institute_page()), title="2027년 1차", title_en="2027 Run 1", location="대전 유성구 교육장"
    )
    template = Template(
        '{% load academy %}{{ run|bilingual:"title" }} / {{ run|bilingual:"location" }} / {{ run.starts_on|kdate }}'
    )

    with translation.override("en"):
        english = template.render(Context({"run": run}))
        assert (
            Template('{% load academy %}{{ run|korean_fallback:"location" }}').render(Context({"run": run})) == "True"
        )
    with translation.override("ko"):
        korean = template.render(Context({"run": run}))

    with translation.override("en"):
        assert (run.display_title, run.display_location) == ("2027 Run 1", "대전 유성구 교육장")
    with translation.override("ko"):
        assert run.display_title == "2027년 1차"
    assert english.startswith("2027 Run 1 / 대전 유성구 교육장 / ")
    assert f"{run.starts_on:%b %Y}" in english
    assert korean.startswith("2027년 1차 / 대전 유성구 교육장 / ")
    assert f"{run.starts_on:%Y.%m.%d}" in korean


def test_editors_find_the_english_fields_in_their_own_tab(client, course):
    client.force_login(f.instructor_of(course.institute))
    html = client.get(f"/cms/pages/{course.pk}/edit/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()

    assert 'id="tab-label-english"' in html  # a stable id, whatever the editor's language
    for field in ["title_en", "summary_en", "overview_en", "outcomes_en"]:
        assert f'name="{field}"' in html or f'id="{field}"' in html


def test_english_reader_sees_the_runs_english_name_place_and_dates(client, course):
    import datetime

    f.course_run(
        course,
        title="2027년 1차",
        title_en="2027 Run 1",
        location="대전 유성구",
        location_en="Yuseong, Daejeon",
        starts_on=datetime.date(2099, 1, 29),
        ends_on=datetime.date(2099, 2, 26),
    )

    english = read(client, course, "en")
    assert "2027 Run 1" in english and "Yuseong, Daejeon" in english
    assert "29 Jan 2099" in english and "2027년 1차" not in english

    korean = read(client, course, "ko")
    assert "2027년 1차" in korean and "대전 유성구" in korean and "2099.01.29" in korean
