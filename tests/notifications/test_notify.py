"""notify(): one row per person and key, in both languages, e-mail by preference after commit."""

import pytest
from django.core import mail
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from notifications import services
from notifications.models import Notification, NotificationPreference
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_notify_writes_both_languages_once_per_key_and_counts_unread(django_capture_on_commit_callbacks):
    ann, ben = UserFactory(), UserFactory()
    message = format_lazy("{kind}: {title}", kind=_("Important notices"), title="비행 안전")
    with django_capture_on_commit_callbacks(execute=False):
        assert services.notify(users=[ann, ben.pk], kind="notice", message=message, url="/learn/", key="n:1") == 2
        assert services.notify(users=[ann], kind="notice", message=message, key="n:1") == 0
    row = Notification.objects.get(user=ann)
    assert row.message_ko == "중요 공지사항: 비행 안전" and row.message_en == "Important notices: 비행 안전"
    with translation.override("en"):
        assert row.message == "Important notices: 비행 안전"
    assert services.unread_count(ann) == 1
    assert services.mark_read(user=ann) == 1 and services.unread_count(ann) == 0
    assert services.unread_count(ben) == 1


def test_email_follows_the_preference_unless_the_kind_is_not_optional(django_capture_on_commit_callbacks):
    ann, ben = UserFactory(), UserFactory()
    NotificationPreference.objects.create(user=ben, kind="question_answered", email=False)
    services.preferences_set(user=ann, email_by_kind={"certificate_issued": False})  # not optional: ignored
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(users=[ann, ben], kind="question_answered", message=_("Answers to my questions"))
        services.notify(users=[ann], kind="certificate_issued", message=_("Answers to my questions"))
    # the task ran on commit (eager in tests): ben chose no e-mail for answers
    assert sorted(message.to for message in mail.outbox) == [[ann.email], [ann.email]]
    assert "/notifications/" not in mail.outbox[0].body and "중요" not in mail.outbox[0].subject
    assert not Notification.objects.filter(email_due=True, emailed_at__isnull=True).exists()
    assert services.emails_send() == 0  # safe to run twice: nothing left


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        services.notify(users=[UserFactory()], kind="made_up", message="x")
    assert not mail.outbox


def test_a_message_typed_with_line_breaks_is_mailed_with_a_one_line_subject(django_capture_on_commit_callbacks):
    from django.utils.text import format_lazy as fl

    person = UserFactory()
    typed = "오늘 학습 안내:\n1단원을 마쳐 주세요.\r\nBcc: victim@example.com " + "가" * 600
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(users=[person], kind="reminder", message=fl("{text}", text=typed))
    [message] = mail.outbox
    assert "\n" not in message.subject and "\r" not in message.subject and len(message.subject) <= 200
    assert "1단원을 마쳐 주세요." in message.body and message.body.count("가") == 2 * 600  # whole, in both parts
    assert Notification.objects.get(user=person).message_ko.endswith("가" * 600)


def test_a_cache_or_broker_outage_never_fails_the_sender(monkeypatch, django_capture_on_commit_callbacks, caplog):
    """The cluster's Redis drill: completions go on while Redis is down; the bell's count is read from
    the database and the e-mails wait for the five-minute sweep."""
    from django.core.cache import cache

    from notifications import tasks

    def refused(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    person = UserFactory()
    monkeypatch.setattr(cache, "delete_many", refused)
    monkeypatch.setattr(cache, "get", refused)
    monkeypatch.setattr(tasks.notification_emails_send, "apply_async", refused)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notify(users=[person], kind="question_answered", message=_("Answers to my questions")) == 1
    assert services.unread_count(person) == 1  # from the database
    assert Notification.objects.get(user=person).email_due and not mail.outbox  # left for the sweep
    assert "the sweep will" in caplog.text
    assert services.emails_send() == 1 and len(mail.outbox) == 1  # the sweep sends it
