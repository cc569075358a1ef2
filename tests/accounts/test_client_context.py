"""The request's client context: address, a keyed device hash from a browser cookie, a user-agent
hash; what audit, proxy-learning and 공단 records read through ``ops.requestcontext``."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from accounts.middleware import DEVICE_COOKIE, ClientContextMiddleware
from ops.requestcontext import EMPTY, current_client, keyed_hash
from tests import factories

pytestmark = pytest.mark.django_db


def _run(request):
    seen = {}

    def view(request):
        seen["client"] = current_client()
        return HttpResponse("ok")

    response = ClientContextMiddleware(view)(request)
    return seen["client"], response


def _request(user=None, cookie: str | None = None, agent: str = "Chromium"):
    request = RequestFactory().get("/learn/", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT=agent)
    request.user = user or AnonymousUser()
    if cookie is not None:
        request.COOKIES[DEVICE_COOKIE] = cookie
    return request


def test_a_signed_in_browser_gets_a_device_cookie_whose_hash_is_stable():
    user = factories.UserFactory()
    client, response = _run(_request(user))
    device_id = response.cookies[DEVICE_COOKIE].value
    assert response.cookies[DEVICE_COOKIE]["httponly"]
    assert client.address == "203.0.113.7"
    assert client.device_hash == keyed_hash(device_id) and len(client.device_hash) == 32
    assert device_id not in client.device_hash
    again, response = _run(_request(user, cookie=device_id))
    assert again.device_hash == client.device_hash
    assert DEVICE_COOKIE not in response.cookies  # kept, not renewed on every response


def test_two_browsers_have_different_hashes_and_agents_are_hashed():
    user = factories.UserFactory()
    first, _ = _run(_request(user, agent="Chromium"))
    second, _ = _run(_request(user, agent="Safari"))
    assert first.device_hash != second.device_hash
    assert first.user_agent_hash == keyed_hash("Chromium") != second.user_agent_hash


def test_anonymous_pages_carry_no_cookie_and_a_forged_id_is_replaced():
    _client, response = _run(_request())
    assert DEVICE_COOKIE not in response.cookies
    client, response = _run(_request(factories.UserFactory(), cookie="<script>"))
    assert response.cookies[DEVICE_COOKIE].value.isalnum()
    assert client.device_hash == keyed_hash(response.cookies[DEVICE_COOKIE].value)


def test_the_hash_depends_on_the_key():
    value = "0123456789abcdef0123456789abcdef"
    with override_settings(ACADEMY_DEVICE_HASH_KEY="one"):
        one = keyed_hash(value)
    with override_settings(ACADEMY_DEVICE_HASH_KEY="two"):
        two = keyed_hash(value)
    assert one != two


def test_outside_a_request_the_context_is_empty():
    assert current_client() == EMPTY
