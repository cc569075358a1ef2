"""One idea of who the client is, behind an explicit number of trusted proxies, for allauth and us."""

import pytest
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.urls import reverse

from accounts.clients import client_address, client_key
from certificates import ratelimit
from lms.settings.env import env_trusted_proxy_count
from tests.factories import UserFactory

PROXY = "10.0.0.5"


def request(xff=None, remote=PROXY):
    extra = {"REMOTE_ADDR": remote}
    if xff is not None:
        extra["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("count", "xff", "expected"),
    [
        (0, "203.0.113.7", PROXY),  # no proxy trusted: the header is the client's own word
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # what the client wrote itself is ignored
        (2, "6.6.6.6, 203.0.113.7, 172.16.0.2", "203.0.113.7"),  # CDN and nginx
        (2, "203.0.113.7", PROXY),  # fewer addresses than proxies: it did not come through them
        (1, "not-an-address", PROXY),
        (1, "203.0.113.7:51234", "203.0.113.7"),
        (1, "[2001:db8::1]:443", "2001:db8::1"),
        (1, None, PROXY),
    ],
)
def test_client_address_is_the_nth_address_from_the_right(settings, count, xff, expected):
    settings.ACADEMY_TRUSTED_PROXY_COUNT = count

    assert client_address(request(xff)) == expected


def test_ipv6_clients_are_counted_by_their_64_network(settings):
    settings.ACADEMY_TRUSTED_PROXY_COUNT = 1
    one, other = request("2001:db8:1:2::aaaa"), request("2001:db8:1:2:ffff::1")

    assert client_key(one) == client_key(other) == "2001:db8:1:2::"
    assert ratelimit.client_hash(one) == ratelimit.client_hash(other)


@pytest.mark.django_db
def test_allauth_limits_the_client_behind_the_proxy_not_the_proxy(client, settings):
    settings.ACADEMY_TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    UserFactory(email="owner@example.com")

    def attempt(client_ip, password):
        return client.post(
            reverse("account_login"),
            {"login": "owner@example.com", "password": password},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"1.2.3.4, {client_ip}",
        )

    for n in range(10):
        attempt("203.0.113.7", f"guess-{n}")
    blocked = attempt("203.0.113.7", "correct-horse-battery-42")
    other_client = attempt("198.51.100.8", "correct-horse-battery-42")

    assert "너무 많은 로그인 실패가 감지되었습니다" in blocked.content.decode()
    assert other_client.status_code == 302


@pytest.mark.parametrize(
    ("environment", "default", "expected"),
    [
        ({}, 0, 0),
        ({}, 1, 1),
        ({"ACADEMY_TRUSTED_PROXY_COUNT": "2"}, 1, 2),
        ({"ACADEMY_TRUSTED_PROXY_COUNT": "0"}, 1, 0),
        ({"ACADEMY_TRUST_X_FORWARDED_FOR": "true"}, 0, 1),
        ({"ACADEMY_TRUST_X_FORWARDED_FOR": "false"}, 1, 0),
        ({"ACADEMY_TRUST_X_FORWARDED_FOR": "true", "ACADEMY_TRUSTED_PROXY_COUNT": "2"}, 0, 2),
    ],
)
def test_the_number_of_trusted_proxies_and_the_old_boolean(monkeypatch, environment, default, expected):
    monkeypatch.delenv("ACADEMY_TRUSTED_PROXY_COUNT", raising=False)
    monkeypatch.delenv("ACADEMY_TRUST_X_FORWARDED_FOR", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    assert env_trusted_proxy_count(default=default) == expected


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"ACADEMY_TRUSTED_PROXY_COUNT": "-1"}, "ACADEMY_TRUSTED_PROXY_COUNT must be at least 0"),
        ({"ACADEMY_TRUSTED_PROXY_COUNT": "one"}, "ACADEMY_TRUSTED_PROXY_COUNT must be an integer"),
        ({"ACADEMY_TRUST_X_FORWARDED_FOR": "false", "ACADEMY_TRUSTED_PROXY_COUNT": "1"}, "contradict each other"),
    ],
)
def test_a_bad_or_contradicting_proxy_setting_stops_start_up(monkeypatch, environment, message):
    monkeypatch.delenv("ACADEMY_TRUSTED_PROXY_COUNT", raising=False)
    monkeypatch.delenv("ACADEMY_TRUST_X_FORWARDED_FOR", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    with pytest.raises(ImproperlyConfigured, match=message):
        env_trusted_proxy_count(default=1)


@pytest.mark.django_db  # the system checks include one that reads the database (courses.E001, funded runs)
def test_settings_give_allauth_the_same_number(settings):
    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == settings.ACADEMY_TRUSTED_PROXY_COUNT
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = settings.ACADEMY_TRUSTED_PROXY_COUNT + 1

    assert "accounts.W001" in [message.id for message in run_checks()]


@pytest.mark.parametrize(
    ("environment", "expected"), [({}, "1 1"), ({"ACADEMY_TRUST_X_FORWARDED_FOR": "false"}, "0 0")]
)
def test_production_trusts_one_proxy_unless_told_otherwise(environment, expected):
    from tests.lms.test_settings import run_manage

    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.ACADEMY_TRUSTED_PROXY_COUNT, s.ALLAUTH_TRUSTED_PROXY_COUNT)",
        env_overrides=environment,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected
