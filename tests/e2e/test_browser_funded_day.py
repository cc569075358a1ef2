"""In Chromium, on the demo's funded run (사업주훈련, issue 16): a trainee's day and the instructor's screens.

The trainee logs in, reads 나의 강의실 (the 차시 table, 오늘 학습 N/8차시, the 평가 rows), the 학습 유의사항
page, finishes a 차시 on heartbeats, sees the 진행단계평가 open at 50 %, then — after the rest of the day's
study — the 최종평가 and the 과제 at 80 % and the ninth 차시 of the day refused; answers the 만족도 설문,
submits the 과제 (text and a file) and reads the 수료 조건 현황. The instructor grades a 과제, reads the
모사답안 queue and a case, and the run's survey results.

Study on earlier days (and the rest of today) is recorded as the heartbeat leaves it
(``tests.support.funded.studied``); the 차시 studied in the browser is credited by its own heartbeats.
Every page is saved at desktop and phone size under ``var/screenshots/funded-*``.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from assessments import assignments
from assessments.models import AssignmentPage, AssignmentSubmission, QuizPage, SimilarityCase, SurveyPage
from courses import services as course_services
from courses.models import CourseRun, Enrolment, LessonPage, LessonProgress
from courses.progress_rule import kst_date
from tests import factories as f
from tests.support.browser import assert_accessible, log_in, new_page, screenshot
from tests.support.funded import CAP_WORDING, studied

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]

SLUG = "drone-operations-safety-funded"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ANSWER = (
    "위험요인: 돌풍, 배터리 과방전, 통신 두절, 조류 충돌, 관제권 침범. "
    "각 위험요인의 발생 가능성과 심각도를 5단계로 평가하고, 허용 풍속 초과 시 비행 중단, "
    "배터리 30% 귀환, 페일세이프 귀환 설정, 관제 기관 사전 협조를 통제대책으로 정했습니다."
)


def load_demo() -> dict:
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    run = CourseRun.objects.get(course__slug=SLUG, emp_ins_flag__gt=0)
    course = run.course
    return {
        "run": run,
        "course": course,
        "lessons": list(LessonPage.objects.live().descendant_of(course).filter(required=True).order_by("path")),
        "progress_test": QuizPage.objects.live().descendant_of(course).get(kind="progress"),
        "final_test": QuizPage.objects.live().descendant_of(course).get(kind="final"),
        "survey": SurveyPage.objects.live().child_of(course).get(),
        "assignment": AssignmentPage.objects.live().child_of(course).get(),
    }


def study(enrolment: Enrolment, lessons: list[LessonPage], day: datetime.date, *, seconds: int, finished=True) -> None:
    """``lessons`` credited on ``day`` as the heartbeat leaves them; a finished one is complete (100 %)."""
    studied(enrolment, lessons, day, seconds=seconds, finished=finished)
    if finished:
        LessonProgress.objects.filter(enrolment=enrolment, lesson__in=lessons).update(completed_at=timezone.now())


def refreshed(enrolment: Enrolment) -> Enrolment:
    course_services.enrolment_refresh_progress(enrolment=enrolment)
    enrolment.refresh_from_db()
    return enrolment


def no_sideways_scroll(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def both_sizes(page, phone, name: str, *, check: bool = True) -> None:
    """Screenshot the desktop page as it stands, then the same address on the phone; on trainee pages
    (``check``) no serious axe-core violation and nothing pushing the phone page sideways."""
    page.wait_for_load_state("networkidle")
    screenshot(page, name)
    if check:
        assert_accessible(page)
    phone.goto(page.url)
    phone.wait_for_load_state("networkidle")
    screenshot(phone, name)
    if check:
        assert no_sideways_scroll(phone), f"{name} scrolls sideways on a phone"


def lesson_row(page, number: int):
    return page.locator(".funded-lessons tbody tr").nth(number - 1)


def assessment_row(page, kind_label: str):
    return page.locator(".funded-assessments tbody tr").filter(has_text=kind_label)


def test_a_funded_trainees_day(live_server, browser):
    demo = load_demo()
    lessons = demo["lessons"]
    assert len(lessons) == 12
    trainee = f.UserFactory(email="funded-day@example.com", name_ko="한지민", name_en="Jimin Han")
    enrolment = course_services.enrolment_request(user=trainee, run=demo["run"])
    today = kst_date(timezone.now())
    full = lessons[0].study_minutes * 60
    # Earlier days: 차시 1–3. This morning: 차시 4 and 5, and 차시 6 up to ten seconds before its 학습시간.
    study(enrolment, lessons[0:2], today - datetime.timedelta(days=2), seconds=full)
    study(enrolment, lessons[2:3], today - datetime.timedelta(days=1), seconds=full)
    study(enrolment, lessons[3:5], today, seconds=full)
    study(enrolment, lessons[5:6], today, seconds=full - 10, finished=False)
    assert refreshed(enrolment).progress_percent == 49  # (5 × 100 + 99) / 12
    base = live_server.url

    page = new_page(browser, "desktop")
    phone = new_page(browser, "phone")
    log_in(phone, base, trainee)

    # Logging in lands on 나의 강의실, with the funded classroom of the run.
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("이메일").fill(trainee.email)
    page.get_by_label("비밀번호").fill(f.PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(f"{base}/learn/")
    classroom = page.locator(".funded-classroom")
    expect(classroom.locator(".funded-today")).to_have_text("오늘 학습 3/8차시")
    expect(page.locator(".funded-lessons tbody tr")).to_have_count(12)
    expect(lesson_row(page, 5)).to_contain_text("100%")
    expect(lesson_row(page, 6)).to_contain_text("99%")
    expect(lesson_row(page, 6)).to_contain_text(f"{(full - 10) // 60:02d}:50 / {full // 60:02d}:00")
    expect(lesson_row(page, 8).get_by_text("진도부족")).to_be_visible()
    progress_row = assessment_row(page, "진행단계평가")
    expect(progress_row).to_contain_text("진도부족")
    expect(progress_row).to_contain_text("진도율 50%부터 응시 가능")
    expect(assessment_row(page, "최종평가")).to_contain_text("진도율 80%부터 응시 가능")
    expect(assessment_row(page, "과제")).to_contain_text("진도율 80%부터 응시 가능")
    expect(page.locator("[data-condition=progress]")).to_contain_text("진도율 49 / 80 %")
    expect(page.locator("[data-condition=progress]")).to_contain_text("미충족")
    expect(page.locator("[data-condition=survey]")).to_contain_text("만족도 설문: 미응답")
    expect(page.get_by_role("link", name="이어서 학습")).to_have_attribute("href", lessons[5].url)
    both_sizes(page, phone, "funded-learn-morning")

    # 학습 유의사항: the rules of the run, in the regulation's terms.
    classroom.get_by_role("link", name="학습 유의사항").click()
    page.wait_for_url(f"{base}{reverse('funded_notice', args=[demo['run'].pk])}")
    expect(page.get_by_role("heading", level=1)).to_have_text("학습 유의사항")
    for heading in ("본인인증", "수료기준", "1일", "모사답안 처리기준"):
        expect(page.get_by_role("heading", level=2).filter(has_text=heading)).to_have_count(1)
    expect(page.locator("main")).to_contain_text("8차시")
    both_sizes(page, phone, "funded-notice")

    # 차시 6: the heartbeats credit the last ten seconds; with its last page on screen it reaches 100 %.
    page.goto(f"{base}/learn/")
    lesson_row(page, 6).get_by_role("link", name="학습하기").click()
    page.wait_for_url(f"{base}{lessons[5].url}")
    expect(page.locator("[data-lesson-percent]")).to_have_text("99")
    panel = page.locator("details.funded-classroom-panel")
    expect(panel.locator(":scope > summary")).to_have_text("차시별 학습 현황 및 수료 조건 · 학습 유의사항")
    expect(panel.locator(".funded-lessons")).to_be_hidden()
    both_sizes(page, phone, "funded-lesson")
    # The phone (the same trainee) opened the lesson last and so took the study session over
    # (DOMAIN-KR §1.8): the desktop page says so, and reloading it takes the session back.
    expect(page.locator("[data-study-session-taken]")).to_contain_text("다른 곳에서 학습 중입니다", timeout=45_000)
    phone.goto(f"{base}/learn/")
    page.reload()
    expect(page.locator("[data-study-session-taken]")).to_be_hidden()
    page.locator("[data-lesson-end]").scroll_into_view_if_needed()
    expect(page.locator("[data-lesson-percent]")).to_have_text("100", timeout=45_000)
    expect(page.locator("[data-studied-time]")).to_have_text(f"{full // 60:02d}:00")
    assert refreshed(enrolment).progress_percent == 50
    # The folded classroom opens in place, with the same table as 나의 강의실.
    panel.locator(":scope > summary").click()
    expect(panel.locator(".funded-lessons")).to_be_visible()
    expect(panel.locator(".funded-today")).to_have_text("오늘 학습 3/8차시")
    screenshot(page, "funded-lesson-panel")

    # 50 %: the 진행단계평가 opens; the 최종평가 still waits for 80 %.
    page.goto(f"{base}/learn/")
    expect(assessment_row(page, "진행단계평가")).to_contain_text("미응시")
    expect(page.locator("[data-condition=progress]")).to_contain_text("진도율 50 / 80 %")
    page.goto(f"{base}{demo['progress_test'].url}")
    expect(page.get_by_role("button", name="응시 시작")).to_be_visible()
    page.goto(f"{base}{demo['final_test'].url}")
    expect(page.locator(".message--warning")).to_contain_text("진도율 80%")
    expect(page.get_by_role("button", name="응시 시작")).to_have_count(0)
    both_sizes(page, phone, "funded-final-test-locked")

    # The rest of the day: 차시 7–11, so 8 차시 today and 진도율 91 %.
    study(enrolment, lessons[6:11], today, seconds=full)
    assert refreshed(enrolment).progress_percent == 91
    page.goto(f"{base}/learn/")
    expect(page.locator(".funded-classroom .funded-today")).to_have_text("오늘 학습 8/8차시")
    expect(lesson_row(page, 12)).to_contain_text("오늘 한도 초과")
    expect(lesson_row(page, 12).get_by_role("link")).to_have_count(0)
    expect(page.get_by_role("link", name="이어서 학습")).to_have_count(0)  # 차시 12 would answer 403 today
    expect(assessment_row(page, "최종평가")).to_contain_text("미응시")
    expect(assessment_row(page, "최종평가")).to_contain_text("만족도 설문 응답 후 응시 가능")
    expect(assessment_row(page, "과제")).to_contain_text("미제출")

    # The ninth distinct 차시 of the day is refused before the lesson opens, in the regulation's words.
    response = page.goto(f"{base}{lessons[11].url}")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("지금은 이 차시를 학습할 수 없습니다")
    expect(page.get_by_role("alert")).to_contain_text(CAP_WORDING)
    both_sizes(page, phone, "funded-daily-cap")

    # The 최종평가 waits for the 만족도 설문.
    page.goto(f"{base}{demo['final_test'].url}")
    expect(page.locator(".message--warning")).to_contain_text("만족도 설문")
    page.goto(f"{base}{demo['survey'].url}")
    both_sizes(page, phone, "funded-survey")
    for item in page.locator("fieldset.survey-item").all():
        item.get_by_label("4 · 그렇다").check()
    page.get_by_label("기타 의견 (선택)").fill("실습 사례가 많아 현업에 바로 쓸 수 있었습니다.")
    page.get_by_role("button", name="설문 제출").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("응답이 저장되었습니다")).to_be_visible()
    page.goto(f"{base}{demo['final_test'].url}")
    expect(page.get_by_role("button", name="응시 시작")).to_be_visible()

    # The 과제, open at 80 % (its row in 나의 강의실 leads to it): an answer and a PDF, submitted for grading.
    page.goto(f"{base}/learn/")
    assessment_row(page, "과제").get_by_role("link", name=demo["assignment"].title).click()
    page.wait_for_url(f"{base}{demo['assignment'].url}")
    page.get_by_label("내 답").fill(ANSWER)
    page.get_by_label("파일 추가").set_input_files(
        files=[{"name": "위험성평가표.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="제출하기").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".assignment-state")).to_contain_text("제출")
    expect(page.locator(".assignment-files")).to_contain_text("위험성평가표.pdf")
    expect(page.locator(".assignment-text")).to_contain_text("관제 기관 사전 협조")
    both_sizes(page, phone, "funded-assignment-submitted")
    submission = AssignmentSubmission.objects.get(enrolment=enrolment)
    assert submission.state == AssignmentSubmission.State.SUBMITTED and submission.files.count() == 1

    # 수료 조건 현황 at the end of the day.
    page.goto(f"{base}/learn/")
    expect(assessment_row(page, "과제")).to_contain_text("채점 대기")
    expect(assessment_row(page, "최종평가")).not_to_contain_text("만족도 설문")
    conditions = page.locator(".funded-conditions")
    expect(conditions.locator("[data-condition=progress]")).to_contain_text("진도율 91 / 80 %")
    expect(conditions.locator("[data-condition=progress]")).to_contain_text("충족")
    expect(conditions.locator("[data-condition=total]")).to_contain_text("/ 60")
    expect(conditions.locator("[data-condition=total]")).to_contain_text("과제 50 %")
    expect(conditions.locator("[data-condition=assignment]")).to_contain_text("과제 제출: 예")
    expect(conditions.locator("[data-condition=survey]")).to_contain_text("만족도 설문: 응답 완료")
    days_left = (demo["run"].training_end - today).days
    expect(conditions.locator("[data-condition=period]")).to_contain_text(f"D-{days_left}")
    both_sizes(page, phone, "funded-learn-evening")
    page.context.close()
    phone.context.close()


def test_the_instructors_screens_of_the_funded_run(live_server, browser):
    demo = load_demo()
    run = demo["run"]
    waiting = Enrolment.objects.get(run=run, user__email="funded-final@example.com")
    submission = assignments.submission_save(
        assignment=demo["assignment"],
        user=waiting.user,
        text=ANSWER,
        uploads=[SimpleUploadedFile("위험성평가표.pdf", PDF, content_type="application/pdf")],
        submit=True,
    )
    instructor = User.objects.get(email="instructor@example.com")
    case = SimilarityCase.objects.filter(run=run).order_by("pk").first()
    assert case is not None, "the demo's essay pair is not in the 모사답안 queue"
    base = live_server.url
    page = new_page(browser, "desktop")
    phone = new_page(browser, "phone")
    for context_page in (page, phone):
        log_in(context_page, base, instructor)

    # 과제 채점: the submission's text and file, a score per rubric criterion, 첨삭.
    page.goto(f"{base}{reverse('assignment_grading:grade', args=[submission.pk])}")
    expect(page.locator("main")).to_contain_text("관제 기관 사전 협조")
    expect(page.get_by_role("link", name="위험성평가표.pdf")).to_be_visible()
    both_sizes(page, phone, "funded-admin-assignment-grade", check=False)
    for criterion, points in zip(demo["assignment"].criteria.order_by("sort_order"), (25, 24, 30), strict=True):
        page.get_by_label(criterion.title).fill(str(points))
    page.get_by_label("첨삭").fill("위험요인 식별은 충실합니다. 비상 절차에 귀환 경로를 추가하세요.")
    page.get_by_role("button", name="점수 저장").click()
    page.wait_for_load_state("networkidle")
    submission.refresh_from_db()
    assert submission.score == 79
    screenshot(page, "funded-admin-assignment-list")

    # 모사답안: the queue, and a case with both answers side by side.
    page.goto(f"{base}{reverse('similarity:index')}")
    expect(page.locator("main")).to_contain_text(case.enrolment_a.user.name_ko)
    expect(page.locator("main")).to_contain_text(case.enrolment_b.user.name_ko)
    both_sizes(page, phone, "funded-admin-similarity-queue", check=False)
    page.goto(f"{base}{reverse('similarity:case', args=[case.pk])}")
    expect(page.locator("main")).to_contain_text(f"{case.percent}")
    both_sizes(page, phone, "funded-admin-similarity-case", check=False)

    # 만족도 설문 results of the run.
    page.goto(f"{base}{reverse('gradebook:survey_results', args=[run.pk])}")
    expect(page.locator(".survey-response-rate")).to_be_visible()
    both_sizes(page, phone, "funded-admin-survey-results", check=False)
    page.context.close()
    phone.context.close()

    # The trainee reads the grade and the 첨삭.
    trainee_page = new_page(browser, "desktop")
    log_in(trainee_page, base, waiting.user)
    trainee_page.goto(f"{base}{demo['assignment'].url}")
    expect(trainee_page.locator(".assignment-grade")).to_contain_text("79")
    expect(trainee_page.locator(".assignment-feedback")).to_contain_text("귀환 경로")
    trainee_page.goto(f"{base}/learn/")
    expect(assessment_row(trainee_page, "과제")).to_contain_text("79")
    trainee_page.context.close()
