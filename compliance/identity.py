"""When an identity check (본인인증) is due, and which routes may answer it (DOMAIN-KR §1.7).

Moments, for funded runs inside their 훈련기간 (unfunded runs: only the moments listed in
``ACADEMY_IDENTITY_UNFUNDED_MOMENTS``, none by default):

- **입과** (``entry``, EVAL_CD 00): the first time the trainee opens any lesson or assessment of
  the run's course; once per enrolment. It comes first: at 차시 1 the trainee passes 입과 and then
  the 차시's own check (the 공단 expects both reports).
- **차시 1, 9, 17, …** (``lesson``, EVAL_CD 01, CLASS_TME the 2-digit 차시): the 차시 number is the
  lesson's position among the course's required live lessons (as ``courses.gates`` numbers them);
  due when ``number % 8 == 1``, once per 차시 (its first entry), whatever day it is studied.
  A lesson that is not required has no 차시 number and no check.
- **평가** (``quiz``: 04 진행평가, 02 최종평가/시험, 06 other quizzes; ``assignment``: 03 과제): due
  before each attempt start and each submission. A passed check counts for the next start only:
  one made before the previous attempt started (or the previous submission) no longer does.

A passed check is valid for its moment only, never for the session. The routes come from
``ACADEMY_IDENTITY_POLICY`` ((funded|unfunded, moment) → routes); after 5 consecutive failed mOTP
codes (or the 공단's AP009) the ``motp`` route is locked and only ``phone`` is offered, until a
passed 휴대폰 본인확인 resets it (and calls the 공단's ``user_reset``).

The gate (``identity_gate``) is registered into ``courses.gates`` as an entry gate; it answers a
detour to the check page, whose address carries the signed requirement (so the page needs no
knowledge of quizzes or assignments, which live in a sibling app).
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.identity import Purpose
from courses.gates import Detour, Entry
from courses.models import Enrolment, LessonPage
from courses.progress_rule import in_training_period

from .models import IdentityCheck, IdentityMoment, IdentityResult

SIGNING_SALT = "compliance.identity.requirement"
#: EVAL_CD and EVAL_TYPE of each moment (quizzes by their kind).
EVAL_CODES = {
    "entry": ("00", "입과"),
    "lesson": ("01", "진도"),
    "quiz:progress": ("04", "진행평가"),
    "quiz:final": ("02", "시험"),
    "quiz:other": ("06", "기타평가"),
    "assignment": ("03", "과제"),
}


@dataclass(frozen=True)
class Requirement:
    """A check that is due: for which enrolment and moment, with the 공단's codes, where to go back."""

    enrolment_id: int | None
    moment: str
    eval_cd: str
    eval_type: str
    class_tme: str = ""
    target_id: int | None = None
    since: float | None = None  # timestamp: a check must be newer than this
    return_url: str = ""
    funded: bool = True
    user_id: int | None = None  # a step-up check, which no enrolment names: whose it is

    def token(self) -> str:
        return signing.dumps(asdict(self), salt=SIGNING_SALT, compress=True)

    @classmethod
    def from_token(cls, token: str) -> Requirement | None:
        try:
            return cls(**signing.loads(token, salt=SIGNING_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            return None

    @property
    def routes(self) -> list[str]:
        if self.moment == IdentityMoment.STEP_UP:
            return list(settings.ACADEMY_IDENTITY_POLICY.get(("any", IdentityMoment.STEP_UP), []))
        return routes_for(funded=self.funded, moment=self.moment)

    def purpose(self, enrolment: Enrolment | None) -> Purpose:
        if enrolment is None:
            return Purpose(moment=self.moment)
        run = enrolment.run
        return Purpose(
            moment=self.moment,
            eval_cd=self.eval_cd,
            eval_type=self.eval_type,
            class_tme=self.class_tme,
            course_agent_pk=run.hrd_tracse_id or "",
            class_agent_pk=run.hrd_tracse_tme or "",
        )

    def describe(self) -> str:
        """The moment in words, for the check page."""
        if self.moment == IdentityMoment.ENTRY:
            return _("Starting the course (입과)")
        if self.moment == IdentityMoment.LESSON:
            return _("Lesson %(number)s") % {"number": int(self.class_tme)}
        if self.moment == IdentityMoment.QUIZ:
            return _("Starting a test")
        if self.moment == IdentityMoment.STEP_UP:
            return _("Confirming it is you (restricted material or a pledge)")
        return _("Submitting an assignment")


def routes_for(*, funded: bool, moment: str) -> list[str]:
    return list(settings.ACADEMY_IDENTITY_POLICY.get(("funded" if funded else "unfunded", moment), []))


def applies(*, enrolment: Enrolment, moment: str, now: datetime.datetime) -> bool:
    """Is ``moment`` checked for this enrolment now? Funded runs: inside the 훈련기간 (outside it
    lessons open for review only and nothing is credited or reported); unfunded: as configured."""
    run = enrolment.run
    if run.is_funded:
        return moment in settings.ACADEMY_IDENTITY_FUNDED_MOMENTS and in_training_period(run, now)
    return moment in settings.ACADEMY_IDENTITY_UNFUNDED_MOMENTS


def lesson_number(lesson: LessonPage) -> int | None:
    """The 차시 number: position among the course's required live lessons (None: not required)."""
    if not lesson.required or not lesson.live:
        return None
    earlier = LessonPage.objects.live().descendant_of(lesson.course).filter(required=True, path__lt=lesson.path).count()
    return earlier + 1


def is_check_lesson(number: int | None) -> bool:
    return number is not None and number % 8 == 1


def _passed(enrolment: Enrolment) -> list[tuple[str, int | None, datetime.datetime]]:
    return list(enrolment.identity_checks.passed().values_list("moment", "target_id", "at"))


def due(*, enrolment: Enrolment, entry: Entry, now: datetime.datetime) -> Requirement | None:
    """The check the trainee must pass before ``entry``, or None."""
    moment = entry.kind
    wants_entry = applies(enrolment=enrolment, moment=IdentityMoment.ENTRY, now=now)
    wants_moment = applies(enrolment=enrolment, moment=moment, now=now)
    if not (wants_entry or wants_moment):
        return None
    passed = _passed(enrolment)
    common = {"enrolment_id": enrolment.pk, "return_url": entry.return_url, "funded": enrolment.run.is_funded}
    if wants_entry and not any(m == IdentityMoment.ENTRY for m, _t, _a in passed):
        return Requirement(moment=IdentityMoment.ENTRY, eval_cd="00", eval_type="입과", **common)
    if not wants_moment:
        return None
    if moment == IdentityMoment.LESSON:
        number = lesson_number(entry.lesson)
        if not is_check_lesson(number):
            return None
        if any(m == moment and t == entry.object_id for m, t, _a in passed):
            return None
        return Requirement(
            moment=moment,
            eval_cd="01",
            eval_type="진도",
            class_tme=f"{number:02d}",
            target_id=entry.object_id,
            **common,
        )
    since = entry.since
    if any(m == moment and t == entry.object_id and (since is None or a > since) for m, t, a in passed):
        return None
    eval_cd, eval_type = EVAL_CODES.get(f"{moment}:{entry.subkind}") or EVAL_CODES.get(moment, ("99", "기타"))
    return Requirement(
        moment=moment,
        eval_cd=eval_cd,
        eval_type=eval_type,
        target_id=entry.object_id,
        since=since.timestamp() if since else None,
        **common,
    )


def identity_gate(*, enrolment: Enrolment, entry: Entry, now: datetime.datetime) -> Detour | None:
    """The entry gate of ``courses.gates``: a detour to the check page while a check is due."""
    requirement = due(enrolment=enrolment, entry=entry, now=now)
    if requirement is None:
        return None
    return Detour(
        message=_("Verify your identity first (%(moment)s).") % {"moment": requirement.describe()},
        url=reverse("identity_check", args=[requirement.token()]),
    )


def requirement_still_due(requirement: Requirement, *, enrolment: Enrolment | None, user=None) -> bool:
    """Has nobody passed this requirement since the page was opened (a second tab, a reload)?
    A step-up requirement names no enrolment: the user's own checks answer."""
    if enrolment is None:
        checks = IdentityCheck.objects.filter(user=user).passed().filter(moment=requirement.moment)
    else:
        checks = enrolment.identity_checks.passed().filter(moment=requirement.moment)
    if requirement.target_id is not None:
        checks = checks.filter(target_id=requirement.target_id)
    if requirement.since is not None:
        checks = checks.filter(at__gt=datetime.datetime.fromtimestamp(requirement.since, tz=datetime.UTC))
    return not checks.exists()


def motp_locked(user) -> bool:
    """Is the trainee's mOTP route locked? After ``ACADEMY_IDENTITY_MOTP_MAX_FAILURES`` consecutive
    failed mOTP codes, or a lock answered by the 공단 (AP009), until a passed mOTP or 휴대폰 check."""
    limit = settings.ACADEMY_IDENTITY_MOTP_MAX_FAILURES
    failures = 0
    for route, result in (
        IdentityCheck.objects.filter(user=user, route__in=("motp", "phone"))
        .exclude(result=IdentityResult.ERROR)
        .order_by("-at", "-pk")
        .values_list("route", "result")[: limit * 4]
    ):
        if result == IdentityResult.OK:
            return False
        if route == "motp" and result == IdentityResult.LOCKED:
            return True
        if route == "motp" and result == IdentityResult.FAILED:
            failures += 1
            if failures >= limit:
                return True
    return False


def offered_routes(requirement: Requirement, *, user) -> list[str]:
    """The routes the check page offers: the policy's, without ``motp`` while it is locked."""
    routes = requirement.routes
    if "motp" in routes and motp_locked(user):
        routes = [route for route in routes if route != "motp"] or ["phone"]
    return routes


def identity_attempt_allowed(user) -> bool:
    """Count one identity attempt of ``user`` and answer whether it is within
    ``ACADEMY_IDENTITY_ATTEMPTS_PER_WINDOW`` per ``ACADEMY_IDENTITY_ATTEMPT_WINDOW_SECONDS`` (the
    shared cache: every web node counts the same attempts). A refused attempt records nothing."""
    key = f"identity:attempts:{user.pk}"
    cache.add(key, 0, settings.ACADEMY_IDENTITY_ATTEMPT_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, settings.ACADEMY_IDENTITY_ATTEMPT_WINDOW_SECONDS)
        count = 1
    return count <= settings.ACADEMY_IDENTITY_ATTEMPTS_PER_WINDOW


def challenge_claim(challenge_id: str) -> bool:
    """Claim a provider challenge for completion once: a second, concurrent return with the same id
    (a replay, a double click) is answered as expired instead of being verified twice."""
    return cache.add(f"identity:claimed:{challenge_id[:100]}", 1, 3600)
