"""The home page, the language switch and the error pages."""

import pytest
from django.test import Client, override_settings
from django.urls import path
from wagtail.models import Page

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_home_page_is_korean_by_default_with_english_one_click_away(client):
    response = client.get("/")

    text = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ko">' in text
    assert "교육과정 안내" in text or "나의 강의실" in text
    assert "/i18n/switch/?language=en&amp;next=/" in text
    assert "로그인" in text


def test_language_switch_remembers_english(client):
    response = client.get("/i18n/switch/", {"language": "en", "next": "/"})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert response.cookies["academy_language"].value == "en"
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page
    assert "My learning" in page and "Log in" in page
    assert "/i18n/switch/?language=ko" in page
    # The choice sticks for later pages, including allauth's.
    assert "Sign In" in client.get("/accounts/login/").content.decode()


def test_home_page_shows_english_fields_to_english_readers(client):
    home = HomePage.objects.get()
    home.hero_title = "한국어 대표 문구"
    home.hero_title_en = "English hero title"
    home.save_revision().publish()

    assert "한국어 대표 문구" in client.get("/").content.decode()
    client.cookies["academy_language"] = "en"
    assert "English hero title" in client.get("/").content.decode()


def test_home_page_can_be_created_only_once_under_the_root():
    assert HomePage.objects.count() == 1
    assert not HomePage.can_create_at(Page.get_first_root_node())


def test_404_page_in_both_languages(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "페이지를 찾을 수 없습니다" in response.content.decode()

    client.cookies["academy_language"] = "en"
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def _boom(request):
    raise RuntimeError("secret internal detail")


urlpatterns = [path("boom/", _boom)]


@override_settings(ROOT_URLCONF="tests.home.test_pages")
@pytest.mark.parametrize(
    ("language", "expected"),
    [("ko", "일시적인 오류가 발생했습니다"), ("en", "Something went wrong on our side")],
)
def test_500_page_in_both_languages_without_a_stack_trace(language, expected):
    from lms import urls as project_urls

    globals()["handler500"] = project_urls.handler500
    client = Client(raise_request_exception=False)
    client.cookies["academy_language"] = language

    response = client.get("/boom/")

    text = response.content.decode()
    assert response.status_code == 500
    assert expected in text
    assert "secret internal detail" not in text and "Traceback" not in text


def test_pages_are_served_with_security_headers(client):
    response = client.get("/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_language_switch_refuses_foreign_redirects_and_unknown_languages(client):
    response = client.get("/i18n/switch/", {"language": "fr", "next": "https://evil.example/"})

    assert response["Location"] == "/"
    assert "academy_language" not in response.cookies
