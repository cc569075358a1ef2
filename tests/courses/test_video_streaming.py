"""Videos stream with HTTP ranges (seeking) to those who may open the lesson, and to nobody else.

The range answers are checked byte for byte against the stored file: first bytes, a middle part, a
suffix, an open end, unsatisfiable ranges (416 with ``bytes */size``) and ``If-Range`` with the
file's ETag or date. The permission answers are the document rules' (``courses.access``): anonymous
→ login, another institute's trainee → 403, the enrolled trainee → 206; restricted videos only
under their conditions. In production the view answers ``X-Accel-Redirect`` and nginx sends the
bytes (``tests/cluster``); with S3, a signed URL.
"""

from __future__ import annotations

import types

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils.http import http_date
from wagtail.documents import get_document_model

from common.ranges import ByteRange, Unsatisfiable, parse_range
from courses import protection
from courses.models import DocumentLabel, Sensitivity
from courses.streaming import stream_document
from ops.models import AuditEvent
from tests import factories as f
from tests.support.video import VTT, video_bytes

Document = get_document_model()
pytestmark = pytest.mark.django_db


@pytest.fixture
def world(monkeypatch):
    monkeypatch.setattr(protection, "_conditions", [])
    alpha = f.institute_page("알파연구원")
    beta = f.institute_page("베타연구원")
    data = video_bytes("webm")
    video = Document.objects.create(
        title="비행 시연", file=ContentFile(data, name="flight.webm"), collection=alpha.collection
    )
    captions = Document.objects.create(
        title="비행 시연 자막", file=ContentFile(VTT, name="flight.ko.vtt"), collection=alpha.collection
    )
    course = f.course_page(alpha, "알파 과정")
    block = {"file": video.pk, "embed": None, "captions": captions.pk, "caption": "", "transcript": "자막"}
    lesson = f.lesson_page(course, "1차시", body=[{"type": "video", "value": block}])
    lesson.save_revision().publish()
    run = f.course_run(course)
    return {
        "alpha": alpha,
        "video": video,
        "captions": captions,
        "data": data,
        "course": course,
        "lesson": lesson,
        "trainee": f.enrolment(run).user,
        "beta_trainee": f.enrolment(f.course_run(f.course_page(beta, "베타 과정"))).user,
        "instructor": f.instructor_of(alpha),
    }


def get(client, user, document, **headers):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(document.url, headers=headers)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


# -- parse_range, on its own -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-99", ByteRange(0, 99)),
        ("bytes=100-", ByteRange(100, 999)),
        ("bytes=-100", ByteRange(900, 999)),
        ("bytes=-5000", ByteRange(0, 999)),  # longer than the file: all of it
        ("bytes=500-5000", ByteRange(500, 999)),  # the end is clipped
        ("bytes=999-999", ByteRange(999, 999)),
        (None, None),
        ("items=0-5", None),  # another unit: ignored
        ("bytes=0-1,5-6", None),  # several ranges: ignored, the whole file
    ],
)
def test_parse_range(header, expected):
    assert parse_range(header, 1000) == expected


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=1000-1200", "bytes=-0", "bytes=5-2", "bytes=abc", "bytes=-"])
def test_unsatisfiable_ranges(header):
    with pytest.raises(Unsatisfiable):
        parse_range(header, 1000)


# -- the answers, byte for byte --------------------------------------------------------------------


def test_the_enrolled_trainee_gets_the_first_bytes(client, world):
    response = get(client, world["trainee"], world["video"], Range="bytes=0-99")

    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 0-99/{len(world['data'])}"
    assert response["Content-Length"] == "100"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "video/webm"
    assert response["Cache-Control"] == "private"
    assert body(response) == world["data"][:100]


def test_a_middle_part_a_suffix_and_an_open_end(client, world):
    data, size = world["data"], len(world["data"])
    middle = get(client, world["trainee"], world["video"], Range=f"bytes={size // 2}-{size // 2 + 999}")
    assert middle.status_code == 206
    assert middle["Content-Range"] == f"bytes {size // 2}-{size // 2 + 999}/{size}"
    assert body(middle) == data[size // 2 : size // 2 + 1000]

    suffix = get(client, world["trainee"], world["video"], Range="bytes=-500")
    assert suffix["Content-Range"] == f"bytes {size - 500}-{size - 1}/{size}"
    assert body(suffix) == data[-500:]

    rest = get(client, world["trainee"], world["video"], Range=f"bytes={size - 10}-")
    assert rest["Content-Range"] == f"bytes {size - 10}-{size - 1}/{size}"
    assert body(rest) == data[-10:]


def test_without_a_range_the_whole_file_with_accept_ranges(client, world):
    response = get(client, world["trainee"], world["video"])

    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(len(world["data"]))
    assert body(response) == world["data"]


def test_an_unsatisfiable_range_is_416_with_the_size(client, world):
    size = len(world["data"])
    for header in (f"bytes={size}-", f"bytes={size + 100}-{size + 200}", "bytes=-0"):
        response = get(client, world["trainee"], world["video"], Range=header)
        assert response.status_code == 416, header
        assert response["Content-Range"] == f"bytes */{size}"
        assert response["Accept-Ranges"] == "bytes"


def test_if_range_with_the_current_etag_or_date_serves_the_range_else_everything(client, world):
    first = get(client, world["trainee"], world["video"])
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and modified

    matching = get(client, world["trainee"], world["video"], Range="bytes=0-9", **{"If-Range": etag})
    assert matching.status_code == 206 and body(matching) == world["data"][:10]
    by_date = get(client, world["trainee"], world["video"], Range="bytes=0-9", **{"If-Range": modified})
    assert by_date.status_code == 206

    stale = get(client, world["trainee"], world["video"], Range="bytes=0-9", **{"If-Range": '"an-older-file"'})
    assert stale.status_code == 200 and body(stale) == world["data"]
    old_date = get(client, world["trainee"], world["video"], Range="bytes=0-9", **{"If-Range": http_date(0)})
    assert old_date.status_code == 200


def test_a_conditional_get_with_the_etag_is_304(client, world):
    etag = get(client, world["trainee"], world["video"])["ETag"]
    assert get(client, world["trainee"], world["video"], **{"If-None-Match": etag}).status_code == 304


def test_captions_are_served_as_webvtt_under_the_same_rule(client, world):
    response = get(client, world["trainee"], world["captions"])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert body(response) == VTT
    assert get(client, world["beta_trainee"], world["captions"]).status_code == 403


# -- who may stream --------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login_and_another_institutes_trainee_is_refused(client, world):
    anonymous = get(client, None, world["video"], Range="bytes=0-99")
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert get(client, world["beta_trainee"], world["video"], Range="bytes=0-99").status_code == 403
    assert get(client, world["instructor"], world["video"], Range="bytes=0-99").status_code == 206


def test_a_withdrawn_trainee_streams_nothing(client, world):
    world["trainee"].enrolments.update(status="withdrawn")
    assert get(client, world["trainee"], world["video"], Range="bytes=0-99").status_code == 403


def test_a_restricted_video_streams_only_under_its_conditions_and_is_logged(client, world, monkeypatch):
    DocumentLabel.objects.create(document=world["video"], sensitivity=Sensitivity.RESTRICTED)

    allowed = get(client, world["trainee"], world["video"], Range="bytes=0-99")
    assert allowed.status_code == 206
    assert allowed["Cache-Control"] == "private, no-store"
    assert body(allowed) == world["data"][:100]
    assert AuditEvent.objects.filter(action="restricted.stream", data__result="allowed").count() == 1

    refusal = protection.Refusal(key="pledge", title="서약서", message="서약서가 필요합니다.")
    protection.register_condition("pledge", lambda **kw: refusal, order=40)
    refused = get(client, world["trainee"], world["video"], Range="bytes=0-99")
    assert refused.status_code == 403
    assert AuditEvent.objects.filter(action="restricted.download", data__result="refused:pledge").count() == 1


# -- production answers ----------------------------------------------------------------------------


@override_settings(ACADEMY_MEDIA_ACCEL_PREFIX="/_protected/")
def test_in_production_the_view_authorises_and_nginx_sends_the_bytes(client, world):
    response = get(client, world["trainee"], world["video"], Range="bytes=0-99")

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_protected/" + world["video"].file.name
    assert response["Content-Type"] == "video/webm"
    assert response["Cache-Control"] == "private"
    assert response.content == b""
    assert get(client, world["beta_trainee"], world["video"]).status_code == 403  # still asked first


def test_with_remote_storage_a_short_lived_signed_url(settings):
    asked = {}

    class RemoteStorage:
        def url(self, name, expire=None):
            asked["expire"] = expire
            return f"https://bucket.example.test/{name}?X-Amz-Expires={expire}&X-Amz-Signature=abc"

    class RemoteFile:
        name = "documents/flight.webm"
        storage = RemoteStorage()

        @property
        def path(self):
            raise NotImplementedError

    settings.ACADEMY_MEDIA_SIGNED_URL_SECONDS = 120
    document = types.SimpleNamespace(file=RemoteFile(), filename="flight.webm", file_hash="")
    response = stream_document(None, document)

    assert response.status_code == 302
    assert response["Location"].startswith("https://bucket.example.test/documents/flight.webm?")
    assert asked["expire"] == 120
    assert response["Cache-Control"] == "private, no-store"


def test_with_remote_storage_behind_nginx_the_signed_url_goes_to_nginx_only(settings):
    class RemoteStorage:
        def url(self, name, expire=None):
            return f"http://127.0.0.1:9000/bucket/{name}?X-Amz-Expires={expire}&X-Amz-Signature=abc"

    class RemoteFile:
        name = "documents/flight.webm"
        storage = RemoteStorage()

        @property
        def path(self):
            raise NotImplementedError

    settings.ACADEMY_MEDIA_ACCEL_PREFIX = "/_protected/"
    document = types.SimpleNamespace(file=RemoteFile(), filename="flight.webm", file_hash="")
    response = stream_document(None, document)

    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == "/_protected_s3/"
    assert response["X-Academy-Signed-Url"].startswith("http://127.0.0.1:9000/bucket/documents/flight.webm?")
    assert response["Content-Type"] == "video/webm"
