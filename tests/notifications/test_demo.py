"""The demo trainee's notifications: three unread and one read, written once however often it runs."""

import pytest

from home.demo_notifications import load_notifications_demo
from notifications import services
from notifications.models import Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_demo_trainee_has_a_few_unread_notifications_once():
    trainee = UserFactory(email="trainee@example.com")
    load_notifications_demo()
    load_notifications_demo()
    rows = list(Notification.objects.filter(user=trainee))
    assert len(rows) == 4 and services.unread_count(trainee) == 3
    assert {row.kind for row in rows if row.read_at is None} == {"reminder", "run_ending", "question_answered"}
    assert all(row.message_en and row.message_ko != row.message_en for row in rows)
    assert not any(row.email_due for row in rows)
