"""Security-training tracking (보안교육, DOMAIN-KR §3.3 F3.6): the status rule, external completions with
HR approval, the HR lists and their boundaries, reminders at 30 and 7 days, and restricted access."""

import datetime
import zoneinfo

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from compliance import security_training as sec
from compliance.models import ExternalSecurityTraining, SecurityTrainingPolicy, SecurityTrainingReminder
from courses.models import Enrolment
from ops.models import AuditEvent, PersonalDataAccess
from tests import factories as f

pytestmark = pytest.mark.django_db

SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")
NOW = datetime.datetime(2026, 11, 29, 12, 0, tzinfo=SEOUL)
TODAY = NOW.date()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def security_course():
    return f.course_page(f.institute_page(), "방산기술보호 기본 교육", is_security_training=True)


def complete(course, user, *, on: datetime.date) -> Enrolment:
    at = datetime.datetime.combine(on, datetime.time(10, 0), tzinfo=SEOUL)
    return f.enrolment(f.course_run(course), user=user, status=Enrolment.Status.COMPLETED, completed_at=at)


def external(user, organisation, *, on: datetime.date, status="approved", **fields) -> ExternalSecurityTraining:
    return ExternalSecurityTraining.objects.create(
        user=user,
        organisation=organisation,
        title="방위산업기술보호 교육",
        provider="dapa",
        completed_on=on,
        certificate="external/test.pdf",
        certificate_type="pdf",
        status=status,
        **fields,
    )


@pytest.fixture
def orgs():
    alpha, beta = f.OrganisationFactory(name_ko="알파드론"), f.OrganisationFactory(name_ko="베타드론")
    hr_a = f.MembershipFactory(organisation=alpha, role="hr", user=f.UserFactory(email="hr@alpha.example")).user
    hr_b = f.MembershipFactory(organisation=beta, role="hr", user=f.UserFactory(email="hr@beta.example")).user
    member = f.MembershipFactory(
        organisation=alpha, user=f.UserFactory(name_ko="김보안", email="kim@alpha.example")
    ).user
    other = f.MembershipFactory(organisation=beta, user=f.UserFactory(name_ko="박베타", email="park@beta.example")).user
    return {"alpha": alpha, "beta": beta, "hr_a": hr_a, "hr_b": hr_b, "member": member, "other": other}


# ------------------------------------------------------------------------------------------
# The rule
# ------------------------------------------------------------------------------------------


def test_a_thirteen_month_old_completion_is_overdue(orgs, security_course):
    complete(security_course, orgs["member"], on=TODAY - relativedelta(months=13))

    status = sec.security_training_status(user=orgs["member"], organisation=orgs["alpha"], now=NOW)

    assert status.state == "overdue" and status.refuses
    assert status.due_on == TODAY - relativedelta(months=1)
    with translation.override("ko"):
        assert status.label == "기한 경과"


def test_an_eleven_month_old_completion_is_due_soon_under_the_default_and_ok_under_a_longer_policy(
    orgs, security_course
):
    complete(security_course, orgs["member"], on=TODAY - relativedelta(months=11))

    status = sec.security_training_status(user=orgs["member"], organisation=orgs["alpha"], now=NOW)
    assert (status.state, status.days_left, status.every_months) == ("due_soon", 30, 12)

    SecurityTrainingPolicy.objects.create(organisation=orgs["alpha"], role="employee", every_months=24)
    assert sec.security_training_status(user=orgs["member"], organisation=orgs["alpha"], now=NOW).state == "ok"

    SecurityTrainingPolicy.objects.filter(organisation=orgs["alpha"]).update(every_months=6)
    assert sec.security_training_status(user=orgs["member"], organisation=orgs["alpha"], now=NOW).state == "overdue"


def test_the_policy_is_per_role(orgs, security_course):
    SecurityTrainingPolicy.objects.create(organisation=orgs["alpha"], role="hr", every_months=24)
    for user in (orgs["member"], orgs["hr_a"]):
        complete(security_course, user, on=TODAY - relativedelta(months=13))

    assert sec.security_training_status(user=orgs["member"], organisation=orgs["alpha"], now=NOW).state == "overdue"
    assert sec.security_training_status(user=orgs["hr_a"], organisation=orgs["alpha"], now=NOW).state == "ok"


def test_no_completion_is_never_and_other_courses_do_not_count(orgs):
    plain = f.course_page(f.institute_page(), "드론 정비")
    complete(plain, orgs["member"], on=TODAY - relativedelta(months=1))

    assert sec.security_training_status(user=orgs["member"], organisation=orgs["alpha"], now=NOW).state == "never"


def test_an_external_completion_counts_only_once_approved_and_only_for_its_organisation(orgs):
    member = orgs["member"]
    f.MembershipFactory(organisation=orgs["beta"], user=member)
    pending = external(member, orgs["alpha"], on=TODAY - relativedelta(months=2), status="pending")
    external(member, orgs["alpha"], on=TODAY - relativedelta(months=1), status="rejected")

    assert sec.security_training_status(user=member, organisation=orgs["alpha"], now=NOW).state == "never"

    pending.status = "approved"
    pending.save()
    status = sec.security_training_status(user=member, organisation=orgs["alpha"], now=NOW)
    assert (status.state, status.source, status.last_completed_on) == ("ok", "external", pending.completed_on)
    assert sec.security_training_status(user=member, organisation=orgs["beta"], now=NOW).state == "never"
    assert sec.strictest_status(user=member, now=NOW).state == "never"


def test_the_later_of_academy_and_external_completion_counts(orgs, security_course):
    complete(security_course, orgs["member"], on=TODAY - relativedelta(months=13))
    external(orgs["member"], orgs["alpha"], on=TODAY - relativedelta(months=3))

    status = sec.security_training_status(user=orgs["member"], organisation=orgs["alpha"], now=NOW)

    assert (status.state, status.source) == ("ok", "external")


# ------------------------------------------------------------------------------------------
# Submission by the member
# ------------------------------------------------------------------------------------------


def submit(client, organisation, *, content=PDF, name="certificate.pdf", completed_on="2026-10-15", **headers):
    return client.post(
        "/learn/security-training/",
        {
            "organisation": str(organisation.public_id),
            "title": "2026 방문자교육",
            "provider": "dapa",
            "completed_on": completed_on,
            "certificate": SimpleUploadedFile(name, content),
        },
        **headers,
    )


def test_a_member_submits_an_external_training_and_it_waits_for_hr(client, orgs):
    client.force_login(orgs["member"])
    mail.outbox.clear()

    response = submit(client, orgs["alpha"])

    assert response.status_code == 302
    training = ExternalSecurityTraining.objects.get()
    assert (training.status, training.user, training.organisation) == ("pending", orgs["member"], orgs["alpha"])
    with training.certificate.open("rb") as handle:
        assert handle.read() == PDF
    assert "certificate" not in training.certificate.name  # stored under a random name
    assert AuditEvent.objects.filter(action="compliance.security_training.submitted").count() == 1
    assert [m.to for m in mail.outbox] == [["hr@alpha.example"]]
    page = client.get("/learn/security-training/").content.decode()
    assert "2026 방문자교육" in page


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"content": b"MZ\x90\x00 not a pdf", "name": "certificate.pdf"}, "not a real .pdf"),
        ({"content": PDF, "name": "certificate.exe"}, "not accepted"),
        ({"completed_on": "2099-01-01"}, "future"),
    ],
)
def test_a_bad_submission_is_refused_with_a_message_and_nothing_is_kept(client, orgs, kwargs, message):
    client.force_login(orgs["member"])

    response = submit(client, orgs["alpha"], HTTP_ACCEPT_LANGUAGE="en", **kwargs)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert ExternalSecurityTraining.objects.count() == 0


def test_a_too_large_certificate_is_refused(client, orgs, settings):
    settings.ACADEMY_SECURITY_TRAINING_MAX_BYTES = 2048
    client.force_login(orgs["member"])

    response = submit(client, orgs["alpha"], content=PDF + b"0" * 4096)

    assert response.status_code == 400 and ExternalSecurityTraining.objects.count() == 0


def test_a_member_cannot_submit_to_an_organisation_they_do_not_belong_to(client, orgs):
    client.force_login(orgs["member"])

    assert submit(client, orgs["beta"]).status_code == 400
    assert ExternalSecurityTraining.objects.count() == 0


# ------------------------------------------------------------------------------------------
# HR: approval, boundaries, the certificate
# ------------------------------------------------------------------------------------------


def test_hr_approves_and_the_member_is_up_to_date(client, orgs):
    training = external(orgs["member"], orgs["alpha"], on=TODAY - relativedelta(months=1), status="pending")
    client.force_login(orgs["hr_a"])

    page = client.get(f"/hr/security-training/external/?org={orgs['alpha'].public_id}").content.decode()
    assert "김보안" in page
    response = client.post(
        f"/hr/security-training/external/{training.pk}/decide/",
        {"org": str(orgs["alpha"].public_id), "decision": "approve"},
    )

    assert response.status_code == 302
    training.refresh_from_db()
    assert (training.status, training.decided_by) == ("approved", orgs["hr_a"])
    event = AuditEvent.objects.get(action="compliance.security_training.approved")
    assert event.actor_id == orgs["hr_a"].pk and event.subject_user_id == orgs["member"].pk
    assert sec.security_training_status(user=orgs["member"], organisation=orgs["alpha"]).state == "ok"


def test_a_rejection_needs_a_reason_and_is_audited(client, orgs):
    training = external(orgs["member"], orgs["alpha"], on=TODAY, status="pending")
    client.force_login(orgs["hr_a"])
    url = f"/hr/security-training/external/{training.pk}/decide/"

    assert client.post(url, {"org": str(orgs["alpha"].public_id), "decision": "reject"}).status_code == 400
    training.refresh_from_db()
    assert training.status == "pending"

    response = client.post(url, {"org": str(orgs["alpha"].public_id), "decision": "reject", "note": "수료증 판독 불가"})
    assert response.status_code == 302
    training.refresh_from_db()
    assert (training.status, training.note) == ("rejected", "수료증 판독 불가")
    assert AuditEvent.objects.get(action="compliance.security_training.rejected").reason == "수료증 판독 불가"
    # Decided once: a second decision is refused.
    assert client.post(url, {"org": str(orgs["alpha"].public_id), "decision": "approve"}).status_code == 400


def test_hr_of_another_organisation_sees_and_decides_nothing(client, orgs):
    training = external(orgs["member"], orgs["alpha"], on=TODAY, status="pending")
    client.force_login(orgs["hr_b"])

    assert "김보안" not in client.get("/hr/security-training/external/").content.decode()
    assert "김보안" not in client.get("/hr/security-training/?state=all").content.decode()
    assert client.get(f"/hr/security-training/external/{training.pk}/certificate/").status_code == 404
    response = client.post(f"/hr/security-training/external/{training.pk}/decide/", {"decision": "approve"})
    assert response.status_code == 404
    assert client.get(f"/hr/security-training/?org={orgs['alpha'].public_id}").status_code == 404
    training.refresh_from_db()
    assert training.status == "pending"


def test_employees_cannot_open_the_hr_screens(client, orgs):
    training = external(orgs["member"], orgs["alpha"], on=TODAY, status="pending")
    client.force_login(orgs["member"])

    for url in (
        "/hr/security-training/",
        "/hr/security-training/policy/",
        "/hr/security-training/external/",
        f"/hr/security-training/external/{training.pk}/certificate/",
    ):
        assert client.get(url).status_code == 404, url


def test_the_certificate_opens_inline_for_its_hr_and_the_view_is_logged(client, orgs):
    client.force_login(orgs["member"])
    submit(client, orgs["alpha"])
    training = ExternalSecurityTraining.objects.get()
    client.force_login(orgs["hr_a"])

    response = client.get(f"/hr/security-training/external/{training.pk}/certificate/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert b"".join(response.streaming_content) == PDF
    event = AuditEvent.objects.get(action="compliance.security_training.certificate_viewed")
    assert event.subject_user_id == orgs["member"].pk
    # 접속기록 (DOMAIN-KR §5.3): a download of the holder's data, with the reason the screen states.
    row = PersonalDataAccess.objects.get(action=PersonalDataAccess.Action.DOWNLOAD)
    assert row.actor == orgs["hr_a"] and row.subject_ids == [orgs["member"].pk]
    assert (row.object_type, row.object_id) == ("compliance.externalsecuritytraining", str(training.pk))
    assert f"#{training.pk}" in row.reason and "대기" in row.reason


def test_the_hr_lists_record_a_view_of_the_members_they_show(client, orgs, security_course):
    late = f.MembershipFactory(organisation=orgs["alpha"], user=f.UserFactory(name_ko="이지연")).user
    fine = f.MembershipFactory(organisation=orgs["alpha"], user=f.UserFactory(name_ko="정이수")).user
    complete(security_course, late, on=TODAY - relativedelta(months=13))
    complete(security_course, fine, on=TODAY - relativedelta(months=1))
    external(orgs["member"], orgs["alpha"], on=TODAY, status="pending")
    external(orgs["other"], orgs["beta"], on=TODAY, status="pending")
    client.force_login(orgs["hr_a"])

    assert client.get("/hr/security-training/").status_code == 200
    overview = PersonalDataAccess.objects.latest("pk")
    assert overview.action == PersonalDataAccess.Action.VIEW and overview.actor == orgs["hr_a"]
    assert overview.object_type == "hr.security_training" and overview.object_id == str(orgs["alpha"].pk)
    # The default list: overdue 이지연 and never-trained 김보안 (the HR person reads their own row: not logged).
    assert overview.subject_ids == sorted([late.pk, orgs["member"].pk])

    assert client.get("/hr/security-training/external/").status_code == 200
    submissions = PersonalDataAccess.objects.latest("pk")
    assert submissions.object_type == "hr.security_training_external"
    assert submissions.subject_ids == [orgs["member"].pk]  # not beta's 박베타


# ------------------------------------------------------------------------------------------
# HR: the list and the policy
# ------------------------------------------------------------------------------------------


def test_the_hr_list_shows_overdue_and_never_and_filters(client, orgs, security_course):
    late = f.MembershipFactory(organisation=orgs["alpha"], user=f.UserFactory(name_ko="이지연")).user
    fine = f.MembershipFactory(organisation=orgs["alpha"], user=f.UserFactory(name_ko="정이수")).user
    complete(security_course, late, on=TODAY - relativedelta(months=13))
    complete(security_course, fine, on=TODAY - relativedelta(months=1))
    client.force_login(orgs["hr_a"])

    with translation.override("ko"):
        page = client.get("/hr/security-training/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "이지연" in page and "기한 경과" in page and "김보안" in page  # overdue; never completed
    assert "정이수" not in page  # up to date: not in the default "needs attention" list
    assert "정이수" in client.get("/hr/security-training/?state=ok").content.decode()
    overdue_only = client.get("/hr/security-training/?state=overdue").content.decode()
    assert "이지연" in overdue_only and "김보안" not in overdue_only
    assert "이지연" not in client.get("/hr/security-training/?state=all&role=hr").content.decode()


def test_the_hr_home_links_to_security_training(client, orgs):
    client.force_login(orgs["hr_a"])

    assert "/hr/security-training/" in client.get("/hr/").content.decode()


def test_hr_sets_the_policy_and_it_is_audited(client, orgs):
    client.force_login(orgs["hr_a"])
    url = f"/hr/security-training/policy/?org={orgs['alpha'].public_id}"

    assert client.post(url, {"months_employee": "0", "months_hr": "12"}).status_code == 400
    response = client.post(url, {"months_employee": "6", "months_hr": "24"})

    assert response.status_code == 302
    assert dict(SecurityTrainingPolicy.objects.values_list("role", "every_months")) == {"employee": 6, "hr": 24}
    assert AuditEvent.objects.filter(action="compliance.security_training.policy_set").count() == 2
    client.force_login(orgs["hr_b"])
    assert client.get(url).status_code == 404


def test_an_administrator_sets_any_organisations_policy(client, orgs):
    client.force_login(f.AdminUserFactory())

    response = client.post(
        f"/hr/security-training/policy/?org={orgs['beta'].public_id}", {"months_employee": "12", "months_hr": "36"}
    )

    assert response.status_code == 302
    assert SecurityTrainingPolicy.objects.get(organisation=orgs["beta"], role="hr").every_months == 36


def test_the_organisation_list_reads_in_constant_queries(client, orgs, security_course):
    client.force_login(orgs["hr_a"])

    def add_members(n):
        for index in range(n):
            user = f.MembershipFactory(organisation=orgs["alpha"]).user
            complete(security_course, user, on=TODAY - relativedelta(months=index + 1))
            external(user, orgs["alpha"], on=TODAY - relativedelta(months=index), status="pending")

    def queries():
        client.get("/hr/security-training/?state=all")  # the session and caches warm
        with CaptureQueriesContext(connection) as selector:
            rows = sec.organisation_training(orgs["alpha"], now=NOW)
        with CaptureQueriesContext(connection) as page:
            assert client.get("/hr/security-training/?state=all").status_code == 200
        return len(rows), len(selector), len(page)

    complete(security_course, orgs["member"], on=TODAY - relativedelta(months=13))
    external(orgs["member"], orgs["alpha"], on=TODAY, status="pending")
    few = queries()  # two members: the HR person and 김보안
    add_members(18)
    many = queries()
    assert (few[0], many[0]) == (2, 20)
    assert few[1] == many[1] == 1
    assert few[2] == many[2]


# ------------------------------------------------------------------------------------------
# Reminders
# ------------------------------------------------------------------------------------------


def test_reminders_go_at_30_and_7_days_once_each_to_the_member_with_hr_in_copy(orgs, security_course):
    last = TODAY - relativedelta(months=12)
    complete(security_course, orgs["member"], on=last)
    due = last + relativedelta(months=12)
    mail.outbox.clear()

    assert sec.security_training_reminders_send(today=due - datetime.timedelta(days=31)) == 0
    assert sec.security_training_reminders_send(today=due - datetime.timedelta(days=30)) == 1
    assert sec.security_training_reminders_send(today=due - datetime.timedelta(days=30)) == 0
    assert sec.security_training_reminders_send(today=due - datetime.timedelta(days=29)) == 0
    assert sec.security_training_reminders_send(today=due - datetime.timedelta(days=8)) == 0
    assert sec.security_training_reminders_send(today=due - datetime.timedelta(days=7)) == 1
    assert sec.security_training_reminders_send(today=due - datetime.timedelta(days=7)) == 0
    assert sec.security_training_reminders_send(today=due - datetime.timedelta(days=1)) == 0

    assert len(mail.outbox) == 2
    message = mail.outbox[0]
    assert message.to == ["kim@alpha.example"] and message.cc == ["hr@alpha.example"]
    assert due.strftime("%Y.%m.%d") in message.subject
    assert "/learn/security-training/" in message.body
    assert sorted(SecurityTrainingReminder.objects.values_list("days_before", flat=True)) == [7, 30]


def test_a_new_completion_moves_the_due_date_and_reminders_start_again(orgs, security_course):
    complete(security_course, orgs["member"], on=TODAY - relativedelta(months=12))
    due = TODAY
    assert sec.security_training_reminders_send(today=due - datetime.timedelta(days=7)) == 1
    external(orgs["member"], orgs["alpha"], on=due - datetime.timedelta(days=5))
    new_due = due - datetime.timedelta(days=5) + relativedelta(months=12)

    assert sec.security_training_reminders_send(today=new_due - datetime.timedelta(days=30)) == 1


def test_the_reminder_task_is_safe_to_run_twice(orgs, security_course):
    from compliance.tasks import security_training_reminders_task

    complete(security_course, orgs["member"], on=TODAY - relativedelta(months=12))
    day = (TODAY - datetime.timedelta(days=7)).isoformat()

    assert security_training_reminders_task(day) == 1
    assert security_training_reminders_task(day) == 0


def test_members_who_never_trained_get_no_reminder(orgs):
    mail.outbox.clear()

    assert sec.security_training_reminders_send(today=TODAY) == 0
    assert mail.outbox == []


def test_a_scanned_image_is_accepted_by_its_content(client, orgs):
    client.force_login(orgs["member"])

    response = submit(client, orgs["alpha"], content=b"\xff\xd8\xff\xe0" + b"\x00" * 64, name="scan.JPEG")

    assert response.status_code == 302
    assert ExternalSecurityTraining.objects.get().certificate_type == "jpg"


# ------------------------------------------------------------------------------------------
# Restricted access: the "training" condition
# ------------------------------------------------------------------------------------------


def test_the_training_condition_is_registered_at_order_50():
    from courses import protection

    assert "training" in protection.registered_conditions()
    orders = {key: order for order, key, _fn in protection._conditions}
    assert orders["training"] == 50


@pytest.fixture
def restricted_course():
    return f.course_page(
        f.institute_page(), "대드론 체계 심화", sensitivity="restricted", requires_security_training=True
    )


def test_an_overdue_member_is_refused_restricted_access_and_pointed_to_the_submission_page(
    orgs, security_course, restricted_course
):
    complete(security_course, orgs["member"], on=TODAY - relativedelta(months=13))

    with translation.override("ko"):
        refusal = sec.training_condition(user=orgs["member"], course=restricted_course, now=NOW)

    assert refusal.key == "training" and refusal.url == "/learn/security-training/"
    assert "2025.10.29" in refusal.message and "2026.10.29" in refusal.message


def test_a_member_who_never_trained_is_refused_and_an_up_to_date_one_is_not(orgs, security_course, restricted_course):
    assert sec.training_condition(user=orgs["member"], course=restricted_course, now=NOW).key == "training"

    complete(security_course, orgs["member"], on=TODAY - relativedelta(months=11))  # due soon: still open
    assert sec.training_condition(user=orgs["member"], course=restricted_course, now=NOW) is None


def test_a_course_that_does_not_require_training_asks_nothing(orgs):
    course = f.course_page(f.institute_page(), "보안 등급 과정", sensitivity="restricted")

    with CaptureQueriesContext(connection) as captured:
        assert sec.training_condition(user=orgs["member"], course=course, now=NOW) is None
    assert len(captured) == 0


def test_the_strictest_organisation_decides(orgs, security_course, restricted_course):
    member = orgs["member"]
    f.MembershipFactory(organisation=orgs["beta"], user=member)
    SecurityTrainingPolicy.objects.create(organisation=orgs["beta"], role="employee", every_months=6)
    complete(security_course, member, on=TODAY - relativedelta(months=8))  # ok for alpha (12), overdue for beta (6)

    assert sec.security_training_status(user=member, organisation=orgs["alpha"], now=NOW).state == "ok"
    with CaptureQueriesContext(connection) as captured:
        refusal = sec.training_condition(user=member, course=restricted_course, now=NOW)
    assert refusal is not None and refusal.key == "training"
    assert len(captured) == 1


def test_the_registry_refuses_with_the_training_condition(orgs, security_course, restricted_course):
    from courses import protection

    complete(security_course, orgs["member"], on=TODAY - relativedelta(months=13))

    keys = [r.key for r in protection.restricted_refusals(user=orgs["member"], course=restricted_course, now=NOW)]

    assert "training" in keys


def test_the_refusal_page_says_training_is_overdue_and_links_to_the_submission_page(
    rf, orgs, security_course, restricted_course
):
    from courses import protection

    complete(security_course, orgs["member"], on=TODAY - relativedelta(months=13))
    request = rf.get("/")
    request.user = orgs["member"]

    with translation.override("ko"):
        refusals = protection.restricted_refusals(user=orgs["member"], course=restricted_course, now=NOW)
        refusal = next(r for r in refusals if r.key == "training")  # other parts' conditions may come first
        response = protection.refusal_response(request, refusal, course=restricted_course)

    body = response.content.decode()
    assert response.status_code == 403 and response["X-Academy-Refusal"] == "training"
    assert "보안교육 이수 기한 경과" in body and 'href="/learn/security-training/"' in body


def test_hr_never_approves_their_own_submission(client, orgs):
    """Security review: an HR member's own evidence is decided by another HR member or an administrator."""
    own = external(orgs["hr_a"], orgs["alpha"], on=TODAY - relativedelta(months=1), status="pending")
    client.force_login(orgs["hr_a"])
    response = client.post(
        f"/hr/security-training/external/{own.pk}/decide/",
        {"org": str(orgs["alpha"].public_id), "decision": "approve"},
    )
    assert response.status_code == 400
    own.refresh_from_db()
    assert own.status == "pending"
    assert not AuditEvent.objects.filter(action="compliance.security_training.approved").exists()
