"""The bell, the list and opening one: the person's own notifications only, never an open redirect."""

import json

import pytest
from django.utils.translation import gettext_lazy as _

from notifications import services
from notifications.models import Notification
from tests.factories import AdminUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def send(user, *, url="/learn/", key="", message=None):
    services.notify(users=[user], kind="notice", message=message or _("New notices"), url=url, key=key, email=False)
    return Notification.objects.filter(user=user).latest("pk")


def test_the_bell_shows_the_unread_count_and_follows_reading(client):
    ann = UserFactory()
    for n in range(3):
        send(ann, key=f"n:{n}")
    client.force_login(ann)

    page = client.get("/learn/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert 'aria-label="알림, 읽지 않음 3건"' in page
    assert '<span class="notification-bell__count">3</span>' in page

    first = Notification.objects.filter(user=ann).order_by("pk").first()
    client.get(f"/notifications/{first.pk}/")
    page = client.get("/learn/").content.decode()
    assert '<span class="notification-bell__count">2</span>' in page

    client.post("/notifications/read-all/")
    page = client.get("/learn/").content.decode()
    assert '<span class="notification-bell__count">0</span>' in page
    assert 'aria-label="알림, 읽지 않음 0건"' in page


def test_the_bell_is_read_from_the_cache_after_the_first_page(client, django_assert_num_queries):
    """The count costs one query on a cache miss and none afterwards (``services.unread_count``)."""
    ann = UserFactory()
    send(ann)
    assert services.unread_count(ann) == 1  # cached now
    with django_assert_num_queries(0):
        assert services.unread_count(ann) == 1
    services.mark_read(user=ann)
    with django_assert_num_queries(1):
        assert services.unread_count(ann) == 0


def test_anonymous_pages_have_no_bell(client):
    page = client.get("/verify/").content.decode()
    assert "notification-bell" not in page


def test_the_list_is_newest_first_marks_unread_and_paginates(client):
    ann, ben = UserFactory(), UserFactory()
    for n in range(22):
        send(ann, key=f"n:{n}", message=_("Reminders from HR and instructors"))
    send(ben, message=_("Certificate issued"))
    newest = Notification.objects.filter(user=ann).latest("pk")
    services.mark_read(user=ann, ids=[newest.pk])
    client.force_login(ann)

    page = client.get("/notifications/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert page.count('class="notification notification--unread"') == 19  # 20 a page, the newest read
    assert page.count('class="notification"') == 1
    assert page.index(f'href="/notifications/{newest.pk}/"') < page.index('class="notification notification--unread"')
    assert "인사 담당자·강사의 알림" in page  # the stored Korean text
    assert "수료증 발급" not in page  # ben's
    assert "읽지 않음 21건" in page and "1 / 2" in page.replace("2쪽 중 1쪽", "1 / 2")
    second = client.get("/notifications/?page=2").content.decode()
    assert second.count('class="notification notification--unread"') == 2


def test_opening_marks_read_and_goes_to_its_own_page_only(client):
    ann, ben = UserFactory(), UserFactory()
    mine = send(ann, url="/courses/")
    theirs = send(ben, url="/learn/")
    client.force_login(ann)

    response = client.get(f"/notifications/{mine.pk}/")
    assert response.status_code == 302 and response["Location"] == "/courses/"
    mine.refresh_from_db()
    assert mine.read_at is not None

    assert client.get(f"/notifications/{theirs.pk}/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert client.get("/notifications/999999/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "/\\evil.example",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
        "learn/",
    ],
)
def test_a_link_to_another_site_is_never_followed(client, url):
    ann = UserFactory()
    row = send(ann, url=url)
    client.force_login(ann)
    response = client.get(f"/notifications/{row.pk}/")
    assert response.status_code == 302 and response["Location"] == "/notifications/"


def test_the_sites_own_absolute_url_is_followed(client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://academy.example"
    ann = UserFactory()
    row = send(ann, url="https://academy.example/learn/#certificates")
    client.force_login(ann)
    response = client.get(f"/notifications/{row.pk}/")
    assert response["Location"] == "https://academy.example/learn/#certificates"


def test_mark_all_read_is_a_post_of_ones_own(client):
    ann, ben = UserFactory(), UserFactory()
    send(ann, key="a"), send(ann, key="b"), send(ben)
    client.force_login(ann)
    assert client.get("/notifications/read-all/").status_code == 405
    assert client.post("/notifications/read-all/").status_code == 302
    assert services.unread_count(ann) == 0 and services.unread_count(ben) == 1


def test_the_pages_need_a_login(client):
    for path in ("/notifications/", "/notifications/settings/", "/notifications/1/"):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_english_readers_read_the_english_text(client):
    ann = UserFactory()
    send(ann, message=_("Certificate issued"))
    client.force_login(ann)
    client.post("/i18n/switch/", {"language": "en", "next": "/notifications/"})
    page = client.get("/notifications/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Certificate issued" in page and 'aria-label="Notifications, 1 unread"' in page


def test_the_admin_menu_carries_the_count(client):
    staff = AdminUserFactory()
    send(staff, key="a"), send(staff, key="b")
    client.force_login(staff)
    page = client.get("/cms/").content.decode()  # the sidebar is JSON (telepath): Korean is escaped
    label = json.dumps("알림 (2)")[1:-1]
    assert f'"label": "{label}", "icon_name": "mail"' in page
    assert '"url": "/notifications/"' in page


#: The list's queries once the caches are warm (the bell's count and the header's links come from
#: the cache): the same for 3 or 30 notifications, 20 a page.
QUERIES_LIST = 3


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_costs_the_same_queries_for_few_or_many(client, django_assert_num_queries, count):
    ann = UserFactory()
    for n in range(count):
        send(ann, key=f"n:{n}")
    client.force_login(ann)
    client.get("/notifications/")  # warms the header's and the bell's caches
    with django_assert_num_queries(QUERIES_LIST):
        page = client.get("/notifications/").content.decode()
    assert page.count('class="notification notification--unread"') == min(count, 20)
