"""Preferences: every kind with its e-mail checkbox; kinds a person must receive cannot be switched off."""

import re

import pytest
from django.core import mail
from django.utils.translation import gettext_lazy as _

from notifications import services
from notifications.kinds import KINDS
from notifications.models import NotificationPreference
from tests.factories import StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def checkbox(page: str, name: str) -> set[str]:
    """The attributes of the checkbox ``name`` on ``page`` ("checked", "disabled", …)."""
    tag = re.search(rf'<input type="checkbox" name="{name}"[^>]*>', page).group(0)
    return set(re.findall(r"\s([a-z-]+)(?=[\s>=])", tag))


def test_every_kind_is_listed_and_mandatory_ones_are_checked_and_disabled(client):
    ann = UserFactory()
    client.force_login(ann)
    page = client.get("/notifications/settings/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    for key, spec in KINDS.items():
        assert (f'name="{key}"' in page) is not spec.staff_only  # a trainee is not asked about staff kinds
    for key in ("enrolment_decision", "notice_important", "certificate_issued"):
        assert {"checked", "disabled", "aria-describedby"} <= checkbox(page, key)
        assert f'id="id_{key}_helptext"' in page
    assert {"checked", "disabled"} & checkbox(page, "notice") == set()  # off by default, may be switched on
    assert "checked" in checkbox(page, "reminder") and "disabled" not in checkbox(page, "reminder")
    assert page.count("항상 이메일로 보냅니다") == 3


def test_staff_are_asked_about_staff_kinds_too(client):
    staff = StaffUserFactory()
    client.force_login(staff)
    page = client.get("/notifications/settings/").content.decode()
    assert all(f'name="{key}"' in page for key in KINDS)


def test_saving_follows_the_choice_and_ignores_mandatory_kinds(client, django_capture_on_commit_callbacks):
    ann = UserFactory()
    client.force_login(ann)
    # every optional kind off except "notice"; a forged "certificate_issued" off is ignored
    response = client.post("/notifications/settings/", {"notice": "on"})
    assert response.status_code == 302
    choices = dict(NotificationPreference.objects.filter(user=ann).values_list("kind", "email"))
    assert choices["notice"] is True and choices["question_answered"] is False
    assert "certificate_issued" not in choices and "enrolment_decision" not in choices
    assert services.email_choices(user=ann)["certificate_issued"] is True

    page = client.get("/notifications/settings/").content.decode()
    assert "checked" in checkbox(page, "notice")
    assert "checked" not in checkbox(page, "reminder")

    with django_capture_on_commit_callbacks(execute=True):
        services.notify(users=[ann], kind="reminder", message=_("Reminders from HR and instructors"))
        services.notify(users=[ann], kind="notice", message=_("New notices"))
        services.notify(users=[ann], kind="certificate_issued", message=_("Certificate issued"))
    assert sorted(m.subject for m in mail.outbox) == ["새 공지사항", "수료증 발급"]


def test_a_bad_value_is_answered_with_the_form_not_a_500(client):
    ann = UserFactory()
    client.force_login(ann)
    response = client.post("/notifications/settings/", {"notice": "x" * 5000, "unknown": "1"})
    assert response.status_code in (302, 400)
