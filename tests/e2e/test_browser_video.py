"""In Chromium: the demo trainee plays a demo video lesson, seeks to the middle, reloads the page and
the player resumes there (the position is stored on the server, so any device would resume too).
Seeking works only because the document view answers Range requests (206). Screenshots of the video
lesson on desktop and phone: var/screenshots/video-lesson-*.png."""

import pytest
from django.core.management import call_command

from courses.models import CoursePage, VideoPosition
from home.demo_video import COURSE_SLUG, VIDEOS
from tests.conftest import wait_for
from tests.support.browser import log_in, new_page, screenshot

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]


def until(page, expression: str, timeout: float = 30.0) -> None:
    """Poll ``expression`` in the page (the page's CSP forbids wait_for_function's string eval)."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(f"() => Boolean({expression})"):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        time.sleep(0.2)


def current_time(page) -> float:
    return page.evaluate("document.querySelector('video[data-video-player]').currentTime")


def test_a_demo_video_plays_seeks_and_resumes_after_a_reload(live_server, browser):
    from accounts.models import User

    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    course = CoursePage.objects.get(slug=COURSE_SLUG)
    lesson = list(course.lessons())[VIDEOS[0]["lesson_index"]]
    trainee = User.objects.get(email="trainee@example.com")
    base = live_server.url
    ranges = []

    page = new_page(browser, "desktop")
    page.on("response", lambda r: ranges.append(r.status) if "/documents/" in r.url and ".webm" in r.url else None)
    log_in(page, base, trainee)
    page.goto(f"{base}{lesson.url}")
    video = page.locator("video[data-video-player]")
    assert video.get_attribute("data-resume") == "0.0"
    until(page, "document.querySelector('video[data-video-player]').readyState >= 1")
    duration = page.evaluate("document.querySelector('video[data-video-player]').duration")
    assert duration == pytest.approx(VIDEOS[0]["seconds"], abs=0.5)

    page.evaluate(
        "(() => { const v = document.querySelector('video[data-video-player]'); v.muted = true; return v.play(); })()"
    )
    until(page, "document.querySelector('video[data-video-player]').currentTime > 0.5")
    middle = duration / 2
    page.evaluate(f"document.querySelector('video[data-video-player]').currentTime = {middle}")
    until(page, f"document.querySelector('video[data-video-player]').currentTime >= {middle}")
    page.evaluate("document.querySelector('video[data-video-player]').pause()")
    wait_for(
        lambda: VideoPosition.objects.filter(
            user=trainee, lesson_id=lesson.pk, position_seconds__gte=middle - 1
        ).exists(),
        message="the position stored on pause",
    )
    stored = VideoPosition.objects.get(user=trainee, lesson_id=lesson.pk).position_seconds
    assert 206 in ranges  # the browser asked for byte ranges and got them

    page.reload()
    until(page, "document.querySelector('video[data-video-player]').hasAttribute('data-resumed')")
    until(page, "document.querySelector('video[data-video-player]').currentTime > 0")
    assert current_time(page) == pytest.approx(stored, abs=0.6)
    assert abs(current_time(page) - middle) < 1.5
    assert "시청" in page.content() and "/ 전체" in page.content()
    caption_tracks = page.evaluate("document.querySelector('video[data-video-player]').textTracks.length")
    assert caption_tracks == 1
    screenshot(page, "video-lesson", size="desktop")
    page.context.close()

    phone = new_page(browser, "phone")
    log_in(phone, base, trainee)
    phone.goto(f"{base}{lesson.url}")
    until(phone, "document.querySelector('video[data-video-player]').hasAttribute('data-resumed')")
    assert current_time(phone) == pytest.approx(stored, abs=0.6)  # another device resumes there too
    screenshot(phone, "video-lesson", size="phone")
    phone.context.close()
