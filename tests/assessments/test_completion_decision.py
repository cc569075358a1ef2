"""The 수료 decision of a funded run (DOMAIN-KR §1.1, issue 16 point 5): it follows the rule until the
run's grading deadline (a regrade or a 모사 decision changes it, both ways, and a completion taken
back revokes its certificate), then it is final: recalculation changes nothing and only a staff
override with a reason (logged, listed on the run's screen) does. The clock is moved with the
services' ``now`` and the KST times of ``funded_support``."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from assessments import assignments, similarity
from assessments.models import SimilarityCase
from certificates.models import Certificate, RevocationCategory
from courses import funding
from courses.models import Enrolment, EnrolmentEvent, InstituteLogEntry
from courses.services import EnrolmentError, completion_override, enrolment_evaluate_completion
from tests import factories as f

from .funded_support import END, funded_course, kst
from .test_funded_completion import graded

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


DURING = kst(END - datetime.timedelta(days=5), 10)
#: The default grading deadline is the training period's last day + 7 days; final from 24:00 KST that day.
LAST_MINUTE = kst(END + datetime.timedelta(days=7), 23, 59, 59)
FINAL = kst(END + datetime.timedelta(days=8), 0, 0, 0)


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    world = funded_course()
    world["assignment"] = f.assignment_page(world["course"], submission_type="text", title="정비 보고서")
    world["instructor"] = f.instructor_of(world["institute"])
    return world


def completed_trainee(world, *, text: str, score: int = 90):
    """A trainee at 100 % with both tests at 80 and the 과제 graded ``score``: completed during the period."""
    enrolment = f.enrolment(world["run"], progress_percent=100)
    graded(world["progress_test"], enrolment, 80)
    graded(world["final_test"], enrolment, 80)
    submission = assignments.submission_save(
        assignment=world["assignment"], user=enrolment.user, text=text, submit=True, now=DURING
    )
    assignments.submission_grade(submission=submission, actor=world["instructor"], score=Decimal(score), now=DURING)
    return Enrolment.objects.get(pk=enrolment.pk), submission


def status(enrolment) -> str:
    return Enrolment.objects.get(pk=enrolment.pk).status


# --------------------------------------------------------------------------------------------
# The deadline
# --------------------------------------------------------------------------------------------


def test_the_grading_deadline_defaults_to_the_end_plus_the_setting_and_a_run_may_set_its_own(world, settings):
    run = world["run"]
    assert funding.grading_deadline(run) == END + datetime.timedelta(days=7)
    assert not funding.decision_is_final(run, LAST_MINUTE)
    assert funding.decision_is_final(run, FINAL)  # 24:00 KST, not UTC

    settings.ACADEMY_FUNDED_GRADING_DAYS = 14
    assert funding.grading_deadline(run) == END + datetime.timedelta(days=14)
    run.grading_deadline = END + datetime.timedelta(days=3)
    assert funding.decision_final_at(run) == kst(END + datetime.timedelta(days=4), 0)


def test_an_unfunded_run_has_no_grading_deadline_and_its_decisions_never_become_final():
    plain = funded_course(funded=False)
    assert funding.grading_deadline(plain["run"]) is None
    assert not funding.decision_is_final(plain["run"], FINAL + datetime.timedelta(days=365))


def test_a_grading_deadline_before_the_training_end_is_refused_at_save(world):
    from django.core.exceptions import ValidationError

    run = world["run"]
    run.grading_deadline = END - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        run.full_clean()
    assert "grading_deadline" in refused.value.message_dict


# --------------------------------------------------------------------------------------------
# Before the deadline: the rule decides, both ways
# --------------------------------------------------------------------------------------------


def test_a_regrade_before_the_deadline_takes_the_completion_back_and_revokes_the_certificate(world):
    enrolment, submission = completed_trainee(world, text="정비 보고서 본문")
    assert status(enrolment) == Enrolment.Status.COMPLETED
    certificate = Certificate.objects.get(enrolment=enrolment)

    # 10·0.8 + 40·0.8 + 50·0.1 = 45 < 60: the regrade on the deadline's last second breaks the rule.
    assignments.submission_grade(submission=submission, actor=world["instructor"], score=Decimal(10), now=LAST_MINUTE)

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE and enrolment.completed_at is None
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.REVOKED
    assert certificate.revocation_category == RevocationCategory.REQUIREMENTS_NOT_MET
    assert "45.00" in certificate.revocation_reason
    event = enrolment.events.order_by("pk").last()
    assert (event.from_status, event.to_status, event.actor, event.is_override) == ("completed", "active", None, False)

    # …and a regrade that meets the rule again completes the trainee again (the code stays revoked).
    assignments.submission_grade(submission=submission, actor=world["instructor"], score=Decimal(90), now=LAST_MINUTE)
    assert status(enrolment) == Enrolment.Status.COMPLETED
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_a_copied_answer_decision_before_the_deadline_uncompletes_both_trainees(world):
    text = "비행 전 점검: 배터리 전압, 프로펠러 균열, GPS 수신, 비상 착륙 지점을 차례로 확인한다." * 2
    first, first_submission = completed_trainee(world, text=text)
    second, second_submission = completed_trainee(world, text=text)
    assert status(first) == status(second) == Enrolment.Status.COMPLETED
    a, b = sorted([(first, first_submission), (second, second_submission)], key=lambda pair: pair[0].pk)
    case = SimilarityCase.objects.create(
        run=world["run"],
        enrolment_a=a[0],
        enrolment_b=b[0],
        kind="assignment",
        item_key=f"assignment:{world['assignment'].pk}",
        item_label="정비 보고서",
        object_a=a[1].pk,
        object_b=b[1].pk,
        score="1.0000",
    )

    similarity.similarity_case_decide(
        case=case, copied=True, reason="보고서 전문 동일", actor=world["instructor"], now=LAST_MINUTE
    )

    for enrolment in (first, second):
        assert status(enrolment) == Enrolment.Status.ACTIVE
        certificate = Certificate.objects.get(enrolment=enrolment)
        assert certificate.state == Certificate.State.REVOKED
        assert certificate.revocation_category == RevocationCategory.REQUIREMENTS_NOT_MET
        event = enrolment.events.order_by("pk").last()
        assert (event.from_status, event.to_status) == ("completed", "active")
        assert "Judged a copied answer: 정비 보고서" in event.reason
        assert certificate.revocation_reason == event.reason


def test_a_pending_copied_answer_review_holds_completion_back_but_never_takes_one_away(world):
    text = "정비 일지 작성 요령과 점검 항목을 서술한다. " * 3
    first, first_submission = completed_trainee(world, text=text)
    other = f.enrolment(world["run"], progress_percent=100)
    a, b = sorted([first, other], key=lambda e: e.pk)
    SimilarityCase.objects.create(
        run=world["run"],
        enrolment_a=a,
        enrolment_b=b,
        kind="assignment",
        item_key=f"assignment:{world['assignment'].pk}",
        item_label="정비 보고서",
        object_a=first_submission.pk,
        object_b=first_submission.pk + 1000,
        score="0.9500",
    )

    assignments.submission_grade(
        submission=first_submission, actor=world["instructor"], score=Decimal(95), now=LAST_MINUTE
    )

    assert status(first) == Enrolment.Status.COMPLETED
    assert Certificate.objects.get(enrolment=first).state != Certificate.State.REVOKED


# --------------------------------------------------------------------------------------------
# After the deadline: final
# --------------------------------------------------------------------------------------------


def test_after_the_deadline_a_regrade_changes_no_decision(world):
    enrolment, submission = completed_trainee(world, text="정비 보고서 본문")
    studying = f.enrolment(world["run"], progress_percent=100)
    graded(world["progress_test"], studying, 80)
    graded(world["final_test"], studying, 80)
    late = assignments.submission_save(
        assignment=world["assignment"], user=studying.user, text="늦게 채점된 보고서", submit=True, now=DURING
    )

    assignments.submission_grade(submission=submission, actor=world["instructor"], score=Decimal(0), now=FINAL)
    assignments.submission_grade(submission=late, actor=world["instructor"], score=Decimal(100), now=FINAL)

    assert status(enrolment) == Enrolment.Status.COMPLETED  # 45 points now, still completed
    assert Certificate.objects.get(enrolment=enrolment).state != Certificate.State.REVOKED
    assert status(studying) == Enrolment.Status.ACTIVE  # 96 points now, still not completed
    assert not enrolment_evaluate_completion(enrolment=studying, now=FINAL)
    assert not Certificate.objects.filter(enrolment=studying).exists()


def test_after_the_deadline_only_an_override_with_a_reason_changes_it_and_it_is_logged(world):
    enrolment, submission = completed_trainee(world, text="정비 보고서 본문")
    manager = world["manager"]

    with pytest.raises(EnrolmentError, match="reason"):
        completion_override(enrolment=enrolment, complete=False, reason="  ", actor=manager, now=FINAL)
    assert status(enrolment) == Enrolment.Status.COMPLETED

    completion_override(
        enrolment=enrolment, complete=False, reason="대리수강 적발 (공단 통보)", actor=manager, now=FINAL
    )

    assert status(enrolment) == Enrolment.Status.ACTIVE
    event = EnrolmentEvent.objects.get(enrolment=enrolment, is_override=True)
    assert (event.actor, event.from_status, event.to_status, event.reason) == (
        manager,
        "completed",
        "active",
        "대리수강 적발 (공단 통보)",
    )
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.state == Certificate.State.REVOKED and certificate.revoked_by == manager
    entry = InstituteLogEntry.objects.get(action="courses.completion_override")
    assert entry.user_id == manager.pk and entry.data["reason"] == "대리수강 적발 (공단 통보)"
    assert (entry.data["from"], entry.data["to"]) == ("completed", "active")
    # The rule does not undo an override either.
    assignments.submission_grade(submission=submission, actor=world["instructor"], score=Decimal(100), now=FINAL)
    assert status(enrolment) == Enrolment.Status.ACTIVE


def test_an_override_to_completed_issues_the_certificate(world):
    enrolment = f.enrolment(world["run"], progress_percent=70)

    completion_override(
        enrolment=enrolment, complete=True, reason="진도 기록 장애 확인 (공단 승인)", actor=world["manager"], now=FINAL
    )

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED and enrolment.completed_at == FINAL
    assert Certificate.objects.get(enrolment=enrolment).state == Certificate.State.PENDING


def test_an_override_before_the_deadline_is_refused(world):
    enrolment, _submission = completed_trainee(world, text="정비 보고서 본문")

    with pytest.raises(EnrolmentError, match="grading deadline"):
        completion_override(enrolment=enrolment, complete=False, reason="이유", actor=world["manager"], now=LAST_MINUTE)

    assert status(enrolment) == Enrolment.Status.COMPLETED
    assert not EnrolmentEvent.objects.filter(is_override=True).exists()


def test_another_institutes_manager_cannot_override(world):
    enrolment, _submission = completed_trainee(world, text="정비 보고서 본문")
    stranger = f.manager_of(f.institute_page())

    with pytest.raises(EnrolmentError, match="institute"):
        completion_override(enrolment=enrolment, complete=False, reason="이유", actor=stranger, now=FINAL)

    assert status(enrolment) == Enrolment.Status.COMPLETED


# --------------------------------------------------------------------------------------------
# The screen (course_runs:completion)
# --------------------------------------------------------------------------------------------


def test_the_screen_lists_decisions_and_overrides_after_the_deadline(client, world):
    """The real clock is past the fixed 2026-03 training period: the run's decisions are final."""
    enrolment, _submission = completed_trainee(world, text="정비 보고서 본문")
    missing = f.enrolment(world["run"], f.UserFactory(name_ko="미수료생"), progress_percent=50)
    client.force_login(world["manager"])
    url = reverse("course_runs:completion", args=[world["run"].pk])

    text = client.get(url, HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "수료 판정이 확정되었습니다" in text and "미수료생" in text and "진도율" in text

    refused = client.post(url, {"enrolment": enrolment.pk, "complete": "0", "reason": ""}, HTTP_ACCEPT_LANGUAGE="ko")
    assert refused.status_code == 400
    assert "판정을 변경하는 사유를 입력하세요." in refused.content.decode()
    assert status(enrolment) == Enrolment.Status.COMPLETED

    response = client.post(
        url,
        {"enrolment": missing.pk, "complete": "1", "reason": "출석부 대조 결과 진도 누락 확인"},
        HTTP_ACCEPT_LANGUAGE="ko",
    )
    assert response.status_code == 302
    assert status(missing) == Enrolment.Status.COMPLETED
    text = client.get(url, HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "출석부 대조 결과 진도 누락 확인" in text and world["manager"].get_full_name() in text


def test_the_screen_refuses_an_override_before_the_deadline(client, world):
    world["run"].grading_deadline = timezone.localdate() + datetime.timedelta(days=30)
    world["run"].save()
    enrolment = f.enrolment(world["run"], progress_percent=50)
    client.force_login(world["manager"])
    url = reverse("course_runs:completion", args=[world["run"].pk])

    text = client.get(url, HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "채점 마감일까지는 수료기준에 따라 판정됩니다" in text and "수료로 변경" not in text

    response = client.post(
        url, {"enrolment": enrolment.pk, "complete": "1", "reason": "미리 수료"}, HTTP_ACCEPT_LANGUAGE="ko"
    )
    assert response.status_code == 400 and status(enrolment) == Enrolment.Status.ACTIVE


def test_an_unfunded_run_and_another_institutes_run_have_no_decision_screen(client, world):
    plain = funded_course(funded=False)
    client.force_login(plain["manager"])
    assert client.get(reverse("course_runs:completion", args=[plain["run"].pk])).status_code == 404
    assert client.get(reverse("course_runs:completion", args=[world["run"].pk])).status_code == 404
