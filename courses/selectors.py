"""Reads of the course domain: catalog, course and lesson pages, who may study what.

Every page-level read here runs a fixed number of queries, whatever the number of courses,
lessons, runs or enrolments (tests count them at two data sizes).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    Category,
    CourseIndexPage,
    CoursePage,
    CourseRun,
    DeliveryMode,
    Enrolment,
    EnrolmentPolicy,
    InstitutePage,
    LessonPage,
    Level,
    ModulePage,
)
from .permissions import (
    institute_of_collection,
    policy_for,
    staff_institute_ids,
    staff_tree_scope,
    under_paths,
    user_is_institute_staff,
)

#: How often the lesson page reports that it is on screen (see ``services.progress_heartbeat``).
HEARTBEAT_SECONDS = 15

# --------------------------------------------------------------------------------------------
# Who may do what (the roles themselves: ``courses.permissions``)
# --------------------------------------------------------------------------------------------


def study_access(*, user, course: CoursePage):
    """(may study, the studying enrolment or None): enrolled trainees, or the institute's staff."""
    if not user.is_authenticated:
        return False, None
    enrolment = Enrolment.objects.studying().filter(user=user, run__course=course).order_by("-created_at").first()
    if enrolment is not None:
        return True, enrolment
    return user_is_institute_staff(user=user, institute=course.institute), None


def user_can_study(*, user, course: CoursePage) -> bool:
    """Enrolled trainees (studying or completed) and the course's institute staff open its lessons."""
    if not user.is_authenticated:
        return False
    if Enrolment.objects.studying().filter(user=user, run__course=course).exists():
        return True
    return user_is_institute_staff(user=user, institute=course.institute)


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
    from django.core.cache import cache

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


def _sorted_courses(courses, sort: str):
    """Courses in the catalog's ``sort`` order; "starting" puts courses without an upcoming run last."""
    if sort == "title":
        return courses.order_by("title", "pk")
    if sort == "starting":
        from django.db.models import F, Min

        first_start = Min("runs__starts_on", filter=Q(runs__starts_on__gt=timezone.localdate()))
        return courses.annotate(first_start=first_start).order_by(F("first_start").asc(nulls_last=True), "title", "pk")
    return courses.order_by("-first_published_at", "-pk")


@dataclass
class CatalogCard:
    """A course card. ``next_run`` (다음 차수) has not started yet; when the course has none,
    ``running_run`` is a run under way that still takes enrolments. ``seats_left`` is the shown run's."""

    course: CoursePage
    institute: InstitutePage | None
    next_run: CourseRun | None
    seats_left: int | None
    running_run: CourseRun | None = None


def _search(queryset, query: str):
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
    cache to logged-in visitors too (anonymous ones get the whole page from ``home.middleware``)."""
    import hashlib

    from django.core.cache import cache
    from django.template.loader import render_to_string
    from django.utils.translation import get_language

    from home.middleware import GENERATION_KEY

    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    raw = f"{catalog.pk}|{sorted(request.GET.items())}|{get_language()}|{generation}"
    key = "academy:catalog:" + hashlib.sha256(raw.encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        context = catalog_page(catalog=catalog, params=request.GET, page_size=page_size)
        html = render_to_string("courses/includes/catalog_results.html", {**context, "page": catalog}, request=request)
        cache.set(key, html, CATALOG_SECONDS)
    from django.utils.safestring import mark_safe

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
        courses = _search(courses, query)

    sort = (params.get("sort") or "").strip()
    if sort not in SORTS:
        sort = next(iter(SORTS))
    else:
        selected["sort"] = sort
    paginator = Paginator(_sorted_courses(courses, sort), page_size)
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
    from wagtail.models import Page

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
    action = EnrolAction(kind="", run=run, enrolment=enrolment, seats_left=left, missing=missing_prerequisites)
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


STRUCTURE_SECONDS = 3600


def course_structure(course: CoursePage | None = None, *, path: str | None = None) -> dict:
    """What every visitor of a course sees the same: the course page itself, its institute,
    syllabus, prerequisites and instructors.

    Found by the course or by its tree ``path`` (a lesson knows its course's path without a query)
    and cached under the page-tree generation (``home.middleware``), which any saved, published,
    moved or deleted page renews: one cache read replaces seven queries.
    """
    from django.core.cache import cache

    from home.middleware import current_generation

    if course is not None and "_academy_structure" in course.__dict__:  # read once per request
        return course.__dict__["_academy_structure"]
    path = course.path if course is not None else path
    key = f"academy:course-structure:v2:{path}:{current_generation()}"
    structure = cache.get(key)
    if structure is None:
        if course is None:
            course = CoursePage.objects.get(path=path)
        institute = InstitutePage.objects.get(path=course.path[: -course.steplen])
        items = syllabus(course)
        structure = {
            "cache_key": key,
            "course": course,
            "institute": institute,
            "catalog_url": (institute.get_url() or "/").rstrip("/").rsplit("/", 1)[0] + "/",
            "syllabus": items,
            "lessons": [item.page for item in items if item.is_lesson],
            "prerequisites": [link.prerequisite for link in course.prerequisite_links.select_related("prerequisite")],
            "instructors": list(course.instructor_links.select_related("user")),
        }
        cache.set(key, structure, STRUCTURE_SECONDS)
    for page in (course, structure["course"]):
        if page is not None:
            page.__dict__["_academy_structure"] = structure
            page.__dict__["institute"] = structure["institute"]  # spares CoursePage.institute's query
    return structure


def course_page_context(*, course: CoursePage, user) -> dict:
    structure = course_structure(course)
    institute = structure["institute"]
    course.institute = institute  # spare the ancestor query wherever the course's institute is read
    items = structure["syllabus"]
    lessons = structure["lessons"]
    prerequisites = structure["prerequisites"]
    missing = missing_prerequisites(user=user, course=course, prerequisites=prerequisites)
    runs = list(runs_with_seats([course.pk]))
    enrolments = {}
    if user.is_authenticated:
        enrolments = {e.run_id: e for e in Enrolment.objects.filter(user=user, run__course=course)}
    actions = [
        enrol_action(user=user, course=course, run=run, enrolment=enrolments.get(run.pk), missing_prerequisites=missing)
        for run in runs
    ]
    studying = next(
        (e for e in enrolments.values() if e.status in (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)), None
    )
    done = completed_lesson_ids(studying)
    resume = continue_lesson(lessons, done)
    completion_missing = []
    if studying is not None and studying.status == Enrolment.Status.ACTIVE:
        from .completion import missing as missing_requirements

        studying.run = next((run for run in runs if run.pk == studying.run_id), None) or CourseRun.objects.get(
            pk=studying.run_id
        )
        studying.run.course = course
        completion_missing = [item.label for item in missing_requirements(studying)]
    return {
        "catalog_url": structure["catalog_url"],
        "continue_url": resume.get_url() if resume else "",
        "completed_lesson_ids": done,
        "completion_missing": completion_missing,
        "institute": institute,
        "syllabus": items,
        "syllabus_key": structure["cache_key"],
        "lesson_count": len(lessons),
        "total_minutes": sum(lesson.study_minutes for lesson in lessons),
        "first_lesson": lessons[0] if lessons else None,
        "instructors": structure["instructors"],
        "prerequisites": prerequisites,
        "missing_prerequisites": missing,
        "enrol_actions": actions,
        "current_enrolment": studying,
        "can_study": studying is not None or user_is_institute_staff(user=user, institute=institute),
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
        from .models import LessonProgress

        for row in LessonProgress.objects.filter(enrolment=enrolment):
            if row.lesson_id == lesson.pk:
                progress = row
            if row.completed_at is not None:
                done.add(row.lesson_id)
    studying = enrolment is not None and enrolment.status == Enrolment.Status.ACTIVE
    return {
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
        "course": course,
        "syllabus": items,
        "syllabus_key": structure["cache_key"],
        "lesson_number": number,
        "syllabus_lesson_count": len(lessons),
        "previous_lesson": previous_lesson,
        "next_lesson": next_lesson,
        "now": timezone.now(),
    }


# --------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------

#: Depth of course pages in the tree: root (1) → home (2) → catalog (3) → institute (4) → course.
COURSE_DEPTH = 5


def references_of(page) -> set[tuple[type, str]]:
    """(model, id) of every object the page's own fields refer to (blocks, rich text), as stored
    in its row: for a live page, its published content, never a draft."""
    found = set()
    for model_field in page._meta.concrete_fields:
        if hasattr(model_field, "extract_references"):
            value = getattr(page, model_field.attname)
            if value:
                found.update((model, str(pk)) for model, pk, *_rest in model_field.extract_references(value))
    return found


def user_can_download_document(*, user, document) -> bool:
    """Who may download a document from the library.

    A document in an institute's collection (or a collection inside it) is protected: it opens for
    that institute's staff, and for trainees studying in a run of one of *that institute's* courses
    whose *live* lesson uses it. A reference in a draft, or in another institute's lesson, opens
    nothing (the lesson forms refuse other institutes' documents anyway, ``courses.forms``).
    Documents outside every institute's collection, such as the home page's, are public.
    Administrators open everything.
    """
    from wagtail.documents import get_document_model

    owner = institute_of_collection(document.collection_id)
    if owner is None:
        return True
    if not user.is_authenticated:
        return False
    if user_is_institute_staff(user=user, institute=owner):
        return True
    course_paths = list(
        CoursePage.objects.filter(
            path__startswith=owner.path,
            depth=COURSE_DEPTH,
            pk__in=Enrolment.objects.studying().filter(user=user).values("run__course_id"),
        ).values_list("path", flat=True)
    )
    if not course_paths:
        return False
    wanted = (get_document_model(), str(document.pk))
    lessons = LessonPage.objects.live().filter(under_paths(course_paths))
    return any(wanted in references_of(lesson) for lesson in lessons)


# --------------------------------------------------------------------------------------------
# Progress, 나의 강의실
# --------------------------------------------------------------------------------------------


def enrolment_status_message(enrolment: Enrolment) -> str:
    from django.utils.translation import gettext as _

    messages_by_status = {
        Enrolment.Status.ACTIVE: _("You are enrolled. You can start studying now."),
        Enrolment.Status.PENDING: _("Your request was sent. The institute will approve or reject it."),
        Enrolment.Status.WAITLISTED: _("The run is full: you are on the waitlist, number %(position)s."),
        Enrolment.Status.COMPLETED: _("You have completed this course."),
    }
    message = messages_by_status.get(enrolment.status, enrolment.get_status_display())
    if enrolment.status == Enrolment.Status.WAITLISTED:
        message = message % {"position": waitlist_position(enrolment)}
    return message


def next_lesson_after(*, lesson: LessonPage) -> LessonPage | None:
    return LessonPage.objects.live().descendant_of(lesson.course).filter(path__gt=lesson.path).order_by("path").first()


def completed_lesson_ids(enrolment: Enrolment | None) -> set[int]:
    if enrolment is None:
        return set()
    from .models import LessonProgress

    return set(
        LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).values_list(
            "lesson_id", flat=True
        )
    )


def continue_lesson(lessons: list[LessonPage], done: set[int]) -> LessonPage | None:
    """The first lesson not completed yet, else the first lesson."""
    return next((lesson for lesson in lessons if lesson.pk not in done), lessons[0] if lessons else None)


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


@dataclass
class DashboardEntry:
    enrolment: Enrolment
    course: CoursePage
    continue_lesson: LessonPage | None = None
    waitlist_position: int | None = None
    reason: str = ""
    missing: list = field(default_factory=list)


def learn_dashboard(*, user) -> dict:
    """나의 강의실 for one trainee, in a fixed number of queries however many enrolments they have."""
    from .completion import missing_for
    from .models import EnrolmentEvent, LessonProgress

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
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, Exists, OuterRef
    from django.db.models.functions import Cast
    from wagtail.models import Page, WorkflowState

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
    import datetime

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
