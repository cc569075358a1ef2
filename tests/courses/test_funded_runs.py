"""The funding switch (DOMAIN-KR §1.0): a funded run needs its identifiers and a long enough 훈련기간;
``manage.py check`` refuses one that lacks them; unfunded runs behave as before."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from courses import services
from courses.checks import funded_runs_are_complete
from courses.funding import funding_errors, min_training_days
from courses.models import CourseRun, Enrolment, FundingScheme, LessonPage
from tests import factories as f

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 3, 2)


def funded_fields(**overrides) -> dict:
    fields = {
        "emp_ins_flag": FundingScheme.EMPLOYER,
        "hrd_tracse_id": "AIG20260000123456",
        "hrd_tracse_tme": "1",
        "training_start": START,
        "training_end": START + datetime.timedelta(days=29),
    }
    fields.update(overrides)
    return fields


@pytest.fixture
def course():
    institute = f.institute_page("알파연구원")
    course = f.course_page(institute, "드론 정비 원격훈련", simsa_code="S2026-0001")
    for _n in range(20):
        f.lesson_page(course, minutes=30)
    return course


def test_only_flags_above_zero_are_funded(course):
    run = f.course_run(course)

    assert run.emp_ins_flag == FundingScheme.UNFUNDED and not run.is_funded
    assert all(CourseRun(course=course, emp_ins_flag=flag).is_funded for flag in (1, 2, 3, 4))


def test_an_unfunded_run_needs_nothing(course):
    course.simsa_code = ""
    course.save()

    assert funding_errors(CourseRun(course=course, title="x", starts_on=START, ends_on=START)) == {}


def test_a_complete_funded_run_passes(course):
    assert funding_errors(CourseRun(course=course, **funded_fields())) == {}


def test_a_funded_run_without_identifiers_is_refused(course):
    course.simsa_code = ""
    course.save()
    run = CourseRun(course=course, emp_ins_flag=FundingScheme.EMPLOYER)

    errors = funding_errors(run)

    assert set(errors) == {"hrd_tracse_id", "hrd_tracse_tme", "training_start", "training_end", "__all__"}
    assert "심사과정코드" in " ".join(errors["__all__"])


@pytest.mark.parametrize(
    ("lessons", "days"),
    [(0, 0), (1, 1), (8, 1), (10, 1), (11, 2), (20, 2), (21, 3), (40, 4), (41, 5)],
)
def test_minimum_training_days_reach_80_percent_at_8_lessons_a_day(lessons, days):
    assert min_training_days(lessons, daily_cap=8) == days


def test_a_training_period_too_short_to_reach_80_percent_is_refused(course):
    # 20 required 차시: 80 % is 16 차시, two days at 8 a day.
    one_day = CourseRun(course=course, **funded_fields(training_end=START))
    two_days = CourseRun(course=course, **funded_fields(training_end=START + datetime.timedelta(days=1)))

    assert "training_end" in funding_errors(one_day)
    assert funding_errors(two_days) == {}


def test_optional_lessons_do_not_count_and_draft_lessons_do(course):
    for _n in range(4):
        f.lesson_page(course, minutes=30, required=False)
    two_days = CourseRun(course=course, **funded_fields(training_end=START + datetime.timedelta(days=1)))
    assert funding_errors(two_days) == {}

    draft = f.lesson_page(course, minutes=30)
    draft.unpublish()  # 21 required 차시, one of them a draft: three days
    assert "training_end" in funding_errors(two_days)


def test_a_funded_course_needs_study_time_on_every_required_lesson(course):
    f.lesson_page(course, "실습 안내", minutes=0)
    f.lesson_page(course, "참고 자료", minutes=0, required=False)

    errors = funding_errors(CourseRun(course=course, **funded_fields()))

    assert "실습 안내" in " ".join(errors["__all__"])
    assert "참고 자료" not in " ".join(errors["__all__"])


def test_the_system_check_refuses_a_funded_run_without_its_identifiers(course):
    good = f.course_run(course, **funded_fields())
    bad = f.course_run(course, title="2026년 2차", **funded_fields(hrd_tracse_id=""))
    f.course_run(course, title="비환급")

    errors = funded_runs_are_complete()

    assert [(error.id, error.obj) for error in errors] == [("courses.E001", bad)]
    assert good != bad
    with pytest.raises(SystemCheckError, match="courses.E001"):
        call_command("check")


def test_the_system_check_refuses_a_funded_run_whose_course_has_no_review_code(course):
    f.course_run(course, **funded_fields())
    assert funded_runs_are_complete() == []

    CoursePage = type(course)
    CoursePage.objects.filter(pk=course.pk).update(simsa_code="")

    assert [error.id for error in funded_runs_are_complete()] == ["courses.E001"]


# --------------------------------------------------------------------------------------------
# The admin's run form
# --------------------------------------------------------------------------------------------


def run_form_data(course, **overrides) -> dict:
    data = {
        "course": course.pk,
        "title": "2026년 환급 1차",
        "starts_on": "2026-03-02",
        "ends_on": "2026-04-30",
        "emp_ins_flag": "1",
        "hrd_tracse_id": "AIG20260000123456",
        "hrd_tracse_tme": "3",
        "training_start": "2026-03-02",
        "training_end": "2026-03-31",
        "unlock_next_at": "80",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_run_form_shows_the_funding_fields_under_their_heading(client, course):
    client.force_login(f.manager_of(course.institute))

    text = client.get("/cms/academy/runs/add/").content.decode()

    assert "사업주훈련 (환급)" in text
    assert text.index("사업주훈련 (환급)") < text.index('name="hrd_tracse_id"')
    assert "HRD-Net 훈련과정 ID" in text


def test_the_run_form_saves_a_complete_funded_run(client, course):
    client.force_login(f.manager_of(course.institute))

    response = client.post("/cms/academy/runs/add/", run_form_data(course))

    assert response.status_code == 302
    run = CourseRun.objects.get(title="2026년 환급 1차")
    assert run.is_funded and run.hrd_tracse_id == "AIG20260000123456" and run.unlock_next_at == 80


def test_the_run_form_refuses_a_funded_run_without_identifiers_in_korean(client, course):
    client.force_login(f.manager_of(course.institute))

    response = client.post("/cms/academy/runs/add/", run_form_data(course, hrd_tracse_id="", hrd_tracse_tme=""))

    text = response.content.decode()
    assert response.status_code == 200
    assert "환급 과정에는 HRD-Net 훈련과정 ID(17자리)가 필요합니다" in text
    assert not CourseRun.objects.filter(title="2026년 환급 1차").exists()


def test_the_run_form_refuses_an_id_that_is_not_17_characters(client, course):
    client.force_login(f.manager_of(course.institute))

    response = client.post("/cms/academy/runs/add/", run_form_data(course, hrd_tracse_id="AIG2026"))

    assert response.status_code == 200
    assert "17자리" in response.content.decode()
    assert not CourseRun.objects.exists()


def test_the_run_form_refuses_a_training_period_too_short(client, course):
    client.force_login(f.manager_of(course.institute))

    response = client.post("/cms/academy/runs/add/", run_form_data(course, training_end="2026-03-02"))

    text = response.content.decode()
    assert response.status_code == 200
    assert "훈련기간이 너무 짧습니다" in text and "최소 2일" in text
    assert not CourseRun.objects.exists()


@pytest.mark.parametrize("unlock", ["49", "101"])
def test_the_run_form_refuses_an_unlock_threshold_outside_50_to_100(client, course, unlock):
    client.force_login(f.manager_of(course.institute))

    response = client.post("/cms/academy/runs/add/", run_form_data(course, unlock_next_at=unlock))

    assert response.status_code == 200
    assert not CourseRun.objects.exists()


def test_the_run_form_without_funding_fields_saves_an_unfunded_run(client, course):
    client.force_login(f.manager_of(course.institute))
    data = run_form_data(
        course,
        emp_ins_flag=None,
        hrd_tracse_id=None,
        hrd_tracse_tme=None,
        training_start=None,
        training_end=None,
        unlock_next_at=None,
    )

    response = client.post("/cms/academy/runs/add/", data)

    assert response.status_code == 302
    run = CourseRun.objects.get()
    assert not run.is_funded and run.unlock_next_at == 80


def _lesson_form(client, lesson, **changes) -> dict:
    html = client.get(f"/cms/pages/{lesson.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for key in [k for k in data if k.startswith("body")]:
        del data[key]
    changes.setdefault("body", streamfield([("paragraph", rich_text("<p>내용</p>"))]))
    changes.setdefault("body_en", streamfield([]))
    data.update(nested_form_data(changes))
    return data


def test_a_lesson_of_a_funded_course_cannot_drop_its_study_time(client, course):
    f.course_run(course, **funded_fields())
    lesson = course.lessons().first()
    client.force_login(f.instructor_of(course.institute))

    data = _lesson_form(client, lesson, study_minutes="0", required="on", final_activity_required="on")

    response = client.post(f"/cms/pages/{lesson.pk}/edit/", data)

    assert response.status_code == 200
    assert "환급 과정이 있는 교육과정" in response.content.decode()
    assert LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object().study_minutes == 30

    optional = _lesson_form(client, lesson, study_minutes="0", required="", final_activity_required="on")
    assert client.post(f"/cms/pages/{lesson.pk}/edit/", optional).status_code == 302


# --------------------------------------------------------------------------------------------
# Unfunded runs behave exactly as before
# --------------------------------------------------------------------------------------------


def test_an_unfunded_run_keeps_todays_progress_lessons_and_completion(client):
    institute = f.institute_page()
    course = f.course_page(institute)
    timed = f.lesson_page(course, minutes=1)
    untimed = f.lesson_page(course, minutes=0)
    second_untimed = f.lesson_page(course, minutes=0)
    enrolment = f.enrolment(f.course_run(course))
    user = enrolment.user
    t0 = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)

    # Lessons open in any order, none gated by the previous one.
    client.force_login(user)
    assert client.get(second_untimed.url).status_code == 200

    # Progress is the share of completed required lessons; time only gates completion.
    services.lesson_complete(user=user, lesson=untimed)
    enrolment.refresh_from_db()
    assert enrolment.progress_percent == 33

    for second in range(0, 61, 15):
        services.progress_heartbeat(user=user, lesson=timed, now=t0 + datetime.timedelta(seconds=second))
    services.lesson_complete(user=user, lesson=timed)
    services.lesson_complete(user=user, lesson=second_untimed)

    enrolment.refresh_from_db()
    assert enrolment.progress_percent == 100
    assert enrolment.status == Enrolment.Status.COMPLETED


def test_a_course_with_funded_runs_cannot_drop_its_review_code(course):
    f.course_run(course, **funded_fields())
    course.simsa_code = ""

    with pytest.raises(ValidationError) as refused:
        course.clean()

    assert "simsa_code" in refused.value.message_dict
