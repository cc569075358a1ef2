"""진도율 of funded runs by the 2026 rule (DOMAIN-KR §1.3–§1.4): per 차시 from credited time and the
last page, the course's as the floor of the mean; the unlock threshold; nothing credited outside the 훈련기간."""

import datetime

import pytest
from django.utils import timezone

from courses import services
from courses.models import Enrolment, FundingScheme, LessonProgress
from courses.progress_rule import KST, course_percent, lesson_percent
from tests import factories as f

pytestmark = pytest.mark.django_db

T = 30  # minutes of 학습시간 in DOMAIN-KR's examples


# --------------------------------------------------------------------------------------------
# The rule itself (pure functions)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("credited", "last_page", "percent"),
    [
        (14 * 60 + 59, False, 0),  # 14:59 of 30:00 → 0 %
        (15 * 60, False, 50),  # 15:00 → 50 %
        (29 * 60, False, 96),  # 29:00 → 96 %
        (30 * 60, False, 99),  # 30:00 without the last page → 99 %
        (30 * 60, True, 100),  # 30:00 with it → 100 %
        (29 * 60, True, 96),  # the last page alone credits no time
        (45 * 60, False, 99),  # time beyond 학습시간 counts as 학습시간
        (0, True, 0),
    ],
)
def test_lesson_percent_follows_the_2026_rule(credited, last_page, percent):
    assert lesson_percent(credited_seconds=credited, study_minutes=T, final_activity_done=last_page) == percent


def test_a_lesson_without_a_required_last_page_reaches_100_on_time_alone():
    assert lesson_percent(credited_seconds=T * 60, study_minutes=T, final_activity_done=False, final_required=False)
    assert (
        lesson_percent(credited_seconds=T * 60, study_minutes=T, final_activity_done=False, final_required=False) == 100
    )


def at_share(share: float) -> int:
    return lesson_percent(credited_seconds=int(share * T * 60), study_minutes=T, final_activity_done=True)


@pytest.mark.parametrize(
    ("percents", "course"),
    [
        ([100] * 16 + [at_share(0.4)] * 4, 80),  # 20 차시: 16 at 100 %, 4 at 40 % of their time → 80 %
        ([100] * 15 + [at_share(0.7)] + [0] * 4, 78),  # 15 at 100 %, 1 at 70 %, 4 at 0 → 78 %
        ([], 100),
    ],
)
def test_course_percent_is_the_floor_of_the_mean(percents, course):
    assert course_percent(percents, len(percents)) == course


def test_lessons_without_a_row_count_zero():
    assert course_percent([100, 100], 4) == 50


# --------------------------------------------------------------------------------------------
# The heartbeat and the lesson page of a funded run
# --------------------------------------------------------------------------------------------

DAY = datetime.date(2026, 3, 2)


def kst(day: datetime.date, hour: int, minute: int = 0, second: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=KST)


@pytest.fixture
def funded():
    institute = f.institute_page()
    course = f.course_page(institute, simsa_code="S2026-0001")
    lessons = [f.lesson_page(course, f"{n}차시 드론 정비", minutes=2) for n in range(1, 5)]
    today = timezone.localdate()
    run = f.course_run(
        course,
        emp_ins_flag=FundingScheme.EMPLOYER,
        hrd_tracse_id="AIG20260000123456",
        hrd_tracse_tme="1",
        training_start=min(DAY, today) - datetime.timedelta(days=1),
        training_end=max(DAY, today) + datetime.timedelta(days=30),
    )
    enrolment = f.enrolment(run)
    return {"course": course, "lessons": lessons, "run": run, "enrolment": enrolment, "user": enrolment.user}


def study(funded, lesson, seconds: int, *, start: datetime.datetime, **kwargs):
    """Heartbeats every 15 s for ``seconds`` from ``start`` (the first one starts the clock)."""
    progress = services.progress_heartbeat(user=funded["user"], lesson=lesson, resume=True, now=start)
    for second in range(15, seconds + 1, 15):
        progress = services.progress_heartbeat(
            user=funded["user"], lesson=lesson, now=start + datetime.timedelta(seconds=second), **kwargs
        )
    return progress


def percent(funded) -> int:
    return Enrolment.objects.get(pk=funded["enrolment"].pk).progress_percent


def test_the_heartbeat_refreshes_the_course_percent_as_time_grows(funded):
    first = funded["lessons"][0]

    study(funded, first, 45, start=kst(DAY, 10))
    assert percent(funded) == 0  # 45 s of 120: below half

    study(funded, first, 15, start=kst(DAY, 10, 5))  # 60 s: 50 % of the 차시, 4 차시
    assert percent(funded) == 12

    progress = study(funded, first, 60, start=kst(DAY, 10, 10))  # 120 s, no last page: 99 %
    assert progress.seconds_studied == 120 and progress.completed_at is None
    assert percent(funded) == 24


def test_reaching_the_last_page_completes_a_timed_lesson_and_credits_no_time(funded):
    first = funded["lessons"][0]
    study(funded, first, 60, start=kst(DAY, 10))

    progress = services.progress_heartbeat(
        user=funded["user"], lesson=first, resume=True, reached_end=True, now=kst(DAY, 10, 5)
    )
    assert progress.final_activity_at is not None and progress.seconds_studied == 60
    assert progress.completed_at is None and percent(funded) == 12

    progress = study(funded, first, 60, start=kst(DAY, 10, 10))
    assert progress.completed_at is not None
    assert percent(funded) == 25


def test_a_funded_lesson_credits_no_more_than_its_study_time(funded):
    first = funded["lessons"][0]

    progress = study(funded, first, 300, start=kst(DAY, 10))

    assert progress.seconds_studied == 120


def test_a_second_tab_adds_no_time(funded):
    first, second = funded["lessons"][:2]
    LessonProgress.objects.create(enrolment=funded["enrolment"], lesson=first, seconds_studied=100)  # 83 %: 2 opens
    start = kst(DAY, 10)
    for lesson in (first, second, first):  # the same 차시 twice and another one, all on screen at once
        services.progress_heartbeat(user=funded["user"], lesson=lesson, resume=True, now=start)
    for n in range(1, 5):
        for offset, lesson in enumerate((first, second, first)):
            services.progress_heartbeat(
                user=funded["user"], lesson=lesson, now=start + datetime.timedelta(seconds=15 * n + offset)
            )

    credited = sum(LessonProgress.objects.values_list("seconds_studied", flat=True)) - 100
    assert 0 < credited <= 62  # a minute passed (and two seconds of offsets): no more is credited


def test_the_finish_button_records_the_last_page_and_names_the_time_left(client, funded):
    first = funded["lessons"][0]
    client.force_login(funded["user"])

    response = client.post(f"/learn/lessons/{first.pk}/complete/", follow=True)

    progress = LessonProgress.objects.get(lesson=first)
    assert progress.final_activity_at is not None and progress.completed_at is None
    assert "이 차시를 완료하려면 2분 더 학습하세요" in response.content.decode()


def test_the_heartbeat_endpoint_takes_the_last_page_and_answers_the_percent(client, funded):
    first = funded["lessons"][0]
    client.force_login(funded["user"])

    data = client.post(f"/learn/lessons/{first.pk}/heartbeat/", {"resume": "1", "end": "1"}).json()

    assert data["recorded"] and data["reached_end"] and data["percent"] == 0


# --------------------------------------------------------------------------------------------
# Unlock: 차시 n+1 opens when 차시 n reaches the run's threshold
# --------------------------------------------------------------------------------------------


def test_the_next_lesson_is_refused_with_the_previous_lesson_and_the_minutes_left(client, funded):
    first, second = funded["lessons"][:2]
    client.force_login(funded["user"])

    assert client.get(first.url).status_code == 200
    response = client.get(second.url)

    text = response.content.decode()
    assert response.status_code == 403
    assert "1차시 드론 정비" in text and "80%" in text and "2분 더 학습하면" in text


def test_the_next_lesson_opens_once_the_previous_reaches_80_percent(client, funded):
    first, second = funded["lessons"][:2]
    now = timezone.now()
    services.progress_heartbeat(user=funded["user"], lesson=first, resume=True, now=now - datetime.timedelta(hours=1))
    for n in range(1, 7):  # 90 s of 120: 75 %
        services.progress_heartbeat(
            user=funded["user"],
            lesson=first,
            now=now - datetime.timedelta(hours=1) + datetime.timedelta(seconds=15 * n),
        )
    client.force_login(funded["user"])
    response = client.get(second.url)
    assert response.status_code == 403 and "1분 더 학습하면" in response.content.decode()

    LessonProgress.objects.filter(lesson=first).update(seconds_studied=96)  # 80 %

    assert client.get(second.url).status_code == 200


def test_the_unlock_threshold_is_the_runs(client, funded):
    first, second = funded["lessons"][:2]
    run = funded["run"]
    run.unlock_next_at = 100
    run.save()
    LessonProgress.objects.create(enrolment=funded["enrolment"], lesson=first, seconds_studied=120)
    client.force_login(funded["user"])

    response = client.get(second.url)
    assert response.status_code == 403 and "마지막 페이지" in response.content.decode()

    LessonProgress.objects.filter(lesson=first).update(final_activity_at=timezone.now())
    assert client.get(second.url).status_code == 200


def test_a_locked_lesson_is_credited_nothing(funded):
    second = funded["lessons"][1]

    progress = study(funded, second, 60, start=kst(DAY, 10))

    assert progress.seconds_studied == 0


def test_staff_are_not_gated(client, funded):
    client.force_login(f.instructor_of(funded["course"].institute))

    assert client.get(funded["lessons"][3].url).status_code == 200


def test_unfunded_runs_open_every_lesson(client, funded):
    run = funded["run"]
    run.emp_ins_flag = FundingScheme.UNFUNDED
    run.save()
    client.force_login(funded["user"])

    assert client.get(funded["lessons"][3].url).status_code == 200


# --------------------------------------------------------------------------------------------
# The 훈련기간: nothing is credited after training_end 23:59:59 KST; the lessons open for review
# --------------------------------------------------------------------------------------------


def test_nothing_is_credited_after_the_last_day_of_the_training_period(funded):
    run = funded["run"]
    run.training_end = DAY
    run.save()
    first = funded["lessons"][0]

    before = study(funded, first, 15, start=kst(DAY, 23, 59, 40))  # the beat at 23:59:55 counts
    assert before.seconds_studied == 15

    after = services.progress_heartbeat(  # 00:00:10 KST the next day: 15 s passed, none counts
        user=funded["user"], lesson=first, reached_end=True, now=kst(DAY + datetime.timedelta(days=1), 0, 0, 10)
    )
    assert after.seconds_studied == 15 and after.final_activity_at is None


def test_after_the_training_period_lessons_open_for_review(client, funded):
    run = funded["run"]
    run.training_end = timezone.localdate() - datetime.timedelta(days=1)
    run.training_start = run.training_end - datetime.timedelta(days=30)
    run.save()
    client.force_login(funded["user"])

    assert client.get(funded["lessons"][3].url).status_code == 200


def test_the_lesson_page_shows_the_lesson_percent_and_marks_its_end(client, funded):
    first = funded["lessons"][0]
    LessonProgress.objects.create(enrolment=funded["enrolment"], lesson=first, seconds_studied=90)
    client.force_login(funded["user"])

    text = client.get(first.url).content.decode()

    assert "차시 진도율" in text and "<span data-lesson-percent>75</span>%" in text
    assert "data-lesson-end" in text
    assert "마지막 페이지를 학습하지 않으면 진도율이 99%에서 멈춥니다" in text

    LessonProgress.objects.filter(lesson=first).update(final_activity_at=timezone.now())
    assert "data-lesson-end" not in client.get(first.url).content.decode()


def test_an_unfunded_lesson_page_has_no_percent_nor_end_marker(client, funded):
    run = funded["run"]
    run.emp_ins_flag = FundingScheme.UNFUNDED
    run.save()
    client.force_login(funded["user"])

    text = client.get(funded["lessons"][0].url).content.decode()

    assert "data-lesson-percent" not in text and "data-lesson-end" not in text
