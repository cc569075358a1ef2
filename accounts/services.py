"""Writes about people and their e-mail."""

from __future__ import annotations

import base64
import logging
import secrets

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from common.mail import bilingual_body

from .models import (
    Consent,
    DeletionAttestation,
    Membership,
    NameCorrectionRequest,
    Organisation,
    OrganisationApiKey,
    OrganisationInvitation,
    OutboundEmail,
    User,
)

logger = logging.getLogger(__name__)


def email_enqueue(*, message: EmailMessage) -> OutboundEmail:
    """Store ``message`` in the outbox and deliver it from the worker once the transaction commits."""
    from .mail import email_html, email_subject

    attachments = _stored_attachments(message)
    html_body = ""
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            html_body = content
    # Every message leaves with the Academy's one subject prefix, a text part and an HTML part.
    subject = email_subject(message.subject)
    body = str(message.body)
    if getattr(message, "content_subtype", "plain") == "html":
        from django.utils.html import strip_tags

        html_body, body = body, strip_tags(body)
    if not html_body:
        html_body = email_html(subject=subject, body=body)
    outbound = OutboundEmail.objects.create(
        subject=subject,
        body=body,
        html_body=str(html_body),
        from_email=str(message.from_email or settings.DEFAULT_FROM_EMAIL),
        to=[str(a) for a in message.to],
        cc=[str(a) for a in message.cc],
        bcc=[str(a) for a in message.bcc],
        reply_to=[str(a) for a in message.reply_to],
        headers={str(k): str(v) for k, v in (message.extra_headers or {}).items()},
        attachments=attachments,
    )
    from .tasks import email_deliver_task

    transaction.on_commit(lambda: email_deliver_task.delay(outbound.pk))
    return outbound


def email_deliver(*, email_id: int) -> bool:
    """Send one outbox message, exactly once. Returns whether it was sent by this call.

    The row stays locked while the mail server is talked to, so two workers handed the same
    message (a redelivery, the sweeper) cannot both send it.
    """
    with transaction.atomic():
        outbound = OutboundEmail.objects.select_for_update().filter(pk=email_id).first()
        if outbound is None or outbound.status == OutboundEmail.Status.SENT:
            return False
        message = EmailMultiAlternatives(
            subject=outbound.subject,
            body=outbound.body,
            from_email=outbound.from_email,
            to=outbound.to,
            cc=outbound.cc,
            bcc=outbound.bcc,
            reply_to=outbound.reply_to,
            headers=outbound.headers,
            connection=get_connection(settings.ACADEMY_EMAIL_DELIVERY_BACKEND),
        )
        if outbound.html_body:
            message.attach_alternative(outbound.html_body, "text/html")
        for attachment in outbound.attachments:
            message.attach(attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"])
        outbound.attempts += 1
        try:
            message.send()
        except Exception as exc:
            # Keep the failure on record (the transaction commits), then let the task retry.
            outbound.last_error = repr(exc)[:2000]
            outbound.save(update_fields=["attempts", "last_error"])
            failure = exc
        else:
            outbound.status = OutboundEmail.Status.SENT
            outbound.sent_at = timezone.now()
            outbound.last_error = ""
            _redact(outbound)
            outbound.save(
                update_fields=["status", "sent_at", "attempts", "last_error", "body", "html_body", "attachments"]
            )
            return True
    raise failure


@transaction.atomic
def email_mark_failed(*, email_id: int, error: str) -> None:
    outbound = (
        OutboundEmail.objects.select_for_update().filter(pk=email_id).exclude(status=OutboundEmail.Status.SENT).first()
    )
    if outbound is None:
        return
    outbound.status = OutboundEmail.Status.FAILED
    outbound.last_error = error[:2000]
    _redact(outbound)
    outbound.save(update_fields=["status", "last_error", "body", "html_body", "attachments"])


#: The most a message's attachments may weigh in the outbox (a receipt, not a document store).
MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024


def _stored_attachments(message: EmailMessage) -> list[dict]:
    """Small file attachments (a PDF receipt) kept with the queued message until it leaves; the
    stored copy is dropped once it was sent or given up on (``_redact``). Anything else (a MIME
    part, a file too large) is refused: link to a permission-checked download instead."""
    stored, total = [], 0
    for attachment in message.attachments:
        if not isinstance(attachment, tuple | list) or len(attachment) != 3:
            raise ValueError("Outbox attachments are (filename, content, mimetype) tuples.")
        filename, content, mimetype = attachment
        content = content.encode() if isinstance(content, str) else bytes(content)
        total += len(content)
        if total > MAX_ATTACHMENT_BYTES:
            raise ValueError("Outbox attachments are limited to 2 MB; link to the file instead.")
        stored.append(
            {
                "filename": str(filename),
                "mimetype": str(mimetype or "application/octet-stream"),
                "content": base64.b64encode(content).decode(),
            }
        )
    return stored


def _redact(outbound: OutboundEmail) -> None:
    """Once a message has left (or been given up on), its stored copy keeps no link that works
    once or signs someone in: the outbox is not a store of keys."""
    from .mail import redact_one_time_links

    outbound.body = redact_one_time_links(outbound.body)
    outbound.html_body = redact_one_time_links(outbound.html_body)
    outbound.attachments = [{**a, "content": ""} for a in outbound.attachments]  # names stay, bytes go


# --------------------------------------------------------------------------------------------
# Failed logins: a notice to the owner instead of a lock
# --------------------------------------------------------------------------------------------


def login_failure_record(*, email: str) -> bool:
    """Count one failed login for the account of ``email``. When the account reaches
    ``ACADEMY_LOGIN_NOTICE_FAILURES`` within ``ACADEMY_LOGIN_NOTICE_WINDOW_SECONDS`` (counted from
    its first failure), its owner gets one notice; returns whether this call sent it.

    The counter lives in the shared cache, so every web node adds to the same count and exactly
    one failure (the one that reaches the threshold) sends the e-mail, once per window.
    """
    from django.core.cache import cache

    email = (email or "").strip()
    if not email:
        return False
    user = User.objects.filter(email__iexact=email, is_active=True).only("pk", "email", "name_ko", "name_en").first()
    if user is None:
        return False
    window = settings.ACADEMY_LOGIN_NOTICE_WINDOW_SECONDS
    key = f"academy:login-failures:{user.pk}"
    if cache.add(key, 1, window):
        failures = 1
    else:
        try:
            failures = cache.incr(key)
        except ValueError:  # the window ended between add and incr
            cache.set(key, 1, window)
            failures = 1
    if failures != settings.ACADEMY_LOGIN_NOTICE_FAILURES:
        return False
    _login_failure_notice_send(user=user, failures=failures, minutes=max(1, window // 60))
    return True


def _login_failure_notice_send(*, user: User, failures: int, minutes: int) -> None:
    from django.core.mail import send_mail
    from django.urls import reverse
    from django.utils import translation

    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "user": user,
        "failures": failures,
        "minutes": minutes,
        "reset_url": base_url + reverse("account_reset_password"),
        "security_url": base_url + reverse("mfa_index"),
    }
    body = bilingual_body(
        "accounts/email/login_failures_notice.txt",
        context,
        per_language=lambda language: {
            "name": (user.name_en if language == "en" else user.name_ko) or user.name_ko or user.email
        },
    )
    with translation.override("ko"):
        subject = _("Failed sign-in attempts on your account")
    with transaction.atomic():
        send_mail(subject, body, None, [user.email])


# --------------------------------------------------------------------------------------------
# Organisations: invitations and membership
# --------------------------------------------------------------------------------------------

INVITATION_DAYS = 14
#: Entries in the organisation's history (Wagtail's log), registered in ``wagtail_hooks``.
INVITE_ACTION = "academy.organisation.invite"
REMOVE_ACTION = "academy.organisation.remove_member"


class MembershipError(Exception):
    """A request the rules refuse; the message is translated and meant for the user."""


def organisation_invite(
    *, organisation, email: str, actor, base_url: str, role: str = Membership.Role.EMPLOYEE
) -> OrganisationInvitation:
    """Invite someone by e-mail to join as an employee or as HR staff; they join only by accepting.

    Accepting is their consent to share their training records with the organisation's HR, so
    this is the only way into an organisation. An employee may be invited again as HR staff
    (accepting makes them HR); a member is not invited again to the role they have, nor HR
    staff as an employee (remove them first).
    """
    from datetime import timedelta

    from django.core.mail import send_mail
    from django.utils import translation

    if role not in Membership.Role.values:
        raise MembershipError(_("Choose a role: employee or HR staff."))
    email = User.objects.normalize_email(email).strip().lower()
    current = Membership.objects.filter(organisation=organisation, user__email__iexact=email).first()
    if current is not None and (current.role == role or current.role == Membership.Role.HR):
        raise MembershipError(
            _("%(email)s is already a member of %(organisation)s.") % {"email": email, "organisation": organisation}
        )
    with transaction.atomic():
        OrganisationInvitation.objects.pending().filter(organisation=organisation, email__iexact=email).update(
            declined_at=timezone.now()
        )
        invitation = OrganisationInvitation.objects.create(
            organisation=organisation,
            email=email,
            role=role,
            token=secrets.token_urlsafe(32),
            invited_by=actor,
            expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
        )
        body = bilingual_body(
            "accounts/email/organisation_invitation.txt",
            {"invitation": invitation, "url": f"{base_url}/accounts/organisations/join/{invitation.token}/"},
        )
        with translation.override("ko"):
            subject = _("Invitation to join %(organisation)s") % {"organisation": organisation.name_ko}
        send_mail(subject, body, None, [email])
        log(instance=organisation, action=INVITE_ACTION, user=actor, data={"email": email, "role": role})
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user) -> Membership:
    """The invited person accepts: they become a member of the organisation, in the invited role."""
    invitation = OrganisationInvitation.objects.select_for_update().filter(token=token).first()
    if invitation is None or not OrganisationInvitation.objects.pending().filter(pk=invitation.pk).exists():
        raise MembershipError(_("This invitation is no longer valid. Ask your HR staff for a new one."))
    if invitation.email.lower() != user.email.lower():
        raise MembershipError(
            _("This invitation was sent to %(email)s. Log in with that address to accept it.")
            % {"email": invitation.email}
        )
    membership, created = Membership.objects.select_for_update().get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
    )
    if not created and invitation.role == Membership.Role.HR and membership.role != Membership.Role.HR:
        membership.role = Membership.Role.HR
        membership.save(update_fields=["role"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_decline(*, token: str, user) -> None:
    invitation = OrganisationInvitation.objects.select_for_update().filter(token=token).first()
    if invitation is None or invitation.email.lower() != user.email.lower():
        raise MembershipError(_("This invitation is no longer valid. Ask your HR staff for a new one."))
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])


@transaction.atomic
def membership_remove(*, membership: Membership, actor) -> None:
    """Take a person out of an organisation: its HR no longer sees their records (nor they its)."""
    from . import hooks

    organisation = membership.organisation
    user, email, role = membership.user, membership.user.email, membership.role
    Membership.objects.filter(pk=membership.pk).delete()
    log(instance=organisation, action=REMOVE_ACTION, user=actor, data={"email": email, "role": role})
    # In this transaction: the exit pledge (compliance) is recorded with the end, or neither is.
    hooks.membership_ended(user=user, organisation=organisation, role=role, actor=actor, at=timezone.now())


# --------------------------------------------------------------------------------------------
# API keys
# --------------------------------------------------------------------------------------------

API_KEY_PREFIX = "acad_"


def _hash_key(secret: str) -> str:
    import hashlib

    return hashlib.sha256(secret.encode()).hexdigest()


def api_key_create(*, organisation, name: str, actor) -> tuple[OrganisationApiKey, str]:
    """A new key for the organisation. Returns the row and the key, which is never shown again."""
    prefix = secrets.token_hex(4)
    key = f"{API_KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    row = OrganisationApiKey.objects.create(
        organisation=organisation,
        name=name.strip()[:100] or "API",
        prefix=prefix,
        key_hash=_hash_key(key),
        created_by=actor,
    )
    return row, key


def api_key_authenticate(key: str) -> OrganisationApiKey | None:
    """The active key matching ``key`` (constant-time comparison of the hash), or None."""
    import hmac

    if not key or not key.startswith(API_KEY_PREFIX):
        return None
    parts = key[len(API_KEY_PREFIX) :].split("_", 1)
    if len(parts) != 2:
        return None
    row = (
        OrganisationApiKey.objects.filter(prefix=parts[0], revoked_at__isnull=True)
        .select_related("organisation")
        .first()
    )
    if row is None or not hmac.compare_digest(row.key_hash, _hash_key(key)):
        return None
    return row


def api_key_revoke(*, api_key: OrganisationApiKey) -> None:
    OrganisationApiKey.objects.filter(pk=api_key.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())


# --------------------------------------------------------------------------------------------
# Consents (개인정보 보호법 제22조) and name corrections
# --------------------------------------------------------------------------------------------


class ConsentError(Exception):
    """A consent the rules refuse; the message is translated and meant for the user."""


REQUIRED_CONSENTS = (Consent.Kind.TERMS, Consent.Kind.PRIVACY)


@transaction.atomic
def consents_record(
    *, user: User, answers: dict[str, bool], ip: str | None = None, channel: str = "web", language: str | None = None
) -> list[Consent]:
    """Keep one row per answered consent question, with the version of the text it answered and
    the SHA-256 of that exact text in the language it was shown in (``policies.CONSENT_TEXTS``).

    The required sign-up items (terms of use, collection and use of personal data) must be agreed;
    the optional ones (marketing) are kept as given, yes or no, and take effect at once (the latest
    row is the one in force). ``channel``: "web" (the person, on the site), "admin" or "api".
    """
    from django.utils import translation

    from .policies import CONSENT_TEXTS

    for kind in REQUIRED_CONSENTS:
        if kind in answers and not answers[kind]:
            raise ConsentError(_("The terms of use and the collection of personal data must be agreed to sign up."))
    language = language or ("en" if (translation.get_language() or "ko").startswith("en") else "ko")
    now = timezone.now()
    rows = [
        Consent(
            user=user,
            kind=kind,
            text_version=CONSENT_TEXTS[kind].version,
            text_hash=CONSENT_TEXTS[kind].text_hash(language),
            channel=channel,
            agreed=bool(agreed),
            at=now,
            ip=ip or None,
        )
        for kind, agreed in answers.items()
        if kind in CONSENT_TEXTS
    ]
    return Consent.objects.bulk_create(rows)


def consents_current(*, user: User) -> dict[str, Consent]:
    """The answer in force for each consent kind (the latest row), by kind."""
    current: dict[str, Consent] = {}
    for consent in Consent.objects.filter(user=user).order_by("kind", "-at", "-pk").distinct("kind"):
        current[consent.kind] = consent
    return current


class NameCorrectionError(Exception):
    """A name-correction request the rules refuse; the message is translated and meant for the user."""


def name_correction_request_create(*, user: User, name_ko: str, name_en: str, reason: str) -> NameCorrectionRequest:
    """The trainee asks for new names on their certificates; a manager decides it."""
    from django.db import IntegrityError

    name_ko, name_en, reason = " ".join(name_ko.split()), " ".join(name_en.split()), reason.strip()
    if not name_ko or not name_en or not reason:
        raise NameCorrectionError(_("Give both names and the reason for the correction."))
    if (name_ko, name_en) == (user.name_ko, user.name_en):
        raise NameCorrectionError(_("These are already the names on your account."))
    try:
        with transaction.atomic():
            return NameCorrectionRequest.objects.create(
                user=user,
                old_name_ko=user.name_ko,
                old_name_en=user.name_en,
                new_name_ko=name_ko,
                new_name_en=name_en,
                reason=reason,
            )
    except IntegrityError:
        raise NameCorrectionError(
            _("You already have a request waiting for a decision. You can ask again once it is decided.")
        ) from None


def name_correction_apply(*, correction: NameCorrectionRequest, actor: User, approve: bool, note: str = "") -> None:
    """Record the decision on a locked, pending request; on approval the account's names change.

    Called by the service that also reissues the certificates (``certificates.name_corrections``),
    inside its transaction.
    """
    if correction.status != NameCorrectionRequest.Status.PENDING:
        raise NameCorrectionError(_("This request has already been decided."))
    if approve:
        User.objects.filter(pk=correction.user_id).update(
            name_ko=correction.new_name_ko, name_en=correction.new_name_en
        )
    correction.status = NameCorrectionRequest.Status.APPROVED if approve else NameCorrectionRequest.Status.REJECTED
    correction.decided_by = actor
    correction.decided_at = timezone.now()
    correction.decision_note = note.strip()
    correction.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])


@transaction.atomic
def user_birth_date_set(*, user: User, birth_date) -> User:
    """Record the user's date of birth (checked by ``validate_birth_date``; the form has checked it)."""
    from .models import validate_birth_date

    validate_birth_date(birth_date)
    user.birth_date = birth_date
    user.save(update_fields=["birth_date"])
    return user


@transaction.atomic
def user_mobile_phone_set(*, user: User, phone: str) -> User:
    """Record the user's mobile phone (digits only), as a 휴대폰 본인확인 verified it."""
    digits = "".join(ch for ch in phone if ch.isdigit())[:20]
    if digits and digits != user.mobile_phone:
        user.mobile_phone = digits
        user.save(update_fields=["mobile_phone"])
    return user


# --------------------------------------------------------------------------------------------
# Restricted courses (DOMAIN-KR §3.3 F3.2, F3.4, F3.8): nationality, agreement end, attestation
# --------------------------------------------------------------------------------------------

AGREEMENT_END_ACTION = "organisation.agreement_ended"
ATTESTATION_FILE_ACTION = "organisation.deletion_attested"
NATIONALITY_ACTION = "account.nationality_recorded"


class ProtectionError(Exception):
    """A request the rules refuse; the message is translated and meant for the user."""


def nationality_record(*, user: User, nationality: str, notice_agreed: bool, ip: str | None = None) -> User:
    """Keep the person's nationality (ISO 3166 alpha-2) with their answer to the restricted-course
    notice (nationality, pledge and access logging: ``Consent.Kind.RESTRICTED_NOTICE``), audited.
    A nationality already on record cannot be changed here (``ProtectionError``): only an
    administrator corrects it, so nobody declares themselves Korean to pass the export check."""
    from ops.audit import audit_record

    code = (nationality or "").strip().upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise ProtectionError(_("Choose your nationality."))
    if not notice_agreed:
        raise ProtectionError(_("Restricted courses open only with the notice agreed."))
    with transaction.atomic():
        recorded = User.objects.select_for_update().filter(pk=user.pk).values_list("nationality", flat=True).first()
        if recorded and recorded != code:
            # Once on record, a nationality is corrected by an administrator only (the account admin),
            # never by the person: it decides whether export-controlled material opens (F3.4).
            raise ProtectionError(
                _("Your nationality is already on record. Ask the Academy's administrator to correct it.")
            )
        User.objects.filter(pk=user.pk).update(nationality=code)
        user.nationality = code
        consents_record(
            user=user,
            answers={Consent.Kind.RESTRICTED_NOTICE: True},
            ip=ip,
        )
        audit_record(action=NATIONALITY_ACTION, actor=user, subject_user=user, obj=user, data={"nationality": code})
    return user


def organisation_agreement_end(*, organisation: Organisation, actor, reason: str, now=None) -> DeletionAttestation:
    """협약 종료 (F3.8): from this moment no member opens restricted material (the "agreement"
    condition reads ``agreement_ended_at`` on every request), and a deletion attestation waits for
    the organisation's HR — both in this one transaction, audited."""
    from ops.audit import audit_record

    reason = (reason or "").strip()
    if not reason:
        raise ProtectionError(_("Give the reason the agreement ended."))
    now = now or timezone.now()
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if organisation.agreement_ended_at is not None:
            raise ProtectionError(_("This organisation's agreement has already ended."))
        organisation.agreement_ended_at = now
        organisation.agreement_ended_by = actor
        organisation.save(update_fields=["agreement_ended_at", "agreement_ended_by"])
        attestation = DeletionAttestation.objects.create(organisation=organisation, requested_at=now)
        audit_record(
            action=AGREEMENT_END_ACTION,
            actor=actor,
            obj=organisation,
            reason=reason,
            data={"attestation": attestation.pk, "members": organisation.memberships.count()},
            at=now,
        )
    return attestation


def deletion_attestation_file(*, attestation: DeletionAttestation, actor, statement: str, confirmed: bool):
    """HR files the organisation's deletion attestation: a statement and the confirmation that the
    restricted material is returned or deleted. Filed once; audited."""
    from ops.audit import audit_record

    statement = (statement or "").strip()
    if not statement:
        raise ProtectionError(_("Describe what was returned or deleted."))
    if not confirmed:
        raise ProtectionError(_("Confirm that the material is returned or deleted."))
    with transaction.atomic():
        attestation = DeletionAttestation.objects.select_for_update().get(pk=attestation.pk)
        if attestation.filed_at is not None:
            raise ProtectionError(_("This attestation has already been filed."))
        if not Membership.objects.hr().filter(organisation_id=attestation.organisation_id, user=actor).exists():
            raise ProtectionError(_("Only the organisation's HR staff file its attestation."))
        attestation.filed_at = timezone.now()
        attestation.filed_by = actor
        attestation.statement = statement
        attestation.save(update_fields=["filed_at", "filed_by", "statement"])
        audit_record(
            action=ATTESTATION_FILE_ACTION,
            actor=actor,
            obj=attestation.organisation,
            reason=statement[:500],
            data={"attestation": attestation.pk},
        )
    return attestation


# --------------------------------------------------------------------------------------------
# The personal-data step of a funded enrolment (DOMAIN-KR §5.1; accounts/resident.py)
# --------------------------------------------------------------------------------------------


@transaction.atomic
def funded_personal_data_record(
    *, user: User, resident_number: str, mobile_phone: str, ip: str | None = None, language: str | None = None
):
    """The trainee completed the step: the notices acknowledged, the 제3자 제공 agreed, the mobile
    phone and the 주민등록번호 (validated again here, encrypted) stored. Entering the number again
    replaces the stored one. An account without a date of birth takes the number's (the 수료자
    명단 needs it); one with a date of birth must match it. The audit entry names no value."""
    from ops.audit import audit_record

    from .models import ResidentNumber
    from .policies import FUNDED_CONSENTS
    from .resident import context_of, encrypt, normalise

    digits = normalise(resident_number, birth_date=user.birth_date)
    user = User.objects.select_for_update().get(pk=user.pk)
    ciphertext, nonce, key = encrypt(digits.encode(), context=context_of(user.pk))
    row, created = ResidentNumber.objects.update_or_create(
        user=user, defaults={"ciphertext": ciphertext, "nonce": nonce, "key_id": key, "retain_until": None}
    )
    if user.birth_date is None:
        from .resident import birth_date_of

        user.birth_date = birth_date_of(digits)
        user.save(update_fields=["birth_date"])
    user_mobile_phone_set(user=user, phone=mobile_phone)
    consents_record(user=user, answers=dict.fromkeys(FUNDED_CONSENTS, True), ip=ip, language=language)
    audit_record(
        action="accounts.resident_number_recorded",
        actor=user,
        subject_user=user,
        obj=row,
        data={"replaced": not created, "key_id": key},
    )
    return row


# --------------------------------------------------------------------------------------------
# 회원 탈퇴: what the account itself gives up (compliance.withdrawal decides what is kept)
# --------------------------------------------------------------------------------------------


def user_anonymise(*, user: User, keep_consent_kinds: tuple[str, ...] = ()) -> dict[str, int]:
    """Close the account for good, inside the withdrawal's transaction: sign-in made impossible
    (no usable password, inactive, an e-mail address nobody owns), names, phone, birth date and
    nationality cleared, and what identifies the person destroyed at once: e-mail addresses, second factors,
    memberships, invitations and outbox messages to the address, name-correction requests, and the
    consents (except ``keep_consent_kinds``, the basis of what is kept). The row stays, anonymised:
    the records the law keeps and the certificates (their own name snapshot and code) point to it.
    Answers how many records of each category went (never their values)."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    email = user.email
    counts = {
        "email_addresses": EmailAddress.objects.filter(user=user).delete()[0],
        "authenticators": Authenticator.objects.filter(user=user).delete()[0],
        "memberships": Membership.objects.filter(user=user).delete()[0],
        "invitations": OrganisationInvitation.objects.filter(email__iexact=email).delete()[0],
        "outbox": OutboundEmail.objects.filter(to__contains=[email]).delete()[0],
        "name_corrections": NameCorrectionRequest.objects.filter(user=user).delete()[0],
        "consents": Consent.objects.filter(user=user).exclude(kind__in=keep_consent_kinds).delete()[0],
    }
    user.email = f"withdrawn-{user.pk}@withdrawn.invalid"
    user.name_ko = ""
    user.name_en = ""
    user.birth_date = None
    user.mobile_phone = ""
    user.nationality = ""  # asked for restricted courses (DOMAIN-KR §3.3 F3.4); nothing needs it after
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    return {key: value for key, value in counts.items() if value}
