"""Wrong passwords never lock the owner out: limits are per address, and the owner gets a notice."""

import time

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import OutboundEmail
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("outbox_backend")]

A, B, C = "203.0.113.10", "198.51.100.20", "192.0.2.30"


def login(client, email, password, address):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=address)


def notices(email):
    return [m for m in mail.outbox if m.to == [email] and "로그인 실패" in m.subject]


def test_five_wrong_passwords_from_one_address_do_not_lock_out_the_right_one_from_another(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="owner@example.com", name_ko="김주인", name_en="Juin Kim")

    with django_capture_on_commit_callbacks(execute=True):
        wrong = [login(client, "owner@example.com", f"guess-{n}", A).status_code for n in range(5)]
        right = login(client, "owner@example.com", PASSWORD, B)

    assert wrong == [200] * 5
    assert right.status_code == 302 and right["Location"] == "/learn/"
    assert client.session["_auth_user_id"]
    [notice] = notices("owner@example.com")
    assert OutboundEmail.objects.get().status == OutboundEmail.Status.SENT  # through the outbox
    korean, english = notice.body.split("----------")
    assert "김주인 님께" in korean and "잘못된 비밀번호로 5번" in korean and "계정은 잠기지 않았으며" in korean
    assert "Dear Juin Kim" in english and "5 times" in english
    assert "/accounts/password/reset/" in notice.body and PASSWORD not in notice.body


def test_the_owner_gets_one_notice_per_window_however_many_failures(
    client, settings, django_capture_on_commit_callbacks
):
    settings.ACADEMY_LOGIN_NOTICE_FAILURES = 3
    settings.ACADEMY_LOGIN_NOTICE_WINDOW_SECONDS = 1
    UserFactory(email="owner@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        for n, address in enumerate([A, B, C] * 3):
            login(client, "owner@example.com", f"guess-{n}", address)
    assert len(notices("owner@example.com")) == 1

    time.sleep(1.1)  # the window ends; a new run of failures warns again
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            login(client, "owner@example.com", f"again-{n}", C)
    assert len(notices("owner@example.com")) == 2


def test_failures_below_the_threshold_and_unknown_addresses_send_nothing(client, django_capture_on_commit_callbacks):
    UserFactory(email="owner@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        for n in range(4):
            login(client, "owner@example.com", f"guess-{n}", A)
        for n in range(6):
            login(client, "nobody@example.com", f"guess-{n}", B)

    assert mail.outbox == []
    assert not OutboundEmail.objects.exists()


def test_one_address_is_still_limited_while_the_owner_logs_in_elsewhere(client):
    UserFactory(email="owner@example.com")

    for n in range(10):
        login(client, "owner@example.com", f"guess-{n}", A)
    blocked = login(client, "owner@example.com", PASSWORD, A)
    elsewhere = login(client, "owner@example.com", PASSWORD, B)

    assert "너무 많은 로그인 실패가 감지되었습니다" in blocked.content.decode()
    assert elsewhere.status_code == 302
