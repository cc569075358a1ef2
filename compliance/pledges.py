"""기술보호 서약서 (DOMAIN-KR §3.3 F3.3): versioned texts, signing, the "pledge" condition, exit pledges.

- **Texts** (``PledgeText``): per institute and kind (join, exit), a new version is a new row written
  by ``pledge_text_publish``; a published text is never edited. An institute without a text of its
  own uses the Academy's built-in one (``data/pledge_builtin.json``): when that file changes, the next
  read publishes it as a new built-in version, so a code change forces re-signing like an edit.
- **Signing** (``pledge_sign``): a typed name that matches the account's Korean or English name, the
  agreement box, and a passed step-up identity check (``compliance.stepup``); stored with the text's
  hash and version, the time, the address and browser hash of the request and the identity check;
  appended to the audit trail; a PDF receipt is e-mailed to the signer (attached, through the outbox)
  and stays downloadable by the signer alone (rendered again from the signature row: the row is the
  record, the PDF only shows it).
- **The condition** "pledge" (order 40, ``pledge_refusal``): restricted material opens only with a
  signature of the *current* join text of the course's institute, less than
  ``ACADEMY_PLEDGE_VALID_MONTHS`` (12) old. Two queries.
- **Exit pledges**: ``accounts.hooks.membership_ended`` calls ``on_membership_ended`` inside the
  transaction that ends a membership; it records a pending ``ExitPledge``. Restricted access goes
  with the membership itself (the organisation condition). The person meets the exit pledge on their
  next visit to 나의 강의실 (``/learn/`` sends them to it while one is pending: the page everyone lands
  on after signing in, and one indexed query; a middleware would add a query to every request of
  everyone) and signs it or declines ("not signed"); both are recorded and audited.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import unicodedata
from functools import cache
from pathlib import Path

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from ops.audit import audit_record
from ops.requestcontext import current_client

from .models import ExitPledge, IdentityCheck, PledgeKind, PledgeSignature, PledgeText

BUILTIN_FILE = Path(__file__).resolve().parent / "data" / "pledge_builtin.json"


class PledgeError(Exception):
    """A signing the rules refuse; ``field`` names the form field, the message is translated."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


# --------------------------------------------------------------------------------------------
# Texts
# --------------------------------------------------------------------------------------------


def text_hash(*, title: str, body: str, body_en: str) -> str:
    """SHA-256 of what the signer reads (title, Korean and English text), line endings normalised."""
    canonical = json.dumps(
        [part.replace("\r\n", "\n").strip() for part in (title, body, body_en)], ensure_ascii=False
    ).encode()
    return hashlib.sha256(canonical).hexdigest()


@cache
def builtin_texts() -> dict:
    return json.loads(BUILTIN_FILE.read_text(encoding="utf-8"))


def _next_version(*, institute_id: int | None, kind: str) -> int:
    latest = PledgeText.objects.filter(institute_id=institute_id, kind=kind).aggregate(v=Max("version"))["v"]
    return (latest or 0) + 1


def pledge_text_publish(*, institute, kind: str, title: str, body: str, body_en: str = "", actor=None) -> PledgeText:
    """Publish a new version of ``institute``'s pledge of ``kind`` (the next version number)."""
    if kind not in PledgeKind.values:
        raise PledgeError(_("Choose the kind of pledge."), field="kind")
    if not title.strip() or not body.strip():
        raise PledgeError(_("A pledge needs a title and a text."), field="body")
    with transaction.atomic():
        if institute is not None:
            # One writer at a time per institute, so two managers never publish the same version.
            type(institute).objects.select_for_update().filter(pk=institute.pk).first()
        text = PledgeText.objects.create(
            institute=institute,
            kind=kind,
            version=_next_version(institute_id=institute.pk if institute else None, kind=kind),
            title=title.strip(),
            body=body.strip(),
            body_en=body_en.strip(),
            text_hash=text_hash(title=title, body=body, body_en=body_en),
            created_by=actor,
        )
        audit_record(
            action="compliance.pledge_text_published",
            actor=actor,
            obj=text,
            data={"kind": kind, "version": text.version, "text_hash": text.text_hash},
        )
    return text


def builtin_text(kind: str) -> PledgeText:
    """The Academy's built-in text of ``kind``, published as a new version whenever the file changes."""
    source = builtin_texts()[kind]
    digest = text_hash(title=source["title"], body=source["body"], body_en=source["body_en"])
    latest = PledgeText.objects.filter(institute__isnull=True, kind=kind).order_by("-version").first()
    if latest is not None and latest.text_hash == digest:
        return latest
    try:
        with transaction.atomic():
            return PledgeText.objects.create(
                institute=None,
                kind=kind,
                version=_next_version(institute_id=None, kind=kind),
                title=source["title"],
                body=source["body"],
                body_en=source["body_en"],
                text_hash=digest,
            )
    except IntegrityError:  # another request published it at the same moment
        return PledgeText.objects.filter(institute__isnull=True, kind=kind).order_by("-version").first()


def current_text(*, institute_id: int | None, kind: str = PledgeKind.JOIN) -> PledgeText:
    """The version everyone signs now: the institute's latest, else the built-in text."""
    if institute_id is not None:
        text = PledgeText.objects.filter(institute_id=institute_id, kind=kind).order_by("-version").first()
        if text is not None:
            return text
    return builtin_text(kind)


# --------------------------------------------------------------------------------------------
# Reading signatures, and the "pledge" condition
# --------------------------------------------------------------------------------------------


def valid_since(now: datetime.datetime) -> datetime.datetime:
    return now - relativedelta(months=settings.ACADEMY_PLEDGE_VALID_MONTHS)


def valid_signature(*, user, text: PledgeText, now: datetime.datetime) -> PledgeSignature | None:
    """``user``'s signature of exactly this version, younger than the validity period (None: sign)."""
    return (
        PledgeSignature.objects.filter(user=user, text=text, signed_at__gt=valid_since(now), signed_at__lte=now)
        .order_by("-signed_at")
        .first()
    )


def sign_url(*, institute_id: int | None, return_url: str = "") -> str:
    url = reverse("pledge_sign", args=[institute_id or 0])
    return f"{url}?{urlencode({'next': return_url})}" if return_url else url


def pledge_refusal(*, user, course, now: datetime.datetime):
    """The condition "pledge" (order 40): the current join text of the course's institute, signed
    less than ``ACADEMY_PLEDGE_VALID_MONTHS`` ago."""
    from courses.protection import Refusal, return_url

    institute_id = course.institute.pk
    text = current_text(institute_id=institute_id, kind=PledgeKind.JOIN)
    if valid_signature(user=user, text=text, now=now) is not None:
        return None
    signed_before = PledgeSignature.objects.filter(user=user, kind=PledgeKind.JOIN).exists()
    return Refusal(
        key="pledge",
        title=_("Sign the technology protection pledge"),
        message=(
            _(
                "The pledge has a new version, or your signature is more than %(months)s months old: "
                "sign the current version to open restricted material."
            )
            % {"months": settings.ACADEMY_PLEDGE_VALID_MONTHS}
            if signed_before
            else _("Restricted material opens only after you sign the technology protection pledge (기술보호 서약서).")
        ),
        url=sign_url(institute_id=institute_id, return_url=return_url(course)),
    )


# --------------------------------------------------------------------------------------------
# Signing
# --------------------------------------------------------------------------------------------


def _normalised_name(value: str) -> str:
    return "".join(unicodedata.normalize("NFKC", value or "").split()).casefold()


def name_matches(user, typed_name: str) -> bool:
    """Does the typed name match the account's Korean or English name (spaces and case aside)?"""
    typed = _normalised_name(typed_name)
    return bool(typed) and typed in {_normalised_name(user.name_ko), _normalised_name(user.name_en)} - {""}


def pledge_sign(
    *,
    user,
    text: PledgeText,
    typed_name: str,
    agreed: bool,
    identity_check: IdentityCheck | None,
    now: datetime.datetime | None = None,
    exit_pledge: ExitPledge | None = None,
) -> PledgeSignature:
    """Record ``user``'s signature of ``text``: validated first, written in one transaction, audited;
    the receipt is rendered and e-mailed after commit (``pledge_receipt_task``)."""
    now = now or timezone.now()
    if not agreed:
        raise PledgeError(_("Tick the box to confirm that you agree to the pledge."), field="agree")
    if not name_matches(user, typed_name):
        raise PledgeError(_("Type your name exactly as it is on your account (Korean or English)."), field="typed_name")
    if identity_check is None or identity_check.user_id != user.pk:
        raise PledgeError(_("Confirm your identity (step-up check) before you sign."))
    if exit_pledge is not None and (exit_pledge.user_id != user.pk or text.kind != PledgeKind.EXIT):
        raise PledgeError(_("This exit pledge is not yours."))
    client = current_client()
    with transaction.atomic():
        organisation = exit_pledge.organisation if exit_pledge else _current_organisation(user)
        signature = PledgeSignature.objects.create(
            user=user,
            text=text,
            kind=text.kind,
            version=text.version,
            text_hash=text.text_hash,
            typed_name=" ".join(typed_name.split())[:120],
            signed_at=now,
            address=client.address or "",
            user_agent_hash=client.user_agent_hash or "",
            identity_check=identity_check,
            organisation=organisation,
        )
        if exit_pledge is not None:
            locked = ExitPledge.objects.select_for_update().get(pk=exit_pledge.pk)
            if locked.status != ExitPledge.Status.PENDING:
                raise PledgeError(_("This exit pledge was already answered."))
            locked.status, locked.decided_at, locked.signature = ExitPledge.Status.SIGNED, now, signature
            locked.save(update_fields=["status", "decided_at", "signature"])
        audit_record(
            action="compliance.pledge_signed",
            actor=user,
            subject_user=user,
            obj=signature,
            at=now,
            data={
                "kind": text.kind,
                "text": text.pk,
                "version": text.version,
                "text_hash": text.text_hash,
                "identity_check": identity_check.pk,
                "organisation": organisation.pk if organisation else None,
            },
        )
        from .tasks import pledge_receipt_task

        transaction.on_commit(lambda: pledge_receipt_task.delay(signature.pk))
    return signature


def _current_organisation(user):
    membership = user.memberships.select_related("organisation").order_by("joined_at", "pk").first()
    return membership.organisation if membership else None


def exit_pledge_decline(*, exit_pledge: ExitPledge, user, now: datetime.datetime | None = None) -> ExitPledge:
    """The person declines the exit pledge: recorded as "not signed" (and audited)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = ExitPledge.objects.select_for_update().filter(pk=exit_pledge.pk, user=user).first()
        if locked is None:
            raise PledgeError(_("This exit pledge is not yours."))
        if locked.status != ExitPledge.Status.PENDING:
            raise PledgeError(_("This exit pledge was already answered."))
        locked.status, locked.decided_at = ExitPledge.Status.NOT_SIGNED, now
        locked.save(update_fields=["status", "decided_at"])
        audit_record(
            action="compliance.exit_pledge_not_signed",
            actor=user,
            subject_user=user,
            obj=locked,
            at=now,
            data={"organisation": locked.organisation_id, "organisation_name": locked.organisation_name},
        )
    return locked


def exit_text_for(user) -> PledgeText:
    """The exit pledge shown to ``user``: that of the institute whose pledge they signed last, else
    the built-in one."""
    last = (
        PledgeSignature.objects.filter(user=user, kind=PledgeKind.JOIN, text__institute__isnull=False)
        .order_by("-signed_at")
        .values_list("text__institute_id", flat=True)
        .first()
    )
    return current_text(institute_id=last, kind=PledgeKind.EXIT)


def pending_exit_pledge(user) -> ExitPledge | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return ExitPledge.objects.filter(user=user, status=ExitPledge.Status.PENDING).order_by("ended_at", "pk").first()


def on_membership_ended(*, user, organisation, role: str, actor, at: datetime.datetime) -> None:
    """``accounts.hooks`` listener, inside the transaction that ends the membership: the exit pledge
    is recorded (pending) with the end, and the end's audit entry says so."""
    exit_pledge = ExitPledge.objects.create(
        user=user,
        organisation=organisation,
        organisation_name=organisation.name_ko,
        role=role,
        ended_at=at,
    )
    audit_record(
        action="compliance.exit_pledge_requested",
        actor=actor,
        subject_user=user,
        obj=exit_pledge,
        at=at,
        data={"organisation": organisation.pk, "role": role},
    )


# --------------------------------------------------------------------------------------------
# The receipt
# --------------------------------------------------------------------------------------------


def receipt_filename(signature: PledgeSignature) -> str:
    return f"pledge-receipt-{signature.pk}.pdf"


def receipt_pdf(signature: PledgeSignature) -> bytes:
    """The signer's receipt: the text they signed with its version and hash, the typed name, the
    moment (KST), the address and the identity check; Korean font (``common.pdf``)."""
    from django.template.loader import render_to_string
    from django.utils import translation

    from common.pdf import html_to_pdf

    with translation.override("ko"):
        html = render_to_string(
            "compliance/pledge_receipt_pdf.html",
            {"signature": signature, "text": signature.text, "user": signature.user},
        )
    return html_to_pdf(html)


def pledge_receipt_send(*, signature_id: int) -> bool:
    """E-mail the receipt to the signer once, the PDF attached (through the outbox). Returns
    whether it was sent by this call; safe to run twice."""
    from django.core.mail import EmailMessage
    from django.utils import translation

    from common.mail import bilingual_body

    with transaction.atomic():
        signature = (
            PledgeSignature.objects.select_for_update()
            .select_related("text", "user", "identity_check")
            .filter(pk=signature_id)
            .first()
        )
        if signature is None or signature.receipt_sent_at is not None:
            return False
        pdf = receipt_pdf(signature)
        body = bilingual_body(
            "compliance/email/pledge_receipt.txt",
            {
                "signature": signature,
                "text": signature.text,
                "receipt_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("pledge_receipt", args=[signature.pk]),
            },
        )
        with translation.override("ko"):
            subject = _("Your signed pledge: %(title)s (version %(version)s)") % {
                "title": signature.text.title,
                "version": signature.version,
            }
        message = EmailMessage(subject, body, None, [signature.user.email])
        message.attach(receipt_filename(signature), pdf, "application/pdf")
        message.send()
        signature.receipt_sent_at = timezone.now()
        signature.save(update_fields=["receipt_sent_at"])
    return True
