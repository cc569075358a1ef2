"""만족도 설문 results never identify a trainee: below ``ACADEMY_SURVEY_MIN_RESPONSES`` responses in a
run (default 3) the staff see only how many answered, no average, distribution or comment."""

import datetime
import re

import pytest
from django.test import override_settings
from django.utils import timezone

from assessments import services
from assessments.survey import survey_results
from tests import factories as f

from .funded_support import funded_course, kst
from .test_survey import add_survey, all_answers

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def world():
    world = funded_course(end=TODAY + datetime.timedelta(days=10))
    world["survey"] = add_survey(world["course"])
    return world


def respond(world, answers, comment=""):
    enrolment = f.enrolment(world["run"])
    services.survey_respond(
        survey=world["survey"], enrolment=enrolment, answers=answers, comment=comment, now=kst(TODAY, 10)
    )
    return enrolment


def results_page(client, world) -> str:
    client.force_login(world["manager"])
    response = client.get(f"/cms/assessments/runs/{world['run'].pk}/survey/", HTTP_ACCEPT_LANGUAGE="ko")
    assert response.status_code == 200
    return response.content.decode()


def test_two_responses_show_only_the_count(client, world):
    respond(world, {**all_answers(4), "teaching_level": 1}, comment="강사님 설명이 너무 빨랐습니다")
    respond(world, all_answers(2), comment="실습 장비가 부족했습니다")

    results = survey_results(run=world["run"])
    assert results.withheld and results.responses == 2
    assert results.categories == [] and results.comments == []

    html = results_page(client, world)
    assert "응답이 3건 미만이라 표시하지 않습니다" in html
    assert "응답: 교육생 2명 중 2명" in html
    assert "강사님 설명이 너무 빨랐습니다" not in html and "실습 장비가 부족했습니다" not in html
    assert "survey-distribution" not in html and "영역 평균" not in html


def test_from_three_responses_the_distribution_and_comments_show(client, world):
    respond(world, {**all_answers(4), "teaching_level": 1}, comment="강사님 설명이 너무 빨랐습니다")
    respond(world, all_answers(2))
    respond(world, {**all_answers(5), "teaching_level": 5}, comment="실습 장비가 부족했습니다")

    results = survey_results(run=world["run"])
    assert not results.withheld
    teaching_level = next(row for c in results.categories for row in c.items if row.item.key == "teaching_level")
    assert teaching_level.distribution == (1, 1, 0, 0, 1)  # one each answered 1, 2 and 5

    html = results_page(client, world)
    assert "표시하지 않습니다" not in html
    assert "강사님 설명이 너무 빨랐습니다" in html and "실습 장비가 부족했습니다" in html
    assert "1: 1 · 2: 1 · 3: 0 · 4: 0 · 5: 1" in re.sub(r"<[^>]+>", "", html)


@override_settings(ACADEMY_SURVEY_MIN_RESPONSES=5)
def test_the_minimum_is_a_setting(client, world):
    for value in (3, 4, 5, 4):
        respond(world, all_answers(value), comment=f"의견 {value}")

    assert survey_results(run=world["run"]).withheld
    html = results_page(client, world)
    assert "응답이 5건 미만이라 표시하지 않습니다" in html and "의견 3" not in html

    respond(world, all_answers(2))
    assert not survey_results(run=world["run"]).withheld
    assert "의견 3" in results_page(client, world)


def test_responses_of_another_run_do_not_count_toward_the_minimum(world):
    other_run = f.course_run(world["course"], title="2026년 2차")
    for value in (3, 4):
        enrolment = f.enrolment(other_run)
        services.survey_respond(
            survey=world["survey"], enrolment=enrolment, answers=all_answers(value), now=kst(TODAY, 10)
        )
    respond(world, all_answers(5), comment="혼자 답한 의견")

    results = survey_results(run=world["run"])
    assert results.responses == 1 and results.withheld and results.comments == []


def test_removing_a_trainee_does_not_take_their_answers_out_of_the_results(world):
    """Security review: if a removed trainee's response dropped out, the results before and after
    the removal would differ by exactly their answers and comment."""
    from courses.models import Enrolment

    singled_out = respond(world, {**all_answers(4), "teaching_level": 1}, comment="강사님 설명이 너무 빨랐습니다")
    for value in (2, 5, 3):
        respond(world, all_answers(value))
    before = survey_results(run=world["run"])

    Enrolment.objects.filter(pk=singled_out.pk).update(status=Enrolment.Status.REMOVED)
    after = survey_results(run=world["run"])

    assert after.responses == before.responses == 4
    assert after.comments == before.comments == ["강사님 설명이 너무 빨랐습니다"]
    assert [row.distribution for c in after.categories for row in c.items] == [
        row.distribution for c in before.categories for row in c.items
    ]
