"""Every lesson and course change goes live only after a manager of the same institute approves it."""

import pytest
from wagtail.models import WorkflowState

from tests import factories as f

pytestmark = pytest.mark.django_db


def lesson_form(lesson, **overrides):
    data = {
        "title": lesson.title,
        "slug": lesson.slug,
        "title_en": lesson.title_en,
        "study_minutes": str(lesson.study_minutes),
        "required": "on",
        "sensitivity": "public",  # the label every lesson form posts since issue 18
        "body-count": "1",
        "body_en-count": "0",
        "body-0-type": "paragraph",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        "body-0-value": '{"blocks":[{"key":"a1","text":"개정된 내용","type":"unstyled","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
        "seo_title": "",
        "search_description": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


@pytest.fixture
def setup():
    alpha = f.institute_page("알파연구원")
    beta = f.institute_page("베타연구원")
    course = f.course_page(alpha, "알파 과정")
    lesson = f.lesson_page(course, "1차시 비행 전 점검")
    lesson.save_revision().publish()
    return {
        "lesson": lesson,
        "instructor": f.instructor_of(alpha),
        "manager": f.manager_of(alpha),
        "other_manager": f.manager_of(beta),
    }


def submit(client, setup, **changes):
    lesson = setup["lesson"]
    client.force_login(setup["instructor"])
    response = client.post(
        f"/cms/pages/{lesson.pk}/edit/", {**lesson_form(lesson, **changes), "action-submit": "action-submit"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return WorkflowState.objects.get(object_id=str(lesson.pk), status=WorkflowState.STATUS_IN_PROGRESS)


def test_submission_waits_for_review_and_is_not_live(client, setup):
    state = submit(client, setup, title="1차시 비행 전 점검 (개정)")

    lesson = setup["lesson"]
    lesson.refresh_from_db()
    assert lesson.title == "1차시 비행 전 점검"
    assert state.current_task_state.task.specific.groups.get() == setup["manager"].groups.get()


def test_manager_of_the_institute_approves_and_the_change_goes_live(client, setup):
    state = submit(client, setup, title="1차시 비행 전 점검 (개정)")
    client.force_login(setup["manager"])

    response = client.post(
        f"/cms/pages/workflow/action/{setup['lesson'].pk}/approve/{state.current_task_state.pk}/",
        {"comment": "좋습니다"},
    )

    assert response.status_code in (200, 302)
    lesson = setup["lesson"]
    lesson.refresh_from_db()
    assert lesson.title == "1차시 비행 전 점검 (개정)"
    assert lesson.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_manager_rejects_with_a_comment_and_nothing_goes_live(client, setup):
    state = submit(client, setup, title="잘못된 제목")
    client.force_login(setup["manager"])

    client.post(
        f"/cms/pages/workflow/action/{setup['lesson'].pk}/reject/{state.current_task_state.pk}/",
        {"comment": "보안 검토가 필요합니다"},
    )

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = state.current_task_state
    assert task_state.status == task_state.STATUS_REJECTED
    assert task_state.comment == "보안 검토가 필요합니다"
    lesson = setup["lesson"]
    lesson.refresh_from_db()
    assert lesson.title == "1차시 비행 전 점검"


def test_manager_of_another_institute_cannot_approve(client, setup):
    state = submit(client, setup, title="1차시 비행 전 점검 (개정)")
    client.force_login(setup["other_manager"])

    response = client.post(
        f"/cms/pages/workflow/action/{setup['lesson'].pk}/approve/{state.current_task_state.pk}/",
        {"comment": "승인"},
    )

    assert response.status_code in (302, 403)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    lesson = setup["lesson"]
    lesson.refresh_from_db()
    assert lesson.title == "1차시 비행 전 점검"


def test_revisions_can_be_compared(client, setup):
    submit(client, setup, title="1차시 비행 전 점검 (개정)")
    lesson = setup["lesson"]
    revisions = list(lesson.revisions.order_by("pk").values_list("pk", flat=True))
    client.force_login(setup["manager"])

    response = client.get(f"/cms/pages/{lesson.pk}/revisions/compare/{revisions[0]}...{revisions[-1]}/")

    assert response.status_code == 200
    assert "(개정)" in response.content.decode()


def test_preview_of_a_draft_renders(client, setup):
    lesson = setup["lesson"]
    client.force_login(setup["instructor"])

    response = client.post(f"/cms/pages/{lesson.pk}/edit/preview/", lesson_form(lesson, title="미리보기 제목"))
    assert response.json()["is_valid"]
    preview = client.get(f"/cms/pages/{lesson.pk}/edit/preview/")

    assert preview.status_code == 200
    assert "미리보기 제목" in preview.content.decode()
