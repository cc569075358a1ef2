"""Security-training tracking (보안교육 이수 관리, DOMAIN-KR §3.3 F3.6): the one rule, its reads and writes.

**The rule** (``training_status_of``): a member's last completion is the later of

- an Academy completion of a course flagged ``is_security_training`` (a completed enrolment; the
  date is the Korean calendar day of ``completed_at``), which counts for every organisation, and
- an *approved* external completion (DAPA, 한국산업기술보호협회, other) submitted to that organisation:
  it counts only there, because that organisation's HR approved it and holds its certificate as the
  evidence of a 실태조사; another organisation's HR never sees it. Pending and rejected ones do not
  count.

The training is due ``every_months`` after the last completion (``dateutil.relativedelta``, so a
completion on 31 January is due on 28/29 February of a one-month policy). ``every_months`` is the
organisation's policy for the member's role, or ``ACADEMY_SECURITY_TRAINING_MONTHS`` (12) for a role
without one. States: ``never`` (no completion), ``overdue`` (today is after the due date), ``due_soon``
(due within ``DUE_SOON_DAYS`` = 30 days, the due date included), ``ok``.

**Restricted access** (F3.2, condition "training"): a course with ``requires_security_training``
refuses a user whose strictest state over all their organisations is ``overdue`` or ``never``; a user
with no organisation is judged on Academy completions with the default policy.

**Reminders** (``security_training_reminders_send``, daily): 30 and 7 days before the due date, one
e-mail per member, organisation, due date and threshold (a unique ``SecurityTrainingReminder`` row),
to the member with that organisation's HR in copy. Members who never completed have no due date
and get no reminder: HR sees them on the list as "never".

Every list reads its members in one query (the last completions and the policy are subqueries).
"""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Membership, Organisation
from common.dates import kdate
from common.mail import bilingual_body
from common.uploads import UploadError, check_file_kind, upload_bytes
from courses.models import Enrolment
from ops.audit import audit_record
from ops.privacy import Action, personal_data_access_record

from .models import (
    ExternalSecurityTraining,
    ExternalTrainingProvider,
    ExternalTrainingStatus,
    SecurityTrainingPolicy,
    SecurityTrainingReminder,
)

#: Days before the due date when the state becomes "due soon".
DUE_SOON_DAYS = 30
#: Days before the due date when the member (and their HR) are reminded; each once per due date.
REMINDER_DAYS = (30, 7)
#: Certificate files accepted for an external training, checked by content.
CERTIFICATE_TYPES = ("pdf", "png", "jpg", "jpeg")
MIN_MONTHS, MAX_MONTHS = 1, 60


class TrainingState(models.TextChoices):
    OK = "ok", gettext_lazy("Up to date")
    DUE_SOON = "due_soon", gettext_lazy("Due soon")
    OVERDUE = "overdue", gettext_lazy("Overdue")
    NEVER = "never", gettext_lazy("Never completed")


#: Worst first: the strictest of several organisations' states is the one with the lowest rank.
_SEVERITY = {TrainingState.NEVER: 0, TrainingState.OVERDUE: 1, TrainingState.DUE_SOON: 2, TrainingState.OK: 3}
#: States that refuse a course requiring security training.
REFUSING_STATES = (TrainingState.NEVER, TrainingState.OVERDUE)


class SecurityTrainingError(Exception):
    """A request the rules refuse; the message is translated and meant for the user."""


@dataclass(frozen=True)
class TrainingStatus:
    state: TrainingState
    every_months: int
    last_completed_on: datetime.date | None = None
    source: str = ""  # "academy" or "external"
    due_on: datetime.date | None = None
    days_left: int | None = None

    @property
    def refuses(self) -> bool:
        return self.state in REFUSING_STATES

    @property
    def label(self) -> str:
        return TrainingState(self.state).label


def default_months() -> int:
    return settings.ACADEMY_SECURITY_TRAINING_MONTHS


def _today(now: datetime.datetime | None) -> datetime.date:
    return timezone.localdate(now) if now is not None else timezone.localdate()


def training_status_of(
    *,
    academy_completed_at: datetime.datetime | None,
    external_completed_on: datetime.date | None,
    every_months: int | None,
    today: datetime.date,
) -> TrainingStatus:
    """The rule: the status of one member from their last completions and their policy (module docstring)."""
    months = every_months or default_months()
    academy_on = timezone.localdate(academy_completed_at) if academy_completed_at else None
    candidates = [
        (day, source) for day, source in ((academy_on, "academy"), (external_completed_on, "external")) if day
    ]
    if not candidates:
        return TrainingStatus(state=TrainingState.NEVER, every_months=months)
    last, source = max(candidates, key=lambda item: item[0])
    due_on = last + relativedelta(months=months)
    days_left = (due_on - today).days
    if days_left < 0:
        state = TrainingState.OVERDUE
    elif days_left <= DUE_SOON_DAYS:
        state = TrainingState.DUE_SOON
    else:
        state = TrainingState.OK
    return TrainingStatus(
        state=state, every_months=months, last_completed_on=last, source=source, due_on=due_on, days_left=days_left
    )


# --------------------------------------------------------------------------------------------
# Selectors
# --------------------------------------------------------------------------------------------


def _academy_last(user_ref) -> Subquery:
    completions = Enrolment.objects.filter(
        user=user_ref,
        status=Enrolment.Status.COMPLETED,
        completed_at__isnull=False,
        run__course__is_security_training=True,
    ).order_by("-completed_at")
    return Subquery(completions.values("completed_at")[:1])


def with_training(memberships):
    """``memberships`` annotated with what the rule needs: the last Academy completion, the last
    approved external completion for the membership's organisation, the policy's months and whether
    a submission waits for HR. One query, whatever the number of members."""
    external = ExternalSecurityTraining.objects.approved().filter(
        user=OuterRef("user"), organisation=OuterRef("organisation")
    )
    policy = SecurityTrainingPolicy.objects.filter(organisation=OuterRef("organisation"), role=OuterRef("role"))
    return memberships.annotate(
        sec_academy_at=_academy_last(OuterRef("user")),
        sec_external_on=Subquery(external.order_by("-completed_on").values("completed_on")[:1]),
        sec_every_months=Subquery(policy.values("every_months")[:1]),
        sec_pending=Exists(
            ExternalSecurityTraining.objects.pending().filter(
                user=OuterRef("user"), organisation=OuterRef("organisation")
            )
        ),
    )


def status_of_membership(membership, *, today: datetime.date) -> TrainingStatus:
    """The status of a membership read through ``with_training``."""
    return training_status_of(
        academy_completed_at=membership.sec_academy_at,
        external_completed_on=membership.sec_external_on,
        every_months=membership.sec_every_months,
        today=today,
    )


def security_training_status(
    *, user, organisation: Organisation | None, now: datetime.datetime | None = None
) -> TrainingStatus:
    """The security-training status of ``user`` as ``organisation`` sees it (their role's policy there).

    Without an organisation, or for someone who is not its member: Academy completions only, with
    the default policy."""
    today = _today(now)
    if organisation is not None:
        membership = (
            with_training(Membership.objects.filter(organisation=organisation, user=user)).order_by("pk").first()
        )
        if membership is not None:
            return status_of_membership(membership, today=today)
    academy_at = (
        Enrolment.objects.filter(
            user=user,
            status=Enrolment.Status.COMPLETED,
            completed_at__isnull=False,
            run__course__is_security_training=True,
        )
        .order_by("-completed_at")
        .values_list("completed_at", flat=True)
        .first()
    )
    return training_status_of(
        academy_completed_at=academy_at, external_completed_on=None, every_months=None, today=today
    )


def strictest_status(*, user, now: datetime.datetime | None = None) -> TrainingStatus:
    """The worst status of ``user`` over every organisation they belong to (one query); a user of no
    organisation is judged on Academy completions with the default policy."""
    today = _today(now)
    memberships = list(with_training(Membership.objects.filter(user=user)))
    if not memberships:
        return security_training_status(user=user, organisation=None, now=now)
    statuses = [status_of_membership(m, today=today) for m in memberships]
    return min(statuses, key=lambda status: (_SEVERITY[status.state], status.due_on or datetime.date.min))


@dataclass
class MemberTraining:
    membership: Membership
    status: TrainingStatus
    pending: bool


def organisation_training(
    organisation: Organisation,
    *,
    now: datetime.datetime | None = None,
    states: tuple[str, ...] = (),
    role: str = "",
    query: str = "",
) -> list[MemberTraining]:
    """Every member of ``organisation`` with their security-training status (one query), filtered by
    ``states``, ``role`` and a name or e-mail ``query``; the most urgent first."""
    today = _today(now)
    memberships = Membership.objects.filter(organisation=organisation).select_related("user")
    if role:
        memberships = memberships.filter(role=role)
    if query:
        memberships = memberships.filter(
            models.Q(user__name_ko__icontains=query)
            | models.Q(user__name_en__icontains=query)
            | models.Q(user__email__icontains=query)
        )
    rows = [
        MemberTraining(membership=m, status=status_of_membership(m, today=today), pending=m.sec_pending)
        for m in with_training(memberships).order_by("user__name_ko", "pk")
    ]
    if states:
        rows = [row for row in rows if row.status.state in states]
    rows.sort(key=lambda row: (_SEVERITY[row.status.state], row.status.due_on or datetime.date.min))
    return rows


def organisation_policies(organisation: Organisation) -> dict[str, int]:
    """Months per role for ``organisation``: its policies, the default where it has none."""
    months = dict(SecurityTrainingPolicy.objects.filter(organisation=organisation).values_list("role", "every_months"))
    return {role: months.get(role, default_months()) for role in Membership.Role.values}


def external_trainings_for_hr(organisation: Organisation, *, status: str = ""):
    """External completions submitted to ``organisation`` (pending first, then newest)."""
    trainings = ExternalSecurityTraining.objects.filter(organisation=organisation).select_related("user", "decided_by")
    if status:
        trainings = trainings.filter(status=status)
    return trainings.order_by(
        models.Case(models.When(status=ExternalTrainingStatus.PENDING, then=0), default=1), "-submitted_at", "-pk"
    )


def own_external_trainings(user):
    return ExternalSecurityTraining.objects.filter(user=user).select_related("organisation").order_by("-submitted_at")


# --------------------------------------------------------------------------------------------
# Services
# --------------------------------------------------------------------------------------------


def _is_hr(user, organisation: Organisation) -> bool:
    return Membership.objects.filter(organisation=organisation, user=user, role=Membership.Role.HR).exists()


def security_training_policy_set(
    *, organisation: Organisation, role: str, every_months: int, actor
) -> SecurityTrainingPolicy:
    """Set how often ``role`` members of ``organisation`` must train; by its HR staff or an administrator."""
    if role not in Membership.Role.values:
        raise SecurityTrainingError(_("Unknown role."))
    if not (MIN_MONTHS <= int(every_months) <= MAX_MONTHS):
        raise SecurityTrainingError(
            _("The interval must be between %(min)s and %(max)s months.") % {"min": MIN_MONTHS, "max": MAX_MONTHS}
        )
    if not (actor.is_superuser or _is_hr(actor, organisation)):
        raise SecurityTrainingError(_("Only the organisation's HR staff can change its policy."))
    with transaction.atomic():
        policy = SecurityTrainingPolicy.objects.select_for_update().filter(organisation=organisation, role=role).first()
        before = policy.every_months if policy else None
        if policy is None:
            policy = SecurityTrainingPolicy(organisation=organisation, role=role)
        if before == int(every_months):
            return policy
        policy.every_months = int(every_months)
        policy.updated_by = actor
        policy.updated_at = timezone.now()
        policy.save()
        audit_record(
            action="compliance.security_training.policy_set",
            actor=actor,
            obj=policy,
            data={"organisation": organisation.pk, "role": role, "from": before, "to": policy.every_months},
        )
    return policy


def external_training_submit(
    *,
    user,
    organisation: Organisation,
    title: str,
    provider: str,
    completed_on: datetime.date,
    upload,
    provider_name: str = "",
    now: datetime.datetime | None = None,
) -> ExternalSecurityTraining:
    """Record an external completion with its certificate (PDF or image, checked by content and size),
    waiting for the approval of ``organisation``'s HR."""
    title = " ".join((title or "").split())[:200]
    if not Membership.objects.filter(organisation=organisation, user=user).exists():
        raise SecurityTrainingError(_("You are not a member of this organisation."))
    if not title:
        raise SecurityTrainingError(_("Enter the training's title."))
    if provider not in ExternalTrainingProvider.values:
        raise SecurityTrainingError(_("Choose the provider."))
    if provider == ExternalTrainingProvider.OTHER and not provider_name.strip():
        raise SecurityTrainingError(_("Enter the provider's name."))
    today = _today(now)
    if completed_on > today:
        raise SecurityTrainingError(_("The completion date cannot be in the future."))
    if completed_on < today - relativedelta(years=5):
        raise SecurityTrainingError(_("A completion more than five years old no longer counts."))
    try:
        data = upload_bytes(upload, max_bytes=settings.ACADEMY_SECURITY_TRAINING_MAX_BYTES)
        extension = check_file_kind(upload.name or "", data[:16], allowed=CERTIFICATE_TYPES)
    except UploadError as error:
        raise SecurityTrainingError(str(error)) from None
    extension = "jpg" if extension == "jpeg" else extension
    with transaction.atomic():
        training = ExternalSecurityTraining(
            user=user,
            organisation=organisation,
            title=title,
            provider=provider,
            provider_name=provider_name.strip()[:120] if provider == ExternalTrainingProvider.OTHER else "",
            completed_on=completed_on,
            certificate_name=(upload.name or "")[-255:],
            certificate_type=extension,
            submitted_at=now or timezone.now(),
        )
        # A random name: the uploaded file's name may carry personal data.
        training.certificate.save(f"{uuid.uuid4().hex}.{extension}", ContentFile(data), save=False)
        training.save()
        audit_record(
            action="compliance.security_training.submitted",
            actor=user,
            subject_user=user,
            obj=training,
            data={"organisation": organisation.pk, "provider": provider, "completed_on": completed_on.isoformat()},
        )
        _mail_hr_pending(training)
    return training


def external_training_decide(
    *, training_id: int, organisation: Organisation, actor, approve: bool, note: str = ""
) -> ExternalSecurityTraining:
    """Approve or reject (with a reason) a pending external completion; by ``organisation``'s HR only,
    and never by the member who submitted it (their own evidence needs another person's approval).

    A training of another organisation is ``ExternalSecurityTraining.DoesNotExist`` (a 404 for views)."""
    note = (note or "").strip()[:1000]
    if not _is_hr(actor, organisation):
        raise ExternalSecurityTraining.DoesNotExist
    if not approve and not note:
        raise SecurityTrainingError(_("Give the reason for the rejection: the member reads it."))
    with transaction.atomic():
        training = (
            ExternalSecurityTraining.objects.select_for_update()
            .select_related("user")
            .get(pk=training_id, organisation=organisation)
        )
        if training.status != ExternalTrainingStatus.PENDING:
            raise SecurityTrainingError(_("This submission has already been decided."))
        if training.user_id == getattr(actor, "pk", None):  # HR never approves their own evidence
            raise SecurityTrainingError(_("Another HR staff member or an administrator decides your own submission."))
        training.status = ExternalTrainingStatus.APPROVED if approve else ExternalTrainingStatus.REJECTED
        training.decided_by = actor
        training.decided_at = timezone.now()
        training.note = note
        training.save(update_fields=["status", "decided_by", "decided_at", "note"])
        audit_record(
            action=f"compliance.security_training.{'approved' if approve else 'rejected'}",
            actor=actor,
            subject_user=training.user,
            obj=training,
            reason=note,
            data={"organisation": organisation.pk, "completed_on": training.completed_on.isoformat()},
        )
        _mail_member_decision(training)
    return training


def external_training_certificate_opened(*, training: ExternalSecurityTraining, actor) -> None:
    """An HR person opened a member's certificate: the file leaves the server, so it is a DOWNLOAD of
    the holder's personal data on the access log (DOMAIN-KR §5.3), besides the audit entry.

    Decision: the reason is not typed but stated by the screen, ``CERTIFICATE_REASON`` with the
    submission's number and state: HR can open only certificates submitted to their organisation,
    and only to judge or keep the evidence of that submission, so a typed reason would add nothing the
    monthly review does not already see (who, whose, which submission, when, how often)."""
    with translation.override(settings.LANGUAGE_CODE):
        reason = CERTIFICATE_REASON % {"number": training.pk, "state": training.get_status_display()}
    with transaction.atomic():
        audit_record(
            action="compliance.security_training.certificate_viewed",
            actor=actor,
            subject_user=training.user_id,
            obj=training,
            data={"organisation": training.organisation_id},
        )
        personal_data_access_record(
            actor=actor, action=Action.DOWNLOAD, subjects=[training.user_id], obj=training, reason=str(reason)
        )


#: The reason recorded with an HR person's opening of a certificate (``external_training_certificate_opened``).
CERTIFICATE_REASON = gettext_lazy(
    "Checking the certificate of external security training submission #%(number)s (%(state)s)"
)


# --------------------------------------------------------------------------------------------
# E-mail
# --------------------------------------------------------------------------------------------


def _site_url(path: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/{path.lstrip('/')}"


def _hr_emails(organisation_ids) -> dict[int, list[str]]:
    emails: dict[int, list[str]] = defaultdict(list)
    rows = (
        Membership.objects.hr()
        .filter(organisation_id__in=organisation_ids)
        .values_list("organisation_id", "user__email")
    )
    for organisation_id, email in rows.order_by("user__email"):
        emails[organisation_id].append(email)
    return emails


def _mail_hr_pending(training: ExternalSecurityTraining) -> None:
    hr = [email for email in _hr_emails([training.organisation_id])[training.organisation_id]]
    hr = [email for email in hr if email != training.user.email]
    if not hr:
        return
    context = {
        "name": training.user.name_ko,
        "training": training,
        "review_url": _site_url(f"/hr/security-training/external/?org={training.organisation.public_id}"),
    }
    body = bilingual_body("compliance/email/security_training_submitted.txt", context)
    with translation.override("ko"):
        subject = _("Security training to approve: %(name)s") % {"name": training.user.name_ko}
    EmailMessage(subject, body, None, hr).send()


def _mail_member_decision(training: ExternalSecurityTraining) -> None:
    context = {"name": training.user.name_ko, "training": training, "url": _site_url("/learn/security-training/")}
    body = bilingual_body("compliance/email/security_training_decided.txt", context)
    with translation.override("ko"):
        subject = _("Your security training was reviewed: %(title)s") % {"title": training.title}
    EmailMessage(subject, body, None, [training.user.email]).send()


def reminder_threshold(days_left: int) -> int | None:
    """The reminder due with ``days_left`` days to the due date: the smallest threshold not below it."""
    due = [days for days in REMINDER_DAYS if days_left <= days]
    return min(due) if due and days_left >= 0 else None


def security_training_reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind members (HR in copy) 30 and 7 days before their security training is due; once each.

    Run daily by beat. The reminder row and the e-mail are written in one transaction, and the unique
    constraint on (member, organisation, due date, threshold) makes a second run, or two at once, send
    nothing more. A member found late (e.g. a new policy leaves 20 days) gets only the reminder now due.
    """
    today = today or timezone.localdate()
    memberships = with_training(Membership.objects.select_related("user", "organisation")).order_by("pk")
    due = []
    for membership in memberships.iterator(chunk_size=500):
        status = status_of_membership(membership, today=today)
        if status.due_on is None or status.days_left is None:
            continue
        threshold = reminder_threshold(status.days_left)
        if threshold is not None:
            due.append((membership, status, threshold))
    if not due:
        return 0
    hr_emails = _hr_emails({membership.organisation_id for membership, _status, _threshold in due})
    sent = 0
    for membership, status, threshold in due:
        cc = [email for email in hr_emails.get(membership.organisation_id, []) if email != membership.user.email]
        if _send_reminder(membership=membership, status=status, threshold=threshold, cc=cc):
            sent += 1
    return sent


def _send_reminder(*, membership: Membership, status: TrainingStatus, threshold: int, cc: list[str]) -> bool:
    user = membership.user
    lookup = {"user": user, "organisation": membership.organisation, "due_on": status.due_on, "days_before": threshold}
    if SecurityTrainingReminder.objects.filter(**lookup).exists():
        return False
    try:
        with transaction.atomic():
            SecurityTrainingReminder.objects.create(**lookup, recipients=[user.email, *cc])
            context = {
                "name": user.name_ko,
                "name_en": user.name_en or user.name_ko,
                "organisation": membership.organisation,
                "status": status,
                "submit_url": _site_url("/learn/security-training/"),
            }
            body = bilingual_body("compliance/email/security_training_reminder.txt", context)
            with translation.override("ko"):
                subject = _("Security training due on %(date)s") % {"date": kdate(status.due_on)}
            EmailMessage(subject, body, None, [user.email], cc=cc).send()
    except IntegrityError:
        return False  # already sent for this threshold and due date
    return True


# --------------------------------------------------------------------------------------------
# Restricted access (F3.2): the "training" condition of ``courses.protection`` (order 50)
# --------------------------------------------------------------------------------------------


def training_condition(*, user, course, now: datetime.datetime):
    """Refuse restricted material of a course that ``requires_security_training`` when the user's
    strictest status over their organisations is overdue or never; one query, asked on every request."""
    from django.urls import reverse

    from courses.protection import Refusal

    if not getattr(course, "requires_security_training", False):
        return None
    status = strictest_status(user=user, now=now)
    if not status.refuses:
        return None
    if status.state == TrainingState.NEVER:
        message = _(
            "This course requires security training (보안교육), and none is recorded for you. Complete a "
            "security training course at the Academy, or submit the certificate of an external training "
            "for your HR's approval."
        )
    else:
        message = _(
            "This course requires security training (보안교육) every %(months)s months. Your last one, on "
            "%(date)s, was due again on %(due)s. Complete a security training course at the Academy, or "
            "submit the certificate of an external training for your HR's approval."
        ) % {
            "months": status.every_months,
            "date": kdate(status.last_completed_on),
            "due": kdate(status.due_on),
        }
    return Refusal(
        key="training",
        title=_("Security training overdue")
        if status.state == TrainingState.OVERDUE
        else _("Security training needed"),
        message=message,
        url=reverse("security_training"),
    )
