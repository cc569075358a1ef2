"""Writers of the 공단 reporting outbox: listeners that turn a change of the training record into
``EmonRecord`` rows, in the transaction of the change (``courses.events`` runs listeners inside it;
allauth's ``user_logged_in`` is sent inside the login request's work).

Only funded runs are reported: every listener returns at once for an unfunded run. Subscribed in
``ComplianceConfig.ready``. See the package docstring for the decisions (a diff of state, score rows
per weighted part, accessIp).
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from courses.models import CourseRun, Enrolment, LessonPage
from courses.reporting import ReportedScores, score_reports
from courses.selectors import funded_progress_percent
from ops.requestcontext import current_client

from ..models import EmonRecord
from . import payloads

Endpoint = EmonRecord.Endpoint


def emon_record_create(
    *, endpoint: str, payload: dict, run=None, enrolment=None, user=None, at: datetime.datetime | None = None
) -> EmonRecord:
    """Append one outbox row (pending). The only way rows are written."""
    return EmonRecord.objects.create(
        endpoint=endpoint, payload=payload, run=run, enrolment=enrolment, user=user, created_at=at or timezone.now()
    )


def _load(enrolment) -> Enrolment:
    return Enrolment.objects.select_related("run__course", "user").get(pk=enrolment.pk)


def _latest(**filters) -> EmonRecord | None:
    return EmonRecord.objects.filter(**filters).order_by("-seq").first()


# --------------------------------------------------------------------------------------------
# attend_hist and user_hist
# --------------------------------------------------------------------------------------------

ATTEND_FIELDS = ("passFlag", "attendValidFlag", "progressRate", "totalScore")


def attend_fields(enrolment: Enrolment, scores: ReportedScores | None) -> dict:
    return {
        "passFlag": "1" if enrolment.status == Enrolment.Status.COMPLETED else "0",
        "attendValidFlag": "1" if enrolment.status in (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED) else "0",
        "progressRate": funded_progress_percent(enrolment),
        "totalScore": payloads.number(scores.total) if scores else 0.0,
    }


def attend_refresh(
    *, enrolment: Enrolment, now: datetime.datetime, scores: ReportedScores | None = None
) -> EmonRecord | None:
    """A new attend_hist row when what it says of the enrolment changed: C at the first entry into
    the run, U after, D when the trainee left (withdrawn, removed, rejected)."""
    latest = _latest(enrolment=enrolment, endpoint=Endpoint.ATTEND)
    if latest is None and enrolment.status not in (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED):
        return None  # not a trainee of the run yet (a request, the waitlist)
    if enrolment.status in Enrolment.ENDED:
        state = payloads.DELETE
    else:
        state = payloads.CREATE if latest is None else payloads.UPDATE
    if scores is None:
        scores = score_reports([enrolment]).get(enrolment.pk)
    fields = attend_fields(enrolment, scores)
    if latest is not None:
        same = all(latest.payload.get(key) == value for key, value in fields.items())
        if same and (state == payloads.DELETE) == (latest.payload.get("changeState") == payloads.DELETE):
            return None
    return emon_record_create(
        endpoint=Endpoint.ATTEND,
        payload=payloads.attend_hist(enrolment=enrolment, fields=fields, state=state, at=now),
        run=enrolment.run,
        enrolment=enrolment,
        user=enrolment.user,
        at=now,
    )


def on_enrolment_status_changed(*, enrolment, to_status, **_data) -> None:
    enrolment = _load(enrolment)
    run = enrolment.run
    if not run.is_funded:
        return
    now = timezone.now()
    entered = to_status in (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)
    if entered and not EmonRecord.objects.filter(endpoint=Endpoint.USER, run=run, user=enrolment.user).exists():
        emon_record_create(
            endpoint=Endpoint.USER,
            payload=payloads.user_hist(user=enrolment.user, run=run, state=payloads.CREATE, at=now),
            run=run,
            enrolment=enrolment,
            user=enrolment.user,
            at=now,
        )
    attend_refresh(enrolment=enrolment, now=now)


# --------------------------------------------------------------------------------------------
# score_hist: progress rows per 차시
# --------------------------------------------------------------------------------------------


def chasi_number(lesson: LessonPage) -> int:
    """차시 n: the lesson's place among the course's required live lessons (syllabus order)."""
    return LessonPage.objects.live().descendant_of(lesson.course).filter(required=True, path__lte=lesson.path).count()


def _progress_row(*, enrolment, lesson, flag: str, now: datetime.datetime) -> EmonRecord | None:
    """The S (first start) or E (reached 100 %) row of a 차시, once each per enrolment."""
    enrolment = _load(enrolment)
    if not enrolment.run.is_funded or not lesson.required:
        return None
    chasi = chasi_number(lesson)
    eval_type = f"진도_{chasi}"
    if EmonRecord.objects.filter(
        enrolment=enrolment, endpoint=Endpoint.SCORE, payload__evalType=eval_type, payload__startEndFlag=flag
    ).exists():
        return None
    return emon_record_create(
        endpoint=Endpoint.SCORE,
        payload=payloads.score_hist(
            enrolment=enrolment,
            eval_type=eval_type,
            eval_cd=payloads.EVAL_PROGRESS,
            score=0.0,  # 진도 carries no points: the weighted total is the assessments'
            submit_date=payloads.reg_date(now),
            access_ip=current_client().address,
            copied="X",
            state=payloads.CREATE if flag == "S" else payloads.UPDATE,
            at=now,
            chasi=chasi,
            start_end=flag,
        ),
        run=enrolment.run,
        enrolment=enrolment,
        user=enrolment.user,
        at=now,
    )


def on_lesson_study_started(*, enrolment, lesson, now, **_data) -> None:
    _progress_row(enrolment=enrolment, lesson=lesson, flag="S", now=now)


def on_lesson_study_completed(*, enrolment, lesson, now, **_data) -> None:
    if _progress_row(enrolment=enrolment, lesson=lesson, flag="E", now=now) is not None:
        attend_refresh(enrolment=_load(enrolment), now=now)  # 진도율 changed


# --------------------------------------------------------------------------------------------
# score_hist: the weighted parts
# --------------------------------------------------------------------------------------------

CENT = Decimal("0.01")


def part_points(scores: ReportedScores) -> dict[str, Decimal]:
    """Each taken part's weighted points (2 decimals), adding up exactly to ``scores.total``: the
    rounding remainder goes to the heaviest part."""
    taken = [p for p in scores.parts if p.weight and p.score is not None and p.max_score]
    points = {
        p.key: (Decimal(p.score) / Decimal(p.max_score) * p.weight).quantize(CENT, rounding=ROUND_HALF_UP)
        for p in taken
    }
    if taken:
        remainder = scores.total - sum(points.values(), Decimal("0"))
        if remainder:
            heaviest = max(taken, key=lambda p: p.weight).key
            points[heaviest] += remainder
    return points


def score_rows_refresh(
    *, enrolment: Enrolment, now: datetime.datetime, scores: ReportedScores | None
) -> list[EmonRecord]:
    """New score_hist rows for the parts whose points, submission or 모사 flag changed; a part that
    stopped counting (a 과제 reopened) gets a D row of 0 points."""
    if scores is None:
        return []
    written = []
    points = part_points(scores)
    for part in scores.parts:
        eval_cd, eval_type = payloads.PART_EVAL[part.key]
        latest = _latest(enrolment=enrolment, endpoint=Endpoint.SCORE, payload__evalType=eval_type)
        if part.key in points:
            submit_date = payloads.reg_date(part.submitted_at) if part.submitted_at else ""
            score = payloads.number(points[part.key])
            if (
                latest is not None
                and latest.payload.get("changeState") != payloads.DELETE
                and latest.payload.get("score") == score
                and latest.payload.get("submitDate") == submit_date
                and latest.payload.get("isCopiedAnswer") == part.is_copied_answer
            ):
                continue
            # The trainee's address at the submission; a regrade keeps it.
            same_submission = latest is not None and latest.payload.get("submitDate") == submit_date
            access_ip = latest.payload.get("accessIp", "") if same_submission else current_client().address
            state = payloads.CREATE if latest is None else payloads.UPDATE
            copied = part.is_copied_answer
        elif latest is not None and latest.payload.get("changeState") != payloads.DELETE:
            score, state, copied = 0.0, payloads.DELETE, latest.payload.get("isCopiedAnswer", "X")
            submit_date, access_ip = latest.payload.get("submitDate", ""), latest.payload.get("accessIp", "")
        else:
            continue
        written.append(
            emon_record_create(
                endpoint=Endpoint.SCORE,
                payload=payloads.score_hist(
                    enrolment=enrolment,
                    eval_type=eval_type,
                    eval_cd=eval_cd,
                    score=score,
                    submit_date=submit_date,
                    access_ip=access_ip,
                    copied=copied,
                    state=state,
                    at=now,
                ),
                run=enrolment.run,
                enrolment=enrolment,
                user=enrolment.user,
                at=now,
            )
        )
    return written


def on_assessment_changed(*, enrolment, now=None, **_data) -> None:
    """assessment_submitted and assessment_scored: the score rows and the attend_hist total follow."""
    enrolment = _load(enrolment)
    if not enrolment.run.is_funded:
        return
    now = now or timezone.now()
    scores = score_reports([enrolment]).get(enrolment.pk)
    score_rows_refresh(enrolment=enrolment, now=now, scores=scores)
    attend_refresh(enrolment=enrolment, now=now, scores=scores)


# --------------------------------------------------------------------------------------------
# class_hist, user_login_hist, phone_auth_hist
# --------------------------------------------------------------------------------------------

#: The run fields class_hist reports (a change of any writes a U row).
CLASS_FIELDS = {"course", "training_start", "training_end", "hrd_tracse_tme", "emp_ins_flag"}


def on_course_run_saved(*, run: CourseRun, created: bool, changed, **_data) -> EmonRecord | None:
    latest = _latest(run=run, endpoint=Endpoint.CLASS)
    now = timezone.now()
    if run.is_funded:
        if latest is None or latest.payload.get("changeState") == payloads.DELETE:
            state = payloads.CREATE
        elif CLASS_FIELDS & set(changed):
            state = payloads.UPDATE
        else:
            return None
    elif latest is not None and latest.payload.get("changeState") != payloads.DELETE:
        state = payloads.DELETE  # a funded run made unfunded: the 공단's class is withdrawn
    else:
        return None  # unfunded runs write nothing
    return emon_record_create(
        endpoint=Endpoint.CLASS, payload=payloads.class_hist(run=run, state=state, at=now), run=run, at=now
    )


def on_user_logged_in(sender, request, user, **_kwargs) -> None:
    """user_login_hist for a user with an active enrolment in a funded run (allauth's signal)."""
    from accounts.clients import client_address

    if not Enrolment.objects.filter(user=user, status=Enrolment.Status.ACTIVE, run__emp_ins_flag__gt=0).exists():
        return
    now = timezone.now()
    emon_record_create(
        endpoint=Endpoint.LOGIN,
        payload=payloads.user_login_hist(user=user, address=client_address(request), at=now),
        user=user,
        at=now,
    )


def on_identity_checked(*, check, **_data) -> EmonRecord | None:
    """phone_auth_hist from a ``compliance.IdentityCheck`` (its documented attributes: user,
    enrolment, eval_cd, class_tme, result, raw_code, provider_tx_id, at); funded runs only."""
    if check.enrolment is None:
        return None
    enrolment = _load(check.enrolment)
    if not enrolment.run.is_funded:
        return None
    return emon_record_create(
        endpoint=Endpoint.PHONE_AUTH,
        payload=payloads.phone_auth_hist(check=check, run=enrolment.run),
        run=enrolment.run,
        enrolment=enrolment,
        user=enrolment.user,
        at=check.at,
    )
