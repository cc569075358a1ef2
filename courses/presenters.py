"""Page presenters of the course domain: the contexts of the catalog, course, lesson and /learn/
pages, shaped for their templates (and the catalog's HTML, rendered once for everyone).

They read through ``courses.selectors`` and ask ``courses.access`` who may study; they write nothing.
Every page runs a fixed number of queries, whatever the number of courses, lessons, runs or
enrolments (tests count them at two data sizes).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .access import may_study
from .classroom import FundedClassroom, funded_classroom, funded_classrooms
from .completion import effective_delivery_mode, missing, missing_for, requires_attendance
from .gates import lesson_percent_of
from .models import (
    COURSE_DEPTH,
    Category,
    CourseIndexPage,
    CoursePage,
    CourseRun,
    DeliveryMode,
    Enrolment,
    EnrolmentEvent,
    EnrolmentPolicy,
    InstitutePage,
    LessonPage,
    LessonProgress,
    Level,
    ModulePage,
)
from .permissions import under_paths
from .selectors import (
    completed_lesson_ids,
    continue_lesson,
    missing_prerequisites,
    runs_with_seats,
    search_courses,
    seats_left,
    sort_courses,
    studying_enrolment,
    waitlist_position,
)

#: How often the lesson page reports that it is on screen (see ``services.progress_heartbeat``).
HEARTBEAT_SECONDS = 15

# --------------------------------------------------------------------------------------------
# Catalog
# --------------------------------------------------------------------------------------------

FILTERS = {
    "category": Category,
    "level": Level,
    "delivery": DeliveryMode,
}

#: The catalog's orders (``?sort=``): the first is the default; anything else falls back to it.
SORTS = {
    "newest": _("Newest"),
    "starting": _("Starting soon"),
    "title": _("By title"),
}


@dataclass
class CatalogCard:
    """A course card. ``next_run`` (다음 차수) has not started yet; when the course has none,
    ``running_run`` is a run under way that still takes enrolments. ``seats_left`` is the shown run's."""

    course: CoursePage
    institute: InstitutePage | None
    next_run: CourseRun | None
    seats_left: int | None
    running_run: CourseRun | None = None


def course_cards(courses: list[CoursePage], *, institutes: list[InstitutePage] | None = None) -> list[CatalogCard]:
    """Cards for a list of courses: their institute, next run and seats left, in two queries at most."""
    if institutes is None:
        parent_paths = {course.path[: -course.steplen] for course in courses}
        institutes = list(InstitutePage.objects.filter(path__in=parent_paths)) if parent_paths else []
    by_path = {institute.path: institute for institute in institutes}
    today = timezone.localdate()
    upcoming: dict[int, CourseRun] = {}
    running: dict[int, CourseRun] = {}
    if courses:
        for run in runs_with_seats([c.pk for c in courses], today=today):
            if run.starts_on > today:
                upcoming.setdefault(run.course_id, run)
            elif run.enrolment_is_open():
                running.setdefault(run.course_id, run)
    cards = []
    for course in courses:
        run = upcoming.get(course.pk)
        under_way = None if run else running.get(course.pk)
        shown = run or under_way
        cards.append(
            CatalogCard(
                course=course,
                institute=by_path.get(course.path[: -course.steplen]),
                next_run=run,
                running_run=under_way,
                seats_left=seats_left(shown) if shown else None,
            )
        )
    return cards


CATALOG_SECONDS = 60


def catalog_html(*, catalog: CourseIndexPage, request, page_size: int) -> str:
    """The catalog's filters, cards and pages, the same for everyone: rendered once a minute per
    query and language (and again at once after any page is published), then served from the
    cache to logged-in visitors too (anonymous ones get the whole page from ``pagecache.middleware``)."""
    from pagecache.generation import GENERATION_KEY

    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    raw = f"{catalog.pk}|{sorted(request.GET.items())}|{get_language()}|{generation}"
    key = "academy:catalog:" + hashlib.sha256(raw.encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        context = catalog_page(catalog=catalog, params=request.GET, page_size=page_size)
        html = render_to_string("courses/includes/catalog_results.html", {**context, "page": catalog}, request=request)
        cache.set(key, html, CATALOG_SECONDS)
    return mark_safe(html)  # noqa: S308 - our own template's output


def catalog_page(*, catalog: CourseIndexPage, params, page_size: int) -> dict:
    """The catalog's context: filter options, the current filters, a page of course cards."""
    institutes = list(InstitutePage.objects.live().child_of(catalog).order_by("title"))
    courses = CoursePage.objects.live().descendant_of(catalog).select_related("banner_image")

    selected: dict[str, str] = {}
    institute_slug = (params.get("institute") or "").strip()
    institute = next((i for i in institutes if i.slug == institute_slug), None)
    if institute is not None:
        courses = courses.descendant_of(institute)
        selected["institute"] = institute.slug
    for name, choices in FILTERS.items():
        value = (params.get(name) or "").strip()
        if value in choices.values:
            courses = courses.filter(**{"delivery_mode" if name == "delivery" else name: value})
            selected[name] = value
    query = " ".join((params.get("q") or "").split())[:100]
    if query:
        courses = search_courses(courses, query)

    sort = (params.get("sort") or "").strip()
    if sort not in SORTS:
        sort = next(iter(SORTS))
    else:
        selected["sort"] = sort
    paginator = Paginator(sort_courses(courses, sort), page_size)
    try:
        number = int(params.get("page") or 1)
    except (TypeError, ValueError):
        number = 1
    if not 1 <= number <= paginator.num_pages:
        number = 1
    page = paginator.page(number)
    page_courses = list(page.object_list)

    cards = course_cards(page_courses, institutes=institutes)

    query_without_page = {k: v for k, v in {**selected, "q": query}.items() if v}
    return {
        "cards": cards,
        "page_obj": page,
        "paginator": paginator,
        "institutes": institutes,
        "categories": Category.choices,
        "levels": Level.choices,
        "delivery_modes": DeliveryMode.choices,
        "selected": selected,
        "sort": sort,
        "sorts": list(SORTS.items()),
        "query": query,
        "query_without_page": query_without_page,
    }


# --------------------------------------------------------------------------------------------
# Course page
# --------------------------------------------------------------------------------------------


@dataclass
class SyllabusItem:
    page: ModulePage | LessonPage
    is_module: bool
    number: int | None = None
    is_other: bool = False

    @property
    def is_lesson(self) -> bool:
        return not (self.is_module or self.is_other)

    @property
    def kind(self) -> str:
        """What an other page is (quiz, …), in the current language."""
        return self.page.specific_class._meta.verbose_name


def syllabus(course: CoursePage) -> list[SyllabusItem]:
    """Modules, lessons and other course pages (such as quizzes, from other apps) in tree order;
    lessons numbered 1, 2, … across modules (차시)."""
    modules = ModulePage.objects.live().child_of(course).only("id", "title", "title_en", "path", "depth")
    lessons = (
        LessonPage.objects.live()
        .descendant_of(course)
        .only("id", "title", "title_en", "path", "depth", "url_path", "study_minutes", "required", "slug")
    )
    others = Page.objects.live().descendant_of(course).not_type(LessonPage, ModulePage).specific()
    items = [SyllabusItem(page=m, is_module=True) for m in modules]
    items += [SyllabusItem(page=lesson, is_module=False) for lesson in lessons]
    items += [SyllabusItem(page=other, is_module=False, is_other=True) for other in others]
    items.sort(key=lambda item: item.page.path)
    number = 0
    for item in items:
        if item.is_lesson:
            number += 1
            item.number = number
    return items


@dataclass
class EnrolAction:
    """What the enrol button of one run offers this user."""

    kind: str
    run: CourseRun
    delivery_mode: str = ""  # the run's own, or its course's (``completion.effective_delivery_mode``)
    enrolment: Enrolment | None = None
    seats_left: int | None = None
    waitlist_position: int | None = None
    missing: list[CoursePage] = field(default_factory=list)


def enrol_action(
    *,
    user,
    course: CoursePage,
    run: CourseRun,
    enrolment: Enrolment | None,
    missing_prerequisites: list[CoursePage],
    now=None,
) -> EnrolAction:
    """The one place that decides the state of an enrol button (the services enforce the same rules)."""
    left = seats_left(run)
    action = EnrolAction(
        kind="",
        run=run,
        delivery_mode=DeliveryMode(effective_delivery_mode(run)).label,
        enrolment=enrolment,
        seats_left=left,
        missing=missing_prerequisites,
    )
    status = enrolment.status if enrolment else None
    if status in (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED):
        action.kind = "continue" if status == Enrolment.Status.ACTIVE else "completed"
    elif status == Enrolment.Status.PENDING:
        action.kind = "pending"
    elif status == Enrolment.Status.INVITED:
        action.kind = "invited"
    elif status == Enrolment.Status.WAITLISTED:
        action.kind = "waitlisted"
        action.waitlist_position = waitlist_position(enrolment)
    elif status == Enrolment.Status.REMOVED:
        action.kind = "removed"
    elif not user.is_authenticated:
        action.kind = "login"
    elif not run.enrolment_is_open(now):
        action.kind = "closed"
    elif course.enrolment_policy == EnrolmentPolicy.INVITATION:
        action.kind = "invitation_only"
    elif missing_prerequisites:
        action.kind = "not_eligible"
    elif course.enrolment_policy == EnrolmentPolicy.APPROVAL:
        action.kind = "request"  # approved requests wait for a seat when the run is full
    elif left == 0:
        action.kind = "waitlist"
    else:
        action.kind = "enrol"
    return action


STRUCTURE_SECONDS = 3600


def course_structure(course: CoursePage | None = None, *, path: str | None = None) -> dict:
    """What every visitor of a course sees the same: the course page itself, its institute,
    syllabus, prerequisites and instructors.

    Found by the course or by its tree ``path`` (a lesson knows its course's path without a query)
    and cached under the page-tree generation (``pagecache.generation``), which any saved, published,
    moved or deleted page renews: one cache read replaces seven queries.
    """
    from pagecache.generation import current_generation

    known = getattr(course, "academy_structure", None)  # read once per request (the same instance)
    if known is not None:
        return known
    path = course.path if course is not None else path
    key = f"academy:course-structure:v3:{path}:{current_generation()}"
    structure = cache.get(key)
    if structure is None:
        if course is None:
            course = CoursePage.objects.get(path=path)
        institute = InstitutePage.objects.get(path=course.path[: -course.steplen])
        items = syllabus(course)
        lessons = [item.page for item in items if item.is_lesson]
        structure = {
            "cache_key": key,
            "course": course,
            "institute": institute,
            "catalog_url": (institute.get_url() or "/").rstrip("/").rsplit("/", 1)[0] + "/",
            "syllabus": items,
            "lessons": lessons,
            # Links to the course and its lessons, made once per page-tree generation. ``get_url()``
            # without the request reads Wagtail's cached site root paths and needs no query (with the
            # request it looks up the request's site, one query per page view): relative links on a
            # single-site Academy, absolute ones where several sites share the tree — right either way.
            "urls": {page.pk: page.get_url() for page in [course, *lessons]},
            "prerequisites": [link.prerequisite for link in course.prerequisite_links.select_related("prerequisite")],
            "instructors": list(course.instructor_links.select_related("user")),
        }
        cache.set(key, structure, STRUCTURE_SECONDS)
    for page in (course, structure["course"]):
        if page is not None:
            page.academy_structure = structure
            # CoursePage.institute is a cached_property: assigning it is Django's documented way to
            # give it its value, and spares the ancestor query.
            page.institute = structure["institute"]
    return structure


def course_page_context(*, course: CoursePage, user) -> dict:
    structure = course_structure(course)
    institute = structure["institute"]
    course.institute = institute  # spare the ancestor query wherever the course's institute is read
    items = structure["syllabus"]
    lessons = structure["lessons"]
    prerequisites = structure["prerequisites"]
    prerequisites_missing = missing_prerequisites(user=user, course=course, prerequisites=prerequisites)
    runs = list(runs_with_seats([course.pk]))
    for run in runs:
        run.course = course
    enrolments = {}
    if user.is_authenticated:
        enrolments = {e.run_id: e for e in Enrolment.objects.filter(user=user, run__course=course)}
    actions = [
        enrol_action(
            user=user,
            course=course,
            run=run,
            enrolment=enrolments.get(run.pk),
            missing_prerequisites=prerequisites_missing,
        )
        for run in runs
    ]
    studying = next(
        (e for e in enrolments.values() if e.status in (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)), None
    )
    done = completed_lesson_ids(studying)
    resume = continue_lesson(lessons, done)
    completion_missing = []
    studying_run = next((run for run in runs if studying and run.pk == studying.run_id), None)
    if studying is not None and studying.status == Enrolment.Status.ACTIVE:
        studying.run = studying_run or CourseRun.objects.get(pk=studying.run_id)
        studying.run.course = course
        studying_run = studying.run
        completion_missing = [item.label for item in missing(studying)]
    # The rule of the trainee's own run; else of the runs on offer (a run added later follows the
    # course's mode unless it sets its own).
    rule_runs = [studying_run] if studying_run else runs or [CourseRun(course=course)]
    return {
        "catalog_url": structure["catalog_url"],
        "continue_url": resume.get_url() if resume else "",
        "completed_lesson_ids": done,
        "completion_missing": completion_missing,
        "attendance_required": any(requires_attendance(run) for run in rule_runs),
        "institute": institute,
        "syllabus": items,
        "syllabus_key": structure["cache_key"],
        "lesson_count": len(lessons),
        "total_minutes": sum(lesson.study_minutes for lesson in lessons),
        "first_lesson": lessons[0] if lessons else None,
        "instructors": structure["instructors"],
        "prerequisites": prerequisites,
        "missing_prerequisites": prerequisites_missing,
        "enrol_actions": actions,
        "current_enrolment": studying,
        "can_study": may_study(user=user, course=course, enrolment=studying),
        "today": timezone.localdate(),
    }


# --------------------------------------------------------------------------------------------
# Lesson page
# --------------------------------------------------------------------------------------------


def lesson_page_context(*, lesson: LessonPage, user, enrolment: Enrolment | None = None) -> dict:
    course = lesson.course
    structure = course_structure(course)
    items = structure["syllabus"]
    lessons = structure["lessons"]
    index = next((i for i, page in enumerate(lessons) if page.pk == lesson.pk), None)
    previous_lesson = lessons[index - 1] if index else None
    next_lesson = lessons[index + 1] if index is not None and index + 1 < len(lessons) else None
    if index is not None:
        number = index + 1
    else:  # a draft or preview: not in the live syllabus; numbered where it will stand
        number = sum(1 for page in lessons if page.path < lesson.path) + 1
    if enrolment is None:
        enrolment = studying_enrolment(user=user, course=course)
    progress, done = None, set()
    if enrolment is not None:
        for row in LessonProgress.objects.filter(enrolment=enrolment):
            if row.lesson_id == lesson.pk:
                progress = row
            if row.completed_at is not None:
                done.add(row.lesson_id)
    studying = enrolment is not None and enrolment.status == Enrolment.Status.ACTIVE
    funded = enrolment is not None and enrolment.run.is_funded
    return {
        "funded": funded,
        "classroom": funded_classroom(enrolment) if funded else None,
        "lesson_percent": lesson_percent_of(progress, lesson) if funded else None,
        "reached_end": bool(progress and progress.final_activity_at),
        "enrolment": enrolment,
        "progress": progress,
        "completed_lesson_ids": done,
        "lesson_progress_panel": enrolment is not None,
        "heartbeat_url": reverse("courses:heartbeat", args=[lesson.pk]) if studying else "",
        "heartbeat_seconds": HEARTBEAT_SECONDS,
        "studied_minutes": (progress.seconds_studied // 60) if progress else 0,
        "studied_seconds": min(progress.seconds_studied if progress else 0, lesson.study_minutes * 60),
        "required_seconds": lesson.study_minutes * 60,
        "seconds_left": max(0, lesson.study_minutes * 60 - (progress.seconds_studied if progress else 0)),
        "can_complete": studying and (progress.seconds_studied if progress else 0) >= lesson.study_minutes * 60,
        "video_state": lesson_video_state(lesson=lesson, user=user, studying=studying),
        "course": course,
        "syllabus": items,
        "syllabus_key": structure["cache_key"],
        "lesson_number": number,
        "syllabus_lesson_count": len(lessons),
        "previous_lesson": previous_lesson,
        "next_lesson": next_lesson,
        "course_url": structure["urls"].get(course.pk) or "",
        "previous_url": structure["urls"].get(previous_lesson.pk) if previous_lesson else "",
        "next_url": structure["urls"].get(next_lesson.pk) if next_lesson else "",
        "now": timezone.now(),
    }


def lesson_video_state(*, lesson: LessonPage, user, studying: bool) -> dict:
    """What the lesson's players need (``blocks.VideoBlock`` reads its own entry): per uploaded
    video its length, poster, where this trainee stopped and the URL that stores the position; and
    the lesson's "watched mm:ss / total mm:ss". Two queries, however many videos."""
    from .models import VideoInfo, VideoPosition
    from .video import last_video_ids, mmss, video_blocks

    ids = list(dict.fromkeys(b.value["file"].pk for b in [*video_blocks(lesson.body), *video_blocks(lesson.body_en)]))
    if not ids:
        return {"videos": {}, "ids": []}
    infos = {info.document_id: info for info in VideoInfo.objects.filter(document_id__in=ids)}
    positions = {}
    if getattr(user, "is_authenticated", False):
        positions = {
            p.document_id: p for p in VideoPosition.objects.filter(user=user, lesson_id=lesson.pk, document_id__in=ids)
        }
    videos = {}
    last = last_video_ids(lesson)
    for document_id in ids:
        info, position = infos.get(document_id), positions.get(document_id)
        ready = info is not None and info.state == VideoInfo.State.READY
        videos[document_id] = {
            "duration": info.duration_seconds if ready else None,
            "poster_url": reverse("courses:video_poster", args=[document_id]) if ready and info.poster else "",
            "playable": ready and info.browser_playable,
            "state": info.state if info else "",
            "resume": position.position_seconds if position and not position.ended_at else 0,
            "watched": position.watched_seconds if position else 0,
            "position_url": reverse("courses:video_position", args=[lesson.pk, document_id]) if studying else "",
            "last": document_id in last,
        }
    main = list(videos.values())
    total = sum(v["duration"] or 0 for v in main)
    watched = sum(min(v["watched"], v["duration"] or v["watched"]) for v in main)
    return {"videos": videos, "ids": ids, "total": mmss(total), "watched": mmss(watched), "known": total > 0}


# --------------------------------------------------------------------------------------------
# 나의 강의실 (/learn/) and enrolment messages
# --------------------------------------------------------------------------------------------


def enrolment_status_message(enrolment: Enrolment) -> str:
    messages_by_status = {
        Enrolment.Status.ACTIVE: gettext("You are enrolled. You can start studying now."),
        Enrolment.Status.PENDING: gettext("Your request was sent. The institute will approve or reject it."),
        Enrolment.Status.WAITLISTED: gettext("The run is full: you are on the waitlist, number %(position)s."),
        Enrolment.Status.COMPLETED: gettext("You have completed this course."),
    }
    message = messages_by_status.get(enrolment.status, enrolment.get_status_display())
    if enrolment.status == Enrolment.Status.WAITLISTED:
        message = message % {"position": waitlist_position(enrolment)}
    return message


@dataclass
class DashboardEntry:
    enrolment: Enrolment
    course: CoursePage
    continue_lesson: LessonPage | None = None
    waitlist_position: int | None = None
    reason: str = ""
    missing: list = field(default_factory=list)
    classroom: FundedClassroom | None = None  # funded runs: the 차시 table, 평가 and 수료 조건 현황


def learn_dashboard(*, user) -> dict:
    """나의 강의실 for one trainee, in a fixed number of queries however many enrolments they have."""
    enrolments = list(Enrolment.objects.for_user(user).select_related("run__course").order_by("-created_at", "-pk"))
    entries = [DashboardEntry(enrolment=e, course=e.run.course) for e in enrolments]
    by_status: dict[str, list[DashboardEntry]] = {}
    for entry in entries:
        by_status.setdefault(entry.enrolment.status, []).append(entry)

    active = by_status.get(Enrolment.Status.ACTIVE, [])
    if active:
        course_filter = under_paths([entry.course.path for entry in active])
        lessons = list(
            LessonPage.objects.live()
            .filter(course_filter, depth__gt=COURSE_DEPTH)
            .order_by("path")
            .only("id", "path", "title", "title_en", "url_path")
        )
        done = set(
            LessonProgress.objects.filter(
                enrolment__in=[e.enrolment for e in active], completed_at__isnull=False
            ).values_list("enrolment_id", "lesson_id")
        )
        missing = missing_for([entry.enrolment for entry in active])
        for entry in active:
            course_lessons = [lesson for lesson in lessons if lesson.path.startswith(entry.course.path)]
            entry.continue_lesson = continue_lesson(
                course_lessons, {lesson_id for enrolment_id, lesson_id in done if enrolment_id == entry.enrolment.pk}
            )
            entry.missing = missing[entry.enrolment.pk]
        classrooms = funded_classrooms([entry.enrolment for entry in active])
        for entry in active:
            entry.classroom = classrooms.get(entry.enrolment.pk)
            if entry.classroom and entry.continue_lesson and not entry.classroom.may_open(entry.continue_lesson.pk):
                # No button to a 차시 that answers 403 today (daily cap, unlock rule): its row says why.
                entry.continue_lesson = None

    waitlisted = by_status.get(Enrolment.Status.WAITLISTED, [])
    if waitlisted:
        queue = (
            Enrolment.objects.filter(
                run_id__in=[e.enrolment.run_id for e in waitlisted], status=Enrolment.Status.WAITLISTED
            )
            .order_by("run_id", "waitlisted_at", "pk")
            .values_list("run_id", "pk")
        )
        positions: dict[int, int] = {}
        counters: dict[int, int] = {}
        for run_id, pk in queue:
            counters[run_id] = counters.get(run_id, 0) + 1
            positions[pk] = counters[run_id]
        for entry in waitlisted:
            entry.waitlist_position = positions.get(entry.enrolment.pk)

    ended = [e for e in entries if e.enrolment.status in (Enrolment.Status.REJECTED, Enrolment.Status.REMOVED)]
    if ended:
        reasons = {}
        for event in EnrolmentEvent.objects.filter(
            enrolment__in=[e.enrolment for e in ended],
            to_status__in=[Enrolment.Status.REJECTED, Enrolment.Status.REMOVED],
        ).order_by("created_at"):
            reasons[event.enrolment_id] = event.reason
        for entry in ended:
            entry.reason = reasons.get(entry.enrolment.pk, "")

    return {
        "active": active,
        "requests": by_status.get(Enrolment.Status.PENDING, []) + by_status.get(Enrolment.Status.INVITED, []),
        "waitlisted": waitlisted,
        "completed": by_status.get(Enrolment.Status.COMPLETED, []),
        "ended": ended,
    }


# --------------------------------------------------------------------------------------------
# 수료 판정 of a funded run (the staff screen ``course_runs:completion``)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CompletionDecisionRow:
    """One trainee of a funded run: the decision, what is missing, and the overrides of it."""

    enrolment: Enrolment
    completed: bool
    missing: list[str]
    overrides: list[EnrolmentEvent]


@dataclass(frozen=True)
class CompletionDecisions:
    run: CourseRun
    grading_deadline: object  # datetime.date | None
    final: bool
    rows: list[CompletionDecisionRow]


def completion_decisions(*, run: CourseRun, now=None) -> CompletionDecisions:
    """The run's studying and completed trainees with their 수료 decision, the unmet requirements
    (``completion.missing_for``, one batch) and every override (who, when, old → new, why); whether
    the decisions are final (the grading deadline has passed, ``funding.decision_is_final``)."""
    from .funding import decision_is_final, grading_deadline

    enrolments = list(
        Enrolment.objects.filter(run=run, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED])
        .select_related("user", "run__course")
        .order_by("user__name_ko", "pk")
    )
    unmet = missing_for(enrolments)
    overrides: dict[int, list[EnrolmentEvent]] = {}
    for event in (
        EnrolmentEvent.objects.filter(enrolment__in=enrolments, is_override=True)
        .select_related("actor")
        .order_by("created_at", "pk")
    ):
        overrides.setdefault(event.enrolment_id, []).append(event)
    return CompletionDecisions(
        run=run,
        grading_deadline=grading_deadline(run),
        final=decision_is_final(run, now),
        rows=[
            CompletionDecisionRow(
                enrolment=enrolment,
                completed=enrolment.status == Enrolment.Status.COMPLETED,
                missing=[item.label for item in unmet.get(enrolment.pk, [])],
                overrides=overrides.get(enrolment.pk, []),
            )
            for enrolment in enrolments
        ],
    )


def restricted_watermark(request, lesson: LessonPage, event) -> str:
    """The overlay text of a restricted lesson (F3.7): the viewer's masked name, organisations, the
    time and the id of the lesson's "view" access-log entry ``event``. The lesson page view passes
    it as ``watermark``; the template lays it over the lesson and over every video (a moving
    overlay, ``.watermark`` in ``static/css/academy.css``, no script)."""
    from .protection import watermark_text

    del lesson  # the event names the lesson; kept in the signature for the view that calls it
    return watermark_text(user=request.user, event=event, now=timezone.now())


def funded_personal_data_context(*, run: CourseRun, form, user) -> dict:
    """The personal-data step of a funded enrolment: the texts exactly as their hashes are recorded
    (``accounts.policies.CONSENT_TEXTS``, in the reader's language), the form, and whether the step
    was done before (entering the number again replaces it)."""
    from accounts.models import ResidentNumber
    from accounts.policies import CONSENT_TEXTS, FUNDED_CONSENTS

    language = "en" if (get_language() or "ko").startswith("en") else "ko"
    stored = ResidentNumber.objects.filter(user=user).only("created_at").first()
    return {
        "run": run,
        "course": run.course,
        "form": form,
        # Rendered from the Academy's own templates: trusted markup, no user input.
        "texts": [mark_safe(CONSENT_TEXTS[kind].render(language)) for kind in FUNDED_CONSENTS],  # noqa: S308
        "stored_at": stored.created_at if stored else None,
    }
