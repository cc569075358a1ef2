"""Videos in the document library: what ffprobe read from each, and where each trainee stopped."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class VideoInfo(models.Model):
    """A side table of a library document that is a video (Wagtail's Document model is kept).

    Filled by the ``video_probe`` task after the upload commits (``courses.video``): the length, the
    picture size, the codecs and whether a browser plays them, and a poster frame kept in private
    storage (``STORAGES["video_posters"]``). ``file_name`` is the stored file that was read, so a
    document whose file is replaced is read again."""

    class State(models.TextChoices):
        PENDING = "pending", _("Being read")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be read")

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="video_info", verbose_name=_("document")
    )
    file_name = models.CharField(max_length=255)
    state = models.CharField(_("State"), max_length=8, choices=State.choices, default=State.PENDING)
    duration_seconds = models.FloatField(_("Length in seconds"), null=True, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    container = models.CharField(max_length=64, blank=True)
    video_codec = models.CharField(max_length=32, blank=True)
    audio_codec = models.CharField(max_length=32, blank=True)
    browser_playable = models.BooleanField(_("Plays in browsers"), default=False)
    poster = models.CharField(_("Poster frame"), max_length=255, blank=True)
    error = models.TextField(blank=True)
    probed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("video information")

    def __str__(self) -> str:
        return f"{self.document_id}: {self.state} {self.duration_seconds}"


class VideoPosition(models.Model):
    """Where a trainee stopped in one video of one lesson (resume on any device), and whether they
    reached its end (a video lesson's last activity: ``courses.video.video_lesson_reached_end``)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    position_seconds = models.FloatField(default=0)
    # The parts of the video played (the union of the browser's ``video.played`` ranges over every
    # visit, [start, end] in seconds), and their total: what "watched mm:ss" shows. Credit for study
    # time never comes from here (the server's clock decides it).
    played = models.JSONField(default=list, blank=True)
    watched_seconds = models.FloatField(_("Seconds watched"), default=0)
    ended_at = models.DateTimeField(_("Reached the end at"), null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("video position")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson", "document"], name="courses_video_position_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}/{self.lesson_id}/{self.document_id}: {self.position_seconds:.0f}s"
