"""Video lessons for the trainee: the player, resume on any device, watched time, honest credit.

- the lesson shows the browser's player with the Korean caption track, the poster, the transcript
  below and "시청 mm:ss / 전체 mm:ss" next to the required study time;
- the position API stores where the trainee stopped, per trainee, lesson and video; another's
  lesson, a video the lesson does not show, anonymous or a GET are refused;
- required study minutes left empty default to the videos' total length (rounded up);
- a video lesson's last activity (funded runs) is the end of its last video, not the page's end.
"""

from __future__ import annotations

import datetime
import math

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from courses import services
from courses.forms import LessonPageForm  # noqa: F401  (the form under test, through the admin)
from courses.models import FundingScheme, LessonPage, VideoInfo, VideoPosition
from courses.services import video_probe_record
from tests import factories as f
from tests.support.video import VTT, video_bytes

Document = get_document_model()
pytestmark = pytest.mark.django_db


def video_block(video, captions=None, transcript="먼저 프로펠러 고정 상태를 확인합니다."):
    return {
        "type": "video",
        "value": {
            "file": video.pk,
            "embed": None,
            "captions": captions.pk if captions else None,
            "caption": "이륙 전 점검",
            "transcript": transcript,
        },
    }


@pytest.fixture
def world():
    alpha = f.institute_page("알파연구원")
    beta = f.institute_page("베타연구원")
    video = Document.objects.create(
        title="비행 시연", file=ContentFile(video_bytes("webm", seconds=4), name="a.webm"), collection=alpha.collection
    )
    second = Document.objects.create(
        title="정비 시연", file=ContentFile(video_bytes("webm", seconds=6), name="b.webm"), collection=alpha.collection
    )
    captions = Document.objects.create(title="자막", file=ContentFile(VTT, name="a.vtt"), collection=alpha.collection)
    video_probe_record(document_id=video.pk)
    video_probe_record(document_id=second.pk)
    course = f.course_page(alpha, "알파 과정")
    lesson = f.lesson_page(course, "1차시", minutes=1, body=[video_block(video, captions), video_block(second)])
    other = f.lesson_page(course, "2차시", minutes=1)
    run = f.course_run(course)
    beta_course = f.course_page(beta, "베타 과정")
    beta_lesson = f.lesson_page(beta_course, "베타 1차시", body=[video_block(video)])
    return {
        "alpha": alpha,
        "video": video,
        "second": second,
        "captions": captions,
        "course": course,
        "lesson": lesson,
        "other": other,
        "run": run,
        "trainee": f.enrolment(run).user,
        "classmate": f.enrolment(run).user,
        "beta_trainee": f.enrolment(f.course_run(beta_course)).user,
        "beta_lesson": beta_lesson,
        "instructor": f.instructor_of(alpha),
    }


def position_url(lesson, video):
    return f"/learn/lessons/{lesson.pk}/videos/{video.pk}/position/"


def save(client, user, lesson, video, **data):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.post(position_url(lesson, video), data)


def test_the_lesson_shows_the_player_captions_poster_transcript_and_watched_time(client, world):
    client.force_login(world["trainee"])
    page = client.get(world["lesson"].url).content.decode()

    assert '<video class="video-player" controls preload="metadata"' in page
    assert f'src="{world["video"].url}"' in page
    assert f'<track kind="captions" srclang="ko" label="한국어" src="{world["captions"].url}" default>' in page
    assert f'poster="/learn/videos/{world["video"].pk}/poster/"' in page
    assert f'data-position-url="{position_url(world["lesson"], world["video"])}"' in page
    assert 'data-resume="0.0"' in page
    assert "먼저 프로펠러 고정 상태를 확인합니다." in page  # the transcript, below the player
    assert "시청 <strong><span data-watched-time>00:00</span> / 전체 <span data-video-total>00:10</span>" in page
    assert "학습시간은 실제 시간으로만 인정됩니다" in page

    poster = client.get(f"/learn/videos/{world['video'].pk}/poster/")
    assert poster.status_code == 200 and poster["Content-Type"] == "image/jpeg"
    client.force_login(world["beta_trainee"])
    assert client.get(f"/learn/videos/{world['video'].pk}/poster/").status_code == 404


def test_the_position_is_stored_and_the_lesson_resumes_there_on_any_device(client, world):
    response = save(client, world["trainee"], world["lesson"], world["video"], position="2.5", played="[[0, 2.5]]")

    assert response.status_code == 200
    data = response.json()
    assert data["recorded"] and data["position"] == 2.5 and not data["ended"]
    assert data["watched"] == "00:02" and data["total"] == "00:10"
    record = VideoPosition.objects.get(user=world["trainee"], lesson=world["lesson"], document=world["video"])
    assert record.played == [[0.0, 2.5]]

    from django.test import Client

    other_device = Client()
    other_device.force_login(world["trainee"])
    page = other_device.get(world["lesson"].url).content.decode()
    assert 'data-resume="2.5"' in page
    client.force_login(world["classmate"])  # someone else starts at the beginning
    assert 'data-resume="0.0"' in client.get(world["lesson"].url).content.decode()


def test_played_parts_add_up_without_counting_twice(client, world):
    save(client, world["trainee"], world["lesson"], world["second"], position="3", played="[[0, 3]]")
    save(client, world["trainee"], world["lesson"], world["second"], position="2", played="[[1, 2], [5, 6]]")
    record = VideoPosition.objects.get(user=world["trainee"], document=world["second"])
    assert record.played == [[0.0, 3.0], [5.0, 6.0]]
    assert record.watched_seconds == 4
    save(client, world["trainee"], world["lesson"], world["second"], position="99", played="[[0, 600]]")
    record.refresh_from_db()
    assert record.position_seconds == pytest.approx(6, abs=0.1)  # clipped to the video's length
    assert record.watched_seconds == pytest.approx(6, abs=0.1)
    assert record.ended_at is not None


@pytest.mark.parametrize("garbage", ["abc", "-5", "nan", "inf", ""])
def test_a_bad_position_is_stored_as_the_start_never_a_500(client, world, garbage):
    response = save(client, world["trainee"], world["lesson"], world["video"], position=garbage, played="{broken")
    assert response.status_code == 200
    assert VideoPosition.objects.get(user=world["trainee"]).position_seconds == 0


def test_the_position_api_boundaries(client, world):
    lesson, video = world["lesson"], world["video"]
    anonymous = save(client, None, lesson, video, position="1")
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert save(client, world["beta_trainee"], lesson, video, position="1").status_code == 404  # another's lesson
    assert save(client, world["trainee"], world["beta_lesson"], video, position="1").status_code == 404
    assert save(client, world["trainee"], world["other"], video, position="1").status_code == 404  # not in it
    assert save(client, world["instructor"], lesson, video, position="1").status_code == 404  # staff: no record
    client.force_login(world["trainee"])
    assert client.get(position_url(lesson, video)).status_code == 405
    assert not VideoPosition.objects.exists()


def test_required_minutes_left_empty_are_the_videos_total(client, world):
    client.force_login(world["instructor"])
    lesson = world["lesson"]
    html = client.get(f"/cms/pages/{lesson.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for key in [k for k in data if k.startswith("body")]:
        del data[key]
    data["study_minutes"] = ""
    blocks = [video_block(world["video"]), video_block(world["second"])]
    posted = [("video", {**b["value"], "embed": "", "captions": ""}) for b in blocks]
    data.update(nested_form_data({"body": streamfield(posted)}))
    data.update(nested_form_data({"body_en": streamfield([])}))
    response = client.post(f"/cms/pages/{lesson.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
    assert saved.study_minutes == math.ceil((4 + 6) / 60) == 1

    data["study_minutes"] = "7"  # an editor's own number stays
    assert client.post(f"/cms/pages/{lesson.pk}/edit/", data).status_code == 302
    assert LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object().study_minutes == 7

    VideoInfo.objects.filter(document=world["second"]).update(state=VideoInfo.State.PENDING, duration_seconds=None)
    data["study_minutes"] = ""
    pending = client.post(f"/cms/pages/{lesson.pk}/edit/", data)
    assert pending.status_code == 200
    assert "정비 시연" in pending.content.decode() and "아직 알 수 없습니다" in pending.content.decode()


def test_a_new_lessons_minutes_field_starts_empty(client, world):
    client.force_login(world["instructor"])
    html = client.get(f"/cms/pages/add/courses/lessonpage/{world['course'].pk}/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    assert data.get("study_minutes", "") == ""


def test_a_video_lessons_last_activity_is_the_end_of_its_last_video(client, world):
    run = world["run"]
    today = timezone.localdate()
    run.emp_ins_flag = FundingScheme.EMPLOYER
    run.hrd_tracse_id, run.hrd_tracse_tme = "AIG20260000123456", "1"
    run.training_start, run.training_end = today - datetime.timedelta(days=1), today + datetime.timedelta(days=30)
    run.save()
    user, lesson = world["trainee"], world["lesson"]

    progress = services.progress_heartbeat(user=user, lesson=lesson, resume=True, reached_end=True)
    assert progress.final_activity_at is None  # the page's end is not the last video's end

    save(client, user, lesson, world["video"], position="4", ended="1")  # the first video only
    progress = services.progress_heartbeat(user=user, lesson=lesson, resume=True, reached_end=True)
    assert progress.final_activity_at is None

    save(client, user, lesson, world["second"], position="6", ended="1")
    progress = services.progress_heartbeat(user=user, lesson=lesson, resume=True, reached_end=True)
    assert progress.final_activity_at is not None


def test_the_lesson_page_reads_the_same_number_of_queries_for_one_or_three_videos(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    course = world["course"]
    one = f.lesson_page(course, "3차시", minutes=1, body=[video_block(world["video"], world["captions"])])
    three = f.lesson_page(
        course,
        "4차시",
        minutes=1,
        body=[
            video_block(world["video"], world["captions"]),
            video_block(world["second"]),
            video_block(world["second"]),
        ],
    )
    client.force_login(world["trainee"])
    counts = []
    for lesson in (one, three, one, three):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(lesson.url).status_code == 200
        counts.append(len(queries))
    assert counts[2] == counts[3], counts  # warm caches: the same count however many videos
