"""Staff are signed out after 30 minutes without a request; trainees keep the normal session.

Staff are who the MFA rule calls staff: anyone who may open the Wagtail admin, and HR of an
organisation. Time is moved with a controllable clock (Django's ``timezone.now``), not slept.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from tests import factories as f

pytestmark = pytest.mark.django_db


class Clock:
    """The server's clock, moved by the test."""

    def __init__(self):
        self.now = timezone.now()

    def __call__(self):
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(timezone, "now", clock)
    return clock


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def instructor(client):
    user = f.StaffUserFactory()
    client.force_login(user)
    return user


def test_staff_are_signed_out_after_thirty_idle_minutes(client, clock, instructor):
    assert client.get("/cms/").status_code == 200
    clock.advance(minutes=31, seconds=1)

    response = client.get("/cms/", follow=True)

    assert not signed_in(client)
    assert response.redirect_chain[-1][0].startswith("/accounts/login/")
    assert "30분 동안 활동이 없어 로그아웃되었습니다" in response.content.decode()
    assert client.get("/learn/").status_code == 302


def test_staff_are_never_signed_out_before_thirty_minutes(client, clock, instructor):
    client.get("/cms/")
    clock.advance(seconds=59)
    client.get("/cms/")  # within the minute: not recorded, so the idle time is counted from before it
    clock.advance(minutes=30)

    assert client.get("/cms/").status_code == 200
    assert signed_in(client)


def test_working_staff_stay_signed_in_all_day(client, clock, instructor):
    for _ in range(24):  # eight hours, a request every twenty minutes
        clock.advance(minutes=20)
        assert client.get("/cms/").status_code == 200
    assert signed_in(client)


def test_hr_staff_are_signed_out_too(client, clock):
    hr = f.MembershipFactory(role="hr").user
    client.force_login(hr)
    assert client.get("/hr/").status_code == 200
    clock.advance(minutes=45)

    response = client.get("/hr/")

    assert response.status_code == 302
    assert not signed_in(client)


def test_trainees_keep_the_normal_session(client, clock):
    client.force_login(f.MembershipFactory(role="employee").user)
    client.get("/learn/")
    clock.advance(hours=6)

    assert client.get("/learn/").status_code == 200
    assert signed_in(client)


@override_settings(ACADEMY_STAFF_IDLE_MINUTES=5)
def test_the_idle_time_is_a_setting(client, clock, instructor):
    client.get("/cms/")
    clock.advance(minutes=7)

    client.get("/cms/")

    assert not signed_in(client)


def test_the_session_is_written_at_most_once_a_minute(client, clock, instructor):
    def writes_session(response) -> bool:
        return settings.SESSION_COOKIE_NAME in response.cookies

    assert writes_session(client.get("/cms/"))  # the first request records the time
    for _ in range(5):
        clock.advance(seconds=10)
        assert not writes_session(client.get("/cms/"))
    clock.advance(seconds=10)
    assert writes_session(client.get("/cms/"))  # a minute later, once
    assert not writes_session(client.get("/cms/"))
