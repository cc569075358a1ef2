"""Study time is measured on the server's clock; lessons, progress and completion follow from it."""

import datetime

import pytest
from django.utils import timezone

from courses import completion, services
from courses.models import AttendanceSession, Enrolment, LessonProgress
from tests import factories as f

pytestmark = pytest.mark.django_db

T0 = timezone.make_aware(datetime.datetime(2026, 11, 25, 10, 0, 0))


def at(seconds: float) -> datetime.datetime:
    return T0 + datetime.timedelta(seconds=seconds)


@pytest.fixture
def study():
    institute = f.institute_page()
    course = f.course_page(institute)
    lessons = [f.lesson_page(course, minutes=1), f.lesson_page(course, minutes=0), f.lesson_page(course, minutes=2)]
    optional = f.lesson_page(course, minutes=0, required=False)
    run = f.course_run(course)
    enrolment = f.enrolment(run)
    return {"course": course, "lessons": lessons, "optional": optional, "enrolment": enrolment, "user": enrolment.user}


def beat(study, lesson, seconds, **kwargs):
    return services.progress_heartbeat(user=study["user"], lesson=lesson, now=at(seconds), **kwargs)


def test_heartbeats_credit_the_time_that_passed(study):
    lesson = study["lessons"][0]
    for second in range(0, 61, 15):
        progress = beat(study, lesson, second)

    assert progress.seconds_studied == 60


def test_a_flood_of_heartbeats_cannot_inflate_time(study):
    lesson = study["lessons"][0]
    for n in range(500):
        progress = beat(study, lesson, n * 0.01)  # 500 beats within five seconds

    assert progress.seconds_studied <= 5


def test_parallel_tabs_share_one_clock(study):
    first, third = study["lessons"][0], study["lessons"][2]
    for second in range(0, 121, 15):
        beat(study, first, second)
        beat(study, third, second + 1)

    total = sum(LessonProgress.objects.values_list("seconds_studied", flat=True))
    assert total <= 121


def test_the_enrolment_keeps_the_sum_of_its_lessons_seconds(study, django_assert_num_queries):
    """``Enrolment.seconds_studied`` (what the cluster report reads) follows every credited heartbeat,
    in the same statement count as before it existed (the row read back after the credit is gone)."""
    first, third = study["lessons"][0], study["lessons"][2]
    for second in range(0, 46, 15):
        beat(study, first, second)
        beat(study, third, second + 1)
    beat(study, first, 60)
    with django_assert_num_queries(8):  # as before the sum: its UPDATE replaced reading the progress row back
        progress = beat(study, first, 75)
    # The first lesson: 14 s at 15, 30, 45 and 60 (the other tab took a second each time), 15 s at 75;
    # the third: 1 s at 1, 16, 31 and 46.
    assert progress.seconds_studied == 14 * 4 + 15 == 71
    rows = list(LessonProgress.objects.values_list("seconds_studied", flat=True))
    study["enrolment"].refresh_from_db()
    assert study["enrolment"].seconds_studied == sum(rows) == 75


def test_hidden_tab_time_and_long_gaps_do_not_count(study):
    lesson = study["lessons"][0]
    beat(study, lesson, 0)
    beat(study, lesson, 15)
    progress = beat(study, lesson, 15 + 3600)  # laptop closed for an hour
    assert progress.seconds_studied == 15
    progress = beat(study, lesson, 3700, resume=True)  # tab visible again: a fresh start
    assert progress.seconds_studied == 15
    progress = beat(study, lesson, 3715)
    assert progress.seconds_studied == 30


def test_clock_going_backwards_credits_nothing(study):
    lesson = study["lessons"][0]
    beat(study, lesson, 100)

    progress = beat(study, lesson, 50)

    assert progress.seconds_studied == 0


def test_lesson_completes_only_after_its_required_minutes(study):
    lesson = study["lessons"][0]
    beat(study, lesson, 0)
    beat(study, lesson, 30)

    with pytest.raises(services.EnrolmentError, match="1분 더 학습"):
        services.lesson_complete(user=study["user"], lesson=lesson)
    beat(study, lesson, 60)
    progress = services.lesson_complete(user=study["user"], lesson=lesson)

    assert progress.completed_at is not None


def test_progress_is_the_share_of_required_lessons(study):
    user, lessons = study["user"], study["lessons"]
    services.lesson_complete(user=user, lesson=lessons[1])  # no minimum
    services.lesson_complete(user=user, lesson=study["optional"])  # does not count

    enrolment = Enrolment.objects.get(pk=study["enrolment"].pk)
    assert enrolment.progress_percent == 33


def test_completion_is_immediate_when_the_rule_is_met(study):
    user, lessons = study["user"], study["lessons"]
    study["course"].min_progress_percent = 60
    study["course"].save()
    services.lesson_complete(user=user, lesson=lessons[1])
    for second in range(0, 61, 15):
        beat(study, lessons[0], second)

    services.lesson_complete(user=user, lesson=lessons[0])

    enrolment = Enrolment.objects.get(pk=study["enrolment"].pk)
    assert enrolment.progress_percent == 66
    assert enrolment.status == "completed"
    assert enrolment.completed_at is not None
    assert enrolment.events.last().reason == "수료기준을 충족했습니다."


def test_missing_items_are_listed_for_the_trainee(study, client):
    enrolment = study["enrolment"]
    items = completion.missing(enrolment)

    assert [item.key for item in items] == ["progress"]
    assert "진도율 80% 이상 (현재 0%)" in items[0].label
    client.force_login(study["user"])
    assert "진도율 80% 이상 (현재 0%)" in client.get("/learn/").content.decode()
    assert "진도율 80% 이상 (현재 0%)" in client.get(study["course"].url).content.decode()


def test_attendance_counts_for_on_site_runs(study):
    course = study["course"]
    course.delivery_mode = "onsite"
    course.min_progress_percent = 0
    course.save()
    enrolment = study["enrolment"]
    instructor = f.instructor_of(course.institute)
    sessions = [
        AttendanceSession.objects.create(run=enrolment.run, title=f"{n}회차", starts_at=at(n * 86400)) for n in range(5)
    ]

    for session in sessions[:3]:
        services.attendance_record(session=session, enrolment=enrolment, present=True, actor=instructor)
    enrolment.refresh_from_db()
    assert enrolment.status == "active"
    assert "출석률 80% 이상 (현재 60%)" in completion.missing(enrolment)[0].label

    services.attendance_record(session=sessions[3], enrolment=enrolment, present=True, actor=instructor)

    enrolment.refresh_from_db()
    assert enrolment.status == "completed"


def test_heartbeat_endpoint_reports_progress_and_refuses_strangers(client, study):
    lesson = study["lessons"][0]
    client.force_login(study["user"])

    response = client.post(f"/learn/lessons/{lesson.pk}/heartbeat/", {"resume": "1"})

    assert response.json() == {
        "recorded": True,
        "seconds_studied": 0,
        "required_seconds": 60,
        "completed": False,
        "can_complete": False,
    }
    client.force_login(f.UserFactory())
    assert client.post(f"/learn/lessons/{lesson.pk}/heartbeat/").status_code == 404


def test_finish_button_without_enough_time_explains(client, study):
    client.force_login(study["user"])
    lesson = study["lessons"][2]

    response = client.post(f"/learn/lessons/{lesson.pk}/complete/", follow=True)

    assert "2분 더 학습하세요" in response.content.decode()
    assert not LessonProgress.objects.filter(lesson=lesson, completed_at__isnull=False).exists()


def test_finishing_a_lesson_moves_to_the_next(client, study):
    client.force_login(study["user"])
    lesson = study["lessons"][1]

    response = client.post(f"/learn/lessons/{lesson.pk}/complete/")

    assert response["Location"] == study["lessons"][2].url


def test_the_migration_fills_the_enrolments_sums(study):
    """``courses/0014`` sets each enrolment's seconds to the sum of its lessons' (0 without any)."""
    import importlib

    from django.apps import apps
    from django.db import connection

    first, third = study["lessons"][0], study["lessons"][2]
    LessonProgress.objects.create(enrolment=study["enrolment"], lesson=first, seconds_studied=600)
    LessonProgress.objects.create(enrolment=study["enrolment"], lesson=third, seconds_studied=45)
    other = f.enrolment(study["enrolment"].run)
    assert set(Enrolment.objects.values_list("seconds_studied", flat=True)) == {0}  # rows written directly
    migration = importlib.import_module("courses.migrations.0014_enrolment_seconds_studied")
    with connection.schema_editor(atomic=True) as editor:
        migration.fill(apps, editor)
    assert dict(Enrolment.objects.values_list("pk", "seconds_studied")) == {study["enrolment"].pk: 645, other.pk: 0}
