"""Reads of the notice board and the question board: who sees which notice and which question.

Every read runs a fixed number of queries, whatever the number of notices, questions, answers
or trainees. The rule for questions is one function, :func:`visible_questions`: the learner's
pages, the course page's link and the tests all ask it.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from courses.models import CoursePage, Enrolment, Sensitivity
from courses.permissions import policy_for

from .models import Notice, Question

SEE_ACTIONS = ["view", "change", "delete"]


def studying_run_ids(user, *, course=None) -> set[int]:
    """Ids of the runs the user studies in (active or completed), of one course or of any."""
    if user is None or not user.is_authenticated:
        return set()
    rows = Enrolment.objects.studying().filter(user=user)
    if course is not None:
        rows = rows.filter(run__course=course)
    return set(rows.values_list("run_id", flat=True))


def is_course_staff(user, course: CoursePage) -> bool:
    """Administrators and the staff of the institute whose tree holds ``course``."""
    if user is None or not user.is_authenticated:
        return False
    from courses.permissions import institute_for_path

    return user.is_superuser or institute_for_path(user, course.path) is not None


# --------------------------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------------------------


def visible_questions(user, course: CoursePage, *, run_ids: set[int] | None = None) -> QuerySet[Question]:
    """The questions of ``course`` the user may read on the learner's pages.

    The course's institute staff: all of them. Anyone else: their own, and the public questions
    of the runs they study in. Nobody else sees anything (anonymous: nothing)."""
    rows = Question.objects.filter(course=course)
    if is_course_staff(user, course):
        return rows
    if user is None or not user.is_authenticated:
        return rows.none()
    if run_ids is None:
        run_ids = studying_run_ids(user, course=course)
    return rows.filter(Q(asker=user) | Q(visibility=Question.Visibility.PUBLIC, run_id__in=run_ids))


def board_questions_query(user, course: CoursePage, *, run_ids: set[int] | None = None) -> QuerySet[Question]:
    """The learner's list: visible questions, newest first, with their asker and answer count."""
    return (
        visible_questions(user, course, run_ids=run_ids)
        .select_related("asker")
        .annotate(reply_count=Count("replies", filter=Q(replies__by_staff=True)))
        .order_by("-created_at", "-pk")
    )


def board_questions(user, course: CoursePage, *, run_ids: set[int] | None = None) -> list[Question]:
    return list(board_questions_query(user, course, run_ids=run_ids))


def thread(question: Question) -> list:
    """The question's answers and follow-ups, oldest first, with their authors (one query)."""
    return list(question.replies.select_related("author").order_by("created_at", "pk"))


def staff_inbox(user) -> QuerySet[Question]:
    """미답변: the waiting questions of the user's institutes, oldest first (through the policy)."""
    permitted = policy_for(Question).instances_user_has_any_permission_for(user, SEE_ACTIONS)
    return (
        permitted.filter(waiting_since__isnull=False)
        .select_related("asker", "course", "run")
        .order_by("waiting_since", "pk")
    )


def staff_inbox_count(user) -> int:
    return staff_inbox(user).count()


# --------------------------------------------------------------------------------------------
# Notices
# --------------------------------------------------------------------------------------------


def site_notices(*, limit: int | None = 5, now=None) -> list[Notice]:
    rows = Notice.objects.live(now).site_wide().board_order()
    return list(rows[:limit] if limit else rows)


def course_notices(
    user, course: CoursePage, *, run_ids: set[int] | None = None, is_staff: bool | None = None, now=None
) -> list[Notice]:
    """The course page's notices: the course's own, and those of the runs the user studies in
    (every run's, for the course's staff)."""
    condition = Q(run__isnull=True)
    if is_staff if is_staff is not None else is_course_staff(user, course):
        condition = Q()
    else:
        run_ids = studying_run_ids(user, course=course) if run_ids is None else run_ids
        if run_ids:
            condition |= Q(run_id__in=run_ids)
    return list(Notice.objects.live(now).filter(condition, course=course).select_related("run").board_order()[:10])


def learner_notices(user, *, limit: int = 10, now=None) -> list[Notice]:
    """/learn/: site-wide notices, and the notices of the person's courses (course-wide) and runs."""
    enrolments = Enrolment.objects.studying().filter(user=user)
    run_ids = enrolments.values("run_id")
    course_ids = enrolments.values("run__course_id")
    condition = Q(course__isnull=True) | Q(run_id__in=run_ids) | Q(run__isnull=True, course_id__in=course_ids)
    rows = Notice.objects.live(now).filter(condition).select_related("course", "run").board_order()
    # A restricted course's notices only for those who meet its conditions (asked once per such course).
    restricted_ids = set(
        enrolments.filter(run__course__sensitivity=Sensitivity.RESTRICTED).values_list("run__course_id", flat=True)
    )
    if restricted_ids:
        courses = CoursePage.objects.filter(pk__in=restricted_ids)
        closed = [course.pk for course in courses if restricted_refused(user, course, now=now)]
        rows = rows.exclude(course_id__in=closed)
    return list(rows[:limit])


def notice_visible(user, notice: Notice, *, now=None) -> bool:
    """Whether the notice's own page opens for the user, before the course's view restrictions
    (Wagtail's, asked by the view with the request) and a restricted course's conditions.

    A course's notice asks its course to be live; a members-only (or restricted) course's
    notice asks a signed-in user. The course's institute staff and administrators see every notice."""
    now = now or timezone.now()
    is_staff = notice.course_id is not None and is_course_staff(user, notice.course)
    if user is not None and user.is_authenticated and user.is_superuser:
        return True
    if is_staff:
        return True
    live = notice.published_at <= now and (notice.ends_at is None or notice.ends_at > now)
    if not live:
        return False
    if notice.course_id is None:
        return True
    course = notice.course
    if not course.live:
        return False
    if course.sensitivity != Sensitivity.PUBLIC and not (user is not None and user.is_authenticated):
        return False
    if notice.run_id is None:
        return True
    return notice.run_id in studying_run_ids(user, course=notice.course)


def restricted_refused(user, course: CoursePage, *, now=None) -> bool:
    """Whether a restricted course's material stays closed for ``user`` (a condition is missing and
    they are not its institute's staff): the course's notices and board are then not shown to them.
    Not restricted: False, asking nothing."""
    if course.sensitivity != Sensitivity.RESTRICTED:
        return False
    from courses.protection import is_owning_staff, restricted_refusal

    if is_owning_staff(user=user, course=course):
        return False
    return restricted_refusal(user=user, course=course, now=now or timezone.now()) is not None
