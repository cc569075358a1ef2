"""The personal-data access log of staff, HR and instructors (DOMAIN-KR §5.3) and its monthly review.

Acceptance: HR opening a member's page creates one row naming that member; an XLSX export cannot
start without a reason; the monthly screen shows "not reviewed" after the 1st of the month until
signed; rows are hash-chained (§1.10).
"""

from __future__ import annotations

import datetime
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from ops import privacy, privacy_review
from ops.audit import audit_chain_verify, audit_record
from ops.models import AuditEvent, PersonalDataAccess, PersonalDataReview
from ops.requestcontext import ClientContext, client_context
from ops.retention import destroyers
from tests import factories as f
from tests.accounts.test_staff_idle_timeout import clock, signed_in  # noqa: F401
from tests.hr.test_area import orgs  # noqa: F401

pytestmark = pytest.mark.django_db

REASON = {"reason": "분기 교육 실적 보고"}


def rows(**filters):
    return list(PersonalDataAccess.objects.filter(**filters).order_by("pk"))


# --- the service ---------------------------------------------------------------------------


def test_one_access_is_one_row_and_one_chained_audit_entry():
    staff, a, b = f.UserFactory(), f.UserFactory(), f.UserFactory()
    with client_context(ClientContext(address="203.0.113.9")):
        row = privacy.personal_data_access_record(
            actor=staff, action="export", subjects=[b, a.pk, b], object_type="hr.records", reason="  감사   대응 "
        )

    assert (row.actor_id, row.address, row.action, row.reason) == (staff.pk, "203.0.113.9", "export", "감사 대응")
    assert row.subject_ids == sorted([a.pk, b.pk]) and row.subject_count == 2
    event = row.audit_event
    assert event.action == "personal_data.export" and event.actor_address == "203.0.113.9"
    assert event.data == {"subjects": sorted([a.pk, b.pk]), "count": 2} and event.reason == "감사 대응"
    assert event.at == row.at
    assert audit_chain_verify().ok


def test_the_row_never_holds_the_data_itself():
    staff, person = f.UserFactory(), f.UserFactory(name_ko="홍길동", email="hong@example.com")
    row = privacy.personal_data_access_record(actor=staff, action="view", subjects=[person], obj=person)
    text = repr(PersonalDataAccess.objects.filter(pk=row.pk).values().get()) + repr(row.audit_event.data)
    assert "홍길동" not in text and "hong@example.com" not in text


def test_reading_ones_own_data_writes_nothing():
    person = f.UserFactory()
    assert privacy.personal_data_access_record(actor=person, action="view", subjects=[person]) is None
    assert privacy.personal_data_access_record(actor=person, action="view", subjects=[]) is None
    row = privacy.personal_data_access_record(actor=person, action="view", subjects=[person, f.UserFactory()])
    assert person.pk not in row.subject_ids
    assert PersonalDataAccess.objects.count() == 1


def test_an_export_without_a_reason_is_refused_by_the_service():
    with pytest.raises(ValueError):
        privacy.personal_data_access_record(actor=f.UserFactory(), action="export", subjects=[f.UserFactory()])
    assert not PersonalDataAccess.objects.exists() and not AuditEvent.objects.exists()


def test_the_log_is_append_only_in_the_database():
    row = privacy.personal_data_access_record(actor=f.UserFactory(), action="view", subjects=[f.UserFactory()])
    for statement in ("UPDATE ops_personaldataaccess SET reason = 'x'", "DELETE FROM ops_personaldataaccess"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert PersonalDataAccess.objects.get(pk=row.pk).reason == ""


def test_the_retention_sweep_removes_rows_after_two_years_and_keeps_the_audit_entries(settings):
    staff, person = f.UserFactory(), f.UserFactory()
    old = privacy.personal_data_access_record(actor=staff, action="view", subjects=[person])
    recent = privacy.personal_data_access_record(actor=staff, action="view", subjects=[person])
    # Written three years ago: the row's own time is what the sweep reads (the trigger allows
    # deleting rows older than a year, so the test moves it by a raw INSERT of an old copy).
    three_years_ago = timezone.now() - timedelta(days=3 * 366)
    aged = PersonalDataAccess.objects.create(
        actor=staff, at=three_years_ago, action="view", subject_ids=[person.pk], audit_event=old.audit_event
    )
    destroyer = destroyers("access_logs")["ops.personaldataaccess"]
    cutoff = timezone.localdate() - timedelta(days=2 * 365)

    assert destroyer(cutoff) == 1

    assert set(PersonalDataAccess.objects.values_list("pk", flat=True)) == {old.pk, recent.pk}
    assert not PersonalDataAccess.objects.filter(pk=aged.pk).exists()
    assert AuditEvent.objects.filter(pk=old.audit_event_id).exists() and audit_chain_verify().ok


# --- hooks: HR ---------------------------------------------------------------------------------


def test_hr_opening_a_members_page_creates_one_row_naming_that_member(client, orgs):  # noqa: F811
    membership = orgs["alpha"].memberships.get(user=orgs["employee"])
    client.force_login(orgs["hr"])

    assert client.get(f"/hr/members/{membership.pk}/").status_code == 200

    (row,) = rows(object_type="accounts.membership")
    assert (row.actor_id, row.action, row.subject_ids, row.object_id) == (
        orgs["hr"].pk,
        "view",
        [orgs["employee"].pk],
        str(membership.pk),
    )


def test_the_member_list_logs_the_people_shown(client, orgs):  # noqa: F811
    client.force_login(orgs["hr"])
    client.get("/hr/")
    (row,) = rows(object_type="hr.member_list")
    assert row.subject_ids == [orgs["employee"].pk]  # HR's own membership is not another person's data


def test_an_xlsx_export_cannot_start_without_a_reason(client, orgs):  # noqa: F811
    client.force_login(orgs["hr"])

    form = client.get("/hr/records.xlsx")
    refused = client.post("/hr/records.xlsx", {"reason": ""})

    assert form.status_code == 200 and form["Content-Type"].startswith("text/html")
    assert 'name="reason"' in form.content.decode()
    assert refused.status_code == 400 and refused["Content-Type"].startswith("text/html")
    assert "파일을 만들기 전에" in refused.content.decode()
    assert not rows(action="export")

    response = client.post("/hr/records.xlsx", REASON)

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=2, column=1).value == "김알파"
    (row,) = rows(action="export")
    assert row.reason == REASON["reason"] and row.subject_ids == [orgs["employee"].pk]
    assert row.object_type == "accounts.organisation"


# --- hooks: staff screens --------------------------------------------------------------------------


@pytest.fixture
def run_world():
    institute = f.institute_page("감사연구원")
    course = f.course_page(institute, "드론 정비")
    run = f.course_run(course)
    trainees = [f.UserFactory(name_ko=f"교육생{i}") for i in range(3)]
    for trainee in trainees:
        f.enrolment(run, trainee)
    return {"institute": institute, "run": run, "trainees": trainees, "manager": f.manager_of(institute)}


def test_the_gradebook_view_and_export_are_logged_and_the_export_needs_a_reason(client, run_world):
    client.force_login(run_world["manager"])
    url = f"/cms/assessments/runs/{run_world['run'].pk}/gradebook/"
    ids = sorted(t.pk for t in run_world["trainees"])

    assert client.get(url).status_code == 200
    assert "reason" in client.get(f"{url}?format=csv").content.decode()
    assert client.post(url, {"format": "csv"}).status_code == 400
    exported = client.post(url, {"format": "csv", **REASON})

    assert exported["Content-Type"].startswith("text/csv")
    view, export = rows(object_type="assessments.gradebook")
    assert (view.action, view.subject_ids) == ("view", ids)
    assert (export.action, export.subject_ids, export.reason) == ("export", ids, REASON["reason"])


def test_the_enrolment_list_and_its_export_are_logged(client, run_world):
    client.force_login(run_world["manager"])
    url = f"/cms/academy/runs/{run_world['run'].pk}/"

    assert client.get(url).status_code == 200
    assert client.get(f"{url}?format=xlsx").status_code == 200  # the reason form
    assert client.post(f"{url}?format=xlsx", {"format": "xlsx", "reason": ""}).status_code == 400
    response = client.post(f"{url}?format=xlsx", {"format": "xlsx", **REASON})

    assert load_workbook(io.BytesIO(response.content)).active.max_row == 4
    view, export = rows(object_type="courses.enrolment_list")
    assert view.subject_count == 3 and export.subject_count == 3 and export.reason == REASON["reason"]


def test_the_user_admin_logs_a_view_and_a_change(client):
    admin, person = f.AdminUserFactory(), f.UserFactory()
    client.force_login(admin)

    assert client.get(f"/cms/users/edit/{person.pk}/").status_code == 200
    client.get("/cms/users/")

    assert [(r.action, r.subject_ids) for r in rows(object_type="accounts.user")] == [("view", [person.pk])]
    (listed,) = rows(object_type="accounts.user_list")
    assert person.pk in listed.subject_ids and admin.pk not in listed.subject_ids


def test_a_certificate_page_in_the_admin_logs_its_holder(client, run_world):
    enrolment = run_world["run"].enrolments.first()
    certificate = f.certificate(enrolment)
    client.force_login(run_world["manager"])

    assert client.get(f"/cms/academy/certificates/{certificate.pk}/").status_code == 200

    (row,) = rows(object_type="certificates.certificate")
    assert row.subject_ids == [enrolment.user_id]


# --- the monthly review ----------------------------------------------------------------------------


def _access(actor, at, *, action="view", subjects=(), reason=""):
    """A row at a given time (the service stamps "now"; the review reads the row's time)."""
    ids = sorted(user.pk for user in subjects) if subjects else [f.UserFactory().pk]
    event = audit_record(action=f"personal_data.{action}", actor=actor, at=at, data={"subjects": ids})
    return PersonalDataAccess.objects.create(
        actor=actor,
        at=at,
        action=action,
        subject_ids=ids,
        subject_count=len(ids),
        reason=reason,
        audit_event=event,
    )


def kst(*args):
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture
def reviewer():
    user = f.UserFactory()  # the 개인정보 보호책임자: admin access and the review permission
    user.user_permissions.add(
        Permission.objects.get(codename="review_personaldataaccess"),
        Permission.objects.get(codename="access_admin"),
    )
    return user


def test_the_review_screen_is_for_the_permission_holders_only(client, reviewer):
    url = "/cms/privacy/review/"
    client.force_login(f.StaffUserFactory())
    assert client.get(url).status_code in (302, 403)
    client.force_login(reviewer)
    assert client.get(url).status_code == 200
    client.force_login(f.AdminUserFactory())
    assert client.get(url).status_code == 200
    assert client.get(f"{url}?month=2026-13").status_code == 400


def test_an_ended_month_shows_not_reviewed_until_signed(client, reviewer):
    today = timezone.localdate()
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    client.force_login(reviewer)

    before = client.get(f"/cms/privacy/review/?month={last_month:%Y-%m}").content.decode()
    current = client.get("/cms/privacy/review/").content.decode()
    signed = client.post(f"/cms/privacy/review/?month={last_month:%Y-%m}", {"note": "다운로드 사유 확인"})
    after = client.get(f"/cms/privacy/review/?month={last_month:%Y-%m}").content.decode()

    assert "검토 전" in before and "서명" in before
    assert "진행 중" in current
    assert signed.status_code == 302
    review = PersonalDataReview.objects.get()
    assert (review.month, review.reviewed_by_id, review.note) == (last_month, reviewer.pk, "다운로드 사유 확인")
    assert "검토 완료" in after and "다운로드 사유 확인" in after
    assert client.post(f"/cms/privacy/review/?month={last_month:%Y-%m}", {}).status_code == 409
    assert client.post("/cms/privacy/review/", {}).status_code == 409  # the current month has not ended
    assert AuditEvent.objects.filter(action=privacy_review.SIGN_OFF_ACTION).count() == 1


def test_the_status_rule_turns_on_the_first_of_the_next_month():
    month = datetime.date(2026, 10, 1)
    assert privacy_review.month_status(month, None, today=datetime.date(2026, 10, 31)) == "open"
    assert privacy_review.month_status(month, None, today=datetime.date(2026, 11, 1)) == "overdue"


def test_off_hours_volume_and_exports_of_a_month():
    hr, staff = f.UserFactory(email="hr@x.example"), f.UserFactory(email="staff@x.example")
    bulk = [f.UserFactory() for _ in range(privacy.BULK_SUBJECTS)]
    _access(hr, kst(2026, 10, 7, 23, 30))  # Wednesday night
    _access(hr, kst(2026, 10, 10, 14, 0))  # Saturday
    _access(hr, kst(2026, 10, 8, 6, 59))  # before 07:00
    _access(staff, kst(2026, 10, 8, 7, 0))  # working hours
    _access(staff, kst(2026, 10, 9, 10, 0), subjects=bulk)  # a bulk view
    _access(staff, kst(2026, 10, 9, 11, 0), action="export", reason="국정감사 자료")
    _access(staff, kst(2026, 11, 2, 23, 0))  # next month

    review = privacy_review.month_review(month=datetime.date(2026, 10, 1), today=datetime.date(2026, 11, 5))

    assert review.total == 6 and review.status == "overdue"
    volume = {row["actor__email"]: (row["accesses"], row["off_hours"], row["exports"]) for row in review.per_actor}
    assert volume == {"hr@x.example": (3, 3, 0), "staff@x.example": (3, 0, 1)}
    assert {row.actor_id for row in review.off_hours} == {hr.pk}
    assert [(row.subject_count, row.reason) for row in review.exports] == [(1, "국정감사 자료"), (100, "")]
    assert privacy.is_off_hours(kst(2026, 10, 7, 22, 0)) and not privacy.is_off_hours(kst(2026, 10, 7, 21, 59))


def test_filter_by_actor_and_search_for_the_person_whose_data_was_read(client, reviewer):
    hr, staff = f.UserFactory(), f.UserFactory()
    person = f.UserFactory(email="target@example.com", name_ko="표적인")
    now = timezone.now()
    _access(hr, now, subjects=[person])
    _access(staff, now)
    month = privacy_review.month_start(timezone.localdate())

    by_actor = privacy_review.month_review(month=month, today=timezone.localdate(), actor_id=staff.pk)
    by_person = privacy_review.month_review(month=month, today=timezone.localdate(), subject_query="표적인")
    nobody = privacy_review.month_review(month=month, today=timezone.localdate(), subject_query="nobody@x")

    assert [row["actor_id"] for row in by_actor.per_actor] == [staff.pk]
    assert [row["actor_id"] for row in by_person.per_actor] == [hr.pk] and by_person.subject == person
    assert nobody.total == 0
    client.force_login(reviewer)
    assert client.get("/cms/privacy/review/?subject=target@example.com").status_code == 200


def _page_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_review_page_reads_a_fixed_number_of_queries(client, reviewer):
    now = timezone.now()
    client.force_login(reviewer)
    url = "/cms/privacy/review/?subject=someone@example.com"
    person = f.UserFactory(email="someone@example.com")
    _access(f.UserFactory(), now, subjects=[person], action="export", reason="사유")
    client.get(url)  # the first request of a session stamps its activity (one more write)
    small = _page_queries(client, url)
    for _ in range(6):
        _access(f.UserFactory(), now, subjects=[person, f.UserFactory()], action="export", reason="사유")
        _access(f.UserFactory(), now - timedelta(hours=now.hour), subjects=[person])
    assert _page_queries(client, url) == small


# --- idle logout of every 개인정보취급자 ------------------------------------------------------------------


def test_an_instructor_without_is_staff_is_signed_out_after_thirty_idle_minutes(client, clock):  # noqa: F811
    instructor = f.instructor_of(f.institute_page())
    assert not instructor.is_staff
    client.force_login(instructor)
    assert client.get("/cms/").status_code == 200
    clock.advance(minutes=31, seconds=1)

    client.get("/cms/")

    assert not signed_in(client)


def test_the_certificate_list_export_asks_for_a_reason_and_logs_the_holders(client, run_world):
    enrolment = run_world["run"].enrolments.first()
    certificate = f.certificate(enrolment)
    client.force_login(run_world["manager"])
    url = "/cms/academy/certificates/?export=xlsx"

    form = client.get(url)
    refused = client.post(url, {"reason": ""})
    response = client.post(url, REASON)

    assert form.status_code == 200 and 'name="reason"' in form.content.decode()
    assert refused.status_code == 400
    rows_ = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows_[1][0] == certificate.code
    (row,) = rows(action="export")
    assert (row.object_type, row.subject_ids, row.reason) == (
        "certificates.certificate_list",
        [enrolment.user_id],
        REASON["reason"],
    )
