"""Writes of the certificate domain: create, render (issue), reissue, revoke, remind.

Issuance in two steps, so that no failure loses a certificate and none is issued twice:

1. ``certificate_create_for_enrolment`` runs inside the transaction that completes the enrolment
   (a ``courses`` completion listener) and writes the certificate row, ``pending``, with its code.
   If that transaction rolls back, there is no certificate and no task. After commit the render
   task is enqueued; if the broker is down then, the completion still succeeds and the sweeper
   (``certificate_sweep``) enqueues it later.
2. ``certificate_render`` (the task's body) renders the PDF outside any transaction, then locks
   the row and stores the PDF only if it is still needed. Running it twice, or on two workers at
   once, or again after a worker was killed mid-render, leaves exactly one issued PDF, one
   ``issued`` event and one e-mail.
"""

from __future__ import annotations

import datetime
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Membership
from common.mail import bilingual_body
from courses.models import Enrolment
from notifications.services import email_wanted, notify
from notifications.text import bilingual_lazy, kdate_lazy
from ops.audit import audit_record

from . import codes, selectors
from .links import site_url, verification_url
from .models import Certificate, CertificateEvent, ExpiryReminder, RevocationCategory, SupersededPdf
from .pdf import render_pdf, sha256_hex
from .status import Status, certificate_status, expiry_date

logger = logging.getLogger(__name__)


def _audit(certificate: Certificate, *, action: str, actor=None, reason: str = "", **data) -> None:
    """Every change to a certificate goes to the audit trail (DOMAIN-KR §1.10), in its transaction.
    Expiry is not a change: a certificate's status past ``expires_on`` is computed by date
    (``certificate_status``), and the expiry date is in the ``created`` entry."""
    audit_record(
        action=f"certificates.{action}",
        actor=actor,
        subject_user=certificate.enrolment.user_id,
        obj=certificate,
        reason=reason,
        data={"code": certificate.code, "enrolment": certificate.enrolment_id, **data},
    )


#: Days before expiry when the trainee (and their organisation's HR) are reminded.
REMINDER_DAYS = (90, 30, 7)
#: A certificate still waiting for its PDF after this long is enqueued again by the sweeper.
SWEEP_AFTER = datetime.timedelta(minutes=3)
#: After this many failed renderings the sweeper stops trying; the error is on the certificate.
MAX_RENDER_ATTEMPTS = 20


class CertificateError(Exception):
    """A request the rules refuse; the message is translated and meant for the user."""


class CertificateRenderError(Exception):
    """The PDF could not be made (a missing image, a refused URL); recorded on the certificate."""


# --------------------------------------------------------------------------------------------
# Creation (inside the completion transaction) and enqueueing
# --------------------------------------------------------------------------------------------


@transaction.atomic
def certificate_create_for_enrolment(*, enrolment: Enrolment) -> Certificate:
    """Write the pending certificate of a completed enrolment, once; render it after commit.

    Registered as a ``courses`` completion listener, so it runs in the transaction that completes
    the enrolment (which holds the enrolment's row lock). The unique constraint on the enrolment
    is the last word if two completions ever race.
    """
    # Serialise every creator on the enrolment's row (the completing transaction already holds it),
    # so that a second caller waits, then finds the certificate, instead of racing to insert.
    status = Enrolment.objects.select_for_update().filter(pk=enrolment.pk).values_list("status", flat=True).get()
    if status != Enrolment.Status.COMPLETED:
        raise CertificateError("Only a completed enrolment has a certificate.")
    existing = Certificate.objects.filter(enrolment=enrolment).first()
    if existing is not None:
        return existing
    run = enrolment.run
    course = run.course
    user = enrolment.user
    institute = course.institute
    template = selectors.template_for_course(course)
    completed_on = timezone.localdate(enrolment.completed_at or timezone.now())
    validity = course.certificate_validity_months or (template.validity_months if template else None)
    fields = {
        "enrolment": enrolment,
        "template": template,
        "holder_name_ko": user.name_ko,
        "holder_name_en": user.name_en,
        "course_title_ko": course.title,
        "course_title_en": course.title_en,
        "institute_name_ko": institute.title,
        "institute_name_en": institute.title_en,
        "study_hours": course.study_hours,
        "completed_on": completed_on,
        "expires_on": expiry_date(completed_on, validity),
    }
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(code=codes.generate(), **fields)
                CertificateEvent.objects.create(certificate=certificate, kind=CertificateEvent.Kind.CREATED)
                _audit(certificate, action="created", expires_on=certificate.expires_on)
        except IntegrityError:
            existing = Certificate.objects.filter(enrolment=enrolment).first()
            if existing is not None:
                return existing
            continue  # a code collision (one in 2**95): draw again
        certificate_enqueue_on_commit(certificate_id=certificate.pk)
        return certificate
    raise RuntimeError("could not draw an unused certificate code")


def on_enrolment_completed(enrolment: Enrolment) -> None:
    """The ``courses`` completion listener (a plain function, so registering it twice is harmless)."""
    certificate_create_for_enrolment(enrolment=enrolment)


def on_enrolment_uncompleted(enrolment: Enrolment, *, reason: str, actor=None) -> None:
    """The ``courses`` listener for a completion taken back (a funded run's 모사 decision or regrade
    before its grading deadline, or a staff override after it): the certificate, issued or still
    pending, is revoked as "completion requirements not met", with the reason; its code keeps
    answering, as revoked. Runs in the transaction that takes the completion back."""
    certificate = Certificate.objects.select_for_update().filter(enrolment_id=enrolment.pk).first()
    if certificate is None or certificate.state == Certificate.State.REVOKED:
        return
    _revoke(certificate, actor=actor, reason=reason, category=RevocationCategory.REQUIREMENTS_NOT_MET)


def certificate_enqueue_on_commit(*, certificate_id: int) -> None:
    transaction.on_commit(lambda: certificate_enqueue(certificate_id=certificate_id))


def certificate_enqueue(*, certificate_id: int) -> bool:
    """Send the render task to the broker; a broker that is down is logged, never raised.

    Whoever completed the course must not see an error because Redis is away: the row is
    committed, and the sweeper enqueues it again once the broker is back.
    """
    from .tasks import certificate_render_task

    try:
        certificate_render_task.apply_async(
            (certificate_id,),
            retry=True,
            retry_policy={"max_retries": 1, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5},
        )
    except Exception:  # the broker's errors vary with the transport
        logger.warning(
            "certificate %s: could not enqueue its rendering; the sweeper will", certificate_id, exc_info=True
        )
        return False
    return True


# --------------------------------------------------------------------------------------------
# Rendering: the task's body
# --------------------------------------------------------------------------------------------


def certificate_render(*, certificate_id: int) -> bool:
    """Make the certificate's PDF if it still needs one; answer whether this call stored it.

    Idempotent: a certificate that is revoked, or whose PDF is current, is left alone. Slow work
    (WeasyPrint) runs without locks; the result is stored under the row lock only if no other
    run stored it first, so concurrent or repeated runs issue it exactly once.
    """
    from weasyprint.urls import FatalURLFetchingError

    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None or certificate.state == Certificate.State.REVOKED:
        return False
    if certificate.pdf_revision >= certificate.revision:
        return False
    Certificate.objects.filter(pk=certificate_id).update(render_attempts=F("render_attempts") + 1)
    revision = certificate.revision
    issued_on = certificate.issued_on or timezone.localdate()
    try:
        data = render_pdf(selectors.certificate_document(certificate, issued_on=issued_on))
    except FatalURLFetchingError as exc:
        # A BaseException in WeasyPrint: turned into an ordinary error the task can report.
        Certificate.objects.filter(pk=certificate_id).update(render_error=f"{exc}: {exc.__cause__!r}"[:2000])
        raise CertificateRenderError(str(exc)) from exc
    digest = sha256_hex(data)

    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate_id)
        if locked.state == Certificate.State.REVOKED or locked.revision != revision or locked.pdf_revision >= revision:
            return False
        name = default_storage.save(
            f"certificates/{locked.code.replace('-', '')}/r{revision}-{digest[:16]}.pdf", ContentFile(data)
        )
        first_issue = locked.state == Certificate.State.PENDING
        if locked.sha256:
            SupersededPdf.objects.create(
                certificate=locked,
                sha256=locked.sha256,
                pdf=locked.pdf.name,
                revision=locked.pdf_revision,
                issued_at=locked.rendered_at,
            )
        locked.pdf.name = name
        locked.sha256 = digest
        locked.pdf_revision = revision
        locked.rendered_at = timezone.now()
        locked.render_error = ""
        locked.state = Certificate.State.ISSUED
        locked.issued_on = issued_on
        locked.save()
        CertificateEvent.objects.create(
            certificate=locked,
            kind=CertificateEvent.Kind.ISSUED if first_issue else CertificateEvent.Kind.REISSUED,
            sha256=digest,
        )
        _audit(locked, action="issued" if first_issue else "reissued", sha256=digest, revision=revision)
        if first_issue:
            _email_issued(locked)
            _notice_issued(locked)
    return True


def _email_issued(certificate: Certificate) -> None:
    """Tell the trainee the certificate is ready (sent through the outbox, in this transaction)."""
    user = certificate.enrolment.user
    context = {
        "certificate": certificate,
        "name": user.name_ko,
        "name_en": user.name_en or user.name_ko,
        "learn_url": site_url("/learn/#certificates"),
        "verify_url": verification_url(certificate.code),
    }
    body = bilingual_body("certificates/email/issued.txt", context)
    with translation.override("ko"):
        subject = _("Your certificate is ready: %(course)s") % {"course": certificate.course_title_ko}
    send_mail(subject, body, None, [user.email])


def _notice_issued(certificate: Certificate) -> None:
    """The in-app twin of the "certificate ready" e-mail (which ``_email_issued`` already sent)."""
    notify(
        users=[certificate.enrolment.user_id],
        kind="certificate_issued",
        message=format_lazy(
            gettext_lazy("Your certificate for {course} is ready."),
            course=bilingual_lazy(certificate.course_title_ko, certificate.course_title_en),
        ),
        url="/learn/#certificates",
        key=f"certificate-issued:{certificate.pk}",
        email=False,
    )


def certificates_sweep(*, now: datetime.datetime | None = None, limit: int = 1000) -> list[int]:
    """Enqueue again the certificates still waiting for their PDF (their task never reached the broker).

    Each one swept waits ``SWEEP_AFTER`` before it is swept again; after ``MAX_RENDER_ATTEMPTS``
    failed renderings it is left for a person to look at (``render_error``).
    """
    now = now or timezone.now()
    ids = list(
        Certificate.objects.needs_rendering()
        .filter(render_requested_at__lt=now - SWEEP_AFTER, render_attempts__lt=MAX_RENDER_ATTEMPTS)
        .order_by("render_requested_at")
        .values_list("pk", flat=True)[:limit]
    )
    if ids:
        Certificate.objects.filter(pk__in=ids).update(render_requested_at=now)
    for certificate_id in ids:
        certificate_enqueue(certificate_id=certificate_id)
    return ids


# --------------------------------------------------------------------------------------------
# A manager's actions
# --------------------------------------------------------------------------------------------


def _require_manager(actor, certificate: Certificate) -> None:
    if not selectors.user_may_manage_certificate(user=actor, certificate=certificate):
        raise CertificateError(_("Only a manager of the certificate's institute may do this."))


@transaction.atomic
def certificate_reissue(*, certificate: Certificate, actor, reason: str = "") -> Certificate:
    """재발급: a new PDF with the holder's current names; the code stays, the old PDF is superseded.

    For a name correction: fix the trainee's name on their account first. The certificate stays
    valid while the new PDF is made.
    """
    certificate = Certificate.objects.select_for_update().select_related("enrolment__user").get(pk=certificate.pk)
    _require_manager(actor, certificate)
    if certificate.state == Certificate.State.REVOKED:
        raise CertificateError(_("A revoked certificate cannot be reissued."))
    if certificate.state == Certificate.State.PENDING:
        raise CertificateError(_("The certificate is still being issued."))
    user = certificate.enrolment.user
    certificate.holder_name_ko = user.name_ko
    certificate.holder_name_en = user.name_en
    certificate.revision += 1
    certificate.render_requested_at = timezone.now()
    certificate.render_attempts = 0
    certificate.save()
    CertificateEvent.objects.create(
        certificate=certificate, kind=CertificateEvent.Kind.REISSUE_REQUESTED, actor=actor, reason=reason.strip()
    )
    _audit(certificate, action="reissue_requested", actor=actor, reason=reason.strip(), revision=certificate.revision)
    certificate_enqueue_on_commit(certificate_id=certificate.pk)
    return certificate


@transaction.atomic
def certificate_revoke(
    *, certificate: Certificate, actor, reason: str, category: str = RevocationCategory.OTHER
) -> Certificate:
    """취소: ``category`` is what a verifier reads; ``reason``, the manager's own words, stays with the
    staff. The code keeps answering, as revoked, for ever."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Give the reason for the revocation."))
    if category not in RevocationCategory.values:
        raise CertificateError(_("Choose the reason category of the revocation."))
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    _require_manager(actor, certificate)
    if certificate.state == Certificate.State.REVOKED:
        raise CertificateError(_("The certificate is already revoked."))
    return _revoke(certificate, actor=actor, reason=reason, category=category)


def _revoke(certificate: Certificate, *, actor, reason: str, category: str) -> Certificate:
    certificate.state = Certificate.State.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = actor
    certificate.revocation_reason = reason
    certificate.revocation_category = category
    certificate.save()
    CertificateEvent.objects.create(
        certificate=certificate, kind=CertificateEvent.Kind.REVOKED, actor=actor, reason=reason
    )
    _audit(certificate, action="revoked", actor=actor, reason=reason, category=category)
    return certificate


# --------------------------------------------------------------------------------------------
# Expiry reminders
# --------------------------------------------------------------------------------------------


def reminder_threshold(days_left: int) -> int | None:
    """The reminder due with ``days_left`` days of validity left: the smallest threshold not below it."""
    due = [days for days in REMINDER_DAYS if days_left <= days]
    return min(due) if due and days_left >= 0 else None


def expiry_reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind trainees (and their organisations' HR) 90, 30 and 7 days before expiry; once each.

    Run daily by beat. A reminder row is written with the e-mail in one transaction, and a unique
    constraint on (certificate, threshold) makes a second run, or two at once, send nothing more.
    A certificate found late (e.g. issued with 20 days left) gets only the reminder now due.
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=max(REMINDER_DAYS))
    candidates = (
        Certificate.objects.filter(state=Certificate.State.ISSUED, expires_on__gte=today, expires_on__lte=horizon)
        .select_related("enrolment__user", "enrolment__run__course")
        .order_by("expires_on", "pk")
    )
    sent = 0
    for certificate in candidates.iterator(chunk_size=500):
        if certificate_status(certificate, today=today) != Status.VALID:
            continue
        threshold = reminder_threshold((certificate.expires_on - today).days)
        if threshold is None:
            continue
        if _send_reminder(certificate=certificate, threshold=threshold, today=today):
            sent += 1
    return sent


def _send_reminder(*, certificate: Certificate, threshold: int, today: datetime.date) -> bool:
    if ExpiryReminder.objects.filter(certificate=certificate, days_before=threshold).exists():
        return False
    user = certificate.enrolment.user
    # the trainee's own e-mail follows their notification settings; the in-app notice always goes
    trainee_emails = [user.email] if email_wanted(user_ids=[user.pk], kind="certificate_expiring") else []
    hr_emails = sorted(
        set(
            Membership.objects.hr()
            .filter(
                organisation__memberships__user=user,
                organisation__memberships__role=Membership.Role.EMPLOYEE,
            )
            .exclude(user=user)
            .values_list("user__email", flat=True)
        )
    )
    try:
        with transaction.atomic():
            ExpiryReminder.objects.create(
                certificate=certificate, days_before=threshold, recipients=[*trainee_emails, *hr_emails]
            )
            course = certificate.enrolment.run.course
            context = {
                "certificate": certificate,
                "days_left": (certificate.expires_on - today).days,
                "name": user.name_ko,
                "name_en": user.name_en or user.name_ko,
                "reenrol_url": site_url(course.url or "/courses/"),
                "verify_url": verification_url(certificate.code),
            }
            body = bilingual_body("certificates/email/expiry_reminder.txt", context)
            with translation.override("ko"):
                subject = _("Your certificate expires on %(date)s: %(course)s") % {
                    "date": certificate.expires_on.isoformat(),
                    "course": certificate.course_title_ko,
                }
            if trainee_emails:
                send_mail(subject, body, None, trainee_emails, fail_silently=False)
            notify(
                users=[user.pk],
                kind="certificate_expiring",
                message=format_lazy(
                    gettext_lazy("Your certificate for {course} expires on {date}."),
                    course=bilingual_lazy(certificate.course_title_ko, certificate.course_title_en),
                    date=kdate_lazy(certificate.expires_on),
                ),
                url="/learn/#certificates",
                key=f"certificate-expiring:{certificate.pk}:{threshold}",
                email=False,
            )
            if hr_emails:
                hr_body = bilingual_body("certificates/email/expiry_reminder_hr.txt", context)
                send_mail(subject, hr_body, None, hr_emails)
    except IntegrityError:
        return False  # already sent for this threshold
    return True
