"""The item pool rule: a quiz that requires it is published only with a pool of 3 × its draw count."""

import pytest
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def pool():
    institute = f.institute_page()
    course = f.course_page(institute)
    course.save_revision().publish()
    bank = f.question_bank(institute, course)
    for _ in range(5):
        f.question(bank, "true_false", correct_answer=True, category="법규")
    f.question(bank, "true_false", correct_answer=True, category="기체")  # another category
    quiz = f.quiz_page(
        course, draw_bank=bank, draw_category="법규", draw_count=2, require_item_pool=True, kind="final", live=False
    )
    return {"institute": institute, "bank": bank, "quiz": quiz, "manager": f.manager_of(institute)}


def _post(client, quiz, action):
    html = client.get(f"/cms/pages/{quiz.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    # A browser sends "on" for a ticked checkbox without a value; the helper sends "" (read as unticked).
    for box in WagtailTestUtils.get_soup(html).select("#page-edit-form input[type=checkbox][checked]"):
        if not box.get("value"):
            data[box["name"]] = "on"
    if action:
        data[action] = action
    return client.post(f"/cms/pages/{quiz.pk}/edit/", data)


def test_publishing_with_a_pool_under_three_times_the_draw_is_refused(client, pool):
    client.force_login(pool["manager"])

    response = _post(client, pool["quiz"], "action-publish")

    assert response.status_code == 200
    text = response.content.decode()
    assert "문제 수가 5개" in text and "최소 6개" in text  # translated, with the numbers
    pool["quiz"].refresh_from_db()
    assert not pool["quiz"].live


def test_publishing_with_a_pool_of_three_times_the_draw_succeeds(client, pool):
    f.question(pool["bank"], "true_false", correct_answer=False, category="법규")  # 6 = 3 × 2
    client.force_login(pool["manager"])

    response = _post(client, pool["quiz"], "action-publish")

    assert response.status_code == 302
    pool["quiz"].refresh_from_db()
    assert pool["quiz"].live


def test_a_draft_may_be_saved_with_a_small_pool(client, pool):
    client.force_login(pool["manager"])

    response = _post(client, pool["quiz"], None)

    assert response.status_code == 302
    pool["quiz"].refresh_from_db()
    assert not pool["quiz"].live


def test_without_the_setting_a_small_pool_is_published(client, pool):
    quiz = pool["quiz"]
    quiz.require_item_pool = False
    quiz.save_revision()
    client.force_login(pool["manager"])

    response = _post(client, quiz, "action-publish")

    assert response.status_code == 302
    quiz.refresh_from_db()
    assert quiz.live


def test_a_quiz_of_fixed_questions_has_no_pool_to_check(client, pool):
    quiz = pool["quiz"]
    quiz.draw_bank = None
    quiz.save_revision()
    client.force_login(pool["manager"])

    response = _post(client, quiz, "action-publish")

    assert response.status_code == 200
    assert "무작위" in response.content.decode()
    quiz.refresh_from_db()
    assert not quiz.live


def test_the_editor_shows_the_kind_and_the_pool_setting(client, pool):
    client.force_login(pool["manager"])

    html = client.get(f"/cms/pages/{pool['quiz'].pk}/edit/").content.decode()

    assert 'name="kind"' in html and 'name="require_item_pool"' in html
    assert "진행단계평가" in html and "최종평가" in html and "기타 평가" in html
