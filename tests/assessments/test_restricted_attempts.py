"""A restricted course's quiz after the start (DOMAIN-KR §3.3 F3.2, F3.5): the review, the autosave and
*Finish this lesson* ask every condition on every request and are logged, like the lesson and quiz pages.
A condition that lapses after the attempt (here the step-up check, then the organisation's vetting)
closes them at the next request."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import services as account_services
from accounts.models import VettingStatus
from assessments import services
from assessments.models import AttemptAnswer
from compliance.models import IdentityCheck, PledgeSignature
from courses.models import LessonProgress, Sensitivity
from ops.models import AuditEvent
from tests import factories as f
from tests.compliance.pledge_support import signed_pledge, stepped_up

pytestmark = pytest.mark.django_db

KEY_TEXT = "ANSWER-KEY-FEEDBACK-31"


@pytest.fixture
def world():
    institute = f.institute_page("보안연구원")
    course = f.course_page(institute, "제한 과정", sensitivity=Sensitivity.RESTRICTED, min_progress_percent=0)
    lesson = f.lesson_page(course, "1차시")
    bank = f.question_bank(institute, course)
    question = f.question(bank, "single", text="보안 등급은?", feedback=KEY_TEXT)
    quiz = f.quiz_page(course, [question], review_policy="after_submit", max_attempts=1)
    run = f.course_run(course)
    organisation = f.OrganisationFactory(
        vetting_status=VettingStatus.APPROVED, vetting_expires_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    trainee = f.UserFactory(name_ko="홍길동")
    f.MembershipFactory(organisation=organisation, user=trainee)
    f.enrolment(run, trainee)
    account_services.nationality_record(user=trainee, nationality="KR", notice_agreed=True)
    signed_pledge(trainee, institute, at=timezone.now() - datetime.timedelta(minutes=30))
    stepped_up(trainee)
    return {
        "course": course,
        "lesson": lesson,
        "quiz": quiz,
        "question": question,
        "org": organisation,
        "trainee": trainee,
    }


def lapse_step_up():
    """The step-up check ages out (the pledge's own check is its evidence and stays)."""
    IdentityCheck.objects.exclude(pk__in=PledgeSignature.objects.values("identity_check")).update(
        at=timezone.now() - datetime.timedelta(minutes=11)
    )


def refusals(action="restricted.view"):
    return [e.data["result"] for e in AuditEvent.objects.filter(action=action).order_by("pk")]


def test_the_review_of_a_closed_attempt_is_refused_once_a_condition_lapses_and_each_request_is_logged(client, world):
    attempt = services.attempt_start(quiz=world["quiz"], user=world["trainee"])
    services.attempt_submit(attempt=attempt, raw_answers={world["question"].pk: []})
    client.force_login(world["trainee"])
    url = reverse("assessments:review", args=[attempt.public_id])
    before = AuditEvent.objects.filter(action="restricted.view").count()

    allowed = client.get(url)
    assert allowed.status_code == 200 and KEY_TEXT in allowed.content.decode()
    event = AuditEvent.objects.filter(action="restricted.view").latest("pk")
    assert event.data["result"] == "allowed" and event.data["course"] == world["course"].pk
    assert event.object_id == str(world["quiz"].pk)

    lapse_step_up()
    refused = client.get(url)
    assert refused.status_code == 403 and refused.headers["X-Academy-Refusal"] == "step_up"
    assert KEY_TEXT not in refused.content.decode() and "보안 등급은?" not in refused.content.decode()
    assert refusals()[before:] == ["allowed", "refused:step_up"]


def test_the_review_after_the_organisations_vetting_expired_is_refused(client, world):
    attempt = services.attempt_start(quiz=world["quiz"], user=world["trainee"])
    services.attempt_submit(attempt=attempt)
    world["org"].vetting_expires_on = timezone.localdate() - datetime.timedelta(days=1)
    world["org"].save()
    client.force_login(world["trainee"])
    response = client.get(reverse("assessments:review", args=[attempt.public_id]))
    assert response.status_code == 403 and response.headers["X-Academy-Refusal"] == "organisation"


def test_the_autosave_is_refused_as_json_once_a_condition_lapses_and_saves_nothing(client, world):
    attempt = services.attempt_start(quiz=world["quiz"], user=world["trainee"])
    client.force_login(world["trainee"])
    url = reverse("assessments:save_answer", args=[attempt.public_id])
    token = attempt.choice_token(world["question"].choices.first().pk)

    saved = client.post(url, {"question": world["question"].pk, "answer": token})
    assert saved.status_code == 200 and saved.json() == {"saved": True}
    assert refusals()[-1] == "allowed"

    assert AttemptAnswer.objects.filter(attempt=attempt, response__isnull=False).exists()
    AttemptAnswer.objects.filter(attempt=attempt).delete()
    lapse_step_up()
    refused = client.post(url, {"question": world["question"].pk, "answer": token})
    assert refused.status_code == 403
    body = refused.json()
    assert body["saved"] is False and body["refused"] == "step_up" and body["error"] == body["message"]
    assert "본인확인" in body["message"] or "identity" in body["message"].lower()
    assert not AttemptAnswer.objects.filter(attempt=attempt, response__isnull=False).exists()
    assert refusals()[-1] == "refused:step_up"


def test_finishing_a_restricted_lesson_is_refused_once_a_condition_lapses(client, world):
    client.force_login(world["trainee"])
    url = reverse("courses:complete_lesson", args=[world["lesson"].pk])
    lapse_step_up()
    response = client.post(url)
    assert response.status_code == 403 and response.headers["X-Academy-Refusal"] == "step_up"
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()
    event = AuditEvent.objects.filter(action="restricted.view").latest("pk")
    assert event.data["result"] == "refused:step_up" and event.data["lesson"] == world["lesson"].pk

    stepped_up(world["trainee"])
    assert client.post(url).status_code == 302
    assert refusals()[-1] == "allowed"


def test_an_unrestricted_courses_review_and_autosave_write_no_restricted_log(client):
    course = f.course_page(f.institute_page(), min_progress_percent=0)
    question = f.question(f.question_bank(course.institute, course), "single")
    quiz = f.quiz_page(course, [question], review_policy="after_submit")
    enrolment = f.enrolment(f.course_run(course))
    attempt = services.attempt_start(quiz=quiz, user=enrolment.user)
    client.force_login(enrolment.user)
    save = client.post(reverse("assessments:save_answer", args=[attempt.public_id]), {"question": question.pk})
    assert save.status_code == 200
    services.attempt_submit(attempt=attempt)
    assert client.get(reverse("assessments:review", args=[attempt.public_id])).status_code == 200
    assert not AuditEvent.objects.filter(action__startswith="restricted.").exists()
