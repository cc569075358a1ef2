"""Writes of the study-day ledger, and the 1일 8차시 gate (DOMAIN-KR §1.2).

Both are registered into ``courses.gates`` at start-up (``compliance.apps``): the lesson page asks
``daily_cap_refusal`` before a funded lesson opens, and the heartbeat asks ``study_day_credit``
before it credits time. The conservative reading: a 차시 takes one of the day's 8 slots when it
first receives credit that Korean calendar day; a 차시 already in the day's ledger, or already at
100 %, opens without a slot; at most 8 hours are credited a day; midnight KST starts a new ledger.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F, Sum
from django.utils.translation import gettext as _

from accounts.identity import VerificationResult, backend_for, route_backend_key
from accounts.services import user_mobile_phone_set
from courses import events
from courses.gates import lesson_percent_of
from courses.models import Enrolment, LessonPage, LessonProgress
from courses.progress_rule import kst_date
from ops.audit import audit_record
from ops.requestcontext import current_client

from .models import IdentityCheck, StudyDayLesson


def daily_cap_message() -> str:
    """The regulation's wording (사업주 직업능력개발훈련 지원규정), as providers show it."""
    return _(
        "Under the employer training support regulation (사업주 직업능력개발훈련 지원규정), you have exceeded "
        "the lessons you may study in one day (%(cap)s lessons)."
    ) % {"cap": settings.ACADEMY_FUNDED_DAILY_LESSONS}


def daily_cap_refusal(*, enrolment: Enrolment, lesson: LessonPage, now: datetime.datetime) -> str | None:
    """A 9th distinct 차시 on one KST day is refused before it opens; a 차시 in today's ledger or at
    100 % (a revisit, which earns nothing) is not."""
    day = kst_date(now)
    today = set(StudyDayLesson.objects.filter(enrolment=enrolment, day=day).values_list("lesson_id", flat=True))
    if lesson.pk in today or len(today) < settings.ACADEMY_FUNDED_DAILY_LESSONS:
        return None
    progress = LessonProgress.objects.filter(enrolment=enrolment, lesson=lesson).first()
    if lesson_percent_of(progress, lesson) == 100:
        return None
    return daily_cap_message()


@transaction.atomic
def study_day_credit(*, enrolment: Enrolment, lesson: LessonPage, seconds: int, now: datetime.datetime) -> int:
    """Record ``seconds`` of credit for ``lesson`` in the enrolment's ledger of the KST day of ``now``
    and answer how many may count: none for a 9th distinct 차시, none past 8 hours a day.

    The enrolment's row is locked first (the heartbeat already holds it), so two requests of one
    trainee never both take the last slot; the unique constraint backs it up.
    """
    if seconds <= 0:
        return 0
    Enrolment.objects.select_for_update().only("pk").get(pk=enrolment.pk)
    day = kst_date(now)
    ledger = StudyDayLesson.objects.filter(enrolment=enrolment, day=day)
    used = ledger.aggregate(total=Sum("seconds"))["total"] or 0
    seconds = min(seconds, settings.ACADEMY_FUNDED_DAILY_SECONDS - used)
    if seconds <= 0:
        return 0
    if ledger.filter(lesson=lesson).update(seconds=F("seconds") + seconds):
        return seconds
    if ledger.count() >= settings.ACADEMY_FUNDED_DAILY_LESSONS:
        return 0
    StudyDayLesson.objects.create(enrolment=enrolment, day=day, lesson=lesson, seconds=seconds, first_credited_at=now)
    return seconds


# --------------------------------------------------------------------------------------------
# Identity checks (본인인증, DOMAIN-KR §1.7)
# --------------------------------------------------------------------------------------------


def identity_check_record(
    *, user, enrolment: Enrolment | None, requirement, route: str, result: VerificationResult
) -> IdentityCheck:
    """Write one attempt (passed or not) with the request's client, append it to the audit trail,
    and emit ``identity_checked`` (the 공단 reporting outbox listens), in one transaction."""
    client = current_client()
    with transaction.atomic():
        check = IdentityCheck.objects.create(
            user=user,
            enrolment=enrolment,
            moment=requirement.moment,
            eval_cd=requirement.eval_cd,
            eval_type=requirement.eval_type,
            class_tme=requirement.class_tme,
            target_id=requirement.target_id,
            route=route,
            backend=route_backend_key(route),
            result=result.outcome,
            raw_code=result.raw_code[:40],
            provider_tx_id=result.provider_tx_id[:100],
            ci_hmac=result.ci_hmac or "",
            message=str(result.message)[:300],
            address=client.address or None,
            user_agent_hash=client.user_agent_hash,
            device_hash=client.device_hash,
            at=result.verified_at,
        )
        audit_record(
            action="compliance.identity_check",
            actor=user,
            subject_user=user,
            obj=check,
            data={
                "enrolment": enrolment.pk if enrolment else None,
                "moment": check.moment,
                "eval_cd": check.eval_cd,
                "class_tme": check.class_tme,
                "route": check.route,
                "backend": check.backend,
                "result": check.result,
                "raw_code": check.raw_code,
                "provider_tx_id": check.provider_tx_id,
            },
            at=check.at,
        )
        events.emit("identity_checked", check=check)
    return check


def identity_verify(*, request, enrolment: Enrolment, requirement, route: str, challenge_id: str) -> IdentityCheck:
    """Complete a challenge of ``route`` and record the attempt.

    A passed 휴대폰 본인확인 gives an account without a mobile phone the verified number (the 공단
    mOTP is registered to it). A passed 휴대폰 본인확인 while the mOTP route is locked unlocks it: the 공단's ``user_reset`` is
    called (before the record, outside any transaction: it is a network call) and its answer kept
    in the audit trail; the passed phone check itself ends the lock here."""
    from .identity import motp_locked

    result = backend_for(route).complete(request=request, challenge_id=challenge_id)
    reset = None
    if route == "phone" and result.ok and motp_locked(request.user):
        motp = backend_for("motp")
        if hasattr(motp, "reset"):
            reset = motp.reset(user=request.user, result=result)
    check = identity_check_record(
        user=request.user, enrolment=enrolment, requirement=requirement, route=route, result=result
    )
    if route == "phone" and result.ok and result.phone and not request.user.mobile_phone:
        user_mobile_phone_set(user=request.user, phone=result.phone)  # the number the 공단 mOTP needs
    if reset is not None:
        audit_record(
            action="compliance.motp_reset",
            actor=request.user,
            subject_user=request.user,
            obj=check,
            data={"ok": reset, "backend": route_backend_key("motp")},
        )
    return check
