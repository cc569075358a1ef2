"""만족도 설문 (DOMAIN-KR §6 F6.2(b)): one response per enrolment, editable until the training period
ends, required before the 최종평가 of a funded run (not of an unfunded one), anonymous results per run."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError
from django.utils import timezone, translation

from assessments import services
from assessments.models import Attempt, SurveyPage, SurveyResponse
from assessments.survey import ITEM_KEYS, survey_results
from courses.models import Enrolment
from tests import factories as f

from .funded_support import funded_course, kst

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
END = TODAY + datetime.timedelta(days=10)  # the run is open now, so the pages (on the real clock) take answers
DAY = TODAY  # inside the training period


def add_survey(course, **fields) -> SurveyPage:
    survey = course.add_child(
        instance=SurveyPage(title=fields.pop("title", "과정 만족도 설문"), slug="survey", **fields)
    )
    survey.save_revision().publish()
    return survey


def all_answers(value: int = 4) -> dict[str, int]:
    return dict.fromkeys(ITEM_KEYS, value)


@pytest.fixture
def world():
    world = funded_course(end=END)
    world["survey"] = add_survey(world["course"])
    return world


def test_the_final_test_of_a_funded_run_waits_for_the_required_survey(world):
    enrolment = f.enrolment(world["run"], progress_percent=85)

    with translation.override("ko"), pytest.raises(services.GateRefusal) as refused:
        services.attempt_start(quiz=world["final_test"], user=enrolment.user, now=kst(DAY, 10))
    assert "만족도 설문" in str(refused.value) and "“과정 만족도 설문”" in str(refused.value)
    assert not Attempt.objects.exists()

    services.survey_respond(survey=world["survey"], enrolment=enrolment, answers=all_answers(), now=kst(DAY, 10))
    assert services.attempt_start(quiz=world["final_test"], user=enrolment.user, now=kst(DAY, 10, 5)).is_open


def test_the_start_view_answers_403_naming_the_survey(client, world):
    enrolment = f.enrolment(world["run"], progress_percent=85)
    client.force_login(enrolment.user)

    response = client.post(f"/learn/quizzes/{world['final_test'].pk}/start/", HTTP_ACCEPT_LANGUAGE="ko")

    assert response.status_code == 403
    assert "과정 만족도 설문" in response.content.decode()


def test_the_progress_test_and_an_unrequired_survey_do_not_block(world):
    enrolment = f.enrolment(world["run"], progress_percent=85)
    assert services.attempt_start(quiz=world["progress_test"], user=enrolment.user, now=kst(DAY, 10)).is_open

    world["survey"].required_before_final = False
    world["survey"].save_revision().publish()
    assert services.attempt_start(quiz=world["final_test"], user=enrolment.user, now=kst(DAY, 11)).is_open


def test_an_unfunded_run_never_requires_the_survey():
    world = funded_course(funded=False, end=END)
    add_survey(world["course"])
    enrolment = f.enrolment(world["run"], progress_percent=85)

    assert services.attempt_start(quiz=world["final_test"], user=enrolment.user, now=kst(DAY, 10)).is_open


def test_one_response_per_enrolment_changed_in_place(world):
    enrolment = f.enrolment(world["run"])
    services.survey_respond(survey=world["survey"], enrolment=enrolment, answers=all_answers(2), now=kst(DAY, 10))
    services.survey_respond(
        survey=world["survey"], enrolment=enrolment, answers=all_answers(5), comment=" 좋았습니다 ", now=kst(DAY, 12)
    )

    response = SurveyResponse.objects.get()
    assert response.answers == all_answers(5) and response.comment == "좋았습니다"
    assert response.submitted_at == kst(DAY, 10) and response.updated_at == kst(DAY, 12)
    with pytest.raises(IntegrityError):
        SurveyResponse.objects.create(survey=world["survey"], enrolment=enrolment, answers=all_answers())


def test_answers_change_until_the_last_day_of_the_training_period_and_not_after(world):
    enrolment = f.enrolment(world["run"])
    services.survey_respond(survey=world["survey"], enrolment=enrolment, answers=all_answers(3), now=kst(END, 23, 59))

    with translation.override("ko"), pytest.raises(services.AssessmentError, match="설문"):
        services.survey_respond(
            survey=world["survey"],
            enrolment=enrolment,
            answers=all_answers(1),
            now=kst(END + datetime.timedelta(days=1), 0, 0),
        )
    assert SurveyResponse.objects.get().answers == all_answers(3)


@pytest.mark.parametrize(
    "answers",
    [
        {**all_answers(), ITEM_KEYS[0]: 6},
        {key: 3 for key in ITEM_KEYS[1:]},
        {**all_answers(), "extra": 3},
    ],
)
def test_an_incomplete_or_out_of_range_answer_is_refused_and_nothing_written(world, answers):
    enrolment = f.enrolment(world["run"])
    with pytest.raises(services.AssessmentError):
        services.survey_respond(survey=world["survey"], enrolment=enrolment, answers=answers, now=kst(DAY, 10))
    assert not SurveyResponse.objects.exists()


def test_a_trainee_answers_on_the_survey_page(client, world):
    enrolment = f.enrolment(world["run"])
    client.force_login(enrolment.user)
    url = world["survey"].url

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="ko")
    assert page.status_code == 200
    assert "과정 만족도" in page.content.decode() and "강의 수준" in page.content.decode()

    incomplete = client.post(url, {ITEM_KEYS[0]: "5"})
    assert incomplete.status_code == 400 and not SurveyResponse.objects.exists()

    done = client.post(url, {**{key: "4" for key in ITEM_KEYS}, "comment": "실습이 유익했습니다"})
    assert done.status_code == 302
    assert SurveyResponse.objects.get(enrolment=enrolment).comment == "실습이 유익했습니다"


def test_a_visitor_not_enrolled_cannot_answer(client, world):
    client.force_login(f.UserFactory())
    response = client.post(world["survey"].url, {key: "4" for key in ITEM_KEYS})
    assert response.status_code == 302 and not SurveyResponse.objects.exists()


def test_results_per_run_average_items_and_categories_without_names(client, world):
    run = world["run"]
    trainees = [f.enrolment(run) for _ in range(4)]
    f.enrolment(run, status=Enrolment.Status.PENDING)  # not counted
    answers = [
        {**all_answers(4), "course_content": 5, "course_structure": 3},
        {**all_answers(2), "course_content": 4, "course_structure": 4},
        {**all_answers(5), "course_content": 3, "course_structure": 5},
    ]
    comments = ["화면이 느립니다", "", "실습이 더 있으면 좋겠습니다"]
    for enrolment, answer, comment in zip(trainees, answers, comments, strict=False):
        services.survey_respond(
            survey=world["survey"], enrolment=enrolment, answers=answer, comment=comment, now=kst(DAY, 10)
        )

    results = survey_results(run=run)
    assert (results.responses, results.enrolled, results.response_rate) == (3, 4, Decimal("75.0"))
    course = results.categories[0]
    assert [item.average for item in course.items] == [Decimal("4.00"), Decimal("4.00")]
    assert course.average == Decimal("4.00")
    assert results.categories[1].average == Decimal("3.67")  # (4 + 2 + 5) / 3 for each teaching item
    assert results.comments == ["실습이 더 있으면 좋겠습니다", "화면이 느립니다"]

    client.force_login(world["manager"])
    page = client.get(f"/cms/assessments/runs/{run.pk}/survey/", HTTP_ACCEPT_LANGUAGE="ko")
    assert page.status_code == 200
    html = page.content.decode()
    assert "3.67" in html and "75.0" in html and "화면이 느립니다" in html
    for enrolment in trainees:
        assert enrolment.user.name_ko not in html and enrolment.user.email not in html


def test_another_institutes_staff_cannot_read_the_results(client, world):
    other = f.institute_page("베타연구원")
    client.force_login(f.manager_of(other))
    assert client.get(f"/cms/assessments/runs/{world['run'].pk}/survey/").status_code == 404
