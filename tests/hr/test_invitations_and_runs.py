"""HR follows up invitations (resend, cancel) and sees which runs it can still enrol members in."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts import services as account_services
from accounts.models import OrganisationInvitation
from courses.models import Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://academy.example"
    alpha, beta = f.OrganisationFactory(name_ko="알파드론"), f.OrganisationFactory(name_ko="베타드론")
    hr = f.MembershipFactory(organisation=alpha, role="hr").user
    other_hr = f.MembershipFactory(organisation=beta, role="hr").user
    invitation = account_services.organisation_invite(
        organisation=alpha, email="new@alpha.example", actor=hr, base_url="https://academy.example"
    )
    foreign = account_services.organisation_invite(
        organisation=beta, email="new@beta.example", actor=other_hr, base_url="https://academy.example"
    )
    mail.outbox.clear()
    return {"org": alpha, "hr": hr, "invitation": invitation, "foreign": foreign}


def test_pending_invitations_are_listed_with_resend_and_cancel(client, org):
    client.force_login(org["hr"])

    text = client.get("/hr/invite/").content.decode()

    assert "new@alpha.example" in text and "new@beta.example" not in text
    assert f"/hr/invitations/{org['invitation'].pk}/resend/" in text
    assert f"/hr/invitations/{org['invitation'].pk}/cancel/" in text
    assert "재발송" in text and "대기 중인 초대" in text


def test_resend_sends_a_new_link_and_the_old_one_stops_working(client, org):
    client.force_login(org["hr"])
    old = org["invitation"]

    response = client.post(f"/hr/invitations/{old.pk}/resend/")

    assert response.status_code == 302
    assert mail.outbox[-1].to == ["new@alpha.example"]
    new = OrganisationInvitation.objects.pending().get(organisation=org["org"], email="new@alpha.example")
    assert new.token != old.token and new.token in mail.outbox[-1].body and old.token not in mail.outbox[-1].body
    assert not OrganisationInvitation.objects.pending().filter(pk=old.pk).exists()


def test_resend_is_rate_limited_and_says_so(client, org):
    client.force_login(org["hr"])

    for _ in range(3):
        pending = OrganisationInvitation.objects.pending().get(email="new@alpha.example")
        assert client.post(f"/hr/invitations/{pending.pk}/resend/").status_code == 302
    pending = OrganisationInvitation.objects.pending().get(email="new@alpha.example")
    response = client.post(f"/hr/invitations/{pending.pk}/resend/")

    assert response.status_code == 429 and "다시 시도" in response.content.decode()
    assert len(mail.outbox) == 3


def test_cancel_asks_first_then_the_link_stops_working(client, org):
    client.force_login(org["hr"])
    invitation = org["invitation"]

    confirm = client.get(f"/hr/invitations/{invitation.pk}/cancel/")
    assert confirm.status_code == 200 and "new@alpha.example" in confirm.content.decode()
    assert OrganisationInvitation.objects.pending().filter(pk=invitation.pk).exists()  # a GET changes nothing

    response = client.post(f"/hr/invitations/{invitation.pk}/cancel/", follow=True)

    assert "초대를 취소했습니다" in response.content.decode()
    assert not OrganisationInvitation.objects.pending().filter(pk=invitation.pk).exists()
    user = f.UserFactory(email="new@alpha.example")
    with pytest.raises(account_services.MembershipError):
        account_services.invitation_accept(token=invitation.token, user=user)


def test_another_organisations_invitation_is_404(client, org):
    client.force_login(org["hr"])
    foreign = org["foreign"]

    assert client.post(f"/hr/invitations/{foreign.pk}/resend/").status_code == 404
    assert client.get(f"/hr/invitations/{foreign.pk}/cancel/").status_code == 404
    assert client.post(f"/hr/invitations/{foreign.pk}/cancel/").status_code == 404
    assert OrganisationInvitation.objects.pending().filter(pk=foreign.pk).exists() and not mail.outbox


def test_resend_is_post_only(client, org):
    client.force_login(org["hr"])

    assert client.get(f"/hr/invitations/{org['invitation'].pk}/resend/").status_code == 405


@pytest.fixture
def runs(org):
    institute = f.institute_page()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    started = f.course_run(f.course_page(institute, "이미 시작한 과정"), title="시작됨 차수")
    full = f.course_run(f.course_page(institute, "가득 찬 과정"), title="만석 차수", capacity=1, starts_on=tomorrow)
    f.enrolment(full)
    free = f.course_run(f.course_page(institute, "여유 있는 과정"), title="여유 차수", capacity=5, starts_on=tomorrow)
    return {"started": started, "full": full, "free": free}


def test_the_bulk_form_marks_started_runs_closed_and_disabled_and_full_runs(client, org, runs):
    client.force_login(org["hr"])

    text = client.get("/hr/enrol/").content.decode()

    started = text[text.index(f'value="{runs["started"].pk}"') :].split("</option>")[0]
    full = text[text.index(f'value="{runs["full"].pk}"') :].split("</option>")[0]
    free = text[text.index(f'value="{runs["free"].pk}"') :].split("</option>")[0]
    assert "disabled" in started and "이미 시작됨" in started
    assert "disabled" not in full and "대기" in full
    assert "disabled" not in free and "잔여 5석" in free
    assert text.count('class="stack hr-runs"') == 1 and "<title>CSV로 구성원 수강 등록 ·" in text
    table = text[text.index('class="stack hr-runs"') :]
    assert "마감" in table and "대기자 등록" in table and "등록 가능" in table


def test_a_started_run_is_refused_on_the_server_too(client, org, runs):
    member = f.MembershipFactory(organisation=org["org"], user=f.UserFactory(email="m@alpha.example")).user
    client.force_login(org["hr"])

    response = client.post(
        "/hr/enrol/", {"run": runs["started"].pk, "file": SimpleUploadedFile("s.csv", b"email\nm@alpha.example\n")}
    )

    assert response.status_code == 200 and "이미 시작됨" in response.content.decode()
    assert not Enrolment.objects.filter(user=member).exists()
