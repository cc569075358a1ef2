"""Writes of the course domain."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.dates import kdate
from ops.audit import audit_record

from . import completion, events, funding, gates, notices, progress_rule
from .models import (
    AttendanceRecord,
    AttendanceSession,
    CoursePage,
    CourseRun,
    Enrolment,
    EnrolmentEvent,
    EnrolmentPolicy,
    LessonPage,
    LessonProgress,
    StudyClock,
)
from .protection import is_restricted, restricted_access_log
from .selectors import funded_progress_percent, missing_prerequisites, seats_cache_key
from .tasks import enrolment_notify

# --------------------------------------------------------------------------------------------
# Enrolment
# --------------------------------------------------------------------------------------------


class EnrolmentError(Exception):
    """A request the rules refuse; the message is translated and meant for the user."""


class RestrictedEnrolmentRefused(EnrolmentError):
    """The person misses a condition of a restricted course (``courses.protection``); ``refusal``
    names it."""

    def __init__(self, refusal, *, user=None):
        self.refusal = refusal
        self.user = user
        super().__init__(f"{refusal.title}: {refusal.message}")


def restricted_enrolment_refusal(*, user, course: CoursePage, now=None):
    """The eligibility condition ``user`` misses for enrolment in restricted ``course`` by someone
    else (None: eligible, or the course is not restricted)."""
    from .protection import is_restricted, restricted_eligibility_refusal

    if not is_restricted(course):
        return None
    return restricted_eligibility_refusal(user=user, course=course, now=now or timezone.now())


def _restricted_enrol_check(*, user, run: CourseRun, actor) -> None:
    """Enrolment of ``user`` by ``actor`` (approval, invitation, staff adding) in a restricted
    course: logged (allowed or refused, in its own transaction so a refusal stays on record), and
    ``RestrictedEnrolmentRefused`` when the person is not eligible."""
    from .protection import is_restricted, restricted_access_log

    course = run.course
    if not is_restricted(course):
        return
    refusal = restricted_enrolment_refusal(user=user, course=course)
    with transaction.atomic():
        restricted_access_log(
            user=user,
            action="enrol",
            obj=run,
            result="allowed" if refusal is None else f"refused:{refusal.key}",
            course=course,
            data={"by": getattr(actor, "pk", None)},
        )
    if refusal is not None:
        raise RestrictedEnrolmentRefused(refusal, user=user)


class PersonalDataStepRequired(EnrolmentError):
    """A funded run: the trainee completes the personal-data step first (the enrol view sends them
    there; the step enrols them when it is done)."""


def _record(
    enrolment: Enrolment, *, to_status: str, actor=None, reason: str = "", notify: bool = True, override: bool = False
) -> None:
    """Change the status and keep the history; tell the trainee in the app and by e-mail after commit.

    An enrolment in a funded run whose trainee has not completed the personal-data step never
    becomes active (DOMAIN-KR §5.1): staff adding them, an approval or a freed seat makes it an
    invitation instead, which holds the seat; the trainee accepts it through the step.
    """
    from_status = enrolment.status if enrolment.pk else ""
    if (
        to_status == Enrolment.Status.ACTIVE
        and from_status not in (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)
        and funding.personal_data_step_missing(user=enrolment.user, run=enrolment.run)
    ):
        to_status = Enrolment.Status.INVITED
        reason = _("A funded run: the trainee first completes the personal-data step (resident registration number).")
    enrolment.status = to_status
    if to_status == Enrolment.Status.WAITLISTED:
        enrolment.waitlisted_at = timezone.now()
    enrolment.save()
    event = EnrolmentEvent.objects.create(
        enrolment=enrolment,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        reason=reason,
        is_override=override,
    )
    events.emit(
        "enrolment_status_changed",
        enrolment=enrolment,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        reason=reason,
        override=override,
    )
    if (from_status in Enrolment.SEAT_HOLDING) != (to_status in Enrolment.SEAT_HOLDING):
        run_id = enrolment.run_id
        transaction.on_commit(lambda: cache.delete(seats_cache_key(run_id)), robust=True)
    if notify and to_status in NOTIFIED_STATUSES:
        notices.enrolment_event_notice(event)  # the in-app twin of the e-mail below (no second e-mail)
        # robust: a broker that is down must not fail the request nor skip the other callbacks
        # (the certificate task); the trainee is told on /learn/ anyway.
        transaction.on_commit(lambda: enrolment_notify.delay(event.pk), robust=True)


@transaction.atomic
def course_run_save(*, form) -> CourseRun:
    """Save a run from its admin form (``admin_views.RunForm``, validated) and say so: the 공단's
    class record (EMON ``class_hist``) follows a funded run's creation and every change of its dates
    or funding (``course_run_saved``)."""
    created = form.instance.pk is None
    run = form.save()
    events.emit("course_run_saved", run=run, created=created, changed=list(form.changed_data))
    return run


NOTIFIED_STATUSES = {
    Enrolment.Status.ACTIVE,
    Enrolment.Status.REJECTED,
    Enrolment.Status.REMOVED,
    Enrolment.Status.WAITLISTED,
    Enrolment.Status.INVITED,
    Enrolment.Status.COMPLETED,
}


def _lock_run(run: CourseRun) -> CourseRun:
    """Serialise every seat decision of one run (on PostgreSQL a row lock, held to commit)."""
    return CourseRun.objects.select_for_update().select_related("course").get(pk=run.pk)


def _seats_free(run: CourseRun) -> bool:
    if run.capacity is None:
        return True
    return Enrolment.objects.filter(run=run).holding_seats().count() < run.capacity


def _missing_prerequisites(user, course: CoursePage) -> list[CoursePage]:
    prerequisites = [link.prerequisite for link in course.prerequisite_links.select_related("prerequisite")]
    return missing_prerequisites(user=user, course=course, prerequisites=prerequisites)


@transaction.atomic
def enrolment_request(*, user, run: CourseRun) -> Enrolment:
    """수강신청: a trainee asks for a seat in a run.

    Open courses enrol at once while seats are free, else put the trainee on the waitlist;
    courses that need approval record a request for the institute to decide; invitation-only
    courses accept only the invited (this accepts the invitation). A funded run refuses a trainee
    who has not completed the personal-data step (``PersonalDataStepRequired``). Prerequisites and the
    enrolment window are checked first. Seats hold under concurrent requests: the run's row is
    locked while they are counted.
    """
    run = _lock_run(run)
    course = run.course
    enrolment = Enrolment.objects.select_for_update().filter(user=user, run=run).first()
    status = enrolment.status if enrolment else None
    if status in (
        Enrolment.Status.ACTIVE,
        Enrolment.Status.COMPLETED,
        Enrolment.Status.PENDING,
        Enrolment.Status.WAITLISTED,
    ):
        return enrolment
    if status == Enrolment.Status.REMOVED:
        raise EnrolmentError(_("You were removed from this run; ask the institute to enrol you again."))
    if funding.personal_data_step_missing(user=user, run=run):
        raise PersonalDataStepRequired(
            _(
                "This is a funded course: first read the personal-data notices and enter your resident registration number."
            )
        )
    if status == Enrolment.Status.INVITED:
        if (refusal := restricted_enrolment_refusal(user=user, course=course)) is not None:
            raise RestrictedEnrolmentRefused(refusal, user=user)
        _record(enrolment, to_status=Enrolment.Status.ACTIVE, actor=user, notify=False)
        return enrolment
    if course.enrolment_policy == EnrolmentPolicy.INVITATION:
        raise EnrolmentError(_("This course is by invitation only."))
    if (refusal := restricted_enrolment_refusal(user=user, course=course)) is not None:
        raise RestrictedEnrolmentRefused(refusal, user=user)  # the view asked every condition and logged
    if not run.enrolment_is_open():
        raise EnrolmentError(_("Enrolment for this run is closed."))
    missing = _missing_prerequisites(user, course)
    if missing:
        raise EnrolmentError(
            _("Complete the prerequisite courses first: %(courses)s")
            % {"courses": ", ".join(c.display_title for c in missing)}
        )
    if enrolment is None:
        enrolment = Enrolment(user=user, run=run, created_at=timezone.now())
    else:
        enrolment.created_at = timezone.now()
    if course.enrolment_policy == EnrolmentPolicy.APPROVAL:
        to_status = Enrolment.Status.PENDING
    elif _seats_free(run):
        to_status = Enrolment.Status.ACTIVE
    else:
        to_status = Enrolment.Status.WAITLISTED
    _record(enrolment, to_status=to_status, actor=user, notify=to_status != Enrolment.Status.ACTIVE)
    return enrolment


def _promote_waitlist(run: CourseRun, *, actor=None) -> list[Enrolment]:
    """Give freed seats to the first in line, in the order they joined the waitlist."""
    promoted = []
    while _seats_free(run):
        first = (
            Enrolment.objects.select_for_update()
            .filter(run=run, status=Enrolment.Status.WAITLISTED)
            .order_by("waitlisted_at", "pk")
            .first()
        )
        if first is None:
            break
        _record(first, to_status=Enrolment.Status.ACTIVE, actor=actor, reason=_("A seat became free."))
        promoted.append(first)
    return promoted


def enrolment_approve(*, enrolment: Enrolment, actor) -> Enrolment:
    """See ``_enrolment_approve``; a restricted course first asks the person's eligibility (logged)."""
    _restricted_enrol_check(user=enrolment.user, run=enrolment.run, actor=actor)
    return _enrolment_approve(enrolment=enrolment, actor=actor)


@transaction.atomic
def _enrolment_approve(*, enrolment: Enrolment, actor) -> Enrolment:
    """승인: the trainee gets a seat, or the waitlist when the run is full."""
    run = _lock_run(enrolment.run)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status != Enrolment.Status.PENDING:
        raise EnrolmentError(_("Only a request that awaits approval can be approved."))
    to_status = Enrolment.Status.ACTIVE if _seats_free(run) else Enrolment.Status.WAITLISTED
    _record(enrolment, to_status=to_status, actor=actor, reason=_("Approved."))
    return enrolment


@transaction.atomic
def enrolment_reject(*, enrolment: Enrolment, actor, reason: str) -> Enrolment:
    """반려, with the reason the trainee reads."""
    reason = (reason or "").strip()
    if not reason:
        raise EnrolmentError(_("Give the reason for the rejection."))
    run = _lock_run(enrolment.run)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status not in (Enrolment.Status.PENDING, Enrolment.Status.WAITLISTED):
        raise EnrolmentError(_("Only a pending or waitlisted request can be rejected."))
    _record(enrolment, to_status=Enrolment.Status.REJECTED, actor=actor, reason=reason)
    _promote_waitlist(run, actor=actor)
    return enrolment


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, actor) -> Enrolment:
    """수강취소 by the trainee (also cancels a request or leaves the waitlist)."""
    run = _lock_run(enrolment.run)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status not in (
        Enrolment.Status.ACTIVE,
        Enrolment.Status.PENDING,
        Enrolment.Status.WAITLISTED,
        Enrolment.Status.INVITED,
    ):
        raise EnrolmentError(_("This enrolment cannot be withdrawn."))
    _record(enrolment, to_status=Enrolment.Status.WITHDRAWN, actor=actor, notify=False)
    _promote_waitlist(run, actor=actor)
    return enrolment


@transaction.atomic
def enrolment_remove(*, enrolment: Enrolment, actor, reason: str) -> Enrolment:
    """Staff take a trainee out of a run, with a reason."""
    reason = (reason or "").strip()
    if not reason:
        raise EnrolmentError(_("Give the reason for the removal."))
    run = _lock_run(enrolment.run)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status in (Enrolment.Status.COMPLETED, *Enrolment.ENDED):
        raise EnrolmentError(_("This enrolment has already ended."))
    _record(enrolment, to_status=Enrolment.Status.REMOVED, actor=actor, reason=reason)
    _promote_waitlist(run, actor=actor)
    return enrolment


def enrolment_invite(*, run: CourseRun, user, actor) -> Enrolment:
    """See ``_enrolment_invite``; a restricted course first asks the person's eligibility (logged)."""
    _restricted_enrol_check(user=user, run=run, actor=actor)
    return _enrolment_invite(run=run, user=user, actor=actor)


@transaction.atomic
def _enrolment_invite(*, run: CourseRun, user, actor) -> Enrolment:
    """Invite a trainee to a run; the invitation holds a seat until accepted or withdrawn."""
    run = _lock_run(run)
    enrolment = Enrolment.objects.select_for_update().filter(user=user, run=run).first()
    if enrolment and enrolment.status not in Enrolment.ENDED:
        return enrolment
    if not _seats_free(run):
        raise EnrolmentError(_("The run is full."))
    enrolment = enrolment or Enrolment(user=user, run=run)
    _record(enrolment, to_status=Enrolment.Status.INVITED, actor=actor)
    return enrolment


def enrolment_add(*, run: CourseRun, user, actor) -> Enrolment:
    """See ``_enrolment_add``; a restricted course first asks the person's eligibility (logged)."""
    _restricted_enrol_check(user=user, run=run, actor=actor)
    return _enrolment_add(run=run, user=user, actor=actor)


@transaction.atomic
def _enrolment_add(*, run: CourseRun, user, actor) -> Enrolment:
    """Staff (or an organisation's HR) enrol a trainee directly, taking a seat."""
    run = _lock_run(run)
    enrolment = Enrolment.objects.select_for_update().filter(user=user, run=run).first()
    if enrolment and enrolment.status in (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED):
        return enrolment
    if not _seats_free(run) and not (enrolment and enrolment.status == Enrolment.Status.INVITED):
        raise EnrolmentError(_("The run is full."))
    enrolment = enrolment or Enrolment(user=user, run=run)
    _record(enrolment, to_status=Enrolment.Status.ACTIVE, actor=actor)
    return enrolment


# --------------------------------------------------------------------------------------------
# Progress and completion
# --------------------------------------------------------------------------------------------

#: Heartbeats are sent every ``presenters.HEARTBEAT_SECONDS`` while a lesson is on screen; a gap longer than
#: ``MAX_CREDIT_SECONDS`` (a hidden tab, a closed laptop) is not study time.
MAX_CREDIT_SECONDS = 40


def _studying_enrolment(user, lesson: LessonPage) -> Enrolment | None:
    return (
        Enrolment.objects.select_for_update()
        .filter(user=user, run__course=lesson.course, status=Enrolment.Status.ACTIVE)
        .select_related("run__course")
        .order_by("-created_at")
        .first()
    )


class StudySessionTakenOver(EnrolmentError):
    """The heartbeat comes from a page whose study session another browser (or tab) has taken over."""


def study_session_message() -> str:
    return _(
        "You are studying somewhere else (another browser or tab opened a lesson), so this page no longer "
        "counts study time. Reload it to study here."
    )


def study_session_claim(*, user, now=None) -> str:
    """Opening a lesson claims the trainee's one active study session (DOMAIN-KR §1.8): a new random
    token, given to the page and kept on the trainee's study clock. Heartbeats of pages opened
    before carry an older token and credit nothing from now on (``progress_heartbeat``).

    One UPDATE on the lesson page (the clock exists once the trainee has studied); the first time an
    INSERT, whose race with a heartbeat's ``get_or_create`` the unique user settles.
    """
    import secrets

    from django.db import IntegrityError

    now = now or timezone.now()
    token = secrets.token_urlsafe(24)
    clock = StudyClock.objects.filter(user=user)
    if clock.update(session_token=token, session_claimed_at=now):
        return token
    try:
        with transaction.atomic():
            StudyClock.objects.create(user=user, session_token=token, session_claimed_at=now)
    except IntegrityError:
        clock.update(session_token=token, session_claimed_at=now)
    return token


@transaction.atomic
def progress_heartbeat(
    *,
    user,
    lesson: LessonPage,
    resume: bool = False,
    reached_end: bool = False,
    session: str | None = None,
    now=None,
) -> LessonProgress | None:
    """Credit study time for a lesson on screen, measured on the server's clock.

    The trainee's study clock remembers when time was last credited; each heartbeat credits the
    time since then, at most ``MAX_CREDIT_SECONDS``, and nothing after a pause (``resume``) or a
    long gap. However many heartbeats arrive and from however many tabs, the credited total never
    exceeds the time that passed.

    Funded runs (DOMAIN-KR §1.2–§1.4) credit a lesson up to its 학습시간 only, only inside the
    훈련기간, never a lesson its gates refuse (``courses.gates``: the previous 차시 below the unlock
    threshold, the daily cap), and only what the registered credit limiters allow; ``reached_end``
    records that the trainee reached the lesson's last page (it credits no time). Their 진도율 is
    refreshed whenever the lesson's percentage changes.

    ``session`` is the study-session token the lesson page was given (``study_session_claim``); a
    page whose token is no longer the trainee's current one raises ``StudySessionTakenOver`` and
    credits nothing (a trainee who has never opened a lesson since the token existed has none to
    compare). ``None`` is a caller that is not a page (tests, services).
    """
    now = now or timezone.now()
    enrolment = _studying_enrolment(user, lesson)
    if enrolment is None:
        return None
    clock, _created = StudyClock.objects.select_for_update().get_or_create(user=user)
    if session is not None and clock.session_token and session != clock.session_token:
        raise StudySessionTakenOver(study_session_message())
    credit = 0
    if clock.last_credited_at is not None and not resume:
        elapsed = (now - clock.last_credited_at).total_seconds()
        if 0 < elapsed <= MAX_CREDIT_SECONDS:
            credit = int(elapsed)
    if clock.last_credited_at is None or now > clock.last_credited_at:
        clock.last_credited_at = now
        clock.save(update_fields=["last_credited_at"])
    progress, created = LessonProgress.objects.select_for_update().get_or_create(
        enrolment=enrolment, lesson=lesson, defaults={"started_at": now, "last_studied_at": now}
    )
    progress.enrolment = enrolment  # the caller reads its run without another query
    if created or resume:
        events.emit("lesson_study_started", enrolment=enrolment, lesson=lesson, progress=progress, now=now)
    funded = enrolment.run.is_funded
    if funded:
        percent_before = gates.lesson_percent_of(progress, lesson)
        credit = _funded_credit(enrolment=enrolment, lesson=lesson, progress=progress, seconds=credit, now=now)
        if reached_end:
            _record_reached_end(enrolment=enrolment, lesson=lesson, progress=progress, now=now)
    if credit:
        LessonProgress.objects.filter(pk=progress.pk).update(
            seconds_studied=F("seconds_studied") + credit, last_studied_at=now
        )
        # The row is locked (select_for_update above), so its value read then plus the credit is what
        # the update wrote: no query to read it back, and the one saved keeps the enrolment's sum in step
        # (the cluster report reads ``Enrolment.seconds_studied``) at the same query count.
        progress.seconds_studied += credit
        progress.last_studied_at = now
        Enrolment.objects.filter(pk=enrolment.pk).update(seconds_studied=F("seconds_studied") + credit)
        enrolment.seconds_studied += credit
        events.emit(
            "lesson_study_credited", enrolment=enrolment, lesson=lesson, progress=progress, seconds=credit, now=now
        )
    if funded and gates.lesson_percent_of(progress, lesson) != percent_before:
        _funded_lesson_changed(enrolment=enrolment, lesson=lesson, progress=progress, now=now)
    return progress


def _funded_credit(*, enrolment: Enrolment, lesson: LessonPage, progress: LessonProgress, seconds: int, now) -> int:
    """What a heartbeat of a funded run may credit: nothing outside the 훈련기간 or for a gated lesson,
    nothing beyond the lesson's 학습시간 (so revisiting a finished 차시 uses no daily slot), then what
    the registered limiters allow."""
    if seconds <= 0 or not progress_rule.in_training_period(enrolment.run, now):
        return 0
    seconds = min(seconds, max(0, lesson.study_minutes * 60 - progress.seconds_studied))
    if seconds <= 0:
        return 0
    refusal = gates.open_refusal(enrolment=enrolment, lesson=lesson, now=now)
    if refusal:
        progress.credit_refusal = refusal  # the heartbeat's answer tells the trainee why time stopped
        return 0
    return gates.allowed_credit(enrolment=enrolment, lesson=lesson, seconds=seconds, now=now)


def _record_reached_end(*, enrolment: Enrolment, lesson: LessonPage, progress: LessonProgress, now) -> str | None:
    """The trainee reached the lesson's last page (once; inputs freeze outside the 훈련기간).

    Not for a lesson its gates refuse (the daily cap, the unlock rule): the lesson page does not
    open then, so its last page cannot have been reached; the refusal is answered (and kept as the
    heartbeat's ``credit_refusal``)."""
    if progress.final_activity_at is not None or not progress_rule.in_training_period(enrolment.run, now):
        return None
    from .video import video_lesson_reached_end

    if video_lesson_reached_end(user_id=enrolment.user_id, lesson=lesson) is False:
        return None  # a video lesson's last activity is the end of its last video, not its last page
    refusal = gates.open_refusal(enrolment=enrolment, lesson=lesson, now=now)
    if refusal:
        progress.credit_refusal = refusal
        return refusal
    progress.final_activity_at = now
    progress.save(update_fields=["final_activity_at"])
    return None


def _funded_lesson_changed(*, enrolment: Enrolment, lesson: LessonPage, progress: LessonProgress, now) -> None:
    """A funded lesson's percentage changed: at 100 % it is complete; the 진도율 follows."""
    if progress.completed_at is None and gates.lesson_percent_of(progress, lesson) == 100:
        progress.completed_at = now
        progress.save(update_fields=["completed_at"])
        events.emit("lesson_study_completed", enrolment=enrolment, lesson=lesson, progress=progress, now=now)
    enrolment_refresh_progress(enrolment=enrolment)


def enrolments_recount_seconds(enrolment_ids) -> int:
    """Set each enrolment's ``seconds_studied`` to the sum of its lessons' (one UPDATE): for code that
    writes or deletes ``LessonProgress`` rows other than through the heartbeat (demo data, retention)."""
    from django.db.models import OuterRef, Subquery, Sum
    from django.db.models.functions import Coalesce

    total = (
        LessonProgress.objects.filter(enrolment_id=OuterRef("pk"))
        .order_by()
        .values("enrolment_id")
        .annotate(total=Sum("seconds_studied"))
        .values("total")
    )
    return Enrolment.objects.filter(pk__in=enrolment_ids).update(seconds_studied=Coalesce(Subquery(total), 0))


def remaining_minutes(*, progress: LessonProgress | None, lesson: LessonPage) -> int:
    """Whole minutes of study a lesson still needs for its 학습시간 (0: the time is there)."""
    studied = progress.seconds_studied if progress else 0
    return max(0, -(-(lesson.study_minutes * 60 - studied) // 60))


def lesson_incomplete_message(*, progress: LessonProgress | None, lesson: LessonPage) -> str:
    remaining = remaining_minutes(progress=progress, lesson=lesson)
    if remaining == 0:
        return _("Study this lesson to its last page to complete it.")
    return ngettext(
        "Study this lesson %(minutes)s more minute to complete it.",
        "Study this lesson %(minutes)s more minutes to complete it.",
        remaining,
    ) % {"minutes": remaining}


@transaction.atomic
def lesson_complete(*, user, lesson: LessonPage, now=None) -> LessonProgress:
    """The trainee finishes a lesson; it completes once its required study time is reached.

    In a funded run, finishing also records that the trainee reached the lesson's last page; the
    lesson completes when its percentage reaches 100 % (the progress is returned either way: its
    ``completed_at`` says whether it did).
    """
    now = now or timezone.now()
    enrolment = _studying_enrolment(user, lesson)
    if enrolment is None:
        raise EnrolmentError(_("Enrol in this course to record your progress."))
    progress, _created = LessonProgress.objects.select_for_update().get_or_create(enrolment=enrolment, lesson=lesson)
    if progress.completed_at:
        return progress
    if enrolment.run.is_funded:
        percent_before = gates.lesson_percent_of(progress, lesson)
        refusal = _record_reached_end(enrolment=enrolment, lesson=lesson, progress=progress, now=now)
        if refusal:
            raise EnrolmentError(refusal)
        if gates.lesson_percent_of(progress, lesson) != percent_before:
            _funded_lesson_changed(enrolment=enrolment, lesson=lesson, progress=progress, now=now)
        return progress
    required = lesson.study_minutes * 60
    if progress.seconds_studied < required:
        raise EnrolmentError(lesson_incomplete_message(progress=progress, lesson=lesson))
    progress.completed_at = now
    progress.save(update_fields=["completed_at"])
    events.emit("lesson_study_completed", enrolment=enrolment, lesson=lesson, progress=progress, now=now)
    enrolment_refresh_progress(enrolment=enrolment)
    return progress


def enrolment_refresh_progress(*, enrolment: Enrolment) -> Enrolment:
    """Recompute 진도율 and evaluate completion at once.

    Unfunded runs: the share of required live lessons completed. Funded runs: the 2026 rule, the
    floor of the mean percentage of the required live 차시 (``courses.progress_rule``).
    """
    if enrolment.run.is_funded:
        percent = funded_progress_percent(enrolment)
    else:
        course = enrolment.run.course
        required_ids = list(
            LessonPage.objects.live().descendant_of(course).filter(required=True).values_list("id", flat=True)
        )
        done = LessonProgress.objects.filter(
            enrolment=enrolment, lesson_id__in=required_ids, completed_at__isnull=False
        ).count()
        percent = 100 if not required_ids else (100 * done) // len(required_ids)
    if percent != enrolment.progress_percent:
        enrolment.progress_percent = percent
        Enrolment.objects.filter(pk=enrolment.pk).update(progress_percent=percent)
    enrolment_evaluate_completion(enrolment=enrolment)
    return enrolment


@transaction.atomic(savepoint=False)  # usually inside a caller's transaction: no savepoint round trips
def enrolment_evaluate_completion(*, enrolment: Enrolment, now=None) -> bool:
    """Complete the enrolment the moment the completion rule is met; returns whether it is complete.

    Called whenever progress, grades or attendance change (never by a batch job). The
    ``enrolment_completed`` listeners (the certificate) run in the same transaction.

    Funded runs (DOMAIN-KR §1.1): until the run's grading deadline the decision follows the rule
    both ways, so a 모사 decision or a regrade that breaks it takes the completion back (the
    ``enrolment_uncompleted`` listeners revoke the certificate); from the deadline on the decision
    is final and only ``completion_override`` changes it. Unfunded runs never lose a completion.
    """
    enrolment = Enrolment.objects.select_for_update().select_related("run__course").get(pk=enrolment.pk)
    if funding.decision_is_final(enrolment.run, now):
        return enrolment.status == Enrolment.Status.COMPLETED
    if enrolment.status == Enrolment.Status.COMPLETED:
        if not enrolment.run.is_funded:
            return True
        lost = completion.lost_requirements(enrolment)
        if not lost:
            return True
        _uncomplete(
            enrolment,
            actor=None,
            reason=_("The completion rule is no longer met: %(items)s")
            % {"items": "; ".join(item.label for item in lost)},
        )
        return False
    if enrolment.status != Enrolment.Status.ACTIVE or not completion.is_complete(enrolment):
        return False
    _complete(enrolment, actor=None, reason=_("Completion rule met."), now=now)
    return True


#: Audit-trail actions of a change to a completion (DOMAIN-KR §1.10): by the rule, or by a staff override.
AUDIT_COMPLETED = "courses.enrolment_completed"
AUDIT_UNCOMPLETED = "courses.enrolment_uncompleted"
AUDIT_OVERRIDE = "courses.completion_override"


def _audit_completion(enrolment: Enrolment, *, action: str, actor, reason: str, override: bool) -> None:
    audit_record(
        action=AUDIT_OVERRIDE if override else action,
        actor=actor,
        subject_user=enrolment.user_id,
        obj=enrolment,
        reason=reason,
        data={"run": enrolment.run_id, "to": enrolment.status, "override": override},
    )


@transaction.atomic
def enrolment_completion_recheck(*, enrolment: Enrolment, actor, reason: str, now=None) -> bool:
    """A finding about the record itself (a ``completion.Requirement`` with ``finding``, such as a
    confirmed 대리수강) was made: a completed enrolment that now has one loses its completion at once,
    **even after the grading deadline** (the decision was final on a false record), by ``actor``
    with ``reason``; otherwise the rule is evaluated as usual. Returns whether it is complete."""
    enrolment = Enrolment.objects.select_for_update().select_related("run__course").get(pk=enrolment.pk)
    if enrolment.status == Enrolment.Status.COMPLETED and completion.findings(enrolment):
        _uncomplete(enrolment, actor=actor, reason=reason)
        return False
    return enrolment_evaluate_completion(enrolment=enrolment, now=now)


def _complete(enrolment: Enrolment, *, actor, reason: str, now=None, override: bool = False) -> None:
    enrolment.completed_at = now or timezone.now()
    _record(enrolment, to_status=Enrolment.Status.COMPLETED, actor=actor, reason=reason, override=override)
    _audit_completion(enrolment, action=AUDIT_COMPLETED, actor=actor, reason=reason, override=override)
    for listener in completion.completion_listeners():
        listener(enrolment)


def _uncomplete(enrolment: Enrolment, *, actor, reason: str, override: bool = False) -> None:
    """수료 취소: back to studying (no e-mail of a new enrolment); the listeners revoke what completion gave."""
    enrolment.completed_at = None
    _record(enrolment, to_status=Enrolment.Status.ACTIVE, actor=actor, reason=reason, notify=False, override=override)
    _audit_completion(enrolment, action=AUDIT_UNCOMPLETED, actor=actor, reason=reason, override=override)
    for listener in completion.uncompletion_listeners():
        listener(enrolment, reason=reason, actor=actor)


#: The longest reason of an override (the EnrolmentEvent keeps it whole; this keeps it readable).
OVERRIDE_REASON_MAX = 1000


@transaction.atomic
def completion_override(*, enrolment: Enrolment, complete: bool, reason: str, actor, now=None) -> Enrolment:
    """A staff member of the run's institute changes a funded run's final 수료 decision by hand.

    Only once the decision is final (``funding.decision_is_final``: the grading deadline has passed);
    before that the rule decides. A reason is required; the ``EnrolmentEvent`` (``is_override``)
    records who, when, the old and new status and why, and the institute's log records it too.
    """
    from wagtail.log_actions import log

    from .permissions import policy_for

    reason = (reason or "").strip()
    if not reason:
        raise EnrolmentError(_("Give the reason for the override."))
    if len(reason) > OVERRIDE_REASON_MAX:
        raise EnrolmentError(_("The reason is too long (at most %(n)s characters).") % {"n": OVERRIDE_REASON_MAX})
    enrolment = Enrolment.objects.select_for_update().select_related("run__course", "user").get(pk=enrolment.pk)
    run = enrolment.run
    if not policy_for(CourseRun).user_has_permission_for_instance(actor, "change", run):
        raise EnrolmentError(_("Only the staff of the run's institute may override its completion decisions."))
    if not run.is_funded:
        raise EnrolmentError(_("Only the completion decisions of funded runs are overridden."))
    if not funding.decision_is_final(run, now):
        deadline = funding.grading_deadline(run)
        raise EnrolmentError(
            _("Until the grading deadline (%(date)s) the completion rule decides; an override is possible after it.")
            % {"date": kdate(deadline) if deadline else "–"}
        )
    if enrolment.status not in (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED):
        raise EnrolmentError(_("Only a studying or completed trainee has a completion decision."))
    was_complete = enrolment.status == Enrolment.Status.COMPLETED
    if complete and (blocking := completion.findings(enrolment)):
        raise EnrolmentError(
            _("No override completes past this finding: %(items)s")
            % {"items": "; ".join(item.label for item in blocking)}
        )
    if was_complete == complete:
        raise EnrolmentError(
            _("The trainee has completed already.") if complete else _("The trainee has not completed already.")
        )
    old_status = enrolment.status
    if complete:
        _complete(enrolment, actor=actor, reason=reason, now=now, override=True)
    else:
        _uncomplete(enrolment, actor=actor, reason=reason, override=True)
    log(
        instance=run,
        action="courses.completion_override",
        user=actor,
        data={"enrolment": enrolment.pk, "from": old_status, "to": enrolment.status, "reason": reason},
    )
    return enrolment


@transaction.atomic
def attendance_record(*, session: AttendanceSession, enrolment: Enrolment, present: bool, actor) -> AttendanceRecord:
    """An instructor records attendance at an on-site session; completion is evaluated at once."""
    if enrolment.run_id != session.run_id:
        raise EnrolmentError(_("The trainee is not enrolled in this session's run."))
    record, _created = AttendanceRecord.objects.update_or_create(
        session=session, enrolment=enrolment, defaults={"present": present, "recorded_by": actor}
    )
    enrolment_evaluate_completion(enrolment=enrolment)
    return record


@dataclass
class BulkEnrolmentResult:
    """What an organisation's bulk request did, trainee by trainee."""

    enrolled: list[Enrolment] = field(default_factory=list)
    waitlisted: list[Enrolment] = field(default_factory=list)
    requested: list[Enrolment] = field(default_factory=list)  # pending: the institute decides
    unchanged: list[Enrolment] = field(default_factory=list)  # already enrolled, requested or done


class BulkEnrolmentRefused(EnrolmentError):
    """Some trainees cannot be put in the run; nothing was written. ``problems``: user id → reason."""

    def __init__(self, problems: dict[int, str], *, restricted: dict[int, str] | None = None):
        super().__init__(_("Nobody was enrolled."))
        self.problems = problems
        #: user id → the restricted-course condition they miss (the caller logs these refusals).
        self.restricted = restricted or {}


@transaction.atomic
def enrolments_bulk_request(*, run: CourseRun, users: list, actor) -> BulkEnrolmentResult:
    """An organisation's HR puts its members into a run, following the course's policy.

    Each trainee is treated as their own 수강신청 would be, never better: open courses enrol while
    seats are free and then waitlist in the order given, behind anyone already waiting; courses
    that need approval or an invitation get pending requests that the institute decides. A
    trainee the institute invited takes the seat held for them. Removed and rejected trainees,
    missing prerequisites and a closed enrolment window are refused with the reason for each
    trainee, and then nothing is written for anyone (``BulkEnrolmentRefused``).
    """
    run = _lock_run(run)
    course = run.course
    existing = {e.user_id: e for e in Enrolment.objects.select_for_update().filter(run=run, user__in=users)}
    prerequisites = [link.prerequisite for link in course.prerequisite_links.select_related("prerequisite")]
    completed = set(
        Enrolment.objects.filter(
            user__in=users, status=Enrolment.Status.COMPLETED, run__course__in=prerequisites
        ).values_list("user_id", "run__course_id")
    )
    window_open = run.enrolment_is_open()
    result = BulkEnrolmentResult()
    problems: dict[int, str] = {}
    to_invitation, to_place = [], []
    for user in users:
        enrolment = existing.get(user.pk)
        status = enrolment.status if enrolment else None
        if status in (
            Enrolment.Status.ACTIVE,
            Enrolment.Status.COMPLETED,
            Enrolment.Status.PENDING,
            Enrolment.Status.WAITLISTED,
        ):
            result.unchanged.append(enrolment)
        elif status == Enrolment.Status.REMOVED:
            problems[user.pk] = _("The institute removed them from this run; only the institute can enrol them again.")
        elif status == Enrolment.Status.REJECTED:
            problems[user.pk] = _("The institute rejected their request for this run.")
        elif status == Enrolment.Status.INVITED:
            to_invitation.append(enrolment)
        elif not window_open:
            problems[user.pk] = _("Enrolment for this run is closed.")
        elif missing := [p for p in prerequisites if (user.pk, p.pk) not in completed]:
            problems[user.pk] = _("They have not completed the prerequisite courses: %(courses)s") % {
                "courses": ", ".join(p.display_title for p in missing)
            }
        else:
            to_place.append(enrolment or Enrolment(user=user, run=run))
    restricted: dict[int, str] = {}
    if is_restricted(course):  # F3.4: nobody ineligible goes into a restricted course, by file or otherwise
        for enrolment in [*to_invitation, *to_place]:
            refusal = restricted_enrolment_refusal(user=enrolment.user, course=course)
            if refusal is not None:
                restricted[enrolment.user.pk] = refusal.key
                problems.setdefault(
                    enrolment.user.pk,
                    _("Not eligible for this restricted course: %(condition)s") % {"condition": refusal.title},
                )
    if problems:
        raise BulkEnrolmentRefused(problems, restricted=restricted)
    if is_restricted(course):
        for enrolment in [*to_invitation, *to_place]:
            restricted_access_log(
                user=enrolment.user,
                action="enrol",
                obj=run,
                result="allowed",
                course=course,
                data={"by": getattr(actor, "pk", None), "bulk": True},
            )

    reason = _("Requested by the organisation.")
    for enrolment in to_invitation:  # the invitation holds their seat
        _record(enrolment, to_status=Enrolment.Status.ACTIVE, actor=actor, reason=reason)
        result.enrolled.append(enrolment)
    if course.enrolment_policy in (EnrolmentPolicy.APPROVAL, EnrolmentPolicy.INVITATION):
        for enrolment in to_place:
            enrolment.created_at = timezone.now()
            _record(enrolment, to_status=Enrolment.Status.PENDING, actor=actor, reason=reason)
            result.requested.append(enrolment)
        return result
    free = None
    if run.capacity is not None:
        queue = Enrolment.objects.filter(run=run, status=Enrolment.Status.WAITLISTED).exists()
        free = 0 if queue else max(0, run.capacity - Enrolment.objects.filter(run=run).holding_seats().count())
    for enrolment in to_place:
        enrolment.created_at = timezone.now()
        if free is None or free > 0:
            _record(enrolment, to_status=Enrolment.Status.ACTIVE, actor=actor, reason=reason)
            result.enrolled.append(enrolment)
            free = None if free is None else free - 1
        else:
            _record(enrolment, to_status=Enrolment.Status.WAITLISTED, actor=actor, reason=reason)
            result.waitlisted.append(enrolment)
    return result


# -- video lessons (courses.video) ---------------------------------------------------------------


def video_info_queue(*, document) -> bool:
    """A video document's file is new (uploaded or replaced): its VideoInfo is reset to "being read"
    and the ``video_probe`` task is enqueued once the upload commits. Nothing happens when the
    VideoInfo already describes this file (a second save of the same document). Returns whether it
    queued."""
    from .models import VideoInfo
    from .tasks import video_probe
    from .video import VIDEO_EXTENSIONS, extension_of

    name = document.file.name if document.file else ""
    if extension_of(name) not in VIDEO_EXTENSIONS:
        return False
    if VideoInfo.objects.filter(document_id=document.pk, file_name=name).exists():
        return False
    reset = dict.fromkeys(("duration_seconds", "width", "height", "probed_at"))
    reset.update(container="", video_codec="", audio_codec="", browser_playable=False, poster="", error="")
    VideoInfo.objects.update_or_create(
        document_id=document.pk, defaults={"file_name": name, "state": VideoInfo.State.PENDING, **reset}
    )
    document_id = document.pk
    transaction.on_commit(lambda: video_probe.delay(document_id), robust=True)
    return True


def video_probe_record(*, document_id: int) -> str:
    """Read a video with ffprobe, cut its poster frame at 10 % of its length and store both on its
    VideoInfo. Safe to run twice: a VideoInfo already read for the document's current file is left
    as it is. Returns the state."""
    import hashlib

    from django.core.files.base import ContentFile
    from django.core.files.storage import storages
    from wagtail.documents import get_document_model

    from .models import VideoInfo
    from .video import ProbeError, browser_playable, extension_of, local_copy, poster_frame, probe

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None or not document.file:
        return "gone"
    name = document.file.name
    info, _created = VideoInfo.objects.get_or_create(document_id=document_id, defaults={"file_name": name})
    if info.file_name == name and info.state == VideoInfo.State.READY:
        return info.state
    posters = storages["video_posters"]
    try:
        with local_copy(document.file) as path:
            facts = probe(path)
            duration = facts["duration_seconds"] or 0
            jpeg = poster_frame(path, at_seconds=duration * 0.1)
    except (ProbeError, OSError, ValueError) as error:
        VideoInfo.objects.filter(pk=info.pk).update(
            file_name=name, state=VideoInfo.State.FAILED, error=str(error)[:2000], probed_at=timezone.now()
        )
        return VideoInfo.State.FAILED
    digest = hashlib.sha256(jpeg).hexdigest()[:16]
    poster = posters.save(f"{document_id}/{digest}.jpg", ContentFile(jpeg))
    if info.poster and info.poster != poster:
        posters.delete(info.poster)
    facts["browser_playable"] = browser_playable(
        extension_of(name), video_codec=facts["video_codec"], audio_codec=facts["audio_codec"]
    )
    VideoInfo.objects.filter(pk=info.pk).update(
        file_name=name, state=VideoInfo.State.READY, poster=poster, error="", probed_at=timezone.now(), **facts
    )
    return VideoInfo.State.READY


@transaction.atomic
def video_position_save(
    *, user, lesson: LessonPage, document_id: int, position: float, played=(), ended: bool = False, now=None
):
    """Store where a trainee is in one video of a lesson (resume on any device), the parts played
    and, once, when they reached its end. Only a video the lesson shows, for a trainee studying the
    course (else ``EnrolmentError``). It credits no study time: the server's clock does that."""
    import math

    from .models import VideoInfo, VideoPosition
    from .video import END_TOLERANCE_SECONDS, lesson_video_ids, merge_played, played_seconds

    now = now or timezone.now()
    if _studying_enrolment(user, lesson) is None:
        raise EnrolmentError(_("Enrol in this course to record your progress."))
    if document_id not in lesson_video_ids(lesson):
        raise EnrolmentError(_("This video is not part of this lesson."))
    duration = VideoInfo.objects.filter(document_id=document_id).values_list("duration_seconds", flat=True).first()
    position = position if math.isfinite(position) and position > 0 else 0.0
    if duration:
        position = min(position, duration)
    record, _created = VideoPosition.objects.select_for_update().get_or_create(
        user=user, lesson=lesson, document_id=document_id
    )
    record.position_seconds = position
    record.played = merge_played(record.played, played, duration=duration)
    record.watched_seconds = played_seconds(record.played)
    at_end = ended or (duration is not None and position >= duration - END_TOLERANCE_SECONDS)
    if at_end and record.ended_at is None:
        record.ended_at = now
    record.updated_at = now
    record.save()
    return record
