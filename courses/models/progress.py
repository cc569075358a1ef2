"""Study progress, the study clock, and attendance at on-site sessions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LessonProgress(models.Model):
    """How long a trainee has studied one lesson, as credited by the server, and when they finished it."""

    enrolment = models.ForeignKey("courses.Enrolment", on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    seconds_studied = models.PositiveIntegerField(_("Seconds studied"), default=0)
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(_("Completed at"), null=True, blank=True)
    # Funded runs (DOMAIN-KR §1.4): when the trainee first reached the lesson's last page or
    # activity. It never credits time; without it the lesson stops at 99 %.
    final_activity_at = models.DateTimeField(_("Last page reached at"), null=True, blank=True)
    # The last heartbeat that credited time (the instructor dashboard's "no study in 7 days"); empty
    # on rows written before it existed, which fall back to their start or completion.
    last_studied_at = models.DateTimeField(_("Last studied at"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="courses_progress_one_per_lesson"),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}/{self.lesson_id}: {self.seconds_studied}s"


class StudyClock(models.Model):
    """The last moment the server credited study time to a trainee.

    One clock per trainee, whatever the number of open tabs, lessons or courses: a heartbeat is
    credited only the time since the previous one (capped), so the sum of credited time never
    exceeds the time that passed on the server's clock.

    It also holds the trainee's one active study session (DOMAIN-KR §1.8, 동일 ID 동시접속 방지):
    opening a lesson issues a new random ``session_token`` with the page, and a heartbeat carrying
    any other token credits nothing (``services.progress_heartbeat``): the last browser to open a
    lesson is the one that studies.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_clock")
    last_credited_at = models.DateTimeField(null=True, blank=True)
    session_token = models.CharField(max_length=64, blank=True, default="")
    session_claimed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.last_credited_at}"


class AttendanceSession(models.Model):
    """One on-site session (집체교육) of a run, at which attendance is taken."""

    run = models.ForeignKey("courses.CourseRun", on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("Session"), max_length=120)
    starts_at = models.DateTimeField(_("Starts at"))

    class Meta:
        verbose_name = _("on-site session")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"{self.run} · {self.title}"


class AttendanceRecord(models.Model):
    session = models.ForeignKey(AttendanceSession, on_delete=models.CASCADE, related_name="records")
    enrolment = models.ForeignKey("courses.Enrolment", on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("Present"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "enrolment"], name="courses_attendance_one_per_session"),
        ]

    def __str__(self) -> str:
        return f"{self.session_id}/{self.enrolment_id}: {'present' if self.present else 'absent'}"
