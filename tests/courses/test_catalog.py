"""The catalog at /courses/: cards, filters, pagination and Korean search."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog():
    alpha = f.institute_page("한국드론연구원", slug="kdri", title_en="Korea Drone Research Institute")
    beta = f.institute_page("국방보안교육원", slug="dsec")
    maintenance = f.course_page(
        alpha,
        "군용드론 정비 실무",
        category="maintenance",
        level="intermediate",
        delivery_mode="blended",
        study_hours=24,
    )
    piloting = f.course_page(
        alpha, "소형 군용드론 조종 기초", category="piloting", title_en="Small drone piloting basics"
    )
    security = f.course_page(
        beta,
        "방산기술보호 보안교육",
        category="quality_security",
        summary="방산기술 유출을 막는 보안 수칙",
        summary_en="Security rules",
    )
    run = f.course_run(maintenance, capacity=20, title="2026년 2차")
    f.enrolment(run)
    f.enrolment(run)
    f.enrolment(run, status="pending")  # a request holds no seat
    return {"alpha": alpha, "beta": beta, "maintenance": maintenance, "piloting": piloting, "security": security}


def test_cards_show_institute_category_level_hours_mode_next_run_and_seats(client, catalog):
    response = client.get("/courses/")

    text = response.content.decode()
    assert response.status_code == 200
    card = text[text.index("군용드론 정비 실무") - 400 : text.index("군용드론 정비 실무") + 1200]
    assert "한국드론연구원" in card
    for words in ("정비", "중급", "혼합", "24시간", "잔여 18석"):
        assert words in card, words
    assert "3개 과정" in text


def test_korean_search_finds_a_word_inside_a_title(client, catalog):
    response = client.get("/courses/", {"q": "정비"})

    cards = [card.course for card in response.context["cards"]]
    assert cards == [catalog["maintenance"]]


def test_search_matches_parts_of_compound_words_and_english_titles(client, catalog):
    assert {c.course for c in client.get("/courses/", {"q": "드론"}).context["cards"]} == {
        catalog["maintenance"],
        catalog["piloting"],
    }
    assert [c.course for c in client.get("/courses/", {"q": "piloting"}).context["cards"]] == [catalog["piloting"]]
    assert [c.course for c in client.get("/courses/", {"q": "드론 조종"}).context["cards"]] == [catalog["piloting"]]


def test_filters_by_institute_category_level_and_delivery_mode(client, catalog):
    def titles(**params):
        return {c.course.title for c in client.get("/courses/", params).context["cards"]}

    assert titles(institute="dsec") == {"방산기술보호 보안교육"}
    assert titles(category="maintenance") == {"군용드론 정비 실무"}
    assert titles(level="intermediate") == {"군용드론 정비 실무"}
    assert titles(delivery="blended") == {"군용드론 정비 실무"}
    assert titles(institute="kdri", category="piloting") == {"소형 군용드론 조종 기초"}


def test_unknown_filter_values_and_page_numbers_are_ignored(client, catalog):
    for params in (
        {"category": "nonsense"},
        {"level": "<script>"},
        {"institute": "nope"},
        {"page": "abc"},
        {"page": "999"},
        {"page": "-1"},
    ):
        response = client.get("/courses/", params)
        assert response.status_code == 200, params
        assert len(response.context["cards"]) == 3, params
        assert response.context["page_obj"].number == 1


def test_pagination(client, catalog):
    for n in range(12):
        f.course_page(catalog["beta"], f"추가 과정 {n:02d}")

    first = client.get("/courses/")
    second = client.get("/courses/", {"page": 2})

    assert len(first.context["cards"]) == 12
    assert len(second.context["cards"]) == 3
    assert "page=2" in first.content.decode()


def test_draft_courses_are_not_listed(client, catalog):
    catalog["security"].unpublish()

    titles = {c.course.title for c in client.get("/courses/").context["cards"]}

    assert "방산기술보호 보안교육" not in titles


def test_catalog_in_english(client, catalog):
    client.cookies["academy_language"] = "en"

    text = client.get("/courses/").content.decode()

    assert "Korea Drone Research Institute" in text
    assert "Small drone piloting basics" in text
    assert "Maintenance" in text


ROOT = Path(__file__).resolve().parents[2]
SQLITE_SEARCH = """
import django; django.setup()
from django.test.utils import setup_test_environment; setup_test_environment()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from tests import factories as f
from django.test import Client
institute = f.institute_page("한국드론연구원")
target = f.course_page(institute, "군용드론 정비 실무")
f.course_page(institute, "소형 군용드론 조종 기초")
response = Client().get("/courses/", {"q": "정비"})
print("FOUND", [card.course.title for card in response.context["cards"]])
"""


def test_korean_search_works_on_sqlite_too(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.dev", ACADEMY_VAR_DIR=str(tmp_path), DJANGO_ALLOWED_HOSTS="testserver"
    )

    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SQLITE_SEARCH], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )

    assert result.returncode == 0, result.stderr[-3000:]
    assert "FOUND ['군용드론 정비 실무']" in result.stdout
