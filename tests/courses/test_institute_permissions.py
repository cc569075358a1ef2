"""Instructors and managers work only in their own institute's part of the page tree."""

import pytest
from wagtail.models import Collection

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_institutes():
    alpha = f.institute_page("알파연구원")
    beta = f.institute_page("베타연구원")
    return {
        "alpha": alpha,
        "beta": beta,
        "alpha_course": f.course_page(alpha, "알파 과정"),
        "beta_course": f.course_page(beta, "베타 과정"),
        "alpha_instructor": f.instructor_of(alpha),
        "alpha_manager": f.manager_of(alpha),
    }


def test_setup_gives_each_institute_groups_a_collection_and_a_workflow(two_institutes):
    alpha = two_institutes["alpha"]

    assert alpha.instructors_group.name == "알파연구원 · 강사"
    assert alpha.managers_group.name == "알파연구원 · 기관 관리자"
    assert alpha.collection.get_parent() == Collection.get_first_root_node()
    workflow = alpha.get_workflow()
    assert workflow is not None and workflow.active
    task = workflow.workflow_tasks.get().task.specific
    assert list(task.groups.all()) == [alpha.managers_group]
    assert two_institutes["beta"].get_workflow() != workflow


def test_setup_runs_twice_without_duplicates(two_institutes):
    from courses.institutes import institute_setup

    alpha = two_institutes["alpha"]
    again = institute_setup(institute=alpha)

    assert again.instructors_group_id == alpha.instructors_group_id
    assert again.collection_id == alpha.collection_id
    assert alpha.get_workflow() == again.get_workflow()


def test_instructor_opens_own_course_but_not_another_institutes(client, two_institutes):
    client.force_login(two_institutes["alpha_instructor"])

    own = client.get(f"/cms/pages/{two_institutes['alpha_course'].pk}/edit/")
    other = client.get(f"/cms/pages/{two_institutes['beta_course'].pk}/edit/")

    assert own.status_code == 200
    assert other.status_code in (302, 403)
    assert "알파 과정" in own.content.decode()


def test_instructor_cannot_add_a_course_to_another_institute(client, two_institutes):
    client.force_login(two_institutes["alpha_instructor"])
    beta = two_institutes["beta"]

    response = client.get(f"/cms/pages/add/courses/coursepage/{beta.pk}/")

    assert response.status_code in (302, 403)


def test_instructor_cannot_publish_but_manager_can(client, two_institutes):
    course = two_institutes["alpha_course"]
    perms_instructor = course.permissions_for_user(two_institutes["alpha_instructor"])
    perms_manager = course.permissions_for_user(two_institutes["alpha_manager"])

    assert perms_instructor.can_edit() and not perms_instructor.can_publish()
    assert perms_manager.can_edit() and perms_manager.can_publish()
    assert not two_institutes["beta_course"].permissions_for_user(two_institutes["alpha_manager"]).can_edit()


def test_instructor_publish_request_does_not_go_live(client, two_institutes):
    course = two_institutes["alpha_course"]
    client.force_login(two_institutes["alpha_instructor"])
    data = _course_form(course, title="알파 과정 (개정)")
    data["action-publish"] = "action-publish"

    response = client.post(f"/cms/pages/{course.pk}/edit/", data)

    assert response.status_code == 302  # the form was valid: saved as a draft, not published
    course.refresh_from_db()
    assert course.title == "알파 과정"
    assert course.has_unpublished_changes
    assert course.get_latest_revision().content["title"] == "알파 과정 (개정)"


def test_manager_of_another_institute_cannot_open_the_course(client, two_institutes):
    client.force_login(f.manager_of(two_institutes["beta"]))

    response = client.get(f"/cms/pages/{two_institutes['alpha_course'].pk}/edit/")

    assert response.status_code in (302, 403)


def _course_form(course, **overrides):
    data = {
        "title": course.title,
        "slug": course.slug,
        "title_en": course.title_en,
        "summary": course.summary,
        "summary_en": course.summary_en,
        "category": course.category,
        "level": course.level,
        "study_hours": course.study_hours,
        "delivery_mode": course.delivery_mode,
        "enrolment_policy": course.enrolment_policy,
        "overview-count": "0",
        "overview_en-count": "0",
        "outcomes": "",
        "outcomes_en": "",
        "prerequisite_links-TOTAL_FORMS": "0",
        "prerequisite_links-INITIAL_FORMS": "0",
        "prerequisite_links-MIN_NUM_FORMS": "0",
        "prerequisite_links-MAX_NUM_FORMS": "1000",
        "instructor_links-TOTAL_FORMS": "0",
        "instructor_links-INITIAL_FORMS": "0",
        "instructor_links-MIN_NUM_FORMS": "0",
        "instructor_links-MAX_NUM_FORMS": "1000",
        "min_progress_percent": "80",
        "min_assessment_score": "60",
        "min_attendance_percent": "80",
        "min_total_score": "60",
        "certificate_validity_months": "",
        "seo_title": "",
        "search_description": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data
