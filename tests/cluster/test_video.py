"""The production path of a protected video (issue 20): through nginx, the web node only checks who
asks and answers X-Accel-Redirect; nginx fetches the object from S3 with a short-lived signed URL
(never shown to the browser) and sends the range: a 206 whose bytes came from nginx."""

from __future__ import annotations

import pytest

from .conftest import user_with_enrolment

pytestmark = pytest.mark.cluster

VIDEO_IN_LESSON = """
import hashlib
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from courses.models import LessonPage
lesson = LessonPage.objects.get(pk={lesson_id})
institute = lesson.get_ancestors().type(__import__("courses.models", fromlist=["InstitutePage"]).InstitutePage).get().specific
data = bytes(range(256)) * 4000
data = b"\\x1a\\x45\\xdf\\xa3" + b"webm" + data
video = get_document_model().objects.create(title="클러스터 영상", file=ContentFile(data, name="cluster.webm"),
    collection=institute.collection)
lesson.body = [{{"type": "video", "value": {{"file": video.pk, "embed": None, "captions": None, "caption": "", "transcript": ""}}}}]
lesson.save_revision().publish()
print("VIDEO", video.url, len(data), hashlib.sha256(data[1000:2000]).hexdigest())
"""


def test_a_protected_video_range_comes_from_nginx(cluster):
    import hashlib

    person = user_with_enrolment(cluster)
    line = [
        ln
        for ln in cluster.manage(VIDEO_IN_LESSON.format(lesson_id=person["lesson_id"])).splitlines()
        if ln.startswith("VIDEO")
    ]
    _, url, size, digest = line[-1].split()

    anonymous = cluster.browser().get(
        f"{cluster.url}{url}", headers={"Range": "bytes=0-9"}, allow_redirects=False, timeout=30
    )
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous.headers["Location"]

    browser = cluster.browser()
    cluster.log_in(browser, cluster.url, person["email"], person["password"])
    response = browser.get(
        f"{cluster.url}{url}", headers={"Range": "bytes=1000-1999"}, allow_redirects=False, timeout=30
    )

    assert response.status_code == 206, (response.status_code, response.headers, response.text[:500])
    assert response.headers["Content-Range"] == f"bytes 1000-1999/{size}"
    assert response.headers["X-Academy-Sent-By"] == "nginx"
    assert "X-Academy-Signed-Url" not in response.headers and "Location" not in response.headers
    assert hashlib.sha256(response.content).hexdigest() == digest
    assert response.headers["Content-Type"] == "video/webm"
