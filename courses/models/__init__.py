"""The course domain. Big enough to be a package; everything is re-exported here."""

from .audit import InstituteLogEntry
from .choices import Category, DeliveryMode, EnrolmentPolicy, FundingScheme, Level, Sensitivity
from .enrolment import CourseRun, Enrolment, EnrolmentEvent
from .pages import (
    COURSE_DEPTH,
    CourseIndexPage,
    CourseInstructor,
    CoursePage,
    CoursePrerequisite,
    InstitutePage,
    LessonPage,
    ModulePage,
)
from .progress import AttendanceRecord, AttendanceSession, LessonProgress, StudyClock

__all__ = [
    "COURSE_DEPTH",
    "AttendanceRecord",
    "AttendanceSession",
    "LessonProgress",
    "StudyClock",
    "Category",
    "CourseIndexPage",
    "CourseInstructor",
    "CoursePage",
    "CoursePrerequisite",
    "CourseRun",
    "DeliveryMode",
    "Sensitivity",
    "Enrolment",
    "EnrolmentEvent",
    "EnrolmentPolicy",
    "FundingScheme",
    "InstituteLogEntry",
    "InstitutePage",
    "LessonPage",
    "Level",
    "ModulePage",
]
