"""공지사항: who sees which notice where, in which order; writing them; announcing them once."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from community import services
from community.models import Notice
from community.tasks import notices_announce_due_task
from notifications.models import Notification
from pagecache.generation import current_generation

from .conftest import client_for

pytestmark = pytest.mark.django_db


def _notice(title, *, days_ago=1, **fields):
    return Notice.objects.create(
        title=title, body=f"{title} 내용", published_at=timezone.now() - datetime.timedelta(days=days_ago), **fields
    )


def _positions(text, titles):
    return [text.index(title) if title in text else None for title in titles]


def test_the_home_page_shows_live_site_wide_notices_pinned_first_then_newest(world):
    _notice("오래된 고정 공지", days_ago=9, pinned=True)
    _notice("어제 공지", days_ago=1)
    _notice("그저께 공지", days_ago=2)
    _notice("예약 공지", days_ago=-1)
    _notice("끝난 공지", days_ago=5, ends_at=timezone.now() - datetime.timedelta(hours=1))
    _notice("과정 공지", course=world["course"], institute=world["alpha"])
    text = client_for(None).get("/").content.decode()
    first, second, third = _positions(text, ["오래된 고정 공지", "어제 공지", "그저께 공지"])
    assert first < second < third
    for hidden in ("예약 공지", "끝난 공지", "과정 공지"):
        assert hidden not in text


def test_the_course_page_shows_the_course_notices_and_the_readers_run_notices(world):
    course, run1, run2 = world["course"], world["run1"], world["run2"]
    _notice("과정 전체 공지", course=course, institute=world["alpha"])
    _notice("1차 공지", course=course, run=run1, institute=world["alpha"])
    _notice("2차 공지", course=course, run=run2, institute=world["alpha"])
    _notice("다른 과정 공지", course=world["other_course"], institute=world["alpha"])
    seen = {}
    for role in ("anonymous", "ann", "cat", "dan", "instructor_a", "instructor_b"):
        text = client_for(world["users"][role]).get(course.url).content.decode()
        seen[role] = {t for t in ("과정 전체 공지", "1차 공지", "2차 공지", "다른 과정 공지") if t in text}
    assert seen == {
        "anonymous": {"과정 전체 공지"},
        "ann": {"과정 전체 공지", "1차 공지"},
        "cat": {"과정 전체 공지", "2차 공지"},
        "dan": {"과정 전체 공지"},
        "instructor_a": {"과정 전체 공지", "1차 공지", "2차 공지"},
        "instructor_b": {"과정 전체 공지"},
    }
    # the board's link, for the course's readers only
    assert (
        f"/learn/courses/{course.pk}/questions/" in client_for(world["users"]["ann"]).get(course.url).content.decode()
    )
    assert (
        f"/learn/courses/{course.pk}/questions/"
        not in client_for(world["users"]["dan"]).get(course.url).content.decode()
    )


def test_learn_shows_site_wide_notices_and_those_of_the_persons_courses_and_runs(world):
    _notice("전체 공지", pinned=True, days_ago=3)
    _notice("과정 공지", course=world["course"], institute=world["alpha"], days_ago=2)
    _notice("1차 공지", course=world["course"], run=world["run1"], institute=world["alpha"], days_ago=1)
    _notice("2차 공지", course=world["course"], run=world["run2"], institute=world["alpha"])
    _notice("다른 과정 공지", course=world["other_course"], institute=world["alpha"])
    text = client_for(world["users"]["ann"]).get("/learn/").content.decode()
    assert _positions(text, ["전체 공지", "1차 공지", "과정 공지"]) == sorted(
        _positions(text, ["전체 공지", "1차 공지", "과정 공지"])
    )
    assert "2차 공지" not in text and "다른 과정 공지" not in text


def test_a_run_notice_page_opens_for_the_run_only(world):
    notice = _notice("1차 공지", course=world["course"], run=world["run1"], institute=world["alpha"])
    url = f"/notices/{notice.pk}/"
    assert client_for(world["users"]["ann"]).get(url).status_code == 200
    assert client_for(world["users"]["cat"]).get(url).status_code == 404
    assert client_for(world["users"]["instructor_b"]).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302
    site_wide = _notice("전체 공지")
    assert client_for(None).get(f"/notices/{site_wide.pk}/").status_code == 200
    scheduled = _notice("예약 공지", days_ago=-1)
    assert client_for(world["users"]["ann"]).get(f"/notices/{scheduled.pk}/").status_code == 404


def test_publishing_tells_the_runs_trainees_once_and_important_ones_go_by_email(
    world, django_capture_on_commit_callbacks
):
    users = world["users"]
    with django_capture_on_commit_callbacks(execute=True):
        notice = services.notice_save(
            notice=Notice(
                course=world["course"], run=world["run1"], title="휴강 안내", body="내일 휴강", important=True
            ),
            actor=users["instructor_a"],
        )
    rows = Notification.objects.filter(key=f"notice:{notice.pk}")
    assert {row.user_id for row in rows} == {users["ann"].pk, users["bob"].pk}  # not the withdrawn one, not run 2
    assert {row.kind for row in rows} == {"notice_important"} and all(row.email_due for row in rows)
    notice.refresh_from_db()
    assert notice.institute == world["alpha"] and notice.announced_at is not None
    assert services.notice_announce(notice_id=notice.pk) == 0  # safe to run twice

    with django_capture_on_commit_callbacks(execute=True):
        plain = services.notice_save(
            notice=Notice(course=world["course"], title="교재 안내", body="교재"), actor=users["instructor_a"]
        )
    plain_rows = Notification.objects.filter(key=f"notice:{plain.pk}")
    assert {row.user_id for row in plain_rows} == {users["ann"].pk, users["bob"].pk, users["cat"].pk}
    assert {row.kind for row in plain_rows} == {"notice"} and not any(row.email_due for row in plain_rows)


def test_a_scheduled_site_wide_notice_is_announced_to_everyone_when_due_and_shows_at_once(
    world, django_capture_on_commit_callbacks
):
    admin = world["users"]["admin"]
    with django_capture_on_commit_callbacks(execute=True):
        notice = services.notice_save(
            notice=Notice(
                title="점검 예정",
                body="점검",
                important=True,
                published_at=timezone.now() + datetime.timedelta(hours=1),
            ),
            actor=admin,
        )
    assert not Notification.objects.exists() and notice.announced_at is None
    assert notices_announce_due_task() == 0  # not yet
    Notice.objects.filter(pk=notice.pk).update(published_at=timezone.now() - datetime.timedelta(seconds=1))
    generation = current_generation()
    with django_capture_on_commit_callbacks(execute=True):
        written = notices_announce_due_task()
    from accounts.models import User

    assert written == User.objects.filter(is_active=True).count() == Notification.objects.count()
    assert current_generation() > generation  # cached public pages show it from now on
    assert notices_announce_due_task() == 0


def test_staff_write_notices_for_their_institute_only_and_never_site_wide(world):
    users = world["users"]
    instructor = client_for(users["instructor_a"])
    data = {"title": "실습 안내", "body": "실습", "published_at": "2026-01-05 09:00", "course": "", "run": ""}
    response = instructor.post("/cms/community/notices/new/", data)
    assert response.status_code == 200 and not Notice.objects.exists()  # the course is required for staff
    response = instructor.post("/cms/community/notices/new/", {**data, "course": world["course"].pk})
    assert response.status_code == 302
    notice = Notice.objects.get()
    assert notice.institute == world["alpha"] and notice.author == users["instructor_a"]
    # another institute's staff: the course is not offered, the notice is not found
    other = client_for(users["instructor_b"])
    refused = other.post("/cms/community/notices/new/", {**data, "course": world["course"].pk})
    assert refused.status_code == 200 and Notice.objects.count() == 1
    assert other.get(f"/cms/community/notices/edit/{notice.pk}/").status_code == 404
    assert other.post(f"/cms/community/notices/delete/{notice.pk}/").status_code == 404
    assert "실습 안내" not in other.get("/cms/community/notices/").content.decode()
    # a run of another course of the same form is refused
    mismatch = instructor.post(
        "/cms/community/notices/new/", {**data, "course": world["other_course"].pk, "run": world["run1"].pk}
    )
    assert mismatch.status_code == 200 and Notice.objects.count() == 1
    no_course = instructor.post("/cms/community/notices/new/", data).content.decode()
    assert "전체 공지는 관리자만 작성할 수 있습니다" in no_course
    # a run alone names its course
    by_run = instructor.post("/cms/community/notices/new/", {**data, "title": "1차 안내", "run": world["run1"].pk})
    assert by_run.status_code == 302
    assert Notice.objects.get(title="1차 안내").course_id == world["course"].pk
    # administrators write site-wide notices
    admin = client_for(users["admin"])
    assert admin.post("/cms/community/notices/new/", {**data, "title": "전체 안내"}).status_code == 302
    assert Notice.objects.get(title="전체 안내").is_site_wide
