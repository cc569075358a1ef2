"""Vetted access to restricted courses (DOMAIN-KR §3.3 F3.2, F3.4, F3.8): the role matrix."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts import services as account_services
from accounts.models import Consent, DeletionAttestation, Membership, VettingStatus
from compliance.models import (
    ExportApproval,
    ExportApprovalKind,
    IdentityCheck,
    IdentityMoment,
    IdentityResult,
    PledgeSignature,
)
from courses import protection
from courses.models import Enrolment, Sensitivity
from ops.models import AuditEvent
from tests import factories as f

from .pledge_support import signed_pledge

pytestmark = pytest.mark.django_db


def step_up(user, *, minutes_ago=1):
    return IdentityCheck.objects.create(
        user=user,
        moment=IdentityMoment.STEP_UP,
        route="phone",
        backend="fake",
        result=IdentityResult.OK,
        at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
    )


def forget_step_ups(**filters):
    """Remove the recent step-up checks (not those a pledge signature names: they are its evidence)."""
    IdentityCheck.objects.filter(**filters).exclude(pk__in=PledgeSignature.objects.values("identity_check")).delete()


def declare(user, nationality="KR"):
    """The person's own answer on the nationality page (a first answer: a recorded one is corrected
    by an administrator only, ``correct``)."""
    account_services.nationality_record(user=user, nationality=nationality, notice_agreed=True)


def correct(user, nationality):
    """An administrator corrects a recorded nationality (the account admin)."""
    type(user).objects.filter(pk=user.pk).update(nationality=nationality)
    user.nationality = nationality


@pytest.fixture
def world():
    institute = f.institute_page("보안연구원")
    course = f.course_page(institute, "제한 과정", sensitivity=Sensitivity.RESTRICTED)
    lesson = f.lesson_page(course, "1차시")
    run = f.course_run(course)
    organisation = f.OrganisationFactory(
        vetting_status=VettingStatus.APPROVED, vetting_expires_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    trainee = f.UserFactory(name_ko="홍길동")
    f.MembershipFactory(organisation=organisation, user=trainee)
    f.enrolment(run, trainee)
    declare(trainee)
    # The pledge condition (40) holds, signed with a step-up check outside the 10-minute window (its own
    # tests are test_pledges.py); step_up() below is the recent check the step-up condition (60) reads.
    signed_pledge(trainee, institute, at=timezone.now() - datetime.timedelta(minutes=30))
    step_up(trainee)
    return {
        "institute": institute,
        "course": course,
        "lesson": lesson,
        "run": run,
        "org": organisation,
        "trainee": trainee,
    }


def open_lesson(client, world, user=None):
    client.force_login(user or world["trainee"])
    return client.get(world["lesson"].url)


def refusal_of(response):
    return response.headers.get("X-Academy-Refusal")


def test_a_vetted_korean_member_with_a_recent_step_up_opens_the_lesson_logged_with_a_watermark(client, world):
    response = open_lesson(client, world)
    assert response.status_code == 200
    event = AuditEvent.objects.filter(action="restricted.view").latest("pk")
    assert event.data["result"] == "allowed" and event.data["course"] == world["course"].pk
    assert response.context["watermark"].endswith("#" + protection.event_code(event.pk))
    assert protection.watermark_event_id(response.context["watermark"].split("#")[-1]) == event.pk


@pytest.mark.parametrize(
    "change, key, words",
    [
        ("unvetted", "organisation", "적격 심사"),
        ("vetting_expired", "organisation", "적격 심사"),
        ("no_nationality", "nationality", "국적"),
        ("foreign", "nationality", "수출허가"),
        ("foreign_expired_approval", "nationality", "수출허가"),
        ("agreement_ended", "agreement", "협약이 종료"),
        ("no_step_up", "step_up", "본인확인"),
        ("old_step_up", "step_up", "본인확인"),
    ],
)
def test_each_missing_condition_has_its_own_403_page_naming_it_and_is_logged(client, world, change, key, words):
    org, trainee = world["org"], world["trainee"]
    if change == "unvetted":
        org.vetting_status = VettingStatus.NOT_VETTED
        org.save()
    elif change == "vetting_expired":
        org.vetting_expires_on = timezone.localdate() - datetime.timedelta(days=1)
        org.save()
    elif change == "no_nationality":
        trainee.nationality = ""
        trainee.save()
    elif change in ("foreign", "foreign_expired_approval"):
        correct(trainee, "VN")
        if change == "foreign_expired_approval":
            ExportApproval.objects.create(
                user=trainee,
                course=world["course"],
                kind=ExportApprovalKind.LICENCE,
                number="EL-1",
                scope="과정 전체",
                valid_until=timezone.localdate() - datetime.timedelta(days=1),
            )
    elif change == "agreement_ended":
        account_services.organisation_agreement_end(organisation=org, actor=f.AdminUserFactory(), reason="협약 해지")
    elif change in ("no_step_up", "old_step_up"):
        forget_step_ups(user=trainee)
        if change == "old_step_up":
            step_up(trainee, minutes_ago=11)
    response = open_lesson(client, world)
    assert response.status_code == 403 and refusal_of(response) == key
    refusal = response.context["refusal"]
    page = response.content.decode()
    assert refusal.key == key and refusal.title in page and words in page  # the page names what is missing
    event = AuditEvent.objects.filter(action="restricted.view").latest("pk")
    assert event.data["result"] == f"refused:{key}"
    # no credit while refused
    beat = client.post(f"/learn/lessons/{world['lesson'].pk}/heartbeat/")
    assert beat.status_code == 403 and beat.json()["refused"] == key


def test_a_foreigner_with_a_current_approval_for_this_course_opens_it(client, world):
    correct(world["trainee"], "VN")
    ExportApproval.objects.create(
        user=world["trainee"],
        course=world["course"],
        kind=ExportApprovalKind.NON_APPLICABLE,
        number="NA-7",
        scope="1~3차시",
        valid_until=timezone.localdate(),
    )
    assert open_lesson(client, world).status_code == 200


def test_the_step_up_refusal_links_to_a_check_that_returns_to_the_lesson(client, world):
    forget_step_ups()
    response = open_lesson(client, world)
    assert response.context["refusal"].url.startswith("/learn/identity/")


def test_an_expiry_blocks_the_next_request_of_the_same_session(client, world):
    assert open_lesson(client, world).status_code == 200
    world["org"].vetting_expires_on = timezone.localdate() - datetime.timedelta(days=1)
    world["org"].save()
    response = client.get(world["lesson"].url)
    assert response.status_code == 403 and refusal_of(response) == "organisation"


def test_a_step_up_ageing_past_ten_minutes_blocks_the_next_request(client, world):
    forget_step_ups()
    check = step_up(world["trainee"], minutes_ago=9)
    assert open_lesson(client, world).status_code == 200
    check.at = timezone.now() - datetime.timedelta(minutes=10, seconds=1)
    check.save()
    assert refusal_of(client.get(world["lesson"].url)) == "step_up"


def test_the_institutes_own_staff_open_it_logged_but_other_staff_do_not(client, world):
    instructor = f.instructor_of(world["institute"])
    assert open_lesson(client, world, instructor).status_code == 200
    event = AuditEvent.objects.filter(action="restricted.view").latest("pk")
    assert event.data["basis"] == "institute_staff" and event.data["result"] == "allowed"
    other = f.manager_of(f.institute_page("다른연구원"))
    other.is_staff = True
    other.save()
    f.enrolment(world["run"], other)
    assert open_lesson(client, world, other).status_code == 403


def test_a_superuser_opens_it_only_with_a_logged_reason(client, world):
    admin = f.AdminUserFactory()
    response = open_lesson(client, world, admin)
    assert response.status_code == 403
    reason_url = response.context["refusal"].url
    assert reason_url.startswith(f"/learn/restricted/{world['course'].pk}/reason/")
    assert client.post(reason_url, {"reason": "짧음"}).status_code == 400
    assert client.post(reason_url, {"reason": "실태조사 대응 자료 확인을 위해 열람"}).status_code == 302
    assert client.get(world["lesson"].url).status_code == 200
    event = AuditEvent.objects.filter(action="restricted.view").latest("pk")
    assert event.data["basis"] == "superuser" and "실태조사" in event.reason
    assert AuditEvent.objects.filter(action="restricted.superuser_reason", actor=admin).exists()
    # nobody else may give a reason
    assert open_lesson(client, world).status_code == 200
    assert client.post(reason_url, {"reason": "실태조사 대응 자료 확인을 위해 열람"}).status_code == 403


def test_a_foreigner_without_approval_cannot_enrol_or_be_enrolled(client, world):
    foreigner = f.UserFactory()
    f.MembershipFactory(organisation=world["org"], user=foreigner)
    declare(foreigner, "US")
    step_up(foreigner)
    client.force_login(foreigner)
    response = client.post(f"/learn/runs/{world['run'].public_id}/enrol/")
    assert response.status_code == 403 and refusal_of(response) == "nationality"
    assert not Enrolment.objects.filter(user=foreigner).exists()
    assert AuditEvent.objects.filter(action="restricted.enrol", data__result="refused:nationality").exists()
    from courses import services

    with pytest.raises(services.RestrictedEnrolmentRefused):
        services.enrolment_add(run=world["run"], user=foreigner, actor=f.manager_of(world["institute"]))
    with pytest.raises(services.RestrictedEnrolmentRefused):
        services.enrolment_invite(run=world["run"], user=foreigner, actor=f.manager_of(world["institute"]))
    assert not Enrolment.objects.filter(user=foreigner).exists()
    assert AuditEvent.objects.filter(action="restricted.enrol", data__result="refused:nationality").count() == 3


def test_enrolment_asks_for_the_nationality_with_the_notice_then_enrols(client, world):
    person = f.UserFactory()
    f.MembershipFactory(organisation=world["org"], user=person)
    signed_pledge(person, world["institute"], at=timezone.now() - datetime.timedelta(minutes=30))
    step_up(person)
    client.force_login(person)
    response = client.post(f"/learn/runs/{world['run'].public_id}/enrol/")
    assert refusal_of(response) == "nationality"
    form_url = response.context["refusal"].url
    assert form_url.startswith("/learn/restricted/nationality/")
    assert client.post(form_url, {"nationality": "KR"}).status_code == 400  # the notice is required
    assert client.post(form_url, {"nationality": "KR", "notice": "on"}).status_code == 302
    person.refresh_from_db()
    assert person.nationality == "KR"
    consent = Consent.objects.get(user=person, kind=Consent.Kind.RESTRICTED_NOTICE)
    assert consent.agreed and len(consent.text_hash) == 64
    assert client.post(f"/learn/runs/{world['run'].public_id}/enrol/").status_code == 302
    assert Enrolment.objects.get(user=person).status == Enrolment.Status.ACTIVE
    assert AuditEvent.objects.filter(action="restricted.enrol", data__result="allowed").exists()


def test_bulk_csv_is_refused_whole_naming_the_rows_of_ineligible_people(client, world):
    hr = f.UserFactory()
    f.MembershipFactory(organisation=world["org"], user=hr, role=Membership.Role.HR)
    ok, foreign, unknown = f.UserFactory(), f.UserFactory(), f.UserFactory()
    for person in (ok, foreign, unknown):
        f.MembershipFactory(organisation=world["org"], user=person)
    declare(ok)
    declare(foreign, "CN")
    run = f.course_run(world["course"], starts_on=timezone.localdate() + datetime.timedelta(days=3))
    client.force_login(hr)
    data = f"email\n{ok.email}\n{foreign.email}\n{unknown.email}\n".encode()
    response = client.post("/hr/enrol/", {"run": run.pk, "file": SimpleUploadedFile("s.csv", data)})
    errors = response.context["errors"]
    assert len(errors) == 2, errors
    assert foreign.email in errors[0] and "3" in errors[0].split(":")[0]
    assert unknown.email in errors[1] and "4" in errors[1].split(":")[0]
    assert not Enrolment.objects.filter(user__in=[ok, foreign, unknown]).exists()
    refused = AuditEvent.objects.filter(action="restricted.enrol", data__bulk=True)
    assert {e.subject_user_id for e in refused} == {foreign.pk, unknown.pk}


def test_agreement_end_refuses_at_once_and_hr_files_the_pending_attestation(client, world):
    assert open_lesson(client, world).status_code == 200
    admin = f.AdminUserFactory()
    attestation = account_services.organisation_agreement_end(
        organisation=world["org"], actor=admin, reason="계약 만료"
    )
    assert attestation.filed_at is None
    assert refusal_of(client.get(world["lesson"].url)) == "agreement"
    assert AuditEvent.objects.filter(action=account_services.AGREEMENT_END_ACTION).exists()
    hr = f.UserFactory()
    f.MembershipFactory(organisation=world["org"], user=hr, role=Membership.Role.HR)
    client.force_login(hr)
    home = client.get("/hr/").content.decode()
    assert f"/hr/attestations/{attestation.pk}/" in home
    url = f"/hr/attestations/{attestation.pk}/?org={world['org'].public_id}"
    assert client.post(url, {"statement": "PC 3대의 자료 삭제"}).status_code == 400  # no confirmation
    assert client.post(url, {"statement": "PC 3대의 자료 삭제", "confirmed": "on"}).status_code == 302
    attestation.refresh_from_db()
    assert attestation.filed_by == hr and attestation.statement == "PC 3대의 자료 삭제"
    assert f"/hr/attestations/{attestation.pk}/" not in client.get("/hr/").content.decode()
    assert AuditEvent.objects.filter(action=account_services.ATTESTATION_FILE_ACTION, actor=hr).exists()
    # another organisation's HR never sees it
    other_hr = f.MembershipFactory(role=Membership.Role.HR).user
    client.force_login(other_hr)
    assert client.get(f"/hr/attestations/{attestation.pk}/").status_code == 404
    assert DeletionAttestation.objects.pending().count() == 0


def test_the_agreement_end_admin_view_is_for_administrators(client, world):
    url = f"/cms/snippets/accounts/organisation/agreement-end/{world['org'].pk}/"
    client.force_login(f.manager_of(world["institute"]))
    assert client.post(url, {"reason": "x"}).status_code in (302, 403, 404)
    world["org"].refresh_from_db()
    assert world["org"].agreement_ended_at is None
    client.force_login(f.AdminUserFactory())
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "협약 종료"}).status_code == 302
    world["org"].refresh_from_db()
    assert world["org"].agreement_ended_at is not None


def test_the_restricted_course_page_is_never_anonymously_cached_and_hides_lessons_while_refused(client, world):
    anonymous = client.get(world["course"].url)
    assert anonymous.status_code == 200 and "X-Academy-Cache" not in anonymous.headers
    assert client.get(world["course"].url).headers.get("X-Academy-Cache") != "hit"
    forget_step_ups()
    client.force_login(world["trainee"])
    page = client.get(world["course"].url)
    assert page.context["restricted_refusal"].key == "step_up" and page.context["can_study"] is False


def test_quiz_start_in_a_restricted_course_asks_the_conditions(client, world):
    quiz = f.quiz_page(world["course"])
    forget_step_ups()
    client.force_login(world["trainee"])
    response = client.post(f"/learn/quizzes/{quiz.pk}/start/")
    assert response.status_code == 403 and refusal_of(response) == "step_up"


def test_export_approvals_are_recorded_by_administrators_only(client, world):
    client.force_login(f.manager_of(world["institute"]))
    assert client.get("/cms/compliance/export-approvals/").status_code in (302, 403)
    admin = f.AdminUserFactory()
    client.force_login(admin)
    response = client.post(
        "/cms/compliance/export-approvals/new/",
        {
            "user": world["trainee"].email,
            "course": world["course"].pk,
            "kind": ExportApprovalKind.LICENCE,
            "number": "EL-2026-1",
            "scope": "전체",
            "valid_until": "2027-01-31",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    approval = ExportApproval.objects.get(number="EL-2026-1")
    assert approval.recorded_by == admin
    assert AuditEvent.objects.filter(action="compliance.export_approval_saved").exists()
    assert client.get(f"/cms/compliance/export-approvals/edit/{approval.pk}/").status_code == 200


def test_the_vetting_demo_vets_the_organisation_and_refuses_the_foreign_trainee_twice_safely():
    from home import demo_vetting
    from home.demo.people import ORGANISATION

    organisation = f.OrganisationFactory(name_ko=ORGANISATION["name_ko"])
    f.MembershipFactory(organisation=organisation, role=Membership.Role.HR)
    course = f.course_page(f.institute_page(), demo_vetting.RESTRICTED_TITLE, sensitivity=Sensitivity.RESTRICTED)
    demo_vetting.load_vetting()
    demo_vetting.load_vetting()  # idempotent
    organisation.refresh_from_db()
    assert organisation.vetting_status == VettingStatus.APPROVED and organisation.vetting_evidence
    foreigner = f.UserFactory._meta.model.objects.get(email="foreign-trainee@example.com")
    assert Consent.objects.filter(user=foreigner, kind=Consent.Kind.RESTRICTED_NOTICE).count() == 1
    refusal = protection.restricted_refusal(user=foreigner, course=course, now=timezone.now())
    assert refusal.key == "nationality"


def test_the_organisation_screen_takes_the_vetting_evidence_without_any_url_to_it(client, world):
    from django.core.files.base import ContentFile

    world["org"].vetting_evidence.save("evidence.txt", ContentFile(b"approved"), save=True)
    client.force_login(f.AdminUserFactory())
    response = client.get(f"/cms/snippets/accounts/organisation/edit/{world['org'].pk}/")
    assert response.status_code == 200 and "evidence.txt" not in response.content.decode()


def test_a_recorded_nationality_cannot_be_changed_by_the_person(client, world):
    """Security review: a foreigner declaring themselves Korean must not pass the export check."""
    person = f.UserFactory()
    f.MembershipFactory(organisation=world["org"], user=person)
    declare(person, "VN")
    client.force_login(person)
    response = client.post("/learn/restricted/nationality/", {"nationality": "KR", "notice": "on"})
    assert response.status_code == 400
    assert "관리자" in response.content.decode()
    person.refresh_from_db()
    assert person.nationality == "VN"
    declare(person, "VN")  # the same answer again (a new notice version) is fine
