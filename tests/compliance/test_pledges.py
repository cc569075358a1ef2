"""기술보호 서약서 (DOMAIN-KR §3.3 F3.3): versions, re-signing, the typed name, the step-up check, the
receipt, and the exit pledge recorded with the end of a membership."""

import datetime
import io

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.db import transaction
from django.utils import timezone
from pypdf import PdfReader

from accounts import services as account_services
from accounts.models import Membership, OutboundEmail
from compliance import pledges
from compliance.models import ExitPledge, PledgeKind, PledgeSignature, PledgeText
from courses import protection
from ops.models import AuditEvent
from ops.requestcontext import ClientContext, client_context
from tests import factories as f

from .identity_support import phone_verify, with_identity
from .pledge_support import restricted_course, stepped_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return f.UserFactory(name_ko="김보안", name_en="Kim Boan")


@pytest.fixture
def course():
    return restricted_course()


def _sign(user, text, *, name="김보안", now=None, **kw):
    return pledges.pledge_sign(
        user=user, text=text, typed_name=name, agreed=True, identity_check=stepped_up(user), now=now, **kw
    )


def test_every_restricted_access_condition_is_registered_in_its_order():
    """organisation 10, nationality 20, agreement 30, pledge 40, training 50, step-up 60: the first
    missing one names the refusal page, so the order is what a refused person reads first."""
    assert protection.registered_conditions() == [
        "organisation",
        "nationality",
        "agreement",
        "pledge",
        "training",
        "step_up",
    ]


def test_an_institute_without_a_text_uses_the_builtin_one_with_the_guideline_items(course):
    institute, _course = course
    text = pledges.current_text(institute_id=institute.pk)
    assert text.institute is None and text.version == 1 and text.kind == PledgeKind.JOIN
    for item in ("비밀유지", "반출 금지", "퇴직·전보 시 반납·삭제", "위반 시 책임"):
        assert item in text.body
    assert "Confidentiality" in text.body_en
    assert pledges.current_text(institute_id=institute.pk) == text  # read again: no new version
    assert PledgeText.objects.count() == 1
    assert pledges.current_text(institute_id=None, kind=PledgeKind.EXIT).kind == PledgeKind.EXIT


def test_a_new_version_forces_re_signing_before_the_next_restricted_request(person, course):
    institute, restricted = course
    v1 = pledges.pledge_text_publish(institute=institute, kind="join", title="서약서", body="1. 비밀유지")
    now = timezone.now()
    refusal = pledges.pledge_refusal(user=person, course=restricted, now=now)
    assert refusal.key == "pledge" and refusal.url.startswith(f"/learn/pledge/{institute.pk}/?next=")
    signature = _sign(person, v1, now=now)
    assert (signature.version, signature.text_hash, signature.kind) == (1, v1.text_hash, "join")
    assert pledges.pledge_refusal(user=person, course=restricted, now=now) is None

    v2 = pledges.pledge_text_publish(institute=institute, kind="join", title="서약서", body="1. 비밀유지\n2. 반출 금지")
    assert v2.version == 2 and v2.text_hash != v1.text_hash
    refusal = pledges.pledge_refusal(user=person, course=restricted, now=timezone.now())
    assert refusal is not None and "new version" in refusal.message or "새 버전" in refusal.message
    assert protection.restricted_refusal(user=person, course=restricted, now=timezone.now()) is not None
    _sign(person, v2)
    assert pledges.pledge_refusal(user=person, course=restricted, now=timezone.now()) is None
    assert PledgeText.objects.get(pk=v1.pk).body == "1. 비밀유지"  # the old version is kept as it was


def test_a_signature_counts_for_12_months(person, course, settings):
    institute, restricted = course
    text = pledges.current_text(institute_id=institute.pk)
    signed = timezone.now() - relativedelta(months=12) + datetime.timedelta(hours=1)
    _sign(person, text, now=signed)
    assert pledges.pledge_refusal(user=person, course=restricted, now=timezone.now()) is None
    later = timezone.now() + datetime.timedelta(hours=2)
    assert pledges.pledge_refusal(user=person, course=restricted, now=later).key == "pledge"
    settings.ACADEMY_PLEDGE_VALID_MONTHS = 24
    assert pledges.pledge_refusal(user=person, course=restricted, now=later) is None


def test_another_institutes_signature_does_not_count(person, course):
    institute, restricted = course
    other = f.institute_page("다른연구원")
    pledges.pledge_text_publish(institute=other, kind="join", title="다른 서약서", body="1. 비밀유지")
    _sign(person, pledges.current_text(institute_id=other.pk))
    assert pledges.pledge_refusal(user=person, course=restricted, now=timezone.now()).key == "pledge"


@pytest.mark.parametrize("typed", ["김 보안", "kim boan", "KIM  BOAN"])
def test_the_typed_name_matches_the_korean_or_english_name(person, typed):
    assert pledges.name_matches(person, typed)


def test_a_typed_name_that_is_not_the_accounts_is_a_form_error(client, person, course):
    institute, _restricted = course
    stepped_up(person)
    client.force_login(person)
    response = client.post(f"/learn/pledge/{institute.pk}/", {"typed_name": "홍길동", "agree": "on"})
    assert response.status_code == 400
    assert "Type your name exactly" in response.content.decode() or "정확히" in response.content.decode()
    assert not PledgeSignature.objects.exists()
    response = client.post(f"/learn/pledge/{institute.pk}/", {"typed_name": "김보안"})  # no box ticked
    assert response.status_code == 400 and not PledgeSignature.objects.exists()


def test_signing_needs_a_step_up_check_and_comes_back(client, course):
    institute, _restricted = course
    person = with_identity(f.UserFactory())
    client.force_login(person)
    page = client.get(f"/learn/pledge/{institute.pk}/?next=/learn/")
    assert page.status_code == 200 and 'name="typed_name"' not in page.content.decode()
    refused = client.post(f"/learn/pledge/{institute.pk}/?next=/learn/", {"typed_name": "홍길동", "agree": "on"})
    assert refused.status_code == 302 and refused["Location"].startswith("/learn/identity/")
    assert not PledgeSignature.objects.exists()
    back = phone_verify(client, refused["Location"])
    assert back.status_code == 302 and back["Location"] == f"/learn/pledge/{institute.pk}/?next=/learn/"
    assert 'name="typed_name"' in client.get(back["Location"]).content.decode()
    with client_context(ClientContext(address="203.0.113.9", device_hash="d", user_agent_hash="ua")):
        signed = client.post(back["Location"], {"typed_name": "홍길동", "agree": "on", "next": "/learn/"})
    assert signed.status_code == 302 and signed["Location"] == "/learn/"
    signature = PledgeSignature.objects.get(user=person)
    assert signature.identity_check.moment == "step_up" and signature.identity_check.user == person
    assert signature.typed_name == "홍길동"
    event = AuditEvent.objects.get(action="compliance.pledge_signed")
    assert (
        event.data["text_hash"] == signature.text_hash and event.data["identity_check"] == signature.identity_check_id
    )


def test_the_signature_keeps_hash_version_time_address_and_check(person, course):
    institute, _restricted = course
    text = pledges.current_text(institute_id=institute.pk)
    with client_context(ClientContext(address="198.51.100.4", device_hash="dev", user_agent_hash="uahash")):
        signature = _sign(person, text)
    signature.refresh_from_db()
    assert signature.text_hash == text.text_hash and signature.version == text.version
    assert signature.address == "198.51.100.4" and signature.user_agent_hash == "uahash"
    assert signature.signed_at is not None and signature.identity_check_id


def test_another_persons_check_signs_nothing(person, course):
    institute, _restricted = course
    with pytest.raises(pledges.PledgeError):
        pledges.pledge_sign(
            user=person,
            text=pledges.current_text(institute_id=institute.pk),
            typed_name="김보안",
            agreed=True,
            identity_check=stepped_up(f.UserFactory()),
        )
    assert not PledgeSignature.objects.exists()


def test_the_receipt_is_emailed_with_the_pdf_attached_and_only_the_signer_downloads_it(
    client, person, course, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "accounts.mail.QueuedEmailBackend"  # through the outbox, delivered to locmem
    institute, _restricted = course
    with django_capture_on_commit_callbacks(execute=True):
        signature = _sign(person, pledges.current_text(institute_id=institute.pk))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    (filename, content, mimetype), *_rest = message.attachments
    assert filename == f"pledge-receipt-{signature.pk}.pdf" and mimetype == "application/pdf"
    assert content.startswith(b"%PDF")
    assert _fonts(content) and all("Academy-Myeongjo" in name for name in _fonts(content))  # the shipped Korean font
    stored = OutboundEmail.objects.get(to__contains=[person.email])
    assert stored.attachments[0]["filename"] == filename and stored.attachments[0]["content"] == ""  # bytes dropped
    signature.refresh_from_db()
    assert signature.receipt_sent_at is not None
    assert pledges.pledge_receipt_send(signature_id=signature.pk) is False  # twice: still one e-mail
    assert len(mail.outbox) == 1

    client.force_login(person)
    own = client.get(f"/learn/pledge/receipts/{signature.pk}.pdf")
    assert own.status_code == 200 and own.content.startswith(b"%PDF")
    client.force_login(f.UserFactory())
    assert client.get(f"/learn/pledge/receipts/{signature.pk}.pdf").status_code == 404


def _fonts(content: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(content))
    return [str(font.get_object()["/BaseFont"]) for font in reader.pages[0]["/Resources"]["/Font"].values()]


def test_the_receipt_shows_the_signed_text_and_facts(person, course):
    institute, _restricted = course
    signature = _sign(person, pledges.current_text(institute_id=institute.pk))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pledges.receipt_pdf(signature))).pages)
    assert "기술보호 서약서" in text and "김보안" in text and signature.text_hash[:20] in text.replace("\n", "")


# --------------------------------------------------------------------------------------------
# Exit pledges
# --------------------------------------------------------------------------------------------


@pytest.fixture
def member(person):
    return f.MembershipFactory(user=person)


def test_ending_a_membership_records_a_pending_exit_pledge_in_the_same_transaction(member):
    person, organisation = member.user, member.organisation
    with pytest.raises(RuntimeError), transaction.atomic():
        account_services.membership_remove(membership=member, actor=None)
        assert ExitPledge.objects.filter(user=person, status="pending").count() == 1
        raise RuntimeError  # the end fails after the hook: neither survives
    assert Membership.objects.filter(pk=member.pk).exists() and not ExitPledge.objects.exists()

    account_services.membership_remove(membership=member, actor=None)
    exit_pledge = ExitPledge.objects.get(user=person)
    assert exit_pledge.status == ExitPledge.Status.PENDING and exit_pledge.organisation == organisation
    assert exit_pledge.organisation_name == organisation.name_ko
    assert not person.memberships.exists()  # restricted access (the organisation condition) goes with it
    assert AuditEvent.objects.filter(action="compliance.exit_pledge_requested", subject_user=person).exists()


def test_the_exit_pledge_is_shown_on_the_next_visit_and_signed(client, member):
    person = member.user
    account_services.membership_remove(membership=member, actor=None)
    exit_pledge = ExitPledge.objects.get(user=person)
    client.force_login(person)
    learn = client.get("/learn/")
    assert learn.status_code == 302 and learn["Location"] == f"/learn/pledge/exit/{exit_pledge.pk}/"
    stepped_up(person)
    page = client.get(learn["Location"])
    assert page.status_code == 200 and "퇴직·전보" in page.content.decode()
    signed = client.post(learn["Location"], {"typed_name": "Kim Boan", "agree": "on"})
    assert signed.status_code == 302
    exit_pledge.refresh_from_db()
    assert exit_pledge.status == ExitPledge.Status.SIGNED and exit_pledge.signature.kind == PledgeKind.EXIT
    assert exit_pledge.signature.organisation == member.organisation
    assert client.get("/learn/").status_code == 200  # answered: 나의 강의실 opens again


def test_the_exit_pledge_declined_is_recorded_as_not_signed(client, member):
    person = member.user
    account_services.membership_remove(membership=member, actor=None)
    exit_pledge = ExitPledge.objects.get(user=person)
    client.force_login(person)
    response = client.post(f"/learn/pledge/exit/{exit_pledge.pk}/", {"action": "decline"})
    assert response.status_code == 302
    exit_pledge.refresh_from_db()
    assert exit_pledge.status == ExitPledge.Status.NOT_SIGNED and exit_pledge.signature is None
    assert AuditEvent.objects.filter(action="compliance.exit_pledge_not_signed", subject_user=person).exists()
    # Someone else's exit pledge is not found.
    client.force_login(f.UserFactory())
    assert client.get(f"/learn/pledge/exit/{exit_pledge.pk}/").status_code == 404


def test_the_pledge_refusal_page_links_to_the_signing_page(client, person, course):
    institute, restricted = course
    refusal = pledges.pledge_refusal(user=person, course=restricted, now=timezone.now())
    client.force_login(person)
    page = client.get(refusal.url)
    assert page.status_code == 200 and "기술보호 서약서" in page.content.decode()


def test_an_institute_manager_publishes_a_new_version_in_the_admin_and_an_instructor_cannot(client, course):
    institute, _restricted = course
    manager = f.manager_of(institute)
    client.force_login(manager)
    data = {"institute": institute.pk, "kind": "join", "title": "보호연구원 기술보호 서약서", "body": "1. 비밀유지"}
    assert client.post("/cms/pledge_texts/new/", data).status_code == 302
    assert client.post("/cms/pledge_texts/new/", {**data, "body": "1. 비밀유지\n2. 반출 금지"}).status_code == 302
    texts = PledgeText.objects.filter(institute=institute).order_by("version")
    assert [t.version for t in texts] == [1, 2] and texts[1].created_by == manager
    assert pledges.current_text(institute_id=institute.pk) == texts[1]
    assert client.get(f"/cms/pledge_texts/edit/{texts[0].pk}/").status_code in (302, 403)
    other = f.institute_page("남의연구원")
    refused = client.post("/cms/pledge_texts/new/", {**data, "institute": other.pk})
    assert refused.status_code == 200 and not PledgeText.objects.filter(institute=other).exists()
    client.force_login(f.instructor_of(institute))
    assert client.post("/cms/pledge_texts/new/", data).status_code in (302, 403)
    assert PledgeText.objects.filter(institute=institute).count() == 2


def test_the_condition_is_cheap_enough_for_every_request(person, course, django_assert_num_queries):
    institute, restricted = course
    text = pledges.pledge_text_publish(institute=institute, kind="join", title="서약서", body="1. 비밀유지")
    _sign(person, text)
    restricted = type(restricted).objects.get(pk=restricted.pk)  # a fresh page, as each request has
    with django_assert_num_queries(3):  # the course's institute, its current text, the signature
        assert pledges.pledge_refusal(user=person, course=restricted, now=timezone.now()) is None
