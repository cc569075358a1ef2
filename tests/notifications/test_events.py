"""Each event writes exactly one notification, and nobody receives a second e-mail for it."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from assessments.models import QuizKind
from assessments.notices import final_assessment_open_notices_send
from certificates import services as certificate_services
from certificates.models import Certificate
from courses import services as course_services
from courses.models import Enrolment, FundingScheme
from courses.notices import run_ending_notices_send
from notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db


def rows(user, kind):
    return list(Notification.objects.filter(user=user, kind=kind))


def test_an_approval_writes_one_notice_and_only_the_enrolment_email(
    course, trainee, django_capture_on_commit_callbacks
):
    course.enrolment_policy = "approval"
    course.save()
    run = factories.course_run(course, title="2026년 2차", title_en="2026 run 2")
    manager = factories.manager_of(course.get_parent().specific)
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = course_services.enrolment_request(user=trainee, run=run)
    assert enrolment.status == Enrolment.Status.PENDING and not rows(trainee, "enrolment_decision")

    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrolment_approve(enrolment=enrolment, actor=manager)
    [notice] = rows(trainee, "enrolment_decision")
    assert notice.message_ko == "드론 비행안전 실무 (2026년 2차) 수강이 확정되었습니다. 지금 학습을 시작할 수 있습니다."
    assert notice.message_en.startswith("You have a seat in Drone Flight Safety in Practice (2026 run 2).")
    assert notice.url == "/learn/" and not notice.email_due
    assert len(mail.outbox) == 1  # the enrolment e-mail, once


def test_a_rejection_carries_the_reason(course, trainee, django_capture_on_commit_callbacks):
    course.enrolment_policy = "approval"
    course.save()
    run = factories.course_run(course)
    manager = factories.manager_of(course.get_parent().specific)
    enrolment = course_services.enrolment_request(user=trainee, run=run)
    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrolment_reject(enrolment=enrolment, actor=manager, reason="정원 초과")
    [notice] = rows(trainee, "enrolment_decision")
    assert notice.message_ko.endswith("수강신청이 반려되었습니다. 사유: 정원 초과")
    assert len(mail.outbox) == 1


def test_staff_adding_or_inviting_tells_the_person_but_their_own_enrolment_does_not(course, trainee):
    run = factories.course_run(course)
    manager = factories.manager_of(course.get_parent().specific)
    other = factories.UserFactory()
    course_services.enrolment_add(run=run, user=trainee, actor=manager)
    course_services.enrolment_invite(run=run, user=other, actor=manager)
    assert len(rows(trainee, "enrolment_decision")) == 1
    assert "초대되었습니다" in rows(other, "enrolment_decision")[0].message_ko

    own = factories.UserFactory()
    course_services.enrolment_request(user=own, run=run)  # an open course: they enrolled themselves
    assert rows(own, "enrolment_decision") == []


def test_a_certificate_issued_writes_one_notice_and_one_email(issue, trainee):
    mail.outbox.clear()
    certificate = issue()
    [notice] = rows(trainee, "certificate_issued")
    assert notice.message_ko == "드론 비행안전 실무 수료증이 발급되었습니다."
    assert notice.message_en == "Your certificate for Drone Flight Safety in Practice is ready."
    assert notice.url == "/learn/#certificates" and not notice.email_due
    assert len([m for m in mail.outbox if certificate.code in m.body]) == 1
    # a second render (the task run twice) writes nothing more
    assert certificate_services.certificate_render(certificate_id=certificate.pk) is False
    assert len(rows(trainee, "certificate_issued")) == 1
    # completing also told them (the enrolment's own notice, the twin of its e-mail)
    assert "수료했습니다" in rows(trainee, "enrolment_decision")[0].message_ko


def test_the_expiry_reminder_is_in_the_app_too_and_its_email_follows_the_preference(issue, trainee):
    certificate = issue()
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=datetime.date(2027, 6, 30))
    mail.outbox.clear()
    assert certificate_services.expiry_reminders_send(today=datetime.date(2027, 6, 1)) == 1  # 29 days: the 30
    assert certificate_services.expiry_reminders_send(today=datetime.date(2027, 6, 1)) == 0  # run twice
    [notice] = rows(trainee, "certificate_expiring")
    assert notice.message_ko == "드론 비행안전 실무 수료증이 2027.06.30에 만료됩니다."
    assert notice.message_en == "Your certificate for Drone Flight Safety in Practice expires on 30 Jun 2027."
    assert [m.to for m in mail.outbox] == [[trainee.email]]

    # the trainee turns the e-mail off: the 7-day reminder is in the app only
    from notifications.services import preferences_set

    preferences_set(user=trainee, email_by_kind={"certificate_expiring": False})
    mail.outbox.clear()
    assert certificate_services.expiry_reminders_send(today=datetime.date(2027, 6, 25)) == 1
    assert len(rows(trainee, "certificate_expiring")) == 2 and mail.outbox == []


def test_the_run_ending_notice_goes_once_to_active_trainees_only(course, django_capture_on_commit_callbacks):
    today = datetime.date(2026, 5, 10)
    run = factories.course_run(
        course, starts_on=datetime.date(2026, 4, 1), ends_on=datetime.date(2026, 5, 13), title_en="Run 1"
    )
    later = factories.course_run(course, starts_on=datetime.date(2026, 4, 1), ends_on=datetime.date(2026, 5, 14))
    active = factories.enrolment(run)
    done = factories.enrolment(run, status=Enrolment.Status.COMPLETED)
    gone = factories.enrolment(run, status=Enrolment.Status.WITHDRAWN)
    factories.enrolment(later)  # 4 days left: not yet

    with django_capture_on_commit_callbacks(execute=True):
        assert run_ending_notices_send(today=today) == 1
        assert run_ending_notices_send(today=today) == 0  # run twice
        assert run_ending_notices_send(today=today + datetime.timedelta(days=1)) == 1  # the later run, once
    [notice] = rows(active.user, "run_ending")
    assert notice.message_ko == (
        "드론 비행안전 실무 (2026년 1차)의 훈련기간이 2026.05.13에 종료됩니다. 수료까지 남은 항목을 마쳐 주세요."
    )
    assert "ends on 13 May 2026" in notice.message_en
    assert rows(done.user, "run_ending") == [] and rows(gone.user, "run_ending") == []
    assert [m.to for m in mail.outbox] == [[active.user.email], [Enrolment.objects.get(run=later).user.email]]


def test_a_funded_run_uses_its_training_period_end(course):
    today = timezone.localdate()
    run = factories.course_run(
        course,
        ends_on=today + datetime.timedelta(days=30),
        emp_ins_flag=FundingScheme.EMPLOYER,
        hrd_tracse_id="AIG20260000123456",
        hrd_tracse_tme="1",
        training_start=today - datetime.timedelta(days=20),
        training_end=today + datetime.timedelta(days=2),
    )
    enrolment = factories.enrolment(run)
    assert run_ending_notices_send(today=today) == 1
    assert len(rows(enrolment.user, "run_ending")) == 1


@pytest.fixture
def funded_final(course):
    today = timezone.localdate()
    run = factories.course_run(
        course,
        emp_ins_flag=FundingScheme.EMPLOYER,
        hrd_tracse_id="AIG20260000123456",
        hrd_tracse_tme="1",
        training_start=today - datetime.timedelta(days=20),
        training_end=today + datetime.timedelta(days=10),
        title_en="Run 1",
    )
    quiz = factories.quiz_page(course, title="최종평가", title_en="Final test", kind=QuizKind.FINAL)
    return run, quiz


def test_the_final_test_opening_is_told_once_to_those_at_80_percent(funded_final):
    run, quiz = funded_final
    ready = factories.enrolment(run, progress_percent=80)
    behind = factories.enrolment(run, progress_percent=79)
    assert final_assessment_open_notices_send() == 1
    assert final_assessment_open_notices_send() == 0  # run twice
    [notice] = rows(ready.user, "final_assessment_open")
    assert notice.message_ko.startswith("드론 비행안전 실무 (2026년 1차)의 최종평가 “최종평가”에 응시할 수 있습니다.")
    with translation.override("en"):
        assert notice.message.startswith("The final test “Final test” of Drone Flight Safety in Practice (Run 1)")
    assert notice.url == quiz.url
    assert rows(behind.user, "final_assessment_open") == []

    Enrolment.objects.filter(pk=behind.pk).update(progress_percent=85)  # reaches 80 % later
    assert final_assessment_open_notices_send() == 1
    assert len(rows(behind.user, "final_assessment_open")) == 1


def test_no_final_notice_for_unfunded_runs_or_a_closed_quiz(course, funded_final):
    run, quiz = funded_final
    unfunded = factories.course_run(course)
    factories.enrolment(unfunded, progress_percent=100)
    quiz.opens_at = timezone.now() + datetime.timedelta(days=1)
    quiz.save_revision().publish()
    factories.enrolment(run, progress_percent=100)
    assert final_assessment_open_notices_send() == 0
