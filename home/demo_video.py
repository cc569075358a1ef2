"""Demo video lessons (issue 20): two lessons of the course the demo trainee is studying get a short
real video, made here with ffmpeg (a test pattern with a Korean title, VP9/Opus WebM, a few seconds:
nothing large is committed), a Korean WebVTT caption track and a transcript. The videos are read
(length, poster frame) at once, so the lessons show their length right after loading.

Idempotent: a video already in the library (by title) is used again, and a lesson that already
shows it is left as it is. Without ffmpeg on the machine the demo goes on without videos.
"""

from __future__ import annotations

import shutil
import subprocess  # noqa: S404  (ffmpeg from Debian, with an argument list, no shell)
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from courses.models import CoursePage, LessonPage

COURSE_SLUG = "flight-safety-aviation-law"
FONT = Path(settings.BASE_DIR) / "static" / "fonts" / "NanumMyeongjoBold.ttf"

VIDEOS = [
    {
        "lesson_index": 2,
        "title": "시연 영상: 비행 전 점검",
        "slug": "demo-preflight-check",
        "banner": "비행 전 점검 시연",
        "seconds": 12,
        "cues": [
            (0, 4, "먼저 기체 외관과 프로펠러 고정 상태를 확인합니다."),
            (4, 8, "배터리 전압과 GNSS 수신 상태를 점검합니다."),
            (8, 12, "비행 구역과 고도 제한을 다시 확인한 뒤 이륙합니다."),
        ],
    },
    {
        "lesson_index": 3,
        "title": "시연 영상: 센서 보정",
        "slug": "demo-sensor-calibration",
        "banner": "센서 보정 절차",
        "seconds": 10,
        "cues": [
            (0, 5, "지자기 센서는 금속 구조물에서 떨어진 곳에서 보정합니다."),
            (5, 10, "보정이 끝나면 기수 방향이 지도와 일치하는지 확인합니다."),
        ],
    },
]


def render_test_pattern(
    path: Path, *, seconds: int, banner: str = "", fmt: str = "webm", size: str = "640x360"
) -> None:
    """A test-pattern video with a tone: WebM (VP9/Opus) or MP4 (H.264/AAC, moov first)."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise FileNotFoundError("ffmpeg is not installed (Debian package ffmpeg)")
    video = [*("-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25")]
    audio = [*("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000")]
    filters = []
    if banner and FONT.exists():
        text = banner.replace("'", "").replace(":", " ")
        filters = [
            "-vf",
            f"drawtext=fontfile={FONT}:text='{text}':fontsize=32:fontcolor=white:box=1:boxcolor=black@0.6:"
            "x=(w-text_w)/2:y=20",
        ]
    if fmt == "mp4":
        codecs = [*("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac")]
        codecs += ["-movflags", "+faststart"]
    else:
        codecs = [*("-c:v", "libvpx-vp9", "-b:v", "300k", "-deadline", "realtime", "-cpu-used", "8")]
        codecs += ["-c:a", "libopus", "-b:a", "48k"]
    command = [
        ffmpeg,
        "-v",
        "error",
        "-y",
        *video,
        *audio,
        "-t",
        str(seconds),
        *filters,
        *codecs,
        "-shortest",
        str(path),
    ]
    subprocess.run(command, check=True, timeout=120)  # noqa: S603


def webvtt(cues) -> str:
    def stamp(seconds: int) -> str:
        return f"00:{seconds // 60:02d}:{seconds % 60:02d}.000"

    lines = ["WEBVTT", ""]
    for number, (start, end, text) in enumerate(cues, 1):
        lines += [str(number), f"{stamp(start)} --> {stamp(end)}", text, ""]
    return "\n".join(lines)


def _document(title: str, *, name: str, data: bytes, collection):
    Document = get_document_model()
    existing = Document.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    return Document.objects.create(title=title, file=ContentFile(data, name=name), collection=collection)


def load_demo_videos() -> list[LessonPage]:
    from courses.services import video_probe_record

    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if course is None or shutil.which("ffmpeg") is None:
        return []
    collection = course.get_parent().specific.collection
    lessons = list(course.lessons())
    changed = []
    for spec in VIDEOS:
        if spec["lesson_index"] >= len(lessons):
            continue
        lesson = lessons[spec["lesson_index"]].specific
        video = get_document_model().objects.filter(title=spec["title"], collection=collection).first()
        if video is None:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / f"{spec['slug']}.webm"
                render_test_pattern(path, seconds=spec["seconds"], banner=spec["banner"])
                video = _document(spec["title"], name=path.name, data=path.read_bytes(), collection=collection)
        captions = _document(
            spec["title"] + " (자막)",
            name=f"{spec['slug']}.ko.vtt",
            data=webvtt(spec["cues"]).encode("utf-8"),
            collection=collection,
        )
        video_probe_record(document_id=video.pk)  # now, so the lesson shows the length at once
        if any(block.block_type == "video" for block in lesson.body):
            continue
        transcript = "\n".join(text for _start, _end, text in spec["cues"])
        block = {
            "type": "video",
            "value": {
                "file": video.pk,
                "embed": None,
                "captions": captions.pk,
                "caption": spec["banner"],
                "transcript": transcript,
            },
        }
        lesson.body = [block, *list(lesson.body.raw_data)]
        lesson.save_revision().publish()
        changed.append(lesson)
    return changed
