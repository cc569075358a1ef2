"""The demo has two video lessons with a real (ffmpeg-made) video, Korean captions and a transcript."""

import pytest
from django.core.management import call_command

from accounts.models import User
from courses.models import CoursePage, VideoInfo
from home.demo_video import COURSE_SLUG, VIDEOS

pytestmark = pytest.mark.django_db


def test_two_demo_lessons_show_a_video_with_captions_that_streams(client):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    lessons = list(CoursePage.objects.get(slug=COURSE_SLUG).lessons())
    client.force_login(User.objects.get(email="trainee@example.com"))

    for spec in VIDEOS:
        lesson = lessons[spec["lesson_index"]].specific
        block = next(b for b in lesson.body if b.block_type == "video")
        video, captions = block.value["file"], block.value["captions"]
        info = VideoInfo.objects.get(document=video)
        assert info.state == "ready" and info.duration_seconds == pytest.approx(spec["seconds"], abs=0.3)
        assert info.browser_playable and info.poster
        assert captions.file.name.endswith(".vtt")
        assert block.value["transcript"].startswith(spec["cues"][0][2])

        page = client.get(lesson.url).content.decode()
        assert '<track kind="captions" srclang="ko"' in page
        response = client.get(video.url, headers={"Range": "bytes=0-3"})
        assert response.status_code == 206
        assert b"".join(response.streaming_content) == b"\x1a\x45\xdf\xa3"
