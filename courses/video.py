"""Video lessons: what an uploaded video is (by its content), what ffprobe reads from it, and which
videos a lesson shows.

- **Type by content** (``sniff_refusal``): an ``.mp4`` must start with an ISO-BMFF ``ftyp`` box (at
  byte 4), a ``.webm`` with the EBML header ``1A 45 DF A3`` and the ``webm`` doctype, a ``.vtt``
  caption file with ``WEBVTT`` in UTF-8. A renamed text file is refused with a form error.
- **Probe** (``probe``, ``poster_frame``): ``ffprobe -print_format json`` reads the length, the
  picture size and the codecs; ``ffmpeg -ss`` at 10 % of the length cuts a JPEG poster frame. Both
  run in the ``video_probe`` task after the upload commits, never in the upload's request.
- **Codec check** (``browser_playable``): MP4 with H.264 video and AAC/MP3 audio, WebM with
  VP8/VP9/AV1 and Opus/Vorbis; anything else is kept but flagged (the editor is told on the block).
- **A lesson's videos** (``lesson_video_ids``): the uploaded files of its video blocks, in order; the
  required study minutes default to their total length and the last one's end is the lesson's last
  activity (``video_lesson_reached_end``).
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess  # noqa: S404  (ffprobe and ffmpeg from Debian, with argument lists, no shell)
import tempfile
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .labels import VIDEO_EXTENSIONS

CAPTION_EXTENSIONS = ("vtt",)
#: Served by ``courses.streaming`` with Range support (captions go with their video).
STREAMED_EXTENSIONS = VIDEO_EXTENSIONS + CAPTION_EXTENSIONS
PLAYABLE = {
    "mp4": ({"h264"}, {"aac", "mp3", ""}),
    "webm": ({"vp8", "vp9", "av1"}, {"opus", "vorbis", ""}),
}
PROBE_TIMEOUT_SECONDS = 120
#: How close to a video's end a position counts as its end (players stop a frame early).
END_TOLERANCE_SECONDS = 1.5


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def upload_limit(name: str) -> int:
    """The most bytes a document with this file name may have (videos: far more than other files)."""
    if extension_of(name) in VIDEO_EXTENSIONS:
        return settings.ACADEMY_VIDEO_MAX_UPLOAD_BYTES
    return settings.ACADEMY_DOCUMENT_MAX_UPLOAD_BYTES


def size_refusal(name: str, size: int | None) -> str | None:
    limit = upload_limit(name)
    if size is not None and size > limit:
        if extension_of(name) in VIDEO_EXTENSIONS:
            return _("This video is too big (%(size)s). Videos may have up to %(limit)s.") % {
                "size": filesizeformat(size),
                "limit": filesizeformat(limit),
            }
        return _("This file is too big (%(size)s). Files other than videos may have up to %(limit)s.") % {
            "size": filesizeformat(size),
            "limit": filesizeformat(limit),
        }
    return None


def sniff_refusal(name: str, head: bytes) -> str | None:
    """Why a file whose first bytes are ``head`` is not what its name says (None: it is)."""
    extension = extension_of(name)
    if extension == "mp4" and head[4:8] != b"ftyp":
        return _("This file is not an MP4 video (its content is not MP4), although its name ends in .mp4.")
    if extension == "webm" and not (head[:4] == b"\x1a\x45\xdf\xa3" and b"webm" in head[:64]):
        return _("This file is not a WebM video (its content is not WebM), although its name ends in .webm.")
    if extension == "vtt":
        text = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
        if not (text.startswith(b"WEBVTT") and (len(text) == 6 or text[6:7] in (b" ", b"\t", b"\n", b"\r"))):
            return _("This file is not a WebVTT caption file (it must begin with WEBVTT).")
    return None


def upload_refusal(upload) -> str | None:
    """The size and content check of an uploaded document file, before it is stored."""
    name = getattr(upload, "name", "") or ""
    refusal = size_refusal(name, getattr(upload, "size", None))
    if refusal:
        return refusal
    if extension_of(name) not in STREAMED_EXTENSIONS:
        return None
    upload.seek(0)
    head = upload.read(64)
    upload.seek(0)
    refusal = sniff_refusal(name, head)
    if refusal is None and extension_of(name) == "vtt":
        try:
            upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            refusal = _("Caption files must be saved as UTF-8 text.")
        upload.seek(0)
    return refusal


# -- ffprobe and ffmpeg -------------------------------------------------------------------------


class ProbeError(Exception):
    """ffprobe or ffmpeg could not read the file (the message is kept on the VideoInfo)."""


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise ProbeError(f"{name} is not installed (Debian package ffmpeg)")
    return found


@contextmanager
def local_copy(field_file):
    """A path on disk to the stored file: the file itself on a local storage, else a temporary copy
    (S3), read in chunks."""
    try:
        yield field_file.path
        return
    except NotImplementedError:
        pass
    with tempfile.NamedTemporaryFile(suffix="." + extension_of(field_file.name)) as copy:
        with field_file.storage.open(field_file.name, "rb") as source:
            for chunk in iter(lambda: source.read(1024 * 1024), b""):
                copy.write(chunk)
        copy.flush()
        yield copy.name


def probe(path: str | Path) -> dict:
    """What ffprobe reads from a video file: duration, width, height, container and codecs."""
    command = [
        _tool("ffprobe"),
        *("-v", "error", "-print_format", "json", "-show_format", "-show_streams"),
        str(path),
    ]
    try:
        done = subprocess.run(command, capture_output=True, timeout=PROBE_TIMEOUT_SECONDS, check=False)  # noqa: S603
    except subprocess.TimeoutExpired as error:
        raise ProbeError("ffprobe took too long") from error
    if done.returncode != 0:
        raise ProbeError(done.stderr.decode("utf-8", "replace").strip()[:500] or "ffprobe failed")
    data = json.loads(done.stdout or b"{}")
    streams = data.get("streams") or []
    video = next((s for s in streams if s.get("codec_type") == "video"), None)
    audio = next((s for s in streams if s.get("codec_type") == "audio"), None)
    if video is None:
        raise ProbeError("the file has no video stream")
    duration = (data.get("format") or {}).get("duration") or video.get("duration")
    try:
        seconds = float(duration)
    except (TypeError, ValueError):
        seconds = None
    return {
        "duration_seconds": seconds if seconds is not None and math.isfinite(seconds) else None,
        "width": video.get("width"),
        "height": video.get("height"),
        "container": ((data.get("format") or {}).get("format_name") or "")[:64],
        "video_codec": (video.get("codec_name") or "")[:32],
        "audio_codec": ((audio or {}).get("codec_name") or "")[:32],
    }


def browser_playable(extension: str, *, video_codec: str, audio_codec: str) -> bool:
    videos, audios = PLAYABLE.get(extension, (set(), set()))
    return video_codec in videos and audio_codec in audios


def poster_frame(path: str | Path, *, at_seconds: float) -> bytes:
    """A JPEG of the frame at ``at_seconds`` (at most 1280 pixels wide)."""
    command = [
        _tool("ffmpeg"),
        *("-v", "error", "-ss", f"{max(0.0, at_seconds):.3f}", "-i", str(path)),
        *("-frames:v", "1", "-vf", "scale='min(1280,iw)':-2", "-f", "image2", "-c:v", "mjpeg", "-q:v", "4"),
        "pipe:1",
    ]
    try:
        done = subprocess.run(command, capture_output=True, timeout=PROBE_TIMEOUT_SECONDS, check=False)  # noqa: S603
    except subprocess.TimeoutExpired as error:
        raise ProbeError("ffmpeg took too long") from error
    if done.returncode != 0 or not done.stdout:
        raise ProbeError(done.stderr.decode("utf-8", "replace").strip()[:500] or "ffmpeg made no poster frame")
    return done.stdout


# -- a lesson's videos --------------------------------------------------------------------------


def video_blocks(stream) -> Iterable:
    """The video blocks of a stream field that show an uploaded file, in order."""
    for block in stream or []:
        if block.block_type == "video" and block.value.get("file") is not None:
            yield block


def lesson_video_ids(lesson) -> list[int]:
    """The ids of the uploaded videos a lesson shows (its content, then its English content's own)."""
    ids = [block.value["file"].pk for block in [*video_blocks(lesson.body), *video_blocks(lesson.body_en)]]
    return list(dict.fromkeys(ids))


def last_video_ids(lesson) -> set[int]:
    """The last uploaded video of the lesson's content, and of its English content when that has
    its own (an English reader watches that one)."""
    last = set()
    for stream in (lesson.body, lesson.body_en):
        ids = [block.value["file"].pk for block in video_blocks(stream)]
        if ids:
            last.add(ids[-1])
    return last


def total_minutes(durations: Iterable[float]) -> int:
    """Whole minutes, rounded up, of the total length (what study minutes default to)."""
    return math.ceil(sum(durations) / 60)


def mmss(seconds: float | None) -> str:
    total = max(0, int(seconds or 0))
    return f"{total // 60:02d}:{total % 60:02d}"


def merge_played(played: list, ranges: Iterable, *, duration: float | None, limit: int = 200) -> list:
    """The union of the intervals already ``played`` and the new ``ranges`` ([start, end] seconds),
    clipped to the video (``duration``), adjacent intervals (less than a second apart) joined."""
    cap = duration if duration else float("inf")
    intervals = []
    for item in list(played or []) + list(ranges):
        try:
            start, end = float(item[0]), float(item[1])
        except (TypeError, ValueError, IndexError):
            continue
        if not (math.isfinite(start) and math.isfinite(end)):
            continue
        start, end = max(0.0, start), min(cap, end)
        if end > start:
            intervals.append([start, end])
    intervals.sort()
    merged: list[list[float]] = []
    for start, end in intervals:
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [[round(a, 1), round(b, 1)] for a, b in merged[:limit]]


def played_seconds(played: list) -> float:
    return sum(end - start for start, end in played)


def queue_video_probe(sender, instance, **kwargs):
    """``post_save`` of documents: a video whose file is new is read in the background, however it
    was saved (the upload form, the multiple upload, the demo loader, a shell)."""
    if extension_of(instance.file.name if instance.file else "") in VIDEO_EXTENSIONS:
        from .services import video_info_queue

        video_info_queue(document=instance)


def video_lesson_reached_end(*, user_id: int, lesson) -> bool | None:
    """A video lesson's last activity (DOMAIN-KR §1.4 for funded runs): the trainee reached the end
    of its last video. None: the lesson shows no uploaded video (its last page counts instead)."""
    from .models import VideoPosition

    last = last_video_ids(lesson)
    if not last:
        return None
    return VideoPosition.objects.filter(
        user_id=user_id, lesson_id=lesson.pk, document_id__in=last, ended_at__isnull=False
    ).exists()
