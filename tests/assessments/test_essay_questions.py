"""Essay questions (서술형): the trainee writes, the attempt waits for an instructor, whose grade and
comment (첨삭) make the score final and re-evaluate completion.

The staff screen is ``/cms/assessments/runs/<run>/essays/`` (the gradebook's viewset, the runs'
institute policy); its URL is classified in ``tests/courses/test_permission_matrix.py``.
"""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from assessments import services
from assessments.models import Attempt, AttemptAnswer
from courses import completion
from courses.models import Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db

GRADER_NOTE = "GRADER-ONLY-MODEL-ANSWER-55"


@pytest.fixture
def essay_setup():
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    bank = f.question_bank(institute, course)
    essay = f.question(
        bank,
        "essay",
        text="비행 전 점검 절차를 서술하세요.",
        points="6",
        response_template="1. 기체:\n2. 배터리:",
        grader_info=GRADER_NOTE,
    )
    true_false = f.question(bank, "true_false", text="LiPo는 완충 보관한다", correct_answer=False, points="4")
    quiz = f.quiz_page(course, [essay, true_false], pass_mark=60, max_attempts=1, review_policy="score")
    run = f.course_run(course)
    enrolment = f.enrolment(run)
    return {
        "institute": institute,
        "course": course,
        "quiz": quiz,
        "essay": essay,
        "true_false": true_false,
        "run": run,
        "enrolment": enrolment,
        "user": enrolment.user,
        "instructor": f.instructor_of(institute),
    }


def submit_through_the_form(client, setup, essay_text: str, tf: str = "false") -> Attempt:
    client.force_login(setup["user"])
    client.post(reverse("assessments:start", args=[setup["quiz"].pk]))
    attempt = Attempt.objects.get(user=setup["user"], quiz=setup["quiz"])
    page = client.get(reverse("assessments:attempt", args=[attempt.public_id])).content.decode()
    assert f'<textarea id="a-{setup["essay"].pk}" name="q-{setup["essay"].pk}"' in page
    assert "1. 기체:\n2. 배터리:" in page  # the answer template fills the empty box
    assert GRADER_NOTE not in page
    response = client.post(
        reverse("assessments:attempt", args=[attempt.public_id]),
        {"action": "submit", f"q-{setup['essay'].pk}": essay_text, f"q-{setup['true_false'].pk}": tf},
    )
    assert response.status_code == 302
    attempt.refresh_from_db()
    return attempt


def grade(client, setup, answer, points, comment=""):
    client.force_login(setup["instructor"])
    return client.post(
        reverse("gradebook:essay_grading", args=[setup["run"].pk]),
        {"answer": answer.pk, "points": points, "comment": comment},
        follow=True,
    )


def test_a_submitted_essay_leaves_the_score_provisional_and_completion_waiting(client, essay_setup):
    attempt = submit_through_the_form(client, essay_setup, "프로펠러와 배터리 전압을 점검합니다.")

    assert attempt.state == "submitted"
    assert attempt.needs_grading is True
    assert attempt.passed is None
    assert attempt.score == Decimal("40.00")  # 4 of 10 points so far: the essay counts 0 until graded
    answer = attempt.answers.get(question=essay_setup["essay"])
    assert answer.response == "프로펠러와 배터리 전압을 점검합니다." and answer.points is None
    review = client.get(reverse("assessments:review", args=[attempt.public_id])).content.decode()
    assert "가채점" in review and "채점 대기" in review
    assert GRADER_NOTE not in review
    enrolment = Enrolment.objects.select_related("run__course").get(pk=essay_setup["enrolment"].pk)
    labels = [r.label for r in completion.missing(enrolment)]
    assert any("서술형 채점 대기" in label for label in labels), labels


def test_grading_makes_the_score_final_shows_the_comment_and_completes(client, essay_setup):
    attempt = submit_through_the_form(client, essay_setup, "프로펠러와 배터리 전압을 점검합니다.")
    answer = attempt.answers.get(question=essay_setup["essay"])

    response = grade(client, essay_setup, answer, "4.5", "배터리 셀 전압 기준을 함께 쓰면 좋습니다.")

    assert response.status_code == 200
    assert "점수를 저장했습니다" in response.content.decode()
    attempt.refresh_from_db()
    answer.refresh_from_db()
    assert (answer.points, answer.fraction) == (Decimal("4.50"), Decimal("0.7500"))
    assert answer.graded_by == essay_setup["instructor"] and answer.graded_at is not None
    assert attempt.needs_grading is False
    assert attempt.points_earned == Decimal("8.50") and attempt.score == Decimal("85.00")
    assert attempt.passed is True
    enrolment = Enrolment.objects.get(pk=essay_setup["enrolment"].pk)
    assert enrolment.status == Enrolment.Status.COMPLETED  # completion re-evaluated by the service path

    client.force_login(essay_setup["user"])
    review = client.get(reverse("assessments:review", args=[attempt.public_id])).content.decode()
    assert "배터리 셀 전압 기준을 함께 쓰면 좋습니다." in review and "강사 첨삭" in review
    assert "85 / 100" in review and "합격" in review
    assert GRADER_NOTE not in review


def test_a_low_essay_grade_fails_and_a_regrade_replaces_it(client, essay_setup):
    attempt = submit_through_the_form(client, essay_setup, "잘 모르겠습니다.")
    answer = attempt.answers.get(question=essay_setup["essay"])

    grade(client, essay_setup, answer, "1")
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (Decimal("50.00"), False)

    grade(client, essay_setup, answer, "6", "다시 보니 핵심은 맞습니다.")
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (Decimal("100.00"), True)


@pytest.mark.parametrize("points", ["7", "-1", "abc", "", "NaN", "1e9"])
def test_points_outside_zero_to_the_maximum_are_refused_and_nothing_changes(client, essay_setup, points):
    attempt = submit_through_the_form(client, essay_setup, "답안")
    answer = attempt.answers.get(question=essay_setup["essay"])

    response = grade(client, essay_setup, answer, points)

    assert response.status_code == 200
    body = response.content.decode()
    assert "점수는 0점부터 6점 사이입니다" in body or "점수를 숫자로 입력하세요" in body
    answer.refresh_from_db()
    attempt.refresh_from_db()
    assert answer.points is None and answer.graded_at is None and attempt.needs_grading


def test_an_empty_essay_is_graded_zero_at_once(client, essay_setup):
    attempt = submit_through_the_form(client, essay_setup, "   ")

    assert attempt.needs_grading is False
    assert attempt.answers.get(question=essay_setup["essay"]).points == Decimal("0.00")
    assert attempt.score == Decimal("40.00") and attempt.passed is False


def test_an_unchanged_answer_template_is_no_answer(client, essay_setup):
    attempt = submit_through_the_form(client, essay_setup, "1. 기체:\n2. 배터리:")

    assert attempt.needs_grading is False
    assert attempt.answers.get(question=essay_setup["essay"]).response is None


def test_the_staff_screen_lists_waiting_answers_with_the_graders_note(client, essay_setup):
    attempt = submit_through_the_form(client, essay_setup, "프로펠러 점검")
    client.force_login(essay_setup["instructor"])

    page = client.get(reverse("gradebook:essay_grading", args=[essay_setup["run"].pk])).content.decode()
    index = client.get(reverse("gradebook:index")).content.decode()

    assert "프로펠러 점검" in page and GRADER_NOTE in page
    assert "채점 대기 1건" in index
    grade(client, essay_setup, attempt.answers.get(question=essay_setup["essay"]), "6")
    page = client.get(reverse("gradebook:essay_grading", args=[essay_setup["run"].pk])).content.decode()
    assert "프로펠러 점검" not in page and "채점을 기다리는 서술형 답안이 없습니다" in page
    every = client.get(reverse("gradebook:essay_grading", args=[essay_setup["run"].pk]) + "?all=1")
    assert "프로펠러 점검" in every.content.decode()


def test_another_institutes_staff_and_the_trainee_cannot_grade(client, essay_setup):
    attempt = submit_through_the_form(client, essay_setup, "답안")
    answer = attempt.answers.get(question=essay_setup["essay"])
    url = reverse("gradebook:essay_grading", args=[essay_setup["run"].pk])

    for user in (f.instructor_of(f.institute_page()), essay_setup["user"]):
        client.force_login(user)
        assert client.get(url).status_code in (302, 403, 404)
        response = client.post(url, {"answer": answer.pk, "points": "6"})
        assert response.status_code in (302, 403, 404)
    answer.refresh_from_db()
    assert answer.graded_at is None


def test_an_answer_of_another_run_is_not_graded_from_this_run(client, essay_setup):
    other_run = f.course_run(essay_setup["course"], title="2026년 2차")
    attempt = submit_through_the_form(client, essay_setup, "답안")
    answer = attempt.answers.get(question=essay_setup["essay"])
    client.force_login(essay_setup["instructor"])

    response = client.post(
        reverse("gradebook:essay_grading", args=[other_run.pk]), {"answer": answer.pk, "points": "6"}
    )

    assert response.status_code == 404
    assert AttemptAnswer.objects.get(pk=answer.pk).graded_at is None


def test_the_service_refuses_an_open_attempt_and_a_non_essay_answer(essay_setup):
    attempt = services.attempt_start(quiz=essay_setup["quiz"], user=essay_setup["user"])
    services.attempt_save_answers(attempt=attempt, raw_answers={essay_setup["essay"].pk: ["초안"]})
    answer = attempt.answers.get(question=essay_setup["essay"])
    with pytest.raises(services.AssessmentError):
        services.essay_grade(answer=answer, points=Decimal("3"), actor=essay_setup["instructor"])

    services.attempt_submit(attempt=attempt, raw_answers={essay_setup["true_false"].pk: ["false"]})
    with pytest.raises(services.AssessmentError):
        services.essay_grade(
            answer=attempt.answers.get(question=essay_setup["true_false"]),
            points=Decimal("1"),
            actor=essay_setup["instructor"],
        )
    assert attempt.answers.get(question=essay_setup["essay"]).response == "초안"  # the draft was submitted


def test_the_dashboard_lists_runs_with_essays_to_grade_for_their_own_staff_only(client, essay_setup):
    submit_through_the_form(client, essay_setup, "프로펠러 점검")

    client.force_login(essay_setup["instructor"])
    own = client.get("/cms/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    client.force_login(f.instructor_of(f.institute_page("다른 연구원")))
    other = client.get("/cms/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()

    url = reverse("gradebook:essay_grading", args=[essay_setup["run"].pk])
    assert "채점할 서술형 답안 (1)" in own and "1건 채점 대기" in own and f'href="{url}"' in own
    assert "채점할 서술형 답안 (0)" in other and f'href="{url}"' not in other


def test_the_gradebook_shows_the_attempt_as_waiting_until_graded(client, essay_setup):
    attempt = submit_through_the_form(client, essay_setup, "프로펠러 점검")
    client.force_login(essay_setup["instructor"])
    url = reverse("gradebook:run", args=[essay_setup["run"].pk])

    assert "서술형 채점 대기" in client.get(url).content.decode()
    assert "서술형 채점 대기" in client.post(url, {"format": "csv", "reason": "성적 확인"}).content.decode("utf-8-sig")

    grade(client, essay_setup, attempt.answers.get(question=essay_setup["essay"]), "6")
    client.force_login(essay_setup["instructor"])
    page = client.get(url).content.decode()
    assert "서술형 채점 대기" not in page and "100" in page and "합격" in page


def test_the_essay_grading_service_itself_refuses_anyone_but_the_institutes_staff(essay_setup):
    attempt = services.attempt_start(quiz=essay_setup["quiz"], user=essay_setup["user"])
    services.attempt_submit(attempt=attempt, raw_answers={essay_setup["essay"].pk: ["서술형 답안입니다"]})
    answer = attempt.answers.get(question=essay_setup["essay"])
    for outsider in (f.instructor_of(f.institute_page()), essay_setup["user"]):
        with (
            translation.override("en"),
            pytest.raises(services.AssessmentError, match="staff of the course's institute"),
        ):
            services.essay_grade(answer=answer, points=Decimal("3"), actor=outsider)
    assert AttemptAnswer.objects.get(pk=answer.pk).graded_at is None
