"""Identity checks (본인인증, DOMAIN-KR §1.7) in the demo's funded run, as if the trainees had passed them.

``load_identity_demo`` (called by ``load_demo_data`` after the funded run) gives the funded demo
trainees the birth date and mobile phone the fake 휴대폰 본인확인 compares (``data/identity.json``;
only where the account has none), then writes the checks their recorded study implies: 입과 before
their first study, and 차시 1, 9, 17, … where they studied it; one trainee's history shows a failed
mOTP code before the passed one. ``checked_before`` records the checks a test attempt of the
demo needs (called by ``home.demo.funded`` before each attempt it takes). Idempotent: a check of
the same enrolment, moment, target and result is never written twice.
"""

from __future__ import annotations

import datetime

from accounts.identity import Outcome, VerificationResult
from accounts.models import User
from compliance.identity import Requirement, is_check_lesson, lesson_number
from compliance.models import IdentityCheck
from compliance.services import identity_check_record
from courses.models import CourseRun, Enrolment, LessonProgress

from .demo import content


def _record(enrolment: Enrolment, requirement: Requirement, *, route: str, at: datetime.datetime, ok: bool = True):
    result = Outcome.OK if ok else Outcome.FAILED
    exists = IdentityCheck.objects.filter(
        enrolment=enrolment, moment=requirement.moment, target_id=requirement.target_id, result=result
    )
    if exists.exists():
        return
    verification = VerificationResult(
        ok=ok,
        method="fake",
        provider_tx_id=f"demo-{enrolment.pk}-{requirement.moment}-{requirement.target_id or 0}-{result}",
        verified_at=at,
        raw_code=("VERIFIED" if route == "phone" else "200") if ok else "AP001",
        outcome=result,
    )
    identity_check_record(
        user=enrolment.user, enrolment=enrolment, requirement=requirement, route=route, result=verification
    )


def _entry(enrolment: Enrolment, at: datetime.datetime) -> None:
    requirement = Requirement(enrolment_id=enrolment.pk, moment="entry", eval_cd="00", eval_type="입과")
    _record(enrolment, requirement, route="phone", at=at)


def checked_before(enrolment: Enrolment, *, quiz, at: datetime.datetime) -> None:
    """입과 and the test's own check, a minute before the demo takes an attempt at ``at``."""
    from compliance.identity import EVAL_CODES

    _entry(enrolment, at - datetime.timedelta(minutes=2))
    eval_cd, eval_type = EVAL_CODES[f"quiz:{quiz.kind}"]
    requirement = Requirement(
        enrolment_id=enrolment.pk, moment="quiz", eval_cd=eval_cd, eval_type=eval_type, target_id=quiz.pk
    )
    _record(enrolment, requirement, route="motp", at=at - datetime.timedelta(minutes=1))


def load_identity_demo(run: CourseRun | None = None) -> None:
    data = content.read("identity")
    for email, details in data["trainees"].items():
        user = User.objects.filter(email=email).first()
        if user is None:
            continue
        if user.birth_date is None:
            user.birth_date = datetime.date.fromisoformat(details["birth_date"])
        if not user.mobile_phone:
            user.mobile_phone = details["mobile_phone"]
        user.save(update_fields=["birth_date", "mobile_phone"])
    enrolments = Enrolment.objects.filter(run__emp_ins_flag__gt=0, user__email__in=list(data["trainees"]))
    if run is not None:
        enrolments = enrolments.filter(run=run)
    for enrolment in enrolments.select_related("run", "user"):
        rows = list(
            LessonProgress.objects.filter(enrolment=enrolment, started_at__isnull=False)
            .select_related("lesson")
            .order_by("started_at")
        )
        if not rows:
            continue
        _entry(enrolment, rows[0].started_at - datetime.timedelta(minutes=2))
        for progress in rows:
            number = lesson_number(progress.lesson)
            if not is_check_lesson(number):
                continue
            requirement = Requirement(
                enrolment_id=enrolment.pk,
                moment="lesson",
                eval_cd="01",
                eval_type="진도",
                class_tme=f"{number:02d}",
                target_id=progress.lesson_id,
            )
            at = progress.started_at - datetime.timedelta(minutes=1)
            if enrolment.user.email == data["failed_then_passed"] and number == 1:
                _record(enrolment, requirement, route="motp", at=at - datetime.timedelta(seconds=30), ok=False)
            _record(enrolment, requirement, route="motp", at=at)
