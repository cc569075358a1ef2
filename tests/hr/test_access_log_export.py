"""The restricted-access log for 실태조사 (DOMAIN-KR §3.3 F3.5): HR of organisation A reads and exports
only A's people's entries, each export is itself logged, and a changed byte fails verification."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfReader

from accounts import services as account_services
from accounts.models import Membership
from compliance import accesslog
from courses import protection
from courses.models import Sensitivity
from ops.models import AuditEvent, PersonalDataAccess
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    institute = f.institute_page("보호연구원")
    course = f.course_page(institute, "제한 비행제어 과정", sensitivity=Sensitivity.RESTRICTED)
    hr_a = f.MembershipFactory(role=Membership.Role.HR, user__name_ko="인사에이")
    org_a = hr_a.organisation
    alice = f.MembershipFactory(organisation=org_a, user__name_ko="김에이").user
    hr_b = f.MembershipFactory(role=Membership.Role.HR, user__name_ko="인사비")
    org_b = hr_b.organisation
    bob = f.MembershipFactory(organisation=org_b, user__name_ko="박비").user
    events = {
        "alice_view": protection.restricted_access_log(
            user=alice, action="view", obj=course, result="allowed", course=course
        ),
        "alice_refused": protection.restricted_access_log(
            user=alice, action="download", obj=course, result="refused:pledge", course=course
        ),
        "bob_view": protection.restricted_access_log(
            user=bob, action="view", obj=course, result="allowed", course=course
        ),
    }
    return {
        "org_a": org_a,
        "org_b": org_b,
        "hr_a": hr_a.user,
        "hr_b": hr_b.user,
        "alice": alice,
        "bob": bob,
        "course": course,
        "events": events,
    }


def _as(client, user):
    client.force_login(user)
    return client


REASON = "2026년 실태조사 자가진단 자료"


def _export(browser, file_format="csv", *, reason=REASON, **fields):
    """The export as the page does it: a POST of the reason form (the filter in hidden fields)."""
    data = {"reason": reason, **{key: str(value) for key, value in fields.items()}}
    return browser.post(f"/hr/access-log/export.{file_format}", data)


def _code(event) -> str:
    """The event's cell (the code ends the cell: "#1" must not match "#12")."""
    return "#" + accesslog.event_code(event.pk) + "<"


def test_hr_of_a_sees_only_as_people_on_the_page(client, world):
    page = _as(client, world["hr_a"]).get(f"/hr/access-log/?org={world['org_a'].public_id}")
    body = page.content.decode()
    assert page.status_code == 200
    assert _code(world["events"]["alice_view"]) in body and "refused:pledge" in body and "김에이" in body
    assert _code(world["events"]["bob_view"]) not in body and "박비" not in body
    assert "제한 비행제어 과정" in body


def test_hr_of_b_cannot_see_or_export_as_rows(client, world):
    browser = _as(client, world["hr_b"])
    assert browser.get(f"/hr/access-log/?org={world['org_a'].public_id}").status_code == 404
    assert browser.get(f"/hr/access-log/export.csv?org={world['org_a'].public_id}").status_code == 404
    assert browser.get(f"/hr/access-log/export.pdf?org={world['org_a'].public_id}").status_code == 404
    assert _export(browser, org=world["org_a"].public_id).status_code == 404
    own = _export(browser).content.decode("utf-8-sig").replace(",", "<")
    assert _code(world["events"]["bob_view"]) in own
    assert _code(world["events"]["alice_view"]) not in own and "김에이" not in own
    # A person of A is no HR: the area is closed to them.
    assert _as(client, world["alice"]).get("/hr/access-log/").status_code == 404


def test_the_csv_export_is_itself_logged(client, world):
    before = AuditEvent.objects.filter(action=accesslog.EXPORT_ACTION).count()
    response = _export(_as(client, world["hr_a"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig").replace(",", "<")
    assert _code(world["events"]["alice_view"]) in text and _code(world["events"]["alice_refused"]) in text
    assert "HMAC-SHA256" in text
    event = AuditEvent.objects.filter(action=accesslog.EXPORT_ACTION).latest("pk")
    assert AuditEvent.objects.filter(action=accesslog.EXPORT_ACTION).count() == before + 1
    assert event.actor == world["hr_a"] and event.data["organisation"] == world["org_a"].pk
    assert event.data["rows"] == 2 and event.data["format"] == "csv" and event.reason == REASON
    today = timezone.localdate()
    assert (
        event.data["to"] == today.isoformat()
        and event.data["from"] == (today - datetime.timedelta(days=90)).isoformat()
    )
    # The export's own entry is not a restricted access: a second export still holds two rows.
    _export(_as(client, world["hr_a"]))
    assert AuditEvent.objects.filter(action=accesslog.EXPORT_ACTION).latest("pk").data["rows"] == 2


def test_filters_by_person_and_period(client, world):
    browser = _as(client, world["hr_a"])
    other = f.MembershipFactory(organisation=world["org_a"]).user
    others = protection.restricted_access_log(
        user=other, action="view", obj=world["course"], result="allowed", course=world["course"]
    )
    one = browser.get(f"/hr/access-log/?person={world['alice'].pk}").content.decode()
    assert _code(world["events"]["alice_view"]) in one and _code(others) not in one
    assert _code(others) in browser.get("/hr/access-log/").content.decode()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    later = browser.get(f"/hr/access-log/?date_from={tomorrow}&date_to={tomorrow}").content.decode()
    assert _code(world["events"]["alice_view"]) not in later
    wrong = browser.get(f"/hr/access-log/?date_from={tomorrow}&date_to={timezone.localdate()}")
    assert wrong.status_code == 400
    assert browser.get(f"/hr/access-log/export.csv?date_from={tomorrow}&date_to=2020-01-01").status_code == 400
    assert _export(browser, date_from=tomorrow, date_to="2020-01-01").status_code == 400
    # The filter travels with the reason form: one person's export holds their rows only.
    form = browser.get(f"/hr/access-log/export.csv?person={world['alice'].pk}").content.decode()
    assert f'name="person" value="{world["alice"].pk}"' in form and "김에이" in form
    alone = _export(browser, person=other.pk).content.decode("utf-8-sig").replace(",", "<")
    assert _code(others) in alone and _code(world["events"]["alice_view"]) not in alone
    # Someone who is not A's member cannot be chosen.
    assert browser.get(f"/hr/access-log/?person={world['bob'].pk}").status_code == 400


def test_a_former_employees_entries_stay_with_the_employer_of_the_time(client, world):
    membership = Membership.objects.get(user=world["alice"], organisation=world["org_a"])
    account_services.membership_remove(membership=membership, actor=world["hr_a"])
    f.MembershipFactory(organisation=world["org_b"], user=world["alice"])  # joins B afterwards
    assert _code(world["events"]["alice_view"]) in _as(client, world["hr_a"]).get("/hr/access-log/").content.decode()
    assert (
        _code(world["events"]["alice_view"]) not in _as(client, world["hr_b"]).get("/hr/access-log/").content.decode()
    )


def test_the_signed_pdf_verifies_and_a_changed_byte_fails(client, world):
    browser = _as(client, world["hr_a"])
    response = _export(browser, "pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    event = AuditEvent.objects.filter(action=accesslog.EXPORT_ACTION).latest("pk")
    assert event.data["format"] == "pdf" and event.data["rows"] == 2 and event.data["pdf_sha256"]
    assert event.data["hmac"] in text.replace("\n", "") and event.data["chain_head"][:16] in text.replace("\n", "")
    assert "김에이" in text and "박비" not in text

    def verify(content, as_user=world["hr_a"]):
        client.force_login(as_user)
        upload = SimpleUploadedFile("log.pdf", content, content_type="application/pdf")
        return client.post("/hr/access-log/verify/", {"file": upload})

    genuine = verify(pdf)
    assert genuine.status_code == 200 and "message--success" in genuine.content.decode()
    tampered = bytearray(pdf)
    position = len(pdf) // 2
    tampered[position] = (tampered[position] + 1) % 256
    changed = verify(bytes(tampered))
    assert "message--error" in changed.content.decode() and "message--success" not in changed.content.decode()
    assert "message--error" in verify(pdf, as_user=world["hr_b"]).content.decode()  # not B's export

    result = accesslog.verify_pdf(content=pdf, organisation=world["org_a"])
    assert result.genuine
    # A later access does not change what the export holds (it is bounded by the trail's head then).
    protection.restricted_access_log(
        user=world["alice"], action="view", obj=world["course"], result="allowed", course=world["course"]
    )
    assert accesslog.verify_pdf(content=pdf, organisation=world["org_a"]).genuine


def test_the_hmac_depends_on_the_key_and_every_row(world, settings):
    log_filter = accesslog.LogFilter(
        organisation_id=world["org_a"].pk, date_from=timezone.localdate(), date_to=timezone.localdate()
    )
    export = accesslog.export_prepare(log_filter)
    table = [list(row) for row in export.table]
    table[0][5] = "allowed" if table[0][5] != "allowed" else "refused:pledge"
    assert accesslog.signature(log_filter=log_filter, table=table, chain_head=export.chain_head) != export.mac
    settings.ACADEMY_EXPORT_SIGNING_KEY = "another key"
    assert accesslog.signature(log_filter=log_filter, table=export.table, chain_head=export.chain_head) != export.mac


def test_the_hr_home_links_to_the_access_log(client, world):
    assert "/hr/access-log/" in _as(client, world["hr_a"]).get("/hr/").content.decode()


# ------------------------------------------------------------------------------------------
# Personal data (DOMAIN-KR §5.3): the log names people, so reading and exporting it are logged
# ------------------------------------------------------------------------------------------


def test_the_list_records_a_view_of_the_people_it_shows(client, world):
    _as(client, world["hr_a"]).get("/hr/access-log/")
    row = PersonalDataAccess.objects.get()
    assert row.actor == world["hr_a"] and row.action == PersonalDataAccess.Action.VIEW
    assert row.subject_ids == [world["alice"].pk] and row.object_type == "hr.access_log"
    assert row.object_id == str(world["org_a"].pk)
    audit = row.audit_event
    assert audit.action == "personal_data.view" and audit.data["subjects"] == [world["alice"].pk]


def test_an_export_link_opens_the_reason_form_and_makes_no_file(client, world):
    response = _as(client, world["hr_a"]).get("/hr/access-log/export.pdf")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert 'method="post"' in body and 'name="reason"' in body and "김에이" not in body
    assert not AuditEvent.objects.filter(action=accesslog.EXPORT_ACTION).exists()
    assert not PersonalDataAccess.objects.exists()


@pytest.mark.parametrize("file_format", ["csv", "pdf"])
@pytest.mark.parametrize("reason", ["", "   ", "ab"])
def test_an_export_without_a_reason_is_a_400_with_no_file_and_no_log(client, world, file_format, reason):
    response = _export(_as(client, world["hr_a"]), file_format, reason=reason)
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert 'name="reason"' in body and "김에이" not in body and "HMAC" not in body
    assert not AuditEvent.objects.filter(action=accesslog.EXPORT_ACTION).exists()
    assert not PersonalDataAccess.objects.exists()


@pytest.mark.parametrize("file_format", ["csv", "pdf"])
def test_an_export_records_the_people_in_the_file_with_the_reason(client, world, file_format):
    assert _export(_as(client, world["hr_a"]), file_format).status_code == 200
    row = PersonalDataAccess.objects.get()
    assert row.action == PersonalDataAccess.Action.EXPORT and row.actor == world["hr_a"]
    assert row.subject_ids == [world["alice"].pk] and row.reason == REASON
    assert (row.object_type, row.object_id) == ("accounts.organisation", str(world["org_a"].pk))


def test_the_export_service_refuses_an_export_without_a_reason(world):
    log_filter = accesslog.LogFilter(
        organisation_id=world["org_a"].pk, date_from=timezone.localdate(), date_to=timezone.localdate()
    )
    export = accesslog.export_prepare(log_filter)
    assert export.subjects == [world["alice"].pk]
    with pytest.raises(ValueError):
        accesslog.export_log(
            export=export, organisation=world["org_a"], actor=world["hr_a"], file_format="csv", reason=" "
        )
    assert not AuditEvent.objects.filter(action=accesslog.EXPORT_ACTION).exists()
