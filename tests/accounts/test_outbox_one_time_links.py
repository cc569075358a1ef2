"""Links that work once or sign someone in are blanked from the stored outbox once the mail has left."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts import services
from accounts.models import OutboundEmail
from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("outbox_backend")]

NOTE = "[발송 후 삭제된 일회용 링크]"


def test_a_password_reset_link_is_delivered_then_blanked_from_the_outbox(client, django_capture_on_commit_callbacks):
    f.UserFactory(email="forgot@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "forgot@example.com"})

    [sent] = mail.outbox
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", sent.body).group(0)
    stored = OutboundEmail.objects.get()
    assert stored.status == OutboundEmail.Status.SENT
    assert link not in stored.body + stored.html_body
    assert "/password/reset/key/" not in stored.body + stored.html_body
    assert NOTE in stored.body
    delivered_path = "/" + link.split("://", 1)[1].partition("/")[2]
    form = client.get(delivered_path, follow=True)  # the link the owner received still works
    assert form.status_code == 200 and "비밀번호 초기화 링크가 올바르지 않습니다" not in form.content.decode()


def test_an_invitation_link_is_delivered_then_blanked_from_the_outbox(django_capture_on_commit_callbacks):
    organisation = f.OrganisationFactory()

    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.organisation_invite(
            organisation=organisation, email="new@example.com", actor=None, base_url="https://academy.example.kr"
        )

    [sent] = mail.outbox
    assert invitation.token in sent.body
    stored = OutboundEmail.objects.get()
    assert invitation.token not in stored.body + stored.html_body and NOTE in stored.body


def test_a_message_given_up_on_keeps_no_link_either(django_capture_on_commit_callbacks):
    from django.core.mail import EmailMultiAlternatives

    url = "https://academy.example.kr/accounts/confirm-email/MQ:secret-key/"
    message = EmailMultiAlternatives("확인", f"확인: {url}", to=["a@example.com"])
    message.attach_alternative(f'<a href="{url}">{url}</a>', "text/html")
    with django_capture_on_commit_callbacks(execute=False):
        outbound = services.email_enqueue(message=message)
    assert url in OutboundEmail.objects.get().body  # kept while it may still be sent

    services.email_mark_failed(email_id=outbound.pk, error="550 mailbox unavailable")

    stored = OutboundEmail.objects.get()
    assert stored.status == OutboundEmail.Status.FAILED
    assert "secret-key" not in stored.body + stored.html_body


def test_other_links_are_kept(django_capture_on_commit_callbacks):
    from django.core.mail import EmailMultiAlternatives

    body = "수강이 승인되었습니다: https://academy.example.kr/learn/"
    with django_capture_on_commit_callbacks(execute=True):
        EmailMultiAlternatives("승인", body, to=["a@example.com"]).send()

    assert OutboundEmail.objects.get().body == body
