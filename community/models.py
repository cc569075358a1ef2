"""공지사항 (notices) and 질의응답 (questions, their answers and follow-ups)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NoticeQuerySet(models.QuerySet):
    def live(self, now=None) -> NoticeQuerySet:
        """Notices published by ``now`` whose end, if any, has not come."""
        now = now or timezone.now()
        return self.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now), published_at__lte=now)

    def site_wide(self) -> NoticeQuerySet:
        return self.filter(course__isnull=True)

    def board_order(self) -> NoticeQuerySet:
        """Pinned first, then newest."""
        return self.order_by("-pinned", "-published_at", "-pk")


class Notice(models.Model):
    """공지사항: a notice to everyone (administrators), or to a course's or one run's trainees.

    Leave the course empty for a site-wide notice (administrators only). A notice of a run is
    shown to the run's trainees; a notice of a course (no run) to anyone who opens the course
    page. It shows from its publication time (which may be in the future) until its end, if any;
    its readers are notified once, when it is published.
    """

    institute = models.ForeignKey(
        "courses.InstitutePage",
        verbose_name=_("Institute"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="+",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("Course"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leave empty for a notice to the whole Academy (administrators only)."),
    )
    run = models.ForeignKey(
        "courses.CourseRun",
        verbose_name=_("Course run"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Only this run's trainees see the notice. Leave empty for the whole course."),
    )
    title = models.CharField(_("Title"), max_length=200)
    body = models.TextField(_("Text"), help_text=_("Plain text; blank lines separate paragraphs, links are clickable."))
    pinned = models.BooleanField(_("Pinned"), default=False, help_text=_("Pinned notices are listed first."))
    important = models.BooleanField(
        _("Important"), default=False, help_text=_("Important notices are also sent by e-mail to everyone concerned.")
    )
    published_at = models.DateTimeField(
        _("Published at"), default=timezone.now, help_text=_("A later time schedules the notice.")
    )
    ends_at = models.DateTimeField(_("Shown until"), null=True, blank=True, help_text=_("Leave empty to keep it."))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    announced_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-pinned", "-published_at", "-pk"]
        indexes = [
            models.Index(fields=["course", "-published_at"], name="community_notice_course"),
            models.Index(fields=["published_at"], condition=Q(announced_at__isnull=True), name="community_notice_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(run__isnull=True) | Q(course__isnull=False), name="community_notice_run_has_course"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("published_at")),
                name="community_notice_ends_after_publication",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_site_wide(self) -> bool:
        return self.course_id is None


class Question(models.Model):
    """질의응답: a trainee's question about a course, with its answers and follow-ups.

    Private questions are read by the asker and the course institute's staff only; public ones
    also by the trainees of the same run.
    """

    class Visibility(models.TextChoices):
        PRIVATE = "private", _("Only me and the instructors")
        PUBLIC = "public", _("Also the trainees of my run")

    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("Course"), on_delete=models.CASCADE, related_name="+"
    )
    run = models.ForeignKey(
        "courses.CourseRun", verbose_name=_("Course run"), on_delete=models.CASCADE, related_name="+"
    )
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Asked by"), on_delete=models.CASCADE, related_name="questions"
    )
    title = models.CharField(_("Title"), max_length=200)
    body = models.TextField(_("Question"))
    visibility = models.CharField(
        _("Who can read it"), max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    created_at = models.DateTimeField(_("Asked at"), default=timezone.now)
    #: The first answer by the institute's staff (None: still waiting).
    answered_at = models.DateTimeField(_("Answered at"), null=True, blank=True, editable=False)
    #: Whether a follow-up by the asker came after the last answer (the inbox shows it again).
    waiting_since = models.DateTimeField(_("Waiting since"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["course", "-created_at"], name="community_question_course"),
            models.Index(fields=["waiting_since"], condition=Q(waiting_since__isnull=False), name="community_waiting"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_waiting(self) -> bool:
        return self.waiting_since is not None


class Reply(models.Model):
    """An answer by the institute's staff, or a follow-up by the asker, in a question's thread."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(_("Answer"))
    by_staff = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.question_id} · {self.created_at:%Y-%m-%d}"
