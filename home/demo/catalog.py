"""The demo catalog: institutes with their staff, courses, modules, lessons and runs.

Content lives in ``data/catalog.json`` (the catalog page, the institutes, the order of the courses
and their runs) and ``data/courses/<slug>.json`` (a course with its modules and lessons); this module
only puts it in place. Existing pages are found by slug and left alone, so a second run changes
nothing.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from accounts.models import User
from courses.institutes import institute_add_staff, institute_setup
from courses.models import (
    CourseIndexPage,
    CourseInstructor,
    CoursePage,
    CoursePrerequisite,
    CourseRun,
    InstitutePage,
    LessonPage,
    ModulePage,
)
from home.models import HomePage
from pagecache.generation import bump_generation

from . import content
from .people import DemoPerson, ensure_user


def _child(parent, model, slug: str):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _publish(page) -> None:
    page.save_revision().publish()


def ensure_catalog(home: HomePage, data: dict) -> CourseIndexPage:
    catalog = _child(home, CourseIndexPage, "courses")
    if catalog is None:
        catalog = home.add_child(
            instance=CourseIndexPage(
                title=data["title"],
                title_en=data["title_en"],
                slug="courses",
                intro=data["intro"],
                intro_en=data["intro_en"],
            )
        )
        _publish(catalog)
    if home.hero_cta_link_id is None:
        HomePage.objects.filter(pk=home.pk).update(hero_cta_link=catalog)
        bump_generation()  # update() sends no signal; cached routes hold the home page
    return catalog


def ensure_institute(catalog: CourseIndexPage, data: dict) -> InstitutePage:
    institute = _child(catalog, InstitutePage, data["slug"])
    if institute is None:
        institute = catalog.add_child(
            instance=InstitutePage(
                title=data["title"],
                title_en=data["name_en"],
                slug=data["slug"],
                description=data["description"],
                description_en=data["description_en"],
                website=data["website"],
            )
        )
        _publish(institute)
    return institute_setup(institute=institute)


def _person(data: dict) -> DemoPerson:
    return DemoPerson(key=data["email"], email=data["email"], name_ko=data["name_ko"], name_en=data["name_en"])


def ensure_course(
    institute: InstitutePage, data: dict, instructor: User, *, instructor_role: str
) -> tuple[CoursePage, bool]:
    """The course with its modules and lessons; its own first revision is published by the caller."""
    course = _child(institute, CoursePage, data["slug"])
    if course is not None:
        return course, False
    course = institute.add_child(
        instance=CoursePage(
            title=data["title"],
            title_en=data["title_en"],
            slug=data["slug"],
            summary=data["summary"],
            summary_en=data["summary_en"],
            category=data["category"],
            level=data["level"],
            study_hours=data["study_hours"],
            delivery_mode=data["delivery_mode"],
            enrolment_policy=data["enrolment_policy"],
            outcomes="\n".join(data["outcomes"]),
            outcomes_en="\n".join(data["outcomes_en"]),
            overview=data["overview"],
        )
    )
    course.instructor_links.add(CourseInstructor(user=instructor, role=instructor_role))
    for module_data in data["modules"]:
        parent = course
        if len(data["modules"]) > 1:
            parent = course.add_child(
                instance=ModulePage(
                    title=module_data["title"],
                    title_en=module_data["title_en"],
                    slug=f"module-{data['modules'].index(module_data) + 1}",
                )
            )
            _publish(parent)
        for lesson_data in module_data["lessons"]:
            lesson = parent.add_child(
                instance=LessonPage(
                    title=lesson_data["title"],
                    title_en=lesson_data["title_en"],
                    slug=lesson_data["slug"],
                    study_minutes=lesson_data["study_minutes"],
                    body=lesson_data["body"],
                )
            )
            _publish(lesson)
    return course, True


def ensure_runs(course: CoursePage, data: dict) -> list[CourseRun]:
    """A run under way (2026년 2차) and the next one, at fixed dates around today."""
    today = timezone.localdate()
    on_site = course.delivery_mode != "online"
    runs = []
    for run_data in data["runs"]:
        run, created = CourseRun.objects.get_or_create(
            course=course,
            title=run_data["title"],
            defaults={
                "starts_on": today + datetime.timedelta(days=run_data["starts_in_days"]),
                "ends_on": today + datetime.timedelta(days=run_data["starts_in_days"] + run_data["length_days"]),
                "capacity": run_data["capacity"],
                "title_en": run_data["title_en"],
                "location": data["run_location"] if on_site else "",
                "location_en": data["run_location_en"] if on_site else "",
            },
        )
        runs.append(run)
    return runs


def load_catalog(home: HomePage, *, instructor: User, manager: User) -> dict[str, CoursePage]:
    """Build the catalog; the demo instructor and manager join the first institute."""
    catalog_data = content.read("catalog")
    catalog = ensure_catalog(home, catalog_data["index_page"])
    institutes = {}
    for index, data in enumerate(catalog_data["institutes"]):
        institute = ensure_institute(catalog, data)
        institutes[data["slug"]] = institute
        staff_instructor = ensure_user(_person(data["instructor"]))
        staff_manager = ensure_user(_person(data["manager"]))
        institute_add_staff(institute=institute, user=staff_instructor, role="instructor")
        institute_add_staff(institute=institute, user=staff_manager, role="manager")
        if index == 0:
            institute_add_staff(institute=institute, user=instructor, role="instructor")
            institute_add_staff(institute=institute, user=manager, role="manager")

    course_data = [content.read(f"courses/{slug}") for slug in catalog_data["courses"]]
    courses, created = {}, set()
    for data in course_data:
        institute = institutes[data["institute"]]
        first_instructor = User.objects.get(
            email=next(i for i in catalog_data["institutes"] if i["slug"] == data["institute"])["instructor"]["email"]
        )
        course, is_new = ensure_course(
            institute, data, first_instructor, instructor_role=catalog_data["lead_instructor_role"]
        )
        courses[data["slug"]] = course
        if is_new:
            created.add(data["slug"])
        ensure_runs(course, catalog_data)
    # Prerequisites point at other courses, so new courses are published once all exist.
    for data in course_data:
        if data["slug"] in created:
            course = courses[data["slug"]]
            for slug in data["prerequisites"]:
                course.prerequisite_links.add(CoursePrerequisite(prerequisite=courses[slug]))
            _publish(course)
    return courses
