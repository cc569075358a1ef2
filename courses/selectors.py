"""Reads of the course domain: runs and seats, catalog queries, prerequisites, progress, staff lists.

Querysets and values only: page contexts and HTML are shaped in ``courses.presenters``, who may
study or download in ``courses.access``. Every read here runs a fixed number of queries, whatever
the number of courses, lessons, runs or enrolments.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import CharField, Count, Exists, F, Min, OuterRef, Q
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from .models import (
    COURSE_DEPTH,
    CoursePage,
    CourseRun,
    Enrolment,
    InstitutePage,
    LessonPage,
    LessonProgress,
)
from .permissions import policy_for, staff_institute_ids, staff_tree_scope, under_paths
from .progress_rule import course_percent, lesson_percent

# --------------------------------------------------------------------------------------------
# Runs and seats
# --------------------------------------------------------------------------------------------


SEATS_SECONDS = 30


def seats_cache_key(run_id: int) -> str:
    return f"academy:seats-taken:{run_id}"


def runs_with_seats(course_ids, *, today=None) -> list[CourseRun]:
    """Current runs of the given courses, each with ``seats_taken``.

    Seat counts are read from the cache (at most ``SEATS_SECONDS`` old; the enrolment services drop
    a run's count whenever a seat is taken or freed) and counted in one query for the runs missing
    there. They are for display: the services count seats afresh, under a lock, before deciding.
    """
    runs = list(
        CourseRun.objects.current(today).filter(course_id__in=course_ids).order_by("course_id", "starts_on", "pk")
    )
    if not runs:
        return runs
    cached = cache.get_many([seats_cache_key(run.pk) for run in runs])
    missing = [run.pk for run in runs if seats_cache_key(run.pk) not in cached]
    if missing:
        counted = dict(
            Enrolment.objects.filter(run_id__in=missing, status__in=Enrolment.SEAT_HOLDING)
            .values_list("run_id")
            .annotate(n=Count("pk"))
        )
        fresh = {seats_cache_key(pk): counted.get(pk, 0) for pk in missing}
        cache.set_many(fresh, SEATS_SECONDS)
        cached.update(fresh)
    for run in runs:
        run.seats_taken = cached[seats_cache_key(run.pk)]
    return runs


def seats_left(run: CourseRun) -> int | None:
    """Free seats of a run annotated by ``runs_with_seats`` (None: no limit)."""
    if run.capacity is None:
        return None
    return max(0, run.capacity - run.seats_taken)


# --------------------------------------------------------------------------------------------
# Catalog
# --------------------------------------------------------------------------------------------


def sort_courses(courses, sort: str):
    """Courses in the catalog's ``sort`` order; "starting" puts courses without an upcoming run last."""
    if sort == "title":
        return courses.order_by("title", "pk")
    if sort == "starting":
        first_start = Min("runs__starts_on", filter=Q(runs__starts_on__gt=timezone.localdate()))
        return courses.annotate(first_start=first_start).order_by(F("first_start").asc(nulls_last=True), "title", "pk")
    return courses.order_by("-first_published_at", "-pk")


def search_courses(queryset, query: str):
    """Substring search over Korean and English titles and summaries, every word required.

    Korean has no spaces inside compounds (군용드론), so word-based full-text search misses
    partial words; substring matching finds 정비 in 군용드론 정비 실무 and 드론 in 군용드론, and
    behaves the same on PostgreSQL and SQLite.
    """
    for term in query.split()[:8]:
        queryset = queryset.filter(
            Q(title__icontains=term)
            | Q(title_en__icontains=term)
            | Q(summary__icontains=term)
            | Q(summary_en__icontains=term)
        )
    return queryset


# --------------------------------------------------------------------------------------------
# Enrolment
# --------------------------------------------------------------------------------------------


def waitlist_position(enrolment: Enrolment) -> int:
    return (
        Enrolment.objects.filter(
            run_id=enrolment.run_id,
            status=Enrolment.Status.WAITLISTED,
        )
        .filter(
            Q(waitlisted_at__lt=enrolment.waitlisted_at) | Q(waitlisted_at=enrolment.waitlisted_at, pk__lt=enrolment.pk)
        )
        .count()
        + 1
    )


def missing_prerequisites(*, user, course: CoursePage, prerequisites: list[CoursePage]) -> list[CoursePage]:
    """Prerequisite courses the user has not completed yet (all of them for anonymous users)."""
    if not prerequisites:
        return []
    if not user.is_authenticated:
        return list(prerequisites)
    done = set(
        Enrolment.objects.filter(
            user=user, status=Enrolment.Status.COMPLETED, run__course_id__in=[p.pk for p in prerequisites]
        ).values_list("run__course_id", flat=True)
    )
    return [p for p in prerequisites if p.pk not in done]


# --------------------------------------------------------------------------------------------
# Progress
# --------------------------------------------------------------------------------------------


def next_lesson_after(*, lesson: LessonPage) -> LessonPage | None:
    return LessonPage.objects.live().descendant_of(lesson.course).filter(path__gt=lesson.path).order_by("path").first()


def completed_lesson_ids(enrolment: Enrolment | None) -> set[int]:
    if enrolment is None:
        return set()
    return set(
        LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).values_list(
            "lesson_id", flat=True
        )
    )


def continue_lesson(lessons: list[LessonPage], done: set[int]) -> LessonPage | None:
    """The first lesson not completed yet, else the first lesson."""
    return next((lesson for lesson in lessons if lesson.pk not in done), lessons[0] if lessons else None)


def funded_lesson_percents(enrolment: Enrolment) -> dict[int, int]:
    """p of every required live 차시 of a funded run's course for one trainee (lesson id → 0–100),
    in syllabus order; two queries."""
    lessons = (
        LessonPage.objects.live()
        .descendant_of(enrolment.run.course)
        .filter(required=True)
        .order_by("path")
        .only("id", "study_minutes", "final_activity_required")
    )
    rows = {
        row.lesson_id: row
        for row in LessonProgress.objects.filter(enrolment=enrolment).only(
            "lesson_id", "seconds_studied", "final_activity_at"
        )
    }
    return {
        lesson.pk: lesson_percent(
            credited_seconds=rows[lesson.pk].seconds_studied if lesson.pk in rows else 0,
            study_minutes=lesson.study_minutes,
            final_activity_done=lesson.pk in rows and rows[lesson.pk].final_activity_at is not None,
            final_required=lesson.final_activity_required,
        )
        for lesson in lessons
    }


def funded_progress_percent(enrolment: Enrolment) -> int:
    """진도율 of a funded run by the 2026 rule: floor(Σ p / N_required) (``courses.progress_rule``)."""
    percents = funded_lesson_percents(enrolment)
    return course_percent(percents.values(), len(percents))


def studying_enrolment(*, user, course: CoursePage) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return (
        Enrolment.objects.studying()
        .filter(user=user, run__course=course)
        .select_related("run")
        .order_by("-created_at")
        .first()
    )


# --------------------------------------------------------------------------------------------
# Staff views
# --------------------------------------------------------------------------------------------


def staff_institutes(user) -> list[InstitutePage]:
    if user.is_superuser:
        return list(InstitutePage.objects.order_by("title"))
    return list(InstitutePage.objects.filter(pk__in=staff_institute_ids(user)).order_by("title"))


def staff_courses(user):
    """Courses (live or not) of the institutes the user works for."""
    institutes = staff_institutes(user)
    if not institutes:
        return CoursePage.objects.none()
    scope = under_paths([institute.path for institute in institutes])
    return CoursePage.objects.filter(scope, depth=COURSE_DEPTH).order_by("title")


def staff_runs(user):
    """Runs the user may manage: those of their institutes' courses (every run for administrators)."""
    return policy_for(CourseRun).instances_user_has_permission_for(user, "change").select_related("course")


ENROLMENT_FILTER_STATUSES = [choice for choice, _label in Enrolment.Status.choices]


def run_enrolments(*, run: CourseRun, status: str = "", query: str = ""):
    enrolments = Enrolment.objects.filter(run=run).select_related("user").order_by("status", "user__name_ko", "pk")
    if status in ENROLMENT_FILTER_STATUSES:
        enrolments = enrolments.filter(status=status)
    if query:
        enrolments = enrolments.filter(
            Q(user__email__icontains=query) | Q(user__name_ko__icontains=query) | Q(user__name_en__icontains=query)
        )
    return enrolments


def pending_requests(user):
    return (
        Enrolment.objects.filter(status=Enrolment.Status.PENDING, run__in=staff_runs(user))
        .select_related("user", "run__course")
        .order_by("created_at", "pk")
    )


# --------------------------------------------------------------------------------------------
# Staff dashboard (the admin's home panels: ``courses.admin_panels``)
# --------------------------------------------------------------------------------------------


def pages_awaiting_review(user):
    """Pages of the user's institutes submitted for review and not decided yet, oldest first."""
    in_review = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    pages = Page.objects.filter(Exists(in_review))
    scope = staff_tree_scope(user)
    if scope is not None:
        pages = pages.filter(scope)
    return pages.only("id", "title", "path", "depth").order_by("latest_revision_created_at", "pk")


def runs_starting_soon(user, *, days: int = 14, today=None):
    """Runs of the user's institutes that start within ``days``, with their seats taken and requests."""
    today = today or timezone.localdate()
    return (
        staff_runs(user)
        .filter(starts_on__gte=today, starts_on__lte=today + datetime.timedelta(days=days))
        .annotate(
            seats_taken=Count("enrolments", filter=Q(enrolments__status__in=Enrolment.SEAT_HOLDING)),
            requests_waiting=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.PENDING)),
        )
        .order_by("starts_on", "pk")
    )
