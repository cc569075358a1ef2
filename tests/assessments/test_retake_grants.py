"""Retake grants (재응시 허용): a staff action with a reason; the trainee's next start beyond the limit uses it."""

import pytest
from django.urls import reverse

from assessments import services
from assessments.models import Attempt, RetakeGrant
from assessments.selectors import answers_visible
from courses.models import InstituteLogEntry
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_attempt():
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    course.save_revision().publish()
    bank = f.question_bank(institute, course)
    quiz = f.quiz_page(course, [f.question(bank, "true_false", correct_answer=True)], max_attempts=1)
    run = f.course_run(course)
    enrolment = f.enrolment(run)
    services.attempt_submit(attempt=services.attempt_start(quiz=quiz, user=enrolment.user))
    return {
        "institute": institute,
        "quiz": quiz,
        "run": run,
        "enrolment": enrolment,
        "manager": f.manager_of(institute),
    }


def test_a_grant_allows_one_more_attempt_and_the_start_uses_it_up(one_attempt):
    quiz, enrolment = one_attempt["quiz"], one_attempt["enrolment"]
    with pytest.raises(services.AssessmentError):
        services.attempt_start(quiz=quiz, user=enrolment.user)

    grant = services.retake_grant(
        enrolment=enrolment, quiz=quiz, actor=one_attempt["manager"], reason="정전으로 응시 중단 (증빙 제출)"
    )
    second = services.attempt_start(quiz=quiz, user=enrolment.user)

    grant.refresh_from_db()
    assert second.number == 2 and grant.used_at is not None and grant.attempt_id == second.pk
    services.attempt_submit(attempt=second)
    with pytest.raises(services.AssessmentError):
        services.attempt_start(quiz=quiz, user=enrolment.user)
    assert Attempt.objects.filter(enrolment=enrolment).count() == 2


def test_a_grant_needs_a_reason(one_attempt):
    with pytest.raises(services.AssessmentError, match="사유|reason"):
        services.retake_grant(
            enrolment=one_attempt["enrolment"], quiz=one_attempt["quiz"], actor=one_attempt["manager"], reason="  "
        )
    assert not RetakeGrant.objects.exists()


def test_only_the_staff_of_the_courses_institute_grant_retakes(one_attempt):
    other = f.manager_of(f.institute_page())
    with pytest.raises(services.AssessmentError):
        services.retake_grant(enrolment=one_attempt["enrolment"], quiz=one_attempt["quiz"], actor=other, reason="x")
    assert not RetakeGrant.objects.exists()


def test_one_unused_grant_at_a_time(one_attempt):
    args = {"enrolment": one_attempt["enrolment"], "quiz": one_attempt["quiz"], "actor": one_attempt["manager"]}
    services.retake_grant(**args, reason="첫 번째")
    with pytest.raises(services.AssessmentError):
        services.retake_grant(**args, reason="두 번째")
    assert RetakeGrant.objects.count() == 1


def test_the_gradebook_grants_a_retake_with_a_reason_and_logs_it(client, one_attempt):
    run, quiz, enrolment = one_attempt["run"], one_attempt["quiz"], one_attempt["enrolment"]
    client.force_login(one_attempt["manager"])
    url = reverse("gradebook:retake", args=[run.pk, quiz.pk, enrolment.pk])
    assert url in client.get(reverse("gradebook:run", args=[run.pk])).content.decode()

    empty = client.post(url, {"reason": ""})
    assert empty.status_code == 200 and not RetakeGrant.objects.exists()

    granted = client.post(url, {"reason": "천재지변: 응시 중 정전"})

    assert granted.status_code == 302
    grant = RetakeGrant.objects.get()
    assert (grant.enrolment, grant.quiz_id, grant.granted_by, grant.reason) == (
        enrolment,
        quiz.pk,
        one_attempt["manager"],
        "천재지변: 응시 중 정전",
    )
    assert InstituteLogEntry.objects.filter(object_id=str(grant.pk), institute=one_attempt["institute"]).exists()
    page = client.get(reverse("gradebook:run", args=[run.pk])).content.decode()
    assert "재응시 허용됨" in page
    assert "천재지변: 응시 중 정전" in client.get(url).content.decode()


def test_another_institutes_staff_cannot_open_or_grant(client, one_attempt):
    run, quiz, enrolment = one_attempt["run"], one_attempt["quiz"], one_attempt["enrolment"]
    client.force_login(f.manager_of(f.institute_page()))
    url = reverse("gradebook:retake", args=[run.pk, quiz.pk, enrolment.pk])

    assert client.get(url).status_code in (403, 404)
    assert client.post(url, {"reason": "부정 요청"}).status_code in (403, 404)
    assert not RetakeGrant.objects.exists()


def test_the_trainee_sees_the_granted_attempt_on_the_quiz_page(client, one_attempt):
    quiz, enrolment = one_attempt["quiz"], one_attempt["enrolment"]
    client.force_login(enrolment.user)
    quiz.save_revision().publish()
    assert "모두 사용" in client.get(quiz.url).content.decode()

    services.retake_grant(enrolment=enrolment, quiz=quiz, actor=one_attempt["manager"], reason="증빙 확인")

    page = client.get(quiz.url).content.decode()
    assert reverse("assessments:start", args=[quiz.pk]) in page


def test_the_answer_key_hides_again_while_a_granted_retake_is_unused(client, one_attempt):
    """Review: with every attempt used the key shows ("after submit"); a retake grant makes a further
    attempt possible again, so the key must hide until the granted attempt is used and closed."""
    quiz, enrolment = one_attempt["quiz"], one_attempt["enrolment"]
    quiz.review_policy = "after_submit"
    quiz.save(update_fields=["review_policy"])
    first = Attempt.objects.get(enrolment=enrolment)
    review_url = reverse("assessments:review", args=[first.public_id])
    client.force_login(enrolment.user)
    assert answers_visible(attempt=first)
    assert _key_shown(client.get(review_url).content.decode())

    services.retake_grant(enrolment=enrolment, quiz=quiz, actor=one_attempt["manager"], reason="정전 (증빙 제출)")

    first.refresh_from_db()
    assert not answers_visible(attempt=first)
    assert not _key_shown(client.get(review_url).content.decode())
    second = services.attempt_start(quiz=quiz, user=enrolment.user)
    assert not answers_visible(attempt=first)  # the granted attempt is in progress
    services.attempt_submit(attempt=second)
    first.refresh_from_db()
    assert answers_visible(attempt=first)  # used and closed: no further attempt, the key shows again


def _key_shown(page: str) -> bool:
    return any(marker in page for marker in ("badge--ok", "badge--warn", "badge--danger"))
