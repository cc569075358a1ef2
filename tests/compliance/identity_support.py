"""Helpers of the identity-check tests: a funded trainee with a name, birth date and phone, and the
check page driven as a browser without JavaScript would (form POSTs, following redirects)."""

import datetime

from django.utils import timezone

from courses.progress_rule import kst_date
from tests.support.funded import studied

FAKE_CODE = "123456"
BIRTH = datetime.date(1990, 5, 17)


def with_identity(user):
    user.name_ko, user.birth_date, user.mobile_phone = "홍길동", BIRTH, "01012345678"
    user.save(update_fields=["name_ko", "birth_date", "mobile_phone"])
    return user


def studied_before_today(funded, count: int):
    """차시 1…count studied to 100 % yesterday (KST): the next one is unlocked, today's cap is free."""
    yesterday = kst_date(timezone.now()) - datetime.timedelta(days=1)
    studied(funded["enrolment"], funded["lessons"][:count], yesterday)


def detour_of(response) -> str:
    assert response.status_code == 302, response.status_code
    assert response["Location"].startswith("/learn/identity/"), response["Location"]
    return response["Location"]


def submit_code(client, check_url: str, code: str, route: str = "motp"):
    return client.post(check_url, {"route": route, "action": "verify", "code": code})


def phone_verify(client, check_url: str, *, name="홍길동", birth=BIRTH):
    """The phone route through the fake provider: start, confirm (name, birth date), come back."""
    start = client.post(check_url, {"route": "phone", "action": "start"})
    assert start.status_code == 302 and "/accounts/identity/fake-provider/" in start["Location"], start
    provider = client.post(start["Location"], {"name": name, "birth_date": birth.isoformat(), "phone": "01012345678"})
    assert provider.status_code == 302, provider
    return client.get(provider["Location"])
