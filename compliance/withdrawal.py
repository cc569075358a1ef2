"""회원 탈퇴 (DOMAIN-KR §5.2, §5.4): close the account, keep only what the law requires, separated.

Decisions:

- **At once.** The account is disabled and anonymised in the withdrawal's own transaction
  (``accounts.services.user_anonymise``): sign-in is impossible from that moment, and what
  identifies the person (names, e-mail, phone, birth date, e-mail addresses, second factors,
  memberships, consents, outbox messages) is destroyed then, not "within 5 days": the practice
  reading of 지체 없이 is an upper bound and nothing here needs the days.
- **Funded history** (an enrolment in a funded run that was ever active) keeps what identifies the
  trainee in the 훈련 실시 기록 (names, e-mail, phone, birth date, organisation) in an
  ``accounts.RetainedRecord``, encrypted, with no screen (readable by the retention job and the
  개인정보 보호책임자 through the shell), and the 주민등록번호, both until 3 years
  (``ACADEMY_RETENTION_YEARS["funded_training_records"]``, never less) after the latest funded
  훈련기간's end; the retention sweep destroys them the day after (``compliance.retention``).
  A trainee who withdraws during a run keeps the run's end as the start of the 3 years.
- **No funded history**: nothing is retained; a 주민등록번호 entered for a funded run that never
  started is destroyed at once.
- **What stays with the anonymised row**: learning records (progress, attempts, enrolments) no
  longer name anyone; funded ones follow their own 3-year sweep. A certificate keeps its code and
  the name snapshot printed on it, because verifying it is its purpose (the public contract keeps
  codes answering for ever); the verification pages mask the name (DOMAIN-KR §5.5).
- **Nationality** (asked for restricted courses, §3.3 F3.4) is cleared with the other account
  fields: it served access decisions only.
- **External security training** (``ExternalSecurityTraining``: title, date, the member's certificate
  file, HR's decision; and the ``SecurityTrainingReminder`` rows) is destroyed at once, the
  certificate files from private storage once the withdrawal commits: it is not a record of funded
  training, and after the account closes nothing needs it, while the former employer's HR could
  still list and open it. The audit entries of its submission, decisions and openings stay (the
  trail is append-only and names no file content).
- **Kept on purpose: the 기술보호 서약서 signatures** (``PledgeSignature``, ``ExitPledge``: text
  version and hash, typed name, time, address, browser hash, identity check). They are the
  technology-protection evidence of who was bound to secrecy when they opened restricted material,
  which the institute and the member organisations show at 실태조사 together with the
  restricted-access log; DOMAIN-KR §3.3 F3.5 keeps that evidence at least 3 years (a policy: no
  statutory period was found), and the 2025 amendment makes keeping material after the right ends
  an offence, which the signed pledge is the proof of having been told. They are not shown to
  anyone after the withdrawal (the receipt opens for the signer alone, who can no longer sign in).
  Their destruction after the policy's years is not automated yet (see the README).
- **Evidence** (§5.4): one audit entry with the categories and counts destroyed and the date kept
  until, never a value or a name.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import partial

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import Consent, Membership, ResidentNumber, RetainedRecord, User
from accounts.policies import FUNDED_CONSENTS
from accounts.resident import encrypt_json
from accounts.services import user_anonymise
from courses.models import Enrolment
from courses.progress_rule import kst_date
from ops.audit import audit_record

from .models import ExternalSecurityTraining, SecurityTrainingReminder
from .retention import FUNDED_TRAINING_RECORDS, retention_years


class WithdrawalError(Exception):
    """A withdrawal the rules refuse; the message is translated and meant for the user."""


@dataclass(frozen=True)
class Withdrawal:
    retain_until: datetime.date | None
    destroyed: dict[str, int]


def funded_history_end(user: User) -> datetime.date | None:
    """The end of the latest 훈련기간 of a funded run the person was ever active in (None: none)."""
    funded = Enrolment.objects.filter(user=user, run__emp_ins_flag__gt=0, events__to_status=Enrolment.Status.ACTIVE)
    if not funded.exists():
        return None
    return funded.aggregate(end=Max("run__training_end"))["end"] or kst_date(timezone.now())


def retained_until(end: datetime.date) -> datetime.date:
    return end + relativedelta(years=retention_years(FUNDED_TRAINING_RECORDS))


@transaction.atomic
def account_withdraw(*, user: User, now: datetime.datetime | None = None) -> Withdrawal:
    """Close ``user``'s account (the view has checked the password). See the module docstring."""
    now = now or timezone.now()
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        from django.utils.translation import gettext as _

        raise WithdrawalError(_("This account is already closed."))
    end = funded_history_end(user)
    destroyed: dict[str, int] = {}
    retain_until = None
    if end is not None:
        retain_until = retained_until(end)
        organisations = [
            {"name": m.organisation.name_ko, "workplace_number": m.organisation.workplace_number}
            for m in Membership.objects.filter(user=user).select_related("organisation")
        ]
        record = RetainedRecord(
            user=user, category=RetainedRecord.Category.FUNDED_TRAINEE, retain_until=retain_until, created_at=now
        )
        record.ciphertext, record.nonce, record.key_id = encrypt_json(
            {
                "name_ko": user.name_ko,
                "name_en": user.name_en,
                "email": user.email,
                "birth_date": user.birth_date,
                "mobile_phone": user.mobile_phone,
                "organisations": organisations,
                "joined": user.date_joined,
            },
            context=record.context(),
        )
        record.save()
        ResidentNumber.objects.filter(user=user).update(retain_until=retain_until)
    else:
        count = ResidentNumber.objects.filter(user=user).delete()[0]
        if count:
            destroyed["resident_numbers"] = count
    destroyed.update(security_training_destroy(user))
    keep = tuple(FUNDED_CONSENTS) if end is not None else ()
    destroyed.update(user_anonymise(user=user, keep_consent_kinds=keep))
    audit_record(
        action="accounts.withdrawn",
        actor=user,
        subject_user=user,
        obj=user,
        data={
            "funded_history": end is not None,
            "retain_until": retain_until,
            "retained": ["trainee_identity", "resident_number"] if end is not None else [],
            "destroyed": destroyed,
        },
        at=now,
    )
    return Withdrawal(retain_until=retain_until, destroyed=destroyed)


def security_training_destroy(user: User) -> dict[str, int]:
    """Delete ``user``'s external security trainings and reminders (inside the withdrawal's
    transaction) and their certificate files once it commits (a rollback keeps both)."""
    trainings = ExternalSecurityTraining.objects.filter(user=user)
    files = [(row.certificate.storage, row.certificate.name) for row in trainings.only("pk", "certificate")]
    counts = {
        "external_security_trainings": trainings.delete()[0],
        "security_training_reminders": SecurityTrainingReminder.objects.filter(user=user).delete()[0],
    }
    for storage, name in files:
        if name:
            transaction.on_commit(partial(storage.delete, name))
    return {key: value for key, value in counts.items() if value}


# --------------------------------------------------------------------------------------------
# The retention sweep's destroyers of what a withdrawal kept (registered in compliance.retention)
# --------------------------------------------------------------------------------------------


def destroy_resident_numbers(day: datetime.date) -> int:
    """주민등록번호 kept until before ``day`` (the sweep's cut-off is today: kept through the day)."""
    return ResidentNumber.objects.filter(retain_until__lt=day).delete()[0]


def destroy_retained_records(day: datetime.date) -> int:
    """Retained records past their day, with the consents kept as their basis."""
    due = RetainedRecord.objects.filter(retain_until__lt=day)
    users = list(due.exclude(user=None).values_list("user_id", flat=True))
    count = due.delete()[0]
    Consent.objects.filter(user_id__in=users, user__is_active=False).delete()
    return count
