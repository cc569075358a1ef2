"""Enrolment policies, waitlist, prerequisites, approvals, withdrawal and removal, with their history."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

from courses import services
from courses.models import CoursePrerequisite, Enrolment, EnrolmentEvent
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def institute():
    return f.institute_page("알파연구원")


def test_open_course_enrols_at_once_and_records_who_and_when(institute):
    run = f.course_run(f.course_page(institute), capacity=2)
    user = f.UserFactory()

    enrolment = services.enrolment_request(user=user, run=run)

    assert enrolment.status == Enrolment.Status.ACTIVE
    event = EnrolmentEvent.objects.get(enrolment=enrolment)
    assert (event.from_status, event.to_status, event.actor) == ("", "active", user)


def test_full_run_puts_trainees_on_the_waitlist_in_order(institute):
    run = f.course_run(f.course_page(institute), capacity=1)
    first, second, third = f.UserFactory(), f.UserFactory(), f.UserFactory()

    services.enrolment_request(user=first, run=run)
    waiting_2 = services.enrolment_request(user=second, run=run)
    waiting_3 = services.enrolment_request(user=third, run=run)

    assert (waiting_2.status, waiting_3.status) == ("waitlisted", "waitlisted")
    from courses.selectors import waitlist_position

    assert waitlist_position(waiting_2) == 1
    assert waitlist_position(waiting_3) == 2


def test_freed_seat_promotes_the_first_in_line_and_tells_them(institute, django_capture_on_commit_callbacks):
    run = f.course_run(f.course_page(institute), capacity=1)
    holder = services.enrolment_request(user=f.UserFactory(), run=run)
    first = services.enrolment_request(user=f.UserFactory(email="first@example.com"), run=run)
    second = services.enrolment_request(user=f.UserFactory(), run=run)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_withdraw(enrolment=holder, actor=holder.user)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "active" and second.status == "waitlisted"
    assert [m.to for m in mail.outbox] == [["first@example.com"]]
    assert "수강이 확정되었습니다" in mail.outbox[0].body
    assert "You have a seat" in mail.outbox[0].body


@pytest.mark.parametrize("free_seat", ["reject", "remove"])
def test_rejection_and_removal_also_promote(institute, free_seat):
    run = f.course_run(f.course_page(institute), capacity=1)
    staff = f.manager_of(institute)
    holder = services.enrolment_request(user=f.UserFactory(), run=run)
    waiting = services.enrolment_request(user=f.UserFactory(), run=run)
    if free_seat == "remove":
        services.enrolment_remove(enrolment=holder, actor=staff, reason="장기 결석")
    else:
        other = services.enrolment_request(user=f.UserFactory(), run=run)
        services.enrolment_reject(enrolment=waiting, actor=staff, reason="자격 미달")
        waiting = other
        services.enrolment_remove(enrolment=holder, actor=staff, reason="장기 결석")

    waiting.refresh_from_db()
    assert waiting.status == "active"


def test_approval_course_records_a_request_and_the_manager_decides(institute, django_capture_on_commit_callbacks):
    run = f.course_run(f.course_page(institute, enrolment_policy="approval"), capacity=5)
    trainee = f.UserFactory(email="asker@example.com")
    manager = f.manager_of(institute)

    request = services.enrolment_request(user=trainee, run=run)
    assert request.status == "pending"
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_approve(enrolment=request, actor=manager)

    request.refresh_from_db()
    assert request.status == "active"
    assert mail.outbox[0].to == ["asker@example.com"]
    assert request.events.last().actor == manager


def test_rejection_needs_a_reason_the_trainee_reads(institute, client, django_capture_on_commit_callbacks):
    run = f.course_run(f.course_page(institute, enrolment_policy="approval"))
    trainee = f.UserFactory()
    request = services.enrolment_request(user=trainee, run=run)

    with pytest.raises(services.EnrolmentError):
        services.enrolment_reject(enrolment=request, actor=f.manager_of(institute), reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_reject(enrolment=request, actor=f.manager_of(institute), reason="선수 경력 부족")

    request.refresh_from_db()
    assert request.status == "rejected"
    assert "선수 경력 부족" in mail.outbox[-1].body
    client.force_login(trainee)
    assert "선수 경력 부족" in client.get("/learn/").content.decode()


def test_approving_when_full_waitlists(institute):
    run = f.course_run(f.course_page(institute, enrolment_policy="approval"), capacity=1)
    manager = f.manager_of(institute)
    services.enrolment_add(run=run, user=f.UserFactory(), actor=manager)
    request = services.enrolment_request(user=f.UserFactory(), run=run)

    services.enrolment_approve(enrolment=request, actor=manager)

    request.refresh_from_db()
    assert request.status == "waitlisted"


def test_invitation_only_course_refuses_requests_but_accepts_invitations(institute):
    run = f.course_run(f.course_page(institute, enrolment_policy="invitation"), capacity=3)
    stranger, invited = f.UserFactory(), f.UserFactory()

    with pytest.raises(services.EnrolmentError, match="초대"):
        services.enrolment_request(user=stranger, run=run)
    services.enrolment_invite(run=run, user=invited, actor=f.manager_of(institute))
    accepted = services.enrolment_request(user=invited, run=run)

    assert accepted.status == "active"
    assert not Enrolment.objects.filter(user=stranger).exists()


def test_prerequisites_must_be_completed_first(institute):
    basics = f.course_page(institute, "소형 군용드론 조종 기초")
    course = f.course_page(institute, "군용드론 정비 실무")
    CoursePrerequisite.objects.create(course=course, prerequisite=basics)
    run = f.course_run(course)
    trainee = f.UserFactory()

    with pytest.raises(services.EnrolmentError, match="소형 군용드론 조종 기초"):
        services.enrolment_request(user=trainee, run=run)
    f.enrolment(f.course_run(basics), user=trainee, status="completed")

    assert services.enrolment_request(user=trainee, run=run).status == "active"


def test_closed_enrolment_window_is_refused(institute):
    run = f.course_run(f.course_page(institute), enrolment_closes_at=timezone.now() - datetime.timedelta(hours=1))

    with pytest.raises(services.EnrolmentError, match="마감"):
        services.enrolment_request(user=f.UserFactory(), run=run)


def test_one_enrolment_per_trainee_and_run_is_a_database_rule(institute):
    run = f.course_run(f.course_page(institute))
    user = f.UserFactory()
    f.enrolment(run, user=user)

    with pytest.raises(IntegrityError):
        f.enrolment(run, user=user)


def test_enrolling_twice_returns_the_same_enrolment(institute):
    run = f.course_run(f.course_page(institute))
    user = f.UserFactory()

    first = services.enrolment_request(user=user, run=run)
    again = services.enrolment_request(user=user, run=run)

    assert first.pk == again.pk
    assert Enrolment.objects.count() == 1


def test_withdrawn_trainee_can_enrol_again_in_the_same_row(institute):
    run = f.course_run(f.course_page(institute))
    user = f.UserFactory()
    enrolment = services.enrolment_request(user=user, run=run)
    services.enrolment_withdraw(enrolment=enrolment, actor=user)

    again = services.enrolment_request(user=user, run=run)

    assert again.pk == enrolment.pk and again.status == "active"
    assert list(again.events.values_list("to_status", flat=True)) == ["active", "withdrawn", "active"]


def test_removed_trainee_cannot_re_enrol_alone(institute):
    run = f.course_run(f.course_page(institute))
    user = f.UserFactory()
    enrolment = services.enrolment_request(user=user, run=run)
    services.enrolment_remove(enrolment=enrolment, actor=f.manager_of(institute), reason="보안 서약 위반")

    with pytest.raises(services.EnrolmentError):
        services.enrolment_request(user=user, run=run)
    event = enrolment.events.last()
    assert (event.to_status, event.reason) == ("removed", "보안 서약 위반")


def test_enrol_button_flow_over_http(client, institute):
    course = f.course_page(institute)
    run = f.course_run(course, capacity=1)
    client.force_login(f.UserFactory())

    response = client.post(f"/learn/runs/{run.public_id}/enrol/", follow=True)

    assert "수강신청이 완료되었습니다" in response.content.decode()
    assert "이어서 학습하기" in response.content.decode()
    client.force_login(f.UserFactory())
    page = client.get(course.url).content.decode()
    assert "대기 신청" in page and "정원이 모두 찼습니다" in page


def test_enrol_endpoint_needs_post_and_login(client, institute):
    run = f.course_run(f.course_page(institute))

    assert client.get(f"/learn/runs/{run.public_id}/enrol/").status_code == 302
    client.force_login(f.UserFactory())
    assert client.get(f"/learn/runs/{run.public_id}/enrol/").status_code == 405


def test_trainee_cannot_withdraw_someone_elses_enrolment(client, institute):
    run = f.course_run(f.course_page(institute))
    victim = f.enrolment(run)
    client.force_login(f.UserFactory())

    response = client.post(f"/learn/enrolments/{victim.public_id}/withdraw/")

    assert response.status_code == 404
    victim.refresh_from_db()
    assert victim.status == "active"


def test_course_page_tells_which_prerequisite_is_missing(client, institute):
    basics = f.course_page(institute, "소형 군용드론 조종 기초")
    course = f.course_page(institute, "군용드론 정비 실무")
    CoursePrerequisite.objects.create(course=course, prerequisite=basics)
    f.course_run(course)
    client.force_login(f.UserFactory())

    text = client.get(course.url).content.decode()

    assert "먼저 선수과정을 수료하세요" in text
    assert "소형 군용드론 조종 기초" in text
    assert "수강신청</button>" not in text
