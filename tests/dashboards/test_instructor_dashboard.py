"""The instructor dashboard of a run (/cms/dashboards/runs/<id>/): every figure against values
worked out by hand on six trainees, the boundaries, the reminder, and its query count."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import Attempt
from courses.models import AttendanceRecord, AttendanceSession, Enrolment, LessonProgress
from dashboards import selectors
from notifications.models import Notification
from ops.models import AuditEvent, PersonalDataAccess
from tests import factories as f

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def _url(run) -> str:
    return f"/cms/dashboards/runs/{run.pk}/"


def _answer(attempt, question, choice_text: str) -> list[str]:
    choice = question.choices.get(text=choice_text)
    return [attempt.choice_token(choice.pk)]


@pytest.fixture
def world():
    """Run of 60 days, 30 days gone (50 % expected today), on-site, six counted trainees:

    ===  =========  ========  ====================  ==============================
    who  status     progress  last activity         quiz (3 questions, pass 60)
    ===  =========  ========  ====================  ==============================
    가   completed  100       today                 100
    나   active     85        today                 66.67
    다   active     55        10 days ago           66.67 (12 days ago)
    라   active     20        2 days ago            –
    마   active     0         quiz today            0 then 33.33: 2 of 2, no pass
    바   active     0         never (enrolled 20 d) –
    ===  =========  ========  ====================  ==============================

    plus a withdrawn trainee (counted nowhere) and a trainee of another run of the course.
    """
    institute = f.institute_page()
    other_institute = f.institute_page()
    course = f.course_page(institute, title="드론 정비 기초", delivery_mode="onsite")
    lesson = f.lesson_page(course)
    bank = f.question_bank(institute, course)
    q1 = f.question(bank, "single", text="첫 문제")
    q2 = f.question(bank, "single", text="둘째 문제")
    q3 = f.question(bank, "true_false", correct_answer=True, text="셋째 문제")
    quiz = f.quiz_page(course, [q1, q2, q3], max_attempts=2, pass_mark=60, title="최종평가")
    today = timezone.localdate()
    run = f.course_run(course, starts_on=today - 30 * DAY, ends_on=today + 30 * DAY)
    other_run = f.course_run(course, title="2026년 2차")
    names = ["가", "나", "다", "라", "마", "바"]
    e = {name: f.enrolment(run, user=f.UserFactory(name_ko=f"교육생{name}")) for name in names}
    withdrawn = f.enrolment(run, user=f.UserFactory(name_ko="교육생취소"))
    outsider = f.enrolment(other_run, user=f.UserFactory(name_ko="교육생타차수"))

    # (q1, q2, q3) per attempt: q1/q2 the text of the chosen choice, q3 "true"/"false"
    answers = {
        "가": [("정답", "정답", "true")],
        "나": [("정답", "정답", "false")],
        "다": [("정답", "오답 나", "true")],
        "마": [("오답 가", "오답 나", "false"), ("정답", "오답 가", "false")],
    }
    for name, tries in answers.items():
        for a1, a2, a3 in tries:
            attempt = assessment_services.attempt_start(quiz=quiz, user=e[name].user)
            raw = {q1.pk: _answer(attempt, q1, a1), q2.pk: _answer(attempt, q2, a2), q3.pk: [a3]}
            assessment_services.attempt_submit(attempt=attempt, raw_answers=raw)
    attempt = assessment_services.attempt_start(quiz=quiz, user=outsider.user)  # another run: not counted
    assessment_services.attempt_submit(
        attempt=attempt,
        raw_answers={q1.pk: _answer(attempt, q1, "오답 나"), q2.pk: _answer(attempt, q2, "오답 나"), q3.pk: ["false"]},
    )
    now = timezone.now()
    Attempt.objects.filter(enrolment=e["다"]).update(started_at=now - 12 * DAY, closed_at=now - 12 * DAY)
    Enrolment.objects.filter(run=run).update(created_at=now - 20 * DAY)
    for name, progress in (("가", 100), ("나", 85), ("다", 55), ("라", 20)):
        Enrolment.objects.filter(pk=e[name].pk).update(progress_percent=progress)
    Enrolment.objects.filter(pk=e["가"].pk).update(status=Enrolment.Status.COMPLETED, completed_at=now)
    Enrolment.objects.filter(pk=withdrawn.pk).update(status=Enrolment.Status.WITHDRAWN, progress_percent=90)
    for name, when in (("가", now), ("나", now), ("다", now - 10 * DAY), ("라", now - 2 * DAY)):
        LessonProgress.objects.create(
            enrolment=e[name], lesson=lesson, seconds_studied=600, started_at=now - 25 * DAY, last_studied_at=when
        )
    s1 = AttendanceSession.objects.create(run=run, title="1일차", starts_at=now - 20 * DAY)
    s2 = AttendanceSession.objects.create(run=run, title="2일차", starts_at=now - 19 * DAY)
    for session, name, present in (
        (s1, "가", True),
        (s1, "나", True),
        (s1, "다", False),
        (s2, "가", True),
        (s2, "라", False),
        (s2, "마", False),
    ):
        AttendanceRecord.objects.create(session=session, enrolment=e[name], present=present)
    AttendanceRecord.objects.create(session=s1, enrolment=withdrawn, present=True)  # withdrawn: not counted
    return {
        "institute": institute,
        "course": course,
        "run": run,
        "other_run": other_run,
        "quiz": quiz,
        "questions": (q1, q2, q3),
        "e": e,
        "withdrawn": withdrawn,
        "outsider": outsider,
        "instructor": f.instructor_of(institute),
        "manager": f.manager_of(institute),
        "foreign_instructor": f.instructor_of(other_institute),
    }


def test_the_funnel_counts_each_stage_by_hand(world):
    funnel = selectors.run_funnel(world["run"])

    # enrolled: six (not the withdrawn); studying: 가 나 다 라; ≥ 50: 가 나 다; ≥ 80: 가 나; completed: 가
    assert (funnel.enrolled, funnel.studying, funnel.half, funnel.most, funnel.completed) == (6, 4, 3, 2, 1)


def test_the_score_distribution_uses_each_trainees_kept_score(world):
    [result] = selectors.quiz_results(world["run"], selectors.course_quizzes(world["run"]))

    # kept (highest): 가 100, 나 66.67, 다 66.67, 마 33.33; the other run's 0 is not this run's
    assert sorted(float(score) for score in result.kept_scores) == pytest.approx([33.33, 66.67, 66.67, 100])
    assert selectors.score_buckets(result.kept_scores) == [0, 0, 0, 1, 0, 0, 2, 0, 0, 1]
    assert result.failing == {world["e"]["마"].pk: (2, False)}


def test_the_watch_list_gives_each_reason(world):
    results = selectors.quiz_results(world["run"], selectors.course_quizzes(world["run"]))

    expected, watched = selectors.watch_list(world["run"], results)

    assert expected == 50  # 30 of 60 days
    reasons = {
        watch.enrolment.user.name_ko: (
            watch.idle,
            watch.behind,
            [(q.title, used, left) for q, used, left in watch.failing],
        )
        for watch in watched
    }
    assert reasons == {
        "교육생다": (True, False, []),  # 10 days without study, 55 % is within 10 points of 50 %
        "교육생라": (False, True, []),  # 20 % < 50 − 10
        "교육생마": (False, True, [("최종평가", 2, False)]),  # took the quiz today, both attempts failed
        "교육생바": (True, True, []),  # never studied, enrolled 20 days ago
    }


def test_expected_progress_follows_the_run_period():
    run = f.course_run(
        f.course_page(f.institute_page()),
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 3, 11),
    )
    assert selectors.expected_percent(run, datetime.date(2026, 2, 20)) == 0
    assert selectors.expected_percent(run, datetime.date(2026, 3, 4)) == 30
    assert selectors.expected_percent(run, datetime.date(2026, 3, 11)) == 100
    assert selectors.expected_percent(run, datetime.date(2026, 4, 1)) == 100


def test_attendance_counts_present_and_absent_per_session(world):
    sessions = selectors.attendance_by_session(world["run"])

    assert [(s.title, s.present, s.absent) for s in sessions] == [("1일차", 2, 1), ("2일차", 1, 2)]


def test_item_analysis_of_the_run_counts_each_choice(world):
    from assessments.selectors import item_analysis

    items = item_analysis(quiz=world["quiz"], run=world["run"])

    # five attempts of this run (가 나 다 마 마); the other run's attempt is left out
    assert [item.responses for item in items] == [5, 5, 5]
    assert [item.facility for item in items] == [0.8, 0.4, 0.4]
    assert [(c.label, c.count, c.correct) for c in items[0].choices] == [
        ("정답", 4, True),
        ("오답 가", 1, False),
        ("오답 나", 0, False),
    ]
    assert [(c.count, c.correct) for c in items[1].choices] == [(2, True), (1, False), (2, False)]
    assert [(c.count, c.correct) for c in items[2].choices] == [(2, True), (3, False)]
    assert all(item.discrimination is not None for item in items)
    assert [item.responses for item in item_analysis(quiz=world["quiz"])] == [6, 6, 6]  # every run


def test_the_page_shows_the_figures_and_logs_the_access(client, world):
    client.force_login(world["instructor"])

    response = client.get(_url(world["run"]))

    assert response.status_code == 200
    context = response.context
    assert context["funnel_chart"].rows == [
        ["등록", "6", "100%"],
        ["학습 시작", "4", "66.7%"],
        ["진도율 50% 이상", "3", "50%"],
        ["진도율 80% 이상", "2", "33.3%"],
        ["수료", "1", "16.7%"],
    ]
    assert [row[1] for row in context["score_charts"][0].rows] == ["0", "0", "0", "1", "0", "0", "2", "0", "0", "1"]
    assert context["attendance_chart"].rows == [["1일차", "2", "1"], ["2일차", "1", "2"]]
    facility = context["quiz_items"][0].facility
    assert [row[1] for row in facility.rows] == ["80%", "40%", "40%"]
    assert "정답률" in facility.headers[1]
    discrimination = context["quiz_items"][0].discrimination
    assert [row[1] for row in discrimination.rows] == [row[2] for row in facility.rows]  # the same figures, drawn
    assert discrimination.headers[1] == "변별도" and "문항별 변별도" in discrimination.title
    text = response.content.decode()
    assert "교육생다" in text and "교육생바" in text and "교육생나" not in text
    assert "답이 20건 미만" in text  # five answers per question
    access = PersonalDataAccess.objects.get(object_type="dashboards.run")
    assert access.object_id == str(world["run"].pk)


def test_the_page_is_linked_from_the_run_and_the_gradebook(client, world):
    client.force_login(world["manager"])
    for url in (f"/cms/academy/runs/{world['run'].pk}/", "/cms/assessments/gradebook/"):
        assert _url(world["run"]) in client.get(url).content.decode(), url


def test_a_run_without_trainees_or_quizzes_renders(client, world):
    course = f.course_page(world["institute"], delivery_mode="onsite")
    run = f.course_run(course)
    client.force_login(world["instructor"])

    response = client.get(_url(run))

    assert response.status_code == 200
    assert response.context["funnel_chart"].empty
    assert response.context["funnel_chart"].rows[0] == ["등록", "0", "–"]
    assert response.context["attendance_chart"].empty
    text = response.content.decode()
    assert "자료 없음" in text and "주의가 필요한 교육생이 없습니다" in text


def test_another_institute_and_trainees_are_refused(client, world):
    url = _url(world["run"])
    client.force_login(world["foreign_instructor"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"enrolments": [world["e"]["다"].pk], "subject": "s", "message": "m"}).status_code == 404
    client.force_login(world["e"]["다"].user)
    assert client.get(url).status_code in (302, 403)
    client.logout()
    assert client.get(url).status_code == 302
    assert not Notification.objects.exists()


def test_message_them_notifies_and_mails_the_chosen_trainees(client, world, django_capture_on_commit_callbacks):
    client.force_login(world["instructor"])
    chosen = [world["e"]["다"], world["e"]["바"]]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url(world["run"]),
            {"enrolments": [e.pk for e in chosen], "subject": "학습 독려", "message": "이번 주에 2차시를 마쳐 주세요."},
        )

    assert response.status_code == 302
    rows = Notification.objects.filter(kind="reminder")
    assert sorted(rows.values_list("user_id", flat=True)) == sorted(e.user_id for e in chosen)
    assert rows.first().message_ko == "학습 독려: 이번 주에 2차시를 마쳐 주세요."
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.user.email for e in chosen)
    event = AuditEvent.objects.get(action="dashboards.run_reminder")
    assert event.data["enrolments"] == sorted(e.pk for e in chosen)


@pytest.mark.parametrize("who", ["outsider", "completed", "withdrawn", "nobody"])
def test_message_them_refuses_anyone_not_studying_in_the_run(client, world, who):
    client.force_login(world["instructor"])
    target = {
        "outsider": [world["outsider"].pk],
        "completed": [world["e"]["가"].pk],
        "withdrawn": [world["withdrawn"].pk],
        "nobody": [],
    }[who]

    response = client.post(
        _url(world["run"]),
        {"enrolments": [world["e"]["다"].pk, *target] if target else [], "subject": "s", "message": "m"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["enrolments"]
    assert not Notification.objects.exists()


def test_message_them_needs_a_message(client, world):
    client.force_login(world["instructor"])

    response = client.post(
        _url(world["run"]), {"enrolments": [world["e"]["다"].pk], "subject": "학습 독려", "message": ""}
    )

    assert response.status_code == 400
    assert "message" in response.context["form"].errors
    assert not Notification.objects.exists()


def _grow(run, lesson, quiz, count: int, start: int) -> None:
    """``count`` more trainees in ``run``: each with a lesson row, an attendance record and a closed attempt."""
    from accounts.models import User

    now = timezone.now()
    users = User.objects.bulk_create(
        [
            User(email=f"bulk{n}@example.com", name_ko=f"대량{n}", name_en=f"Bulk {n}")
            for n in range(start, start + count)
        ]
    )
    enrolments = Enrolment.objects.bulk_create(
        [
            Enrolment(
                run=run, user=user, status=Enrolment.Status.ACTIVE, progress_percent=n % 101, created_at=now - 20 * DAY
            )
            for n, user in enumerate(users)
        ]
    )
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(enrolment=e, lesson=lesson, started_at=now - 15 * DAY, last_studied_at=now - (n % 12) * DAY)
            for n, e in enumerate(enrolments)
        ]
    )
    session = AttendanceSession.objects.filter(run=run).first()
    AttendanceRecord.objects.bulk_create(
        [AttendanceRecord(session=session, enrolment=e, present=n % 3 > 0) for n, e in enumerate(enrolments)]
    )
    Attempt.objects.bulk_create(
        [
            Attempt(
                quiz=quiz,
                enrolment=e,
                user=e.user,
                number=1,
                state=Attempt.State.SUBMITTED,
                closed_at=now,
                score=n % 100,
                points_earned=0,
                points_possible=3,
            )
            for n, e in enumerate(enrolments)
        ]
    )


def test_the_dashboard_answers_in_the_same_number_of_queries_for_10_and_300_trainees(client, world):
    course = world["course"]
    run = f.course_run(course, title="대량 차수", starts_on=timezone.localdate() - 30 * DAY)
    AttendanceSession.objects.create(run=run, title="1일차", starts_at=timezone.now() - 10 * DAY)
    lesson = f.lesson_page(course)
    client.force_login(world["instructor"])
    _grow(run, lesson, world["quiz"], 10, 0)
    client.get(_url(run))  # warm the caches (site root, permissions) once

    with CaptureQueriesContext(connection) as small:
        assert client.get(_url(run)).status_code == 200
    _grow(run, lesson, world["quiz"], 290, 10)
    with CaptureQueriesContext(connection) as large:
        response = client.get(_url(run))

    assert response.context["funnel"].enrolled == 300
    assert len(response.context["watched"]) > 10
    assert len(large.captured_queries) == len(small.captured_queries), [q["sql"][:120] for q in large.captured_queries]
