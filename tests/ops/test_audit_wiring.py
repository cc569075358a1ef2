"""Every change an inspector may ask about writes one audit entry (DOMAIN-KR §1.10), with its actor,
its subject (the trainee) and its reason, in the transaction of the change."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assessments import assignments, services, similarity
from assessments.models import SimilarityCase, SimilarityItemKind
from certificates import services as certificate_services
from certificates.models import Certificate, RevocationCategory
from courses.models import Enrolment
from courses.services import completion_override
from ops.audit import audit_chain_verify
from ops.models import AuditEvent
from tests import factories as f
from tests.assessments.test_completion_decision import DURING, FINAL, completed_trainee, world  # noqa: F401
from tests.hr.test_area import orgs  # noqa: F401

pytestmark = pytest.mark.django_db


def entries(action: str, **filters):
    return list(AuditEvent.objects.filter(action=action, **filters).order_by("pk"))


def test_completion_by_the_rule_and_its_certificate_are_recorded(world):  # noqa: F811
    enrolment, submission = completed_trainee(world, text="정비 보고서 본문")

    (completed,) = entries("courses.enrolment_completed")
    assert (completed.subject_user_id, completed.object_type, completed.object_id) == (
        enrolment.user_id,
        "courses.enrolment",
        str(enrolment.pk),
    )
    assert completed.actor_id is None and completed.reason and completed.data["override"] is False
    (created,) = entries("certificates.created")
    assert created.subject_user_id == enrolment.user_id
    (graded,) = entries("assessments.submission_graded")
    assert graded.actor_id == world["instructor"].pk and graded.data["score"] == "90.00"
    assert audit_chain_verify().ok


def test_a_completion_override_is_recorded_with_actor_and_reason(world):  # noqa: F811
    enrolment, _submission = completed_trainee(world, text="정비 보고서 본문")
    completion_override(
        enrolment=enrolment, complete=False, reason="대리수강 적발 (공단 통보)", actor=world["manager"], now=FINAL
    )

    (override,) = entries("courses.completion_override")
    assert override.actor_id == world["manager"].pk and override.subject_user_id == enrolment.user_id
    assert override.reason == "대리수강 적발 (공단 통보)"
    assert override.data == {"run": world["run"].pk, "to": "active", "override": True}
    (revoked,) = entries("certificates.revoked")
    assert revoked.actor_id == world["manager"].pk and revoked.reason == "대리수강 적발 (공단 통보)"
    assert revoked.data["category"] == RevocationCategory.REQUIREMENTS_NOT_MET


def test_issue_reissue_and_a_manual_revocation_are_recorded(world):  # noqa: F811
    enrolment, _submission = completed_trainee(world, text="정비 보고서 본문")
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate_services.certificate_render(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    (issued,) = entries("certificates.issued")
    assert issued.subject_user_id == enrolment.user_id and issued.data["sha256"] == certificate.sha256
    certificate_services.certificate_reissue(certificate=certificate, actor=world["manager"], reason="성명 정정")
    certificate_services.certificate_revoke(certificate=certificate, actor=world["manager"], reason="발급 오류")

    (reissue,) = entries("certificates.reissue_requested")
    assert (reissue.actor_id, reissue.subject_user_id, reissue.reason) == (
        world["manager"].pk,
        enrolment.user_id,
        "성명 정정",
    )
    (revoked,) = entries("certificates.revoked")
    assert revoked.reason == "발급 오류" and revoked.data["code"] == certificate.code


def test_a_reopening_and_a_copied_answer_decision_are_recorded(world):  # noqa: F811
    first, submission_a = completed_trainee(world, text="정비 보고서 본문")
    second, submission_b = completed_trainee(world, text="정비 보고서 본문")
    case = SimilarityCase.objects.create(
        run=world["run"],
        enrolment_a=first,
        enrolment_b=second,
        kind=SimilarityItemKind.ASSIGNMENT,
        item_key=f"assignment:{world['assignment'].pk}",
        item_label="정비 보고서",
        object_a=submission_a.pk,
        object_b=submission_b.pk,
        score=Decimal("0.95"),
    )
    similarity.similarity_case_decide(
        case=case, copied=True, reason="문장 전체 일치", actor=world["instructor"], now=DURING
    )

    decided = entries("assessments.copied_answer_decided")
    assert {e.subject_user_id for e in decided} == {first.user_id, second.user_id}
    assert all(e.actor_id == world["instructor"].pk and e.reason == "문장 전체 일치" for e in decided)
    assert all(e.data["decision"] == SimilarityCase.Decision.COPIED for e in decided)

    third, submission_c = completed_trainee(world, text="다른 보고서")
    assignments.submission_reopen(submission=submission_c, actor=world["instructor"], reason="파일 누락", now=DURING)
    (reopened,) = entries("assessments.submission_reopened")
    assert (reopened.actor_id, reopened.subject_user_id, reopened.reason) == (
        world["instructor"].pk,
        third.user_id,
        "파일 누락",
    )
    assert reopened.data["from_score"] == "90.00"


def test_a_retake_grant_is_recorded(world):  # noqa: F811
    enrolment = f.enrolment(world["run"])
    services.retake_grant(
        enrolment=enrolment, quiz=world["final_test"], actor=world["manager"], reason="정전으로 응시 중단"
    )
    (grant,) = entries("assessments.retake_granted")
    assert (grant.actor_id, grant.subject_user_id, grant.reason) == (
        world["manager"].pk,
        enrolment.user_id,
        "정전으로 응시 중단",
    )


def test_an_essay_grade_is_recorded():
    institute = f.institute_page()
    course = f.course_page(institute)
    essay = f.question(f.question_bank(institute, course), "essay", text="서술하세요.", points="10")
    quiz = f.quiz_page(course, [essay])
    quiz.save_revision().publish()
    enrolment = f.enrolment(f.course_run(course))
    attempt = services.attempt_start(quiz=quiz, user=enrolment.user)
    attempt = services.attempt_submit(attempt=attempt, raw_answers={essay.pk: ["답안"]})
    instructor = f.instructor_of(institute)
    services.essay_grade(answer=attempt.answers.get(), points=Decimal("7"), comment="좋음", actor=instructor)

    (graded,) = entries("assessments.essay_graded")
    assert (graded.actor_id, graded.subject_user_id) == (instructor.pk, enrolment.user_id)
    assert graded.data["points"] == "7.00"


def test_exports_of_personal_data_are_recorded(client, orgs):  # noqa: F811
    client.force_login(orgs["hr"])
    assert client.post("/hr/records.csv", {"reason": "분기 교육 실적 보고"}).status_code == 200
    (export,) = entries("hr.training_records_export")
    assert export.actor_id == orgs["hr"].pk and export.data == {"format": "csv", "rows": 1}
    assert export.object_type == "accounts.organisation"


def test_the_completion_list_export_is_recorded(world):  # noqa: F811
    services.completion_list_export_log(
        run=world["run"],
        actor=world["manager"],
        file_format="xlsx",
        row_count=3,
        reason="HRD-Net 입력",
        subjects=[f.UserFactory().pk],
    )
    (export,) = entries("assessments.completion_list_export")
    assert export.actor_id == world["manager"].pk and export.data == {"format": "xlsx", "rows": 3}
    assert (export.object_type, export.object_id) == ("courses.courserun", str(world["run"].pk))


def test_a_failing_change_leaves_no_entry(world):  # noqa: F811
    enrolment = f.enrolment(world["run"], status=Enrolment.Status.ACTIVE)
    with pytest.raises(services.AssessmentError):
        services.retake_grant(enrolment=enrolment, quiz=world["final_test"], actor=world["manager"], reason=" ")
    assert not AuditEvent.objects.exists()
