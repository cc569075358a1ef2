"""Uploading videos: per-type limits, type by content, and the background probe (duration, poster).

A renamed text file is refused as a video (single and multiple upload), a real MP4 (H.264/AAC) and
WebM (VP9/Opus) made by ffmpeg in the test are accepted; other files keep their own limit. After the
upload commits, ``video_probe`` reads the length with ffprobe and cuts the poster frame into private
storage; a file ffprobe cannot read is marked failed, never a server error; the task is safe to run
twice.
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from courses.models import VideoInfo
from courses.services import video_probe_record
from courses.tasks import video_probe
from tests import factories as f
from tests.support.video import VTT, video_bytes

Document = get_document_model()
pytestmark = pytest.mark.django_db


@pytest.fixture
def instructor(client):
    alpha = f.institute_page("알파연구원")
    user = f.instructor_of(alpha)
    client.force_login(user)
    return {"user": user, "collection": alpha.collection_id}


def upload(client, instructor, name, data, title="영상"):
    return client.post(
        "/cms/documents/add/",
        {
            "title": title,
            "collection": str(instructor["collection"]),
            "tags": "",
            "file": SimpleUploadedFile(name, data),
        },
    )


def test_a_renamed_text_file_is_refused_as_a_video(client, instructor):
    response = upload(client, instructor, "flight.mp4", "비행 전 점검 절차 메모입니다.\n".encode() * 20)

    assert response.status_code == 200
    page = response.content.decode()
    assert "MP4 동영상이 아닙니다" in page  # the translated form error
    assert not Document.objects.filter(title="영상").exists()
    webm = upload(client, instructor, "flight.webm", b"not a webm at all" * 10)
    assert webm.status_code == 200 and "WebM 동영상이 아닙니다" in webm.content.decode()
    vtt = upload(client, instructor, "flight.vtt", b"1\n00:00.000 --> 00:01.000\nhello\n")
    assert vtt.status_code == 200 and "WEBVTT" in vtt.content.decode()
    assert not Document.objects.exists()


def test_a_real_mp4_and_webm_are_accepted_and_probed_after_commit(
    client, instructor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, instructor, "flight.mp4", video_bytes("mp4"), title="MP4 영상")
    assert response.status_code == 302, response.content.decode()[:2000]
    info = VideoInfo.objects.get(document__title="MP4 영상")
    assert info.state == VideoInfo.State.READY
    assert info.duration_seconds == pytest.approx(4, abs=0.2)
    assert (info.width, info.height, info.video_codec, info.audio_codec) == (320, 180, "h264", "aac")
    assert info.browser_playable
    poster = storages["video_posters"].open(info.poster, "rb").read()
    assert poster[:3] == b"\xff\xd8\xff"  # a JPEG

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, instructor, "flight.webm", video_bytes("webm"), title="WebM 영상")
    assert response.status_code == 302
    webm = VideoInfo.objects.get(document__title="WebM 영상")
    assert (webm.state, webm.video_codec, webm.audio_codec, webm.browser_playable) == ("ready", "vp9", "opus", True)
    assert upload(client, instructor, "flight.ko.vtt", VTT, title="자막").status_code == 302


def test_the_multiple_upload_refuses_a_renamed_file_too(client, instructor):
    response = client.post(
        "/cms/documents/multiple/add/",
        {"collection": str(instructor["collection"]), "files[]": SimpleUploadedFile("x.mp4", b"hello" * 50)},
    )
    data = response.json()
    assert data["success"] is False
    assert "MP4" in data["error_message"]
    ok = client.post(
        "/cms/documents/multiple/add/",
        {"collection": str(instructor["collection"]), "files[]": SimpleUploadedFile("y.webm", video_bytes("webm"))},
    )
    assert ok.json()["success"] is True


def test_videos_and_other_files_have_their_own_size_limits(client, instructor, settings):
    settings.ACADEMY_DOCUMENT_MAX_UPLOAD_BYTES = 1000
    settings.ACADEMY_VIDEO_MAX_UPLOAD_BYTES = 10_000_000
    assert upload(client, instructor, "flight.webm", video_bytes("webm")).status_code == 302  # ~150 KB
    big_pdf = upload(client, instructor, "manual.pdf", b"%PDF-1.4 " + b"0" * 2000, title="매뉴얼")
    assert big_pdf.status_code == 200 and not Document.objects.filter(title="매뉴얼").exists()

    settings.ACADEMY_VIDEO_MAX_UPLOAD_BYTES = 1000
    too_big = upload(client, instructor, "flight2.webm", video_bytes("webm"), title="큰 영상")
    assert too_big.status_code == 200
    assert not Document.objects.filter(title="큰 영상").exists()


def test_the_form_says_the_limits(client, instructor):
    page = client.get("/cms/documents/add/").content.decode()
    assert "2.0" in page and "GB" in page and "50.0" in page


def test_a_file_ffprobe_cannot_read_is_marked_failed_and_the_task_is_safe_twice(instructor):
    broken = Document.objects.create(
        title="깨진 영상",
        file=ContentFile(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100, name="broken.mp4"),
        collection_id=instructor["collection"],
    )
    assert video_probe(broken.pk) == VideoInfo.State.FAILED
    info = VideoInfo.objects.get(document=broken)
    assert info.state == VideoInfo.State.FAILED and info.error and info.duration_seconds is None

    good = Document.objects.create(
        title="영상", file=ContentFile(video_bytes("webm"), name="ok.webm"), collection_id=instructor["collection"]
    )
    assert video_probe_record(document_id=good.pk) == VideoInfo.State.READY
    poster = VideoInfo.objects.get(document=good).poster
    assert video_probe_record(document_id=good.pk) == VideoInfo.State.READY  # nothing done again
    assert VideoInfo.objects.get(document=good).poster == poster
    assert video_probe_record(document_id=999_999) == "gone"


def test_replacing_the_file_resets_and_reads_it_again(instructor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = Document.objects.create(
            title="영상", file=ContentFile(video_bytes("webm"), name="a.webm"), collection_id=instructor["collection"]
        )
    first = VideoInfo.objects.get(document=document)
    assert first.state == "ready"
    with django_capture_on_commit_callbacks(execute=True):
        document.file = ContentFile(video_bytes("webm", seconds=6), name="b.webm")
        document.save()
    second = VideoInfo.objects.get(document=document)
    assert second.file_name == document.file.name
    assert second.duration_seconds == pytest.approx(6, abs=0.2)
