"""In Chromium at desktop (1366×900) and phone (390×844) size: the layouts of the course, lesson,
catalog, quiz and /learn/ pages show what a user needs where they look first."""

import datetime

import pytest
from playwright.sync_api import expect

from courses.models import LessonProgress
from tests import factories as f
from tests.support.browser import SIZES, log_in, new_page

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]

TABLE = {
    "type": "table",
    "value": {
        "caption": "배터리 점검 기준",
        "table": {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [["항목", "기준"], ["셀 전압", "3.7V 이상"], ["부풀음", "없음"]],
        },
    },
}
LONG_TEXT = [{"type": "paragraph", "value": "<p>" + "기체 점검 절차를 단계별로 익힙니다. " * 40 + "</p>"}] * 4


def box(locator) -> dict:
    return locator.bounding_box()


def no_sideways_scroll(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def course():
    institute = f.institute_page("한국드론연구원")
    course = f.course_page(
        institute,
        "군용드론 정비 실무",
        summary="정비 단계와 기록 관리, 기체·프로펠러·모터·배선 점검, 센서 교정까지 실습 중심으로 다룹니다. " * 2,
        overview=LONG_TEXT,
    )
    module = f.module_page(course, "1단원 기체 점검")
    lessons = [
        f.lesson_page(module, "기체 외관 점검", body=[*LONG_TEXT[:1], TABLE]),
        f.lesson_page(module, "배터리 관리", minutes=1, body=LONG_TEXT),
    ]
    f.lesson_page(f.module_page(course, "2단원 시험비행"), "시험비행 절차")
    run = f.course_run(
        course,
        capacity=20,
        title="2099년 1차",
        starts_on=datetime.date(2099, 1, 29),
        ends_on=datetime.date(2099, 3, 5),
    )
    return {"course": course, "lessons": lessons, "run": run}


def test_course_page_shows_runs_and_the_enrol_button_first(live_server, browser, course):
    trainee = f.UserFactory()
    for size in SIZES:
        page = new_page(browser, size)
        log_in(page, live_server.url, trainee)
        page.goto(f"{live_server.url}{course['course'].url}")

        side = page.locator(".course-side")
        expect(side).to_contain_text("2099.01.29 – 2099.03.05")
        expect(side).to_contain_text("잔여 20석")
        button = side.get_by_role("button", name="수강신청")
        expect(button).to_be_visible()
        if size == "desktop":
            assert box(button)["y"] + box(button)["height"] <= 900, "the enrol button is below the first screen"
            assert box(side)["x"] > box(page.locator("h1"))["x"] + 400, "the runs panel is not beside the content"
        else:
            # On a phone the runs come right under the title, before the overview and syllabus.
            assert box(page.locator("h1"))["y"] < box(side)["y"] < box(page.locator("#syllabus"))["y"]
            assert no_sideways_scroll(page)
        page.context.close()


def test_lesson_page_puts_the_lesson_first_and_counts_study_time(live_server, browser, course):
    lesson = course["lessons"][1]
    enrolment = f.enrolment(course["run"])
    LessonProgress.objects.create(enrolment=enrolment, lesson=lesson, seconds_studied=50)
    for size in SIZES:
        page = new_page(browser, size)
        log_in(page, live_server.url, enrolment.user)
        page.goto(f"{live_server.url}{lesson.url}")

        heading = page.get_by_role("heading", level=1, name="배터리 관리")
        syllabus = page.locator("details.lesson-syllabus")
        if size == "phone":
            assert box(heading)["y"] + box(heading)["height"] <= 844, "the lesson's heading is below the first screen"
            expect(syllabus.locator("#syllabus")).to_be_hidden()
            syllabus.locator("summary").click()
            expect(syllabus.get_by_role("link", name="기체 외관 점검")).to_be_visible()
            assert no_sideways_scroll(page)
        else:
            expect(syllabus.get_by_role("link", name="기체 외관 점검")).to_be_visible()
            assert box(syllabus)["x"] > box(heading)["x"] + 400, "the syllabus is not beside the lesson"

        # The study-time bar in mm:ss of the required minute; the finish button waits for it.
        expect(page.locator(".study-time")).to_contain_text("/ 01:00")
        finish = page.get_by_role("button", name="학습 완료")
        if size == "desktop":
            expect(page.locator("[data-studied-time]")).to_have_text("00:50")
            expect(finish).to_be_disabled()
            expect(page.locator(".lesson-complete")).to_contain_text("00:10")
            # The next heartbeat (every 15 s) brings the time to the minute: the bar fills, the button opens.
            expect(finish).to_be_enabled(timeout=40_000)
            expect(page.locator("[data-studied-time]")).to_have_text("01:00")
            assert page.locator("[data-studied-bar]").evaluate("bar => bar.value") == 60
        page.context.close()


def test_a_table_block_shows_as_a_table(live_server, browser, course):
    enrolment = f.enrolment(course["run"])
    for size in SIZES:
        page = new_page(browser, size)
        log_in(page, live_server.url, enrolment.user)
        page.goto(f"{live_server.url}{course['lessons'][0].url}")

        table = page.locator(".block-table table")
        expect(table).to_be_visible()
        expect(table.get_by_role("columnheader")).to_have_text(["항목", "기준"])
        expect(table.get_by_role("cell", name="3.7V 이상")).to_be_visible()
        expect(page.locator(".block-table figcaption")).to_have_text("배터리 점검 기준")
        page.context.close()


def test_catalog_filters_fold_on_a_phone_and_sort_by_title(live_server, browser, course):
    institute = course["course"].get_parent().specific
    f.course_page(institute, "가상 비행 훈련")
    for size in SIZES:
        page = new_page(browser, size)
        page.goto(f"{live_server.url}/courses/")
        toggle = page.get_by_role("button", name="필터")
        level = page.get_by_label("수준")
        first_card = page.locator(".course-card").first
        if size == "phone":
            expect(toggle).to_be_visible()
            expect(level).to_be_hidden()
            assert box(first_card)["y"] < 844, "no course on the first phone screen"
            toggle.click()
            expect(toggle).to_have_attribute("aria-expanded", "true")
            expect(level).to_be_visible()
            assert no_sideways_scroll(page)
        else:
            expect(toggle).to_be_hidden()
            rows = {
                round(box(page.get_by_label(name))["y"]) for name in ("교육기관", "분야", "수준", "교육 방식", "정렬")
            }
            assert len(rows) == 1, "the filters are not in one row"
        page.get_by_label("정렬").select_option("title")
        page.get_by_role("button", name="검색").click()
        page.wait_for_url("**sort=title**")
        expect(page.locator(".course-card h3")).to_have_text(["가상 비행 훈련", "군용드론 정비 실무"])
        page.context.close()


def test_quiz_timer_stays_on_screen_and_counts_answers(live_server, browser, course):
    bank = f.question_bank(course["course"].get_parent().specific, course["course"])
    questions = [f.question(bank, text=f"{n}번째 점검 항목으로 옳은 것은? " + "설명 " * 60) for n in range(1, 9)]
    quiz = f.quiz_page(course["course"], questions, time_limit_minutes=20)
    enrolment = f.enrolment(course["run"])
    for answered, size in enumerate(SIZES):  # the phone continues the attempt the desktop started
        page = new_page(browser, size)
        log_in(page, live_server.url, enrolment.user)
        page.goto(f"{live_server.url}{quiz.url}")
        if answered == 0:
            page.get_by_role("button", name="응시 시작").click()
        else:
            page.locator("a[href*='/learn/attempts/']").first.click()
        page.wait_for_url("**/learn/attempts/**")

        count = page.locator(".attempt-count")
        expect(count).to_have_text(f"{answered}/8 문항 답함")
        # Each question is numbered once: by its own label, not again by the list.
        assert page.locator(".question").first.evaluate("li => getComputedStyle(li).listStyleType") == "none"
        expect(page.locator(".question__number")).to_have_count(8)

        page.locator(".question").nth(answered).get_by_label("정답").check()
        expect(count).to_have_text(f"{answered + 1}/8 문항 답함")
        expect(page.locator(".question-nav a").nth(answered)).to_have_class("is-answered")

        page.locator(".question").last.scroll_into_view_if_needed()
        timer = page.locator(".attempt-timer")
        expect(timer).to_be_in_viewport()
        assert 0 <= box(timer)["y"] < 200, "the timer scrolled away"
        page.locator(".question-nav a").nth(4).click()
        expect(page.locator("#question-5")).to_be_in_viewport()
        if size == "phone":
            assert no_sideways_scroll(page)
        page.context.close()


def test_learn_tables_become_cards_on_a_phone(live_server, browser):
    institute = f.institute_page("국방보안교육원")
    trainee = f.UserFactory()
    for title in ("방산기술보호 보안교육", "국방 품질경영 기초"):
        run = f.course_run(f.course_page(institute, title, enrolment_policy="approval"), title="2099년 1차")
        f.enrolment(run, trainee, status="pending")
    page = new_page(browser, "phone")
    log_in(page, live_server.url, trainee)
    page.goto(f"{live_server.url}/learn/")

    table = page.locator("table.stack")
    expect(table.locator("thead")).not_to_be_in_viewport()
    cell = table.locator("td[data-label='차수']").first
    assert cell.evaluate("td => getComputedStyle(td, '::before').content") == '"차수"'
    assert no_sideways_scroll(page)
    header = page.locator("th").first
    assert header.evaluate("th => getComputedStyle(th).whiteSpace") == "nowrap"
