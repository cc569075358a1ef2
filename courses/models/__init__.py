"""The course domain. Big enough to be a package; everything is re-exported here."""

from .audit import InstituteLogEntry
from .choices import Category, DeliveryMode, EnrolmentPolicy, FundingScheme, Level, Sensitivity
from .enrolment import CourseRun, Enrolment, EnrolmentEvent
from .labels import DocumentLabel, RestrictedAttestation
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
from .video import VideoInfo, VideoPosition

__all__ = [
    "COURSE_DEPTH",
    "AttendanceRecord",
    "AttendanceSession",
    "LessonProgress",
    "StudyClock",
    "VideoInfo",
    "VideoPosition",
    "Category",
    "CourseIndexPage",
    "CourseInstructor",
    "CoursePage",
    "CoursePrerequisite",
    "CourseRun",
    "DeliveryMode",
    "DocumentLabel",
    "RestrictedAttestation",
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
