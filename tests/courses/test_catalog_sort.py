"""The catalog's sort (?sort=): newest first by default, starting soon, by title; anything else is ignored."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses():
    institute = f.institute_page("한국드론연구원")
    today = timezone.localdate()
    old = f.course_page(institute, "나 과정")
    middle = f.course_page(institute, "다 과정")
    new = f.course_page(institute, "가 과정")
    for course, first_published in ((old, 30), (middle, 20), (new, 10)):
        type(course).objects.filter(pk=course.pk).update(
            first_published_at=timezone.now() - datetime.timedelta(days=first_published)
        )
    f.course_run(middle, starts_on=today + datetime.timedelta(days=5), ends_on=today + datetime.timedelta(days=30))
    f.course_run(old, starts_on=today + datetime.timedelta(days=40), ends_on=today + datetime.timedelta(days=60))
    # A run under way does not make a course "start soon".
    f.course_run(new, starts_on=today - datetime.timedelta(days=1), ends_on=today + datetime.timedelta(days=30))
    return {"old": old, "middle": middle, "new": new}


def titles(client, **params):
    response = client.get("/courses/", params)
    assert response.status_code == 200
    return [card.course.title for card in response.context["cards"]]


def test_newest_first_by_default(client, courses):
    assert titles(client) == ["가 과정", "다 과정", "나 과정"]
    assert titles(client, sort="newest") == ["가 과정", "다 과정", "나 과정"]


def test_starting_soon_puts_courses_without_an_upcoming_run_last(client, courses):
    assert titles(client, sort="starting") == ["다 과정", "나 과정", "가 과정"]


def test_by_title(client, courses):
    assert titles(client, sort="title") == ["가 과정", "나 과정", "다 과정"]


@pytest.mark.parametrize("value", ["price", "-title", "'; drop table", "title" * 50])
def test_an_unknown_sort_falls_back_to_newest(client, courses, value):
    assert titles(client, sort=value) == ["가 과정", "다 과정", "나 과정"]


def test_the_chosen_sort_is_kept_in_the_form_and_the_page_links(client, courses):
    institute = courses["old"].get_parent()
    for n in range(12):
        f.course_page(institute.specific, f"추가 과정 {n}")

    html = client.get("/courses/", {"sort": "title"}).content.decode()

    assert '<option value="title" selected>과정명순</option>' in html
    assert "sort=title&amp;page=2" in html


def test_the_banner_image_shows_on_the_course_page_and_its_card(client, courses):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 600), "#13315c").save(buffer, format="PNG")
    banner = get_image_model().objects.create(title="정비 실습장", file=ImageFile(buffer, name="banner.png"))
    course = courses["middle"]
    course.banner_image = banner
    course.save_revision().publish()

    page = client.get(course.url).content.decode()
    catalog = client.get("/courses/").content.decode()

    assert 'class="course-banner"' in page
    cards = BeautifulSoup(catalog, "html.parser").select(".course-card")
    with_image = [card.h3.get_text(strip=True) for card in cards if card.select_one("img.course-card__image")]
    assert with_image == ["다 과정"]
