"""학습 유의사항 of a funded run (DOMAIN-KR §6): 본인인증 and 보안절차, 수료기준 with the run's numbers,
1일 진도제한, 평가/과제 rules, 모사답안 처리기준; Korean first, English second; unfunded runs have none."""

import pytest
from django.utils import translation

from tests import factories as f
from tests.assessments.funded_support import funded_course

pytestmark = pytest.mark.django_db


def notice_url(run):
    return f"/learn/runs/{run.pk}/notice/"


def test_the_notice_states_the_runs_numbers_in_korean(client):
    world = funded_course()
    client.force_login(f.UserFactory())

    with translation.override("ko"):
        text = client.get(notice_url(world["run"])).content.decode()

    for heading in (
        "학습 유의사항",
        "본인인증 및 보안절차",
        "수료기준",
        "1일 진도제한",
        "평가 및 과제 제출",
        "모사답안 처리기준",
    ):
        assert heading in text
    assert "진도율 80 % 이상" in text
    assert "총점 60점 이상: 진행단계평가 10 %, 최종평가 40 %, 과제 50 %" in text
    assert "1일 최대 8차시(8시간)" in text
    assert "23:57 이후에는 평가를 시작할 수 없으며" in text
    assert "90 % 이상 일치" in text and "모두 0점" in text
    assert "진행단계평가는 진도율 50 %부터" in text


def test_the_notice_reads_in_english(client):
    world = funded_course()
    client.force_login(f.UserFactory())
    client.cookies["academy_language"] = "en"

    text = client.get(notice_url(world["run"]), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Study rules" in text and "Rules on copied answers" in text
    assert "90 % or more identical" in text


def test_unfunded_runs_have_no_notice_and_anonymous_visitors_sign_in(client):
    unfunded = funded_course(funded=False)
    assert client.get(notice_url(unfunded["run"])).status_code == 302

    client.force_login(f.UserFactory())
    assert client.get(notice_url(unfunded["run"])).status_code == 404
    assert client.get("/learn/runs/999999/notice/").status_code == 404


def test_the_notice_of_an_unpublished_course_is_only_for_its_trainees_and_staff(client):
    """Review: the page names the course and the run; a course not published is no one else's business."""
    world = funded_course()
    world["course"].unpublish()
    trainee = f.enrolment(world["run"]).user

    client.force_login(f.UserFactory())
    assert client.get(notice_url(world["run"])).status_code == 404
    client.force_login(f.manager_of(f.institute_page()))
    assert client.get(notice_url(world["run"])).status_code == 404

    client.force_login(trainee)
    assert client.get(notice_url(world["run"])).status_code == 200
    client.force_login(world["manager"])
    assert client.get(notice_url(world["run"])).status_code == 200
